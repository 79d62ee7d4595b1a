import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { probeServer, type ServerState } from './serverProbe';

/** How often the server is probed while the app is open. */
const PROBE_INTERVAL_MS = 30_000;

interface ServerStatusValue {
  readonly state: ServerState;
  /** Probes now (the "check now" button, and after the browser reports it is back online). */
  readonly recheck: () => void;
  /** The CouchDB base URL the app talks to (`${location.origin}/couch`), for requests that need the server. */
  readonly baseUrl: string;
}

const ServerStatusContext = createContext<ServerStatusValue>({
  state: { kind: 'checking' },
  recheck: () => undefined,
  baseUrl: '/couch',
});

/** Props of {@link ServerStatusProvider}. */
export interface ServerStatusProviderProps {
  readonly baseUrl: string;
  readonly children: ReactNode;
}

/** Probes the server periodically and on network changes; one prober for the whole app. */
export function ServerStatusProvider({ baseUrl, children }: ServerStatusProviderProps) {
  const [state, setState] = useState<ServerState>({ kind: 'checking' });
  const [tick, setTick] = useState(0);
  const recheck = useCallback(() => setTick((n) => n + 1), []);

  useEffect(() => {
    let cancelled = false;
    void probeServer(window.fetch.bind(window), baseUrl).then((result) => {
      if (!cancelled) setState(result);
    });
    const timer = window.setTimeout(recheck, PROBE_INTERVAL_MS);
    return () => {
      cancelled = true;
      window.clearTimeout(timer);
    };
  }, [baseUrl, tick, recheck]);

  useEffect(() => {
    window.addEventListener('online', recheck);
    window.addEventListener('offline', recheck);
    return () => {
      window.removeEventListener('online', recheck);
      window.removeEventListener('offline', recheck);
    };
  }, [recheck]);

  return (
    <ServerStatusContext.Provider value={{ state, recheck, baseUrl }}>
      {children}
    </ServerStatusContext.Provider>
  );
}

/** The current reachability of the server. */
export function useServerStatus(): ServerStatusValue {
  return useContext(ServerStatusContext);
}
