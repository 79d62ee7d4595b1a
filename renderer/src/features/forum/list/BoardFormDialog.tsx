import { Form, Input, InputNumber, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardDraft, BoardInfo } from '../../../db/forumHooks';

/** Props of {@link BoardFormDialog}. */
export interface BoardFormDialogProps {
  readonly open: boolean;
  /** The board being edited; undefined for a new board. */
  readonly board?: BoardInfo;
  /** Where a new board sorts by default (after the others). */
  readonly nextOrder: number;
  /** Saves the board; false when it failed (the dialog stays open, the caller told the user why). */
  readonly onSave: (draft: BoardDraft) => Promise<boolean>;
  readonly onClose: () => void;
}

/** An admin's form of a board: name, description, order (the board schema's limits). */
export function BoardFormDialog({ open, board, nextOrder, onSave, onClose }: BoardFormDialogProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<BoardDraft>();
  const [saving, setSaving] = useState(false);
  const required = (field: string) => ({
    required: true,
    whitespace: true,
    message: t('forum.boardForm.required', { field }),
  });
  const tooLong = (field: string, max: number) => ({
    max,
    message: t('forum.boardForm.tooLong', { field, max }),
  });
  const submit = async (v: BoardDraft) => {
    setSaving(true);
    try {
      if (await onSave({ name: v.name, description: v.description ?? '', order: v.order })) onClose();
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open={open}
      title={t(board ? 'forum.boardForm.editTitle' : 'forum.boardForm.newTitle')}
      okText={t('forum.form.save')}
      cancelText={t('forum.form.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'board-form-submit' }}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={
          board
            ? { name: board.name, description: board.description, order: board.order }
            : { name: '', description: '', order: nextOrder }
        }
        onFinish={(v: BoardDraft) => void submit(v)}
        data-testid="board-form"
      >
        <Form.Item
          name="name"
          label={t('forum.boardForm.name')}
          rules={[required(t('forum.boardForm.name')), tooLong(t('forum.boardForm.name'), 50)]}
        >
          <Input data-testid="board-form-name" />
        </Form.Item>
        <Form.Item
          name="description"
          label={t('forum.boardForm.description')}
          rules={[tooLong(t('forum.boardForm.description'), 500)]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} data-testid="board-form-description" />
        </Form.Item>
        <Form.Item
          name="order"
          label={t('forum.boardForm.order')}
          extra={t('forum.boardForm.orderHelp')}
          rules={[
            { required: true, message: t('forum.boardForm.orderInvalid') },
            { type: 'integer', min: 0, message: t('forum.boardForm.orderInvalid') },
          ]}
        >
          <InputNumber min={0} precision={0} data-testid="board-form-order" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
