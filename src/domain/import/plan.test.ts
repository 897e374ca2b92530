import { describe, expect, it } from 'vitest';
import seedRecords from '../../../seeds/deals.json';
import { Deal, type DealInput } from '../model/deal-schema';
import { parseDeals } from '../model/parse-deals';
import { compositeKey } from './match-keys';
import {
  buildImportPlan,
  compositePrefix,
  dealPrefix,
  existingKeys,
  importPlanSteps,
  mergeImported,
  type ExistingDeal,
} from './plan';
import { ImportCancelled, type ParseResult, type ParsedDeal } from './types';

const seeds = parseDeals(seedRecords).deals;
const existing: ExistingDeal[] = seeds.map((deal) => ({ deal, revision: 1 }));
const mq9b = seeds.find((d) => d.id === 'mq-9b-2024')!;

const IMPORTED_AT = '2026-12-01T09:00:00.000Z';
const ORIGIN = {
  format: 'sipri-classic' as const,
  publisher: 'SIPRI',
  file: 'trade-register.csv',
  generated: '2025-03-13',
  importedAt: IMPORTED_AT,
  rights: '(c) SIPRI',
};

/** A SIPRI-register record as a parser would give it. */
function sipriDeal(id: string, line: number, overrides: Partial<DealInput> = {}): Deal {
  return Deal.parse({
    id,
    title: `SIPRI record ${id}`,
    summary: 'From the SIPRI trade register.',
    kind: 'purchase',
    status: 'in-delivery',
    buyerCountries: ['IN'],
    supplierCountries: ['US'],
    system: { name: 'MQ-9B', category: 'uav' },
    sources: [
      { id: 'sipri-register', title: 'SIPRI trade register', publisher: 'SIPRI', date: '2025-03-13' },
    ],
    milestones: [{ kind: 'signature', date: '2024', label: 'Order', sourceIds: ['sipri-register'] }],
    origin: { ...ORIGIN, rows: [line], externalId: id.replace('sipri-', '') },
    ...overrides,
  });
}

function parsedOf(deal: Deal, places: number[]): ParsedDeal {
  const keys = [`sipri:${deal.origin!.externalId!}`, `id:${deal.id}`];
  const composite = compositeKey(deal);
  if (composite) keys.push(composite);
  return { deal, places, matchKeys: keys };
}

function fileOf(deals: ParsedDeal[], rejected: ParseResult['rejected'] = []): ParseResult {
  return {
    detected: {
      format: 'sipri-classic',
      label: 'SIPRI trade register, classic layout',
      encoding: 'UTF-8',
      rowCount: deals.length + rejected.length,
      description: 'SIPRI trade register',
    },
    deals,
    rejected,
    warnings: [],
  };
}

// Matches the seeds' MQ-9B deal by supplier, recipient, system and order year, and adds SIPRI's facts.
const mq9bFromSipri = sipriDeal('sipri-70001', 14, {
  title: 'MQ-9B (SIPRI)',
  quantity: {
    total: 31,
    unit: 'UAV',
    sourceIds: ['sipri-register'],
    delivered: { count: 2, sourceIds: ['sipri-register'] },
  },
  tiv: { perUnit: 30, order: 930, sourceIds: ['sipri-register'] },
  figures: [
    {
      id: 'usd-sipri-comment',
      amount: 4.1e9,
      currency: 'USD',
      kind: 'estimate',
      asOf: '2025-03-13',
      sourceIds: ['sipri-register'],
    },
  ],
  headlineFigureId: 'usd-sipri-comment',
  milestones: [
    { kind: 'signature', date: '2024-10-15', label: 'Order', sourceIds: ['sipri-register'] },
    { kind: 'first-delivery', date: '2029', label: 'First delivery', sourceIds: ['sipri-register'] },
  ],
});

describe('the import plan', () => {
  it('counts new, matching and rejected rows, and lists what would change', () => {
    expect(compositeKey(mq9bFromSipri)).toBe(compositeKey(mq9b));
    const fresh = sipriDeal('sipri-70002', 15, { system: { name: 'Harpoon', category: 'missile' } });
    const plan = buildImportPlan(
      fileOf([parsedOf(mq9bFromSipri, [14]), parsedOf(fresh, [15])], [{ place: 16, reason: 'no supplier' }]),
      existing,
    );
    expect(plan.rowsRead).toBe(3);
    expect(plan.added.map((p) => p.deal.id)).toEqual(['sipri-70002']);
    expect(plan.rejected).toEqual([{ place: 16, reason: 'no supplier' }]);
    expect(plan.unchanged).toBe(0);
    expect(plan.updated).toHaveLength(1);
    const [update] = plan.updated;
    expect(update).toMatchObject({ existingId: 'mq-9b-2024', revision: 1, places: [14] });
    expect(update!.matchedBy).toBe(compositeKey(mq9b));
    const after = update!.after;
    // Nothing the analyst entered is lost or overwritten.
    expect(after.title).toBe(mq9b.title);
    expect(after.summary).toBe(mq9b.summary);
    expect(after.headlineFigureId).toBe(mq9b.headlineFigureId);
    expect(after.quantity?.total).toBe(mq9b.quantity?.total);
    for (const s of mq9b.sources) expect(after.sources).toContainEqual(s);
    for (const f of mq9b.figures) expect(after.figures).toContainEqual(f);
    // The file's facts are beside them.
    expect(after.sources.at(-1)).toMatchObject({ publisher: 'SIPRI', title: 'SIPRI trade register' });
    expect(after.figures.map((f) => f.id)).toContain('usd-sipri-comment');
    expect(after.tiv).toMatchObject({ order: 930 });
    expect(after.origin).toMatchObject({ format: 'sipri-classic', externalId: '70001' });
    expect(after.quantity?.delivered?.count).toBe(2);
    expect(after.milestones.filter((m) => m.kind === 'first-delivery').map((m) => m.date)).toContain('2029');
    expect(Deal.safeParse(after).success).toBe(true);
    const labels = update!.changes.map((c) => c.path.join('.'));
    expect(labels).toEqual(expect.arrayContaining(['tiv', 'origin', 'figures.usd-sipri-comment']));
    expect(labels).not.toContain('title');
  });

  it('counts a match the file would not change as unchanged (importing twice changes nothing)', () => {
    const first = buildImportPlan(fileOf([parsedOf(mq9bFromSipri, [14])]), existing);
    const after = first.updated[0]!.after;
    const now = existing.map((e) => (e.deal.id === after.id ? { deal: after, revision: 2 } : e));
    const again = buildImportPlan(
      fileOf([
        parsedOf(
          {
            ...mq9bFromSipri,
            origin: { ...ORIGIN, rows: [14], externalId: '70001', importedAt: '2026-12-02T09:00:00.000Z' },
          },
          [14],
        ),
      ]),
      now,
    );
    expect(again.updated.flatMap((u) => u.changes.map((c) => c.label))).toEqual([]);
    expect(again.added).toEqual([]);
    expect(again.unchanged).toBe(1);
  });

  it('replaces the register’s facts on a re-import and keeps what the analyst added', () => {
    const imported = sipriDeal('sipri-80001', 20, {
      system: { name: 'Javelin', category: 'missile' },
      quantity: { total: 10, unit: 'missiles', sourceIds: ['sipri-register'] },
    });
    // The analyst added a source and a figure citing it.
    const kept: Deal = Deal.parse({
      ...imported,
      sources: [...imported.sources, { id: 'pib-2025', title: 'Press release', publisher: 'PIB' }],
      figures: [
        {
          id: 'inr-pib',
          amount: 1e9,
          currency: 'INR',
          kind: 'signed',
          asOf: '2025-01',
          sourceIds: ['pib-2025'],
        },
      ],
      headlineFigureId: 'inr-pib',
    });
    const newer = sipriDeal('sipri-80001', 31, {
      title: 'Javelin (SIPRI, revised)',
      system: { name: 'Javelin', category: 'missile' },
      quantity: { total: 12, unit: 'missiles', sourceIds: ['sipri-register'] },
    });
    const plan = buildImportPlan(fileOf([parsedOf(newer, [31])]), [{ deal: kept, revision: 4 }]);
    expect(plan.updated).toHaveLength(1);
    const { after, revision, matchedBy } = plan.updated[0]!;
    expect(matchedBy).toBe('sipri:80001');
    expect(revision).toBe(4);
    // The title is the analyst's to keep; the register's count is the register's to revise.
    expect(after.title).toBe(kept.title);
    expect(after.quantity?.total).toBe(12);
    expect(after.sources.map((s) => s.id)).toEqual(['pib-2025', 'sipri-register']);
    expect(after.figures.map((f) => f.id)).toEqual(['inr-pib']);
    expect(after.headlineFigureId).toBe('inr-pib');
  });

  it('rejects a merge the schema refuses, with the reason, and imports the rest', () => {
    const base = sipriDeal('sipri-90001', 40, {
      system: { name: 'Stinger', category: 'missile' },
      quantity: { total: 10, unit: 'missiles', sourceIds: ['sipri-register'] },
      endUser: { services: ['navy'], sourceIds: ['sipri-register'] },
    });
    const incoming = sipriDeal('sipri-90001', 41, {
      system: { name: 'Stinger', category: 'missile' },
      quantity: {
        total: 10,
        unit: 'missiles',
        allocations: [{ service: 'army', count: 4 }],
        sourceIds: ['sipri-register'],
      },
    });
    const plan = buildImportPlan(fileOf([parsedOf(incoming, [41])]), [{ deal: base, revision: 1 }]);
    expect(plan.updated).toEqual([]);
    expect(plan.rejected).toHaveLength(1);
    expect(plan.rejected[0]!.place).toBe(41);
    expect(plan.rejected[0]!.reason).toMatch(/not an end user/);
  });

  it('uses the first of several rows that match one deal and reports the others with their lines', () => {
    const again = { ...mq9bFromSipri, origin: { ...mq9bFromSipri.origin!, rows: [90] } };
    const plan = buildImportPlan(fileOf([parsedOf(mq9bFromSipri, [14]), parsedOf(again, [90])]), existing);
    expect(plan.updated.map((u) => u.places)).toEqual([[14]]);
    expect(plan.rejected).toHaveLength(1);
    expect(plan.rejected[0]).toMatchObject({ place: 90 });
    expect(plan.rejected[0]!.reason).toMatch(/line 14/);
    expect(plan.warnings.join(' ')).toMatch(/Line 90 and line 14 match the same deal “mq-9b-2024”/);
  });

  it('compares a row that matches several deals with the one of the smallest id, and says so', () => {
    const twin = Deal.parse({ ...mq9b, id: 'a-twin-of-mq-9b', title: 'A twin' });
    const plan = buildImportPlan(fileOf([parsedOf(mq9bFromSipri, [14])]), [
      ...existing,
      { deal: twin, revision: 3 },
    ]);
    expect(plan.updated.map((u) => [u.existingId, u.revision])).toEqual([['a-twin-of-mq-9b', 3]]);
    expect(plan.warnings.join(' ')).toMatch(/Line 14 matches 2 deals .*“a-twin-of-mq-9b”, “mq-9b-2024”/);
  });

  it('gives a new record whose id is taken a free id, and says so', () => {
    const clash = sipriDeal('mq-9b-2024', 50, { system: { name: 'Sea Sparrow', category: 'missile' } });
    const plan = buildImportPlan(
      fileOf([{ deal: clash, places: [50], matchKeys: ['sipri:none'] }]),
      existing,
    );
    expect(plan.added.map((p) => p.deal.id)).toEqual(['mq-9b-2024-2']);
    expect(plan.warnings[0]).toMatch(/Line 50: the id “mq-9b-2024” is taken/);
  });

  it('finds an existing deal by its register id, then by its deal id', () => {
    const imported = sipriDeal('sipri-12', 3);
    expect(existingKeys(imported).slice(0, 2)).toEqual(['sipri:12', 'id:sipri-12']);
    const byId = buildImportPlan(
      fileOf([{ deal: { ...mq9b, summary: 'A new summary.' }, places: [2], matchKeys: ['id:mq-9b-2024'] }]),
      existing,
    );
    // Into a hand-kept deal, a summary is never overwritten: nothing changes.
    expect(byId.unchanged).toBe(1);
  });

  it('runs in chunks with progress, and stops when cancelled', () => {
    const many = Array.from({ length: 50 }, (_, i) =>
      parsedOf(
        sipriDeal(`sipri-${1000 + i}`, i + 2, { system: { name: `System ${i}`, category: 'other' } }),
        [i + 2],
      ),
    );
    const progress: number[] = [];
    const plan = buildImportPlan(fileOf(many), existing, {
      chunkSize: 20,
      onProgress: (done) => progress.push(done),
    });
    expect(progress).toEqual([20, 40, 50]);
    expect(plan.added).toHaveLength(50);
    const steps = importPlanSteps(fileOf(many), existing, { chunkSize: 20 });
    expect(steps.next()).toEqual({ done: false, value: { done: 20, total: 50 } });
    expect(() => buildImportPlan(fileOf(many), existing, { chunkSize: 20, cancelled: () => true })).toThrow(
      ImportCancelled,
    );
  });

  it('merges into a hand-kept deal without touching its title, and keeps source and figure ids unique', () => {
    const clashing = sipriDeal('sipri-5', 7, {
      sources: [{ id: 'dawn-2024', title: 'Another source of the same id', publisher: 'SIPRI' }],
      figures: [
        {
          id: 'usd-signed-pti',
          amount: 1e9,
          currency: 'USD',
          kind: 'estimate',
          asOf: '2025',
          sourceIds: ['dawn-2024'],
        },
      ],
      headlineFigureId: 'usd-signed-pti',
      milestones: [],
    });
    const merged = mergeImported(mq9b, clashing);
    expect(Deal.safeParse(merged).success).toBe(true);
    expect(merged.title).toBe(mq9b.title);
    const added = merged.figures.at(-1)!;
    expect(added.id).toBe('usd-signed-pti-2');
    expect(added.sourceIds).toEqual(['dawn-2024-2']);
    expect(merged.headlineFigureId).toBe(mq9b.headlineFigureId);
  });

  it('prefilters composite matches by countries and year exactly as the composite key reads them', () => {
    const keyed = seeds.filter((deal) => compositeKey(deal) !== undefined);
    expect(keyed.length).toBeGreaterThan(0);
    for (const deal of keyed) expect(dealPrefix(deal)).toBe(compositePrefix(compositeKey(deal)!));
    for (const deal of seeds.filter((d) => compositeKey(d) === undefined))
      expect(dealPrefix(deal)).toBeUndefined();
  });
});
