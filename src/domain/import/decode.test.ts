import { describe, expect, it } from 'vitest';
import { decodeBytes, MAX_IMPORT_BYTES } from './decode';
import { parseSipriClassic } from './sipri-classic';
import { FIXTURES, fixtureBytes } from './sipri-test-helpers';
import { UnreadableFile } from './types';

const windows1252 = fixtureBytes(FIXTURES.indiaRecipient);
const expectedText = new TextDecoder('windows-1252').decode(windows1252);
const utf8 = new TextEncoder().encode(expectedText);
const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]);

function utf16le(text: string): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out.set([0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) {
    out[2 + i * 2] = text.charCodeAt(i) & 0xff;
    out[3 + i * 2] = text.charCodeAt(i) >> 8;
  }
  return out;
}

const refusal = (bytes: Uint8Array) => {
  try {
    decodeBytes(bytes);
  } catch (error) {
    expect(error).toBeInstanceOf(UnreadableFile);
    return (error as Error).message;
  }
  throw new Error('expected the file to be refused');
};

describe('decodeBytes', () => {
  it('reads Windows-1252, UTF-8 and UTF-8 with a BOM of the same register as the same text', () => {
    expect(decodeBytes(windows1252)).toEqual({ text: expectedText, encoding: 'windows-1252' });
    expect(decodeBytes(utf8)).toEqual({ text: expectedText, encoding: 'UTF-8' });
    expect(decodeBytes(withBom)).toEqual({ text: expectedText, encoding: 'UTF-8 with BOM' });
    expect(decodeBytes(utf16le(expectedText))).toEqual({ text: expectedText, encoding: 'UTF-16LE' });
    expect(expectedText).toContain('Alizé');
  });

  it('gives the same deals whichever of the three encodings the file came in', () => {
    const context = { fileName: 'f.csv', importedAt: '2026-12-02T08:00:00.000Z' };
    const deals = [windows1252, utf8, withBom].map((bytes) => {
      const { text, encoding } = decodeBytes(bytes);
      return parseSipriClassic(text, encoding, context).deals;
    });
    expect(deals[1]).toEqual(deals[0]);
    expect(deals[2]).toEqual(deals[0]);
  });

  it('refuses an empty file and one of blank space', () => {
    expect(refusal(new Uint8Array())).toMatch(/empty/);
    expect(refusal(new TextEncoder().encode(' \n\r\n\t'))).toMatch(/only blank space/);
  });

  it('refuses binary files, naming the kind where its first bytes tell it', () => {
    expect(refusal(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]))).toMatch(
      /looks like a binary file \(PNG image\)/,
    );
    expect(refusal(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 20, 0]))).toMatch(/binary file \(ZIP archive/);
    expect(refusal(new TextEncoder().encode('%PDF-1.7\n%âãÏÓ'))).toMatch(/binary file \(PDF document\)/);
    expect(refusal(new Uint8Array([0x41, 0x42, 0x00, 0x43]))).toMatch(/NUL bytes, first at byte 3/);
    expect(
      refusal(new Uint8Array(Array.from({ length: 100 }, (_, i) => (i % 3 === 0 ? 0x01 : 0x41)))),
    ).toMatch(/control characters/);
  });

  it('refuses a file over 200 MB before decoding it', () => {
    expect(MAX_IMPORT_BYTES).toBe(200 * 1024 * 1024);
    expect(refusal(new Uint8Array(MAX_IMPORT_BYTES + 1))).toMatch(
      /200 MB; the tracker reads files up to 200 MB/,
    );
  });
});
