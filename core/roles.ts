/*
 * Staff roles of CourtDesk (docs/product-rules.md §3.1). A role is a CouchDB user role string; the server
 * enforces
 * access with `_security` and `validate_doc_update`, the UI only reflects it.
 */
/** Roles held by people who work inside the court (everyone except the worker and the kiosk). */
export const STAFF_ROLES = ['judge', 'assistant', 'clerk', 'enforcement', 'leader', 'admin'] as const;

/**
 * Every role: the staff, the server worker, the public kiosk and the file-reading PC (`reader`,
 * docs/file-reading.md). `reader` is a member of no standard database (core/databases.ts): the
 * worker admits its account by name to one visit's own database at a time.
 */
export const ROLES = [...STAFF_ROLES, 'worker', 'kiosk', 'reader'] as const;

/** One of the roles in {@link ROLES}. */
export type Role = (typeof ROLES)[number];

/** True when `value` is a known CourtDesk role. */
export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
