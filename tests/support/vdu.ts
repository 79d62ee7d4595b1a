/**
 * Calls the compiled validate_doc_update functions the way CouchDB does, for the role-matrix tests
 * in build/: each function evaluated from its compiled text in a bare VM context (no Node globals,
 * as in CouchDB's JS engine), fake userCtx, schema-valid documents.
 */
import { runInNewContext } from 'node:vm';
import { expect } from 'vitest';
import { compileDdocs } from '../../build/compileDdocs';
import { isDocType } from '../../core/schemas/base';
import { currentVersion } from '../../core/schemas/registry';
import { validFields, validId } from './validDocs';

/** A validate_doc_update function. */
export type Vdu = (
  newDoc: Record<string, unknown>,
  oldDoc: Record<string, unknown> | null,
  userCtx: unknown,
  secObj: unknown,
) => void;

let compiled: ReturnType<typeof compileDdocs> | null = null;

/** The validate_doc_update of `db`'s `_design/courtdesk`, compiled once per test file. */
export function loadVdu(db: string): Vdu {
  compiled ??= compileDdocs();
  const src = compiled
    .find((c) => c.db === db)
    ?.docs.find((d) => d._id === '_design/courtdesk')?.validate_doc_update;
  if (!src) throw new Error(`no validate_doc_update for ${db}`);
  return vduOf(src);
}

/** A validate_doc_update evaluated from its source, as CouchDB does (bare context). */
export function vduOf(src: string): Vdu {
  return runInNewContext(`(${src}\n)`, {}) as Vdu;
}

/** A userCtx as the server passes it. */
export function ctx(name: string | null, roles: readonly string[]): unknown {
  return { name, roles: [...roles] }; // no `db`: the embedded server does not pass it
}

/** A schema-valid document of `type` by `createdBy`. */
export function docOf(
  type: string,
  createdBy: string,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  // Schema-valid fields (the ddocs run core/schemas too; these tests are about roles and ids).
  const body: Record<string, unknown> = validFields(type);
  return {
    _id: validId(type, createdBy),
    type,
    schemaVersion: isDocType(type) ? currentVersion(type) : 1,
    createdAt: '2026-01-05T08:00:00.000Z',
    createdBy,
    ...body,
    ...extra,
  };
}

/** The marker conflicts.ts puts on the tombstone of a losing conflict branch. */
export function marked(id: unknown, rev: string, keptRev = '2-0123456789abcdef'): Record<string, unknown> {
  return {
    _id: id,
    _rev: rev,
    _deleted: true,
    conflictResolution: { keptRev, at: '2026-01-06T09:00:00.000Z' },
  };
}

/** Returns 'ok', 'forbidden' or 'unauthorized' and checks the message is bilingual. */
export function outcome(
  vdu: Vdu,
  newDoc: Record<string, unknown>,
  oldDoc: Record<string, unknown> | null,
  userCtx: unknown,
  secObj: unknown = {},
): string {
  try {
    vdu(newDoc, oldDoc, userCtx, secObj);
    return 'ok';
  } catch (err) {
    const e = err as { forbidden?: string; unauthorized?: string };
    const msg = e.forbidden ?? e.unauthorized;
    expect(msg, JSON.stringify(err)).toMatch(/[\u4e00-\u9fff].*\(.*[a-z].*\)$/);
    return e.forbidden !== undefined ? 'forbidden' : 'unauthorized';
  }
}
