/**
 * Test scans with known text (docs/archives.md "OCR accuracy"): court papers written from the
 * e-library's own sentences (resources/library), drawn on a canvas in Chromium at about 150 dpi
 * with Noto Serif CJK, then "scanned": turned by a fraction of a degree, grey-level noise on every
 * pixel and a sprinkling of specks. Deterministic per seed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

/** One generated scan. */
export interface TestScan {
  readonly name: string;
  /** The lines drawn (title first). */
  readonly lines: readonly string[];
  readonly png: Buffer;
}

const TITLES = ['民事起诉状', '民事答辩状', '民事判决书', '开庭笔录', '证据目录', '授权委托书'];

function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
}

/** Every article paragraph of the library's starter set. */
export function librarySentences(root = 'resources/library'): string[] {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const rec = v as Record<string, unknown>;
      if (Array.isArray(rec['paragraphs'])) for (const p of rec['paragraphs']) out.push(String(p));
      Object.values(rec).forEach(walk);
    }
  };
  for (const f of readdirSync(root).filter((n) => n.endsWith('.json')))
    walk(JSON.parse(readFileSync(join(root, f), 'utf8')));
  return out.filter((p) => p.length >= 20);
}

/** Splits text into lines of at most `width` characters. */
function wrap(text: string, width: number): string[] {
  const chars = [...text];
  const out: string[] = [];
  for (let i = 0; i < chars.length; i += width) out.push(chars.slice(i, i + width).join(''));
  return out;
}

/** The lines of scan `i`: a paper title, a date line and body lines from the library. */
export function scanLines(i: number, sentences: readonly string[], bodyLines = 12): string[] {
  const r = rng(1000 + i);
  const title = TITLES[i % TITLES.length] ?? '民事起诉状';
  const body: string[] = [];
  while (body.length < bodyLines) {
    const s = sentences[Math.floor(r() * sentences.length)] ?? '';
    body.push(...wrap(s, 30));
  }
  const date = `二〇二${['〇', '一', '二', '三', '四', '五'][i % 6]}年${['三', '六', '九', '十一'][i % 4]}月${['五', '十二', '二十八'][i % 3]}日`;
  return [title, ...body.slice(0, bodyLines), date];
}

/** The page-side drawing: plain JavaScript run by `page.evaluate`. */
const DRAW_PAGE = `async ({ lines, seed }) => {
      await document.fonts.load('28px "Noto Serif CJK SC"');
      const W = 1240;
      const lineH = 52;
      const H = 160 + lines.length * lineH + 120;
      const c = document.createElement('canvas');
      c.width = W;
      c.height = H;
      const g = c.getContext('2d');
      if (!g) throw new Error('no 2d context');
      let s = seed >>> 0 || 1;
      const rnd = () => {
        s ^= s << 13;
        s ^= s >>> 17;
        s ^= s << 5;
        return (s >>> 0) / 2 ** 32;
      };
      g.fillStyle = '#fff';
      g.fillRect(0, 0, W, H);
      g.translate(W / 2, H / 2);
      g.rotate(((rnd() - 0.5) * 0.8 * Math.PI) / 180); // ±0.4°
      g.translate(-W / 2, -H / 2);
      g.fillStyle = '#111';
      g.textBaseline = 'top';
      lines.forEach((line, n) => {
        if (n === 0) {
          g.font = 'bold 40px "Noto Serif CJK SC"';
          g.textAlign = 'center';
          g.fillText(line, W / 2, 90);
        } else {
          g.font = '28px "Noto Serif CJK SC"';
          g.textAlign = n === lines.length - 1 ? 'right' : 'left';
          g.fillText(line, n === lines.length - 1 ? W - 110 : 110, 120 + n * lineH);
        }
      });
      g.setTransform(1, 0, 0, 1, 0, 0);
      const img = g.getImageData(0, 0, W, H);
      const px = img.data;
      for (let p = 0; p < px.length; p += 4) {
        const grey = 0.299 * (px[p] ?? 0) + 0.587 * (px[p + 1] ?? 0) + 0.114 * (px[p + 2] ?? 0);
        let v = grey + (rnd() + rnd() + rnd() - 1.5) * 40; // ≈ N(0, 20) grey-level noise
        const speck = rnd();
        if (speck < 0.002) v = 0;
        else if (speck < 0.004) v = 255;
        v = Math.max(0, Math.min(255, v));
        px[p] = v;
        px[p + 1] = v;
        px[p + 2] = v;
      }
      g.putImageData(img, 0, 0);
      return c.toDataURL('image/png');
    }`;

/** Draws `lines` as a noisy greyscale page and returns the PNG. */
export async function renderScan(page: Page, lines: readonly string[], seed: number): Promise<Buffer> {
  // A string, not a function: tsx's name helpers (`__name`) do not exist in the page.
  const dataUrl = (await page.evaluate(`(${DRAW_PAGE})(${JSON.stringify({ lines, seed })})`)) as string;
  return Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');
}
