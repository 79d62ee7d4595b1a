import { LeftOutlined, PrinterOutlined, RightOutlined } from '@ant-design/icons';
import { Alert, App, Button, Space, Spin, Typography } from 'antd';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesktopApi } from '../../../app/desktopApiContext';
import { invokeOrThrow } from '../../../platform/desktopApi';
import { printPageImage } from './printPage';
import { recordPage, RoomError, volumePdf, type RoomVisit, type RoomVolume } from './roomApi';

/** Props of {@link VolumeReader}. */
export interface VolumeReaderProps {
  readonly base: string;
  readonly account: string;
  readonly visit: RoomVisit;
  readonly volume: RoomVolume;
  /** The server refused or the database is gone: the visit is over. */
  readonly onEnded: () => void;
}

/**
 * One volume in pdf.js, page by page. Every page shown is recorded (`pageView`) before the next
 * one can be asked for; printing (only when the clerk allowed it) renders the page into a print
 * view and records the print first — a refused record prints nothing.
 */
export function VolumeReader({ base, account, visit, volume, onEnded }: VolumeReaderProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const api = useDesktopApi();
  const canvas = useRef<HTMLCanvasElement>(null);
  const [pdf, setPdf] = useState<PDFDocumentProxy | null>(null);
  const [page, setPage] = useState(1);
  const [rendered, setRendered] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [printing, setPrinting] = useState(false);

  const fail = useCallback(
    (err: unknown) => {
      if (err instanceof RoomError && err.code === 'ended') onEnded();
      else setError((err as Error).message);
    },
    [onEnded],
  );

  useEffect(() => {
    let doc: PDFDocumentProxy | null = null;
    let active = true;
    void (async () => {
      if (!volume.fileId) throw new Error(t('reading.room.noFile'));
      const bytes = await volumePdf(base, visit.db, volume.fileId);
      const { openPdf } = await import('../../documents/scans/pdfViewer');
      doc = await openPdf(bytes);
      if (active) setPdf(doc);
      else void doc.destroy();
    })().catch((err: unknown) => active && fail(err));
    return () => {
      active = false;
      void doc?.destroy();
    };
  }, [base, visit.db, volume.fileId, fail, t]);

  useEffect(() => {
    if (!pdf || !canvas.current) return;
    const target = canvas.current;
    let active = true;
    void (async () => {
      const { renderPage } = await import('../../documents/scans/pdfViewer');
      await renderPage(pdf, page, target, 1.2);
      await recordPage(base, visit.db, account, volume.id, page, 'view');
      if (active) setRendered(page);
    })().catch((err: unknown) => active && fail(err));
    return () => {
      active = false;
    };
  }, [pdf, page, base, visit.db, account, volume.id, fail]);

  const print = useCallback(async () => {
    if (!pdf || !visit.allowPrint || printing) return;
    setPrinting(true);
    try {
      await recordPage(base, visit.db, account, volume.id, page, 'print');
      await printPageImage(pdf, page, `${visit.caseNumber} ${volume.title} ${page}`, () =>
        invokeOrThrow(api, 'print:print'),
      );
    } catch (err) {
      if (err instanceof RoomError && err.code === 'refused')
        void message.error(t('reading.room.printRefused'));
      else fail(err);
    } finally {
      setPrinting(false);
    }
  }, [pdf, visit, printing, base, account, volume, page, api, message, t, fail]);

  useEffect(() => {
    // Ctrl+P / ⌘P would print the screen unrecorded: it prints the recorded page view, or nothing.
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'p') {
        e.preventDefault();
        e.stopPropagation();
        if (visit.allowPrint) void print();
        else void message.warning(t('reading.room.printNotAllowed'));
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [print, visit.allowPrint, message, t]);

  if (error) return <Alert type="error" showIcon title={t('reading.room.failed', { message: error })} />;
  return (
    <Spin spinning={!pdf} description={t('reading.room.loading')}>
      <Space direction="vertical" align="center" style={{ width: '100%' }}>
        {pdf && (
          <Space>
            <Button
              icon={<LeftOutlined />}
              disabled={page <= 1 || rendered !== page}
              onClick={() => setPage(page - 1)}
              aria-label={t('reading.room.prev')}
              data-testid="room-prev"
            />
            <Typography.Text data-testid="room-page">
              {t('reading.room.page', { page, pages: pdf.numPages })}
            </Typography.Text>
            <Button
              icon={<RightOutlined />}
              disabled={page >= pdf.numPages || rendered !== page}
              onClick={() => setPage(page + 1)}
              aria-label={t('reading.room.next')}
              data-testid="room-next"
            />
            {visit.allowPrint && (
              <Button
                icon={<PrinterOutlined />}
                loading={printing}
                onClick={() => void print()}
                data-testid="room-print"
              >
                {t('reading.room.printPage')}
              </Button>
            )}
          </Space>
        )}
        <canvas
          ref={canvas}
          className="cd-scan__canvas"
          data-testid="room-canvas"
          data-rendered-page={rendered}
        />
      </Space>
    </Spin>
  );
}
