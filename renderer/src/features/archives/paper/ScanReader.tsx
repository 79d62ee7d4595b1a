import { Alert, Button, Progress, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScanReading } from '../ocr/readScan';

/** What the OCR of a chosen scan gave. */
export type ReadResult = ScanReading;

/** Picks the scan and reads it on this computer (OCR in a Web Worker), showing progress. */
export function ScanReader({
  file,
  onFile,
  onRead,
}: {
  readonly file: File | null;
  readonly onFile: (f: File | null) => void;
  readonly onRead: (r: ReadResult) => void;
}) {
  const { t } = useTranslation();
  const [progress, setProgress] = useState<{ page: number; of: number } | null>(null);
  const [status, setStatus] = useState<
    { kind: 'done'; chars: number } | { kind: 'failed'; message: string } | null
  >(null);
  const pick = async (f: File) => {
    onFile(f);
    setStatus(null);
    try {
      const { readScan } = await import('../ocr/readScan');
      const r = await readScan(f, (page, of) => setProgress({ page, of }));
      onRead(r);
      setStatus({ kind: 'done', chars: r.pages.join('').replace(/\s/gu, '').length });
    } catch (err) {
      setStatus({ kind: 'failed', message: (err as Error).message });
    } finally {
      setProgress(null);
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Upload
        accept="application/pdf,image/png,image/jpeg,image/tiff"
        maxCount={1}
        showUploadList={false}
        beforeUpload={(f) => {
          void pick(f);
          return false;
        }}
      >
        <Button data-testid="paper-pick">{t('archives.paper.pick')}</Button>
      </Upload>
      {file && <Typography.Text>{file.name}</Typography.Text>}
      {progress && (
        <div data-testid="paper-ocr-progress">
          <Typography.Text>
            {t('archives.paper.ocrRunning', { page: progress.page, pages: progress.of })}
          </Typography.Text>
          <Progress percent={Math.floor(((progress.page - 1) / progress.of) * 100)} size="small" />
        </div>
      )}
      {status?.kind === 'done' && (
        <Alert
          type="success"
          showIcon
          title={t('archives.paper.ocrDone', { chars: status.chars })}
          data-testid="paper-ocr-done"
        />
      )}
      {status?.kind === 'failed' && (
        <Alert
          type="warning"
          showIcon
          title={t('archives.paper.ocrFailed', { message: status.message })}
          data-testid="paper-ocr-failed"
        />
      )}
    </Space>
  );
}
