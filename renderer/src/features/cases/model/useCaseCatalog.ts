/**
 * The case catalog of the running sync engine: built once per engine (shared by every case
 * screen, kept while the engine runs) and re-rendering its users when it changes.
 */
import { useEffect, useState } from 'react';
import { useObservable, useSyncEngine } from '../../../db/hooks';
import type { SyncEngine } from '../../../db/replication';
import type { CaseCatalog, CatalogProgress } from './catalogTypes';
import { createCaseCatalog, type CaseCatalogHandle } from './caseCatalog';

const handles = new WeakMap<SyncEngine, CaseCatalogHandle>();

/** The catalog handle of an engine, created on first use. */
export function catalogOf(engine: SyncEngine): CaseCatalogHandle {
  let h = handles.get(engine);
  if (!h) {
    h = createCaseCatalog(engine.local('cases'));
    handles.set(engine, h);
  }
  return h;
}

/** What the case screens read: the catalog once built (null before), build progress, a version. */
export function useCaseCatalog(): {
  catalog: CaseCatalog | null;
  progress: CatalogProgress | null;
  version: number;
} {
  const engine = useSyncEngine();
  const handle = engine ? catalogOf(engine) : null;
  const [built, setBuilt] = useState<{ handle: CaseCatalogHandle; catalog: CaseCatalog } | null>(null);
  useEffect(() => {
    if (!handle) return undefined;
    let live = true;
    void handle.ready.then((catalog) => {
      if (live) setBuilt({ handle, catalog });
    });
    return () => {
      live = false;
    };
  }, [handle]);
  const catalog = built && built.handle === handle ? built.catalog : null;
  const progress = useObservable(handle ? handle.progress$ : null, null);
  const version = useObservable(catalog ? catalog.changes$ : null, 0);
  return { catalog, progress: catalog ? null : progress, version };
}
