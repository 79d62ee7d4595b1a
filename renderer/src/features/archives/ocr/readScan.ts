/**
 * Reads a scanned paper or volume on this computer: its page count and the OCR text of each page
 * (pages of a PDF rendered by pdf.js onto a canvas at about 150 dpi, images as they are), one page
 * at a time. The model and WebAssembly come from the app itself (ocrClient.ts).
 */
import { cleanOcrText } from '../../../../../core/archives/catalogueSuggest';
import type { ScanPages } from '../../../db/archiveOcrQueue';
import { recognizeImage } from './ocrClient';

/** Pages read at most when filing a paper (the rest are catalogued by hand; a paper is rarely longer). */
export const MAX_OCR_PAGES = 20;

/** What {@link readScan} found. */
export interface ScanReading {
  readonly pageCount: number;
  readonly pages: readonly string[];
}

/** Opens a scan (PDF or image) for reading page by page; the background OCR queue reads with it too. */
export async function openScanPages(file: Blob): Promise<ScanPages> {
  if (file.type.startsWith('image/'))
    return { pageCount: 1, read: () => recognizeImage(file), close: () => Promise.resolve() };
  const { openPdf } = await import('../../documents/scans/pdfViewer');
  const pdf = await openPdf(new Uint8Array(await file.arrayBuffer()));
  return {
    pageCount: pdf.numPages,
    read: async (n) => {
      const page = await pdf.getPage(n);
      const viewport = page.getViewport({ scale: 150 / 72 });
      const canvas = document.createElement('canvas');
      canvas.width = Math.ceil(viewport.width);
      canvas.height = Math.ceil(viewport.height);
      await page.render({ canvas, viewport }).promise;
      page.cleanup();
      return recognizeImage(canvas);
    },
    close: () => pdf.destroy(),
  };
}

/** Page count and per-page text of `file` (at most {@link MAX_OCR_PAGES}); `onPage(n, of)` before each page. */
export async function readScan(file: Blob, onPage: (page: number, of: number) => void): Promise<ScanReading> {
  const scan = await openScanPages(file);
  try {
    const pages: string[] = [];
    const n = Math.min(scan.pageCount, MAX_OCR_PAGES);
    for (let i = 1; i <= n; i++) {
      onPage(i, n);
      pages.push(cleanOcrText(await scan.read(i)));
    }
    return { pageCount: scan.pageCount, pages };
  } finally {
    await scan.close();
  }
}
