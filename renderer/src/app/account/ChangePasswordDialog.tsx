import { useState } from 'react';
import { Alert, Button, Form, Modal, Result, Steps } from 'antd';
import { useTranslation } from 'react-i18next';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../../../../core/schemas/account';
import { useAuth } from '../auth/AuthContext';
import { useServerStatus } from '../status/ServerStatusContext';
import { changePassword, type PasswordChangeResult, type PasswordChangeStep } from './passwordChangeApi';
import { PasswordFields, type PasswordForm } from './PasswordFields';

/** Props of {@link ChangePasswordDialog}. */
export interface ChangePasswordDialogProps {
  readonly user: string;
  readonly open: boolean;
  readonly onClose: () => void;
}

const STEPS: readonly PasswordChangeStep[] = ['verifying', 'sending', 'waiting'];

type Phase =
  | { readonly kind: 'form' }
  | { readonly kind: 'running'; readonly step: PasswordChangeStep }
  | { readonly kind: 'done'; readonly result: PasswordChangeResult };

/** The message key and values of a result that is not a changed password. */
function problemOf(result: PasswordChangeResult): { key: string; status: string } {
  const key = result.kind === 'outcome' ? result.outcome : result.reason;
  const status = result.kind === 'failed' && result.status ? `HTTP ${result.status}` : '—';
  return { key: `account.changePassword.problem.${key}`, status };
}

/**
 * 修改密码: checks the form, then runs the change through the server worker
 * (passwordChangeApi.ts) showing each step, and ends with the outcome. After a change the old
 * session is gone, so the only way on is to sign in again with the new password. Needs the server:
 * offline it explains why and offers nothing to submit.
 */
export function ChangePasswordDialog({ user, open, onClose }: ChangePasswordDialogProps) {
  const { t } = useTranslation();
  const { signOut } = useAuth();
  const { state: server, baseUrl } = useServerStatus();
  const [form] = Form.useForm<PasswordForm>();
  const [phase, setPhase] = useState<Phase>({ kind: 'form' });
  const online = server.kind === 'online';
  const changed =
    phase.kind === 'done' && phase.result.kind === 'outcome' && phase.result.outcome === 'changed';
  const limits = { min: MIN_PASSWORD_LENGTH, max: MAX_PASSWORD_LENGTH };

  async function submit(values: PasswordForm) {
    setPhase({ kind: 'running', step: 'verifying' });
    const result = await changePassword(
      { baseUrl, fetch: window.fetch.bind(window) },
      user,
      values.current,
      values.next,
      (step) => setPhase({ kind: 'running', step }),
    );
    setPhase({ kind: 'done', result });
  }

  function close() {
    if (phase.kind === 'running') return; // the request is on its way: its outcome must be seen
    form.resetFields();
    setPhase({ kind: 'form' });
    onClose();
  }

  const footer = changed
    ? [
        <Button
          key="again"
          type="primary"
          onClick={() => void signOut()}
          data-testid="change-password-signin-again"
        >
          {t('account.changePassword.done.signInAgain')}
        </Button>,
      ]
    : [
        <Button key="cancel" onClick={close} disabled={phase.kind === 'running'}>
          {t(phase.kind === 'done' ? 'account.changePassword.close' : 'account.changePassword.cancel')}
        </Button>,
        <Button
          key="submit"
          type="primary"
          disabled={!online}
          loading={phase.kind === 'running'}
          onClick={() => form.submit()}
          data-testid="change-password-submit"
        >
          {t('account.changePassword.submit')}
        </Button>,
      ];

  return (
    <Modal
      open={open}
      title={t('account.changePassword.title')}
      onCancel={changed ? undefined : close}
      closable={!changed && phase.kind !== 'running'}
      maskClosable={false}
      footer={footer}
      destroyOnHidden
    >
      <div data-testid="change-password-dialog" data-phase={phase.kind}>
        {changed ? (
          <div data-testid="change-password-result" data-outcome="changed">
            <Result
              status="success"
              title={t('account.changePassword.done.title')}
              subTitle={t('account.changePassword.done.subtitle')}
            />
          </div>
        ) : (
          <>
            <Alert
              type={online ? 'info' : 'warning'}
              showIcon
              title={t(online ? 'account.changePassword.intro' : 'account.changePassword.offline')}
              data-testid={online ? 'change-password-intro' : 'change-password-offline'}
              style={{ marginBottom: 16 }}
            />
            {phase.kind === 'done' && (
              <div
                data-testid="change-password-result"
                data-outcome={phase.result.kind === 'outcome' ? phase.result.outcome : phase.result.reason}
              >
                <Alert
                  type="error"
                  showIcon
                  title={t('account.changePassword.problemTitle')}
                  description={t(problemOf(phase.result).key, {
                    ...limits,
                    status: problemOf(phase.result).status,
                  })}
                  style={{ marginBottom: 16 }}
                />
              </div>
            )}
            {phase.kind === 'running' && (
              <div data-testid="change-password-steps" data-step={phase.step}>
                <Steps
                  size="small"
                  current={STEPS.indexOf(phase.step)}
                  items={STEPS.map((s) => ({ title: t(`account.changePassword.steps.${s}`) }))}
                  style={{ marginBottom: 16 }}
                />
              </div>
            )}
            <PasswordFields form={form} disabled={!online || phase.kind === 'running'} onFinish={submit} />
          </>
        )}
      </div>
    </Modal>
  );
}
