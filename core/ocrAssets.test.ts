import { describe, expect, it } from 'vitest';
import { cspForPath, OCR_WORKER_CSP } from './ocrAssets';

describe('the OCR files’ policy', () => {
  const APP = "default-src 'self'";
  it('applies under /ocr/ only, never through .. or to other paths', () => {
    expect(cspForPath('/ocr/worker.min.js', APP)).toBe(OCR_WORKER_CSP);
    expect(cspForPath('/ocr/lang/chi_sim.traineddata.gz', APP)).toBe(OCR_WORKER_CSP);
    expect(cspForPath('/ocr/../index.html', APP)).toBe(APP);
    expect(cspForPath('/ocr/%2e%2e/index.html', APP)).toBe(APP);
    expect(cspForPath('/ocr/..\\index.html', APP)).toBe(APP);
    expect(cspForPath('/index.html', APP)).toBe(APP);
    expect(cspForPath('/ocrx/a.js', APP)).toBe(APP);
    expect(cspForPath('/ocr/%zz', APP)).toBe(APP);
  });
});
