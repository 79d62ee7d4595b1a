import type { BodyRow } from './bodyMatrix';
import type { Expected } from './expectations';

/**
 * Documents, deep nesting and Mango selectors in the malformed-body matrix (bodyMatrix.ts has the rules):
 * CouchDB 3.4.3's measured answers and the embedded server's, `_changes` answering `bad_request`
 * and `_find` (server admin) `invalid_operator` / `bad_arg` as CouchDB does (issue 8 item 10).
 */

const DEEP: Expected = {
  couch: [201],
  embedded: [400, 'bad_request'],
  why: 'bodies nested deeper than 64 levels are refused on the embedded server (recursive PouchDB code paths)',
};

function nestedDoc(depth: number): string {
  return `{"a":${'['.repeat(depth)}1${']'.repeat(depth)}}`;
}

function nestedSelector(depth: number): string {
  return `{"selector":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}`;
}

/** Rows of documents, nesting and selectors. */
export const SELECTOR_ROWS: BodyRow[] = [
  // _bulk_docs and documents
  {
    name: '_bulk_docs docs a string',
    method: 'POST',
    path: '_bulk_docs',
    body: { docs: 'x' },
    expected: [400, 'bad_request'],
  },
  {
    name: '_bulk_docs body a list',
    method: 'POST',
    path: '_bulk_docs',
    body: [],
    expected: [400, 'bad_request'],
  },
  {
    name: '_bulk_docs document a number',
    method: 'POST',
    path: '_bulk_docs',
    body: { docs: [5] },
    expected: [400, 'bad_request'],
  },
  {
    name: '_bulk_docs new_edits a string',
    method: 'POST',
    path: '_bulk_docs',
    body: { docs: [], new_edits: 'x' },
    expected: [400, 'bad_request'],
  },
  {
    name: '_bulk_docs id a number',
    method: 'POST',
    path: '_bulk_docs',
    body: { docs: [{ _id: 5 }] },
    expected: [400, 'illegal_docid'],
  },
  {
    name: '_deleted a string',
    method: 'POST',
    path: '_bulk_docs',
    body: { docs: [{ _deleted: 'yes' }] },
    expected: [400, 'doc_validation'],
  },
  {
    name: 'an unknown special member',
    method: 'PUT',
    path: 'doc',
    body: { _foo: 1 },
    expected: [400, 'doc_validation'],
  },
  {
    name: '_all_docs keys a string',
    method: 'POST',
    path: '_all_docs',
    body: { keys: 'x' },
    expected: [400, 'bad_request'],
  },
  {
    name: '_all_docs body a list',
    method: 'POST',
    path: '_all_docs',
    body: [],
    expected: [400, 'bad_request'],
  },
  // nesting (item 10)
  { name: 'a document nested 100 levels', method: 'PUT', path: 'doc', body: nestedDoc(100), expected: DEEP },
  {
    name: 'a document nested 10,000 levels',
    method: 'PUT',
    path: 'doc',
    body: nestedDoc(10_000),
    expected: DEEP,
  },
  {
    name: 'a _changes selector nested 100 levels',
    method: 'POST',
    path: '_changes?filter=_selector',
    body: nestedSelector(100),
    expected: { ...DEEP, couch: [200] },
  },
  // selectors (item 10): _changes answers bad_request, _find invalid_operator / bad_arg
  {
    name: '_changes unknown operator',
    method: 'POST',
    path: '_changes?filter=_selector',
    body: { selector: { a: { $foo: 1 } } },
    expected: [400, 'bad_request'],
  },
  {
    name: '_changes $and not a list',
    method: 'POST',
    path: '_changes?filter=_selector',
    body: { selector: { $and: 5 } },
    expected: [400, 'bad_request'],
  },
  {
    name: '_changes $in not a list',
    method: 'POST',
    path: '_changes?filter=_selector',
    body: { selector: { a: { $in: 5 } } },
    expected: [400, 'bad_request'],
  },
  {
    name: '_changes $regex a number',
    method: 'POST',
    path: '_changes?filter=_selector',
    body: { selector: { a: { $regex: 5 } } },
    expected: [400, 'bad_request'],
  },
  {
    name: '_changes $regex not compiling',
    method: 'POST',
    path: '_changes?filter=_selector',
    body: { selector: { a: { $regex: '(' } } },
    expected: [400, 'bad_request'],
  },
  {
    name: '_changes selector a list',
    method: 'POST',
    path: '_changes?filter=_selector',
    body: { selector: [] },
    expected: [400, 'bad_request'],
  },
  {
    name: '_changes $mod by zero',
    method: 'POST',
    path: '_changes?filter=_selector',
    body: { selector: { a: { $mod: [0, 1] } } },
    expected: {
      couch: [500, 'error'],
      embedded: [400, 'bad_request'],
      why: 'CouchDB 3.4.3 divides by zero (badarith)',
    },
  },
  {
    name: '_find unknown operator',
    method: 'POST',
    path: '_find',
    body: { selector: { a: { $foo: 1 } } },
    expected: [400, 'invalid_operator'],
    admin: true,
  },
  {
    name: '_find unknown top-level operator',
    method: 'POST',
    path: '_find',
    body: { selector: { $foo: [{ a: 1 }] } },
    expected: [400, 'invalid_operator'],
    admin: true,
  },
  {
    name: '_find $and not a list',
    method: 'POST',
    path: '_find',
    body: { selector: { $and: 5 } },
    expected: [400, 'bad_arg'],
    admin: true,
  },
  {
    name: '_find $mod by zero',
    method: 'POST',
    path: '_find',
    body: { selector: { a: { $mod: [0, 1] } } },
    expected: {
      couch: [500, 'unknown_error'],
      embedded: [400, 'bad_arg'],
      why: 'CouchDB 3.4.3 divides by zero (badarith)',
    },
    admin: true,
  },
  {
    name: '_find selector a list',
    method: 'POST',
    path: '_find',
    body: { selector: [] },
    expected: [400, 'invalid_selector_json'],
    admin: true,
  },
  {
    name: '_find limit a string',
    method: 'POST',
    path: '_find',
    body: { selector: {}, limit: 'x' },
    expected: [400, 'invalid_non_neg_integer'],
    admin: true,
  },
  {
    name: '_find unknown key',
    method: 'POST',
    path: '_find',
    body: { selector: {}, foo: 1 },
    expected: [400, 'invalid_key'],
    admin: true,
  },
  {
    name: '_find without selector',
    method: 'POST',
    path: '_find',
    body: {},
    expected: [400, 'missing_required_key'],
    admin: true,
  },
  {
    name: '_find $type with an unknown type',
    method: 'POST',
    path: '_find',
    body: { selector: { a: { $type: 'xyz' } } },
    expected: { couch: [200], embedded: [400, 'bad_arg'], why: 'pouchdb-find knows only the six JSON types' },
    admin: true,
  },
  {
    name: '_find $beginsWith (CouchDB 3.4)',
    method: 'POST',
    path: '_find',
    body: { selector: { _id: { $beginsWith: 'se' } } },
    expected: {
      couch: [200],
      embedded: [400, 'invalid_operator'],
      why: 'PouchDB 9 has no $beginsWith, $keyMapMatch or $text',
    },
    admin: true,
  },
];
