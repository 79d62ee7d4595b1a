// @ts-check
/**
 * Draws the CourtDesk icon (512×512 PNG: a court-red rounded square with a gold ring and a pair of
 * scales) with nothing but node:zlib, so the build needs no image tools. Writes
 * resources/icons/icon.png (electron-builder derives .ico/.icns from it) and 16…256 px sizes for Linux.
 * Run: `node build/makeIcon.mjs`. The output is committed; re-run only to change the design.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
/** @param {Buffer} buf */
function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = /** @type {number} */ (CRC_TABLE[(c ^ byte) & 0xff]) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
/** @param {string} type @param {Buffer} data */
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/**
 * Encodes RGBA pixels as a PNG.
 * @param {number} size @param {(x: number, y: number) => [number, number, number, number]} pixel
 */
export function encodePng(size, pixel) {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) raw.set(pixel(x, y), y * (size * 4 + 1) + 1 + x * 4);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The design at a given size (coordinates in a 512-unit space, 4× supersampled edges). */
function iconPixel(size) {
  const s = 512 / size;
  const RED = [153, 27, 30];
  const GOLD = [232, 190, 90];
  /** @param {number} u @param {number} v */
  const shade = (u, v) => {
    const r = 96;
    const cx = Math.min(Math.max(u, r + 16), 496 - r);
    const cy = Math.min(Math.max(v, r + 16), 496 - r);
    if (Math.hypot(u - cx, v - cy) > r) return null;
    const d = Math.hypot(u - 256, v - 256);
    if (d > 186 && d < 206) return GOLD; // ring
    if (Math.abs(u - 256) < 9 && v > 150 && v < 380) return GOLD; // pillar
    if (v > 370 && v < 392 && Math.abs(u - 256) < 70) return GOLD; // base
    if (v > 170 && v < 186 && Math.abs(u - 256) < 120) return GOLD; // beam
    for (const px of [166, 346]) {
      if (Math.abs(u - px) < 4 && v > 178 && v < 262) return GOLD; // strings
      const pan = Math.hypot(u - px, v - 262);
      if (v >= 262 && pan < 52 && pan > 40) return GOLD; // pans
      if (v >= 258 && v <= 266 && Math.abs(u - px) < 52) return GOLD;
    }
    return RED;
  };
  return (/** @type {number} */ x, /** @type {number} */ y) => {
    let r = 0,
      g = 0,
      b = 0,
      a = 0;
    for (let i = 0; i < 4; i++) {
      const c = shade((x + (i % 2) * 0.5 + 0.25) * s, (y + Math.floor(i / 2) * 0.5 + 0.25) * s);
      if (c) {
        r += c[0];
        g += c[1];
        b += c[2];
        a += 255;
      }
    }
    const n = a / 255;
    return /** @type {[number, number, number, number]} */ (
      n === 0 ? [0, 0, 0, 0] : [Math.round(r / n), Math.round(g / n), Math.round(b / n), Math.round(a / 4)]
    );
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const dir = path.join(ROOT, 'resources', 'icons');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'icon.png'), encodePng(512, iconPixel(512)));
  for (const size of [16, 32, 48, 64, 128, 256])
    fs.writeFileSync(path.join(dir, `${size}x${size}.png`), encodePng(size, iconPixel(size)));
  console.log(`wrote ${path.relative(ROOT, dir)}/icon.png and 16…256 px sizes`);
}
