import { Alert, Button, Card, Popconfirm, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { quoteExcerpt } from '../../../../../core/domain/forum';
import { AttachmentList } from '../../../app/components/AttachmentList';
import { ParagraphText } from '../../../app/components/ParagraphText';
import type { PostInfo } from '../../../db/forumHooks';
import { StaffName } from '../../staff/StaffName';
import { useStaffDirectory } from '../../staff/useStaffDirectory';
import { PostTags } from '../list/PostTags';
import type { ForumContext } from '../model/useForumContext';
import { postViewFor } from '../model/visibility';

const time = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm');

/** What a post card can do, as the thread page wires it. */
export interface PostCardActions {
  readonly onQuote?: () => void;
  readonly onEdit: () => void;
  readonly onWithdraw: () => void;
  readonly onHide: () => void;
  readonly onUnhide: () => void;
  readonly onLock?: (locked: boolean) => void;
}

function Quoted({ quoted, ctx }: { readonly quoted: PostInfo | undefined; readonly ctx: ForumContext }) {
  const { t } = useTranslation();
  const directory = useStaffDirectory();
  const visible = quoted && postViewFor(quoted, ctx.user, ctx.isAdmin) === 'normal';
  return (
    <blockquote className="cd-forum-quote" data-testid="post-quote">
      {visible ? (
        <>
          <Typography.Text type="secondary">
            {t('forum.post.quoting', { name: directory.displayName(quoted.createdBy) })}
          </Typography.Text>
          <div>{quoteExcerpt(quoted.body)}</div>
        </>
      ) : (
        <Typography.Text type="secondary">{t('forum.post.quoteGone')}</Typography.Text>
      )}
    </blockquote>
  );
}

/** One post of a thread: author, time, marks, quote, text (as this reader may see it) and actions. */
export function PostCard(props: {
  readonly post: PostInfo;
  readonly floor: number;
  readonly quoted: PostInfo | undefined;
  readonly ctx: ForumContext;
  readonly actions: PostCardActions;
}) {
  const { post, floor, quoted, ctx, actions } = props;
  const { t } = useTranslation();
  const directory = useStaffDirectory();
  const view = postViewFor(post, ctx.user, ctx.isAdmin);
  const mine = post.createdBy === ctx.user;
  const buttons: ReactNode[] = [];
  if (actions.onQuote && view === 'normal')
    buttons.push(
      <Button key="q" size="small" onClick={actions.onQuote} data-testid="post-quote-button">
        {t('forum.post.quote')}
      </Button>,
    );
  if (mine && !post.withdrawn) {
    buttons.push(
      <Button key="e" size="small" onClick={actions.onEdit} data-testid="post-edit">
        {t('forum.post.edit')}
      </Button>,
    );
    buttons.push(
      <Popconfirm key="w" title={t('forum.post.withdrawConfirm')} onConfirm={actions.onWithdraw}>
        <Button size="small" danger data-testid="post-withdraw">
          {t('forum.post.withdraw')}
        </Button>
      </Popconfirm>,
    );
  }
  if (ctx.isAdmin) {
    buttons.push(
      post.hidden ? (
        <Button key="h" size="small" onClick={actions.onUnhide}>
          {t('forum.post.unhide')}
        </Button>
      ) : (
        <Button key="h" size="small" onClick={actions.onHide} data-testid="post-hide">
          {t('forum.post.hide')}
        </Button>
      ),
    );
    if (actions.onLock)
      buttons.push(
        <Button key="l" size="small" onClick={() => actions.onLock?.(!post.locked)} data-testid="post-lock">
          {post.locked ? t('forum.post.unlock') : t('forum.post.lock')}
        </Button>,
      );
  }
  return (
    <Card
      size="small"
      className="cd-forum-post"
      data-testid="post-card"
      data-post={post.id}
      title={
        <Space wrap>
          <StaffName name={post.createdBy} />
          <Typography.Text type="secondary">{time(post.createdAt)}</Typography.Text>
          {post.editedAt && (
            <Typography.Text type="secondary">
              {t('forum.post.editedAt', { time: time(post.editedAt) })}
            </Typography.Text>
          )}
          <PostTags post={post} ctx={ctx} edited={false} />
        </Space>
      }
      extra={
        <Typography.Text type="secondary">
          {floor === 0 ? t('forum.post.opening') : t('forum.post.floor', { n: floor })}
        </Typography.Text>
      }
      actions={
        buttons.length > 0
          ? [
              <Space key="a" wrap>
                {buttons}
              </Space>,
            ]
          : undefined
      }
    >
      {post.conflicted && (
        <Alert type="error" showIcon message={t('forum.post.conflictNote')} style={{ marginBottom: 8 }} />
      )}
      {view === 'withdrawn' && (
        <Typography.Text type="secondary">{t('forum.post.withdrawnText')}</Typography.Text>
      )}
      {view === 'hiddenFromMe' && (
        <Typography.Text type="secondary" data-testid="post-hidden-text">
          {t('forum.post.hiddenText', { reason: post.hidden?.reason ?? '' })}
        </Typography.Text>
      )}
      {view === 'hiddenButShown' && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 8 }}
          message={t('forum.post.hiddenNote', {
            by: directory.displayName(post.hidden?.by ?? ''),
            reason: post.hidden?.reason ?? '',
          })}
        />
      )}
      {(view === 'normal' || view === 'hiddenButShown') && (
        <>
          {post.quotes && <Quoted quoted={quoted} ctx={ctx} />}
          <ParagraphText body={post.body} testId="post-body" />
          {post.attachments.length > 0 && (
            <AttachmentList dbKey="forum" ownerIds={[post.id]} listed={post.attachments} />
          )}
        </>
      )}
    </Card>
  );
}
