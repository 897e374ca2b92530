/**
 * The import preview (docs/import.md, "Preview and merge"): which records of a parsed file are new,
 * which match deals already in the tracker and what importing them would change, and which cannot be
 * imported and why. Pure and synchronous; nothing here writes (the batch write does, once the user
 * confirms). Not to be confused with `planImport` in tracking/revision-log.ts, the backup restore.
 *
 * Matching, strongest key first: `sipri:<AT id>` / `ocds:<ocid>` against an existing deal's
 * `origin.externalId` (with its format's prefix), `id:<deal id>` against deal ids, and
 * `deal:<supplier>|<recipient>|<system>|<order year>` against `compositeKey(existing)`. The existing
 * deals are indexed once in Maps, so a 30,000-row file against 100,000 deals is a Map lookup a row.
 */
import { Deal, type Deal as DealRecord, type MoneyFigure, type Source } from '../model/deal-schema';
import type { BatchWriteBody } from '../model/api-contract';
import { describeIssues } from '../model/parse-deals';
import { diffParsed } from '../tracking/diff';
import { deepEqual } from '../tracking/paths';
import { dealYear } from '../model/deal-facts';
import { compositeKey } from './match-keys';
import {
  ImportCancelled,
  type FilePlace,
  type ImportPlan,
  type ParseResult,
  type ParsedDeal,
  type PlannedUpdate,
  type RejectedRow,
} from './types';

/** A deal in the tracker now, with the revision the preview is made against (the write's `ifMatch`). */
export interface ExistingDeal {
  /** As the schema reads it (the API client's validated record), so that a diff shows no defaults. */
  deal: DealRecord;
  revision: number;
}

export interface PlanOptions {
  /** Called after each chunk with records done and records in all. */
  onProgress?: (done: number, total: number) => void;
  /** Checked between chunks; when it answers true the plan stops with `ImportCancelled`. */
  cancelled?: () => boolean;
  /** Records per chunk (between progress calls, and per step of `importPlanSteps`). Default 2,000. */
  chunkSize?: number;
}

const DEFAULT_CHUNK = 2000;

/** The register prefix of an origin format: what `sipri:` and `ocds:` keys are made of. */
export function registerPrefix(format: string): string | undefined {
  if (format.startsWith('sipri')) return 'sipri';
  if (format.startsWith('ocds')) return 'ocds';
  return undefined;
}

/** The keys an existing deal is found by, strongest first (as `ParsedDeal.matchKeys` lists them). */
export function existingKeys(deal: DealRecord): string[] {
  const keys: string[] = [];
  const prefix = deal.origin && registerPrefix(deal.origin.format);
  if (prefix && deal.origin?.externalId) keys.push(`${prefix}:${deal.origin.externalId}`);
  keys.push(`id:${deal.id}`);
  const composite = compositeKey(deal);
  if (composite) keys.push(composite);
  return keys;
}

function placesText(places: readonly FilePlace[]): string {
  const shown = places.slice(0, 5).map((p) => (typeof p === 'number' ? `line ${p}` : p));
  const more = places.length > 5 ? ` and ${places.length - 5} more` : '';
  return `${shown.join(', ')}${more}`;
}

const firstPlace = (places: readonly FilePlace[]): FilePlace => places[0] ?? 0;

/**
 * The cheap part of a composite key, `<suppliers>|<buyers>|<year>`, read from the key itself: an
 * existing deal whose countries and year match no incoming key is not worth normalising its system
 * name for.
 */
export function compositePrefix(key: string): string | undefined {
  if (!key.startsWith('deal:')) return undefined;
  const parts = key.slice(5).split('|');
  return parts.length === 4 ? `${parts[0]}|${parts[1]}|${parts[3]}` : undefined;
}

/** `compositePrefix(compositeKey(deal))`, without normalising the system's name. */
export function dealPrefix(deal: DealRecord): string | undefined {
  const year = dealYear(deal);
  if (year === undefined || !deal.system) return undefined;
  const codes = (list: readonly string[]) => [...list].sort().join(',');
  return `${codes(deal.supplierCountries)}|${codes(deal.buyerCountries)}|${year}`;
}

/**
 * Which existing deal each incoming record matches. The incoming keys are put in a Map (tens of
 * thousands), and the existing deals walked once, each looking up only the keys of the kinds the file
 * has: a 30,000-row file against 100,000 deals is 100,000 × 2–3 lookups and no 300,000-key Map.
 * For each record the strongest of its keys that finds any deal wins; several deals at that key are
 * all kept, ordered by id.
 */
class MatchIndex {
  /** For each incoming record, the key that matched and the existing positions it found. */
  private readonly matches: ({ rank: number; hits: number[] } | undefined)[];
  private readonly ids: Set<string>;

  constructor(
    readonly existing: readonly ExistingDeal[],
    incoming: readonly ParsedDeal[],
  ) {
    const byKey = new Map<string, number | number[]>();
    const prefixes = new Set<string>();
    let external = false;
    let byId = false;
    incoming.forEach(({ matchKeys }, i) => {
      for (const key of matchKeys) {
        const hit = byKey.get(key);
        if (hit === undefined) byKey.set(key, i);
        else if (typeof hit === 'number') byKey.set(key, [hit, i]);
        else hit.push(i);
        const prefix = compositePrefix(key);
        if (prefix !== undefined) prefixes.add(prefix);
        else if (key.startsWith('id:')) byId = true;
        else external = true;
      }
    });
    this.matches = Array.from({ length: incoming.length }, () => undefined);
    this.ids = new Set();
    const offer = (key: string, at: number) => {
      const hit = byKey.get(key);
      if (hit === undefined) return;
      for (const i of typeof hit === 'number' ? [hit] : hit) {
        const rank = incoming[i]!.matchKeys.indexOf(key);
        const best = this.matches[i];
        if (!best || rank < best.rank) this.matches[i] = { rank, hits: [at] };
        else if (rank === best.rank && !best.hits.includes(at)) best.hits.push(at);
      }
    };
    existing.forEach(({ deal }, at) => {
      this.ids.add(deal.id);
      const origin = deal.origin;
      if (external && origin?.externalId !== undefined) {
        const prefix = registerPrefix(origin.format);
        if (prefix) offer(`${prefix}:${origin.externalId}`, at);
      }
      if (byId) offer(`id:${deal.id}`, at);
      if (prefixes.size > 0) {
        const prefix = dealPrefix(deal);
        const key = prefix !== undefined && prefixes.has(prefix) ? compositeKey(deal) : undefined;
        if (key) offer(key, at);
      }
    });
  }

  /** The strongest key of record `i` that finds any deal, and the deals it finds (ordered by id). */
  find(i: number, keys: readonly string[]): { key: string; hits: number[] } | undefined {
    const match = this.matches[i];
    if (!match) return undefined;
    const hits = [...match.hits].sort((a, b) => {
      const x = this.existing[a]!.deal.id;
      const y = this.existing[b]!.deal.id;
      return x < y ? -1 : x > y ? 1 : 0;
    });
    return { key: keys[match.rank]!, hits };
  }

  hasId(id: string): boolean {
    return this.ids.has(id);
  }
}

// ---------------------------------------------------------------------------------------------
// Merge

/** Whether the existing deal was imported from the same register record or file as the incoming one. */
export function sameRegister(existing: DealRecord, incoming: DealRecord): boolean {
  const a = existing.origin;
  const b = incoming.origin;
  if (!a || !b) return false;
  const pa = registerPrefix(a.format) ?? a.format;
  const pb = registerPrefix(b.format) ?? b.format;
  if (a.externalId !== undefined && pa === pb && a.externalId === b.externalId) return true;
  return a.file === b.file && a.publisher === b.publisher;
}

/** An id not in `taken`: the id itself, else `<id>-2`, `<id>-3` … */
function uniqueId(id: string, taken: ReadonlySet<string>): string {
  if (!taken.has(id)) return id;
  for (let n = 2; ; n++) if (!taken.has(`${id}-${n}`)) return `${id}-${n}`;
}

const remapRefs = (refs: readonly string[], map: ReadonlyMap<string, string>): string[] => [
  ...new Set(refs.map((r) => map.get(r) ?? r)),
];

function sameFigure(a: MoneyFigure, b: MoneyFigure): boolean {
  return a.amount === b.amount && a.currency === b.currency && a.kind === b.kind && a.asOf === b.asOf;
}

/** The incoming deal's sources added to `sources` (an equal one reused), and how its ids map. */
function addSources(
  sources: readonly Source[],
  incoming: readonly Source[],
): { sources: Source[]; map: Map<string, string> } {
  const out = [...sources];
  const taken = new Set(out.map((s) => s.id));
  const map = new Map<string, string>();
  for (const source of incoming) {
    const equal = out.find((s) => deepEqual({ ...s, id: '' }, { ...source, id: '' }));
    if (equal) {
      map.set(source.id, equal.id);
      continue;
    }
    const id = uniqueId(source.id, taken);
    taken.add(id);
    map.set(source.id, id);
    out.push(id === source.id ? source : { ...source, id });
  }
  return { sources: out, map };
}

/** A record with every source reference passed through `map` (the incoming deal's, after `addSources`). */
function withSourceIds(deal: DealRecord, map: ReadonlyMap<string, string>): DealRecord {
  if (map.size === 0 || [...map].every(([from, to]) => from === to)) return deal;
  const refs = (ids: readonly string[]) => remapRefs(ids, map);
  const quantity = deal.quantity && {
    ...deal.quantity,
    sourceIds: refs(deal.quantity.sourceIds),
    allocations: deal.quantity.allocations.map((a) =>
      a.sourceIds ? { ...a, sourceIds: refs(a.sourceIds) } : a,
    ),
    ...(deal.quantity.delivered
      ? { delivered: { ...deal.quantity.delivered, sourceIds: refs(deal.quantity.delivered.sourceIds) } }
      : {}),
  };
  const out: DealRecord = {
    ...deal,
    figures: deal.figures.map((f) => ({ ...f, sourceIds: refs(f.sourceIds) })),
    milestones: deal.milestones.map((m) => ({
      ...m,
      sourceIds: refs(m.sourceIds),
      ...(m.planned ? { planned: { ...m.planned, sourceIds: refs(m.planned.sourceIds) } } : {}),
    })),
  };
  if (quantity) out.quantity = quantity;
  if (deal.tiv) out.tiv = { ...deal.tiv, sourceIds: refs(deal.tiv.sourceIds) };
  if (deal.endUser) out.endUser = { ...deal.endUser, sourceIds: refs(deal.endUser.sourceIds) };
  return out;
}

/** Into a hand-kept deal: add, never delete or overwrite what the analyst entered. */
function mergeIntoKept(existing: DealRecord, raw: DealRecord): DealRecord {
  const { sources, map } = addSources(existing.sources, raw.sources);
  const incoming = withSourceIds(raw, map);
  const after: DealRecord = { ...existing, sources };

  const figureIds = new Set(existing.figures.map((f) => f.id));
  const figureMap = new Map<string, string>();
  const figures = [...existing.figures];
  for (const figure of incoming.figures) {
    const equal = figures.find((f) => sameFigure(f, figure));
    if (equal) {
      figureMap.set(figure.id, equal.id);
      continue;
    }
    const id = uniqueId(figure.id, figureIds);
    figureIds.add(id);
    figureMap.set(figure.id, id);
    figures.push(id === figure.id ? figure : { ...figure, id });
  }
  after.figures = figures;
  if (existing.headlineFigureId === undefined && figures.length > 0) {
    const headline = incoming.headlineFigureId && figureMap.get(incoming.headlineFigureId);
    after.headlineFigureId = headline ?? figures[0]!.id;
  }

  const milestones = [...existing.milestones];
  for (const m of incoming.milestones) {
    if (!milestones.some((e) => e.kind === m.kind && e.date === m.date)) milestones.push(m);
  }
  after.milestones = milestones;

  if (!existing.tiv && incoming.tiv) after.tiv = incoming.tiv;
  if (!existing.origin && incoming.origin) after.origin = incoming.origin;
  if (!existing.system && incoming.system) after.system = incoming.system;
  if (!existing.quantity && incoming.quantity) after.quantity = incoming.quantity;
  else if (existing.quantity && incoming.quantity?.delivered) {
    const was = existing.quantity.delivered;
    // A register's newer delivered count raises the analyst's; it never lowers it.
    if (!was || incoming.quantity.delivered.count > was.count)
      after.quantity = { ...existing.quantity, delivered: incoming.quantity.delivered };
  }
  return after;
}

/**
 * A re-import from the same register: the register's facts replace the ones it gave before: its
 * sources (of the register's publisher, with a title the file gives again), the figures and milestones that cite only them, the
 * TIV, the origin, and the quantity when it cites only the register. What the analyst entered stays:
 * the title, summary, status, parties and other descriptive fields, sources of another
 * publisher, and the figures, milestones and quantity that cite them (a delivered count is taken from
 * the register).
 */
function mergeFromSameRegister(existing: DealRecord, raw: DealRecord): DealRecord {
  // The register's sources: its publisher's, under a title the file gives again. A source of the same
  // publisher the analyst cited by hand (another SIPRI page) is the analyst's.
  const register = existing.origin?.publisher;
  const titles = new Set(raw.sources.map((s) => s.title));
  const own = existing.sources.filter((s) => s.publisher !== register || !titles.has(s.title));
  const ownIds = new Set(own.map((s) => s.id));
  const cites = (ids: readonly string[]) => ids.some((id) => ownIds.has(id));
  const { sources, map } = addSources(own, raw.sources);
  const incoming = withSourceIds(raw, map);
  const known = new Set(sources.map((s) => s.id));
  const keepRefs = (ids: readonly string[]) => ids.filter((id) => known.has(id));

  const ownFigures = existing.figures
    .filter((f) => cites(f.sourceIds))
    .map((f) => ({ ...f, sourceIds: keepRefs(f.sourceIds) }));
  const figureIds = new Set(ownFigures.map((f) => f.id));
  const figureMap = new Map<string, string>();
  const figures = [...ownFigures];
  for (const figure of incoming.figures) {
    const equal = ownFigures.find((f) => sameFigure(f, figure));
    if (equal) {
      figureMap.set(figure.id, equal.id);
      continue;
    }
    const id = uniqueId(figure.id, figureIds);
    figureIds.add(id);
    figureMap.set(figure.id, id);
    figures.push(id === figure.id ? figure : { ...figure, id });
  }
  const ownMilestones = existing.milestones
    .filter((m) => cites(m.sourceIds))
    .map((m) => ({ ...m, sourceIds: keepRefs(m.sourceIds) }));
  const milestones = [
    ...ownMilestones,
    ...incoming.milestones.filter((m) => !ownMilestones.some((o) => o.kind === m.kind && o.date === m.date)),
  ];

  const after: DealRecord = { ...existing, sources, figures, milestones };
  if (incoming.origin) after.origin = incoming.origin;
  if (incoming.tiv) after.tiv = incoming.tiv;
  else if (existing.tiv && !cites(existing.tiv.sourceIds)) delete after.tiv;
  if (!existing.system && incoming.system) after.system = incoming.system;

  const headlineKept = ownFigures.some((f) => f.id === existing.headlineFigureId);
  const incomingHeadline = incoming.headlineFigureId && figureMap.get(incoming.headlineFigureId);
  if (headlineKept) after.headlineFigureId = existing.headlineFigureId;
  else if (incomingHeadline) after.headlineFigureId = incomingHeadline;
  else if (figures.length > 0) after.headlineFigureId = figures[0]!.id;
  else delete after.headlineFigureId;

  const quantity = existing.quantity;
  if (!quantity || !cites(quantity.sourceIds)) {
    if (incoming.quantity) {
      // The register's count; the analyst's split by service stays where it still fits.
      const allocations = (quantity?.allocations ?? []).map((a) => {
        if (!a.sourceIds) return a;
        const refs = keepRefs(a.sourceIds);
        const rest = { ...a };
        delete rest.sourceIds;
        return refs.length > 0 ? { ...rest, sourceIds: refs } : rest;
      });
      const fits =
        incoming.quantity.allocations.length === 0 &&
        allocations.reduce((n, a) => n + a.count, 0) <= incoming.quantity.total;
      after.quantity =
        fits && allocations.length > 0 ? { ...incoming.quantity, allocations } : incoming.quantity;
    } else if (quantity) delete after.quantity;
  } else if (incoming.quantity?.delivered) {
    after.quantity = { ...quantity, delivered: incoming.quantity.delivered };
  }
  return after;
}

/**
 * The existing deal with an incoming record's facts merged in (docs/import.md, "Preview and merge").
 * From the same register (origin format and external id, or the same file and publisher), the
 * register's facts replace the ones it gave before (its sources and what cites only them, TIV,
 * origin); the analyst's title, summary and what cites their own sources stay. Into a hand-kept deal nothing the analyst entered
 * is deleted or overwritten: the file's sources are added (with unique ids), its figures beside the
 * existing ones (unique ids; the headline stays), its milestones whose kind and date are new; `tiv`,
 * `origin`, `system` and the quantity are set only when absent, and a delivered count is only raised.
 * The result is not validated here: `buildImportPlan` does that.
 */
export function mergeImported(existing: DealRecord, incoming: DealRecord): DealRecord {
  return sameRegister(existing, incoming)
    ? mergeFromSameRegister(existing, incoming)
    : mergeIntoKept(existing, incoming);
}

// ---------------------------------------------------------------------------------------------
// The plan

/** The plan, built in chunks: each `next()` does up to `chunkSize` records and yields progress. */
export function* importPlanSteps(
  parsed: ParseResult,
  existing: readonly ExistingDeal[],
  options: Pick<PlanOptions, 'chunkSize'> = {},
): Generator<{ done: number; total: number }, ImportPlan, void> {
  const chunk = Math.max(1, options.chunkSize ?? DEFAULT_CHUNK);
  const index = new MatchIndex(existing, parsed.deals);
  const total = parsed.deals.length;
  const added: ParsedDeal[] = [];
  const updated: PlannedUpdate[] = [];
  const rejected: RejectedRow[] = [...parsed.rejected];
  const warnings: string[] = [...parsed.warnings];
  let unchanged = 0;
  // existing position → the places of the record that took it
  const claimed = new Map<number, FilePlace[]>();
  const newIds = new Set<string>();

  for (let i = 0; i < total; i++) {
    const incoming = parsed.deals[i]!;
    const found = index.find(i, incoming.matchKeys);
    if (!found) {
      const id = uniqueNewId(incoming.deal.id, index, newIds);
      newIds.add(id);
      if (id !== incoming.deal.id) {
        warnings.push(
          `${capital(placesText(incoming.places))}: the id “${incoming.deal.id}” is taken by another deal; it is imported as “${id}”.`,
        );
        added.push({ ...incoming, deal: { ...incoming.deal, id } });
      } else added.push(incoming);
    } else {
      const at = found.hits[0]!;
      const target = existing[at]!;
      if (found.hits.length > 1) {
        const ids = found.hits.map((h) => `“${existing[h]!.deal.id}”`).join(', ');
        warnings.push(
          `${capital(placesText(incoming.places))} matches ${found.hits.length} deals by ${keyName(found.key)} (${ids}); it was compared with “${target.deal.id}” only.`,
        );
      }
      const first = claimed.get(at);
      if (first) {
        const reason = `matches the same deal (“${target.deal.title}”, by ${keyName(found.key)}) as ${placesText(first)}, which was used instead`;
        rejected.push(rejection(incoming, reason));
        warnings.push(
          `${capital(placesText(incoming.places))} and ${placesText(first)} match the same deal “${target.deal.id}”; only ${placesText(first)} was used.`,
        );
      } else {
        claimed.set(at, incoming.places);
        const outcome = planUpdate(target, incoming, found.key);
        if (outcome === 'unchanged') unchanged++;
        else if ('reason' in outcome) rejected.push(rejection(incoming, outcome.reason));
        else updated.push(outcome);
      }
    }
    if ((i + 1) % chunk === 0 && i + 1 < total) yield { done: i + 1, total };
  }
  yield { done: total, total };
  return {
    detected: parsed.detected,
    rowsRead: Math.max(parsed.detected.rowCount, total + parsed.rejected.length),
    added,
    updated,
    unchanged,
    rejected,
    warnings,
  };
}

function uniqueNewId(id: string, index: MatchIndex, newIds: ReadonlySet<string>): string {
  if (!index.hasId(id) && !newIds.has(id)) return id;
  for (let n = 2; ; n++) {
    const candidate = `${id}-${n}`;
    if (!index.hasId(candidate) && !newIds.has(candidate)) return candidate;
  }
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function keyName(key: string): string {
  if (key.startsWith('sipri:')) return 'SIPRI ID';
  if (key.startsWith('ocds:')) return 'OCDS id';
  if (key.startsWith('id:')) return 'deal id';
  return 'supplier, recipient, system and order year';
}

function rejection(incoming: ParsedDeal, reason: string): RejectedRow {
  return { place: firstPlace(incoming.places), reason };
}

function planUpdate(
  target: ExistingDeal,
  incoming: ParsedDeal,
  key: string,
): PlannedUpdate | 'unchanged' | { reason: string } {
  const before = target.deal;
  const merged = mergeImported(before, incoming.deal);
  const valid = Deal.safeParse(merged);
  if (!valid.success) {
    return {
      reason:
        `merging it into “${before.title}” (${before.id}) gives a record the tracker refuses: ${describeIssues(valid.error)}`.slice(
          0,
          2000,
        ),
    };
  }
  let after = valid.data;
  // The time of this import alone is not a change: a re-import of the same file is "unchanged".
  if (before.origin && after.origin && after.origin.importedAt !== before.origin.importedAt) {
    const same = { ...after, origin: { ...after.origin, importedAt: before.origin.importedAt } };
    if (deepEqual(before, same)) return 'unchanged';
  }
  // Both are as the schema reads them (the existing deals were, and `after` just was).
  const changes = diffParsed(before, after);
  if (changes.length === 0) return 'unchanged';
  if (after === merged) after = { ...after };
  return {
    existingId: before.id,
    revision: target.revision,
    before,
    after,
    changes,
    matchedBy: key,
    places: incoming.places,
  };
}

/**
 * The preview of importing a parsed file into the tracker as it is now. Runs the whole plan at once,
 * calling `onProgress` after each chunk and stopping with `ImportCancelled` when `cancelled()` says so.
 * Several incoming records matching one deal: the first in the file is used, the others rejected
 * with the reason; one record matching several deals by its strongest key: the deal with the
 * smallest id is used. Both are also warnings naming the lines.
 */
export function buildImportPlan(
  parsed: ParseResult,
  existing: readonly ExistingDeal[],
  options: PlanOptions = {},
): ImportPlan {
  const steps = importPlanSteps(parsed, existing, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (options.cancelled?.()) throw new ImportCancelled();
    options.onProgress?.(step.value.done, step.value.total);
  }
}

/** The confirmed plan as the body of `POST /api/deals/batch`, and the file places of each item. */
export function batchOf(
  plan: Pick<ImportPlan, 'added' | 'updated'>,
  note: string,
): { body: BatchWriteBody; places: FilePlace[][] } {
  const items: BatchWriteBody['items'] = [];
  const places: FilePlace[][] = [];
  for (const { deal, places: at } of plan.added) {
    items.push({ data: deal });
    places.push(at);
  }
  for (const { after, revision, places: at } of plan.updated) {
    items.push({ data: after, ifMatch: revision });
    places.push(at);
  }
  return { body: { note, items }, places };
}
