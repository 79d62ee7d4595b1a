import { Alert, App, Button, Card, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { quoteExcerpt } from '../../../../../core/domain/forum';
import { FilePicker } from '../../../app/components/FilePicker';
import { paragraphsToBody } from '../../../app/components/ParagraphText';
import { createPostWithFiles, type PostInfo } from '../../../db/forumHooks';
import { useStaffDirectory } from '../../staff/useStaffDirectory';
import { failureText } from '../model/failureText';
import type { ForumContext } from '../model/useForumContext';

/** Props of {@link ReplyBox}. */
export interface ReplyBoxProps {
  readonly thread: PostInfo;
  readonly ctx: ForumContext;
  /** The post being quoted, if any. */
  readonly quoting: PostInfo | null;
  readonly onClearQuote: () => void;
  /** The thread's board is closed: no replies. */
  readonly boardClosed: boolean;
}

/** The reply form under a thread (with the quoted post, if any); a locked thread or closed board takes no replies. */
export function ReplyBox({ thread, ctx, quoting, onClearQuote, boardClosed }: ReplyBoxProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const directory = useStaffDirectory();
  const [text, setText] = useState('');
  const [saving, setSaving] = useState(false);
  const [files, setFiles] = useState<File[]>([]);
  if (boardClosed)
    return <Alert type="info" showIcon message={t('forum.boards.closedNotice')} data-testid="board-closed" />;
  if (thread.locked)
    return <Alert type="info" showIcon message={t('forum.form.lockedNotice')} data-testid="thread-locked" />;
  const send = async () => {
    const body = paragraphsToBody(text);
    if (!body) {
      void message.warning(t('forum.form.required', { field: t('forum.form.bodyLabel') }));
      return;
    }
    setSaving(true);
    try {
      const draft = {
        board: thread.board,
        threadId: thread.id,
        title: '',
        body,
        ...(quoting ? { quotes: quoting.id } : {}),
      };
      await createPostWithFiles(ctx.db, ctx.repo, ctx.user, draft, files);
      setText('');
      setFiles([]);
      onClearQuote();
      void message.success(t(navigator.onLine ? 'forum.form.saved' : 'forum.form.savedOffline'));
    } catch (err) {
      void message.error(failureText(t, err));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Card size="small" title={t('forum.post.reply')}>
      <Space direction="vertical" style={{ width: '100%' }}>
        {quoting && (
          <blockquote className="cd-forum-quote" data-testid="reply-quoting">
            <Typography.Text type="secondary">
              {t('forum.post.quoting', { name: directory.displayName(quoting.createdBy) })}
            </Typography.Text>
            <div>{quoteExcerpt(quoting.body)}</div>
            <Button size="small" type="link" onClick={onClearQuote}>
              {t('forum.form.removeQuote')}
            </Button>
          </blockquote>
        )}
        <Input.TextArea
          value={text}
          onChange={(e) => setText(e.target.value)}
          autoSize={{ minRows: 3, maxRows: 12 }}
          placeholder={t('forum.form.replyPlaceholder')}
          data-testid="reply-body"
        />
        <Space>
          <Button type="primary" onClick={() => void send()} loading={saving} data-testid="reply-send">
            {t('forum.form.send')}
          </Button>
          <FilePicker files={files} onChange={setFiles} label={t('forum.form.attach')} testId="reply-files" />
        </Space>
      </Space>
    </Card>
  );
}
