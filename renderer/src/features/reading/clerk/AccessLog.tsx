import { PrinterOutlined } from '@ant-design/icons';
import { App, Button, Modal, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useDesktopApi } from '../../../app/desktopApiContext';
import { invokeOrThrow } from '../../../platform/desktopApi';
import type { ReadingLogEntry } from '../../../../../core/schemas/readingVisit';
import { formatTime } from '../formatTime';
import type { VisitRow } from '../model/visitModel';
import { accessLogHtml, mountAccessLog } from './accessLogPrint';

/** The access log of one case file (every visit and every page), printable. */
export function AccessLog({
  rows,
  onClose,
}: {
  /** The visits of the case (null: closed). */
  readonly rows: readonly VisitRow[] | null;
  readonly onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const api = useDesktopApi();
  const caseNumber = rows?.[0]?.caseNumber ?? '';
  const title = t('reading.log.title', { caseNumber });
  const visitLine = (r: VisitRow) =>
    t('reading.log.visit', {
      reader: r.readerName,
      capacity: t(`reading.log.capacity.${r.capacity}`, { party: r.partyName }),
      clerk: r.createdBy,
      from: formatTime(r.createdAt, i18n.language),
      account: r.readerAccount,
      print: t(r.allowPrint ? 'reading.log.printYes' : 'reading.log.printNo'),
    });
  const print = async () => {
    const html = accessLogHtml(rows ?? [], {
      title,
      visit: visitLine,
      columns: [t('reading.log.at'), t('reading.log.volume'), t('reading.log.page'), t('reading.log.action')],
      action: (a) => t(`reading.log.actions.${a}`),
      noPages: t('reading.log.noPages'),
      time: (iso) => formatTime(iso, i18n.language),
    });
    const unmount = mountAccessLog(html, title);
    try {
      await invokeOrThrow(api, 'print:print');
    } catch (err) {
      void message.error((err as Error).message);
    } finally {
      unmount();
    }
  };
  return (
    <Modal
      open={rows !== null}
      title={title}
      onCancel={onClose}
      width={860}
      footer={
        <Button
          type="primary"
          icon={<PrinterOutlined />}
          onClick={() => void print()}
          data-testid="access-log-print-button"
        >
          {t('reading.log.print')}
        </Button>
      }
    >
      <div data-testid="access-log">
        {(rows ?? []).map((r) => (
          <div key={r.id}>
            <Typography.Paragraph strong>{visitLine(r)}</Typography.Paragraph>
            <Table<ReadingLogEntry>
              size="small"
              rowKey="auditId"
              pagination={false}
              dataSource={[...r.entries]}
              locale={{ emptyText: t('reading.log.noPages') }}
              columns={[
                { title: t('reading.log.at'), render: (_, e) => formatTime(e.at, i18n.language) },
                { title: t('reading.log.volume'), render: (_, e) => e.volumeTitle || e.volumeId },
                { title: t('reading.log.page'), dataIndex: 'page' },
                { title: t('reading.log.action'), render: (_, e) => t(`reading.log.actions.${e.action}`) },
              ]}
            />
          </div>
        ))}
      </div>
    </Modal>
  );
}
