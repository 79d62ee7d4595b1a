import { describe, expect, it } from 'vitest';
import type { PublicListRow } from './dishonest';
import { publicListCsv, publicListHtml } from './publicListExport';

const row: PublicListRow = {
  name: '李四',
  idMasked: '1101051949****002X',
  legalRepresentative: '',
  sex: '女',
  caseNumber: '（2026）甘0402执12号',
  groundItem: '第一条第（四）项',
  facts: '拒不申报财产, "隐匿"',
  obligation: '=SUM(A1)',
  listedOn: '2026-06-01',
  endsOn: '2028-05-31',
  publishedOn: null,
};
const header = [
  '序号',
  '被执行人',
  '证件号码',
  '性别',
  '法定代表人',
  '案号',
  '情形',
  '义务',
  '事实',
  '纳入',
  '届满',
  '公布',
];

describe('public list export', () => {
  it('writes CSV with a BOM, quoting, CRLF and formula-safe cells', () => {
    expect(publicListCsv(header, [row])).toBe(
      '\uFEFF序号,被执行人,证件号码,性别,法定代表人,案号,情形,义务,事实,纳入,届满,公布\r\n' +
        `1,李四,1101051949****002X,女,,（2026）甘0402执12号,第一条第（四）项,'=SUM(A1),"拒不申报财产, ""隐匿""",2026-06-01,2028-05-31,\r\n`,
    );
  });

  it('writes the printable notice with every text escaped', () => {
    const html = publicListHtml('<白银区法院>', '截至 2026-06-10', header, [row]);
    expect(html).toContain('<h1>&#60;白银区法院&#62;</h1>');
    expect(html).toContain('<td>1101051949****002X</td>');
    expect(html).toContain('<td>拒不申报财产, &#34;隐匿&#34;</td>');
    expect(html.match(/<tr>/g)).toHaveLength(2);
  });
});
