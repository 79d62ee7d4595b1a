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
  const run = async (op: Promise<unknown>): Promise<boolean> => {
    try {
      await op;
      void message.success(t('forum.boardAdmin.saved'));
      return true;
    } catch (err) {
      void message.error(failureText(t, err));
      return false;
    }
  };
  const save = (draft: BoardDraft): Promise<boolean> =>
    editing === 'new'
      ? run(createBoard(ctx.repo, draft))
      : editing
        ? run(updateBoard(ctx.repo, editing.id, draft))
        : Promise.resolve(false);
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
        <BoardActions
          board={b}
          inUse={posts.some((p) => p.board === b.id)}
          onEdit={() => setEditing(b)}
          onClose={() => void run(setBoardClosed(ctx.repo, b.id, true))}
          onReopen={() => void run(setBoardClosed(ctx.repo, b.id, false))}
          onDelete={() => void run(deleteBoard(ctx.repo, b, posts))}
        />
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

/** The actions of one board: edit, close or reopen (confirmed), delete (a closed, empty board). */
function BoardActions(props: {
  readonly board: BoardInfo;
  readonly inUse: boolean;
  readonly onEdit: () => void;
  readonly onClose: () => void;
  readonly onReopen: () => void;
  readonly onDelete: () => void;
}) {
  const { board: b, inUse, onEdit, onClose, onReopen, onDelete } = props;
  const { t } = useTranslation();
  const confirm = { okText: t('forum.boardAdmin.ok'), cancelText: t('forum.boardAdmin.cancel') };
  const deletable = b.closed && !inUse;
  return (
    <Space size={0} data-testid={`board-admin-row-${b.id}`}>
      <Button type="link" size="small" onClick={onEdit} data-testid="board-edit">
        {t('forum.boardAdmin.edit')}
      </Button>
      {b.closed ? (
        <Button type="link" size="small" onClick={onReopen} data-testid="board-reopen">
          {t('forum.boardAdmin.reopen')}
        </Button>
      ) : (
        <Popconfirm
          title={t('forum.boardAdmin.closeConfirm', { name: b.name })}
          onConfirm={onClose}
          okButtonProps={{ 'data-testid': 'board-close-confirm' }}
          {...confirm}
        >
          <Button type="link" size="small" data-testid="board-close">
            {t('forum.boardAdmin.close')}
          </Button>
        </Popconfirm>
      )}
      <Tooltip title={deletable ? undefined : t('forum.boardAdmin.deleteHint')}>
        <Popconfirm
          title={t('forum.boardAdmin.deleteConfirm', { name: b.name })}
          onConfirm={onDelete}
          disabled={!deletable}
          {...confirm}
        >
          <Button type="link" size="small" danger disabled={!deletable} data-testid="board-delete">
            {t('forum.boardAdmin.delete')}
          </Button>
        </Popconfirm>
      </Tooltip>
    </Space>
  );
}
