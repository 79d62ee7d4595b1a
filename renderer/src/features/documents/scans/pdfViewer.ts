/// <reference types="vite/client" />
/**
 * pdf.js (pdfjs-dist 5.6.205, pinned: later 5.x need Node 22) set up for the app's CSP: the worker
 * is a Vite asset of the app's own origin, `isEvalSupported: false` (no `unsafe-eval`), WebAssembly
 * off (no `wasm-unsafe-eval`; the JPEG 2000 decoder falls back to JavaScript), and the CMaps and
 * standard fonts come from `./pdfjs/` beside the app (renderer/vite.config.ts copies them), so a
 * Chinese PDF whose fonts are not embedded still renders.
 */
import { getDocument, GlobalWorkerOptions, type PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

GlobalWorkerOptions.workerSrc = workerUrl;

/** Where pdf.js's data files are served, relative to the page. */
export function pdfjsAssetUrl(folder: 'cmaps' | 'standard_fonts' | 'wasm'): string {
  return new URL(`pdfjs/${folder}/`, document.baseURI).toString();
}

/** Opens a PDF from its bytes. */
export function openPdf(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  return getDocument({
    data: bytes,
    isEvalSupported: false,
    useWasm: false,
    cMapUrl: pdfjsAssetUrl('cmaps'),
    cMapPacked: true,
    standardFontDataUrl: pdfjsAssetUrl('standard_fonts'),
    wasmUrl: pdfjsAssetUrl('wasm'),
  }).promise;
}

/** Renders page `n` (from 1) into `canvas` at `scale` CSS pixels per PDF point. */
export async function renderPage(
  pdf: PDFDocumentProxy,
  n: number,
  canvas: HTMLCanvasElement,
  scale: number,
): Promise<void> {
  const page = await pdf.getPage(n);
  const viewport = page.getViewport({ scale: scale * (window.devicePixelRatio || 1) });
  canvas.width = Math.floor(viewport.width);
  canvas.height = Math.floor(viewport.height);
  canvas.style.width = `${Math.floor(viewport.width / (window.devicePixelRatio || 1))}px`;
  await page.render({ canvas, viewport }).promise;
}
