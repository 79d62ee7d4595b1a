/**
 * A volume's PDF from its papers' scans (docs/archives.md "Binding a closed case"): pdf.js's own
 * page extraction (`PDFDocumentProxy.extractPages`, pdfjs-dist 5, already the app's PDF library)
 * copies every page of every scan, in order, into one new PDF; an image scan becomes a one-page
 * PDF first. The opener is passed in: the app's pdf.js set-up in the app, the Node build in tests.
 */
import type { CombineScans, ScanPart } from '../../../db/archiveBinding';

/** The part of a pdf.js document the combination uses. */
export interface CombinablePdf {
  readonly numPages: number;
  extractPages(pages: { document: Uint8Array | null }[]): Promise<Uint8Array>;
  destroy(): Promise<void>;
}

/** Opens PDF bytes (pdf.js may take over the buffer: pass a copy). */
export type OpenCombinablePdf = (bytes: Uint8Array) => Promise<CombinablePdf>;

/** Turns an image scan into a one-page PDF. */
export type ImageToPdf = (part: ScanPart) => Promise<Uint8Array>;

/** A {@link CombineScans} over pdf.js. */
export function pdfCombiner(open: OpenCombinablePdf, imageToPdf: ImageToPdf): CombineScans {
  return async (parts) => {
    if (parts.length === 0) throw new Error('combineScans: no scans');
    const pdfs: Uint8Array[] = [];
    for (const part of parts)
      pdfs.push(part.contentType.startsWith('image/') ? await imageToPdf(part) : part.bytes);
    const first = await open(pdfs[0]?.slice() ?? new Uint8Array());
    let bytes: Uint8Array;
    try {
      bytes = await first.extractPages([
        { document: null },
        ...pdfs.slice(1).map((b) => ({ document: b.slice() })),
      ]);
    } finally {
      await first.destroy();
    }
    const result = await open(bytes.slice());
    try {
      return { bytes, pageCount: result.numPages };
    } finally {
      await result.destroy();
    }
  };
}
