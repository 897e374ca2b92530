import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { RejectedRecord } from '../model/parse-deals';
import { rejectedRecordsCsv } from './rejected-csv';

const parse = (csv: string) =>
  Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;

describe('rejectedRecordsCsv', () => {
  it('writes a header and one row per rejected record, with a BOM and CRLF line ends', () => {
    const csv = rejectedRecordsCsv([
      { index: 3, id: 'mq-9b-2024', reason: 'status: Invalid option' },
      { index: 7, reason: 'id: Expected string' },
    ]);
    expect(csv).toBe(
      '\uFEFFindex,id,reason\r\n3,mq-9b-2024,status: Invalid option\r\n7,,id: Expected string\r\n',
    );
  });

  it('quotes commas, quotes and line breaks as RFC 4180 does, so a spreadsheet reads them back', () => {
    const reason = 'title: "too long", see\nline two';
    const rows = parse(rejectedRecordsCsv([{ index: 0, id: 'a,b', reason }]));
    expect(rows).toEqual([
      ['index', 'id', 'reason'],
      ['0', 'a,b', reason],
    ]);
  });

  it('neutralises cells a spreadsheet would run as a formula', () => {
    const rows = parse(
      rejectedRecordsCsv([{ index: 1, id: '=HYPERLINK("http://x")', reason: '+cmd|/c calc' }]),
    );
    expect(rows[1]).toEqual(['1', `'=HYPERLINK("http://x")`, `'+cmd|/c calc`]);
  });

  it('writes every one of 10,000 rejected records, in order', () => {
    const rejected: RejectedRecord[] = Array.from({ length: 10_000 }, (_, i) => ({
      index: i * 2,
      id: `deal-${i}`,
      reason: 'sources: Too small',
    }));
    const rows = parse(rejectedRecordsCsv(rejected));
    expect(rows).toHaveLength(10_001);
    expect(rows[10_000]).toEqual(['19998', 'deal-9999', 'sources: Too small']);
  });
});
