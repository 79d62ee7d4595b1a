import { UploadOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Segmented, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DOWNLOAD_CATEGORIES } from '../../../../core/schemas/libraryItem';
import { AttachmentList } from '../../app/components/AttachmentList';
import { PageHeader } from '../../app/layout/PageHeader';
import type { FeatureScreenProps } from '../../app/screens/featureScreen';
import { useDownloadEntries } from '../../db/libraryHooks';
import { useSession } from '../cases/work/caseWorkHooks';
import { UploadDialog } from './UploadDialog';

/**
 * 下载中心 (issue 10): forms, document styles and guides. Each entry's files are `file:` documents in
 * the library replica (the attachment lane), so they open offline once here; the list shows per
 * file whether it is on this computer, waiting to upload or waiting to download. Admins upload.
 */
export default function DownloadsScreen(_props: FeatureScreenProps) {
  const { t } = useTranslation();
  const session = useSession();
  const entries = useDownloadEntries();
  const [category, setCategory] = useState<string>('all');
  const [uploading, setUploading] = useState(false);
  const admin = session?.uiRoles.includes('admin') ?? false;
  const shown = (entries ?? []).filter((e) => category === 'all' || e.category === category);
  return (
    <div className="cd-screen" data-testid="screen-downloads">
      <PageHeader
        moduleKey="downloads"
        extra={
          admin && (
            <Button
              type="primary"
              icon={<UploadOutlined />}
              onClick={() => setUploading(true)}
              data-testid="downloads-upload"
            >
              {t('downloads.upload')}
            </Button>
          )
        }
      />
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Segmented
          value={category}
          onChange={(v) => setCategory(String(v))}
          options={['all', ...DOWNLOAD_CATEGORIES].map((c) => ({
            value: c,
            label: t(`downloads.category.${c}`),
          }))}
        />
        {entries === undefined ? (
          <Spin />
        ) : shown.length === 0 ? (
          <Card variant="borderless">
            <Empty description={t('downloads.empty')} data-testid="downloads-empty" />
          </Card>
        ) : (
          shown.map((e) => (
            <Card
              key={e.id}
              variant="borderless"
              size="small"
              data-testid="download-entry"
              title={
                <Space>
                  <span>{e.title}</span>
                  <Tag>{t(`downloads.category.${e.category}`)}</Tag>
                </Space>
              }
              extra={<Typography.Text type="secondary">{e.createdAt.slice(0, 10)}</Typography.Text>}
            >
              {e.description && <Typography.Paragraph>{e.description}</Typography.Paragraph>}
              <AttachmentList dbKey="library" ownerIds={[e.id]} />
            </Card>
          ))
        )}
      </Space>
      {uploading && session && <UploadDialog user={session.name} onClose={() => setUploading(false)} />}
    </div>
  );
}
