import type { ThemeConfig } from 'antd';
import type { Language } from '../../../electron/common/ipcContract';

/**
 * The CourtDesk look: a restrained court palette — deep court red for the title bar and emblem,
 * a sober government blue for actions and selection — square-ish corners and the system CJK fonts.
 */
export const COURT_RED = '#9b1c1f';
/** Gold of the emblem ring. */
export const COURT_GOLD = '#d9a93a';
/** Primary (action) colour. */
export const COURT_BLUE = '#1f4e8c';

const LATIN =
  "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Liberation Sans'";
const CJK =
  "'Microsoft YaHei', 'PingFang SC', 'Hiragino Sans GB', 'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei'";
// Chinese UI: CJK fonts first so ambiguous punctuation (“ ” · —) takes its full-width Chinese form.
const CJK_FIRST = `${CJK}, ${LATIN}, sans-serif`;
// English UI: Latin fonts first so apostrophes and quotes are not set full-width; CJK still falls back.
const LATIN_FIRST = `${LATIN}, ${CJK}, sans-serif`;

/** Ant Design theme for the whole app (zh-CN font stack). */
export const THEME: ThemeConfig = {
  token: {
    colorPrimary: COURT_BLUE,
    colorLink: COURT_BLUE,
    borderRadius: 4,
    fontFamily: CJK_FIRST,
    colorBgLayout: '#f0f2f5',
  },
  components: {
    Layout: {
      headerBg: COURT_RED,
      headerHeight: 56,
      headerPadding: '0 20px',
      siderBg: '#ffffff',
      footerPadding: '0 16px',
    },
    Menu: {
      itemBorderRadius: 2,
      itemMarginInline: 0,
      itemSelectedBg: '#e8eef7',
      itemSelectedColor: COURT_BLUE,
    },
  },
};

/** The theme for a UI language: the same palette, the font stack that suits the language. */
export function themeFor(language: Language): ThemeConfig {
  return language === 'en' ? { ...THEME, token: { ...THEME.token, fontFamily: LATIN_FIRST } } : THEME;
}
