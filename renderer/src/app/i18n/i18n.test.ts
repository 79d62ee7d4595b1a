import { describe, expect, it } from 'vitest';
import { MODULE_KEYS } from '../modules';
import { ROLES } from '../../../../core/roles';
import { createI18n, RESOURCES } from './i18n';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

const zh = flatten(RESOURCES['zh-CN'] as Tree);
const en = flatten(RESOURCES.en as Tree);

describe('translation bundles', () => {
  it('zh-CN and en have exactly the same keys', () => {
    const onlyZh = [...zh.keys()].filter((k) => !en.has(k));
    const onlyEn = [...en.keys()].filter((k) => !zh.has(k));
    expect({ onlyZh, onlyEn }).toEqual({ onlyZh: [], onlyEn: [] });
    expect(zh.size).toBeGreaterThan(100);
  });

  it('has no empty values', () => {
    const empty = [...zh, ...en].filter(([, v]) => v.trim() === '').map(([k]) => k);
    expect(empty).toEqual([]);
  });

  it('uses the same interpolation variables in both languages', () => {
    const vars = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    const mismatched = [...zh]
      .filter(([k, v]) => JSON.stringify(vars(v)) !== JSON.stringify(vars(en.get(k) ?? '')))
      .map(([k]) => k);
    expect(mismatched).toEqual([]);
  });

  it('English strings contain no Chinese except the language endonym', () => {
    const cjk = /[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]/;
    const leaks = [...en].filter(([k, v]) => cjk.test(v) && k !== 'language.zh-CN').map(([k]) => k);
    expect(leaks).toEqual([]);
  });

  it('names every module and every role the UI shows', () => {
    for (const key of MODULE_KEYS) {
      expect(zh.get(`modules.${key}.title`), key).toBeTruthy();
      expect(en.get(`modules.${key}.summary`), key).toBeTruthy();
    }
    for (const role of ROLES.filter((r) => r !== 'worker'))
      expect(zh.get(`roles.${role}`), role).toBeTruthy();
  });

  it('translates at run time and switches without re-creating the instance', async () => {
    const i18n = createI18n('zh-CN');
    expect(i18n.t('auth.errors.wrongCredentials')).toBe('用户名或密码错误');
    expect(i18n.t('auth.errors.unreachable')).toBe('无法连接服务器，请检查网络或联系信息中心');
    await i18n.changeLanguage('en');
    expect(i18n.t('auth.errors.wrongCredentials')).toBe('Wrong user name or password');
    expect(i18n.t('home.greeting', { name: 'Zhang Min' })).toBe('Hello, Zhang Min');
  });

  it('names a one-page catalogue entry as one page (context "single")', () => {
    const i18n = createI18n('zh-CN');
    const range = (first: number, last: number) =>
      i18n.t('archives.detail.pageRange', { first, last, context: first === last ? 'single' : undefined });
    expect(range(3, 7)).toBe('第 3–7 页');
    expect(range(4, 4)).toBe('第 4 页');
  });
});
