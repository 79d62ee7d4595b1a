/**
 * Where the offline OCR's files are served (docs/archives.md "OCR"): tesseract.js's worker script,
 * its WebAssembly core (as `.wasm.js`, the module inlined) and the Chinese model from
 * `@tesseract.js-data/chi_sim`, copied into the app's `ocr/` folder by the renderer build. Nothing
 * is fetched from the network.
 *
 * The worker needs WebAssembly, which the app's CSP does not allow (no 'wasm-unsafe-eval'). Only
 * the files under {@link OCR_ASSET_PATH} are served with {@link OCR_WORKER_CSP}: a dedicated
 * worker takes the CSP of its own script's response, so WebAssembly compiles there and nowhere
 * else; pages keep the strict policy. Both static hosts (Electron's app protocol and the
 * server's app host) use {@link cspForPath}.
 */

/** The path prefix of the OCR files. */
export const OCR_ASSET_PATH = '/ocr/';

/** The CSP of the OCR worker's files: our own scripts, WebAssembly, same-origin fetches only. */
export const OCR_WORKER_CSP =
  "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'; base-uri 'none'; form-action 'none'";

/** The CSP of a static path: {@link OCR_WORKER_CSP} under `/ocr/`, else `appCsp`. */
export function cspForPath(pathname: string, appCsp: string): string {
  let decoded = pathname;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return appCsp;
  }
  // No `..` may lead out of the folder into pages that would then run with the worker's policy.
  if (!decoded.startsWith(OCR_ASSET_PATH) || decoded.split(/[\\/]/u).includes('..')) return appCsp;
  return OCR_WORKER_CSP;
}
