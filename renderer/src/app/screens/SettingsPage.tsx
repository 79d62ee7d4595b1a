import { useEffect, useState } from 'react';
import { Alert, Button, Card, Descriptions, Form, Input, Space, Tag, Typography } from 'antd';
import { LockOutlined, UnlockOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { AppInfo, ResolvedSettings } from '../../../../electron/common/ipcContract';
import { DesktopApiError, invokeOrThrow } from '../../platform/desktopApi';
import { useDesktopApi } from '../desktopApiContext';
import { PageHeader } from '../layout/PageHeader';
import { LanguageSwitch } from '../layout/LanguageSwitch';

type Loaded = { settings: ResolvedSettings; info: AppInfo } | { error: string } | null;

/** Settings: language, the server URL with where it came from and whether IT locked it, and app info. */
export default function SettingsPage() {
  const { t } = useTranslation();
  const api = useDesktopApi();
  const [loaded, setLoaded] = useState<Loaded>(null);
  const [saveResult, setSaveResult] = useState<{ type: 'success' | 'error'; text: string } | null>(null);

  useEffect(() => {
    let cancelled = false;
    async function load(): Promise<Loaded> {
      try {
        const [settings, info] = await Promise.all([
          invokeOrThrow(api, 'settings:get'),
          invokeOrThrow(api, 'app:getInfo'),
        ]);
        return { settings, info };
      } catch (err) {
        return { error: err instanceof Error ? err.message : String(err) };
      }
    }
    void load().then((result) => {
      if (!cancelled) setLoaded(result);
    });
    return () => {
      cancelled = true;
    };
  }, [api]);

  async function saveServerUrl(values: { serverUrl: string }) {
    try {
      const settings = await invokeOrThrow(api, 'settings:setServerUrl', values.serverUrl.trim());
      setLoaded((prev) => (prev && 'settings' in prev ? { ...prev, settings } : prev));
      setSaveResult({ type: 'success', text: t('settings.saved') });
    } catch (err) {
      const code = err instanceof DesktopApiError ? err.code : undefined;
      const text =
        code === 'LOCKED'
          ? t('settings.lockedError')
          : code === 'BAD_ARGUMENTS'
            ? t('settings.badUrl')
            : code === 'CANCELLED'
              ? t('settings.notConfirmed')
              : t('settings.saveFailed', { message: err instanceof Error ? err.message : String(err) });
      setSaveResult({ type: 'error', text });
    }
  }

  const na = t('settings.notAvailable');
  return (
    <div className="cd-screen" data-testid="screen-settings">
      <PageHeader moduleKey="settings" />
      <Space orientation="vertical" size={16} className="cd-stack">
        <Card variant="borderless" title={t('settings.languageTitle')} className="cd-card">
          <Space orientation="vertical">
            <LanguageSwitch />
            <Typography.Text type="secondary">{t('settings.languageHint')}</Typography.Text>
          </Space>
        </Card>

        {loaded && 'error' in loaded && (
          <Alert type="error" showIcon title={t('settings.loadFailed', { message: loaded.error })} />
        )}

        <Card
          variant="borderless"
          title={t('settings.serverTitle')}
          className="cd-card"
          loading={!loaded}
          data-testid="settings-server"
        >
          {loaded && 'settings' in loaded && (
            <>
              <Descriptions column={1} size="small" bordered>
                <Descriptions.Item label={t('settings.serverUrl')}>
                  <Typography.Text code copyable data-testid="settings-server-url">
                    {loaded.settings.serverUrl}
                  </Typography.Text>
                </Descriptions.Item>
                <Descriptions.Item label={t('settings.source')}>
                  <span data-testid="settings-server-source" data-source={loaded.settings.source}>
                    {api.isDesktop
                      ? t(`settings.sources.${loaded.settings.source}`)
                      : t('settings.browserSource')}
                  </span>
                </Descriptions.Item>
                <Descriptions.Item label={t('settings.lock')}>
                  <span data-testid="settings-server-lock" data-locked={String(loaded.settings.lockServer)}>
                    {loaded.settings.lockServer ? (
                      <Tag icon={<LockOutlined />} color="gold">
                        {t('settings.locked')}
                      </Tag>
                    ) : (
                      <Tag icon={<UnlockOutlined />}>{t('settings.unlocked')}</Tag>
                    )}
                  </span>
                </Descriptions.Item>
                <Descriptions.Item label={t('settings.updates')}>
                  {loaded.settings.updates === 'on' ? t('settings.updatesOn') : t('settings.updatesOff')}
                </Descriptions.Item>
              </Descriptions>
              {api.isDesktop && !loaded.settings.lockServer && (
                <Form
                  layout="inline"
                  className="cd-settings__server-form"
                  initialValues={{ serverUrl: loaded.settings.serverUrl }}
                  onFinish={(v: { serverUrl: string }) => void saveServerUrl(v)}
                >
                  <Form.Item
                    name="serverUrl"
                    label={t('settings.newServerUrl')}
                    rules={[{ required: true, type: 'url', message: t('settings.badUrl') }]}
                  >
                    <Input className="cd-settings__server-input" data-testid="settings-server-input" />
                  </Form.Item>
                  <Form.Item>
                    <Button type="primary" htmlType="submit" data-testid="settings-server-save">
                      {t('settings.save')}
                    </Button>
                  </Form.Item>
                </Form>
              )}
              {saveResult && (
                <Alert
                  className="cd-settings__result"
                  type={saveResult.type}
                  showIcon
                  title={saveResult.text}
                />
              )}
            </>
          )}
        </Card>

        <Card
          variant="borderless"
          title={t('settings.appTitle')}
          className="cd-card"
          loading={!loaded}
          data-testid="settings-app-info"
        >
          {loaded && 'info' in loaded && (
            <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered>
              <Descriptions.Item label={t('settings.appName')}>{loaded.info.name}</Descriptions.Item>
              <Descriptions.Item label={t('settings.version')}>{loaded.info.version}</Descriptions.Item>
              <Descriptions.Item label={t('settings.mode')}>
                {api.isDesktop ? t('settings.modeDesktop') : t('settings.modeBrowser')}
              </Descriptions.Item>
              <Descriptions.Item label={t('settings.platform')}>
                {loaded.info.platform || na}
              </Descriptions.Item>
              <Descriptions.Item label={t('settings.electron')}>
                {loaded.info.electron || na}
              </Descriptions.Item>
              <Descriptions.Item label={t('settings.chrome')}>{loaded.info.chrome || na}</Descriptions.Item>
            </Descriptions>
          )}
        </Card>
      </Space>
    </div>
  );
}
