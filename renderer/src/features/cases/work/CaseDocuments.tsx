import { Empty, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from '../../../db/hooks';
import { StaffName } from '../../staff/StaffName';

interface DocRow {
  readonly key: string;
  readonly title: string;
  readonly kind: string;
  readonly by: string;
  readonly at: string;
}

/** The documents (`documents` database: drafts, files) whose `caseId` is this case, live. */
export function CaseDocuments({ caseId }: { readonly caseId: string }) {
  const { t } = useTranslation();
  const rows = useLiveQuery(
    'documents',
    async (db) => {
      const all = await db.allDocs({ include_docs: true });
      return all.rows.flatMap((r): DocRow[] => {
        const d = r.doc as Record<string, unknown> | undefined;
        if (!d || d['caseId'] !== caseId) return [];
        return [
          {
            key: r.id,
            title: String(d['title'] ?? d['name'] ?? r.id),
            kind: String(d['kind'] ?? d['type'] ?? ''),
            by: String(d['createdBy'] ?? ''),
            at: typeof d['createdAt'] === 'string' ? dayjs(d['createdAt']).format('YYYY-MM-DD HH:mm') : '',
          },
        ];
      });
    },
    [caseId],
  );
  if (!rows || rows.length === 0)
    return (
      <div data-testid="case-documents" data-count={rows?.length ?? 0}>
        <Empty description={t('caseWork.casePage.documentsEmpty')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      </div>
    );
  return (
    <div data-testid="case-documents" data-count={rows.length}>
      <Table<DocRow>
        size="small"
        pagination={false}
        dataSource={rows}
        columns={[
          {
            key: 'title',
            title: t('caseWork.documents.title'),
            render: (_, r) => <Typography.Text>{r.title}</Typography.Text>,
          },
          { key: 'kind', title: t('caseWork.documents.kind'), dataIndex: 'kind' },
          { key: 'by', title: '', render: (_, r) => (r.by ? <StaffName name={r.by} /> : '') },
          { key: 'at', title: '', dataIndex: 'at' },
        ]}
      />
    </div>
  );
}
