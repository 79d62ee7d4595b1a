import { Button, Card, Progress, Space, Switch, Tag, Typography, message } from 'antd';
import { useTranslation } from 'react-i18next';
import { changeBackgroundOcr, useBackgroundOcr, type BackgroundOcrStatus } from '../ocr/backgroundOcr';
import { useArchiveSession } from '../model/useArchiveSession';

const COLORS: Record<BackgroundOcrStatus, string> = {
  off: 'default',
  paused: 'orange',
  running: 'processing',
  idle: 'green',
  error: 'red',
};

/**
 * 后台文字识别 on this workstation: archive staff turn it on (e.g. the archive room PC), pause and
 * resume it, and see which volume and page it is reading; others see who may.
 */
export function BackgroundOcrPanel() {
  const { t } = useTranslation();
  const session = useArchiveSession();
  const ocr = useBackgroundOcr();
  const change = async (patch: { enabled?: boolean; paused?: boolean }) => {
    if (!session) return;
    try {
      await changeBackgroundOcr(session, patch);
    } catch (err) {
      void message.error(t('archives.ocrQueue.failed', { message: (err as Error).message }));
    }
  };
  const p = ocr.progress;
  return (
    <Card variant="borderless" title={t('archives.ocrQueue.title')} data-testid="archive-ocr-queue">
      {!session?.canFile ? (
        <Typography.Text type="secondary">{t('archives.ocrQueue.staffOnly')}</Typography.Text>
      ) : (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Space wrap>
            <Switch
              checked={ocr.settings?.enabled ?? false}
              onChange={(on) => void change({ enabled: on, paused: false })}
              data-testid="archive-ocr-enable"
            />
            <Typography.Text>{t('archives.ocrQueue.enable')}</Typography.Text>
            <Tag color={COLORS[ocr.status]} data-testid="archive-ocr-status">
              {t(`archives.ocrQueue.status.${ocr.status}`)}
            </Tag>
            {ocr.settings?.enabled && (
              <Button size="small" onClick={() => void change({ paused: !ocr.settings?.paused })}>
                {t(ocr.settings.paused ? 'archives.ocrQueue.resume' : 'archives.ocrQueue.pause')}
              </Button>
            )}
          </Space>
          {p && ocr.status === 'running' && (
            <>
              <Typography.Text data-testid="archive-ocr-progress">
                {t('archives.ocrQueue.progress', {
                  caseNumber: p.caseNumber,
                  page: p.page,
                  pages: p.pageCount,
                  remaining: p.remaining,
                  finished: ocr.finished,
                })}
              </Typography.Text>
              <Progress percent={Math.round((p.page / Math.max(1, p.pageCount)) * 100)} size="small" />
            </>
          )}
          {ocr.status === 'error' && ocr.error && (
            <Typography.Text type="danger">
              {t('archives.ocrQueue.error', { message: ocr.error })}
            </Typography.Text>
          )}
          <Typography.Text type="secondary">{t('archives.ocrQueue.hint')}</Typography.Text>
        </Space>
      )}
    </Card>
  );
}
