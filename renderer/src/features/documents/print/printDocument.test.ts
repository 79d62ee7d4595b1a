import type { JSONContent } from '@tiptap/core';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import type { DesktopApi } from '../../../../../electron/common/ipcContract';
import { mergeTemplate } from '../../../../../core/documents/templates/mergeTemplate';
import { templateById } from '../../../../../core/documents/templates/templates';
import { LOAN_CASE } from '../../../../../tests/support/documentFixtures';
import { createBrowserDesktopApi, DesktopApiError } from '../../../platform/desktopApi';
import { CourtDocumentError } from '../schema/courtDocument';
import { mountPrintView, printDocument, PRINT_VIEW_CLASS } from './printDocument';

const doc = mergeTemplate(templateById('civilJudgmentOrdinary')!, LOAN_CASE, { documentDate: '2026-05-06' })
  .doc as JSONContent;
const META = {
  title: '民事判决书 （2026）甘0402民初284号',
  suggestedName: '民事判决书（2026）甘0402民初284号',
};

function page(): Document {
  const window = new Window();
  window.document.title = 'CourtDesk';
  window.document.body.innerHTML = '<div id="root">案件列表</div>';
  return window.document as unknown as Document;
}

/** What the page looked like when the host was asked to print. */
function snapshot(target: Document) {
  return {
    title: target.title,
    views: target.querySelectorAll(`.${PRINT_VIEW_CLASS}`).length,
    text: target.querySelector(`.${PRINT_VIEW_CLASS}`)?.textContent ?? '',
    css: Array.from(target.querySelectorAll('style'), (s) => s.textContent ?? '').join('\n'),
  };
}

describe('print view', () => {
  it('mounts the document with its stylesheet and removes both again', () => {
    const target = page();
    const unmount = mountPrintView(doc, META, target);
    const seen = snapshot(target);
    expect(seen.views).toBe(1);
    expect(seen.title).toBe(META.title);
    expect(seen.text).toContain('原告：欧阳晓峰，男，1985年6月1日出生');
    expect(seen.css).toContain('@page { size: A4 portrait; margin: 37mm 26mm 35mm 28mm; }');
    expect(seen.css).toContain(
      `@media print { body > :not(.${PRINT_VIEW_CLASS}) { display: none !important; } }`,
    );
    unmount();
    expect(snapshot(target)).toEqual({ title: 'CourtDesk', views: 0, text: '', css: '' });
    expect(target.getElementById('root')?.textContent).toBe('案件列表');
  });

  it('never touches the page for a bad document', () => {
    const target = page();
    expect(() => mountPrintView({ type: 'doc', content: [{ type: 'script' }] }, META, target)).toThrow(
      CourtDocumentError,
    );
    expect(snapshot(target).views).toBe(0);
  });
});

describe('printDocument', () => {
  function fakeHost(answer: unknown) {
    const calls: { channel: string; args: unknown[]; page: ReturnType<typeof snapshot> }[] = [];
    const target = page();
    const api: DesktopApi = {
      isDesktop: true,
      invoke: (async (channel: string, ...args: unknown[]) => {
        calls.push({ channel, args, page: snapshot(target) });
        return answer;
      }) as DesktopApi['invoke'],
    };
    return { api, calls, target };
  }

  it('saves as PDF with the CSS page size while the view is mounted, then removes it', async () => {
    const { api, calls, target } = fakeHost({ ok: true, value: { path: '/home/j/判决书.pdf' } });
    expect(await printDocument(api, doc, META, 'pdf', target)).toEqual({ path: '/home/j/判决书.pdf' });
    expect(calls.map((c) => [c.channel, c.args])).toEqual([
      ['print:toPdf', [{ suggestedName: META.suggestedName, cssPageSize: true }]],
    ]);
    expect(calls[0]?.page.views).toBe(1);
    expect(calls[0]?.page.title).toBe(META.title);
    expect(snapshot(target).views).toBe(0);
  });

  it('prints through print:print and cleans up when the host fails', async () => {
    const { api, calls, target } = fakeHost({
      ok: false,
      error: { code: 'INTERNAL', message: 'printing failed' },
    });
    await expect(printDocument(api, doc, META, 'print', target)).rejects.toBeInstanceOf(DesktopApiError);
    expect(calls.map((c) => c.channel)).toEqual(['print:print']);
    expect(snapshot(target)).toMatchObject({ views: 0, title: 'CourtDesk' });
  });

  it('in the browser build opens the print dialog on the print view', async () => {
    const target = page();
    const printed: ReturnType<typeof snapshot>[] = [];
    const api = createBrowserDesktopApi({
      origin: 'http://127.0.0.1:8480',
      storage: { getItem: () => null, setItem: () => undefined },
      openWindow: () => undefined,
      print: () => void printed.push(snapshot(target)),
      userAgent: 'Chrome/142.0.0.0',
      appVersion: '1.0.0',
    });
    expect(await printDocument(api, doc, META, 'print', target)).toEqual({ printed: null });
    expect(printed).toHaveLength(1);
    expect(printed[0]?.text).toContain('甘肃省白银市白银区人民法院');
    expect(snapshot(target).views).toBe(0);
  });
});
