/**
 * Printing one page of a volume in the reading room: the page is rendered by pdf.js into a picture,
 * mounted as the print view (print media shows only it, as every print view of the app:
 * documents/print/printDocument.ts), the host prints, the view goes.
 */
import type { PDFDocumentProxy } from 'pdfjs-dist';

const VIEW_CLASS = 'cd-print-view';

/** Renders `page` at print resolution, mounts it, runs `print`, unmounts. */
export async function printPageImage(
  pdf: PDFDocumentProxy,
  page: number,
  title: string,
  print: () => Promise<unknown>,
  target: Document = document,
): Promise<void> {
  const { renderPage } = await import('../../documents/scans/pdfViewer');
  const canvas = target.createElement('canvas');
  await renderPage(pdf, page, canvas, 2);
  const style = target.createElement('style');
  style.textContent = [
    `@media screen { .${VIEW_CLASS} { display: none; } }`,
    `@media print { body > :not(.${VIEW_CLASS}) { display: none !important; } .${VIEW_CLASS} img { width: 100%; } }`,
  ].join('\n');
  const view = target.createElement('div');
  view.className = VIEW_CLASS;
  view.dataset['testid'] = 'room-print-view';
  const img = target.createElement('img');
  img.src = canvas.toDataURL('image/png');
  img.alt = title;
  view.append(img);
  const old = target.title;
  target.head.append(style);
  target.body.append(view);
  target.title = title;
  try {
    await print();
  } finally {
    view.remove();
    style.remove();
    target.title = old;
  }
}
