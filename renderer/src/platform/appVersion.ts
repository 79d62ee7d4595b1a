// Replaced at build time by Vite's `define` (renderer/vite.config.ts); absent under Vitest.
declare const __APP_VERSION__: string | undefined;

/** The app version from package.json, or `0.0.0-dev` when not built by Vite (unit tests). */
export const APP_VERSION: string = typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : '0.0.0-dev';
