import { Suspense, useEffect, useState } from 'react';
import { Alert, Button, Layout, Menu, Spin, Tag, Tooltip, type MenuProps } from 'antd';
import { LogoutOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { DEFAULT_COURT } from '../../../../core/court';
import { useAuth } from '../auth/AuthContext';
import type { Session } from '../auth/sessionApi';
import { ErrorBoundary } from '../ErrorBoundary';
import { useLanguage } from '../i18n/useLanguage';
import { GROUP_ICONS, MODULE_ICONS } from '../moduleIcons';
import { UnreadNoticesBadge } from '../../features/notices/UnreadNoticesBadge';
import { BackgroundOcrHost } from '../../features/archives/ocr/BackgroundOcrHost';
import {
  canOpen,
  landingModule,
  visibleModules,
  type ModuleDef,
  type ModuleKey,
  type NavGroup,
} from '../modules';
import { hrefFor, navigate, redirect, useRoute } from '../router';
import { HomePage } from '../screens/HomePage';
import { Forbidden, NotFound } from '../screens/NotFound';
import { SCREENS } from '../screens/registry';
import { useServerStatus } from '../status/ServerStatusContext';
import { SearchProvider } from '../../db/searchHooks';
import { SearchBox } from '../../features/search/SearchBox';
import { LandingContext } from '../landingContext';
import { CourtEmblem } from './CourtEmblem';
import { LanguageSwitch } from './LanguageSwitch';
import { StatusBar } from './StatusBar';
import { UserMenu } from './UserMenu';

/** Props of {@link AppLayout}. */
export interface AppLayoutProps {
  readonly session: Session;
  readonly verified: boolean;
  readonly version: string;
}

type MenuItem = Required<MenuProps>['items'][number];

function useMenuItems(modules: readonly ModuleDef[]): MenuItem[] {
  const { t } = useTranslation();
  const items: MenuItem[] = [];
  const groups = new Map<NavGroup, MenuItem[]>();
  for (const m of modules) {
    const item: MenuItem = {
      key: m.key,
      icon: MODULE_ICONS[m.key],
      label: (
        <a href={hrefFor(m.key)} data-testid={`nav-${m.key}`}>
          {t(`modules.${m.key}.title`)}
          {m.key === 'notices' && <UnreadNoticesBadge testId="nav-notices-unread" />}
        </a>
      ),
    };
    if (!m.group) {
      items.push(item);
      continue;
    }
    let children = groups.get(m.group);
    if (!children) {
      children = [];
      groups.set(m.group, children);
      items.push({
        key: `group-${m.group}`,
        icon: GROUP_ICONS[m.group],
        label: <span data-testid={`nav-${m.group}`}>{t(`nav.group.${m.group}`)}</span>,
        children,
      });
    }
    children.push(item);
  }
  return items;
}

function Screen({ moduleKey, session }: { moduleKey: ModuleKey; session: Session }) {
  if (moduleKey === 'home') return <HomePage session={session} />;
  const Lazy = SCREENS[moduleKey];
  return <Lazy moduleKey={moduleKey} />;
}

/** The signed-in window: title bar, side navigation, the current module, status bar. */
export function AppLayout({ session, verified, version }: AppLayoutProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { signOut, revalidate } = useAuth();
  const { state: server } = useServerStatus();
  const route = useRoute();
  const [signingOut, setSigningOut] = useState(false);
  const modules = visibleModules(session.uiRoles);
  const landing = landingModule(session.uiRoles);
  const menuItems = useMenuItems(modules);
  const current: ModuleKey | null =
    route.kind === 'module' ? route.key : route.kind === 'default' ? landing : null;
  const kioskOnly = landing !== 'home';
  const currentGroup = current ? modules.find((m) => m.key === current)?.group : undefined;
  const [openKeys, setOpenKeys] = useState<string[]>(() =>
    kioskOnly ? ['group-public'] : ['group-cases', 'group-enforcement', 'group-public'],
  );

  useEffect(() => {
    // `#/` or `#/home` for a kiosk: land on the public query instead of an empty workbench.
    if (route.kind === 'default' || (route.kind === 'module' && route.key === 'home' && landing !== 'home'))
      redirect(landing);
  }, [route, landing]);

  useEffect(() => {
    if (!verified && server.kind === 'online') void revalidate();
  }, [verified, server.kind, revalidate]);

  const allowed = current !== null && canOpen(current, session.uiRoles);
  const courtName = language === 'en' ? DEFAULT_COURT.nameEn : DEFAULT_COURT.name;

  async function onSignOut() {
    setSigningOut(true);
    await signOut();
  }

  return (
    <LandingContext.Provider value={landing}>
      <SearchProvider user={session.name}>
        <Layout className="cd-app">
          <Layout.Header className="cd-header">
            <a className="cd-header__brand" href={hrefFor(landing)} data-testid="header-brand">
              <CourtEmblem size={36} />
              <span className="cd-header__names">
                <span className="cd-header__court" data-testid="header-court-name">
                  {courtName}
                </span>
                <span className="cd-header__product">
                  {t('app.name')} · {t('app.productName')}
                </span>
              </span>
            </a>
            <span className="cd-header__spacer" />
            {!kioskOnly && <SearchBox />}
            {!verified && (
              <Tooltip title={t('auth.unverifiedHint')}>
                <Tag color="orange" data-testid="session-unverified">
                  {t('auth.unverified')}
                </Tag>
              </Tooltip>
            )}
            <UserMenu session={session} />
            <LanguageSwitch tone="dark" />
            <Button
              className="cd-header__signout"
              type="text"
              icon={<LogoutOutlined />}
              loading={signingOut}
              onClick={() => void onSignOut()}
              data-testid="sign-out"
            >
              {signingOut ? t('auth.signingOut') : t('auth.signOut')}
            </Button>
          </Layout.Header>
          <Layout>
            <Layout.Sider width={224} className="cd-sider" breakpoint="lg" collapsedWidth={56}>
              <nav aria-label={t('nav.ariaLabel')}>
                <Menu
                  mode="inline"
                  items={menuItems}
                  selectedKeys={current ? [current] : []}
                  openKeys={
                    currentGroup && !openKeys.includes(`group-${currentGroup}`)
                      ? [...openKeys, `group-${currentGroup}`]
                      : openKeys
                  }
                  onOpenChange={setOpenKeys}
                  // The label is a real link; this also makes the icon and padding of the row navigate.
                  onClick={({ key }) => {
                    const target = modules.find((m) => m.key === key);
                    if (target) navigate(target.key);
                  }}
                  data-testid="nav"
                />
              </nav>
            </Layout.Sider>
            <Layout className="cd-main">
              <Layout.Content className="cd-content">
                {!verified && (
                  <Alert
                    className="cd-content__alert"
                    type="warning"
                    showIcon
                    title={t('auth.unverifiedHint')}
                  />
                )}
                <ErrorBoundary
                  variant="module"
                  resetKey={route.kind === 'module' ? route.key : route.kind}
                  version={version}
                >
                  <Suspense
                    fallback={
                      <div className="cd-loading" data-testid="screen-loading">
                        <Spin description={t('app.loading')} />
                      </div>
                    }
                  >
                    {route.kind === 'notFound' ? (
                      <NotFound path={route.path} home={landing} />
                    ) : current && !allowed ? (
                      <Forbidden moduleKey={current} home={landing} />
                    ) : current ? (
                      <Screen moduleKey={current} session={session} />
                    ) : null}
                  </Suspense>
                </ErrorBoundary>
              </Layout.Content>
              <Layout.Footer className="cd-footer">
                <StatusBar version={version} />
                <BackgroundOcrHost />
              </Layout.Footer>
            </Layout>
          </Layout>
        </Layout>
      </SearchProvider>
    </LandingContext.Provider>
  );
}
