/**
 * A one-page PDF holding a JPEG image (DCTDecode, the JPEG bytes as they are), so a paper filed as
 * a scanned image can be bound into a volume's PDF with the PDF papers (docs/archives.md "Binding
 * a closed case"). The page is sized from the image at `dpi`.
 */

/** The PDF bytes of one page showing `jpeg` (`width` × `height` pixels) at `dpi`. */
export function jpegPagePdf(jpeg: Uint8Array, width: number, height: number, dpi = 150): Uint8Array {
  if (jpeg[0] !== 0xff || jpeg[1] !== 0xd8) throw new Error('jpegPagePdf: not a JPEG');
  if (!(width > 0 && height > 0)) throw new Error('jpegPagePdf: no size');
  const w = ((width * 72) / dpi).toFixed(2);
  const h = ((height * 72) / dpi).toFixed(2);
  const content = `q ${w} 0 0 ${h} 0 0 cm /Im0 Do Q`;
  const chunks: Uint8Array[] = [];
  const offsets: number[] = [];
  let length = 0;
  const put = (part: string | Uint8Array) => {
    // Every string written here is ASCII: one byte per character.
    const bytes = typeof part === 'string' ? Uint8Array.from(part, (c) => c.charCodeAt(0)) : part;
    chunks.push(bytes);
    length += bytes.length;
  };
  const object = (n: number, parts: (string | Uint8Array)[]) => {
    offsets[n - 1] = length;
    put(`${n} 0 obj\n`);
    parts.forEach(put);
    put('\nendobj\n');
  };
  put('%PDF-1.4\n');
  object(1, ['<< /Type /Catalog /Pages 2 0 R >>']);
  object(2, ['<< /Type /Pages /Kids [3 0 R] /Count 1 >>']);
  object(3, [
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${w} ${h}] /Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R >>`,
  ]);
  object(4, [
    `<< /Type /XObject /Subtype /Image /Width ${width} /Height ${height} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode /Length ${jpeg.length} >>\nstream\n`,
    jpeg,
    '\nendstream',
  ]);
  object(5, [`<< /Length ${content.length} >>\nstream\n${content}\nendstream`]);
  const xref = length;
  put(
    `xref\n0 6\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`,
  );
  put(`trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  const out = new Uint8Array(length);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
