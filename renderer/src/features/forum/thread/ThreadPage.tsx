import { App, Empty, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { threadsOf } from '../../../../../core/domain/forum';
import { PageHeader } from '../../../app/layout/PageHeader';
import { hrefWith } from '../../../app/router';
import {
  editPost,
  setHidden,
  setLocked,
  useBoards,
  usePosts,
  withdrawPost,
  type PostInfo,
} from '../../../db/forumHooks';
import { changeOwnedFiles } from '../../../db/ownedFiles';
import { PostFormDialog } from '../list/PostFormDialog';
import { failureText } from '../model/failureText';
import { useForumContext } from '../model/useForumContext';
import { HideDialog } from './HideDialog';
import { PostCard } from './PostCard';
import { ReplyBox } from './ReplyBox';

/** A thread: the opening post and its replies in order, quoting, the author's and admins' actions, the reply box. */
export function ThreadPage({ threadId }: { readonly threadId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const ctx = useForumContext();
  const posts = usePosts();
  const boards = useBoards();
  const [quoting, setQuoting] = useState<PostInfo | null>(null);
  const [editing, setEditing] = useState<PostInfo | null>(null);
  const [hiding, setHiding] = useState<PostInfo | null>(null);
  const thread = useMemo(
    () => (posts ? threadsOf(posts).find((th) => th.opening.id === threadId) : undefined),
    [posts, threadId],
  );
  const byId = useMemo(() => new Map((posts ?? []).map((p) => [p.id, p])), [posts]);
  if (!posts || !ctx) return <div className="cd-screen" data-testid="screen-forum" />;
  const back = thread ? (
    <a href={hrefWith('forum', { board: thread.opening.board })}>{t('forum.thread.back')}</a>
  ) : null;
  if (!thread)
    return (
      <div className="cd-screen" data-testid="screen-forum">
        <PageHeader moduleKey="forum" />
        <Empty description={t('forum.thread.notFound')} />
      </div>
    );
  const run = (op: Promise<void>) => void op.catch((err: unknown) => message.error(failureText(t, err)));
  const actionsFor = (p: PostInfo, opening: boolean) => ({
    ...(thread.opening.locked || boardClosed ? {} : { onQuote: () => setQuoting(p) }),
    onEdit: () => setEditing(p),
    onWithdraw: () => run(withdrawPost(ctx.repo, p.id)),
    onHide: () => setHiding(p),
    onUnhide: () => run(setHidden(ctx.repo, p.id, ctx.user, null)),
    ...(opening ? { onLock: (locked: boolean) => run(setLocked(ctx.repo, p.id, locked)) } : {}),
  });
  const all = [thread.opening, ...thread.replies];
  const boardClosed = boards?.find((b) => b.id === thread.opening.board)?.closed === true;
  return (
    <div className="cd-screen" data-testid="screen-forum">
      <PageHeader moduleKey="forum" extra={back} />
      <Typography.Title level={4} data-testid="thread-title">
        {thread.opening.withdrawn ? t('forum.tags.withdrawn') : thread.opening.title}
      </Typography.Title>
      <Typography.Text type="secondary">
        {t('forum.thread.replies', { count: thread.replies.length })}
      </Typography.Text>
      <Space direction="vertical" size="middle" style={{ width: '100%', marginTop: 12 }}>
        {all.map((p, i) => (
          <PostCard
            key={p.id}
            post={p}
            floor={i}
            quoted={p.quotes ? byId.get(p.quotes) : undefined}
            ctx={ctx}
            actions={actionsFor(p, i === 0)}
          />
        ))}
        <ReplyBox
          thread={thread.opening}
          ctx={ctx}
          quoting={quoting}
          onClearQuote={() => setQuoting(null)}
          boardClosed={boardClosed}
        />
      </Space>
      <PostFormDialog
        open={editing !== null}
        heading={t('forum.form.editTitle')}
        withTitle={editing !== null && editing.threadId === undefined}
        withFiles
        {...(editing ? { editing } : {})}
        onSave={async (v) => {
          if (!editing) return;
          const content = { ...(editing.threadId ? {} : { title: v.title }), body: v.body };
          await changeOwnedFiles(
            ctx.db,
            editing.id,
            editing.attachments,
            { keep: v.keep, add: v.files },
            { user: ctx.user, isAdmin: ctx.isAdmin },
            (attachments) => editPost(ctx.repo, editing.id, { ...content, attachments }),
          );
        }}
        onClose={() => setEditing(null)}
      />
      <HideDialog
        open={hiding !== null}
        onHide={(reason) => {
          if (hiding) run(setHidden(ctx.repo, hiding.id, ctx.user, reason));
          setHiding(null);
        }}
        onClose={() => setHiding(null)}
      />
    </div>
  );
}
