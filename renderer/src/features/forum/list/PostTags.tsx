import { Space, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PostInfo } from '../../../db/forumHooks';
import type { ForumContext } from '../model/useForumContext';

/** The marks of a post: waiting to upload, refused, conflict, locked, hidden, withdrawn, edited. */
export function PostTags({
  post,
  ctx,
  edited = true,
}: {
  readonly post: PostInfo;
  readonly ctx: ForumContext | null;
  readonly edited?: boolean;
}) {
  const { t } = useTranslation();
  const rejected = ctx?.rejected.get(post.id);
  return (
    <Space size={4} wrap>
      {ctx?.pending.has(post.id) && (
        <Tooltip title={t('forum.post.pendingNote')}>
          <Tag color="gold" data-testid="post-pending">
            {t('forum.tags.pending')}
          </Tag>
        </Tooltip>
      )}
      {rejected && (
        <Tooltip title={t('forum.post.rejected', { reason: rejected })}>
          <Tag color="red" data-testid="post-rejected">
            {t('forum.post.rejected', { reason: rejected })}
          </Tag>
        </Tooltip>
      )}
      {post.conflicted && (
        <Tag color="red" data-testid="post-conflict">
          <a href="#/conflicts">{t('forum.tags.conflict')}</a>
        </Tag>
      )}
      {post.locked && <Tag color="default">{t('forum.tags.locked')}</Tag>}
      {post.hidden && <Tag color="orange">{t('forum.tags.hidden')}</Tag>}
      {post.withdrawn && <Tag>{t('forum.tags.withdrawn')}</Tag>}
      {edited && post.editedAt && !post.withdrawn && <Tag>{t('forum.tags.edited')}</Tag>}
    </Space>
  );
}
