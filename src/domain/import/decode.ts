/**
 * Bytes to text, before any format is guessed (docs/import.md, "Detecting a file"). A byte-order mark
 * decides first; then strict UTF-8 (a file that decodes without one error is UTF-8); otherwise chardet
 * names the single-byte encoding, and the Windows-1252 decoder reads it (a superset of ISO-8859-1 for
 * every printable byte, which is what registers such as SIPRI's write). Files that are empty, binary
 * or too large are refused with a sentence a user can act on, before anything is decoded.
 */
import { detect as detectCharset } from 'chardet';
import { UnreadableFile } from './types';

/** The largest file the tracker reads: 200 MB, checked before a byte is decoded. */
export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;

export interface DecodedText {
  text: string;
  /** "UTF-8", "UTF-8 with BOM", "UTF-16LE", "UTF-16BE", "windows-1252" */
  encoding: string;
}

/** The first bytes of formats users drop by mistake. */
const MAGIC: { name: string; bytes: number[] }[] = [
  { name: 'PNG image', bytes: [0x89, 0x50, 0x4e, 0x47] },
  { name: 'ZIP archive (or an Excel .xlsx / Word .docx file)', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { name: 'PDF document', bytes: [0x25, 0x50, 0x44, 0x46] },
  { name: 'GIF image', bytes: [0x47, 0x49, 0x46, 0x38] },
  { name: 'JPEG image', bytes: [0xff, 0xd8, 0xff] },
  { name: 'gzip archive', bytes: [0x1f, 0x8b] },
  { name: 'old Excel .xls / Word .doc file', bytes: [0xd0, 0xcf, 0x11, 0xe0] },
  { name: '7-Zip archive', bytes: [0x37, 0x7a, 0xbc, 0xaf] },
  { name: 'RAR archive', bytes: [0x52, 0x61, 0x72, 0x21] },
];

const SNIFF_BYTES = 64 * 1024;

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.length <= bytes.length && prefix.every((b, i) => bytes[i] === b);
}

function formatMegabytes(size: number): string {
  return `${(size / (1024 * 1024)).toLocaleString('en', { maximumFractionDigits: 1 })} MB`;
}

/**
 * Refuses what is not text: a known magic number, NUL bytes, or more than 1 in 10 control bytes in the
 * first 64 KB (tab, line feed, carriage return and form feed are text).
 */
function refuseBinary(bytes: Uint8Array): void {
  const magic = MAGIC.find((m) => startsWith(bytes, m.bytes));
  if (magic) {
    throw new UnreadableFile(
      `This looks like a binary file (${magic.name}), not a CSV or JSON export. Save the register as CSV or JSON and import that.`,
    );
  }
  const end = Math.min(bytes.length, SNIFF_BYTES);
  let control = 0;
  for (let i = 0; i < end; i++) {
    const b = bytes[i]!;
    if (b === 0) {
      throw new UnreadableFile(
        `This looks like a binary file (it holds NUL bytes, first at byte ${i + 1}), not a CSV or JSON export.`,
      );
    }
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  }
  if (control > end / 10) {
    throw new UnreadableFile(
      `This looks like a binary file (${control} control characters in its first ${end.toLocaleString('en')} bytes), not a CSV or JSON export.`,
    );
  }
}

/** The file's text and the encoding it was read as; throws UnreadableFile for what cannot be read. */
export function decodeBytes(bytes: Uint8Array): DecodedText {
  if (bytes.length > MAX_IMPORT_BYTES) {
    throw new UnreadableFile(
      `This file is ${formatMegabytes(bytes.length)}; the tracker reads files up to ${formatMegabytes(MAX_IMPORT_BYTES)}. Split it (for example by year or by recipient) and import the parts.`,
    );
  }
  if (bytes.length === 0) throw new UnreadableFile('This file is empty: there is nothing to import.');

  // A byte-order mark names the encoding outright (UTF-16 text is full of NUL bytes, so it comes first).
  if (startsWith(bytes, [0xff, 0xfe])) return finish(new TextDecoder('utf-16le').decode(bytes), 'UTF-16LE');
  if (startsWith(bytes, [0xfe, 0xff])) return finish(new TextDecoder('utf-16be').decode(bytes), 'UTF-16BE');
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    // TextDecoder drops the mark itself (ignoreBOM is false by default).
    return finish(decodeUtf8(bytes), 'UTF-8 with BOM');
  }

  refuseBinary(bytes);
  const utf8 = tryUtf8(bytes);
  if (utf8 !== undefined) return finish(utf8, 'UTF-8');

  const named = detectCharset(highByteLines(bytes)) ?? 'windows-1252';
  // Single-byte Latin text is read as Windows-1252: it agrees with ISO-8859-1 on every printable byte
  // and gives the curly quotes and dashes that Windows exports put in 0x80–0x9F.
  const label = /^(ISO-8859-1|windows-1252|ISO-8859-15)$/i.test(named) ? 'windows-1252' : named;
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label);
  } catch {
    decoder = new TextDecoder('windows-1252');
  }
  return finish(decoder.decode(bytes), decoder.encoding === 'windows-1252' ? 'windows-1252' : label);
}

const CHARSET_SAMPLE = 8 * 1024;

/**
 * The lines that hold bytes above 0x7F, up to 8 KB of them: what tells one single-byte encoding from
 * another. chardet reads a few microseconds per byte, so giving it these lines rather than the first
 * 64 KB keeps detection to a millisecond or two on a register where four bytes in 100 KB are accented.
 */
function highByteLines(bytes: Uint8Array): Uint8Array {
  const parts: Uint8Array[] = [];
  let size = 0;
  let i = 0;
  while (i < bytes.length && size < CHARSET_SAMPLE) {
    if (bytes[i]! < 0x80) {
      i++;
      continue;
    }
    const start = Math.max(bytes.lastIndexOf(0x0a, i) + 1, i - 1024);
    let end = bytes.indexOf(0x0a, i);
    if (end === -1 || end > i + 1024) end = Math.min(i + 1024, bytes.length);
    const line = bytes.subarray(start, Math.min(end + 1, start + CHARSET_SAMPLE - size));
    parts.push(line);
    size += line.length;
    i = end + 1;
  }
  const sample = new Uint8Array(size);
  let offset = 0;
  for (const part of parts) {
    sample.set(part, offset);
    offset += part.length;
  }
  return sample;
}

function decodeUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // A BOM promised UTF-8 and the bytes broke it: read what can be read, marking the bad bytes.
    return new TextDecoder('utf-8').decode(bytes);
  }
}

function tryUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function finish(text: string, encoding: string): DecodedText {
  if (text.trim() === '')
    throw new UnreadableFile('This file holds only blank space: there is nothing to import.');
  return { text, encoding };
}
