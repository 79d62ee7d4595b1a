/**
 * Printing a court document from the app, in both builds: the document's print view (the body of
 * `toPrintHtml` with its stylesheet) is mounted on the current page, which prints only that view
 * while it is there, and the host prints the page — Electron through `print:toPdf` (`printToPDF`
 * with the CSS page size) or `print:print` (`webContents.print`), the browser through
 * `window.print()` (`renderer/src/platform/desktopApi.ts`). The view is removed afterwards.
 */
import type { JSONContent } from '@tiptap/core';
import type { DesktopApi, IpcResults } from '../../../../../electron/common/ipcContract';
import { invokeOrThrow } from '../../../platform/desktopApi';
import { printStylesheet, toPrintBody, type PrintMeta } from '../export/toPrintHtml';

/** The class of the element that holds a mounted print view. */
export const PRINT_VIEW_CLASS = 'cd-print-view';

/** While a view is mounted, print media shows only it; on screen it is not shown at all. */
function viewStylesheet(contentStylesheet: string): string {
  return [
    contentStylesheet,
    `@media screen { .${PRINT_VIEW_CLASS} { display: none; } }`,
    `@media print { body > :not(.${PRINT_VIEW_CLASS}) { display: none !important; } }`,
  ].join('\n');
}

/**
 * Mounts the print view of `doc` at the end of `<body>` and sets the page title (the PDF's title
 * and the browser's suggested file name). Returns the function that removes it and restores the
 * title. Throws `CourtDocumentError` for a bad document, before touching the page.
 */
export function mountPrintView(doc: JSONContent, meta: PrintMeta, target: Document = document): () => void {
  return mountHtmlView(toPrintBody(doc), printStylesheet(), meta.title, target);
}

/**
 * Mounts already escaped `html` as the print view with its own stylesheet (a printed list, not a
 * court document) and sets the page title; returns the function that removes it.
 */
export function mountHtmlView(
  html: string,
  stylesheet: string,
  title: string,
  target: Document = document,
): () => void {
  const style = target.createElement('style');
  style.textContent = viewStylesheet(stylesheet);
  const view = target.createElement('div');
  view.className = PRINT_VIEW_CLASS;
  // Callers pass escaped HTML (toPrintBody and core/enforcement/publicListExport escape every text).
  view.innerHTML = html;
  const previous = target.title;
  target.head.append(style);
  target.body.append(view);
  target.title = title;
  return () => {
    view.remove();
    style.remove();
    target.title = previous;
  };
}

/** What a print request asks of the host. */
export type PrintAction = 'pdf' | 'print';

/** The result of {@link printDocument} for each action. */
export type PrintOutcome<A extends PrintAction> = A extends 'pdf'
  ? IpcResults['print:toPdf']
  : IpcResults['print:print'];

/**
 * Prints `doc`, or saves it as PDF, through the host. Waits for the page's fonts before printing so
 * the first page is never set in a fallback face. Errors come back as `DesktopApiError` (their code
 * is translated by the caller) or `CourtDocumentError`.
 */
export async function printDocument<A extends PrintAction>(
  api: DesktopApi,
  doc: JSONContent,
  meta: PrintMeta & { readonly suggestedName: string },
  action: A,
  target: Document = document,
): Promise<PrintOutcome<A>> {
  return printMounted(api, mountPrintView(doc, meta, target), meta.suggestedName, action, target);
}

/** {@link printDocument} for a view mounted by {@link mountHtmlView} (lists, notices). */
export async function printHtml<A extends PrintAction>(
  api: DesktopApi,
  view: {
    readonly html: string;
    readonly stylesheet: string;
    readonly title: string;
    readonly suggestedName: string;
  },
  action: A,
  target: Document = document,
): Promise<PrintOutcome<A>> {
  const unmount = mountHtmlView(view.html, view.stylesheet, view.title, target);
  return printMounted(api, unmount, view.suggestedName, action, target);
}

async function printMounted<A extends PrintAction>(
  api: DesktopApi,
  unmount: () => void,
  suggestedName: string,
  action: A,
  target: Document,
): Promise<PrintOutcome<A>> {
  try {
    // A DOM without the Font Loading API (happy-dom in tests) has no fonts to wait for.
    if ('fonts' in target) await target.fonts.ready;
    const outcome =
      action === 'pdf'
        ? await invokeOrThrow(api, 'print:toPdf', { suggestedName, cssPageSize: true })
        : await invokeOrThrow(api, 'print:print');
    return outcome as PrintOutcome<A>;
  } finally {
    unmount();
  }
}
