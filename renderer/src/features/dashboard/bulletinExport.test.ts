import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { CaseFacts } from '../../../../core/quality/caseFacts';
import { monthlyBulletin } from '../../../../core/quality/views';
import { BULLETIN_COLUMNS, bulletinCsv, bulletinDocx, bulletinTables } from './bulletinExport';

function facts(id: string, judge: string, filedOn: string, closedOn: string | null): CaseFacts {
  return {
    id: `case:${id}`,
    number: `（2026）甘0402民初${id}号`,
    court: '甘0402',
    division: 'min1',
    judge,
    caseType: '民初',
    family: 'civil',
    instance: 'first',
    filedOn,
    closedOn,
    disposition: closedOn ? 'judgment' : null,
    netDays: null,
    withinLimit: closedOn ? true : null,
    dueDate: '2027-01-01',
    challengedOn: null,
    reversal: null,
    reversedOn: null,
    enforcementTarget: null,
    recoveries: [],
  };
}

// November: li received 2 and closed 1 → 50%; wang carried 1 over and closed it → 100%.
// October: wang received 1, closed none → 0%, so wang's change is +100 points.
const FACTS = [
  facts('1', 'judge.li', '2026-11-02', '2026-11-20'),
  facts('2', 'judge.li', '2026-11-05', null),
  facts('3', 'judge.wang', '2026-10-10', '2026-11-03'),
];
const bulletin = monthlyBulletin(FACTS, '2026-11-15');
const tables = bulletinTables(
  bulletin,
  { total: '全院', byDivision: '各部门', byJudge: '各承办法官' },
  { rank: '排名', key: '', indicator: (n) => n, keyName: (k) => k },
  (k) => `div:${k}`,
  (k) => `name:${k}`,
);

describe('monthly bulletin export', () => {
  it('ranks judges and writes value (change) per indicator', () => {
    const judges = tables[2]!;
    expect(judges.rows[0]).toEqual(['排名', '', ...BULLETIN_COLUMNS]);
    const rate = BULLETIN_COLUMNS.indexOf('closureRate') + 2;
    expect(judges.rows[1]![1]).toBe('name:judge.wang');
    expect(judges.rows[1]![rate]).toBe('100.0% (+100.0pt)');
    expect(judges.rows[2]![1]).toBe('name:judge.li');
    expect(judges.rows[2]![rate]).toBe('50.0%');
  });

  it('CSV starts with a BOM, quotes commas and keeps every table', () => {
    const csv = bulletinCsv('月通报, 2026-11', tables);
    expect(csv.startsWith('\uFEFF"月通报, 2026-11"\r\n')).toBe(true);
    expect(csv).toContain('\r\n各承办法官\r\n');
    expect(csv.split('\r\n').filter((l) => l.startsWith('1,name:judge.wang,'))).toHaveLength(1);
  });

  it('the .docx holds the title and every table row', async () => {
    const blob = await bulletinDocx('白银区法院月通报', '统计期间', tables);
    const zip = await JSZip.loadAsync(await blob.arrayBuffer());
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    expect(xml).toContain('白银区法院月通报');
    expect(xml).toContain('name:judge.li');
    expect(xml.match(/<w:tbl>/g)).toHaveLength(3);
    expect(xml).toContain('w:orient="landscape"');
  });
});
