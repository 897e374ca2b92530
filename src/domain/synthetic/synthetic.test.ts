import { describe, expect, it } from 'vitest';
import { Deal } from '../model/deal-schema';
import { generateSyntheticDeals, mulberry32, SYNTHETIC_SIZE_LIMIT } from './synthetic';
import { DEAL_KINDS, DEAL_STATUSES } from '../model/vocabulary';
import { slippage } from '../money-dates/slippage';

describe('generateSyntheticDeals', () => {
  it('makes records that pass the same schema and invariants as the seed data', () => {
    const deals = generateSyntheticDeals({ size: 2000, seed: 1 });
    const failures = deals
      .map((deal) => ({ id: deal.id, result: Deal.safeParse(deal) }))
      .filter(({ result }) => !result.success)
      .map(({ id, result }) => `${id}: ${result.error?.message}`);
    expect(failures).toEqual([]);
    expect(deals).toHaveLength(2000);
  });

  it('gives the same records for the same seed and different ones for another seed', () => {
    const a = generateSyntheticDeals({ size: 50, seed: 42 });
    expect(generateSyntheticDeals({ size: 50, seed: 42 })).toEqual(a);
    const other = generateSyntheticDeals({ size: 50, seed: 43 });
    expect(other.map((d) => d.title)).not.toEqual(a.map((d) => d.title));
  });

  it('keeps record i the same whatever size is asked for, so a small set is a prefix of a large one', () => {
    const small = generateSyntheticDeals({ size: 30, seed: 9 });
    const large = generateSyntheticDeals({ size: 3000, seed: 9 });
    expect(large.slice(0, 30)).toEqual(small);
  });

  it('labels every record as synthetic in its flag, title and only source', () => {
    for (const deal of generateSyntheticDeals({ size: 300 })) {
      expect(deal.synthetic).toBe(true);
      expect(deal.title.startsWith('Synthetic: ')).toBe(true);
      expect(deal.sources).toHaveLength(1);
      expect(deal.sources[0]!.title).toMatch(/synthetic/i);
    }
  });

  it('has unique ids at 100,000 records', () => {
    const deals = generateSyntheticDeals({ size: 100_000 });
    expect(new Set(deals.map((d) => d.id)).size).toBe(100_000);
    expect(deals[99_999]!.id).toBe('syn-100000');
  });

  it('covers every kind and status, and leaves some values unknown rather than zero', () => {
    const deals = generateSyntheticDeals({ size: 10_000 });
    expect(new Set(deals.map((d) => d.kind))).toEqual(new Set(DEAL_KINDS));
    expect(new Set(deals.map((d) => d.status))).toEqual(new Set(DEAL_STATUSES));
    const withoutFigures = deals.filter((d) => d.figures.length === 0).length / deals.length;
    const withoutQuantity = deals.filter((d) => !d.quantity).length / deals.length;
    expect(withoutFigures).toBeGreaterThan(0.1);
    expect(withoutFigures).toBeLessThan(0.35);
    expect(withoutQuantity).toBeGreaterThan(0.05);
    expect(deals.flatMap((d) => d.figures).every((f) => f.amount > 0)).toBe(true);
    expect(deals.some((d) => d.figures.some((f) => f.currency === 'INR'))).toBe(true);
  });

  it('gives some milestones a synthetic plan, cited to the synthetic source, that slipped, held or ran early', () => {
    const milestones = generateSyntheticDeals({ size: 2000 }).flatMap((d) => d.milestones);
    const planned = milestones.filter((m) => m.planned);
    expect(planned.length / milestones.length).toBeGreaterThan(0.05);
    expect(planned.length / milestones.length).toBeLessThan(0.5);
    for (const m of planned) {
      expect(m.planned!.sourceIds).toEqual(['synthetic']);
      expect(m.planned!.note).toMatch(/synthetic/i);
    }
    const seenFrom = new Date('2040-01-01T00:00:00Z');
    const directions = new Set(planned.map((m) => slippage(m.planned!.date, m.date, seenFrom)!.direction));
    expect(directions).toEqual(new Set(['late', 'early', 'on-time', 'unclear']));
  });

  it('refuses sizes it cannot make', () => {
    expect(() => generateSyntheticDeals({ size: -1 })).toThrow(RangeError);
    expect(() => generateSyntheticDeals({ size: 1.5 })).toThrow(RangeError);
    expect(() => generateSyntheticDeals({ size: SYNTHETIC_SIZE_LIMIT + 1 })).toThrow(RangeError);
    expect(generateSyntheticDeals({ size: 0 })).toEqual([]);
  });
});

describe('mulberry32', () => {
  it('repeats for a seed and stays in [0, 1)', () => {
    const a = mulberry32(5);
    const b = mulberry32(5);
    const values = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(values);
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
    expect(new Set(values).size).toBeGreaterThan(990);
  });
});
