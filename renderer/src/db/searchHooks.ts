/**
 * React bindings of the search index (search/searchService.ts): the provider that runs it for the
 * signed-in user on top of the sync engine's replicas, and hooks that answer a query live (re-run
 * whenever the index changes). Screens use these, never the service's internals.
 */
import {
  createContext,
  createElement,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import type { DatabaseKey } from '../../../core/databases';
import type { SearchOptions, SearchResult } from '../../../core/search/searchIndex';
import { useObservable, useSyncEngine } from './hooks';
import type { LocalDb } from './localDb';
import type { SearchService, SearchServiceStatus } from './search/searchService';

const SearchContext = createContext<SearchService | null>(null);

/** Runs the search index of `user` while mounted and the sync engine runs. */
export function SearchProvider({ user, children }: { readonly user: string; readonly children: ReactNode }) {
  const engine = useSyncEngine();
  const [service, setService] = useState<SearchService | null>(null);
  useEffect(() => {
    if (!engine) return undefined;
    let active = true;
    let running: SearchService | null = null;
    // FlexSearch and the library reader load with the index, after sign-in, not with the shell.
    void import('./search/searchService')
      .then(async ({ createSearchService, openSearchStore, SEARCH_SOURCES }) => {
        const sources: Partial<Record<DatabaseKey, LocalDb>> = {};
        for (const { key } of engine.status().databases)
          if (SEARCH_SOURCES[key]) sources[key] = engine.local(key);
        const store = await openSearchStore(user);
        if (!active) return store.close();
        running = createSearchService({ sources, store });
        setService(running);
        return undefined;
      })
      .catch((err: unknown) => console.error('search index unavailable', err));
    return () => {
      active = false;
      setService(null);
      void running?.close();
    };
  }, [engine, user]);
  return createElement(SearchContext.Provider, { value: service }, children);
}

const NOT_RUNNING: SearchServiceStatus = {
  state: 'loading',
  loadedFrom: null,
  loadMs: null,
  replayed: 0,
  size: 0,
  version: 0,
  error: null,
};

/** The index's status (loading while no engine runs). */
export function useSearchStatus(): SearchServiceStatus {
  const service = useContext(SearchContext);
  return useObservable(service ? service.status$ : null, service ? service.status() : NOT_RUNNING);
}

/** The answer to `query` with `options`, re-run when the index changes; null while it is not ready or the query is empty. */
export function useSearch(query: string, options: SearchOptions): SearchResult | null {
  const service = useContext(SearchContext);
  const status = useSearchStatus();
  const key = JSON.stringify(options);
  const ready = status.state === 'ready';
  return useMemo(
    () =>
      service && ready && query.trim() !== ''
        ? service.search(query, JSON.parse(key) as SearchOptions)
        : null,
    // status.version re-runs the query when the index changed
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [service, ready, query, key, status.version],
  );
}
