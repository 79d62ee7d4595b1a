/**
 * The one place PouchDB is loaded and its plugins registered (the `indexeddb` adapter next to the
 * browser build's `idb` and `http`, and `pouchdb-find`). Everything else in renderer/src/db
 * imports `PouchDB` from here.
 */
import PouchDB from 'pouchdb-browser';
import IndexedDbAdapter from 'pouchdb-adapter-indexeddb';
import PouchFind from 'pouchdb-find';

PouchDB.plugin(IndexedDbAdapter);
PouchDB.plugin(PouchFind);

/** Registers one more PouchDB plugin (tests add `pouchdb-adapter-memory`). */
export function registerPouchPlugin(plugin: PouchDB.Plugin): void {
  PouchDB.plugin(plugin);
}

export { PouchDB };
