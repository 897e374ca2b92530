import { describe, expect, it } from 'vitest';
import { makeDeal } from '../../test/deal-fixtures';
import { dealsToJson } from '../export/csv-export';
import { isOwnJson, parseOwnJson } from './own-json';
import { UnreadableFile, type ParseContext } from './types';

const context: ParseContext = { fileName: 'backup.json', importedAt: '2026-12-02T07:00:00.000Z' };
const parse = (value: unknown) =>
  parseOwnJson(typeof value === 'string' ? value : JSON.stringify(value), 'UTF-8', context);

const a = makeDeal({ id: 'a', title: 'First' });
const b = makeDeal({ id: 'b', title: 'Second', system: { name: 'MQ-9B', category: 'uav' } });
const signedB = makeDeal({
  ...b,
  milestones: [{ kind: 'signature', date: '2024-10-15', label: 'Signed', sourceIds: ['src'] }],
});
const backup = (deals: { data: unknown; deleted?: boolean }[]) => ({
  format: 'dpt-backup',
  version: 1,
  exportedAt: '2026-12-01T10:00:00.000Z',
  dataset: 'seed',
  deals: deals.map(({ data, deleted = false }, i) => ({ revision: i + 1, deleted, data })),
});

describe('the app’s JSON export read back', () => {
  it('reads each deal with its path, keyed by its id first', () => {
    const result = parse(dealsToJson([a, signedB]));
    expect(result.detected).toMatchObject({ format: 'dpt-json', rowCount: 2 });
    expect(result.detected.description).toBe('Defence Procurement Tracker JSON export, 2 deals, UTF-8');
    expect(result.deals.map((d) => [d.deal.id, d.places])).toEqual([
      ['a', ['data[0]']],
      ['b', ['data[1]']],
    ]);
    expect(result.deals[0]!.matchKeys).toEqual(['id:a']);
    expect(result.deals[1]!.matchKeys).toEqual(['id:b', 'deal:US|IN|mq9b|2024']);
  });

  it('keys a deal that came from a register by its register id too', () => {
    const sipri = makeDeal({
      id: 's',
      origin: {
        format: 'sipri-classic',
        publisher: 'SIPRI',
        file: 'trade-register.csv',
        importedAt: '2026-12-01T10:00:00.000Z',
        externalId: '12345',
      },
    });
    expect(parse(dealsToJson([sipri])).deals[0]!.matchKeys).toEqual(['id:s', 'sipri:12345']);
  });

  it('rejects an invalid record with its path and the schema’s message, and reads the rest', () => {
    const broken = { ...a, id: 'c', buyerCountries: ['India'] };
    const result = parse({ data: [a, broken, signedB] });
    expect(result.deals.map((d) => d.deal.id)).toEqual(['a', 'b']);
    expect(result.rejected).toEqual([
      { place: 'data[1]', reason: expect.stringContaining('buyerCountries[0]: expected an ISO') as string },
    ]);
  });

  it('rejects a second record with an id already read', () => {
    const result = parse({ data: [a, { ...signedB, id: 'a' }] });
    expect(result.deals).toHaveLength(1);
    expect(result.rejected).toEqual([
      { place: 'data[1]', reason: 'duplicate id "a": data[0] has it and is imported' },
    ]);
  });
});

describe('the backup read back', () => {
  it('takes each deal’s data, skips deleted ones with a warning, and rejects a bad one by its path', () => {
    const result = parse(
      backup([{ data: a }, { data: b, deleted: true }, { data: { id: 'x' } }, { data: signedB }]),
    );
    expect(result.detected.label).toBe('Defence Procurement Tracker backup');
    expect(result.detected.description).toContain('exported 2026-12-01');
    expect(result.deals.map((d) => [d.deal.id, d.places])).toEqual([
      ['a', ['deals[0].data']],
      ['b', ['deals[3].data']],
    ]);
    expect(result.warnings).toEqual([expect.stringMatching(/^1 deleted deal was skipped \(deals\[1\]\)/)]);
    expect(result.rejected).toHaveLength(1);
    expect(result.rejected[0]!.place).toBe('deals[2].data');
    expect(result.rejected[0]!.reason).toContain('title');
  });
});

describe('isOwnJson and what is not an export', () => {
  it.each([
    ['a deals export', { data: [a] }, true],
    ['an empty export', { data: [] }, true],
    ['a backup', backup([]), true],
    ['an OCDS package', { version: '1.1', releases: [] }, false],
    ['another API’s data array', { data: [{ name: 'x' }] }, false],
    ['an array', [a], false],
    ['a string', 'deals', false],
  ])('%s → %s', (_what, value, expected) => {
    expect(isOwnJson(value)).toBe(expected);
  });

  it.each([
    ['not JSON', '{"data": [', /not valid JSON/],
    ['JSON that is no export', '{"releases": []}', /not an export of this tracker/],
  ])('refuses %s with a clear message', (_what, text, message) => {
    expect(() => parse(text)).toThrow(UnreadableFile);
    expect(() => parse(text)).toThrow(message);
  });
});
