/**
 * The renderer's print view for the Chromium layout suite, bundled by the test with esbuild: the
 * page under test calls `courtdeskPrintView.mount(doc, meta)` — the real `mountPrintView` — and the
 * suite prints it with `page.pdf()`.
 */
import { mountPrintView } from '../../renderer/src/features/documents/print/printDocument';

(globalThis as unknown as { courtdeskPrintView: { mount: typeof mountPrintView } }).courtdeskPrintView = {
  mount: (doc, meta) => mountPrintView(doc, meta),
};
