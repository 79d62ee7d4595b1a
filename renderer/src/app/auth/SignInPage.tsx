import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { DEFAULT_COURT } from '../../../../core/court';
import { CourtEmblem } from '../layout/CourtEmblem';
import { LanguageSwitch } from '../layout/LanguageSwitch';
import { useLanguage } from '../i18n/useLanguage';
import { AuthError } from './sessionApi';
import { useAuth, type SignedOutNotice } from './AuthContext';

interface Credentials {
  name: string;
  password: string;
}

/** Props of {@link SignInPage}. */
export interface SignInPageProps {
  /** The server the app signs in to, shown under the form (settings in Electron, origin in a browser). */
  readonly serverUrl: string | undefined;
  readonly notice?: SignedOutNotice;
  readonly version: string;
}

/** The translation key of a sign-in failure. */
export function signInErrorKey(err: unknown): { key: string; status?: number } {
  if (!(err instanceof AuthError)) return { key: 'auth.errors.server' };
  if (err.kind === 'server')
    return err.status
      ? { key: 'auth.errors.serverWithStatus', status: err.status }
      : { key: 'auth.errors.server' };
  return { key: `auth.errors.${err.kind}` };
}

/** Sign-in against CouchDB `_session`, with a distinct message per failure. */
export function SignInPage({ serverUrl, notice, version }: SignInPageProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { signIn } = useAuth();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<{ key: string; status?: number } | null>(null);
  const courtName = language === 'en' ? DEFAULT_COURT.nameEn : DEFAULT_COURT.name;

  async function onFinish(values: Credentials) {
    setSubmitting(true);
    setError(null);
    try {
      await signIn(values.name.trim(), values.password);
    } catch (err) {
      setError(signInErrorKey(err));
      setSubmitting(false);
    }
  }

  const noticeType = notice === 'startupUnreachable' ? 'warning' : 'info';
  return (
    <div className="cd-signin">
      <div className="cd-signin__band">
        <div className="cd-signin__lang">
          <LanguageSwitch tone="dark" />
        </div>
        <div className="cd-signin__brand">
          <CourtEmblem size={72} />
          <div className="cd-signin__court">{courtName}</div>
          <div className="cd-signin__product">
            {t('app.name')} · {t('app.productName')}
          </div>
        </div>
      </div>
      <Card className="cd-signin__card" variant="borderless">
        <Typography.Title level={4} className="cd-signin__title">
          {t('auth.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" className="cd-signin__subtitle">
          {t('auth.subtitle')}
        </Typography.Paragraph>
        {error ? (
          <Alert
            className="cd-signin__alert"
            type="error"
            showIcon
            data-testid="signin-error"
            data-error={error.key}
            title={t(error.key, { status: error.status })}
          />
        ) : notice ? (
          <Alert
            className="cd-signin__alert"
            type={noticeType}
            showIcon
            data-testid="signin-notice"
            title={t(`auth.notices.${notice}`)}
          />
        ) : null}
        <Form<Credentials>
          layout="vertical"
          size="large"
          requiredMark={false}
          onFinish={(v) => void onFinish(v)}
          data-testid="signin-form"
          disabled={submitting}
        >
          <Form.Item
            name="name"
            label={t('auth.username')}
            rules={[{ required: true, whitespace: true, message: t('auth.usernameRequired') }]}
          >
            <Input
              prefix={<UserOutlined />}
              autoComplete="username"
              autoFocus
              data-testid="signin-username"
            />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('auth.password')}
            rules={[{ required: true, message: t('auth.passwordRequired') }]}
          >
            <Input.Password
              prefix={<LockOutlined />}
              autoComplete="current-password"
              data-testid="signin-password"
            />
          </Form.Item>
          <Form.Item className="cd-signin__submit">
            <Button type="primary" htmlType="submit" block loading={submitting} data-testid="signin-submit">
              {submitting ? t('auth.submitting') : t('auth.submit')}
            </Button>
          </Form.Item>
        </Form>
        <div className="cd-signin__server" data-testid="signin-server-url">
          {t('auth.server')}: <Typography.Text code>{serverUrl ?? '…'}</Typography.Text>
        </div>
      </Card>
      <div className="cd-signin__footer">
        © {courtName} · {t('app.name')} {t('status.version', { version })}
      </div>
    </div>
  );
}
