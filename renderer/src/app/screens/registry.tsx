import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { ModuleKey } from '../modules';
import type { FeatureScreenProps } from './featureScreen';

/**
 * Module key → lazily loaded screen. Each feature is its own chunk, so the shell stays small and a
 * feature's code loads the first time someone opens it. `home` is rendered by the shell itself.
 */
type LazyScreen = LazyExoticComponent<ComponentType<FeatureScreenProps>>;

const cases = lazy(() => import('../../features/cases/CasesScreen'));
const dashboard = lazy(() => import('../../features/dashboard/DashboardScreen'));
const enforcement = lazy(() => import('../../features/enforcement/EnforcementScreen'));
const documents = lazy(() => import('../../features/documents/DocumentsScreen'));
const archives = lazy(() => import('../../features/archives/ArchivesScreen'));
const notices = lazy(() => import('../../features/notices/NoticesScreen'));
const forum = lazy(() => import('../../features/forum/ForumScreen'));
const library = lazy(() => import('../../features/library/LibraryScreen'));
const downloads = lazy(() => import('../../features/downloads/DownloadsScreen'));
const search = lazy(() => import('../../features/search/SearchScreen'));
const fees = lazy(() => import('../../features/fees/FeesScreen'));
const publicServices = lazy(() => import('../../features/kiosk/PublicScreen'));
const reading = lazy(() => import('../../features/reading/ReadingScreen'));
const conflicts = lazy(() => import('../../features/conflicts/ConflictsScreen'));
const settings = lazy(() => import('./SettingsPage'));

/** The screen component of every module except the workbench. */
export const SCREENS: Record<Exclude<ModuleKey, 'home'>, LazyScreen> = {
  'cases-filing': cases,
  'cases-list': cases,
  'cases-mine': cases,
  'cases-deadlines': cases,
  dashboard,
  'enforcement-cases': enforcement,
  'enforcement-debtors': enforcement,
  documents,
  archives,
  notices,
  forum,
  library,
  downloads,
  search,
  fees,
  'public-query': publicServices,
  'public-board': publicServices,
  reading,
  conflicts,
  settings,
};
