import type { ReactNode } from 'react';
import {
  AccountBookOutlined,
  AlertOutlined,
  AuditOutlined,
  BarChartOutlined,
  BranchesOutlined,
  CalculatorOutlined,
  CloudDownloadOutlined,
  CommentOutlined,
  DesktopOutlined,
  FileAddOutlined,
  FileSearchOutlined,
  FileTextOutlined,
  FolderOpenOutlined,
  GlobalOutlined,
  HomeOutlined,
  NotificationOutlined,
  ReadOutlined,
  SafetyCertificateOutlined,
  SearchOutlined,
  SettingOutlined,
  SolutionOutlined,
  StopOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import type { ModuleKey, NavGroup } from './modules';

/** The icon of each module (navigation, workbench, placeholders). */
export const MODULE_ICONS: Record<ModuleKey, ReactNode> = {
  home: <HomeOutlined />,
  'cases-filing': <FileAddOutlined />,
  'cases-list': <UnorderedListOutlined />,
  'cases-mine': <SolutionOutlined />,
  'cases-deadlines': <AlertOutlined />,
  dashboard: <BarChartOutlined />,
  'enforcement-cases': <AccountBookOutlined />,
  'enforcement-debtors': <StopOutlined />,
  documents: <FileTextOutlined />,
  archives: <FolderOpenOutlined />,
  notices: <NotificationOutlined />,
  forum: <CommentOutlined />,
  library: <ReadOutlined />,
  downloads: <CloudDownloadOutlined />,
  search: <SearchOutlined />,
  fees: <CalculatorOutlined />,
  'public-query': <SearchOutlined />,
  'public-board': <DesktopOutlined />,
  reading: <FileSearchOutlined />,
  conflicts: <BranchesOutlined />,
  settings: <SettingOutlined />,
};

/** The icon of each navigation group. */
export const GROUP_ICONS: Record<NavGroup, ReactNode> = {
  cases: <AuditOutlined />,
  enforcement: <SafetyCertificateOutlined />,
  public: <GlobalOutlined />,
};
