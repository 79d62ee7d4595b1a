import { Alert, App, Button, Card, Empty, Space, Table, Tabs, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { threadsOf, type Thread } from '../../../../../core/domain/forum';
import { PageHeader } from '../../../app/layout/PageHeader';
import { hrefWith, navigate } from '../../../app/router';
import { createPostWithFiles, useBoards, usePosts, type PostInfo } from '../../../db/forumHooks';
import { StaffName } from '../../staff/StaffName';
import { useForumContext } from '../model/useForumContext';
import { postViewFor } from '../model/visibility';
import { PostFormDialog, type PostFormValues } from './PostFormDialog';
import { BoardAdminDialog } from './BoardAdminDialog';
import { PostTags } from './PostTags';

/** A board's threads, most recently active first, and the new-thread form. */
export function BoardPage({ boardId }: { readonly boardId: string | null }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const ctx = useForumContext();
  const boards = useBoards();
  const posts = usePosts();
  const [writing, setWriting] = useState(false);
  const [administering, setAdministering] = useState(false);
  const active = boardId ?? boards?.find((b) => !b.closed)?.id ?? boards?.[0]?.id ?? null;
  const activeBoard = boards?.find((b) => b.id === active);
  const threads = useMemo(() => (posts && active ? threadsOf(posts, active) : []), [posts, active]);
  const titleOf = (p: PostInfo) => {
    const view = ctx ? postViewFor(p, ctx.user, ctx.isAdmin) : 'normal';
    return view === 'withdrawn'
      ? t('forum.tags.withdrawn')
      : view === 'hiddenFromMe'
        ? t('forum.tags.hidden')
        : p.title;
  };
  const columns = [
    {
      key: 'title',
      title: t('forum.list.columns.title'),
      render: (_: unknown, th: Thread<PostInfo>) => (
        <Space wrap>
          <a href={hrefWith('forum', { thread: th.opening.id })} data-testid="thread-link">
            {titleOf(th.opening)}
          </a>
          <PostTags post={th.opening} ctx={ctx} edited={false} />
        </Space>
      ),
    },
    {
      key: 'author',
      title: t('forum.list.columns.author'),
      width: 130,
      render: (_: unknown, th: Thread<PostInfo>) => <StaffName name={th.opening.createdBy} />,
    },
    {
      key: 'replies',
      title: t('forum.list.columns.replies'),
      width: 80,
      render: (_: unknown, th: Thread<PostInfo>) => th.replies.length,
    },
    {
      key: 'last',
      title: t('forum.list.columns.lastActivity'),
      width: 160,
      render: (_: unknown, th: Thread<PostInfo>) => dayjs(th.lastActivity).format('YYYY-MM-DD HH:mm'),
    },
  ];
  const save = async (v: PostFormValues) => {
    if (!ctx || !active) return;
    const draft = { board: active, title: v.title, body: v.body };
    const id = await createPostWithFiles(ctx.db, ctx.repo, ctx.user, draft, v.files);
    void message.success(t(navigator.onLine ? 'forum.form.saved' : 'forum.form.savedOffline'));
    navigate('forum', { thread: id });
  };
  return (
    <div className="cd-screen" data-testid="screen-forum">
      <PageHeader
        moduleKey="forum"
        extra={
          <Space>
            {ctx?.isAdmin && boards && (
              <Button onClick={() => setAdministering(true)} data-testid="board-manage">
                {t('forum.boards.manage')}
              </Button>
            )}
            {activeBoard && !activeBoard.closed && (
              <Button
                type="primary"
                onClick={() => setWriting(true)}
                disabled={!ctx}
                data-testid="thread-new"
              >
                {t('forum.list.newThread')}
              </Button>
            )}
          </Space>
        }
      />
      <Card variant="borderless">
        {boards && boards.length === 0 ? (
          <Empty description={t('forum.boards.empty')} />
        ) : (
          <>
            <Tabs
              activeKey={active ?? undefined}
              onChange={(key) => navigate('forum', { board: key })}
              items={(boards ?? []).map((b) => ({
                key: b.id,
                label: (
                  <span data-testid={`board-tab-${b.id}`} data-closed={b.closed}>
                    {b.name}
                    {b.closed && <Tag className="cd-forum-closed-tag">{t('forum.boards.closedTag')}</Tag>}
                  </span>
                ),
              }))}
            />
            {activeBoard?.description && (
              <Typography.Paragraph type="secondary">{activeBoard.description}</Typography.Paragraph>
            )}
            {activeBoard?.closed && (
              <Alert
                type="info"
                showIcon
                message={t('forum.boards.closedNotice')}
                data-testid="board-closed"
                style={{ marginBottom: 12 }}
              />
            )}
            <Table
              rowKey={(th) => th.opening.id}
              dataSource={threads}
              columns={columns}
              loading={posts === undefined}
              pagination={{ pageSize: 30, hideOnSinglePage: true }}
              locale={{ emptyText: t('forum.list.empty') }}
              data-testid="thread-table"
            />
          </>
        )}
      </Card>
      <PostFormDialog
        open={writing}
        heading={t('forum.form.newTitle')}
        withTitle
        withFiles
        onSave={save}
        onClose={() => setWriting(false)}
      />
      {ctx?.isAdmin && boards && (
        <BoardAdminDialog
          open={administering}
          ctx={ctx}
          boards={boards}
          posts={posts ?? []}
          onClose={() => setAdministering(false)}
        />
      )}
    </div>
  );
}
