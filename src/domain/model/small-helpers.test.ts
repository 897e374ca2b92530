import { describe, expect, it } from 'vitest';
import { makeDeal } from '../../test/deal-fixtures';
import { allocationRows, featuredAllocationDeal } from './allocation';
import { dealYear } from './deal-facts';
import { safeExternalUrl } from '../text/safe-url';

describe('safeExternalUrl', () => {
  it.each([
    ['https://example.org/a?b=c', 'https://example.org/a?b=c'],
    ['http://example.org', 'http://example.org/'],
    ['  https://example.org/x  ', 'https://example.org/x'],
    ['javascript:alert(1)', undefined],
    ['JaVaScRiPt:alert(1)', undefined],
    ['data:text/html,<script>alert(1)</script>', undefined],
    ['vbscript:msgbox', undefined],
    ['//example.org', undefined],
    ['example.org', undefined],
    ['', undefined],
    [undefined, undefined],
  ])('%s → %s', (input, expected) => {
    expect(safeExternalUrl(input)).toBe(expected);
  });
});

describe('allocations', () => {
  const mq9b = makeDeal({
    id: 'mq9b',
    quantity: {
      total: 31,
      unit: 'drones',
      allocations: [
        { service: 'air-force', count: 8 },
        { service: 'navy', count: 15 },
        { service: 'army', count: 8 },
      ],
      sourceIds: ['src'],
    },
  });
  const partly = makeDeal({
    id: 'partly',
    quantity: {
      total: 10,
      unit: 'aircraft',
      allocations: [{ service: 'navy', count: 4 }],
      sourceIds: ['src'],
    },
  });

  it('lists services in a fixed order', () => {
    expect(allocationRows(mq9b).map((r) => [r.label, r.units])).toEqual([
      ['Navy', 15],
      ['Army', 8],
      ['Air Force', 8],
    ]);
  });

  it('keeps the unallocated remainder instead of losing it', () => {
    expect(allocationRows(partly).map((r) => [r.service, r.units])).toEqual([
      ['navy', 4],
      ['unallocated', 6],
    ]);
  });

  it('features the deal split across the most services, and none when nothing is split', () => {
    const bigSingle = makeDeal({
      id: 'big-single',
      quantity: {
        total: 145,
        unit: 'guns',
        allocations: [{ service: 'army', count: 145 }],
        sourceIds: ['src'],
      },
    });
    expect(featuredAllocationDeal([partly, bigSingle, mq9b])?.id).toBe('mq9b');
    expect(featuredAllocationDeal([partly, bigSingle])?.id).toBe('big-single');
    expect(featuredAllocationDeal([makeDeal()])).toBeUndefined();
  });
});

describe('dealYear', () => {
  it('uses the signature, else the first milestone, else nothing', () => {
    const m = (kind: 'signature' | 'mou' | 'approval', date: string) => ({
      kind,
      date,
      label: kind,
      sourceIds: ['src'],
    });
    expect(dealYear(makeDeal({ milestones: [m('approval', '2019'), m('signature', '2020-02-25')] }))).toBe(
      2020,
    );
    expect(dealYear(makeDeal({ milestones: [m('mou', '2023-06'), m('approval', '2021')] }))).toBe(2021);
    expect(dealYear(makeDeal())).toBeUndefined();
  });
});
