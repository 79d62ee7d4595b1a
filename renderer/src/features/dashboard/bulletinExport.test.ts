import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { CaseFacts } from '../../../../core/quality/caseFacts';
import { monthlyBulletin } from '../../../../core/quality/views';
import { readXlsx, rowValues } from '../../../../tests/support/xlsxRead';
import { BULLETIN_COLUMNS, bulletinCsv, bulletinDocx, bulletinTables } from './bulletinExport';
import { bulletinXlsx } from './bulletinXlsx';

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
  { rank: '排名', key: '', current: '本月', change: '环比', indicator: (n) => n, keyName: (k) => k },
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

  it('the .xlsx has the title, each table under its bold heading and the figures as numbers', async () => {
    const blob = await bulletinXlsx('白银区法院审判质效月通报（2026-11）', tables);
    expect(blob.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const [sheet, ...more] = await readXlsx(new Uint8Array(await blob.arrayBuffer()));
    expect(more).toHaveLength(0);
    const width = 2 + BULLETIN_COLUMNS.length * 2;
    const cell = (ref: string) => sheet!.cells.get(ref);
    expect(cell('A1')).toMatchObject({
      type: 'string',
      value: '白银区法院审判质效月通报（2026-11）',
      bold: true,
    });
    expect(sheet!.merges).toContain(`A1:${String.fromCharCode(64 + width)}1`);
    // Row 3: whole court; 4–5: the two header rows; 6: its one row.
    expect(cell('A3')).toMatchObject({ value: '全院', bold: true });
    expect(rowValues(sheet!, 3).slice(0, 4)).toEqual(['排名', null, 'received', null]);
    expect(rowValues(sheet!, 4).slice(2, 6)).toEqual(['本月', '环比', '本月', '环比']);
    expect([3, 4].every((r) => sheet!.rows[r]!.every((c) => c === undefined || c.bold))).toBe(true);
    expect(sheet!.merges).toEqual(expect.arrayContaining(['A4:A5', 'B4:B5', 'C4:D4']));
    // The judges' table: heading on row 13, header rows 14–15, wang (rank 1) and li (rank 2).
    expect(cell('A13')).toMatchObject({ value: '各承办法官', bold: true });
    const rate = 2 + BULLETIN_COLUMNS.indexOf('closureRate') * 2;
    const received = 2 + BULLETIN_COLUMNS.indexOf('received') * 2;
    const wang = sheet!.rows[15]!;
    const li = sheet!.rows[16]!;
    expect(wang[0]).toMatchObject({ type: 'number', value: 1, bold: false });
    expect(wang[1]).toMatchObject({ type: 'string', value: 'name:judge.wang' });
    expect(wang[rate]).toMatchObject({ type: 'number', value: 1, format: '0.0%' });
    expect(wang[rate + 1]).toMatchObject({ type: 'number', value: 100, format: '+0.0"pt";-0.0"pt";0.0"pt"' });
    // wang received 1 case in October and none in November.
    expect(wang[received]).toMatchObject({ type: 'number', value: 0, format: '0' });
    expect(wang[received + 1]).toMatchObject({ type: 'number', value: -1, format: '+0;-0;0' });
    expect(li[0]).toMatchObject({ type: 'number', value: 2 });
    expect(li[1]).toMatchObject({ type: 'string', value: 'name:judge.li' });
    expect(li[rate]).toMatchObject({ type: 'number', value: 0.5, format: '0.0%' });
    expect(li[rate + 1]).toMatchObject({ type: 'string', value: '—' });
    expect(li[received]).toMatchObject({ type: 'number', value: 2 });
    expect(sheet!.rows).toHaveLength(17);
    // Indicator columns fit their heading (which spans two columns) and '+100.0pt'.
    const w = sheet!.widths;
    expect(w).toHaveLength(width);
    for (let i = 2; i < width; i++) expect(w[i]).toBeGreaterThanOrEqual(10);
  });
});
