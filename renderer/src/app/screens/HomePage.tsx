import { Avatar, Badge, Card, Col, Descriptions, Empty, Row, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { DEFAULT_COURT } from '../../../../core/court';
import type { Session } from '../auth/sessionApi';
import { useLanguage } from '../i18n/useLanguage';
import { useServerStateText } from '../layout/ServerStatusIndicator';
import { MODULE_ICONS } from '../moduleIcons';
import { primaryModules, visibleModules, type ModuleKey } from '../modules';
import { hrefFor } from '../router';
import { useServerStatus } from '../status/ServerStatusContext';
import { useSyncStatus } from '../../db/hooks';
import { useStaffMember } from '../../features/staff/useStaffDirectory';
import { UnreadNoticesBadge } from '../../features/notices/UnreadNoticesBadge';

/** Props of {@link HomePage}. */
export interface HomePageProps {
  readonly session: Session;
}

function ModuleTile({ moduleKey, testId }: { moduleKey: ModuleKey; testId: string }) {
  const { t } = useTranslation();
  return (
    <a href={hrefFor(moduleKey)} className="cd-tile" data-testid={testId}>
      <span className="cd-tile__icon">{MODULE_ICONS[moduleKey]}</span>
      <span className="cd-tile__body">
        <span className="cd-tile__title">
          {t(`modules.${moduleKey}.title`)}
          {moduleKey === 'notices' && <UnreadNoticesBadge testId={`${testId}-unread`} />}
        </span>
        <span className="cd-tile__summary">{t(`modules.${moduleKey}.summary`)}</span>
      </span>
    </a>
  );
}

/** The workbench: who you are, your role's modules first, every other module, and the system status. */
export function HomePage({ session }: HomePageProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { state } = useServerStatus();
  const serverText = useServerStateText();
  const sync = useSyncStatus();
  const me = useStaffMember(session.name);
  const name = me.displayName;
  const primary = primaryModules(session.uiRoles);
  const others = visibleModules(session.uiRoles)
    .map((m) => m.key)
    .filter((k) => k !== 'home' && !primary.includes(k));
  const date = dayjs().format(t('home.dateFormat'));

  return (
    <div className="cd-screen" data-testid="screen-home">
      <Card variant="borderless" className="cd-welcome">
        <div className="cd-welcome__row">
          <Avatar size={56} className="cd-welcome__avatar">
            {name.slice(0, 1).toUpperCase()}
          </Avatar>
          <div className="cd-welcome__text">
            <Typography.Title level={3} className="cd-welcome__greeting" data-testid="home-greeting">
              {t('home.greeting', { name })}
            </Typography.Title>
            <Typography.Text type="secondary">{t('home.today', { date })}</Typography.Text>
          </div>
          <Descriptions size="small" column={1} className="cd-welcome__facts">
            <Descriptions.Item label={t('home.rolesLabel')}>
              <span data-testid="home-roles">
                {session.uiRoles.map((r) => (
                  <Tag key={r} color="blue">
                    {t(`roles.${r}`)}
                  </Tag>
                ))}
              </span>
            </Descriptions.Item>
            {me.title && (
              <Descriptions.Item label={t('home.titleLabel')}>
                <span data-testid="home-title">{me.title}</span>
              </Descriptions.Item>
            )}
            <Descriptions.Item label={t('home.courtLabel')}>
              {language === 'en' ? DEFAULT_COURT.nameEn : DEFAULT_COURT.name}
            </Descriptions.Item>
          </Descriptions>
        </div>
      </Card>

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Card variant="borderless" title={t('home.quickTitle')} className="cd-card">
            {primary.length === 0 ? (
              <Empty description={t('home.quickEmpty')} />
            ) : (
              <div className="cd-tiles">
                {primary.map((k) => (
                  <ModuleTile key={k} moduleKey={k} testId={`home-quick-${k}`} />
                ))}
              </div>
            )}
          </Card>
          {others.length > 0 && (
            <Card variant="borderless" title={t('home.allTitle')} className="cd-card">
              <div className="cd-tiles cd-tiles--compact">
                {others.map((k) => (
                  <ModuleTile key={k} moduleKey={k} testId={`home-module-${k}`} />
                ))}
              </div>
            </Card>
          )}
        </Col>
        <Col xs={24} xl={8}>
          <Card
            variant="borderless"
            title={t('home.systemTitle')}
            className="cd-card"
            data-testid="home-system-status"
          >
            <Descriptions size="small" column={1}>
              <Descriptions.Item label={t('home.serverLabel')}>
                <Badge
                  status={
                    state.kind === 'online'
                      ? 'success'
                      : state.kind === 'checking'
                        ? 'processing'
                        : state.kind === 'error'
                          ? 'error'
                          : 'default'
                  }
                  text={serverText}
                />
              </Descriptions.Item>
              <Descriptions.Item label={t('home.syncLabel')}>
                <span data-testid="home-sync-state" data-state={sync?.state ?? 'starting'}>
                  {sync ? t(`sync.state.${sync.state}`) : t('sync.state.starting')}
                  {sync && sync.unpushed > 0 ? ` · ${t('sync.unpushed', { count: sync.unpushed })}` : ''}
                </span>
              </Descriptions.Item>
              <Descriptions.Item label={t('home.dataLabel')}>
                {sync?.lastSyncAt
                  ? t('sync.lastSync', { time: dayjs(sync.lastSyncAt).format('YYYY-MM-DD HH:mm') })
                  : t('sync.neverSynced')}
              </Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
      </Row>
    </div>
  );
}
