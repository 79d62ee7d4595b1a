// The PouchDB adapter packages ship without types; the bench page only registers them as plugins.
declare module 'pouchdb-adapter-indexeddb';
declare module 'pouchdb-adapter-idb';
