import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import seedRecords from '../../seeds/deals.json';
import { Deal, parseDealList } from '../domain';
import { generateSyntheticDeals } from '../domain/synthetic/synthetic';
import { compileFastParse, StringPool, UNSURE } from './fast-parse';

const fast = compileFastParse(Deal);
const seeds = seedRecords as unknown[];
const json = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** Every path to a value inside a record: where a broken server's damage can be. */
function paths(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (typeof value !== 'object' || value === null) return [at];
  const keys = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  return [at, ...keys.flatMap((key) => paths((value as Record<string, unknown>)[key], [...at, key]))];
}

// Values that sit at the edges of the schema: blanks, padded text, wrong types, out-of-range numbers,
// slugs and codes of the wrong case, dates that do not exist.
const edgeValue = fc.oneof(
  fc.constantFrom(
    '',
    '  padded  ',
    ' ',
    'mq-9b',
    'MQ-9B',
    'IN',
    'in',
    'USD',
    '2024',
    '2024-02-30',
    '1899',
    'navy',
    'purchase',
    'confirmed',
    0,
    1,
    -1,
    1.5,
    1e13,
    1e14,
    1_000_001,
    Number.NaN,
    true,
    null,
    [],
    {},
    [''],
    ['src'],
  ),
  fc.anything(),
);

type Change = { kind: 'set'; value: unknown } | { kind: 'delete' } | { kind: 'extra' };
const change = fc.oneof(
  edgeValue.map((value): Change => ({ kind: 'set', value })),
  fc.constant<Change>({ kind: 'delete' }),
  fc.constant<Change>({ kind: 'extra' }),
);

/** A seed deal with up to three places changed: the likeliest kinds of breakage, and some harmless ones. */
const damaged = fc
  .tuple(fc.nat(seeds.length - 1), fc.array(fc.tuple(fc.nat(), change), { minLength: 1, maxLength: 3 }))
  .map(([which, changes]) => {
    const record = json(seeds[which]) as Record<string, unknown>;
    for (const [pick, c] of changes) {
      const all = paths(record).filter((p) => p.length > 0);
      const path = all[pick % all.length]!;
      const parent = path.slice(0, -1).reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], record);
      if (typeof parent !== 'object' || parent === null) continue;
      const key = path[path.length - 1]!;
      const holder = parent as Record<string | number, unknown>;
      if (c.kind === 'set') holder[key] = c.value;
      else if (c.kind === 'delete' && !Array.isArray(parent)) delete holder[key];
      else if (c.kind === 'extra' && !Array.isArray(parent)) holder.unexpectedKey = 'dropped';
    }
    return record;
  });

describe('the fast path agrees with the zod schema', () => {
  it('accepts every seed and synthetic deal, giving exactly what zod gives', () => {
    const records = [...seeds, ...json(generateSyntheticDeals({ size: 500, seed: 7 }))];
    // With a pool of strings shared over the whole list, as a load uses it, and without.
    const pool = new StringPool();
    for (const record of records) {
      const parsed = Deal.safeParse(record);
      expect(parsed.success).toBe(true);
      expect(fast(record)).toStrictEqual(parsed.data);
      expect(fast(record, pool)).toStrictEqual(parsed.data);
    }
    expect(pool.size).toBeGreaterThan(0);
  });

  it('leaves a count that is not a whole number to zod, which rejects it', () => {
    // Found by the property below (seed -506131603): z.int()'s format is the schema's own check.
    const record = json(seeds.find((r) => (r as { id: string }).id === 'ah-64e-iaf-2015')) as {
      quantity: { allocations: { count: number }[] };
    };
    record.quantity.allocations[0]!.count = 1.5;
    expect(fast(record)).toBe(UNSURE);
    expect(Deal.safeParse(record).success).toBe(false);
  });

  it('on a damaged record, either accepts what zod accepts, as zod returns it, or leaves it to zod', () => {
    let accepted = 0;
    let unsure = 0;
    fc.assert(
      fc.property(damaged, (record) => {
        const result = fast(record, new StringPool());
        const parsed = Deal.safeParse(record);
        if (result === UNSURE) {
          unsure += 1;
        } else {
          accepted += 1;
          expect(parsed.success).toBe(true);
          expect(result).toStrictEqual(parsed.data);
        }
      }),
      { numRuns: 2000 },
    );
    // Both sides were exercised: harmless changes (extra keys, a valid value) and real damage.
    expect(accepted).toBeGreaterThan(50);
    expect(unsure).toBeGreaterThan(50);
  });

  it('never accepts what zod rejects, for anything at all', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        const result = fast(value);
        if (result !== UNSURE) expect(Deal.safeParse(value).data).toStrictEqual(result);
      }),
    );
  });

  it('a padded title comes back trimmed, a missing default filled in, an unknown key dropped', () => {
    const record = json(seeds[0]) as Record<string, unknown>;
    record.title = `  ${String(record.title)}  `;
    delete record.routes;
    record.unexpectedKey = 1;
    const result = fast(record);
    expect(result).not.toBe(UNSURE);
    expect(result).toStrictEqual(Deal.safeParse(record).data);
    expect(result).toMatchObject({ title: String(record.title).trim(), routes: [] });
    expect(result).not.toHaveProperty('unexpectedKey');
  });

  it('leaves a record that breaks a cross-field rule to zod, which names the rule', () => {
    const record = json(seeds[0]) as { headlineFigureId?: string };
    record.headlineFigureId = 'no-such-figure';
    expect(fast(record)).toBe(UNSURE);
    const { rejected } = parseDealList([record]);
    expect(rejected[0]?.reason).toMatch(/headline figure "no-such-figure"/);
  });
});
