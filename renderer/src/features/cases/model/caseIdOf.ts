/** Which case a `courtdesk_cases` document belongs to, from its id (or `caseId` field). */
/** The case a document belongs to (`case:<uuid>`), or null. */
export function caseIdOf(doc: Readonly<Record<string, unknown>>): string | null {
  const id = typeof doc['_id'] === 'string' ? doc['_id'] : '';
  const colon = id.indexOf(':');
  const prefix = colon > 0 ? id.slice(0, colon) : '';
  switch (prefix) {
    case 'case':
      return id;
    case 'caseNumber':
    case 'assignment': {
      // `caseNumber:<uuid>`; the worker's claim log (`caseNumber:claim:…`) belongs to no case.
      const rest = id.slice(colon + 1);
      return rest.includes(':') ? null : `case:${rest}`;
    }
    case 'event': {
      if (typeof doc['caseId'] === 'string') return doc['caseId'];
      const m = /^event:(case:[^:]+):/.exec(id);
      return m ? (m[1] as string) : null;
    }
    case 'approval':
      return typeof doc['caseId'] === 'string' ? doc['caseId'] : null;
    default:
      return null;
  }
}
