import { describe, expect, it } from 'vitest';
import { suggestCatalogueEntry, findDocDate } from './catalogueSuggest';
import { archiveTextId, nameUuid, paperId, parsePaperId, parseVolumeId, volumeId, isUuid } from './ids';
import { characterErrorRate, editDistance } from './ocrAccuracy';

const CASE = '0a1b2c3d-0000-4000-8000-0000000000c1';

describe('catalogue suggestion from a paper’s first lines', () => {
  it('finds a known paper title in OCR output with spaces between characters and a court line above', () => {
    const ocr = '北 京 市 朝 阳 区 人 民 法 院\n民 事 起 诉 状\n原告：张三，男，汉族\n被告：李四\n';
    expect(suggestCatalogueEntry(ocr).title).toBe('民事起诉状');
  });

  it('keeps a short qualified title whole and prefers the longest known title', () => {
    expect(suggestCatalogueEntry('刑事附带民事起诉状\n原告人王五').title).toBe('刑事附带民事起诉状');
    expect(suggestCatalogueEntry('关于张三诉李四借款纠纷一案的\n财产保全申请书').title).toBe(
      '财产保全申请书',
    );
  });

  it('falls back to the first readable line, skipping noise lines, cut to 40 characters', () => {
    const long = '情况说明' + '甲'.repeat(60);
    expect(suggestCatalogueEntry(`|| ~~ ..\n1 2\n${long}`).title).toBe([...long].slice(0, 40).join(''));
    expect(suggestCatalogueEntry('   \n-- \n').title).toBe('');
  });

  it('reads the last date written (the signature date), in Han or Arabic numerals, and refuses impossible dates', () => {
    expect(findDocDate('二〇二六年三月五日')).toBe('2026-03-05');
    expect(findDocDate('2020年11月28日收到；二〇二〇年十二月二十八日')).toBe('2020-12-28');
    expect(findDocDate('2021年2月30日')).toBeUndefined();
    expect(findDocDate('一九四〇年一月一日')).toBeUndefined();
    expect(suggestCatalogueEntry('答辩状\n……\n二〇二一年十月十日').docDate).toBe('2021-10-10');
    expect(suggestCatalogueEntry('答辩状\n无日期')).toEqual({ title: '答辩状' });
  });
});

describe('archive ids', () => {
  it('derive volume ids from case, kind and number, and read them back', () => {
    const id = volumeId(CASE, 'secondary', 3);
    expect(id).toBe(`archiveVolume:${CASE}:secondary:03`);
    expect(parseVolumeId(id)).toEqual({ caseUuid: CASE, kind: 'secondary', seq: 3 });
    expect(parseVolumeId(`archiveVolume:${CASE}:main:00`)).toBeNull();
    expect(parseVolumeId(`archiveVolume:${CASE}:other:01`)).toBeNull();
    expect(() => volumeId(CASE, 'main', 100)).toThrow();
    expect(() => volumeId('nope', 'main', 1)).toThrow();
  });

  it('papers and OCR texts', () => {
    const p = paperId(CASE, '0a1b2c3d-0000-4000-8000-00000000000f');
    expect(parsePaperId(p)).toEqual({ caseUuid: CASE, uuid: '0a1b2c3d-0000-4000-8000-00000000000f' });
    expect(archiveTextId(p)).toBe(`archiveText:${p}`);
  });

  it('name uuids are stable, well-formed and distinct for different case numbers', () => {
    const a = nameUuid('（2019）京0105民初1号');
    expect(nameUuid('（2019）京0105民初1号')).toBe(a);
    expect(isUuid(a)).toBe(true);
    const seen = new Set<string>();
    for (let i = 0; i < 20_000; i++) seen.add(nameUuid(`（2019）京0105民初${i}号`));
    expect(seen.size).toBe(20_000);
  });
});

describe('OCR character error rate', () => {
  it('is the edit distance over the known text, ignoring whitespace and width', () => {
    expect(editDistance('民事起诉状', '民事起訴状')).toBe(1);
    expect(editDistance('', 'ab')).toBe(2);
    expect(characterErrorRate('民事 起诉状\n原告', '民 事 起 诉 状 原 告')).toMatchObject({
      errors: 0,
      cer: 0,
      accuracy: 1,
    });
    expect(characterErrorRate('（一）１２', '(一)12').errors).toBe(0);
    const r = characterErrorRate('人民法院审理', '人民法院审');
    expect(r.chars).toBe(6);
    expect(r.cer).toBeCloseTo(1 / 6);
    expect(characterErrorRate('ab', 'xxxxxx').accuracy).toBe(0);
  });
});

describe('bulk import CSV', () => {
  it('reads case number, volume and path with quotes, a BOM, a header and optional year and parties', async () => {
    const { parseImportCsv } = await import('./importCsv');
    const csv =
      '\ufeff案号,卷,文件\r\n（2019）京0105民初1号,正卷1,2019/1-1.pdf\n"（2019）京0105民初1号",副卷 2,"a,b.pdf",,张三、李四\n（2018）京0105民初9号,main-03,x.pdf,2018,王五；赵六\n';
    const r = parseImportCsv(csv);
    expect(r.errors).toEqual([]);
    expect(r.rows).toEqual([
      {
        line: 2,
        caseNumber: '（2019）京0105民初1号',
        kind: 'main',
        seq: 1,
        path: '2019/1-1.pdf',
        year: 2019,
        parties: [],
      },
      {
        line: 3,
        caseNumber: '（2019）京0105民初1号',
        kind: 'secondary',
        seq: 2,
        path: 'a,b.pdf',
        year: 2019,
        parties: ['张三', '李四'],
      },
      {
        line: 4,
        caseNumber: '（2018）京0105民初9号',
        kind: 'main',
        seq: 3,
        path: 'x.pdf',
        year: 2018,
        parties: ['王五', '赵六'],
      },
    ]);
  });

  it('refuses unreadable volumes, paths leaving the folder, duplicates and bad years, line by line', async () => {
    const { parseImportCsv } = await import('./importCsv');
    const r = parseImportCsv(
      'A,第一卷,a.pdf\nA,正卷1,../etc/passwd\nA,正卷1,/abs.pdf\nA,正卷1,ok.pdf\nA,正卷 1,again.pdf\nB,1,b.pdf,1800\n,1,c.pdf\n',
    );
    expect(r.rows.map((x) => x.line)).toEqual([4]);
    expect(r.errors.map((e) => e.line)).toEqual([1, 2, 3, 5, 6, 7]);
    expect(r.errors[3]?.message).toContain('same volume as line 4');
  });

  it('counts PDF pages from the page tree', async () => {
    const { pdfPageCount } = await import('./importCsv');
    const enc = (s: string) => new TextEncoder().encode(s);
    expect(
      pdfPageCount(
        enc('<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >> << /Type /Page >> << /Type /Page >>'),
      ),
    ).toBe(2);
    expect(pdfPageCount(enc('<</Type/Page/Parent 2 0 R>> <</Type/Page>> <</Type/Page>>'))).toBe(3);
    expect(pdfPageCount(enc('garbage'))).toBe(0);
  });
});

describe('catalogue suggestion: OCR specks', () => {
  it('drops punctuation and specks read around a title', () => {
    expect(suggestCatalogueEntry('民事答辩状,\n答辩人').title).toBe('民事答辩状');
    expect(suggestCatalogueEntry('· 开庭笔录 .\n时间').title).toBe('开庭笔录');
  });
});

describe('OCR text cleaning', () => {
  it('removes the spaces tesseract puts between Han characters and punctuation, keeps lines and Latin words apart', async () => {
    const { cleanOcrText } = await import('./catalogueSuggest');
    expect(cleanOcrText('民事 起 诉状\n原告 : 欧阳 晓 峰 ， 男\n\n\n\nPDF  page 2 共 3 页')).toBe(
      '民事起诉状\n原告:欧阳晓峰,男\n\nPDF page 2 共 3 页',
    );
  });
});
