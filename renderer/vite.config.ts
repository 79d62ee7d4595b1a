import { createRequire } from 'node:module';
import { cpSync, createReadStream, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { CONTENT_SECURITY_POLICY } from '../electron/common/csp.ts';

/**
 * Vite build of the renderer: `renderer/` is the root, the output goes to `dist/renderer/` with
 * relative asset URLs (`base: './'`) so the same files load from `app://courtdesk/` in Electron and
 * from any path of the browser app host.
 */
const require = createRequire(import.meta.url);
const pkg = JSON.parse(readFileSync(fileURLToPath(new URL('../package.json', import.meta.url)), 'utf8')) as {
  version: string;
};

/**
 * Directives a `<meta>` CSP cannot carry (browsers ignore them there and log a warning); main still
 * sends them as a response header, so the meta copy omits them.
 */
const HEADER_ONLY_DIRECTIVES = ['frame-ancestors', 'report-uri', 'sandbox'];

/** The policy as a meta tag may state it. */
export function metaContentSecurityPolicy(policy: string): string {
  return policy
    .split(';')
    .map((d) => d.trim())
    .filter((d) => d && !HEADER_ONLY_DIRECTIVES.includes(d.split(/\s+/)[0] ?? ''))
    .join('; ');
}

/** Injects the app's Content-Security-Policy into index.html (build only: dev needs React's inline refresh preamble). */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'courtdesk-csp',
    apply: 'build',
    transformIndexHtml(html) {
      const charset = '<meta charset="UTF-8" />';
      if (!html.includes(charset))
        throw new Error('renderer/index.html must declare <meta charset="UTF-8" />');
      const policy = metaContentSecurityPolicy(CONTENT_SECURITY_POLICY).replaceAll('"', '&quot;');
      // Right after the charset and before any script or stylesheet, so the policy covers them all.
      return html.replace(
        charset,
        `${charset}\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />`,
      );
    },
  };
}

/**
 * pdf.js's data files from the app's own origin (the CSP allows nothing else): the CMaps that let
 * Chinese PDFs without embedded fonts render, the standard fonts, and the JPEG 2000 fallback
 * decoder (WebAssembly stays off: the CSP has no 'wasm-unsafe-eval'). Copied to `pdfjs/` in the
 * build, served from node_modules by the dev server. Used by features/documents/scans/pdfViewer.ts.
 */
function pdfjsAssets(): Plugin {
  const root = dirname(require.resolve('pdfjs-dist/package.json'));
  const folders = ['cmaps', 'standard_fonts', 'wasm'];
  let outDir = '';
  return {
    name: 'courtdesk-pdfjs-assets',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    configureServer(server) {
      server.middlewares.use('/pdfjs/', (req, res, next) => {
        const rel = normalize(decodeURIComponent((req.url ?? '').split('?')[0] ?? '')).replace(
          /^([/\\])+/,
          '',
        );
        const file = join(root, rel);
        if (!folders.some((f) => rel.startsWith(`${f}/`)) || !existsSync(file) || !statSync(file).isFile())
          return next();
        createReadStream(file).pipe(res);
      });
    },
    writeBundle() {
      for (const f of folders) cpSync(join(root, f), join(outDir, 'pdfjs', f), { recursive: true });
    },
  };
}

/**
 * The offline OCR's files (core/ocrAssets.ts): tesseract.js's worker, its SIMD LSTM core and the
 * chi_sim model (4.0.0_best_int, 1.7 MB) from node_modules, copied to `ocr/` in the build and
 * served from node_modules by the dev server. Used by features/archives/ocr/ocrClient.ts.
 */
function ocrAssets(): Plugin {
  const files: Record<string, string> = {
    'worker.min.js': join(dirname(require.resolve('tesseract.js/package.json')), 'dist', 'worker.min.js'),
    'tesseract-core-simd-lstm.wasm.js': join(
      dirname(require.resolve('tesseract.js-core/package.json')),
      'tesseract-core-simd-lstm.wasm.js',
    ),
    'lang/chi_sim.traineddata.gz': join(
      dirname(require.resolve('@tesseract.js-data/chi_sim/package.json')),
      '4.0.0_best_int',
      'chi_sim.traineddata.gz',
    ),
  };
  let outDir = '';
  return {
    name: 'courtdesk-ocr-assets',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    configureServer(server) {
      server.middlewares.use('/ocr/', (req, res, next) => {
        const file = files[decodeURIComponent((req.url ?? '').split('?')[0] ?? '').replace(/^\/+/, '')];
        if (!file) return next();
        createReadStream(file).pipe(res);
      });
    },
    writeBundle() {
      for (const [name, from] of Object.entries(files)) {
        mkdirSync(dirname(join(outDir, 'ocr', name)), { recursive: true });
        cpSync(from, join(outDir, 'ocr', name));
      }
    },
  };
}

const UI_FRAMEWORK =
  /[\\/]node_modules[\\/](react|react-dom|scheduler|antd|@ant-design|@rc-component|rc-[^\\/]+|i18next|react-i18next|dayjs|@babel[\\/]runtime|classnames|clsx|@emotion)[\\/]/;

const couchUrl = process.env.COURTDESK_COUCH_URL ?? 'http://127.0.0.1:15984';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [react(), contentSecurityPolicy(), pdfjsAssets(), ocrAssets()],
  define: {
    __APP_VERSION__: JSON.stringify(pkg.version),
    // PouchDB's browser build still reads Node's `global`.
    global: 'globalThis',
  },
  resolve: {
    // PouchDB imports `events`; give it the npm package instead of Vite's empty browser stub.
    alias: { events: require.resolve('events/') },
  },
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // The UI framework every screen needs, as one cacheable chunk with a telling name. Feature
          // libraries (PouchDB, charts, editors) stay with the lazy chunks that use them.
          groups: [{ name: 'ui-framework', test: UI_FRAMEWORK }],
        },
      },
    },
  },
  server: {
    host: '127.0.0.1',
    proxy: {
      '/couch': {
        target: couchUrl,
        changeOrigin: true,
        rewrite: (path) => path.replace(/^\/couch/, '') || '/',
      },
    },
  },
});
