import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Space, Spin, Typography } from 'antd';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** A scan to show: its bytes (digest already checked by `readFile`), type and name. */
export interface OpenScan {
  readonly name: string;
  readonly contentType: string;
  readonly blob: Blob;
}

function PdfPages({ blob }: { readonly blob: Blob }) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  const [pdf, setPdf] = useState<PDFDocumentProxy | null>(null);
  const [page, setPage] = useState(1);
  const [error, setError] = useState<string | null>(null);
  const [rendered, setRendered] = useState(0);
  useEffect(() => {
    let doc: PDFDocumentProxy | null = null;
    let active = true;
    void (async () => {
      const { openPdf } = await import('./pdfViewer');
      doc = await openPdf(new Uint8Array(await blob.arrayBuffer()));
      if (active) setPdf(doc);
      else void doc.destroy();
    })().catch((err: unknown) => active && setError((err as Error).message));
    return () => {
      active = false;
      void doc?.destroy();
    };
  }, [blob]);
  useEffect(() => {
    if (!pdf || !canvas.current) return;
    const target = canvas.current;
    void import('./pdfViewer')
      .then(({ renderPage }) => renderPage(pdf, page, target, 1.2))
      .then(
        () => setRendered(page),
        (err: unknown) => setError((err as Error).message),
      );
  }, [pdf, page]);
  if (error) return <Alert type="error" showIcon title={t('documents.scans.failed', { message: error })} />;
  return (
    <Spin spinning={!pdf} description={t('documents.scans.loading')}>
      <Space direction="vertical" align="center" style={{ width: '100%' }}>
        {pdf && (
          <Space>
            <Button
              icon={<LeftOutlined />}
              disabled={page <= 1}
              onClick={() => setPage(page - 1)}
              aria-label={t('documents.scans.prev')}
            />
            <Typography.Text>{t('documents.scans.page', { page, pages: pdf.numPages })}</Typography.Text>
            <Button
              icon={<RightOutlined />}
              disabled={page >= pdf.numPages}
              onClick={() => setPage(page + 1)}
              aria-label={t('documents.scans.next')}
            />
          </Space>
        )}
        <canvas
          ref={canvas}
          className="cd-scan__canvas"
          data-testid="scan-canvas"
          data-rendered-page={rendered}
        />
      </Space>
    </Spin>
  );
}

function ImageScan({ blob, name }: { readonly blob: Blob; readonly name: string }) {
  // The object URL lives exactly as long as the <img> showing it (React 19 ref clean-up).
  const attach = useCallback(
    (img: HTMLImageElement | null) => {
      if (!img) return undefined;
      const url = URL.createObjectURL(blob);
      img.src = url;
      return () => URL.revokeObjectURL(url);
    },
    [blob],
  );
  return <img ref={attach} alt={name} className="cd-scan__image" data-testid="scan-image" />;
}

/** Shows a scan in the app: PDFs page by page with pdf.js, images as they are. */
export function ScanViewer({
  scan,
  onClose,
}: {
  readonly scan: OpenScan | null;
  readonly onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      open={scan !== null}
      title={scan?.name}
      onCancel={onClose}
      footer={null}
      width={900}
      destroyOnHidden
    >
      <div data-testid="scan-viewer">
        {scan &&
          (scan.contentType === 'application/pdf' ? (
            <PdfPages blob={scan.blob} />
          ) : scan.contentType.startsWith('image/') ? (
            <ImageScan blob={scan.blob} name={scan.name} />
          ) : (
            <Alert type="info" title={t('documents.scans.failed', { message: scan.contentType })} />
          ))}
      </div>
    </Modal>
  );
}
