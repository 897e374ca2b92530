import { describe, expect, it } from 'vitest';
import { decodeBytes } from './decode';
import { generateSipri2025 } from './generate-sipri';
import { compositeKey } from './match-keys';
import { parseSipri2025, SIPRI_2025_COLUMNS } from './sipri-2025';
import { parseSipriClassic } from './sipri-classic';
import { FIXTURES, fixtureBytes } from './sipri-test-helpers';
import { ImportCancelled, type ParseContext } from './types';

const context: ParseContext = { fileName: FIXTURES.sample2025, importedAt: '2026-12-02T08:00:00.000Z' };
const sample = decodeBytes(fixtureBytes(FIXTURES.sample2025));
const result = parseSipri2025(sample.text, sample.encoding, context);
const byId = (id: string) => result.deals.find((d) => d.deal.origin?.externalId === id)!;
const sampleLines = sample.text.split('\n');
const dataLines = sampleLines.slice(12).filter((line) => line.trim() !== '');

describe('the 2025-layout sample (a re-layout of India-from-US rows)', () => {
  it('says what the file is', () => {
    expect(result.detected.description).toBe(
      `SIPRI trade register, 2025 layout, ${dataLines.length} rows, data generated 13 Mar 2025, UTF-8`,
    );
    expect(result.rejected).toEqual([]);
  });

  it('merges the rows of one ID into one deal, its deliveries as milestones', () => {
    const ids = new Set(dataLines.map((line) => line.split(',')[0]));
    expect(result.deals).toHaveLength(ids.size);
    const c17 = byId('TEST-003');
    const lines = dataLines.filter((l) => l.startsWith('TEST-003,')).map((l) => sampleLines.indexOf(l) + 1);
    expect(lines).toHaveLength(2);
    expect(c17.places).toEqual(lines);
    expect(c17.deal.origin?.rows).toEqual(lines);
    expect(c17.deal.milestones.map((m) => [m.kind, m.date])).toEqual([
      ['signature', '2011'],
      ['first-delivery', '2013'],
      ['delivery', '2014'],
    ]);
    expect(c17.matchKeys).toEqual(['sipri:TEST-003', compositeKey(c17.deal)]);
  });

  it('turns a Yes estimate flag into "unconfirmed"', () => {
    expect(byId('TEST-002').deal.milestones[0]).toMatchObject({
      kind: 'signature',
      confidence: 'unconfirmed',
    });
    expect(byId('TEST-001').deal.milestones[0]).toMatchObject({ kind: 'signature', confidence: 'confirmed' });
    expect(byId('TEST-005').deal.milestones[1]).toMatchObject({
      kind: 'delivery',
      confidence: 'unconfirmed',
    });
  });

  it('has no money and no quantity (the layout gives neither), and keeps TIV as TIV', () => {
    for (const { deal } of result.deals) {
      expect(deal.figures).toEqual([]);
      expect(deal.quantity).toBeUndefined();
    }
    expect(byId('TEST-006').deal.tiv).toEqual({ perUnit: 15, delivered: 45, sourceIds: ['sipri-at-db'] });
    expect(byId('TEST-004').deal.status).toBe('contract-signed');
    expect(byId('TEST-006').deal.status).toBe('in-delivery');
  });

  it('states the same orders as the classic rows it was laid out from', () => {
    const classic = decodeBytes(fixtureBytes(FIXTURES.indiaFromUs));
    const keys = new Set(
      parseSipriClassic(classic.text, classic.encoding, context).deals.map((d) => compositeKey(d.deal)),
    );
    for (const { deal } of result.deals) expect(keys.has(compositeKey(deal)), deal.title).toBe(true);
  });

  it('rejects a later row of an ID that disagrees with the first, naming both lines', () => {
    const header = sampleLines.slice(0, 12).join('\n');
    const row = dataLines[0]!;
    const other = row.replace('Harpoon Block-2', 'Harpoon Block-3').replace(',2018,', ',2019,');
    const parsed = parseSipri2025(`${header}\n${row}\n${other}\n`, 'UTF-8', context);
    expect(parsed.deals).toHaveLength(1);
    expect(parsed.rejected[0]!.reason).toBe(
      'Line 14: ID TEST-001 has Designation "Harpoon Block-3" here and "Harpoon Block-2" on line 13; one ID is one deal',
    );
  });
});

describe('generateSipri2025', () => {
  const generated = generateSipri2025(2000, 7);
  const parsed = parseSipri2025(generated.text, 'UTF-8', { ...context, fileName: 'synthetic.csv' });

  it('writes the rows asked for, the same for the same seed', () => {
    expect(generated.rows).toBe(2000);
    expect(generated.text.split('\n').filter((l) => l.startsWith('SYN-'))).toHaveLength(2000);
    expect(generateSipri2025(2000, 7).text).toBe(generated.text);
    expect(generated.text.split('\n')[11]).toBe(SIPRI_2025_COLUMNS.join(','));
  });

  it('parses to one synthetic deal per ID, none rejected', () => {
    expect(parsed.rejected).toEqual([]);
    expect(parsed.deals).toHaveLength(generated.deals);
    expect(parsed.detected.rowCount).toBe(2000);
    for (const { deal } of parsed.deals) {
      expect(deal.synthetic).toBe(true);
      expect(deal.system?.name).toMatch(/^Synthetic system \d+$/);
    }
  });

  it('stops with ImportCancelled when cancelled', () => {
    expect(() => parseSipri2025(generated.text, 'UTF-8', { ...context, cancelled: () => true })).toThrow(
      ImportCancelled,
    );
  });
});

describe('progress', () => {
  it('reports rows done of rows read while making the deals, ending at all of them', () => {
    const generated = generateSipri2025(1200, 3);
    const calls: [number, number][] = [];
    parseSipri2025(generated.text, 'UTF-8', {
      ...context,
      onProgress: (done, total) => calls.push([done, total]),
    });
    expect(calls.length).toBeGreaterThanOrEqual(3);
    expect(calls.every(([, total]) => total === 1200)).toBe(true);
    expect(calls.map(([done]) => done)).toEqual([...calls.map(([done]) => done)].sort((a, b) => a - b));
    expect(calls.at(-1)).toEqual([1200, 1200]);
  });
});
