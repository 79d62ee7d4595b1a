/** PouchDB 9's IndexedDB adapter ships without type declarations. */
declare module 'pouchdb-adapter-indexeddb' {
  const plugin: PouchDB.Plugin;
  export default plugin;
}
