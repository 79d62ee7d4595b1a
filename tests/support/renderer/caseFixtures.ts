/**
 * Small, valid `courtdesk_cases` documents for the renderer tests of the case catalog and list: cases with
 * numbers, assignments, hearing/suspension/extension events and approvals.
 */
type Doc = Record<string, unknown> & { _id: string };

const AT = '2026-03-02T09:30:00+08:00';

/** Options of one seeded case. */
export interface SeedCase {
  readonly n: number;
  /** The case's uuid (default `c<n>`; archive ids need a real uuid). */
  readonly uuid?: string;
  readonly caseType?: string;
  readonly procedure?: string;
  readonly filingDate: string;
  readonly party: string;
  readonly idNumber?: string;
  readonly judge?: string;
  readonly clerk?: string;
  readonly official?: boolean;
  readonly closedOn?: string;
  readonly pendingExtension?: boolean;
}

/** The documents of one seeded case (`case:c<n>`). */
export function seedCaseDocs(c: SeedCase): Doc[] {
  const uuid = c.uuid ?? `c${c.n}`;
  const id = `case:${uuid}`;
  const env = (docId: string, type: string, by = 'clerk.wang', v = 1) => ({
    _id: docId,
    type,
    schemaVersion: v,
    createdAt: AT,
    createdBy: by,
  });
  const caseType = c.caseType ?? '民初';
  const docs: Doc[] = [
    {
      ...env(id, 'case', 'clerk.wang', 3),
      court: '甘0402',
      caseType,
      ...(c.procedure !== undefined
        ? { procedure: c.procedure }
        : caseType === '民初'
          ? { procedure: 'civilOrdinary' }
          : {}),
      cause: '买卖合同纠纷',
      filingDate: c.filingDate,
      provisionalNumber: `临${c.filingDate.replace(/-/g, '')}-${String(c.n).padStart(5, '0')}`,
      parties: [
        {
          role: 'plaintiff',
          kind: 'natural',
          name: c.party,
          queryCode: '123456',
          ...(c.idNumber ? { idNumber: c.idNumber } : {}),
        },
      ],
    },
  ];
  if (c.official !== false)
    docs.push({
      ...env(`caseNumber:${uuid}`, 'caseNumber', 'worker'),
      caseId: id,
      caseNumber: `（${c.filingDate.slice(0, 4)}）甘0402${caseType}${c.n}号`,
    });
  if (c.judge)
    docs.push({
      ...env(`assignment:${uuid}`, 'assignment', 'worker'),
      caseId: id,
      judge: c.judge,
      ...(c.clerk ? { clerk: c.clerk } : {}),
      method: 'random',
    });
  if (c.closedOn)
    docs.push({
      ...env(`event:${id}:20990101T000000Z:close`, 'event', c.judge ?? 'judge.li', 2),
      caseId: id,
      kind: 'closed',
      at: `${c.closedOn}T16:00:00+08:00`,
      data: { disposition: 'judgment', date: c.closedOn },
    });
  if (c.pendingExtension)
    docs.push({
      ...env(`event:${id}:20260301T000000Z:ext`, 'event', c.judge ?? 'judge.li', 2),
      caseId: id,
      kind: 'extensionRequested',
      at: `${c.filingDate}T10:00:00+08:00`,
      data: { level: 'president', months: 6, reason: '案情复杂' },
    });
  return docs;
}

/** An approval of the pending extension of seeded case `n`. */
export function seedApproval(n: number): Doc {
  const caseId = `case:c${n}`;
  return {
    _id: `approval:a${n}`,
    type: 'approval',
    schemaVersion: 1,
    createdAt: AT,
    createdBy: 'leader.li',
    kind: 'extension',
    caseId,
    requestId: `event:${caseId}:20260301T000000Z:ext`,
    decision: 'approved',
  };
}
