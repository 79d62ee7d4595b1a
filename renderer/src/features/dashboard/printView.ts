/**
 * Printing a dashboard view (PDF through the print dialog or the host's printToPDF): a copy of the
 * view is mounted at the end of `<body>`, where print media shows only it, with every chart
 * replaced by its picture (Chart.tsx) and buttons hidden; the host prints the page, then the copy
 * goes. The same mechanism as a court document's print view (documents/print/printDocument.ts).
 */
import type { DesktopApi } from '../../../../electron/common/ipcContract';
import { invokeOrThrow } from '../../platform/desktopApi';

const VIEW_CLASS = 'cd-print-view';

const STYLE = [
  `@media screen { .${VIEW_CLASS} { display: none; } }`,
  `@media print {`,
  `  body > :not(.${VIEW_CLASS}) { display: none !important; }`,
  `  .${VIEW_CLASS} .cd-chart-live, .${VIEW_CLASS} .cd-noprint { display: none !important; }`,
  `  .${VIEW_CLASS} .cd-chart-print { display: block !important; page-break-inside: avoid; }`,
  `  .${VIEW_CLASS} { padding: 8mm; }`,
  `}`,
].join('\n');

/** Mounts the print copy of `element` with a title; returns the function that removes it. */
export function mountDashboardPrint(
  element: HTMLElement,
  title: string,
  target: Document = document,
): () => void {
  const style = target.createElement('style');
  style.textContent = STYLE;
  const view = target.createElement('div');
  view.className = VIEW_CLASS;
  const heading = target.createElement('h2');
  heading.textContent = title;
  view.append(heading, element.cloneNode(true));
  const old = target.title;
  target.head.append(style);
  target.body.append(view);
  target.title = title;
  return () => {
    view.remove();
    style.remove();
    target.title = old;
  };
}

/** Prints `element` through the host (Electron print dialog, or the browser's). */
export async function printDashboard(api: DesktopApi, element: HTMLElement, title: string): Promise<void> {
  const unmount = mountDashboardPrint(element, title);
  try {
    if ('fonts' in document) await document.fonts.ready;
    await invokeOrThrow(api, 'print:print');
  } finally {
    unmount();
  }
}
