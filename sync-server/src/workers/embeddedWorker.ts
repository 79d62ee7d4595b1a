/**
 * The server worker inside `courtdesk-server start` (the default wherever the app starts its own
 * server): started beside the embedded server without holding it up, stopped with it.
 */
import type { CliIo } from '../cli';
import { startWorker, type RunningWorker } from './worker';

/** An in-process worker being started: it retries until the databases exist, so nothing waits on it. */
export interface EmbeddedWorker {
  /** Resolves to the running worker, or undefined when it was stopped or failed to start. */
  started: Promise<RunningWorker | undefined>;
  stop(): Promise<void>;
}

/**
 * Starts the worker against this server as its admin. The credentials stay in memory (from
 * server.json or the environment), never on a command line other users could read.
 */
export function startEmbeddedWorker(adminUrl: string, io: CliIo): EmbeddedWorker {
  const abort = new AbortController();
  const started = startWorker({
    couchUrl: adminUrl,
    log: (l) => io.out(`[worker] ${l}`),
    signal: abort.signal,
  })
    .then((worker) => {
      io.out('server worker: running (case numbers, random assignment, staff directory, public projection)');
      return worker;
    })
    .catch((err: unknown) => {
      if (!abort.signal.aborted)
        io.err(
          `server worker failed: ${(err as Error).message}; no case numbers or assignments until a restart`,
        );
      return undefined;
    });
  return {
    started,
    stop: async () => {
      abort.abort();
      await (await started)?.stop();
    },
  };
}
