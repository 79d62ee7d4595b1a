/**
 * The app's scan combiner: pdf.js as the documents module sets it up (CSP-safe worker, no eval,
 * no WebAssembly), and image scans drawn on a canvas and embedded as JPEG pages.
 */
import { jpegPagePdf } from '../../../../../core/archives/imagePdf';
import type { CombineScans, ScanPart } from '../../../db/archiveBinding';
import { pdfCombiner } from './combineScans';

async function imageToPdf(part: ScanPart): Promise<Uint8Array> {
  const bitmap = await createImageBitmap(new Blob([part.bytes as BlobPart], { type: part.contentType }));
  const canvas = document.createElement('canvas');
  canvas.width = bitmap.width;
  canvas.height = bitmap.height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('canvas 2d unavailable');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(bitmap, 0, 0);
  bitmap.close();
  const jpeg = await new Promise<Blob>((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('JPEG encoding failed'))), 'image/jpeg', 0.9),
  );
  return jpegPagePdf(new Uint8Array(await jpeg.arrayBuffer()), canvas.width, canvas.height);
}

/** Combines scans with the app's pdf.js. */
export async function combineScansInApp(parts: readonly ScanPart[]): ReturnType<CombineScans> {
  const { openPdf } = await import('../../documents/scans/pdfViewer');
  return pdfCombiner(openPdf, imageToPdf)(parts);
}
