import { describe, expect, it } from 'vitest';
import seedRecords from '../../../seeds/deals.json';
import { Deal, type DealInput } from '../model/deal-schema';
import { diff } from './diff';

const seed = Deal.parse(seedRecords.find((r) => r.id === 'mq-9b-2024'));
const copy = (): Deal => structuredClone(seed);

describe('diff', () => {
  it('finds nothing between a record and itself, or a seed and its parsed form', () => {
    expect(diff(seed, copy())).toEqual([]);
    const raw = seedRecords.find((r) => r.id === 'mq-9b-2024') as DealInput;
    expect(diff(raw, seed)).toEqual([]);
  });

  it('names a changed allocation by its service, in words', () => {
    const after = copy();
    const navy = after.quantity!.allocations.find((a) => a.service === 'navy')!;
    const before = navy.count;
    navy.count = before - 1;
    expect(diff(seed, after)).toEqual([
      {
        path: ['quantity', 'allocations', 'navy', 'count'],
        label: 'Quantity › allocations › Navy count',
        before,
        after: before - 1,
        kind: 'changed',
      },
    ]);
  });

  it('shows one inserted source as one addition, not a shifted list', () => {
    const after = copy();
    const added = { id: 'new-source', title: 'A new report', publisher: 'Someone' };
    after.sources.splice(1, 0, added);
    expect(diff(seed, after)).toEqual([
      { path: ['sources', 'new-source'], label: 'Sources › source new-source', after: added, kind: 'added' },
    ]);
  });

  it('shows a removed figure and a changed one by their ids', () => {
    const after = copy();
    const [first, second] = after.figures;
    after.figures = [{ ...second!, amount: second!.amount + 1 }];
    after.headlineFigureId = second!.id;
    const changes = diff(seed, after);
    // Removed ones first, where they stood; then the kept one's change; then the headline.
    expect(changes.map((c) => [c.path, c.kind])).toEqual([
      [['figures', first!.id], 'removed'],
      ...seed.figures.slice(2).map((f) => [['figures', f.id], 'removed']),
      [['figures', second!.id, 'amount'], 'changed'],
      [['headlineFigureId'], 'changed'],
    ]);
    expect(changes.find((c) => c.path[2] === 'amount')?.label).toBe(
      `Money figures › figure ${second!.id} amount`,
    );
  });

  it('treats a list of plain values as one field and an optional field as added or removed', () => {
    const after: DealInput = { ...copy(), buyerCountries: ['IN', 'US'] };
    delete after.system;
    expect(diff(seed, after)).toEqual([
      {
        path: ['buyerCountries'],
        label: 'Buyer countries',
        before: ['IN'],
        after: ['IN', 'US'],
        kind: 'changed',
      },
      { path: ['system'], label: 'System', before: seed.system, kind: 'removed' },
    ]);
  });

  it('matches milestones by kind and label, and keeps hostile text as it is', () => {
    const after = copy();
    const m = after.milestones[0]!;
    m.date = '2023-07';
    const hostile = {
      id: 'x',
      title: '<img src=x onerror=alert(1)>',
      publisher: 'p',
      url: 'javascript:alert(1)',
    };
    after.sources.push(hostile);
    const changes = diff(seed, after);
    expect(changes[0]).toMatchObject({
      path: ['milestones', `${m.kind}: ${m.label}`, 'date'],
      label: `Milestones › Approval “${m.label}” date`,
      kind: 'changed',
    });
    expect(changes[1]).toMatchObject({ kind: 'added', after: hostile });
  });

  it('words a milestone plan (the planned date of the milestone schema)', () => {
    const after = copy();
    const m = after.milestones[0]!;
    after.milestones[0] = { ...m, planned: { date: '2023-01', sourceIds: [after.sources[0]!.id] } };
    expect(diff(seed, after)).toMatchObject([
      {
        path: ['milestones', `${m.kind}: ${m.label}`, 'planned'],
        label: `Milestones › Approval “${m.label}” plan`,
        kind: 'added',
      },
    ]);
  });
});
