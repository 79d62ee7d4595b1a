/**
 * Deterministic `courtdesk_cases` documents for the case-catalog bench: version-3 `case:`
 * documents of ~1 KB (parties with ID numbers, cause, summary), the worker's `caseNumber:` and
 * `assignment:` documents for most cases, and process events (hearings, suspensions, extension
 * requests, closings) for many, shaped like the demo data. Pure; runs in the bench page.
 */
import { mulberry32 } from '../../../sync-server/src/setup/demoRandom';

const TYPES: readonly [string, string | null, number][] = [
  ['民初', 'civilSummary', 0.5],
  ['刑初', 'criminalSummary', 0.1],
  ['行初', 'administrativeFirst', 0.04],
  ['执', 'enforcement', 0.26],
  ['民特', 'civilSpecial', 0.04],
  ['民督', null, 0.03],
  ['执保', 'enforcement', 0.03],
];
const CAUSES = [
  '民间借贷纠纷',
  '买卖合同纠纷',
  '金融借款合同纠纷',
  '离婚纠纷',
  '机动车交通事故责任纠纷',
  '盗窃罪',
  '劳务合同纠纷',
];
const SURNAMES =
  '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎';
const GIVEN = [
  '伟',
  '芳',
  '娜',
  '秀英',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀兰',
  '霞',
];
const COMPANIES = [
  '白银有色金属有限公司',
  '甘肃银光化学工业有限公司',
  '白银市建筑工程有限公司',
  '中国农业银行股份有限公司白银分行',
];
/** Judges of the bench data (`judge.j00` …). */
export const BENCH_JUDGES = Array.from({ length: 24 }, (_, j) => `judge.j${String(j).padStart(2, '0')}`);
const CLERKS = Array.from({ length: 20 }, (_, j) => `clerk.c${String(j).padStart(2, '0')}`);
const SUMMARY =
  '原告诉称，被告未按约定履行付款义务，经多次催要未果，请求判令被告支付欠款及利息，并承担本案诉讼费用。';

function day(n: number): string {
  return new Date(Date.UTC(2024, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
}

/** The documents of case `i` (deterministic in `i`); `seqOf` numbers the case within its year and type. */
export function benchCaseDocs(i: number, seqOf: (key: string) => number): Record<string, unknown>[] {
  const r = mulberry32(i * 7919 + 13);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  let x = r();
  let t = TYPES[0] as (typeof TYPES)[number];
  for (const c of TYPES) {
    if (x < c[2]) {
      t = c;
      break;
    }
    x -= c[2];
  }
  const [caseType, procedure] = t;
  const filed = day(Math.floor(r() * 1060)); // 2024-01-01 … 2026-11
  const uuid = `${i.toString(36).padStart(6, '0')}-b3c4-4d5e-8f60-${((i * 2654435761) >>> 0).toString(16).padStart(12, '0')}`;
  const id = `case:${uuid}`;
  const at = `${filed}T09:${String(i % 60).padStart(2, '0')}:00+08:00`;
  const env = (docId: string, type: string, by: string, v: number) => ({
    _id: docId,
    type,
    schemaVersion: v,
    createdAt: at,
    createdBy: by,
  });
  const person = (role: string) => ({
    role,
    kind: 'natural',
    name: pick([...SURNAMES]) + pick(GIVEN),
    idNumber: `620402${1950 + Math.floor(r() * 50)}0${1 + Math.floor(r() * 9)}1${Math.floor(r() * 9)}${String(Math.floor(r() * 1000)).padStart(3, '0')}${Math.floor(r() * 10)}`,
    phone: `139${String(Math.floor(r() * 1e8)).padStart(8, '0')}`,
    address: `甘肃省白银市白银区人民路${1 + Math.floor(r() * 300)}号`,
    queryCode: String(Math.floor(r() * 1e6)).padStart(6, '0'),
  });
  const docs: Record<string, unknown>[] = [
    {
      ...env(id, 'case', 'clerk.lian', 3),
      court: '甘0402',
      caseType,
      ...(procedure ? { procedure } : {}),
      cause: pick(CAUSES),
      division: caseType.startsWith('执') ? 'zhixing' : 'min1',
      filingDate: filed,
      claimAmount: Math.round(r() * 500_000),
      summary: SUMMARY.repeat(2),
      provisionalNumber: `临${filed.replace(/-/g, '')}-${String(i).padStart(6, '0')}`,
      parties: [
        person(caseType === '刑初' ? 'prosecutor' : 'plaintiff'),
        r() < 0.3
          ? { role: 'defendant', kind: 'legal', name: pick(COMPANIES), queryCode: '000000' }
          : person('defendant'),
      ],
    },
  ];
  if (filed > '2026-11-15') return docs; // the newest filings wait for their number
  const year = filed.slice(0, 4);
  docs.push({
    ...env(`caseNumber:${uuid}`, 'caseNumber', 'worker', 1),
    caseId: id,
    caseNumber: `（${year}）甘0402${caseType}${seqOf(`${year}${caseType}`)}号`,
  });
  const judge = pick(BENCH_JUDGES);
  docs.push({
    ...env(`assignment:${uuid}`, 'assignment', 'worker', 1),
    caseId: id,
    judge,
    clerk: pick(CLERKS),
    method: 'random',
  });
  const ev = (kind: string, when: string, data: Record<string, unknown>) => ({
    ...env(`event:${id}:${when.replace(/-/g, '')}T020000Z:${kind}`, 'event', judge, 2),
    caseId: id,
    kind,
    at: `${when}T10:00:00+08:00`,
    data,
  });
  const k = r();
  const later = (d: number) =>
    day(Math.min(1050, Math.round((Date.parse(filed) - Date.UTC(2024, 0, 1)) / 86_400_000) + d));
  if (k < 0.45) docs.push(ev('closed', later(60 + Math.floor(r() * 120)), { disposition: 'judgment' }));
  else if (k < 0.7)
    docs.push(
      ev('hearingScheduled', later(20), { courtroom: '第一法庭', startsAt: `${later(40)}T09:00:00+08:00` }),
    );
  else if (k < 0.75) docs.push(ev('suspended', later(30), { from: later(30), reason: '等待鉴定' }));
  else if (k < 0.78) docs.push(ev('extensionRequested', later(150), { level: 'president', months: 6 }));
  return docs;
}
