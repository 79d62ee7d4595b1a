import { App, Button, Modal, Popconfirm, Space, Table, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  createBoard,
  deleteBoard,
  setBoardClosed,
  updateBoard,
  type BoardDraft,
  type BoardInfo,
  type PostInfo,
} from '../../../db/forumHooks';
import { failureText } from '../model/failureText';
import type { ForumContext } from '../model/useForumContext';
import { BoardFormDialog } from './BoardFormDialog';

/** Props of {@link BoardAdminDialog}. */
export interface BoardAdminDialogProps {
  readonly open: boolean;
  readonly ctx: ForumContext;
  readonly boards: readonly BoardInfo[];
  readonly posts: readonly PostInfo[];
  readonly onClose: () => void;
}

/**
 * An admin's board list: create, rename, reorder, close or reopen, and delete an empty closed
 * board. The server's validate_doc_update enforces the same (docs/intranet.md).
 */
export function BoardAdminDialog({ open, ctx, boards, posts, onClose }: BoardAdminDialogProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<BoardInfo | 'new' | null>(null);
  const threadCount = (b: BoardInfo) => posts.filter((p) => p.board === b.id && !p.threadId).length;
  const inUse = (b: BoardInfo) => posts.some((p) => p.board === b.id);
  const run = async (op: Promise<unknown>) => {
    try {
      await op;
      void message.success(t('forum.boardAdmin.saved'));
    } catch (err) {
      void message.error(failureText(t, err));
    }
  };
  const save = async (draft: BoardDraft) => {
    if (editing === 'new') await run(createBoard(ctx.repo, draft));
    else if (editing) await run(updateBoard(ctx.repo, editing.id, draft));
  };
  const confirm = { okText: t('forum.boardAdmin.ok'), cancelText: t('forum.boardAdmin.cancel') };
  const columns = [
    { key: 'name', title: t('forum.boardAdmin.columns.name'), dataIndex: 'name' },
    { key: 'description', title: t('forum.boardAdmin.columns.description'), dataIndex: 'description' },
    { key: 'order', title: t('forum.boardAdmin.columns.order'), dataIndex: 'order', width: 70 },
    {
      key: 'threads',
      title: t('forum.boardAdmin.columns.threads'),
      width: 80,
      render: (_: unknown, b: BoardInfo) => threadCount(b),
    },
    {
      key: 'state',
      title: t('forum.boardAdmin.columns.state'),
      width: 90,
      render: (_: unknown, b: BoardInfo) =>
        b.closed ? (
          <Tag>{t('forum.boardAdmin.closed')}</Tag>
        ) : (
          <Tag color="green">{t('forum.boardAdmin.open')}</Tag>
        ),
    },
    {
      key: 'actions',
      title: t('forum.boardAdmin.columns.actions'),
      width: 200,
      render: (_: unknown, b: BoardInfo) => (
        <Space size={0} data-testid={`board-admin-row-${b.id}`}>
          <Button type="link" size="small" onClick={() => setEditing(b)} data-testid="board-edit">
            {t('forum.boardAdmin.edit')}
          </Button>
          {b.closed ? (
            <Button
              type="link"
              size="small"
              onClick={() => void run(setBoardClosed(ctx.repo, b.id, false))}
              data-testid="board-reopen"
            >
              {t('forum.boardAdmin.reopen')}
            </Button>
          ) : (
            <Popconfirm
              title={t('forum.boardAdmin.closeConfirm', { name: b.name })}
              onConfirm={() => run(setBoardClosed(ctx.repo, b.id, true))}
              okButtonProps={{ 'data-testid': 'board-close-confirm' }}
              {...confirm}
            >
              <Button type="link" size="small" data-testid="board-close">
                {t('forum.boardAdmin.close')}
              </Button>
            </Popconfirm>
          )}
          <Tooltip title={b.closed && !inUse(b) ? undefined : t('forum.boardAdmin.deleteHint')}>
            <Popconfirm
              title={t('forum.boardAdmin.deleteConfirm', { name: b.name })}
              onConfirm={() => run(deleteBoard(ctx.repo, b, posts))}
              disabled={!b.closed || inUse(b)}
              {...confirm}
            >
              <Button
                type="link"
                size="small"
                danger
                disabled={!b.closed || inUse(b)}
                data-testid="board-delete"
              >
                {t('forum.boardAdmin.delete')}
              </Button>
            </Popconfirm>
          </Tooltip>
        </Space>
      ),
    },
  ];
  return (
    <Modal
      open={open}
      title={t('forum.boardAdmin.title')}
      onCancel={onClose}
      footer={null}
      width={900}
      data-testid="board-admin"
    >
      <Button
        type="primary"
        onClick={() => setEditing('new')}
        data-testid="board-new"
        style={{ marginBottom: 12 }}
      >
        {t('forum.boardAdmin.new')}
      </Button>
      <Table rowKey="id" dataSource={[...boards]} columns={columns} pagination={false} size="small" />
      <BoardFormDialog
        open={editing !== null}
        {...(editing && editing !== 'new' ? { board: editing } : {})}
        nextOrder={Math.max(0, ...boards.map((b) => b.order)) + 10}
        onSave={save}
        onClose={() => setEditing(null)}
      />
    </Modal>
  );
}
