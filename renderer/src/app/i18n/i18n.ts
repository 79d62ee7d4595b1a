import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import type { Locale } from 'antd/es/locale';
import antdZhCN from 'antd/locale/zh_CN';
import antdEnUS from 'antd/locale/en_US';
import type { Language } from '../../../../electron/common/ipcContract';
import zhCNApp from './zh-CN.json';
import enApp from './en.json';
import caseListZh from '../../features/cases/i18n/caseList.zh-CN.json';
import caseListEn from '../../features/cases/i18n/caseList.en.json';
import caseWorkZh from '../../features/cases/i18n/caseWork.zh-CN.json';
import caseWorkEn from '../../features/cases/i18n/caseWork.en.json';
import documentsZh from '../../features/documents/i18n/documents.zh-CN.json';
import documentsEn from '../../features/documents/i18n/documents.en.json';
import documentOutputZh from '../../features/documents/i18n/documentOutput.zh-CN.json';
import documentOutputEn from '../../features/documents/i18n/documentOutput.en.json';
import libraryZh from '../../features/library/i18n/library.zh-CN.json';
import libraryEn from '../../features/library/i18n/library.en.json';
import downloadsZh from '../../features/downloads/i18n/downloads.zh-CN.json';
import downloadsEn from '../../features/downloads/i18n/downloads.en.json';
import searchZh from '../../features/search/i18n/search.zh-CN.json';
import searchEn from '../../features/search/i18n/search.en.json';
import noticesZh from '../../features/notices/i18n/notices.zh-CN.json';
import noticesEn from '../../features/notices/i18n/notices.en.json';
import forumZh from '../../features/forum/i18n/forum.zh-CN.json';
import forumEn from '../../features/forum/i18n/forum.en.json';
import enforcementZh from '../../features/enforcement/i18n/enforcement.zh-CN.json';
import enforcementEn from '../../features/enforcement/i18n/enforcement.en.json';
import dashboardZh from '../../features/dashboard/i18n/dashboard.zh-CN.json';
import dashboardEn from '../../features/dashboard/i18n/dashboard.en.json';
import feesZh from '../../features/fees/i18n/fees.zh-CN.json';
import feesEn from '../../features/fees/i18n/fees.en.json';
import kioskZh from '../../features/kiosk/i18n/kiosk.zh-CN.json';
import kioskEn from '../../features/kiosk/i18n/kiosk.en.json';
import readingZh from '../../features/reading/i18n/reading.zh-CN.json';
import readingEn from '../../features/reading/i18n/reading.en.json';
import archivesZh from '../../features/archives/i18n/archives.zh-CN.json';
import archivesEn from '../../features/archives/i18n/archives.en.json';

/**
 * i18next set-up: zh-CN is the default and the fallback; both bundles ship in the main chunk (they
 * are small), so switching language never waits for the network. Antd and dayjs follow the same
 * language through {@link antdLocaleFor} and {@link applyDayjsLocale}.
 */

/** Languages the UI ships, in the order the switch shows them. */
export const LANGUAGES: readonly Language[] = ['zh-CN', 'en'];

/**
 * Feature bundles live next to their feature and are mounted under one top-level key each
 * (`caseList.*`, `caseWork.*`), so features translate independently of the shell's bundle.
 */
const zhCN = {
  ...zhCNApp,
  caseList: caseListZh,
  caseWork: caseWorkZh,
  documents: documentsZh,
  documentOutput: documentOutputZh,
  library: libraryZh,
  downloads: downloadsZh,
  search: searchZh,
  notices: noticesZh,
  forum: forumZh,
  enforcement: enforcementZh,
  dashboard: dashboardZh,
  fees: feesZh,
  kiosk: kioskZh,
  reading: readingZh,
  archives: archivesZh,
};
const en = {
  ...enApp,
  caseList: caseListEn,
  caseWork: caseWorkEn,
  documents: documentsEn,
  documentOutput: documentOutputEn,
  library: libraryEn,
  downloads: downloadsEn,
  search: searchEn,
  notices: noticesEn,
  forum: forumEn,
  enforcement: enforcementEn,
  dashboard: dashboardEn,
  fees: feesEn,
  kiosk: kioskEn,
  reading: readingEn,
  archives: archivesEn,
};

/** The translation bundles, by language (also read by the key-parity test). */
export const RESOURCES = { 'zh-CN': zhCN, en } as const;

/** Creates and synchronously initialises an i18next instance in `language`. */
export function createI18n(language: Language): I18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
    lng: language,
    fallbackLng: 'zh-CN',
    supportedLngs: [...LANGUAGES],
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
    showSupportNotice: false,
  });
  return instance;
}

/** Narrows i18next's language string to a shipped language. */
export function asLanguage(value: string | undefined): Language {
  return value === 'en' ? 'en' : 'zh-CN';
}

/** The Ant Design locale for a language. */
export function antdLocaleFor(language: Language): Locale {
  return language === 'en' ? antdEnUS : antdZhCN;
}

/** Sets dayjs's global locale (antd's date pickers and our date formatting read it). */
export function applyDayjsLocale(language: Language): void {
  dayjs.locale(language === 'en' ? 'en' : 'zh-cn');
}
