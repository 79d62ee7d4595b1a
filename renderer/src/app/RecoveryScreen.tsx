import { useState } from 'react';
import { Alert, Button, Result, Space, Typography } from 'antd';
import { CopyOutlined, ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

/** Props of {@link RecoveryScreen}. */
export interface RecoveryScreenProps {
  /** `app`: the whole window failed; `module`: one screen failed and the navigation still works. */
  readonly variant: 'app' | 'module';
  /** The plain-text diagnostic report ({@link diagnosticReport}). */
  readonly report: string;
  readonly onReload: () => void;
  readonly copyText: (text: string) => Promise<void>;
}

/** What the user sees after a crash: what happened, reload, and copy diagnostics for the IT office. */
export function RecoveryScreen({ variant, report, onReload, copyText }: RecoveryScreenProps) {
  const { t } = useTranslation();
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');

  async function onCopy() {
    try {
      await copyText(report);
      setCopy('copied');
    } catch {
      setCopy('failed');
    }
  }

  return (
    <div className={`cd-recovery cd-recovery--${variant}`} data-testid="recovery-screen" role="alert">
      <Result
        status="error"
        title={t(variant === 'app' ? 'errorBoundary.title' : 'errorBoundary.moduleTitle')}
        subTitle={t('errorBoundary.description')}
        extra={
          <Space wrap>
            <Button type="primary" icon={<ReloadOutlined />} onClick={onReload} data-testid="recovery-reload">
              {t('errorBoundary.reload')}
            </Button>
            <Button icon={<CopyOutlined />} onClick={() => void onCopy()} data-testid="recovery-copy">
              {t('errorBoundary.copy')}
            </Button>
          </Space>
        }
      >
        <Typography.Paragraph>{t('errorBoundary.hint')}</Typography.Paragraph>
        {copy !== 'idle' && (
          <Alert
            type={copy === 'copied' ? 'success' : 'warning'}
            showIcon
            data-testid="recovery-copy-result"
            title={t(copy === 'copied' ? 'errorBoundary.copied' : 'errorBoundary.copyFailed')}
          />
        )}
        <Typography.Text strong>{t('errorBoundary.details')}</Typography.Text>
        <pre className="cd-recovery__details" data-testid="recovery-details">
          {report}
        </pre>
      </Result>
    </div>
  );
}
