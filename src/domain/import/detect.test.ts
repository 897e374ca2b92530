import { describe, expect, it } from 'vitest';
import { dealsToCsv } from '../export/csv-export';
import { decodeBytes } from './decode';
import { detectFormat, parseFile } from './detect';
import { parseSipriClassic } from './sipri-classic';
import { FIXTURES, fixtureBytes } from './sipri-test-helpers';
import { UnreadableFile, type ParseContext } from './types';

const context: ParseContext = { fileName: 'file', importedAt: '2026-12-02T08:00:00.000Z' };
const utf8 = (text: string) => new TextEncoder().encode(text);
const detectText = (text: string, fileName = 'file.txt') => detectFormat(text, 'UTF-8', fileName);

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(UnreadableFile);
    return (error as Error).message;
  }
  throw new Error('expected the file to be refused');
}

const recipient = decodeBytes(fixtureBytes(FIXTURES.indiaRecipient));

describe('detectFormat', () => {
  it('names the SIPRI classic register in one sentence', () => {
    const detected = detectFormat(recipient.text, recipient.encoding, FIXTURES.indiaRecipient);
    expect(detected).toMatchObject({
      format: 'sipri-classic',
      label: 'SIPRI trade register, classic layout',
      rowCount: 764,
      publisher: 'SIPRI',
      generated: '2025-03-13',
      description: 'SIPRI trade register, classic layout, 764 rows, data generated 13 Mar 2025, windows-1252',
    });
  });

  it('finds the header below a preamble of any length', () => {
    const shorter = recipient.text.split('\n').slice(3).join('\n');
    expect(detectText(shorter, 'x.csv').format).toBe('sipri-classic');
  });

  it('tells the 2025 layout, OCDS packages and the tracker’s own exports apart', () => {
    const sample = decodeBytes(fixtureBytes(FIXTURES.sample2025));
    expect(detectText(sample.text).format).toBe('sipri-2025');
    const release = decodeBytes(fixtureBytes('ocds-fictional-release-package.json'));
    expect(detectText(release.text, 'a.json')).toMatchObject({ format: 'ocds-release-package', rowCount: 6 });
    const record = decodeBytes(fixtureBytes('ocds-fictional-record-package.json'));
    expect(detectText(record.text, 'a.json').format).toBe('ocds-record-package');
    expect(detectText('{"data": []}').format).toBe('dpt-json');
    expect(detectText('{"format": "dpt-backup", "deals": []}').format).toBe('dpt-json');
    const deals = parseSipriClassic(recipient.text, recipient.encoding, context).deals.map((d) => d.deal);
    expect(detectText(JSON.stringify(deals.slice(0, 3)))).toMatchObject({ format: 'dpt-json', rowCount: 3 });
    expect(detectText(dealsToCsv(deals.slice(0, 3)), 'deals.csv')).toMatchObject({
      format: 'dpt-csv',
      rowCount: 3,
    });
  });

  it('takes any other CSV as one that needs a column mapping', () => {
    expect(detectText('name;country;year\nRafale;France;2016\n', 'x.csv')).toMatchObject({
      format: 'csv',
      rowCount: 1,
      description: 'CSV file, 1 row, 3 columns, UTF-8',
    });
  });

  it('says what a JSON holds when it is not an export or a package', () => {
    expect(refusal(() => detectText('{"a": 1, "b": [], "c": null}'))).toBe(
      'A JSON object with keys a, b, c is not an export of this tracker or an OCDS package, so it cannot be imported.',
    );
    expect(refusal(() => detectText('[1, 2]'))).toMatch(/^A JSON array of 2 items that are not deals/);
    expect(refusal(() => detectText('"text"', 'x.json'))).toMatch(/^A JSON string/);
  });

  it('names the line and column of a JSON syntax error', () => {
    expect(refusal(() => detectText('{\n  "a": 1,\n  "b": }\n'))).toMatch(
      /^This file is not valid JSON \(line 3, column 8\)/,
    );
    expect(refusal(() => detectText('{"a": 1 "b": 2}'))).toMatch(
      /^This file is not valid JSON \(line 1, column 9\)/,
    );
    expect(refusal(() => detectText('[\n{"a": [1, 2'))).toMatch(
      /^This file is not valid JSON \(line 2, column 12\)/,
    );
  });

  it('refuses text with no columns, quoting its first line', () => {
    expect(refusal(() => detectText('just some notes\nmore notes\n'))).toMatch(
      /its first line, “just some notes”, has no columns/,
    );
  });
});

describe('parseFile', () => {
  it('reads the SIPRI India file from its bytes', () => {
    const outcome = parseFile(fixtureBytes(FIXTURES.indiaRecipient), {
      ...context,
      fileName: FIXTURES.indiaRecipient,
    });
    expect(outcome.kind).toBe('parsed');
    if (outcome.kind !== 'parsed') return;
    expect(outcome.result.detected.description).toBe(
      'SIPRI trade register, classic layout, 764 rows, data generated 13 Mar 2025, windows-1252',
    );
    expect(outcome.result.deals.length + outcome.result.rejected.length).toBe(764);
  });

  it('reads a bare JSON array of the tracker’s deals as its export', () => {
    const deals = parseSipriClassic(recipient.text, recipient.encoding, context).deals.map((d) => d.deal);
    const outcome = parseFile(utf8(JSON.stringify(deals.slice(0, 5))), {
      ...context,
      fileName: 'deals.json',
    });
    expect(outcome.kind === 'parsed' && outcome.result.deals.map((d) => d.deal)).toEqual(deals.slice(0, 5));
  });

  it('hands a CSV of unknown columns to the mapping step with its table', () => {
    const outcome = parseFile(utf8('name,country\nRafale,France\n'), { ...context, fileName: 'x.csv' });
    expect(outcome.kind).toBe('needs-mapping');
    if (outcome.kind !== 'needs-mapping') return;
    expect(outcome.detected.format).toBe('csv');
    expect(outcome.table.header).toEqual(['name', 'country']);
  });

  it('refuses binary and empty files before detecting anything', () => {
    expect(refusal(() => parseFile(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d]), context))).toMatch(/PDF/);
    expect(refusal(() => parseFile(new Uint8Array(), context))).toMatch(/empty/);
  });
});
