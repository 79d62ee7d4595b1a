import { Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';

/** Asks an admin for the reason a post is hidden (required: the author sees it). */
export function HideDialog({
  open,
  onHide,
  onClose,
}: {
  readonly open: boolean;
  readonly onHide: (reason: string) => void;
  readonly onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal
      open={open}
      title={t('forum.form.hideTitle')}
      okText={t('forum.post.hide')}
      cancelText={t('forum.form.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'hide-submit' }}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => {
          onHide(v.reason.trim());
          form.resetFields();
        }}
      >
        <Form.Item
          name="reason"
          label={t('forum.form.hideReason')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('forum.form.required', { field: t('forum.form.hideReason') }),
            },
            { max: 500 },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 2 }} maxLength={500} data-testid="hide-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
