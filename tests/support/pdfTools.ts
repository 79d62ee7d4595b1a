/**
 * Reading a PDF the way a reviewer would, with poppler (pdfinfo, pdftotext, pdftoppm), and making
 * one from a .docx with LibreOffice: page count and sizes, the text, each line's box on the page.
 * Used by the document layout e2e suite; every tool missing fails loudly (scripts/install-system-deps.sh).
 */
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import layout from '../../resources/documents/pageLayout.json';

const run = promisify(execFile);

/** Page count and each page's size in points. */
export async function pdfPages(
  pdf: string,
): Promise<{ pages: number; sizes: { width: number; height: number }[] }> {
  const { stdout } = await run('pdfinfo', ['-f', '1', '-l', '999', pdf]);
  const pages = Number(/^Pages:\s+(\d+)/m.exec(stdout)?.[1] ?? NaN);
  const sizes = [...stdout.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => ({
    width: Number(m[1]),
    height: Number(m[2]),
  }));
  return { pages, sizes };
}

/** The text of the PDF in reading order (pdftotext), or of one page. */
export async function pdfText(pdf: string, page?: number): Promise<string> {
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  return (await run('pdftotext', [...range, pdf, '-'])).stdout;
}

/** One line of text with its box in points from the top-left corner of its page. */
export interface PdfLine {
  readonly text: string;
  readonly xMin: number;
  readonly yMin: number;
  readonly xMax: number;
  readonly yMax: number;
}

/** The lines of one page with their boxes (pdftotext -bbox-layout). */
export async function pdfLines(pdf: string, page: number): Promise<PdfLine[]> {
  const { stdout } = await run('pdftotext', [
    '-bbox-layout',
    '-f',
    String(page),
    '-l',
    String(page),
    pdf,
    '-',
  ]);
  return [
    ...stdout.matchAll(
      /<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)<\/line>/gs,
    ),
  ].map((m) => ({
    xMin: Number(m[1]),
    yMin: Number(m[2]),
    xMax: Number(m[3]),
    yMax: Number(m[4]),
    text: [...(m[5] ?? '').matchAll(/<word[^>]*>([^<]*)<\/word>/g)].map((w) => w[1]).join(''),
  }));
}

/** Rasterises one page to `png` (without the extension pdftoppm adds) at `dpi`. */
export async function pdfPageToPng(pdf: string, page: number, png: string, dpi = 80): Promise<string> {
  mkdirSync(path.dirname(png), { recursive: true });
  const base = png.replace(/\.png$/, '');
  await run('pdftoppm', [
    '-png',
    '-r',
    String(dpi),
    '-f',
    String(page),
    '-l',
    String(page),
    '-singlefile',
    pdf,
    base,
  ]);
  return `${base}.png`;
}

/**
 * A fontconfig file for LibreOffice on a machine without the court fonts: the system fonts plus the
 * faces a court document names (仿宋_GB2312, 方正小标宋简体 …) as aliases of Noto Serif/Sans CJK SC,
 * so the conversion sets Chinese in a Chinese serif face, as a court PC would.
 */
function fontconfigFile(dir: string): string {
  const aliases = Object.values(layout.fonts)
    .map((f) => {
      const standIn = f.family === 'swiss' ? 'Noto Sans CJK SC' : 'Noto Serif CJK SC';
      return `<alias binding="same"><family>${f.docx}</family><prefer><family>${standIn}</family></prefer></alias>`;
    })
    .join('\n  ');
  const file = path.join(dir, 'fonts.conf');
  writeFileSync(
    file,
    `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n  ${aliases}\n</fontconfig>\n`,
  );
  return file;
}

/**
 * Converts a .docx to PDF with LibreOffice (headless, its own profile in `workDir`, so it never
 * meets another running LibreOffice). Returns the PDF's path.
 */
export async function docxToPdf(docx: string, workDir: string): Promise<string> {
  mkdirSync(workDir, { recursive: true });
  await run(
    'soffice',
    [
      `-env:UserInstallation=file://${path.join(workDir, 'profile')}`,
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      workDir,
      docx,
    ],
    { env: { ...process.env, FONTCONFIG_FILE: fontconfigFile(workDir) }, timeout: 240_000 },
  ).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT')
      throw new Error(
        'LibreOffice (soffice) not found: run scripts/install-system-deps.sh (libreoffice-writer)',
      );
    throw err;
  });
  return path.join(workDir, `${path.basename(docx, '.docx')}.pdf`);
}

/**
 * A PDF file from its numbered objects (object 1 is the catalog): header, objects, cross-reference
 * table and trailer with the byte offsets a reader checks. The one serializer of the tests' small
 * generated PDFs (scans, archive volumes).
 */
export function pdfFromObjects(objects: readonly string[]): Buffer {
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}
