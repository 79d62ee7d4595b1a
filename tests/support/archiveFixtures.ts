/**
 * Generated scan archives for the import test and bench: tiny valid one- or two-page PDFs (text
 * only, correct xref offsets) and the import CSV listing them.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pdfFromObjects } from './pdfTools';

/** A small valid PDF with `pages` pages, each showing `label` and its page number. */
export function tinyPdf(label: string, pages = 1): Uint8Array {
  const objects: string[] = [];
  const kids = Array.from({ length: pages }, (_, i) => `${4 + i * 2} 0 R`).join(' ');
  objects.push('<< /Type /Catalog /Pages 2 0 R >>');
  objects.push(`<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`);
  objects.push('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>');
  for (let i = 0; i < pages; i++) {
    const text = `BT /F1 18 Tf 72 720 Td (${label.replace(/[()\\]/gu, '')} p${i + 1}) Tj ET`;
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${5 + i * 2} 0 R >>`,
    );
    objects.push(`<< /Length ${text.length} >>\nstream\n${text}\nendstream`);
  }
  return new Uint8Array(pdfFromObjects(objects));
}

/** One generated volume. */
export interface GeneratedVolume {
  readonly caseNumber: string;
  readonly volume: string;
  readonly path: string;
  readonly pages: number;
}

/**
 * Writes `count` volumes under `root` (one or two per case, 正卷 and sometimes 副卷) and
 * `root/volumes.csv`; returns the CSV path and the volumes.
 */
export function writeArchive(
  root: string,
  count: number,
  opts: { year?: number } = {},
): { csv: string; volumes: GeneratedVolume[] } {
  const year = opts.year ?? 2019;
  const volumes: GeneratedVolume[] = [];
  let caseNo = 1;
  while (volumes.length < count) {
    const caseNumber = `（${year}）甘0402民初${caseNo}号`;
    const dir = join(root, String(year), String(Math.floor(caseNo / 500)));
    mkdirSync(dir, { recursive: true });
    const perCase = caseNo % 3 === 0 ? 2 : 1;
    for (let v = 1; v <= perCase && volumes.length < count; v++) {
      const name = `${caseNo}-${v}.pdf`;
      const pages = 1 + ((caseNo + v) % 2);
      writeFileSync(join(dir, name), tinyPdf(`${year}-${caseNo}-${v}`, pages));
      volumes.push({
        caseNumber,
        volume: v === 1 ? '正卷1' : '副卷1',
        path: `${year}/${Math.floor(caseNo / 500)}/${name}`,
        pages,
      });
    }
    caseNo++;
  }
  const csv = join(root, 'volumes.csv');
  const lines = [
    '案号,卷,文件,年度,当事人',
    ...volumes.map((v) => `${v.caseNumber},${v.volume},${v.path},,张${v.caseNumber.length}、李四`),
  ];
  writeFileSync(csv, lines.join('\n') + '\n');
  return { csv, volumes };
}

/** A running `courtdesk-server import-archive` process, as an operator starts it. */
export interface ArchiveImportProcess {
  readonly child: ChildProcess;
  /** Resolves with the exit code (null when killed by a signal). */
  readonly exited: Promise<number | null>;
  /** Its stdout and stderr so far. */
  output(): string;
}

/** Starts the importer in its own process against `couchUrl` (credentials in the environment). */
export function startArchiveImport(
  couchUrl: string,
  csv: string,
  root: string,
  id: string,
  extraArgs: readonly string[] = [],
): ArchiveImportProcess {
  const child = spawn(
    process.execPath,
    [
      'sync-server/bin/courtdesk-server.mjs',
      'import-archive',
      '--csv',
      csv,
      '--root',
      root,
      '--id',
      id,
      ...extraArgs,
    ],
    { env: { ...process.env, COUCH_URL: couchUrl }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => out };
}
