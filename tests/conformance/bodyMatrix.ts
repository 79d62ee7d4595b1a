import type { Expected } from './expectations';

/**
 * Malformed request bodies and what each server answers: Apache CouchDB 3.4.3's answers were
 * measured on a real single node (issue 8 §1 holes 3–4 and item 10, §2 "record CouchDB's real
 * answers"); where the embedded server answers differently, the row says so and why. Every row is
 * sent as a member of the fixture database (or the server admin for `admin: true`), and after
 * every row the server must still answer.
 */
export interface BodyRow {
  name: string;
  method: 'PUT' | 'POST';
  /** Path below the database, e.g. `_bulk_get` or `doc` (a unique id is appended for documents). */
  path: string;
  /** JSON-serialised, or sent as is when a string (bodies too deep for JSON.stringify). */
  body: unknown;
  expected: Expected;
  admin?: boolean;
}

/** CouchDB 3.4.3 fails inside; the embedded server refuses the input. */
export const CRASH = (couch: readonly [number, string?]): Expected => ({
  couch,
  embedded: [400, 'bad_request'],
  why: 'CouchDB 3.4.3 fails inside (500 unknown_error, function_clause/badarith); the embedded server refuses the input',
});
const PER_ENTRY: Expected = {
  couch: [200],
  embedded: [400, 'bad_request'],
  why: 'CouchDB answers 200 with an error per entry; the embedded server refuses the malformed request as a whole',
};
const DROPPED: Expected = {
  couch: [201],
  embedded: [400, 'bad_request'],
  why: 'CouchDB silently drops an attachment entry that is not an object; the embedded server refuses it (nothing lost silently)',
};

const att = (a: unknown) => ({ _attachments: { 'a.txt': a } });

/** The table. */
export const BODY_ROWS: BodyRow[] = [
  // _attachments (hole 4 and item 10)
  {
    name: 'follows:true in a JSON PUT',
    method: 'PUT',
    path: 'doc',
    body: att({ follows: true }),
    expected: CRASH([500, 'unknown_error']),
  },
  {
    name: 'follows:true with a length in a JSON PUT',
    method: 'PUT',
    path: 'doc',
    body: att({ follows: true, content_type: 'text/plain', length: 3 }),
    expected: CRASH([500, 'unknown_error']),
  },
  {
    name: 'follows:true in POST /{db}',
    method: 'POST',
    path: '',
    body: att({ follows: true }),
    expected: CRASH([500, 'unknown_error']),
  },
  {
    name: 'follows:true in _bulk_docs',
    method: 'POST',
    path: '_bulk_docs',
    body: { docs: [att({ follows: true })] },
    expected: CRASH([500, 'unknown_error']),
  },
  {
    name: 'an attachment entry that is not an object',
    method: 'PUT',
    path: 'doc',
    body: att('x'),
    expected: DROPPED,
  },
  {
    name: 'an attachment without data',
    method: 'PUT',
    path: 'doc',
    body: att({ content_type: 'text/plain' }),
    expected: [400, 'bad_request'],
  },
  {
    name: 'attachment data that is not base64',
    method: 'PUT',
    path: 'doc',
    body: att({ content_type: 'text/plain', data: '%%% not base64 %%%' }),
    expected: [400, 'bad_request'],
  },
  {
    name: 'unpadded base64',
    method: 'PUT',
    path: 'doc',
    body: att({ content_type: 'text/plain', data: 'aGVsbG8' }),
    expected: [400, 'bad_request'],
  },
  {
    name: 'URL-safe base64',
    method: 'PUT',
    path: 'doc',
    body: att({ content_type: 'text/plain', data: '_-__' }),
    expected: [400, 'bad_request'],
  },
  {
    name: 'base64 with a space (decoded)',
    method: 'PUT',
    path: 'doc',
    body: att({ content_type: 'text/plain', data: 'aGVs bG8=' }),
    expected: [201],
  },
  {
    name: 'attachment data a number',
    method: 'PUT',
    path: 'doc',
    body: att({ content_type: 'text/plain', data: 42 }),
    expected: [400, 'bad_request'],
  },
  {
    name: 'content_type a number',
    method: 'PUT',
    path: 'doc',
    body: att({ content_type: 42, data: 'aGVsbG8=' }),
    expected: CRASH([500, 'unknown_error']),
  },
  {
    name: '_attachments a string',
    method: 'PUT',
    path: 'doc',
    body: { _attachments: 'x' },
    expected: [400, 'doc_validation'],
  },
  {
    name: '_attachments a list',
    method: 'PUT',
    path: 'doc',
    body: { _attachments: [] },
    expected: [400, 'doc_validation'],
  },
  {
    name: 'a stub on a new document',
    method: 'POST',
    path: '_bulk_docs',
    body: { docs: [att({ stub: true })] },
    expected: [412, 'missing_stub'],
  },
  {
    name: 'bad base64 in _bulk_docs',
    method: 'POST',
    path: '_bulk_docs',
    body: { docs: [att({ data: '%%%' })] },
    expected: [400, 'bad_request'],
  },
  {
    name: 'an attachment entry that is not an object in _bulk_docs',
    method: 'POST',
    path: '_bulk_docs',
    body: { docs: [att('x')] },
    expected: DROPPED,
  },
  // _bulk_get
  {
    name: '_bulk_get docs a string',
    method: 'POST',
    path: '_bulk_get',
    body: { docs: 'nope' },
    expected: CRASH([500, 'unknown_error']),
  },
  {
    name: '_bulk_get without docs',
    method: 'POST',
    path: '_bulk_get',
    body: {},
    expected: [400, 'bad_request'],
  },
  {
    name: '_bulk_get body a list',
    method: 'POST',
    path: '_bulk_get',
    body: [],
    expected: [400, 'bad_request'],
  },
  {
    name: '_bulk_get entry without id',
    method: 'POST',
    path: '_bulk_get',
    body: { docs: [{ rev: '1-x' }] },
    expected: PER_ENTRY,
  },
  {
    name: '_bulk_get entry not an object',
    method: 'POST',
    path: '_bulk_get',
    body: { docs: [5] },
    expected: PER_ENTRY,
  },
  {
    name: '_bulk_get id a number',
    method: 'POST',
    path: '_bulk_get',
    body: { docs: [{ id: 5 }] },
    expected: CRASH([500, 'unknown_error']),
  },
  {
    name: '_bulk_get rev a number',
    method: 'POST',
    path: '_bulk_get',
    body: { docs: [{ id: 'seed', rev: 5 }] },
    expected: PER_ENTRY,
  },
  {
    name: '_bulk_get rev malformed',
    method: 'POST',
    path: '_bulk_get',
    body: { docs: [{ id: 'seed', rev: 'abc' }] },
    expected: PER_ENTRY,
  },
  {
    name: '_bulk_get atts_since a string',
    method: 'POST',
    path: '_bulk_get',
    body: { docs: [{ id: 'seed', atts_since: 'x' }] },
    expected: PER_ENTRY,
  },
  { name: '_bulk_get no documents', method: 'POST', path: '_bulk_get', body: { docs: [] }, expected: [200] },
  // _revs_diff
  {
    name: '_revs_diff value a string',
    method: 'POST',
    path: '_revs_diff',
    body: { seed: 'nope' },
    expected: CRASH([500, 'unknown_error']),
  },
  {
    name: '_revs_diff revision a number',
    method: 'POST',
    path: '_revs_diff',
    body: { seed: [5] },
    expected: CRASH([500, 'unknown_error']),
  },
  {
    name: '_revs_diff revision malformed',
    method: 'POST',
    path: '_revs_diff',
    body: { seed: ['abc'] },
    expected: [400, 'bad_request'],
  },
  {
    name: '_revs_diff body a list',
    method: 'POST',
    path: '_revs_diff',
    body: [],
    expected: [400, 'bad_request'],
  },
  { name: '_revs_diff empty', method: 'POST', path: '_revs_diff', body: {}, expected: [200] },
];
