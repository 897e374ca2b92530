import { describe, expect, it } from 'vitest';
import seedRecords from '../../../seeds/deals.json';
import { parseDeals } from '../model/parse-deals';
import { makeDeal } from '../../test/deal-fixtures';
import { SEED } from '../../../seeds/expected';
import { aggregateDashboard } from './dashboard';
import { dateToYearFraction, timeline, todayAsYearFraction } from './timeline';

const seeds = parseDeals(seedRecords).deals;
const source = [{ id: 's', title: 'A source', publisher: 'A publisher' }];
const drone = makeDeal({
  id: 'drone',
  title: 'Drones',
  sources: source,
  milestones: [
    { kind: 'signature', date: '2024-10-15', label: 'Contract signed', sourceIds: ['s'] },
    { kind: 'first-delivery', date: '2029-01', label: 'First delivery', sourceIds: ['s'] },
  ],
});

const flags = (today: Date) =>
  timeline([drone], 50, today).rows[0]!.markers.map(
    (m) => `${m.label}: ${m.expected ? 'expected' : 'actual'}`,
  );

describe('timeline: planned dates against today', () => {
  it('marks a milestone after today as expected and one before it as actual', () => {
    expect(flags(new Date('2025-12-01T12:00:00Z'))).toEqual([
      'Contract signed: actual',
      'First delivery: expected',
    ]);
  });

  it('turns an expected milestone into an actual one once today passes it', () => {
    expect(flags(new Date('2030-06-01T00:00:00Z'))).toEqual([
      'Contract signed: actual',
      'First delivery: actual',
    ]);
    expect(flags(new Date('2020-01-01T00:00:00Z'))).toEqual([
      'Contract signed: expected',
      'First delivery: expected',
    ]);
  });

  it('judges a partial date where it is drawn, the middle of the month it names', () => {
    // "Jan 2029" sits at mid-January: expected on the 10th, on record from the 20th.
    expect(flags(new Date('2029-01-10T00:00:00Z'))[1]).toBe('First delivery: expected');
    expect(flags(new Date('2029-01-20T00:00:00Z'))[1]).toBe('First delivery: actual');
  });

  it('gives today on the chart axis, at day precision', () => {
    const morning = todayAsYearFraction(new Date('2026-03-04T01:00:00Z'));
    expect(morning).toBe(todayAsYearFraction(new Date('2026-03-04T23:00:00Z')));
    expect(morning).toBe(dateToYearFraction('2026-03-04'));
    expect(timeline([drone], 50, new Date('2026-03-04T01:00:00Z')).today).toBe(morning);
  });

  it('shows the MQ-9B first delivery of January 2029 as expected in the seed data, seen from Dec 2025', () => {
    const mq9b = timeline(seeds, 50, new Date('2025-12-01T00:00:00Z')).rows.find((r) =>
      r.title.startsWith('31 MQ-9B'),
    )!;
    expect(mq9b.markers.filter((m) => m.expected).map((m) => [m.kind, m.date])).toEqual([
      ['first-delivery', '2029-01'],
    ]);
  });

  it('leaves the rows, their order and their spans as they were whatever today is', () => {
    const shape = (today: Date) =>
      timeline(seeds, 50, today).rows.map((r) => [r.id, r.start, r.signed, r.delivered, r.end]);
    const early = shape(new Date('2000-01-01T00:00:00Z'));
    expect(early).toHaveLength(24);
    expect(shape(new Date('2025-12-01T00:00:00Z'))).toEqual(early);
    expect(shape(new Date('2040-01-01T00:00:00Z'))).toEqual(early);
    const starts = early.map((r) => r[1] as number);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  it('defaults today to now, as the dashboard calls it', () => {
    const rows = aggregateDashboard(seeds, 'USD').timeline;
    expect(rows.today).toBe(todayAsYearFraction(new Date()));
    expect(rows).toEqual(timeline(seeds));
  });
});

describe('timeline: planned dates and their slip', () => {
  const late = makeDeal({
    id: 'late',
    title: 'Late deliveries',
    sources: source,
    milestones: [
      { kind: 'signature', date: '2020-03', label: 'Contract signed', sourceIds: ['s'] },
      {
        kind: 'first-delivery',
        date: '2024-05',
        label: 'First delivery',
        sourceIds: ['s'],
        planned: { date: '2023-03', sourceIds: ['s'] },
      },
      {
        kind: 'final-delivery',
        date: '2031',
        label: 'Final delivery',
        sourceIds: ['s'],
        planned: { date: '2033-06', sourceIds: ['s'] },
      },
    ],
  });
  const seenFrom = new Date('2025-12-01T12:00:00Z');
  const row = timeline([late], 50, seenFrom).rows[0]!;

  it('puts the planned date on the axis beside the actual one, with the slip between them', () => {
    const first = row.markers.find((m) => m.kind === 'first-delivery')!;
    expect(first.planned).toMatchObject({
      date: '2023-03',
      at: dateToYearFraction('2023-03'),
      from: 2023 + 2 / 12,
      to: 2023.25,
    });
    expect(first.planned!.slip).toMatchObject({ direction: 'late', months: { min: 14, max: 14 } });
    expect(row.markers.find((m) => m.kind === 'signature')!.planned).toBeUndefined();
  });

  it('widens the axis to hold a plan later than every milestone, without stretching the bar', () => {
    const data = timeline([late], 50, seenFrom);
    expect(data.domain).toEqual([2020, 2034]);
    expect(row.end).toBe(dateToYearFraction('2031'));
    expect(row.markers.at(-1)!.planned!.slip).toMatchObject({ direction: 'early', expected: true });
  });

  it('carries the seed plans facts.md gives, each with the slip counted by hand', () => {
    const rows = timeline(seeds, 50, seenFrom).rows;
    const planned = rows.flatMap((r) =>
      r.markers.flatMap((m) =>
        m.planned
          ? [{ dealId: r.id, kind: m.kind, planned: m.planned.date, date: m.date, expected: m.expected }]
          : [],
      ),
    );
    const byHand = SEED.plannedMilestones.map(({ dealId, kind, planned, date }) => ({
      dealId,
      kind,
      planned,
      date,
      expected: date > '2025-12',
    }));
    expect(new Set(planned.map((p) => JSON.stringify(p)))).toEqual(
      new Set(byHand.map((p) => JSON.stringify(p))),
    );
  });
});
