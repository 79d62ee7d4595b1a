import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { makeResidentId } from '../../../../../core/domain/identity';
import { dishonestEntryId, publicList, type DishonestEntry } from '../../../../../core/enforcement/dishonest';
import { publicListCsv } from '../../../../../core/enforcement/publicListExport';
import { readXlsx, rowValues } from '../../../../../tests/support/xlsxRead';
import { publicListXlsx } from './publicListXlsx';

const approval = { decision: 'approved' as const, by: 'leader.qian', at: '2026-06-01T08:00:00.000Z' };
// A resident ID whose digits all matter: written as a number it would lose the last ones.
const ID = makeResidentId('620402', '1975-04-18', 135);
const CREDIT_CODE = '91620402MA74XK2Q3B';

function entry(extra: Partial<DishonestEntry>): DishonestEntry {
  const respondent = extra.respondent ?? { name: '司马振东', kind: 'natural' as const, idNumber: ID };
  return {
    _id: dishonestEntryId(respondent.idNumber, extra.ground ?? 'reportViolation'),
    caseId: 'case:c1',
    caseNumber: '（2026）甘0402执12号',
    respondent,
    ground: 'reportViolation',
    listedOn: '2026-06-01',
    facts: '拒不申报财产',
    approval,
    ...extra,
  };
}

const rows = publicList(
  [
    entry({ obligation: '=SUM(A1)', publishedOn: '2026-06-02' }),
    entry({
      listedOn: '2026-06-03',
      ground: 'evasion',
      respondent: {
        name: '白银某某建材有限公司',
        kind: 'legal',
        idNumber: CREDIT_CODE,
        legalRepresentative: '王五',
      },
    }),
  ],
  '2026-06-10',
);
const header =
  '序号,被执行人,证件号码,性别,法定代表人,执行案号,失信情形,生效法律文书确定的义务,失信行为具体情形,纳入日期,期限届满,公布日期'.split(
    ',',
  );

describe('dishonest-debtor list as .xlsx', () => {
  it('holds the notice columns, the masked IDs as text and 序号 as a number', async () => {
    const blob = await publicListXlsx('白银区人民法院失信被执行人名单', '截至 2026-06-10', header, rows);
    expect(blob.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const bytes = new Uint8Array(await blob.arrayBuffer());
    const [sheet, ...more] = await readXlsx(bytes);
    expect(more).toHaveLength(0);
    expect(sheet!.cells.get('A1')).toMatchObject({
      type: 'string',
      value: '白银区人民法院失信被执行人名单',
      bold: true,
    });
    expect(sheet!.cells.get('A2')).toMatchObject({ type: 'string', value: '截至 2026-06-10' });
    expect(sheet!.merges).toEqual(expect.arrayContaining(['A1:L1', 'A2:L2']));
    expect(rowValues(sheet!, 2)).toEqual(header);
    expect(sheet!.rows[2]!.every((c) => c?.bold)).toBe(true);
    expect(sheet!.rows).toHaveLength(5);

    const person = sheet!.rows[3]!;
    const company = sheet!.rows[4]!;
    expect(person[0]).toMatchObject({ type: 'number', value: 1, bold: false });
    expect(company[0]).toMatchObject({ type: 'number', value: 2 });
    expect(person[2]).toEqual(
      expect.objectContaining({ type: 'string', value: `${ID.slice(0, 10)}****${ID.slice(14)}` }),
    );
    expect(company[2]).toMatchObject({ type: 'string', value: CREDIT_CODE });
    // Every other cell is text, and says what the CSV says (the CSV's formula guard aside: a text
    // cell is never a formula, so '=SUM(A1)' is kept as written).
    const csvLines = publicListCsv(header, rows).slice(1).trim().split('\r\n').slice(1);
    for (const [i, r] of [person, company].entries()) {
      expect(r.slice(1).every((c) => c?.type === 'string' || c?.type === 'empty')).toBe(true);
      const values = r.map((c) => String(c?.value ?? ''));
      expect(values.map((v) => (/^[=+\-@]/.test(v) ? `'${v}` : v)).join(',')).toBe(csvLines[i]);
    }
    expect(person[7]).toMatchObject({ type: 'string', value: '=SUM(A1)' });
    expect(rowValues(sheet!, 4).slice(1, 5)).toEqual(['白银某某建材有限公司', CREDIT_CODE, null, '王五']);

    // The unmasked ID appears nowhere in the file.
    const zip = await JSZip.loadAsync(bytes);
    for (const name of Object.keys(zip.files)) {
      const text = await zip.file(name)!.async('string');
      expect(text).not.toContain(ID);
      expect(text).not.toContain(ID.slice(6, 14)); // the date of birth
    }
    // Columns fit their Chinese headings (two characters' width each).
    expect(sheet!.widths[7]).toBeGreaterThanOrEqual(24);
    expect(sheet!.widths[2]).toBeGreaterThanOrEqual(20);
  });
});
