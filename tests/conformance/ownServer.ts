import { createRequire } from 'node:module';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedServer, type EmbeddedServer } from '../../sync-server/src/embedded/embeddedServer';
import { couchFetch, type CouchResponse, type Credentials } from '../support/couchTarget';

/**
 * An embedded server on a data directory the test controls, for the checks that need one: a data
 * directory written by an older version (a broken document, a member-written design document, an
 * old password hash), written here through PouchDB directly while the server is stopped.
 * Embedded-only by nature; against COUCH_URL these checks print a visible skip.
 */

const require = createRequire(import.meta.url);

/** A PouchDB database opened directly on the data directory (no server, no guard). */
export interface DirectDb {
  put(doc: object): Promise<{ rev: string }>;
  get(id: string, opts?: object): Promise<Record<string, unknown>>;
  bulkDocs(docs: object[], opts?: object): Promise<unknown[]>;
  close(): Promise<void>;
}

/** A data directory and the server started on it. */
export class OwnServer {
  readonly dir = mkdtempSync(join(tmpdir(), 'courtdesk-conf-'));
  readonly admin: Credentials = { name: 'admin', password: 'own-server-admin-pw' };
  private server: EmbeddedServer | null = null;

  /** The server's base URL (throws when stopped). */
  get url(): string {
    if (!this.server) throw new Error('the server is not running');
    return this.server.url;
  }

  async start(): Promise<void> {
    this.server = await startEmbeddedServer({
      dataDir: this.dir,
      port: 0,
      admin: this.admin,
      logger: () => undefined,
    });
  }

  async stop(): Promise<void> {
    await this.server?.close();
    this.server = null;
  }

  /** Request as the server admin (or `auth`). */
  request(
    method: string,
    path: string,
    body?: unknown,
    auth: Credentials | undefined = this.admin,
  ): Promise<CouchResponse> {
    return couchFetch(`${this.url}${path}`, { method, body, auth });
  }

  /** Runs `fn` on a database of the (stopped) server's data directory through PouchDB directly. */
  async direct<T>(db: string, fn: (pouch: DirectDb) => Promise<T>): Promise<T> {
    if (this.server) throw new Error('stop the server before writing its data directory');
    const PouchDB = (
      require('pouchdb-node') as { defaults(o: object): new (name: string) => DirectDb }
    ).defaults({
      prefix: join(this.dir, 'db') + '/',
    });
    const pouch = new PouchDB(db);
    try {
      return await fn(pouch);
    } finally {
      await pouch.close();
    }
  }

  async dispose(): Promise<void> {
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
