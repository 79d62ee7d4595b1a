import { useSyncExternalStore } from 'react';
import { MODULES, type ModuleKey } from './modules';

/**
 * A small typed hash router: `#/cases/list` ↔ module key `cases-list`. Hash routes work unchanged
 * under `app://courtdesk/index.html`, any static host path and `file://`, with no server rewrites.
 */

/** The current route: a known module, or an unknown path (shown as "not found"). */
export type Route =
  { kind: 'module'; key: ModuleKey } | { kind: 'notFound'; path: string } | { kind: 'default' };

/** Parses `location.hash`. Empty or `#/` is the default route (the user's landing module). */
export function parseHash(hash: string): Route {
  const path = decodeURI(hash.replace(/^#/, '')).replace(/\/+$/, '').split('?')[0] ?? '';
  if (path === '') return { kind: 'default' };
  const found = MODULES.find((m) => m.path === path);
  return found ? { kind: 'module', key: found.key } : { kind: 'notFound', path };
}

/** The `href` of a module. */
export function hrefFor(key: ModuleKey): string {
  const found = MODULES.find((m) => m.key === key);
  if (!found) throw new Error(`unknown module: ${key}`);
  return `#${found.path}`;
}

/** The `href` of a module with query parameters, e.g. `#/cases/list?case=case%3Aabc`. */
export function hrefWith(key: ModuleKey, params: Readonly<Record<string, string>>): string {
  const query = new URLSearchParams(params).toString();
  return query ? `${hrefFor(key)}?${query}` : hrefFor(key);
}

/** The query parameters of a hash (`#/cases/list?case=x` → `case=x`); empty when there are none. */
export function parseHashQuery(hash: string): URLSearchParams {
  const i = hash.indexOf('?');
  return new URLSearchParams(i < 0 ? '' : hash.slice(i + 1));
}

/** Navigates to a module (adds a history entry, so Back works), optionally with query parameters. */
export function navigate(key: ModuleKey, params?: Readonly<Record<string, string>>): void {
  window.location.hash = params ? hrefWith(key, params) : hrefFor(key);
}

/** Replaces the current route without a history entry (redirects). */
export function redirect(key: ModuleKey): void {
  const url = new URL(window.location.href);
  url.hash = hrefFor(key);
  window.history.replaceState(null, '', url);
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

function currentHash(): string {
  return window.location.hash;
}

/** The current hash's query parameters; re-renders on `hashchange`. */
export function useHashQuery(): URLSearchParams {
  const hash = useSyncExternalStore(subscribe, currentHash, () => '');
  return parseHashQuery(hash);
}

/** The current route; re-renders on `hashchange`. */
export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, currentHash, () => '');
  return parseHash(hash);
}
