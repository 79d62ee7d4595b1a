import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkTemplate } from './templateFormat';
import { parseTemplateText } from './templateText';
import {
  DOCUMENT_TEMPLATES,
  loadTemplates,
  TEMPLATE_FILES,
  TEMPLATE_FRAGMENTS,
  templatesFor,
} from './templates';

const DIR = path.resolve('resources/templates');
const minimal = {
  id: 'x',
  name: '测试',
  nameEn: 'test',
  documentKind: 'other',
  caseTypes: ['民初'],
  source: '测试',
};
const issuesOf = (blocks: unknown[], extra: Record<string, unknown> = {}) =>
  checkTemplate({ ...minimal, ...extra, blocks }, TEMPLATE_FRAGMENTS).issues.map((i) => i.message);

describe('shipped document styles', () => {
  it('every JSON file in resources/templates is loaded and passes the check', () => {
    const files = readdirSync(DIR).filter((f) => f.endsWith('.json') && f !== 'fragments.json');
    expect(files).toHaveLength(TEMPLATE_FILES.length);
    for (const file of files) {
      const raw: unknown = JSON.parse(readFileSync(path.join(DIR, file), 'utf8'));
      const { issues, template } = checkTemplate(raw, TEMPLATE_FRAGMENTS);
      expect(issues, file).toEqual([]);
      expect(`${template?.id}.json`).toBe(file);
      expect(template?.source).toMatch(/最高人民法院《/u);
    }
  });

  it('covers the styles the issue asks for', () => {
    expect(DOCUMENT_TEMPLATES.map((t) => t.name)).toEqual([
      '民事判决书（第一审普通程序用）',
      '民事判决书（简易程序用）',
      '民事裁定书（准许撤诉用）',
      '民事裁定书（驳回起诉用）',
      '民事调解书',
      '刑事判决书（一审公诉案件适用普通程序用）',
      '行政判决书（一审请求撤销、变更行政行为类案件用）',
      '执行裁定书（终结本次执行程序用）',
      '传票',
      '送达回证',
      '开庭公告',
    ]);
  });

  it('offers the styles of a case’s type and procedure', () => {
    expect(templatesFor('民初', 'civilSummary').map((t) => t.id)).toEqual([
      'civilJudgmentSummary',
      'civilRulingWithdrawal',
      'civilRulingDismissal',
      'civilMediation',
      'summons',
      'serviceReceipt',
      'hearingAnnouncement',
    ]);
    expect(templatesFor('刑初', 'criminalFirst').map((t) => t.id)).toEqual([
      'criminalJudgmentFirst',
      'summons',
      'serviceReceipt',
    ]);
  });
});

describe('checkTemplate refuses a bad style file', () => {
  it('a file that names an unknown field fails loading, naming the file and the place', () => {
    const bad = {
      ...(TEMPLATE_FILES[0] as object),
      id: 'broken',
      blocks: [{ text: '原告{party.nickname}' }],
    };
    expect(() => loadTemplates([bad], TEMPLATE_FRAGMENTS)).toThrow(
      /broken blocks\[0\]: unknown field party\.nickname/u,
    );
  });

  it('item fields outside their each, lists where text belongs and each over text', () => {
    expect(issuesOf([{ text: '{party.name}' }])).toEqual([
      'party.name is only available inside an each over partys',
    ]);
    expect(issuesOf([{ text: '{parties.plaintiff}' }])).toEqual([
      'parties.plaintiff is a list field, not text',
    ]);
    expect(issuesOf([{ each: 'case.number', blocks: [] }])).toEqual([
      'case.number is a text field, not list',
    ]);
    expect(issuesOf([{ text: '{recipient.name}' }])).toEqual([
      'recipient.name is only available inside an each over recipients',
    ]);
    expect(issuesOf([{ text: '{recipient.name}' }], { perRecipient: true })).toEqual([]);
    expect(
      issuesOf([
        { each: 'parties.plaintiff', blocks: [{ each: 'party.agents', blocks: [{ text: '{agent.name}' }] }] },
      ]),
    ).toEqual([]);
  });

  it('unknown sections, roles, numbering, fragments, and malformed tables', () => {
    expect(issuesOf([{ section: 'preamble', blocks: [] }])).toEqual(['unknown section preamble']);
    expect(issuesOf([{ text: 'x', role: 'stamp' }])).toEqual(['unknown role']);
    expect(issuesOf([{ text: 'x', numbering: 'roman' }])).toEqual(['unknown numbering']);
    expect(issuesOf([{ include: 'nope' }])).toEqual(['unknown fragment nope']);
    expect(issuesOf([{ table: { columns: [1, 1], rows: [[{ text: 'a' }]] } }])).toEqual([
      'row spans 1 columns, not 2',
    ]);
    expect(issuesOf([{ each: 'panel', min: 1, blocks: [] }])).toEqual(['min and placeholder go together']);
    expect(
      checkTemplate({ ...minimal, documentKind: 'memo', blocks: [] }, TEMPLATE_FRAGMENTS).issues,
    ).toEqual([{ at: 'documentKind', message: 'unknown document kind' }]);
  });
});

describe('template lines', () => {
  it('parses fields, passages to fill and optional stretches', () => {
    expect(parseTemplateText('原告{party.name}[[，{party.occupation}]]，{fill:facts|事实}。')).toEqual({
      ok: true,
      segments: [
        { kind: 'literal', text: '原告' },
        { kind: 'field', name: 'party.name' },
        {
          kind: 'optional',
          parts: [
            { kind: 'literal', text: '，' },
            { kind: 'field', name: 'party.occupation' },
          ],
        },
        { kind: 'literal', text: '，' },
        { kind: 'fill', key: 'facts', label: '事实' },
        { kind: 'literal', text: '。' },
      ],
    });
  });

  it('refuses unbalanced braces, optional stretches without a field or with a passage, and nesting', () => {
    expect(parseTemplateText('{case.number')).toEqual({ ok: false, error: 'unclosed {' });
    expect(parseTemplateText('case}')).toEqual({ ok: false, error: 'unexpected }' });
    expect(parseTemplateText('[[，固定文字]]')).toEqual({
      ok: false,
      error: 'an optional stretch [[…]] must name a field',
    });
    expect(parseTemplateText('[[{case.cause}{fill:a|b}]]')).toEqual({
      ok: false,
      error: 'a passage to fill cannot be optional',
    });
    expect(parseTemplateText('{fill:|标签}')).toEqual({
      ok: false,
      error: 'not a field or a passage to fill: {fill:|标签}',
    });
    expect(parseTemplateText('[[x')).toEqual({ ok: false, error: 'unclosed [[' });
  });
});
