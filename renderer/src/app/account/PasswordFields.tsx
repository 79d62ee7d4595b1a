import { Form, Input, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, passwordProblem } from '../../../../core/schemas/account';

/** The values of the change-password form. */
export interface PasswordForm {
  readonly current: string;
  readonly next: string;
  readonly confirm: string;
}

/**
 * Current password, new password and its confirmation, checked with the rule the worker applies
 * (core/schemas/account.ts `passwordProblem`), so a request the server would refuse is not sent.
 */
export function PasswordFields({
  form,
  disabled,
  onFinish,
}: {
  readonly form: FormInstance<PasswordForm>;
  readonly disabled: boolean;
  readonly onFinish: (values: PasswordForm) => Promise<void>;
}) {
  const { t } = useTranslation();
  const limits = { min: MIN_PASSWORD_LENGTH, max: MAX_PASSWORD_LENGTH };
  return (
    <Form
      form={form}
      layout="vertical"
      disabled={disabled}
      onFinish={(values) => void onFinish(values)}
      data-testid="change-password-form"
    >
      <Form.Item
        name="current"
        label={t('account.changePassword.current')}
        rules={[{ required: true, message: t('account.changePassword.invalid.currentRequired') }]}
      >
        <Input.Password autoComplete="current-password" data-testid="change-password-current" />
      </Form.Item>
      <Form.Item
        name="next"
        required
        label={t('account.changePassword.new')}
        extra={t('account.changePassword.newHint', limits)}
        dependencies={['current']}
        rules={[
          {
            validator: async (_rule, value: unknown) => {
              const problem = passwordProblem(value);
              if (problem) throw new Error(t(`account.changePassword.invalid.${problem}`, limits));
              if (value === form.getFieldValue('current'))
                throw new Error(t('account.changePassword.invalid.sameAsCurrent'));
            },
          },
        ]}
      >
        <Input.Password autoComplete="new-password" data-testid="change-password-new" />
      </Form.Item>
      <Form.Item
        name="confirm"
        required
        label={t('account.changePassword.confirm')}
        dependencies={['next']}
        rules={[
          {
            validator: async (_rule, value: unknown) => {
              if (value !== form.getFieldValue('next'))
                throw new Error(t('account.changePassword.invalid.mismatch'));
            },
          },
        ]}
      >
        <Input.Password autoComplete="new-password" data-testid="change-password-confirm" />
      </Form.Item>
    </Form>
  );
}
