/**
 * Migration: the standard forum boards (审判业务, 执行工作, 综合事务, 法院文苑, core/domain/forum.ts)
 * in courtdesk_forum. Runs once per server; a board already there (or deleted by an admin since)
 * is left alone, so a re-run after a crash writes only what is missing.
 */
import { STANDARD_BOARDS } from '../../../core/domain/forum';
import { databaseByKey } from '../../../core/databases';
import { getDocOrUndefined } from '../couch/helpers';
import type { Migration } from './migrations';

/** The user name provisioning signs its documents with. */
export const SETUP_AUTHOR = 'courtdesk-setup';

/** Writes the standard boards that are missing. */
export const forumBoardsMigration: Migration = {
  name: '2026-12-07-forum-boards',
  created: '2026-12-07',
  async run({ couch, log }) {
    const db = databaseByKey('forum').name;
    for (const b of STANDARD_BOARDS) {
      const id = `board:${b.code}`;
      if (await getDocOrUndefined(couch, db, id)) continue;
      await couch.use<Record<string, unknown>>(db).insert({
        _id: id,
        type: 'board',
        schemaVersion: 1,
        createdAt: new Date().toISOString(),
        createdBy: SETUP_AUTHOR,
        name: b.name,
        description: b.description,
        order: b.order,
      });
      log(`forum board ${b.name} created`);
    }
  },
};
