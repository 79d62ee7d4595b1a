import { Alert, Empty, Layout, Menu, Result, Space, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Session } from '../../../app/auth/sessionApi';
import { formatTime } from '../formatTime';
import { currentVisit, RoomError, type RoomVisit } from './roomApi';
import { VolumeReader } from './VolumeReader';

/** Props of {@link ReadingRoom}. */
export interface ReadingRoomProps {
  readonly session: Session;
  readonly couchBaseUrl: string;
}

/** How often the PC asks whether a visit was opened, closed or has expired. */
const POLL_MS = 3000;

/** While mounted, print media shows nothing but a print view: a browser-menu print prints a blank page. */
const NO_SCREEN_PRINT = '@media print { body > :not(.cd-print-view) { display: none !important; } }';

function useCurrentVisit(base: string, account: string) {
  const [visit, setVisit] = useState<RoomVisit | null | undefined>(undefined);
  const [offline, setOffline] = useState(false);
  const refresh = useCallback(async () => {
    try {
      const next = await currentVisit(base, account);
      setOffline(false);
      setVisit((old) => (old && next && old.visitId === next.visitId ? old : next));
    } catch (err) {
      if (err instanceof RoomError && err.code === 'unreachable') setOffline(true);
      else setVisit(null);
    }
  }, [base, account]);
  useEffect(() => {
    const first = setTimeout(() => void refresh(), 0);
    const timer = setInterval(() => void refresh(), POLL_MS);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [refresh]);
  return { visit, offline, refresh };
}

/**
 * The reading PC's whole app (阅卷, docs/file-reading.md): the volumes of the one case the clerk
 * admitted this reader to, in pdf.js, and nothing else — no navigation, no other module. Waits
 * while no visit is open, and ends the moment the server closes the visit's database.
 */
export default function ReadingRoom({ session, couchBaseUrl }: ReadingRoomProps) {
  const { t, i18n } = useTranslation();
  const { visit, offline, refresh } = useCurrentVisit(couchBaseUrl, session.name);
  const [volumeId, setVolumeId] = useState<string | null>(null);

  useEffect(() => {
    const style = document.createElement('style');
    style.textContent = NO_SCREEN_PRINT;
    document.head.append(style);
    const noMenu = (e: MouseEvent) => e.preventDefault();
    window.addEventListener('contextmenu', noMenu);
    return () => {
      style.remove();
      window.removeEventListener('contextmenu', noMenu);
    };
  }, []);

  const volume = visit ? (visit.volumes.find((v) => v.id === volumeId) ?? visit.volumes[0] ?? null) : null;
  return (
    <Layout className="cd-reading-room" data-testid="reading-room" style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{ background: 'transparent', height: 'auto', lineHeight: 1.6, padding: '12px 24px' }}
      >
        <Space wrap>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('reading.room.title')}
          </Typography.Title>
          {visit && (
            <>
              <Tag color="blue" data-testid="room-case">
                {visit.caseNumber}
              </Tag>
              <Typography.Text>{t('reading.room.reader', { name: visit.readerName })}</Typography.Text>
              <Typography.Text type="secondary">
                {t('reading.room.until', { time: formatTime(visit.expiresAt, i18n.language) })}
              </Typography.Text>
              <Tag color={visit.allowPrint ? 'green' : 'default'}>
                {t(visit.allowPrint ? 'reading.room.printAllowed' : 'reading.room.printNotAllowedTag')}
              </Tag>
            </>
          )}
        </Space>
      </Layout.Header>
      {offline && <Alert type="warning" showIcon banner title={t('reading.room.offline')} />}
      {visit === undefined ? null : visit === null ? (
        <Result
          status="info"
          title={t('reading.room.waiting')}
          subTitle={t('reading.room.waitingHint')}
          data-testid="room-waiting"
        />
      ) : (
        <Layout>
          <Layout.Sider width={260} theme="light">
            {visit.volumes.length === 0 ? (
              <Empty description={t('reading.room.noVolumes')} />
            ) : (
              <Menu
                data-testid="room-volumes"
                selectedKeys={volume ? [volume.id] : []}
                onClick={(e) => setVolumeId(e.key)}
                items={visit.volumes.map((v) => ({ key: v.id, label: v.title }))}
              />
            )}
          </Layout.Sider>
          <Layout.Content style={{ padding: 16 }}>
            {volume && (
              <VolumeReader
                key={volume.id}
                base={couchBaseUrl}
                account={session.name}
                visit={visit}
                volume={volume}
                onEnded={() => void refresh()}
              />
            )}
          </Layout.Content>
        </Layout>
      )}
    </Layout>
  );
}
