import { Button, Card, Space } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../app/layout/PageHeader';
import { useHashQuery } from '../../app/router';
import type { FeatureScreenProps } from '../../app/screens/featureScreen';
import { useArchiveIndex } from '../../db/archiveHooks';
import { BindVolumesDialog } from './bind/BindVolumesDialog';
import { ArchiveSearchBar } from './list/ArchiveSearchBar';
import { ArchiveTable } from './list/ArchiveTable';
import { BackgroundOcrPanel } from './list/BackgroundOcrPanel';
import { ImportProgress } from './list/ImportProgress';
import { searchArchive, sortArchive, type ArchiveQuery } from './model/archiveTypes';
import { useArchiveSession } from './model/useArchiveSession';
import { FilePaperDialog } from './paper/FilePaperDialog';
import { VolumeDrawer } from './volume/VolumeDrawer';
import './archives.css';

/**
 * 档案 (docs/archives.md): the archive volumes and electronic case-file papers on this computer,
 * searched by case number, party and year; a volume's catalogue and its scan (fetched on demand);
 * filing a scanned paper with an OCR-suggested catalogue entry the clerk confirms; bulk import
 * progress. `?open=<id>` opens a volume (search hits link there).
 */
export default function ArchivesScreen(_props: FeatureScreenProps) {
  const { t } = useTranslation();
  const index = useArchiveIndex();
  const session = useArchiveSession();
  const [query, setQuery] = useState<ArchiveQuery>({});
  const [filing, setFiling] = useState(false);
  const [binding, setBinding] = useState(false);
  const openParam = useHashQuery().get('open');
  const [opened, setOpened] = useState<{ param: string | null; id: string | null }>({
    param: openParam,
    id: openParam,
  });
  // A link (a search hit) to another volume while the screen is shown opens that one.
  if (opened.param !== openParam) setOpened({ param: openParam, id: openParam });
  const openId = opened.id;
  const setOpenId = (id: string | null) => setOpened({ param: openParam, id });
  const sorted = useMemo(() => sortArchive(index?.entries.values() ?? []), [index]);
  const rows = useMemo(() => searchArchive(sorted, query), [sorted, query]);
  const open = (openId && index?.entries.get(openId)) || null;
  return (
    <div className="cd-screen" data-testid="screen-archives">
      <PageHeader
        moduleKey="archives"
        extra={
          session?.canFile && (
            <Space>
              <Button onClick={() => setBinding(true)} data-testid="archive-bind">
                {t('archives.bind.add')}
              </Button>
              <Button type="primary" onClick={() => setFiling(true)} data-testid="archive-file-paper">
                {t('archives.paper.add')}
              </Button>
            </Space>
          )
        }
      />
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Card variant="borderless">
          <ArchiveSearchBar onSearch={setQuery} />
          <ArchiveTable rows={rows} loading={index === undefined} onOpen={(e) => setOpenId(e.id)} />
        </Card>
        <BackgroundOcrPanel />
        <ImportProgress />
      </Space>
      <VolumeDrawer entry={open} onClose={() => setOpenId(null)} />
      <FilePaperDialog open={filing} onClose={() => setFiling(false)} />
      <BindVolumesDialog open={binding} onClose={() => setBinding(false)} />
    </div>
  );
}
