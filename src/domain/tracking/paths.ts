import { LABELS } from '../model/vocabulary';

/**
 * How the tracking diff and merge walk a deal record: which arrays hold things with an identity
 * (matched by it, so one inserted source is one addition rather than a shifted list), and how a path
 * is put in words.
 *
 * A path is a list of segments as in zod, except that an element of a keyed array is named by its
 * key (a source's or figure's id, an allocation's service, a milestone's kind and label) rather than
 * by its index: `["quantity", "allocations", "navy", "count"]`. Arrays of plain values
 * (`buyerCountries`, `routes`, `sourceIds` …) are one value each.
 */
export type Path = (string | number)[];

type Json = unknown;
type Rec = Record<string, Json>;

export function isRecord(value: Json): value is Rec {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Structural equality of JSON-like values; key order does not matter, `undefined` keys are absent. */
export function deepEqual(a: Json, b: Json): boolean {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a)) {
    return Array.isArray(b) && a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  }
  if (isRecord(a) && isRecord(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) if (!deepEqual(a[k], b[k])) return false;
    return true;
  }
  return false;
}

type KeyOf = (element: Json) => string | undefined;

const field =
  (name: string): KeyOf =>
  (e) =>
    isRecord(e) && typeof e[name] === 'string' ? e[name] : undefined;

/** The arrays whose elements have an identity, by their path with the element keys left out. */
const KEYED: Record<string, KeyOf> = {
  sources: field('id'),
  figures: field('id'),
  'quantity.allocations': field('service'),
  milestones: (e) =>
    isRecord(e) && typeof e.kind === 'string' && typeof e.label === 'string'
      ? `${e.kind}: ${e.label}`
      : undefined,
  parties: (e) =>
    isRecord(e) && typeof e.name === 'string' && typeof e.role === 'string'
      ? `${e.role}: ${e.name}`
      : undefined,
};

/**
 * The path with keyed-element segments dropped (`quantity.allocations.count`), and whether it ends
 * on such a segment (it names an element rather than the array).
 */
function walk(path: Path): { shape: string; onElement: boolean } {
  const out: string[] = [];
  let onElement = false;
  for (const seg of path) {
    if (!onElement && out.join('.') in KEYED && out.length > 0) {
      onElement = true;
      continue;
    }
    onElement = false;
    out.push(String(seg));
  }
  return { shape: out.join('.'), onElement };
}

function shapeOf(path: Path): string {
  return walk(path).shape;
}

/** Whether the array at this path is matched by key. */
export function isKeyedArray(path: Path): boolean {
  const { shape, onElement } = walk(path);
  return !onElement && shape in KEYED;
}

/**
 * Each element's key, unique within the array: an element with no key (a malformed record) or a
 * repeated key is named by its place, `#3`, or by its key and occurrence, `dawn-2024#2`.
 */
export function keysOf(path: Path, list: readonly Json[]): string[] {
  const keyOf = KEYED[shapeOf(path)];
  const seen = new Map<string, number>();
  return list.map((element, i) => {
    const key = keyOf?.(element);
    if (key === undefined) return `#${i + 1}`;
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return n === 1 ? key : `${key}#${n}`;
  });
}

/** Stable string of a path, for maps of choices. */
export function pathKey(path: Path): string {
  return JSON.stringify(path);
}

const FIELD_WORDS: Record<string, string> = {
  id: 'id',
  title: 'title',
  summary: 'summary',
  kind: 'kind',
  status: 'status',
  buyerCountries: 'buyer countries',
  supplierCountries: 'supplier countries',
  parties: 'parties',
  routes: 'routes',
  domains: 'domains',
  system: 'system',
  name: 'name',
  variant: 'variant',
  category: 'category',
  role: 'role',
  country: 'country',
  quantity: 'quantity',
  total: 'total',
  unit: 'unit',
  allocations: 'allocations',
  service: 'service',
  count: 'count',
  confidence: 'confidence',
  sourceIds: 'sources cited',
  note: 'note',
  endUser: 'end user',
  services: 'services',
  figures: 'money figures',
  amount: 'amount',
  currency: 'currency',
  approximate: 'approximate',
  asOf: 'as of',
  headlineFigureId: 'headline figure',
  milestones: 'milestones',
  date: 'date',
  label: 'label',
  planned: 'plan',
  sources: 'sources',
  publisher: 'publisher',
  url: 'address',
  quote: 'quote',
  synthetic: 'synthetic',
};

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** An element in words: an allocation by its service, a source or figure by its id, … */
function elementWords(shape: string, key: string): string {
  if (shape === 'quantity.allocations') {
    return (LABELS.service as Record<string, string>)[key] ?? key;
  }
  if (shape === 'figures') return `figure ${key}`;
  if (shape === 'sources') return `source ${key}`;
  if (shape === 'milestones' || shape === 'parties') {
    const [kindOrRole = '', ...rest] = key.split(': ');
    const vocab = (shape === 'milestones' ? LABELS.milestone : LABELS.role) as Record<string, string>;
    const name = rest.join(': ');
    return name ? `${vocab[kindOrRole] ?? kindOrRole} “${name}”` : key;
  }
  return key;
}

/**
 * A path in words, as a change list shows it: `["quantity", "allocations", "navy", "count"]` is
 * "Quantity › allocations › Navy count".
 */
export function labelOf(path: Path): string {
  const parts: string[] = [];
  const walked: Path = [];
  let pendingElement: string | undefined;
  for (const seg of path) {
    if (pendingElement !== undefined) {
      // The element of a keyed array: its name, then (space) its field.
      parts.push(elementWords(pendingElement, String(seg)));
      pendingElement = undefined;
      walked.push(seg);
      continue;
    }
    const word = typeof seg === 'number' ? `#${seg + 1}` : (FIELD_WORDS[seg] ?? seg);
    const lastIsElement = walked.length > 0 && isKeyedArray(walked.slice(0, -1)) && parts.length > 0;
    if (lastIsElement) parts[parts.length - 1] += ` ${word}`;
    else parts.push(word);
    walked.push(seg);
    if (typeof seg === 'string' && isKeyedArray(walked)) pendingElement = shapeOf(walked);
  }
  if (parts.length > 0) parts[0] = capitalise(parts[0] ?? '');
  return parts.join(' › ');
}
