import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import seedRecords from '../../seeds/deals.json';
import { Deal } from '../../src/domain';
import { RevisionLog, type BaseRecords, type Outcome } from '../../src/domain/tracking/revision-log';
import { TrackingStore } from './tracking-store';

/**
 * The IndexedDB store makes the same decisions as the pure revision log: the same random sequence of
 * writes, run against both, gives the same answers, heads and histories (savedAt aside).
 */
const bases = ['mq-9b-2024', 'm777-2016'].map((id) => Deal.parse(seedRecords.find((r) => r.id === id)));
const byId = new Map(bases.map((b) => [b.id, b]));
const base: BaseRecords = { get: (id) => byId.get(id), savedAt: '2026-01-01T00:00:00.000Z' };
const IDS = [...byId.keys(), 'made-here'];

type Command =
  | { op: 'create' | 'edit'; id: string; title: string; ifMatch: number | undefined }
  | { op: 'remove'; id: string; ifMatch: number | undefined }
  | { op: 'restore'; id: string }
  | { op: 'revert'; id: string; to: number; ifMatch: number | undefined };

const id = fc.constantFrom(...IDS);
const ifMatch = fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined });
const command: fc.Arbitrary<Command> = fc.oneof(
  fc.record({
    op: fc.constantFrom('create' as const, 'edit' as const),
    id,
    title: fc.constantFrom('A', 'B', ' ', '<b>x</b>'),
    ifMatch,
  }),
  fc.record({ op: fc.constant('remove' as const), id, ifMatch }),
  fc.record({ op: fc.constant('restore' as const), id }),
  fc.record({ op: fc.constant('revert' as const), id, to: fc.integer({ min: 1, max: 4 }), ifMatch }),
);

const record = (c: { id: string; title: string }) => ({ ...bases[0]!, id: c.id, title: c.title });
const strip = (o: Outcome) =>
  o.ok
    ? { ok: true, revision: o.head.revision, deleted: o.head.deleted, data: o.head.data }
    : { ok: false, kind: o.refusal.kind };

let n = 0;
describe('TrackingStore against RevisionLog', () => {
  it('answers every random sequence of writes as the model does', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(command, { maxLength: 14 }), async (commands) => {
        const store = new TrackingStore({ name: `store-model-${++n}` });
        const log = new RevisionLog(base);
        for (const c of commands) {
          const [got, want] = await (async () => {
            switch (c.op) {
              case 'create':
                return [await store.create('seed', base, record(c), undefined), log.create(record(c))];
              case 'edit':
                return [
                  await store.edit('seed', base, c.id, record(c), c.ifMatch, 'n'),
                  log.edit(c.id, record(c), c.ifMatch, 'n'),
                ];
              case 'remove':
                return [await store.remove('seed', base, c.id, c.ifMatch), log.remove(c.id, c.ifMatch)];
              case 'restore':
                return [await store.restore('seed', base, c.id, undefined, undefined), log.restore(c.id)];
              case 'revert':
                return [
                  await store.revert('seed', base, c.id, c.to, c.ifMatch, undefined),
                  log.revert(c.id, c.to, c.ifMatch),
                ];
            }
          })();
          expect(strip(got), JSON.stringify(c)).toEqual(strip(want));
        }
        for (const dealId of IDS) {
          const fromStore = (await store.revisions('seed', dealId, base)) ?? [];
          const fromLog = log.revisions(dealId);
          const shape = (e: {
            revision: number;
            action: string;
            deleted: boolean;
            data: unknown;
            note?: string;
          }) => [e.revision, e.action, e.deleted, e.data, e.note];
          expect(fromStore.map(shape)).toEqual(fromLog.map(shape));
        }
        expect((await store.overlay('seed')).map((h) => h.dealId).sort()).toEqual(
          [...log.heads.keys()].sort(),
        );
        store.close();
      }),
      { numRuns: 40 },
    );
  });
});
