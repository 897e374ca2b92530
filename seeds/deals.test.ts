import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeSlip, parseDeals, slippage, type Deal } from '../src/domain';
import { SEED } from './expected';

const seedDir = import.meta.dirname;
const seedFiles = readdirSync(seedDir).filter((name) => name.endsWith('.json'));

/** One line per failing record: file, record id and the field at fault, so an editor can fix it. */
function seedProblems(file: string, records: unknown): string[] {
  if (!Array.isArray(records)) return [`${file}: expected an array of deal records`];
  const problems = parseDeals(records).rejected.map(
    (r) => `${file} › ${r.id ?? `record #${r.index}`} › ${r.reason}`,
  );
  const ids = records.map((r: { id?: unknown }) => r.id);
  ids.forEach((id, i) => {
    if (ids.indexOf(id) !== i) problems.push(`${file} › ${String(id)} › id: used by more than one record`);
  });
  return problems;
}

function load(file: string): unknown {
  return JSON.parse(readFileSync(join(seedDir, file), 'utf8'));
}

const deals: Deal[] = parseDeals(load('deals.json') as unknown[]).deals;
const byId = (id: string) => deals.find((d) => d.id === id)!;

describe('seed files', () => {
  it('exist', () => {
    expect(seedFiles).toContain('deals.json');
  });

  it.each(seedFiles)('%s: every record passes the schema and its invariants', (file) => {
    expect(seedProblems(file, load(file))).toEqual([]);
  });

  it('cite a source for every figure, quantity and milestone, and link sources over https only', () => {
    for (const deal of deals) {
      expect(deal.synthetic, deal.id).toBeUndefined();
      for (const source of deal.sources) {
        if (source.url !== undefined) expect(source.url, `${deal.id} › ${source.id}`).toMatch(/^https:\/\//);
      }
      const cited = [
        ...deal.figures.flatMap((f) => f.sourceIds),
        ...(deal.quantity?.sourceIds ?? []),
        ...deal.milestones.flatMap((m) => [...m.sourceIds, ...(m.planned?.sourceIds ?? [])]),
      ];
      for (const id of cited)
        expect(
          deal.sources.map((s) => s.id),
          deal.id,
        ).toContain(id);
    }
  });

  it('never records an unknown amount as zero', () => {
    for (const figure of deals.flatMap((d) => d.figures)) expect(figure.amount).toBeGreaterThan(0);
  });
});

describe('the seed facts', () => {
  it('split the 31 MQ-9B drones 15 navy, 8 army, 8 air force', () => {
    const mq9b = byId('mq-9b-2024');
    expect(mq9b.system?.name).toBe('MQ-9B');
    expect(mq9b.quantity?.total).toBe(31);
    expect(mq9b.quantity?.allocations.map((a) => [a.service, a.count])).toEqual([
      ['navy', 15],
      ['army', 8],
      ['air-force', 8],
    ]);
  });

  it('keep every reported MQ-9B value, and mark the $3.5 billion as unconfirmed and not the headline', () => {
    const mq9b = byId('mq-9b-2024');
    const article = mq9b.figures.find((f) => f.amount === 3.5e9 && f.currency === 'USD');
    expect(article?.confidence).toBe('unconfirmed');
    expect(mq9b.headlineFigureId).not.toBe(article?.id);
    expect(mq9b.figures.find((f) => f.kind === 'notified')?.amount).toBe(3.99e9);
    expect(mq9b.figures.filter((f) => f.currency === 'INR').map((f) => f.amount)).toEqual([
      32_000e7, 34_500e7,
    ]);
  });

  it('record the F414 MoU for 99 engines and the SeaGuardian lease', () => {
    const f414 = byId('hal-ge-f414-mou-2023');
    expect(f414.kind).toBe('mou');
    expect(f414.quantity?.total).toBe(99);
    expect(f414.figures).toEqual([]);
    const lease = byId('mq-9b-seaguardian-lease-2020');
    expect(lease.kind).toBe('lease');
    expect(lease.quantity?.total).toBe(2);
  });
});

describe('the seed plans', () => {
  it('give a planned date only to the milestones facts.md gives a plan for, each with its slip', () => {
    const seenFrom = new Date('2025-12-01T12:00:00Z');
    const planned = deals.flatMap((deal) =>
      deal.milestones
        .filter((m) => m.planned)
        .map((m) => ({
          dealId: deal.id,
          kind: m.kind,
          planned: m.planned!.date,
          date: m.date,
          slip: describeSlip(slippage(m.planned!.date, m.date, seenFrom)!),
        })),
    );
    expect(planned).toEqual(SEED.plannedMilestones);
  });

  it('say for each plan how its source put it', () => {
    for (const deal of deals)
      for (const m of deal.milestones.filter((m) => m.planned)) {
        expect(m.planned!.sourceIds.length, deal.id).toBeGreaterThan(0);
        expect(m.planned!.note, `${deal.id} › ${m.kind}`).toBeTruthy();
      }
  });
});

describe('the seed check names the record and field that fail', () => {
  const good = (load('deals.json') as { id: string }[]).find((d) => d.id === 'mq-9b-2024')!;
  const broken = (change: (record: Record<string, unknown>) => void) => {
    const copy = structuredClone(good) as Record<string, unknown>;
    change(copy);
    return seedProblems('deals.json', [copy]);
  };

  it.each([
    [
      'allocations above the total',
      (r: Record<string, unknown>) => ((r.quantity as { total: number }).total = 20),
      /mq-9b-2024 › quantity\.allocations: allocations add up to 31, more than the total of 20/,
    ],
    [
      'a headline figure that is not among the figures',
      (r: Record<string, unknown>) => (r.headlineFigureId = 'nowhere'),
      /mq-9b-2024 › headlineFigureId: headline figure "nowhere"/,
    ],
    [
      'a date that does not exist',
      (r: Record<string, unknown>) => ((r.milestones as { date: string }[])[0]!.date = '2024-02-30'),
      /mq-9b-2024 › milestones\[0\]\.date: expected a date/,
    ],
    [
      'a figure citing no source',
      (r: Record<string, unknown>) => ((r.figures as { sourceIds: string[] }[])[1]!.sourceIds = []),
      /mq-9b-2024 › figures\[1\]\.sourceIds: cite at least one source/,
    ],
    [
      'a figure citing a source the deal does not list',
      (r: Record<string, unknown>) => ((r.figures as { sourceIds: string[] }[])[0]!.sourceIds = ['ghost']),
      /figures\[0\]\.sourceIds\[0\]: cites source "ghost"/,
    ],
    [
      'a planned date citing a source the deal does not list',
      (r: Record<string, unknown>) =>
        ((r.milestones as { planned?: unknown }[])[4]!.planned = { date: '2028', sourceIds: ['ghost'] }),
      /mq-9b-2024 › milestones\[4\]\.planned\.sourceIds\[0\]: cites source "ghost", which this deal does not list/,
    ],
    [
      'a planned date that does not exist',
      (r: Record<string, unknown>) =>
        ((r.milestones as { planned?: unknown }[])[4]!.planned = {
          date: '2029-13',
          sourceIds: ['etvbharat-2025'],
        }),
      /mq-9b-2024 › milestones\[4\]\.planned\.date: expected a date/,
    ],
    [
      'an unknown value written as zero',
      (r: Record<string, unknown>) => ((r.figures as { amount: number }[])[0]!.amount = 0),
      /mq-9b-2024 › figures\[0\]\.amount/,
    ],
  ])('%s', (_name, change, expected) => {
    expect(broken(change).join('\n')).toMatch(expected);
  });

  it('reports duplicate ids', () => {
    expect(seedProblems('deals.json', [good, good])).toEqual([
      'deals.json › mq-9b-2024 › id: used by more than one record',
    ]);
  });
});
