import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import seedRecords from '../../../seeds/deals.json';
import { Deal } from '../model/deal-schema';
import { RevisionLog, parseIfMatch, type BaseRecords, type Outcome } from './revision-log';

const bases = ['mq-9b-2024', 'p-8i-2009', 'm777-2016']
  .map((id) => seedRecords.find((r) => r.id === id))
  .filter((r) => r !== undefined)
  .map((r) => Deal.parse(r));
const BASE_SAVED_AT = '2026-01-01T00:00:00.000Z';
const baseRecords = (): BaseRecords => {
  const byId = new Map(bases.map((b) => [b.id, b]));
  return { get: (id) => byId.get(id), savedAt: BASE_SAVED_AT };
};
let tick = 0;
const clock = () => new Date(Date.UTC(2026, 11, 1) + tick++ * 1000).toISOString();
const newLog = () => new RevisionLog(baseRecords(), clock);

describe('RevisionLog', () => {
  it('treats the base records as revision 1 and stores nothing for them', () => {
    const log = newLog();
    const base = bases[0]!;
    expect(log.head(base.id)).toEqual({ data: base, revision: 1, savedAt: BASE_SAVED_AT, deleted: false });
    expect(log.revisions(base.id)).toMatchObject([{ revision: 1, action: 'seed', deleted: false }]);
    expect(log.heads.size).toBe(0);
  });

  it('refuses each bad write with its own reason, and writes nothing', () => {
    const log = newLog();
    const base = bases[0]!;
    const kind = (o: Outcome) => (o.ok ? 'ok' : o.refusal.kind);
    expect(kind(log.edit(base.id, base, undefined))).toBe('if_match_required');
    expect(kind(log.edit('no-such-deal', base, 1))).toBe('not_found');
    expect(kind(log.edit(base.id, base, 7))).toBe('stale');
    expect(kind(log.edit(base.id, { ...base, id: 'other-id' }, 1))).toBe('id_mismatch');
    expect(kind(log.create(base))).toBe('id_taken');
    const invalid = log.edit(base.id, { ...base, quantity: { ...base.quantity!, total: 1 } }, 1);
    expect(invalid).toMatchObject({ ok: false, refusal: { kind: 'invalid' } });
    if (!invalid.ok && invalid.refusal.kind === 'invalid') {
      expect(invalid.refusal.issues).toContainEqual({
        path: ['quantity', 'allocations'],
        message: expect.stringContaining('more than the total of 1') as string,
      });
    }
    const stale = log.edit(base.id, base, 7);
    expect(stale.ok || stale.refusal.kind !== 'stale' || stale.refusal.current.revision).toBe(1);
    expect(log.heads.size).toBe(0);
  });

  it('stores hostile text and a javascript: URL as typed', () => {
    const log = newLog();
    const base = bases[0]!;
    const hostile = {
      ...base,
      title: '<img src=x onerror=alert(1)> \u202Egnp.exe',
      sources: [...base.sources, { id: 'evil', title: 'Evil', publisher: 'X', url: 'javascript:alert(1)' }],
    };
    const saved = log.edit(base.id, hostile, 1, 'hostile');
    expect(saved.ok && saved.head.data.title).toBe(hostile.title);
    expect(saved.ok && saved.head.data.sources.at(-1)?.url).toBe('javascript:alert(1)');
  });

  it('records a PUT of an earlier revision whose note names it as a revert', () => {
    const log = newLog();
    const base = bases[0]!;
    log.edit(base.id, { ...base, title: 'Second' }, 1);
    const back = log.edit(base.id, base, 2, 'Restore revision 1');
    expect(back).toMatchObject({ ok: true, head: { revision: 3, data: base }, entry: { action: 'revert' } });
    const undo = log.edit(base.id, { ...base, title: 'Second' }, 3, 'Undo of revision 3');
    expect(undo).toMatchObject({ ok: true, entry: { action: 'edit' } });
  });

  it('reads If-Match as the contract writes it', () => {
    expect(parseIfMatch('"3"')).toBe(3);
    expect(parseIfMatch('W/"12"')).toBe(12);
    expect(parseIfMatch('*')).toBe('*');
    expect(parseIfMatch(null)).toBeUndefined();
    expect(parseIfMatch('"three"')).toBeNull();
  });
});

// ---------------------------------------------------------------------------------------------
// Property: any sequence of operations leaves the log equal to a plain reference model.

type Rev = { data: unknown; deleted: boolean };
/** The reference: per deal id, the list of its revisions, oldest first. As simple as it can be. */
class Reference {
  readonly revs = new Map<string, Rev[]>(bases.map((b) => [b.id, [{ data: b, deleted: false }]]));
  last(id: string): Rev | undefined {
    return this.revs.get(id)?.at(-1);
  }
  precondition(id: string, ifMatch: number | undefined, required: boolean): string | undefined {
    if (ifMatch === undefined && required) return 'if_match_required';
    const revs = this.revs.get(id);
    if (!revs) return 'not_found';
    if (ifMatch !== undefined && ifMatch !== revs.length) return 'stale';
    return undefined;
  }
  create(record: Record<string, unknown>): string {
    const parsed = Deal.safeParse(record);
    if (!parsed.success) return 'invalid';
    if (this.revs.has(parsed.data.id)) return 'id_taken';
    this.revs.set(parsed.data.id, [{ data: parsed.data, deleted: false }]);
    return 'ok';
  }
  edit(id: string, record: Record<string, unknown>, ifMatch: number | undefined): string {
    const refused = this.precondition(id, ifMatch, true);
    if (refused) return refused;
    if (this.last(id)!.deleted) return 'deleted';
    if (record.id !== id) return 'id_mismatch';
    const parsed = Deal.safeParse(record);
    if (!parsed.success) return 'invalid';
    this.revs.get(id)!.push({ data: parsed.data, deleted: false });
    return 'ok';
  }
  remove(id: string, ifMatch: number | undefined): string {
    const refused = this.precondition(id, ifMatch, true);
    if (refused) return refused;
    const last = this.last(id)!;
    if (!last.deleted) this.revs.get(id)!.push({ data: last.data, deleted: true });
    return 'ok';
  }
  restore(id: string): string {
    const refused = this.precondition(id, undefined, false);
    if (refused) return refused;
    const last = this.last(id)!;
    if (last.deleted) this.revs.get(id)!.push({ data: last.data, deleted: false });
    return 'ok';
  }
  revert(id: string, to: number, ifMatch: number | undefined): string {
    const refused = this.precondition(id, ifMatch, true);
    if (refused) return refused;
    const target = this.revs.get(id)![to - 1];
    if (!target) return 'not_found';
    return this.edit(id, target.data as Record<string, unknown>, ifMatch);
  }
}

const IDS = [...bases.map((b) => b.id), 'new-deal-a', 'new-deal-b'];
const template = fc.constantFrom(...bases);
const title = fc.oneof(
  fc.constantFrom('<img src=x onerror=alert(1)>', 'javascript:alert(1)', '   ', 'Plain title'),
  fc.string({ maxLength: 12 }),
);
const status = fc.constantFrom('completed', 'announced', 'signed-ish');
const record = (id: fc.Arbitrary<string>) =>
  fc
    .record({ t: template, id, title, status })
    .map(({ t, id: recordId, title: tt, status: s }) => ({ ...t, id: recordId, title: tt, status: s }));
/** Which If-Match a write sends: the current revision, an old one, or none. */
const ifMatchMode = fc.constantFrom('current', 'current', 'current', 'stale', 'missing');

type Command =
  | { op: 'create'; record: Record<string, unknown> }
  | { op: 'edit'; id: string; record: Record<string, unknown>; keepId: boolean; ifMatch: string }
  | { op: 'remove'; id: string; ifMatch: string }
  | { op: 'restore'; id: string }
  | { op: 'revert'; id: string; to: number; ifMatch: string }
  | { op: 'undo'; id: string };

const command: fc.Arbitrary<Command> = fc.oneof(
  fc.record({ op: fc.constant('create' as const), record: record(fc.constantFrom(...IDS)) }),
  fc.record({
    op: fc.constant('edit' as const),
    id: fc.constantFrom(...IDS),
    record: record(fc.constantFrom(...IDS)),
    keepId: fc.boolean(),
    ifMatch: ifMatchMode,
  }),
  fc.record({
    op: fc.constant('edit' as const),
    id: fc.constantFrom(...IDS),
    record: record(fc.constantFrom(...IDS)),
    keepId: fc.constant(true),
    ifMatch: fc.constant('current'),
  }),
  fc.record({ op: fc.constant('remove' as const), id: fc.constantFrom(...IDS), ifMatch: ifMatchMode }),
  fc.record({ op: fc.constant('restore' as const), id: fc.constantFrom(...IDS) }),
  fc.record({
    op: fc.constant('revert' as const),
    id: fc.constantFrom(...IDS),
    to: fc.integer({ min: 1, max: 6 }),
    ifMatch: ifMatchMode,
  }),
  fc.record({ op: fc.constant('undo' as const), id: fc.constantFrom(...IDS) }),
);

function run(log: RevisionLog, ref: Reference, c: Command): [string, string] {
  const current = ref.revs.get('id' in c ? c.id : '')?.length;
  const ifMatchOf = (mode: string) =>
    mode === 'missing'
      ? undefined
      : mode === 'stale'
        ? Math.max(0, (current ?? 1) - 1) || 99
        : (current ?? 1);
  const kind = (o: Outcome) => (o.ok ? 'ok' : o.refusal.kind);
  switch (c.op) {
    case 'create':
      return [kind(log.create(c.record)), ref.create(c.record)];
    case 'edit': {
      const rec = c.keepId ? { ...c.record, id: c.id } : c.record;
      const m = ifMatchOf(c.ifMatch);
      return [kind(log.edit(c.id, rec, m, 'an edit')), ref.edit(c.id, rec, m)];
    }
    case 'remove': {
      const m = ifMatchOf(c.ifMatch);
      return [kind(log.remove(c.id, m)), ref.remove(c.id, m)];
    }
    case 'restore':
      return [kind(log.restore(c.id)), ref.restore(c.id)];
    case 'revert': {
      const m = ifMatchOf(c.ifMatch);
      return [kind(log.revert(c.id, c.to, m)), ref.revert(c.id, c.to, m)];
    }
    case 'undo': {
      // An undo is an edit back to the previous record.
      const revs = ref.revs.get(c.id);
      const previous = revs?.at(-2);
      if (!revs || !previous) return ['skip', 'skip'];
      const rec = previous.data as Record<string, unknown>;
      return [
        kind(log.edit(c.id, rec, revs.length, `Undo of revision ${revs.length}`)),
        ref.edit(c.id, rec, revs.length),
      ];
    }
  }
}

describe('RevisionLog against a reference model', () => {
  it('agrees on every answer and every revision, and every revision can be restored', () => {
    fc.assert(
      fc.property(fc.array(command, { maxLength: 40 }), (commands) => {
        const log = newLog();
        const ref = new Reference();
        for (const c of commands) {
          const [got, want] = run(log, ref, c);
          expect(got, JSON.stringify(c).slice(0, 300)).toBe(want);
        }
        for (const [id, revs] of ref.revs) {
          const history = log.revisions(id).reverse();
          expect(history.map((e) => ({ data: e.data, deleted: e.deleted }))).toEqual(revs);
          expect(history.map((e) => e.revision)).toEqual(revs.map((_, i) => i + 1));
          expect(log.head(id)).toMatchObject({
            revision: revs.length,
            data: revs.at(-1)!.data,
            deleted: revs.at(-1)!.deleted,
          });
        }
        // Nothing but written deals is stored: the base records stay revision 1 until written.
        for (const id of log.heads.keys())
          expect(ref.revs.get(id)!.length > 1 || !bases.some((b) => b.id === id)).toBe(true);
        // Every revision of every deal is restorable.
        for (const [id, revs] of ref.revs) {
          revs.forEach((rev, i) => {
            log.restore(id);
            const head = log.head(id)!;
            const out = log.revert(id, i + 1, head.revision);
            expect(out.ok, `revert ${id} to ${i + 1}`).toBe(true);
            expect(log.head(id)!.data).toEqual(rev.data);
          });
        }
      }),
      { numRuns: 150 },
    );
  });

  it('previews an import exactly as it then applies it', () => {
    fc.assert(
      fc.property(
        fc.array(command, { maxLength: 15 }),
        fc.array(fc.record({ rec: record(fc.constantFrom(...IDS)), deleted: fc.boolean() }), {
          maxLength: 6,
        }),
        (commands, backupDeals) => {
          const log = newLog();
          const ref = new Reference();
          commands.forEach((c) => run(log, ref, c));
          const deals = backupDeals.map(({ rec, deleted }) => ({ revision: 1, deleted, data: rec }));
          const before = structuredClone([...log.heads]);
          const dry = log.importBackup(deals, { dryRun: true });
          expect([...log.heads]).toEqual(before);
          const applied = log.importBackup(deals);
          expect(applied).toEqual(dry);
          // Applying it again changes nothing: the log is now what the backup says.
          const again = log.importBackup(deals);
          expect(again.added).toEqual([]);
          expect(again.changed).toEqual([]);
          expect(again.unchanged + again.rejected.length).toBe(deals.length);
          for (const id of [...dry.added, ...dry.changed]) {
            const last = deals.filter((d) => Deal.safeParse(d.data).success && d.data.id === id)[0]!;
            expect(log.head(id)!.data).toEqual(Deal.parse(last.data));
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});
