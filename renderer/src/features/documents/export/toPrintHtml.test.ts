import type { JSONContent } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { MARK, type DocNode } from '../../../../../core/documents/content/docModel';
import { documentText } from '../../../../../core/documents/content/docText';
import { mergeTemplate } from '../../../../../core/documents/templates/mergeTemplate';
import { templateById } from '../../../../../core/documents/templates/templates';
import { LOAN_CASE } from '../../../../../tests/support/documentFixtures';
import { CourtDocumentError } from '../schema/courtDocument';
import { printStylesheet, toPrintBody, toPrintHtml } from './toPrintHtml';

function merged(id: string): JSONContent {
  return mergeTemplate(templateById(id)!, LOAN_CASE, {
    documentDate: '2026-05-06',
    feeBearers: ['被告白银市宏达建材有限公司'],
    recipient: '欧阳晓峰',
  }).doc as JSONContent;
}

const unescape = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
const paragraphs = (html: string) =>
  [...html.matchAll(/<p ([^>]*)>(.*?)<\/p>/g)].map((m) => ({ attrs: m[1] ?? '', html: m[2] ?? '' }));
const textOf = (html: string) => unescape(html.replace(/<br>/g, '\n').replace(/<[^>]+>/g, ''));

describe('printStylesheet', () => {
  const css = printStylesheet();

  it('prints on A4 with the .docx margins and exact 28.95 pt lines', () => {
    expect(css).toContain('@page { size: A4 portrait; margin: 37mm 26mm 35mm 28mm; }');
    expect(css).toMatch(/\.cd-print-document \{[^}]*font-size: 16pt; line-height: 28.95pt;/);
  });

  it('numbers pages 「— n —」 outside: right pages bottom right, left pages bottom left, 7 mm under the text', () => {
    for (const side of ['right', 'left'])
      expect(css).toContain(`@page :${side} {\n  @bottom-${side} {\n    content: "— " counter(page) " —";`);
    expect(css).toMatch(
      /@bottom-right \{[^}]*font-size: 14pt;[^}]*padding-top: 7mm;[^}]*padding-right: 14pt;/,
    );
  });

  it('uses the court faces first and falls back to FangSong and Noto Serif CJK', () => {
    expect(css).toMatch(
      /@font-face \{ font-family: "cd-body"; src: local\("仿宋_GB2312"\), local\("FangSong_GB2312"\), local\("仿宋"\), local\("FangSong"\).*local\("Noto Serif CJK SC"\)/,
    );
    expect(css).toMatch(/@font-face \{ font-family: "cd-title"; src: local\("方正小标宋简体"\)/);
    expect(css).toMatch(
      /\.f-body \{ font-family: "cd-body", "仿宋_GB2312".*"Noto Serif CJK SC", "NotoSerifCJKsc-Regular", serif; \}/,
    );
  });
});

describe('toPrintHtml', () => {
  const doc = merged('civilJudgmentOrdinary');
  const html = toPrintHtml(doc, { title: '民事判决书 （2026）甘0402民初284号' });
  const paras = paragraphs(html);

  it('is a whole page with a title and a CSP that runs nothing', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="zh-CN">')).toBe(true);
    expect(html).toContain('<title>民事判决书 （2026）甘0402民初284号</title>');
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
    expect(html).not.toMatch(/<script/i);
  });

  it('has every line of the document in order, numbers included', () => {
    expect(paras.map((p) => textOf(p.html))).toEqual(documentText(doc as DocNode).split('\n'));
  });

  it('sets titles, body text and the signature block as the .docx does', () => {
    const find = (start: string) => paras.find((p) => textOf(p.html).startsWith(start))!;
    expect(find('民事判决书').attrs).toContain('class="f-title" data-role="title"');
    expect(find('民事判决书').attrs).toContain('font-size:22pt;text-align:center;text-indent:0em');
    expect(find('原告：欧阳晓峰').attrs).toContain(
      'style="font-size:16pt;text-align:justify;text-indent:2em;padding-left:0em;padding-right:0em;letter-spacing:-0.25pt"',
    );
    expect(find('（2026）').attrs).toContain('text-align:right');
    expect(find('审　判　长').attrs).toContain('class="f-body keep" data-role="signature"');
    expect(find('审　判　长').attrs).toContain('padding-right:2em');
    expect(find('如不服本判决').attrs).toContain('class="f-body keep"');
    expect(find('案件受理费').attrs).not.toContain('keep');
    expect(find('一、').html).toBe('一、<span class="fill">【判决主文第一项】</span>；');
  });

  it('draws a form as a bordered table with header cells and the label column a third wide', () => {
    const form = toPrintBody(merged('summons'));
    const widths = [...form.matchAll(/<col style="width:([\d.]+)%">/g)].map((m) => Number(m[1]));
    expect(widths).toHaveLength(2);
    expect(widths[0]).toBeCloseTo(100 / 3, 0);
    expect(widths[0]! + widths[1]!).toBeCloseTo(100, 5);
    expect(form).toMatch(
      /<tr><th><p class="f-body" style="font-size:16pt;text-align:center;text-indent:0em[^"]*">案\u3000\u3000号<\/p><\/th><td>/u,
    );
    expect(form).toContain('<td colspan="2">');
    expect(form).toContain('注意事项：<br>一、被传唤人必须准时到达应到处所。<br>');
    expect(printStylesheet()).toContain(
      '.cd-print-document td, .cd-print-document th { border: 0.5pt solid #000;',
    );
  });

  it('escapes text and marks conflicts, so a draft can never inject markup', () => {
    const body = toPrintBody({
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: '<img src=x onerror="alert(1)">&' },
            { type: 'text', text: '十五日三十日', marks: [{ type: MARK.conflictSpot, attrs: { id: 'c1' } }] },
          ],
        },
        { type: 'paragraph' },
      ],
    });
    expect(body).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&amp;');
    expect(body).toContain('<span class="conflict">十五日三十日</span>');
    expect(body).toMatch(/<p class="f-body" style="[^"]*"><br><\/p><\/article>$/);
  });

  it('refuses JSON that is not a court document', () => {
    expect(() =>
      toPrintHtml(
        { type: 'doc', content: [{ type: 'paragraph', attrs: { role: 'stamp' } }] },
        { title: 'x' },
      ),
    ).toThrow(CourtDocumentError);
  });
});
