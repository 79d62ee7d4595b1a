import { describe, expect, it } from 'vitest';
import zh from '../../../../resources/kiosk/guides.zh-CN.json';
import en from '../../../../resources/kiosk/guides.en.json';
import { checkGuides, GUIDE_KEYS, guideFor } from './guides';

describe('kiosk guides', () => {
  it('ship every guide in both languages with the same sections', () => {
    const z = checkGuides(zh, 'zh');
    const e = checkGuides(en, 'en');
    for (const key of GUIDE_KEYS) {
      expect(e[key].sections.map((s) => s.items.length)).toEqual(z[key].sections.map((s) => s.items.length));
    }
    expect(guideFor('judicialAid', 'zh-CN').title).toBe('司法救助指南');
    expect(guideFor('judicialAid', 'en').title).toBe('Judicial aid guide');
    // The rules of the Measures on Litigation Costs are quoted, not paraphrased away.
    expect(JSON.stringify(z.judicialAid)).toContain('减交比例不得低于百分之三十');
    expect(JSON.stringify(z.litigationGuide)).toContain('七日内预交');
  });

  it('refuses a malformed file with the guide named', () => {
    expect(() => checkGuides({ ...zh, riskNotice: { title: 'x', intro: '', sections: [] } }, 'bad')).toThrow(
      /riskNotice/,
    );
  });
});
