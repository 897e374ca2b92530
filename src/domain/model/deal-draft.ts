import { Deal } from './deal-schema';
import type { ValidationIssue } from './api-contract';
import type {
  Confidence,
  DealKind,
  DealStatus,
  Domain,
  FigureKind,
  MilestoneKind,
  PartyRole,
  Route,
  Service,
  SystemCategory,
} from './vocabulary';

/*
 * The deal form's state and its way to and from a record. A draft holds what the user typed, as
 * typed: numbers and dates are strings (a half-typed "31a" stays "31a" until it is fixed), and a
 * choice not yet made is ''. `dealFromDraft` turns a draft into a record with the same zod schema the
 * API uses (`Deal.safeParse`), so the form refuses exactly what the server would, and
 * `issuesByField` says which field shows each issue, for local and server (422) issues alike.
 */

/** '' is "not chosen yet": a select's empty option. */
type Choice<T extends string> = T | '';

export interface SourceDraft {
  /** Stable React key for the row; never sent. */
  key: string;
  id: string;
  /** The id was typed by hand (or came with the record): it no longer follows publisher and title. */
  idEdited: boolean;
  publisher: string;
  title: string;
  date: string;
  url: string;
  quote: string;
}

export interface PartyDraft {
  key: string;
  name: string;
  role: Choice<PartyRole>;
  country: string;
}

export interface AllocationDraft {
  key: string;
  service: Choice<Service>;
  count: string;
  sourceIds: string[];
}

export interface FigureDraft {
  key: string;
  id: string;
  amount: string;
  currency: string;
  kind: Choice<FigureKind>;
  approximate: boolean;
  asOf: string;
  confidence: Confidence;
  sourceIds: string[];
  note: string;
}

export interface MilestoneDraft {
  key: string;
  kind: Choice<MilestoneKind>;
  date: string;
  label: string;
  confidence: Confidence;
  sourceIds: string[];
  /** The date a source said it was planned for, with its own citations; all empty is no plan. */
  planned: { date: string; sourceIds: string[]; note: string };
}

export interface DealDraft {
  id: string;
  /** The id was typed by hand, or belongs to a saved deal: it no longer follows the title. */
  idEdited: boolean;
  title: string;
  summary: string;
  kind: Choice<DealKind>;
  status: Choice<DealStatus>;
  /** Country codes as typed, separated by commas or spaces ("IN, US"). */
  buyerCountries: string;
  supplierCountries: string;
  parties: PartyDraft[];
  routes: Route[];
  domains: Domain[];
  system: { name: string; variant: string; category: Choice<SystemCategory> };
  quantity: {
    total: string;
    unit: string;
    confidence: Confidence;
    sourceIds: string[];
    note: string;
    allocations: AllocationDraft[];
  };
  endUser: { services: Service[]; sourceIds: string[]; note: string };
  figures: FigureDraft[];
  headlineFigureId: string;
  milestones: MilestoneDraft[];
  sources: SourceDraft[];
  /** Carried through untouched: a generated record stays marked as one. */
  synthetic: boolean | undefined;
  /** What an import recorded and the form does not edit (SIPRI's TIV, deliveries, the file's origin). */
  carried: Carried;
  /** The editor's note for this revision; not part of the record. */
  note: string;
}

export interface Carried {
  tiv?: Deal['tiv'];
  origin?: Deal['origin'];
  delivered?: NonNullable<Deal['quantity']>['delivered'];
}

let keySeq = 0;
/** A key for a new row, unique within this page's life. */
export function newKey(prefix = 'row'): string {
  keySeq += 1;
  return `${prefix}-${keySeq}`;
}

/** A lowercase slug of the words in `text` ("MQ-9B Sea Guardian, 2024" → "mq-9b-sea-guardian-2024"). */
export function slugify(text: string, maxLength = 60): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= maxLength) return slug;
  const cut = slug.slice(0, maxLength);
  const lastDash = cut.lastIndexOf('-');
  return (lastDash > maxLength / 2 ? cut.slice(0, lastDash) : cut).replace(/-+$/, '');
}

/** `base`, or `base-2`, `base-3` … whichever is not yet taken. */
export function uniqueSlug(base: string, taken: ReadonlySet<string> | readonly string[]): string {
  const set = taken instanceof Set ? taken : new Set(taken);
  if (!set.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!set.has(candidate)) return candidate;
  }
}

/** The id a new source gets from its publisher and title, unique among the other sources. */
export function sourceIdFor(publisher: string, title: string, takenIds: readonly string[]): string {
  const base = slugify(`${publisher} ${title}`, 48) || 'source';
  return uniqueSlug(base, takenIds);
}

export function emptySource(): SourceDraft {
  return {
    key: newKey('source'),
    id: '',
    idEdited: false,
    publisher: '',
    title: '',
    date: '',
    url: '',
    quote: '',
  };
}
export function emptyParty(): PartyDraft {
  return { key: newKey('party'), name: '', role: '', country: '' };
}
export function emptyAllocation(): AllocationDraft {
  return { key: newKey('allocation'), service: '', count: '', sourceIds: [] };
}
export function emptyFigure(takenIds: readonly string[]): FigureDraft {
  return {
    key: newKey('figure'),
    id: uniqueSlug(`figure-${takenIds.length + 1}`, takenIds),
    amount: '',
    currency: 'USD',
    kind: '',
    approximate: false,
    asOf: '',
    confidence: 'confirmed',
    sourceIds: [],
    note: '',
  };
}
export function emptyMilestone(): MilestoneDraft {
  return {
    key: newKey('milestone'),
    kind: '',
    date: '',
    label: '',
    confidence: 'confirmed',
    sourceIds: [],
    planned: { date: '', sourceIds: [], note: '' },
  };
}

export function emptyDraft(): DealDraft {
  return {
    id: '',
    idEdited: false,
    title: '',
    summary: '',
    kind: '',
    status: '',
    buyerCountries: '',
    supplierCountries: '',
    parties: [],
    routes: [],
    domains: [],
    system: { name: '', variant: '', category: '' },
    quantity: { total: '', unit: '', confidence: 'confirmed', sourceIds: [], note: '', allocations: [] },
    endUser: { services: [], sourceIds: [], note: '' },
    figures: [],
    headlineFigureId: '',
    milestones: [],
    sources: [emptySource()],
    synthetic: undefined,
    carried: {},
    note: '',
  };
}

const countString = (n: number | undefined) => (n === undefined ? '' : String(n));

export function draftFromDeal(deal: Deal): DealDraft {
  return {
    id: deal.id,
    idEdited: true,
    title: deal.title,
    summary: deal.summary,
    kind: deal.kind,
    status: deal.status,
    buyerCountries: deal.buyerCountries.join(', '),
    supplierCountries: deal.supplierCountries.join(', '),
    parties: deal.parties.map((p) => ({
      key: newKey('party'),
      name: p.name,
      role: p.role,
      country: p.country ?? '',
    })),
    routes: [...deal.routes],
    domains: [...deal.domains],
    system: {
      name: deal.system?.name ?? '',
      variant: deal.system?.variant ?? '',
      category: deal.system?.category ?? '',
    },
    quantity: {
      total: countString(deal.quantity?.total),
      unit: deal.quantity?.unit ?? '',
      confidence: deal.quantity?.confidence ?? 'confirmed',
      sourceIds: [...(deal.quantity?.sourceIds ?? [])],
      note: deal.quantity?.note ?? '',
      allocations: (deal.quantity?.allocations ?? []).map((a) => ({
        key: newKey('allocation'),
        service: a.service,
        count: String(a.count),
        sourceIds: [...(a.sourceIds ?? [])],
      })),
    },
    endUser: {
      services: [...(deal.endUser?.services ?? [])],
      sourceIds: [...(deal.endUser?.sourceIds ?? [])],
      note: deal.endUser?.note ?? '',
    },
    figures: deal.figures.map((f) => ({
      key: newKey('figure'),
      id: f.id,
      amount: String(f.amount),
      currency: f.currency,
      kind: f.kind,
      approximate: f.approximate,
      asOf: f.asOf,
      confidence: f.confidence,
      sourceIds: [...f.sourceIds],
      note: f.note ?? '',
    })),
    headlineFigureId: deal.headlineFigureId ?? '',
    milestones: deal.milestones.map((m) => ({
      key: newKey('milestone'),
      kind: m.kind,
      date: m.date,
      label: m.label,
      confidence: m.confidence,
      sourceIds: [...m.sourceIds],
      planned: {
        date: m.planned?.date ?? '',
        sourceIds: [...(m.planned?.sourceIds ?? [])],
        note: m.planned?.note ?? '',
      },
    })),
    sources: deal.sources.map((s) => ({
      key: newKey('source'),
      id: s.id,
      idEdited: true,
      publisher: s.publisher,
      title: s.title,
      date: s.date ?? '',
      url: s.url ?? '',
      quote: s.quote ?? '',
    })),
    synthetic: deal.synthetic,
    carried: {
      ...(deal.tiv ? { tiv: deal.tiv } : {}),
      ...(deal.origin ? { origin: deal.origin } : {}),
      ...(deal.quantity?.delivered ? { delivered: deal.quantity.delivered } : {}),
    },
    note: '',
  };
}

/** One problem with a draft: where (a zod path into the record) and what, in words for the editor. */
export type DraftIssue = ValidationIssue;

export type DraftResult = { ok: true; record: Deal } | { ok: false; issues: DraftIssue[] };

type Path = (string | number)[];

/**
 * A typed count or amount: digits with optional thousands separators (commas, spaces, underscores)
 * and, for amounts, a decimal part. `undefined` for empty; NaN for anything else.
 */
export function parseNumberText(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  if (!/^\d{1,3}(?:[,\s_]?\d{3})*(?:\.\d+)?$|^\d+(?:\.\d+)?$/.test(trimmed)) return Number.NaN;
  return Number(trimmed.replace(/[,\s_]/g, ''));
}

/** Country codes as typed: split on commas and spaces, upper-cased ("in, us" → ["IN", "US"]). */
export function parseCountryList(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((code) => code.trim().toUpperCase())
    .filter((code) => code !== '');
}

const optionalText = (text: string): string | undefined => (text.trim() === '' ? undefined : text.trim());

/**
 * Builds the record from the draft and checks it with the deal schema. Numbers that are not numbers
 * are reported here, in words, rather than handed to zod as NaN; everything else is the schema's word.
 */
export function dealFromDraft(draft: DealDraft): DraftResult {
  const local: DraftIssue[] = [];
  const num = (text: string, path: Path, what: string, required: boolean): number | undefined => {
    const value = parseNumberText(text);
    if (value === undefined) {
      if (required) local.push({ path, message: `Enter ${what}.` });
      return undefined;
    }
    if (Number.isNaN(value)) {
      local.push({
        path,
        message: `"${text.trim()}" is not a number: enter digits only, such as 3500000000.`,
      });
      return undefined;
    }
    return value;
  };

  const system = draft.system;
  const hasSystem = system.name.trim() !== '' || system.variant.trim() !== '' || system.category !== '';

  const q = draft.quantity;
  const hasQuantity =
    q.total.trim() !== '' || q.unit.trim() !== '' || q.allocations.length > 0 || q.sourceIds.length > 0;

  const eu = draft.endUser;
  const hasEndUser = eu.services.length > 0 || eu.sourceIds.length > 0 || eu.note.trim() !== '';

  const input: Record<string, unknown> = {
    id: draft.id.trim(),
    title: draft.title,
    summary: draft.summary,
    kind: draft.kind,
    status: draft.status,
    buyerCountries: parseCountryList(draft.buyerCountries),
    supplierCountries: parseCountryList(draft.supplierCountries),
    parties: draft.parties.map((p) => ({
      name: p.name,
      role: p.role,
      ...(optionalText(p.country) ? { country: p.country.trim().toUpperCase() } : {}),
    })),
    routes: draft.routes,
    domains: draft.domains,
    ...(hasSystem
      ? {
          system: {
            name: system.name,
            ...(optionalText(system.variant) ? { variant: system.variant.trim() } : {}),
            category: system.category,
          },
        }
      : {}),
    ...(hasQuantity
      ? {
          quantity: {
            total: num(q.total, ['quantity', 'total'], 'the total quantity', true),
            unit: q.unit,
            confidence: q.confidence,
            sourceIds: q.sourceIds,
            ...(optionalText(q.note) ? { note: q.note.trim() } : {}),
            allocations: q.allocations.map((a, i) => ({
              service: a.service,
              count: num(a.count, ['quantity', 'allocations', i, 'count'], 'how many units', true),
              ...(a.sourceIds.length > 0 ? { sourceIds: a.sourceIds } : {}),
            })),
            ...(draft.carried.delivered ? { delivered: draft.carried.delivered } : {}),
          },
        }
      : {}),
    ...(hasEndUser
      ? {
          endUser: {
            services: eu.services,
            sourceIds: eu.sourceIds,
            ...(optionalText(eu.note) ? { note: eu.note.trim() } : {}),
          },
        }
      : {}),
    figures: draft.figures.map((f, i) => ({
      id: f.id.trim(),
      amount: num(f.amount, ['figures', i, 'amount'], 'the amount', true),
      currency: f.currency.trim().toUpperCase(),
      kind: f.kind,
      approximate: f.approximate,
      asOf: f.asOf.trim(),
      confidence: f.confidence,
      sourceIds: f.sourceIds,
      ...(optionalText(f.note) ? { note: f.note.trim() } : {}),
    })),
    ...(draft.headlineFigureId !== '' ? { headlineFigureId: draft.headlineFigureId } : {}),
    milestones: draft.milestones.map((m) => ({
      kind: m.kind,
      date: m.date.trim(),
      label: m.label,
      confidence: m.confidence,
      sourceIds: m.sourceIds,
      ...(m.planned.date.trim() !== '' || m.planned.sourceIds.length > 0 || m.planned.note.trim() !== ''
        ? {
            planned: {
              date: m.planned.date.trim(),
              sourceIds: m.planned.sourceIds,
              ...(optionalText(m.planned.note) ? { note: m.planned.note.trim() } : {}),
            },
          }
        : {}),
    })),
    sources: draft.sources.map((s) => ({
      id: s.id.trim(),
      title: s.title,
      publisher: s.publisher,
      ...(optionalText(s.date) ? { date: s.date.trim() } : {}),
      ...(optionalText(s.url) ? { url: s.url.trim() } : {}),
      ...(optionalText(s.quote) ? { quote: s.quote.trim() } : {}),
    })),
    ...(draft.carried.tiv ? { tiv: draft.carried.tiv } : {}),
    ...(draft.carried.origin ? { origin: draft.carried.origin } : {}),
    ...(draft.synthetic !== undefined ? { synthetic: draft.synthetic } : {}),
  };

  const parsed = Deal.safeParse(input);
  // A field with a local issue (an amount that is not a number) shows only that one.
  const localKeys = new Set(local.map((issue) => pathKey(issue.path)));
  const schemaIssues: DraftIssue[] = parsed.success
    ? []
    : parsed.error.issues
        .map((issue) => ({
          path: issue.path.filter((p): p is string | number => typeof p !== 'symbol'),
          message: friendlyMessage(issue.message, valueAt(input, issue.path)),
        }))
        .filter((issue) => !localKeys.has(pathKey(issue.path)));
  const issues = [...local, ...schemaIssues];
  if (issues.length > 0 || !parsed.success) return { ok: false, issues };
  return { ok: true, record: parsed.data };
}

const pathKey = (path: Path) => path.join('.');

/** What the record being checked holds at a zod path (undefined where nothing is). */
function valueAt(record: unknown, path: readonly PropertyKey[]): unknown {
  let here: unknown = record;
  for (const part of path) {
    if (here === null || typeof here !== 'object') return undefined;
    here = (here as Record<PropertyKey, unknown>)[part];
  }
  return here;
}

/**
 * zod's generic wording, for an editor: "Too small: expected string to have >=1 characters" on an
 * empty title is "Required". The server's 422 messages come from the same schema and read the same.
 */
export function friendlyMessage(message: string, input?: unknown): string {
  if (/^Too small: expected string to have >=1 characters$/.test(message))
    return 'Required: this cannot be empty.';
  if (/^Too small: expected array to have >=1 items$/.test(message)) return 'Choose or enter at least one.';
  if (/^Invalid option: expected one of /.test(message) && (input === '' || input === undefined))
    return 'Choose one.';
  // An empty box: "Required", not the format it would have to follow once filled in.
  if (input === '' && /^expected a date as /.test(message))
    return 'Enter a date: YYYY, YYYY-MM or YYYY-MM-DD.';
  if (input === '' && /^expected an? /.test(message)) return 'Required: this cannot be empty.';
  if (/^Invalid input: expected string, received undefined$/.test(message))
    return 'Required: this cannot be empty.';
  if (/^Invalid input: expected (number|int), received undefined$/.test(message)) return 'Enter a number.';
  return message;
}

/**
 * Arrays whose items are parts of one field (a checkbox group, a list of codes typed in one box): an
 * issue inside one is shown beside the whole group.
 */
const GROUP_FIELDS = new Set([
  'sourceIds',
  'buyerCountries',
  'supplierCountries',
  'routes',
  'domains',
  'services',
]);

/**
 * The form field that shows an issue at `path`: `['quantity','allocations',0,'count']` →
 * "quantity.allocations.0.count"; `['figures',1,'sourceIds',0]` → "figures.1.sourceIds". A record-wide
 * issue (an empty path) is "record".
 */
export function fieldKeyOf(path: readonly (string | number)[]): string {
  if (path.length === 0) return 'record';
  const out: (string | number)[] = [];
  for (const part of path) {
    out.push(part);
    if (typeof part === 'string' && GROUP_FIELDS.has(part)) break;
  }
  return out.join('.');
}

/** Issues grouped by the field that shows them, in the order they came. */
export function issuesByField(issues: readonly DraftIssue[]): Map<string, string[]> {
  const byField = new Map<string, string[]>();
  for (const issue of issues) {
    const key = fieldKeyOf(issue.path);
    const list = byField.get(key);
    if (list) {
      if (!list.includes(issue.message)) list.push(issue.message);
    } else byField.set(key, [issue.message]);
  }
  return byField;
}

/** Every source id the draft cites, wherever. */
function citedIds(draft: DealDraft): string[][] {
  return [
    draft.quantity.sourceIds,
    draft.endUser.sourceIds,
    ...draft.quantity.allocations.map((a) => a.sourceIds),
    ...draft.figures.map((f) => f.sourceIds),
    ...draft.milestones.map((m) => m.sourceIds),
    ...draft.milestones.map((m) => m.planned.sourceIds),
    draft.carried.tiv?.sourceIds ?? [],
    draft.carried.delivered?.sourceIds ?? [],
  ];
}

/** A source's id changed: every citation of the old id follows it. */
export function renameSourceId(draft: DealDraft, from: string, to: string): DealDraft {
  if (from === to || from === '') return draft;
  const rename = (ids: string[]) => ids.map((id) => (id === from ? to : id));
  return {
    ...draft,
    quantity: {
      ...draft.quantity,
      sourceIds: rename(draft.quantity.sourceIds),
      allocations: draft.quantity.allocations.map((a) => ({ ...a, sourceIds: rename(a.sourceIds) })),
    },
    endUser: { ...draft.endUser, sourceIds: rename(draft.endUser.sourceIds) },
    figures: draft.figures.map((f) => ({ ...f, sourceIds: rename(f.sourceIds) })),
    milestones: draft.milestones.map((m) => ({
      ...m,
      sourceIds: rename(m.sourceIds),
      planned: { ...m.planned, sourceIds: rename(m.planned.sourceIds) },
    })),
    carried: {
      ...draft.carried,
      ...(draft.carried.tiv
        ? { tiv: { ...draft.carried.tiv, sourceIds: rename(draft.carried.tiv.sourceIds) } }
        : {}),
      ...(draft.carried.delivered
        ? { delivered: { ...draft.carried.delivered, sourceIds: rename(draft.carried.delivered.sourceIds) } }
        : {}),
    },
  };
}

/** How many citations name this source id; removing a cited source asks first. */
export function citationCount(draft: DealDraft, sourceId: string): number {
  return citedIds(draft).reduce((n, ids) => n + ids.filter((id) => id === sourceId).length, 0);
}

/** A source is removed: so are the citations of it (the user was told how many). */
export function removeSource(draft: DealDraft, key: string): DealDraft {
  const source = draft.sources.find((s) => s.key === key);
  if (!source) return draft;
  const drop = (ids: string[]) => ids.filter((id) => id !== source.id);
  return {
    ...draft,
    sources: draft.sources.filter((s) => s.key !== key),
    quantity: {
      ...draft.quantity,
      sourceIds: drop(draft.quantity.sourceIds),
      allocations: draft.quantity.allocations.map((a) => ({ ...a, sourceIds: drop(a.sourceIds) })),
    },
    endUser: { ...draft.endUser, sourceIds: drop(draft.endUser.sourceIds) },
    figures: draft.figures.map((f) => ({ ...f, sourceIds: drop(f.sourceIds) })),
    milestones: draft.milestones.map((m) => ({
      ...m,
      sourceIds: drop(m.sourceIds),
      planned: { ...m.planned, sourceIds: drop(m.planned.sourceIds) },
    })),
  };
}

/** Two drafts hold the same typed content (row keys aside): nothing to save, nothing to lose. */
export function sameDraft(a: DealDraft, b: DealDraft): boolean {
  return JSON.stringify(a, dropKeys) === JSON.stringify(b, dropKeys);
}
function dropKeys(this: unknown, name: string, value: unknown): unknown {
  return name === 'key' ? undefined : value;
}

/** A figure's id from what it is ("usd-signed-2024-10"), unique among the deal's figures. */
export function figureIdFor(
  figure: { currency: string; kind: string; asOf: string },
  takenIds: readonly string[],
): string {
  const base = slugify(`${figure.currency} ${figure.kind} ${figure.asOf}`, 48) || 'figure';
  return uniqueSlug(base, takenIds);
}
