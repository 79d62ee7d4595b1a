/**
 * The kiosk's guide texts (resources/kiosk/guides.<language>.json): court guide, litigation
 * guide, judicial-aid guide, litigation-risk notice. Data, not code, so the court edits them
 * without a developer; checked when loaded so a malformed file fails the tests, not the kiosk.
 */
import zh from '../../../../resources/kiosk/guides.zh-CN.json';
import en from '../../../../resources/kiosk/guides.en.json';

/** The guides a kiosk offers. */
export const GUIDE_KEYS = ['courtGuide', 'litigationGuide', 'judicialAid', 'riskNotice'] as const;
/** One of {@link GUIDE_KEYS}. */
export type GuideKey = (typeof GUIDE_KEYS)[number];

/** One guide: a title, an introduction and headed lists. */
export interface Guide {
  readonly title: string;
  readonly intro: string;
  readonly sections: readonly { readonly heading: string; readonly items: readonly string[] }[];
}

function isText(v: unknown): v is string {
  return typeof v === 'string' && v.trim().length > 0;
}

/** Checks one language's file; throws naming the first problem. */
export function checkGuides(raw: unknown, label: string): Record<GuideKey, Guide> {
  const file = raw as Record<string, unknown>;
  const out = {} as Record<GuideKey, Guide>;
  for (const key of GUIDE_KEYS) {
    const g = file[key] as Partial<Guide> | undefined;
    if (!g || !isText(g.title) || !isText(g.intro) || !Array.isArray(g.sections) || g.sections.length === 0)
      throw new Error(`${label}: guide ${key} needs a title, an introduction and sections`);
    for (const s of g.sections)
      if (!isText(s.heading) || !Array.isArray(s.items) || s.items.length === 0 || !s.items.every(isText))
        throw new Error(`${label}: a section of ${key} needs a heading and items`);
    out[key] = g as Guide;
  }
  return out;
}

const GUIDES = { 'zh-CN': checkGuides(zh, 'guides.zh-CN.json'), en: checkGuides(en, 'guides.en.json') };

/** The guide in the UI language (zh-CN for anything but English). */
export function guideFor(key: GuideKey, language: string): Guide {
  return (language === 'en' ? GUIDES.en : GUIDES['zh-CN'])[key];
}
