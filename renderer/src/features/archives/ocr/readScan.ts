/**
 * Reads a scanned paper on this computer: its page count and the OCR text of each page (pages of
 * a PDF rendered by pdf.js onto a canvas at about 150 dpi, images as they are), with progress.
 * The model and WebAssembly come from the app itself (ocrClient.ts).
 */
import { cleanOcrText } from '../../../../../core/archives/catalogueSuggest';
import { recognizeImage } from './ocrClient';

/** Pages read at most (the rest are catalogued by hand; a paper is rarely longer). */
export const MAX_OCR_PAGES = 20;

/** What {@link readScan} found. */
export interface ScanReading {
  readonly pageCount: number;
  readonly pages: readonly string[];
}

/** Page count and per-page text of `file`; `onPage(n, of)` before each page. */
export async function readScan(file: Blob, onPage: (page: number, of: number) => void): Promise<ScanReading> {
  if (file.type.startsWith('image/')) {
    onPage(1, 1);
    return { pageCount: 1, pages: [cleanOcrText(await recognizeImage(file))] };
  }
  const { openPdf } = await import('../../documents/scans/pdfViewer');
  const pdf = await openPdf(new Uint8Array(await file.arrayBuffer()));
  try {
    const pages: string[] = [];
    const n = Math.min(pdf.numPages, MAX_OCR_PAGES);
    for (let i = 1; i <= n; i++) {
      onPage(i, n);
      const page = await pdf.getPage(i);
      const viewport = page.getViewport({ scale: 150 / 72 });
      const canvas = document.createElement('canvas');
      canvas.width = Math.ceil(viewport.width);
      canvas.height = Math.ceil(viewport.height);
      await page.render({ canvas, viewport }).promise;
      pages.push(cleanOcrText(await recognizeImage(canvas)));
    }
    return { pageCount: pdf.numPages, pages };
  } finally {
    void pdf.destroy();
  }
}
