import { expect } from 'vitest';
import type { CouchResponse } from '../support/couchTarget';

/**
 * One expectation for both servers: an answer (`[status, error]`), or an explicit difference
 * between Apache CouchDB 3.4.3 and the embedded server with the reason. A difference is never
 * silent: it is written next to the check and listed in docs/embedded-server.md.
 */

/** `[status, error]`: the HTTP status and the `error` field of CouchDB's JSON body (when given). */
export type Answer = readonly [status: number, error?: string];

/** Where the embedded server deliberately answers differently from CouchDB 3.4.3. */
export interface Differs {
  couch: Answer;
  embedded: Answer;
  why: string;
}

/** An answer both servers give, or a {@link Differs}. */
export type Expected = Answer | Differs;

/** True when `e` records a difference. */
export function isDiffers(e: Expected): e is Differs {
  return !Array.isArray(e);
}

/** The answer expected from the server under test. */
export function answerFor(e: Expected, embedded: boolean): Answer {
  if (!isDiffers(e)) return e as Answer;
  return embedded ? e.embedded : e.couch;
}

/** Asserts `res` against `e` for the server under test; a success must carry no `error`. */
export function expectAnswer(res: CouchResponse, e: Expected, embedded: boolean, label = ''): void {
  const [status, error] = answerFor(e, embedded);
  const got = { status: res.status, error: res.body?.error as unknown };
  expect(got, `${label} ${res.text.slice(0, 300)}`).toMatchObject({ status, ...(error ? { error } : {}) });
  if (status < 300) expect(res.body?.error, `${label} ${res.text.slice(0, 300)}`).toBeUndefined();
}

/** Text for a test title: `201` or `couch 201 / embedded 403`. */
export function describeExpected(e: Expected): string {
  const fmt = (a: Answer): string => `${a[0]}${a[1] ? ` ${a[1]}` : ''}`;
  return isDiffers(e) ? `couch ${fmt(e.couch)} / embedded ${fmt(e.embedded)}` : fmt(e as Answer);
}
