/**
 * Offline OCR in the renderer (docs/archives.md "OCR"): tesseract.js 7 in a dedicated Web Worker,
 * its script, WebAssembly core and the chi_sim model served by the app itself under `ocr/`
 * (renderer/vite.config.ts copies them; core/ocrAssets.ts gives those files the worker's CSP).
 * Never the network: every path is built from the page's own base URL. One worker is kept for
 * the session once started (loading the model takes about a second).
 */
import type { Worker as TesseractWorker } from 'tesseract.js';

let worker: Promise<TesseractWorker> | null = null;

/** The URL of an OCR file beside the app. */
export function ocrAssetUrl(name: string): string {
  return new URL(`ocr/${name}`, document.baseURI).toString();
}

async function start(): Promise<TesseractWorker> {
  const { createWorker, OEM } = await import('tesseract.js');
  return createWorker('chi_sim', OEM.LSTM_ONLY, {
    workerPath: ocrAssetUrl('worker.min.js'),
    corePath: ocrAssetUrl('tesseract-core-simd-lstm.wasm.js'),
    langPath: ocrAssetUrl('lang'),
    // A blob: worker would inherit the page's CSP (no WebAssembly); the worker's own file has its own.
    workerBlobURL: false,
    cacheMethod: 'none',
    gzip: true,
  });
}

/** Reads the text of an image (a page rendered to a canvas, or a scanned image file). */
export async function recognizeImage(image: HTMLCanvasElement | Blob): Promise<string> {
  worker ??= start();
  try {
    const w = await worker;
    const res = await w.recognize(image);
    return res.data.text;
  } catch (err) {
    worker = null; // start afresh next time
    throw err;
  }
}

/** Stops the worker (sign-out, tests). */
export async function stopOcr(): Promise<void> {
  const w = worker;
  worker = null;
  if (w) await (await w).terminate();
}
