import {
  Alert,
  Button,
  Checkbox,
  DatePicker,
  Input,
  InputNumber,
  Space,
  Table,
  Tag,
  Typography,
  message,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { saveCatalogue } from '../../../db/archiveHooks';
import { catalogueProblems, type ArchiveEntry, type CatalogueEntry } from '../model/archiveTypes';
import { useArchiveSession } from '../model/useArchiveSession';

/**
 * The catalogue (目录) of a volume or paper: documents with page ranges. Its creator or an admin
 * edits it (the server refuses anyone else) and confirms suggested entries; others read it.
 */
export function CatalogueEditor({
  entry,
  editable,
}: {
  readonly entry: ArchiveEntry;
  readonly editable: boolean;
}) {
  const { t } = useTranslation();
  const session = useArchiveSession();
  const [rows, setRows] = useState<CatalogueEntry[]>(() => [...entry.catalogue]);
  const [error, setError] = useState<string | null>(null);
  const set = (i: number, patch: Partial<CatalogueEntry>) =>
    setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const save = async () => {
    if (!session) return;
    if (catalogueProblems(rows, entry.pageCount).length > 0) {
      setError(t('archives.catalogue.problems', { pages: entry.pageCount }));
      return;
    }
    try {
      await saveCatalogue(session.repo, entry.id, rows);
      setError(null);
      void message.success(t('archives.catalogue.saved'));
    } catch (err) {
      setError(t('archives.catalogue.failed', { message: (err as Error).message }));
    }
  };
  if (!editable)
    return (
      <div data-testid="archive-catalogue">
        <Typography.Title level={5}>{t('archives.detail.catalogue')}</Typography.Title>
        {entry.catalogue.length === 0 ? (
          <Typography.Text type="secondary">{t('archives.detail.noCatalogue')}</Typography.Text>
        ) : (
          <ol>
            {entry.catalogue.map((c, i) => (
              <li key={i} data-testid="archive-catalogue-entry">
                {c.title} ·{' '}
                {t('archives.detail.pageRange', {
                  first: c.firstPage,
                  last: c.lastPage,
                  context: c.firstPage === c.lastPage ? 'single' : undefined,
                })}
                {c.docDate ? ` · ${c.docDate}` : ''}{' '}
                <Tag color={c.confirmed ? 'green' : 'orange'}>
                  {t(c.confirmed ? 'archives.detail.confirmed' : 'archives.detail.suggested')}
                </Tag>
              </li>
            ))}
          </ol>
        )}
        <Typography.Text type="secondary">{t('archives.catalogue.readOnly')}</Typography.Text>
      </div>
    );
  const columns = [
    {
      key: 'title',
      title: t('archives.catalogue.title'),
      render: (_: unknown, r: CatalogueEntry, i: number) => (
        <Input
          value={r.title}
          onChange={(e) => set(i, { title: e.target.value })}
          data-testid="catalogue-title"
        />
      ),
    },
    {
      key: 'first',
      title: t('archives.catalogue.firstPage'),
      width: 90,
      render: (_: unknown, r: CatalogueEntry, i: number) => (
        <InputNumber min={1} value={r.firstPage} onChange={(v) => set(i, { firstPage: Number(v ?? 1) })} />
      ),
    },
    {
      key: 'last',
      title: t('archives.catalogue.lastPage'),
      width: 90,
      render: (_: unknown, r: CatalogueEntry, i: number) => (
        <InputNumber min={1} value={r.lastPage} onChange={(v) => set(i, { lastPage: Number(v ?? 1) })} />
      ),
    },
    {
      key: 'date',
      title: t('archives.catalogue.docDate'),
      width: 140,
      render: (_: unknown, r: CatalogueEntry, i: number) => (
        <DatePicker
          value={r.docDate ? dayjs(r.docDate) : null}
          onChange={(d) => {
            const { docDate: _old, ...rest } = r;
            setRows(
              rows.map((x, j) => (j === i ? (d ? { ...rest, docDate: d.format('YYYY-MM-DD') } : rest) : x)),
            );
          }}
        />
      ),
    },
    {
      key: 'confirmed',
      title: t('archives.catalogue.confirmed'),
      width: 70,
      render: (_: unknown, r: CatalogueEntry, i: number) => (
        <Checkbox checked={r.confirmed} onChange={(e) => set(i, { confirmed: e.target.checked })} />
      ),
    },
    {
      key: 'remove',
      width: 70,
      render: (_: unknown, _r: CatalogueEntry, i: number) => (
        <Button size="small" danger onClick={() => setRows(rows.filter((_x, j) => j !== i))}>
          {t('archives.catalogue.remove')}
        </Button>
      ),
    },
  ];
  const last = rows.at(-1)?.lastPage ?? 0;
  return (
    <div data-testid="archive-catalogue">
      <Typography.Title level={5}>{t('archives.detail.catalogue')}</Typography.Title>
      <Table
        className="cd-archive-catalogue"
        rowKey={(_r, i) => String(i)}
        dataSource={rows}
        columns={columns}
        pagination={false}
        size="small"
        locale={{ emptyText: t('archives.detail.noCatalogue') }}
      />
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 8 }} />}
      <Space style={{ marginTop: 8 }}>
        <Button
          onClick={() =>
            setRows([
              ...rows,
              {
                title: '',
                firstPage: Math.min(last + 1, Math.max(1, entry.pageCount)),
                lastPage: Math.max(1, entry.pageCount),
                confirmed: true,
              },
            ])
          }
        >
          {t('archives.catalogue.add')}
        </Button>
        <Button type="primary" onClick={() => void save()} data-testid="catalogue-save">
          {t('archives.catalogue.save')}
        </Button>
      </Space>
    </div>
  );
}
