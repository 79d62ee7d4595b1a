import type { JSONContent } from '@tiptap/core';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { DocNode } from '../../../../../core/documents/content/docModel';
import { documentText } from '../../../../../core/documents/content/docText';
import { mergeTemplate } from '../../../../../core/documents/templates/mergeTemplate';
import { templateById } from '../../../../../core/documents/templates/templates';
import { LOAN_CASE } from '../../../../../tests/support/documentFixtures';
import { CourtDocumentError } from '../schema/courtDocument';
import { toDocx } from './toDocx';

function merged(id: string): JSONContent {
  const template = templateById(id);
  if (!template) throw new Error(id);
  return mergeTemplate(template, LOAN_CASE, {
    documentDate: '2026-05-06',
    feeBearers: ['被告白银市宏达建材有限公司'],
    recipient: '欧阳晓峰',
  }).doc as JSONContent;
}

async function unzip(bytes: Uint8Array): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const out: Record<string, string> = {};
  for (const name of Object.keys(zip.files)) {
    const file = zip.file(name);
    if (file) out[name] = await file.async('string');
  }
  return out;
}

/** The `<w:p>` elements of a part, in order. */
const paragraphs = (xml: string) => xml.match(/<w:p>.*?<\/w:p>|<w:p [^>]*>.*?<\/w:p>/gs) ?? [];
/** The text of a paragraph (its `w:t` runs, hard breaks as \n). */
const textOf = (p: string) =>
  [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:br\/>/g)].map((m) => m[1] ?? '\n').join('');
const attr = (xml: string, element: string, name: string) =>
  new RegExp(`<${element}\\b[^>]*\\b${name}="([^"]*)"`).exec(xml)?.[1] ?? null;

describe('toDocx: a 民事判决书 as court documents are laid out', async () => {
  const doc = merged('civilJudgmentOrdinary');
  const files = await unzip(await toDocx(doc, { title: '民事判决书', subject: '（2026）甘0402民初284号' }));
  const body = files['word/document.xml'] ?? '';
  const paras = paragraphs(body.slice(0, body.indexOf('<w:sectPr')));
  const byText = (start: string) => {
    const p = paras.find((x) => textOf(x).startsWith(start));
    if (!p) throw new Error(`no paragraph ${start}`);
    return p;
  };

  it('is A4 with margins 37/35/28/26 mm in twips', () => {
    const sect = /<w:sectPr>.*<\/w:sectPr>/s.exec(body)?.[0] ?? '';
    expect(attr(sect, 'w:pgSz', 'w:w')).toBe('11906');
    expect(attr(sect, 'w:pgSz', 'w:h')).toBe('16838');
    expect(attr(sect, 'w:pgMar', 'w:top')).toBe('2098');
    expect(attr(sect, 'w:pgMar', 'w:bottom')).toBe('1984');
    expect(attr(sect, 'w:pgMar', 'w:left')).toBe('1587');
    expect(attr(sect, 'w:pgMar', 'w:right')).toBe('1474');
  });

  it('sets every paragraph at exactly 28.95 pt (579 twips) with w:lineRule="exact" (never "exactly")', () => {
    expect(paras.length).toBeGreaterThan(25);
    for (const p of paras) {
      expect(attr(p, 'w:spacing', 'w:line')).toBe('579');
      expect(attr(p, 'w:spacing', 'w:lineRule')).toBe('exact');
    }
    expect(Object.values(files).join('')).not.toContain('"exactly"');
  });

  it('names the fonts for East Asian text: 方正小标宋简体 二号 for the title, 仿宋_GB2312 三号 for the body', () => {
    for (const start of ['甘肃省白银市白银区人民法院', '民事判决书']) {
      const p = byText(start);
      expect(attr(p, 'w:rFonts', 'w:eastAsia')).toBe('方正小标宋简体');
      expect(attr(p, 'w:sz', 'w:val')).toBe('44');
      expect(attr(p, 'w:jc', 'w:val')).toBe('center');
    }
    const party = byText('原告：欧阳晓峰');
    expect(attr(party, 'w:rFonts', 'w:eastAsia')).toBe('仿宋_GB2312');
    expect(attr(party, 'w:rFonts', 'w:ascii')).toBe('仿宋_GB2312');
    expect(attr(party, 'w:sz', 'w:val')).toBe('32');
    expect(attr(files['word/styles.xml'] ?? '', 'w:lang', 'w:eastAsia')).toBe('zh-CN');
    const fonts = files['word/fontTable.xml'] ?? '';
    expect(fonts).toMatch(
      /<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"\/><w:charset w:val="86"\/><w:family w:val="roman"\/>/,
    );
    expect(fonts).toContain('<w:font w:name="方正小标宋简体">');
  });

  it('indents body paragraphs by 2 characters, puts the case number right and the signatures right', () => {
    const party = byText('原告：欧阳晓峰');
    expect(attr(party, 'w:ind', 'w:firstLineChars')).toBe('200');
    expect(attr(party, 'w:ind', 'w:firstLine')).toBe('640');
    expect(attr(party, 'w:jc', 'w:val')).toBe('both');
    // Condensed by 0.25 pt (w:spacing in twentieths) so 28 characters fit the 156 mm line.
    expect(/<w:rPr>.*?<w:spacing w:val="-5"\/>/s.test(party)).toBe(true);
    expect(attr(byText('（2026）甘0402民初284号'), 'w:jc', 'w:val')).toBe('right');
    const presiding = byText('审　判　长');
    expect(attr(presiding, 'w:jc', 'w:val')).toBe('right');
    expect(attr(presiding, 'w:ind', 'w:right')).toBe('640');
    expect(presiding).toContain('<w:keepNext/>');
    expect(byText('如不服本判决')).toContain('<w:keepNext/>');
  });

  it('writes the automatic numbers and shades the places still to fill', () => {
    expect(textOf(byText('一、'))).toBe('一、【判决主文第一项】；');
    expect(attr(byText('一、'), 'w:highlight', 'w:val')).toBe('yellow');
    expect(byText('原告：欧阳晓峰')).not.toContain('w:highlight');
  });

  it('has every line of the document, in order', () => {
    expect(paras.map(textOf)).toEqual(documentText(doc as DocNode).split('\n'));
  });

  it('puts 「— PAGE —」 in 宋体 四号 at the bottom, odd pages right and even pages left', () => {
    const rels = files['word/_rels/document.xml.rels'] ?? '';
    const footerOf = (type: string) => {
      const id = new RegExp(`<w:footerReference w:type="${type}" r:id="([^"]+)"`).exec(body)?.[1];
      const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1];
      return files[`word/${target}`] ?? '';
    };
    for (const [type, side] of [
      ['default', 'right'],
      ['even', 'left'],
    ] as const) {
      const footer = footerOf(type);
      // 「— 」, the PAGE field, 「 —」: the number Word computes between two 一字线.
      expect(footer).toMatch(
        /<w:t xml:space="preserve">— <\/w:t>.*<w:fldChar w:fldCharType="begin"\/>.*<w:instrText[^>]*>PAGE<\/w:instrText>.*<w:fldChar w:fldCharType="end"\/>.*<w:t xml:space="preserve"> —<\/w:t>/s,
      );
      expect(attr(footer, 'w:jc', 'w:val')).toBe(side);
      expect(attr(footer, 'w:ind', `w:${side}`)).toBe('280');
      expect(attr(footer, 'w:rFonts', 'w:eastAsia')).toBe('宋体');
      expect(attr(footer, 'w:sz', 'w:val')).toBe('28');
    }
    expect(files['word/settings.xml']).toContain('<w:evenAndOddHeaders/>');
  });

  it('records the title and subject in the document properties', () => {
    expect(files['docProps/core.xml']).toContain('<dc:title>民事判决书</dc:title>');
    expect(files['docProps/core.xml']).toContain('<dc:subject>（2026）甘0402民初284号</dc:subject>');
  });
});

describe('toDocx: forms and bad input', () => {
  it('draws a bordered table for a 传票 with the label column a third of the width', async () => {
    const files = await unzip(await toDocx(merged('summons'), { title: '传票' }));
    const body = files['word/document.xml'] ?? '';
    const borders = /<w:tblBorders>.*?<\/w:tblBorders>/s.exec(body)?.[0] ?? '';
    for (const side of ['top', 'bottom', 'left', 'right', 'insideH', 'insideV'])
      expect(borders).toMatch(new RegExp(`<w:${side} w:val="single" w:color="000000" w:sz="4"/>`));
    const grid = [...body.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(grid).toHaveLength(2);
    expect(grid[0]! / (grid[0]! + grid[1]!)).toBeCloseTo(1 / 3, 2);
    expect(grid[0]! + grid[1]!).toBeCloseTo(8845, -1);
    expect(body).toContain('w:gridSpan w:val="2"');
    expect(body).toContain('2026年4月20日9时30分');
  });

  it('refuses JSON that is not a court document and writes nothing', async () => {
    await expect(toDocx({ type: 'doc', content: [{ type: 'video' }] }, { title: 'x' })).rejects.toThrow(
      CourtDocumentError,
    );
  });
});
