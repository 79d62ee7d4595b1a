/**
 * Migration `2026-12-07-library-starter-set`: writes the e-library's starter set (resources/library,
 * 25 items) into courtdesk_library as `libraryItem` documents, so every workstation reads it offline
 * from its replica like any item an admin adds later (docs/search.md "How the starter set reaches
 * the replica"). Ids are deterministic: a document already there (an earlier crashed run, or an
 * admin's edit) is left as it is.
 */
import { starterLibraryDocs } from '../../../core/library/starterDocs';
import { databaseByKey } from '../../../core/databases';
import type { Migration } from './migrations';

interface BulkResult {
  id: string;
  error?: string;
  reason?: string;
}

/** The migration that provisions the starter set. */
export const libraryStarterSet: Migration = {
  name: '2026-12-07-library-starter-set',
  created: '2026-12-07',
  async run({ couch, log }) {
    const db = databaseByKey('library').name;
    const docs = starterLibraryDocs(new Date().toISOString(), 'courtdesk-server');
    const results = (await couch.request({
      db,
      path: '_bulk_docs',
      method: 'POST',
      body: { docs },
    })) as BulkResult[];
    const failed = results.filter((r) => r.error !== undefined && r.error !== 'conflict');
    if (failed.length > 0)
      throw new Error(
        `${db}: ${failed.map((r) => `${r.id}: ${r.error ?? ''} ${r.reason ?? ''}`).join('; ')}`,
      );
    log(
      `library starter set: ${results.length - results.filter((r) => r.error === 'conflict').length} items written`,
    );
  },
};
