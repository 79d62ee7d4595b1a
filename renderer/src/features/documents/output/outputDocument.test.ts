import type { JSONContent } from '@tiptap/core';
import { Window } from 'happy-dom';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { mergeTemplate } from '../../../../../core/documents/templates/mergeTemplate';
import { templateById } from '../../../../../core/documents/templates/templates';
import type { DesktopApi } from '../../../../../electron/common/ipcContract';
import { LOAN_CASE } from '../../../../../tests/support/documentFixtures';
import { createI18n } from '../../../app/i18n/i18n';
import { DOCX_MIME, outputDocument, type OutputDeps } from './outputDocument';

const doc = mergeTemplate(templateById('civilJudgmentOrdinary')!, LOAN_CASE, { documentDate: '2026-05-06' })
  .doc as JSONContent;
const request = { doc, title: '民事判决书', caseNumber: LOAN_CASE.caseNumber };

function setup(answer: unknown, options: { desktop?: boolean; language?: 'zh-CN' | 'en' } = {}) {
  const messages: [string, string][] = [];
  const downloads: { bytes: Uint8Array; fileName: string; mime: string }[] = [];
  const invocations: unknown[][] = [];
  const api: DesktopApi = {
    isDesktop: options.desktop ?? true,
    invoke: (async (...args: unknown[]) => {
      invocations.push(args);
      return answer;
    }) as DesktopApi['invoke'],
  };
  const deps: OutputDeps = {
    api,
    t: createI18n(options.language ?? 'zh-CN').t,
    notify: {
      success: (text) => void messages.push(['success', text]),
      info: (text) => void messages.push(['info', text]),
      warning: (text) => void messages.push(['warning', text]),
      error: (text) => void messages.push(['error', text]),
    },
    download: (bytes, fileName, mime) => void downloads.push({ bytes, fileName, mime }),
    target: new Window().document as unknown as Document,
  };
  return { deps, messages, downloads, invocations };
}

describe('outputDocument', () => {
  it('exports a .docx named after the document and case, warning about places still to fill', async () => {
    const { deps, messages, downloads } = setup(null);
    expect(await outputDocument('docx', request, deps)).toBe('done');
    expect(downloads.map((d) => [d.fileName, d.mime])).toEqual([
      ['民事判决书（2026）甘0402民初284号.docx', DOCX_MIME],
    ]);
    const zip = await JSZip.loadAsync(downloads[0]!.bytes);
    expect(await zip.file('word/document.xml')?.async('string')).toContain('欧阳晓峰');
    expect(messages).toEqual([
      // The judge's ten passages and the fee bearer, which this merge was not given.
      ['warning', '文书中还有 11 处待填写内容（黄色底纹标出），输出的是草稿。'],
      ['success', '已导出 Word 文件：民事判决书（2026）甘0402民初284号.docx'],
    ]);
  });

  it('saves a PDF through the host and reports where (English)', async () => {
    const { deps, messages, invocations } = setup(
      { ok: true, value: { path: 'C:\\判决\\a.pdf' } },
      { language: 'en' },
    );
    expect(await outputDocument('pdf', request, deps)).toBe('done');
    expect(invocations).toEqual([
      ['print:toPdf', { suggestedName: '民事判决书（2026）甘0402民初284号', cssPageSize: true }],
    ]);
    expect(messages.at(-1)).toEqual(['success', 'PDF saved: C:\\判决\\a.pdf']);
  });

  it('tells a cancelled save from the browser’s own dialog', async () => {
    const desktop = setup({ ok: true, value: { path: null } });
    expect(await outputDocument('pdf', request, desktop.deps)).toBe('cancelled');
    expect(desktop.messages.at(-1)).toEqual(['info', '已取消。']);
    const browser = setup({ ok: true, value: { path: null } }, { desktop: false });
    expect(await outputDocument('pdf', request, browser.deps)).toBe('done');
    expect(browser.messages.at(-1)).toEqual(['info', '请在打印对话框中选择“另存为 PDF”。']);
  });

  it('prints, and turns failures into a message instead of throwing', async () => {
    const printed = setup({ ok: true, value: { printed: true } });
    expect(await outputDocument('print', request, printed.deps)).toBe('done');
    expect(printed.invocations).toEqual([['print:print']]);
    expect(printed.messages.at(-1)).toEqual(['success', '已发送到打印机。']);
    const failing = setup({
      ok: false,
      error: { code: 'INTERNAL', message: 'printing failed: Invalid printer settings' },
    });
    expect(await outputDocument('print', request, failing.deps)).toBe('failed');
    expect(failing.messages.at(-1)).toEqual(['error', '输出失败：printing failed: Invalid printer settings']);
    const bad = setup(null);
    expect(
      await outputDocument(
        'docx',
        { ...request, doc: { type: 'doc', content: [{ type: 'image' }] } },
        bad.deps,
      ),
    ).toBe('failed');
    expect(bad.messages).toEqual([['error', '文书内容格式有误，无法输出。请联系信息中心。']]);
    expect(bad.downloads).toEqual([]);
  });
});
