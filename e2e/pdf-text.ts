import { inflateSync } from 'node:zlib';

// Just enough of PDF to read back what jsPDF writes: Flate streams, ToUnicode maps of the embedded
// (Identity-H) fonts, and hex strings in text operators. No PDF library is a dependency of the
// project, and the test should read the file as a reader would, not trust the code that wrote it.

function streams(pdf: Buffer): Buffer[] {
  const out: Buffer[] = [];
  let at = 0;
  for (;;) {
    const start = pdf.indexOf('stream', at, 'latin1');
    if (start < 0) return out;
    let body = start + 'stream'.length;
    if (pdf[body] === 0x0d) body++;
    if (pdf[body] === 0x0a) body++;
    const end = pdf.indexOf('endstream', body, 'latin1');
    if (end < 0) return out;
    const dict = pdf.subarray(Math.max(0, start - 300), start).toString('latin1');
    const raw = pdf.subarray(body, end);
    try {
      out.push(/\/FlateDecode/.test(dict.slice(dict.lastIndexOf('<<'))) ? inflateSync(raw) : raw);
    } catch {
      out.push(raw);
    }
    at = end + 'endstream'.length;
  }
}

/** Each ToUnicode map in the file: glyph id (hex) to text. */
function unicodeMaps(decoded: string[]): Map<string, string>[] {
  return decoded
    .filter((s) => s.includes('beginbfchar') || s.includes('beginbfrange'))
    .map((s) => {
      const map = new Map<string, string>();
      for (const [, gid, hex] of s.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) {
        const codes = hex!.match(/.{4}/g) ?? [];
        map.set(
          gid!.toLowerCase().padStart(4, '0'),
          String.fromCharCode(...codes.map((c) => parseInt(c, 16))),
        );
      }
      return map;
    });
}

/**
 * The text drawn on each page, decoded through the fonts' ToUnicode maps (each string with every
 * map, since a page switches fonts; a wrong map gives noise, never the title). Pages in file order.
 */
export function pdfText(pdf: Buffer): string {
  const decoded = streams(pdf).map((s) => s.toString('latin1'));
  const maps = unicodeMaps(decoded);
  const texts: string[] = [];
  for (const content of decoded) {
    if (!/\bBT\b/.test(content)) continue;
    for (const [, hex] of content.matchAll(/<([0-9a-fA-F]+)>\s*Tj/g)) {
      const gids = hex!.toLowerCase().match(/.{4}/g) ?? [];
      for (const map of maps) texts.push(gids.map((g) => map.get(g) ?? '\uFFFD').join(''));
    }
    for (const [, literal] of content.matchAll(/\(((?:\\.|[^\\)])*)\)\s*Tj/g)) texts.push(literal!);
  }
  return texts.join('\n');
}

/** The bookmark titles (PDF outline items) in file order. */
export function pdfOutline(pdf: Buffer): string[] {
  const text = pdf.toString('latin1');
  if (!/\/Type \/Outlines/.test(text)) return [];
  return [...text.matchAll(/\/Title \(((?:\\.|[^\\)])*)\)\s*\/Parent/g)].map((m) =>
    m[1]!.replace(/\\(.)/g, '$1'),
  );
}
