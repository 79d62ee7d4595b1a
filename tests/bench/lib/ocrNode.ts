/**
 * tesseract.js in Node with the Chinese model the npm package `@tesseract.js-data/chi_sim` ships
 * (4.0.0_best_int: the LSTM-only integer model, 1.7 MB gzipped; the app ships the same file), read
 * from node_modules: nothing is downloaded. tesseract.js runs the recogniser in a worker_threads
 * worker of its own.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createWorker, OEM, type Worker } from 'tesseract.js';

const require = createRequire(import.meta.url);

/** The folder holding chi_sim.traineddata.gz in node_modules. */
export function chiSimLangPath(variant: '4.0.0_best_int' | '4.0.0' = '4.0.0_best_int'): string {
  return join(dirname(require.resolve('@tesseract.js-data/chi_sim/package.json')), variant);
}

/** A recogniser for simplified Chinese, loaded from the local model. */
export async function chineseOcrWorker(
  variant: '4.0.0_best_int' | '4.0.0' = '4.0.0_best_int',
): Promise<Worker> {
  return createWorker('chi_sim', variant === '4.0.0' ? OEM.DEFAULT : OEM.LSTM_ONLY, {
    langPath: chiSimLangPath(variant),
    cacheMethod: 'none',
    gzip: true,
  });
}
