import { formatMoney, formatPartialDate, LABELS, parsePartialDate } from '../../domain';
import { isKeyedArray, isRecord, keysOf, type Path } from '../../domain/tracking/paths';
import { DataText } from '../data-text';

/*
 * A field of a deal record in words, for the history's diff and the conflict view: money with its
 * currency, dates as precisely as they are known, vocabulary in its labels, lists as lists. Every
 * value the record holds is data, so each piece is drawn as `<DataText>` (isolated, controls
 * stripped); a `javascript:` address is text, never a link.
 */

type Vocab = Record<string, string>;

/** The value at a tracking path (keyed elements named by their key, as `diff` gives them). */
export function valueAt(record: unknown, path: Path): unknown {
  let here: unknown = record;
  const walked: Path = [];
  for (const seg of path) {
    if (Array.isArray(here)) {
      if (isKeyedArray(walked)) {
        const keys = keysOf(walked, here);
        const i = keys.indexOf(String(seg));
        here = i < 0 ? undefined : here[i];
      } else {
        here = typeof seg === 'number' ? here[seg] : undefined;
      }
    } else if (isRecord(here)) {
      here = here[String(seg)];
    } else {
      return undefined;
    }
    walked.push(seg);
  }
  return here;
}

/** The field's name as the schema has it, with keyed elements left out: `figures.amount`. */
function shapeOf(path: Path): string {
  const names: string[] = [];
  const walked: Path = [];
  let skip = false;
  for (const seg of path) {
    if (skip) skip = false;
    else names.push(String(seg));
    walked.push(seg);
    if (isKeyedArray(walked)) skip = true;
  }
  return names.join('.');
}

const VOCAB_BY_SHAPE: Record<string, Vocab> = {
  kind: LABELS.kind,
  status: LABELS.status,
  routes: LABELS.route,
  domains: LABELS.domain,
  'system.category': LABELS.category,
  'parties.role': LABELS.role,
  'quantity.confidence': LABELS.confidence,
  'quantity.allocations.service': LABELS.service,
  'endUser.services': LABELS.service,
  'figures.kind': LABELS.figureKind,
  'figures.confidence': LABELS.confidence,
  'milestones.kind': LABELS.milestone,
  'milestones.confidence': LABELS.confidence,
};

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

function word(vocab: Vocab | undefined, value: unknown): string {
  const s = typeof value === 'string' ? value : JSON.stringify(value);
  return vocab?.[s] ?? s;
}

function dateWords(value: unknown): string {
  const s = str(value);
  return s !== undefined && parsePartialDate(s) ? formatPartialDate(s) : plain(value);
}

function moneyWords(amount: unknown, currency: unknown, approximate?: unknown): string {
  const a = num(amount);
  const c = str(currency);
  if (a === undefined) return plain(amount);
  if (c === undefined || !/^[A-Z]{3}$/.test(c)) return `${a.toLocaleString('en')}${c ? ` ${c}` : ''}`;
  return formatMoney(a, c, { approximate: approximate === true });
}

/** A whole element of a keyed array, or a nested object, in one line. */
function elementWords(shape: string, value: Record<string, unknown>): string {
  switch (shape) {
    case 'figures': {
      const parts = [moneyWords(value.amount, value.currency, value.approximate)];
      if (value.kind !== undefined) parts.push(word(LABELS.figureKind, value.kind).toLowerCase());
      if (value.asOf !== undefined) parts.push(`as of ${dateWords(value.asOf)}`);
      return parts.join(', ');
    }
    case 'sources': {
      const head = [str(value.publisher), str(value.title)].filter(Boolean).join(': ');
      return value.date !== undefined ? `${head} (${dateWords(value.date)})` : head;
    }
    case 'milestones':
      return `${word(LABELS.milestone, value.kind)}: ${str(value.label) ?? ''}, ${dateWords(value.date)}`;
    case 'quantity.allocations':
      return `${word(LABELS.service, value.service)}: ${num(value.count)?.toLocaleString('en') ?? '?'}`;
    case 'parties':
      return `${str(value.name) ?? ''} (${word(LABELS.role, value.role).toLowerCase()})`;
    case 'system':
      return [
        str(value.name),
        str(value.variant) ? `(${str(value.variant)})` : undefined,
        value.category ? `· ${word(LABELS.category, value.category)}` : undefined,
      ]
        .filter(Boolean)
        .join(' ');
    case 'quantity': {
      const total = num(value.total)?.toLocaleString('en') ?? '?';
      return `${total} ${str(value.unit) ?? ''}`.trim();
    }
    default:
      return Object.entries(value)
        .map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`)
        .join('; ');
  }
}

/**
 * The field in words: one string, or a list of strings for a list. `record` is the whole record the
 * value belongs to (a money amount's currency is its figure's), or undefined when not known.
 */
export function describeValue(path: Path, value: unknown, record?: unknown): string | string[] {
  const shape = shapeOf(path);
  const last = shape.split('.').pop() ?? '';
  if (value === undefined || value === null) return 'Not set';
  if (Array.isArray(value)) {
    const itemShape = isKeyedArray(path) ? shape : undefined;
    if (value.length === 0) return 'None';
    return value.map((item) => {
      if (itemShape !== undefined && isRecord(item)) return elementWords(itemShape, item);
      if (shape.endsWith('sourceIds') && typeof item === 'string') return sourceName(record, item);
      const described = describeValue([...path, 0], item, record);
      return Array.isArray(described) ? described.join(', ') : described;
    });
  }
  if (isRecord(value)) return elementWords(shape, value);
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (last === 'amount') {
    const figure = valueAt(record, path.slice(0, -1));
    return isRecord(figure)
      ? moneyWords(value, figure.currency, figure.approximate)
      : moneyWords(value, undefined);
  }
  if (shape === 'headlineFigureId') {
    const figures: unknown[] = isRecord(record) && Array.isArray(record.figures) ? record.figures : [];
    const figure = figures.find((f) => isRecord(f) && f.id === value);
    return isRecord(figure)
      ? `${moneyWords(figure.amount, figure.currency, figure.approximate)} (${plain(value)})`
      : plain(value);
  }
  const vocab = VOCAB_BY_SHAPE[shape] ?? VOCAB_BY_SHAPE[shape.replace(/\.\d+$/, '')];
  if (vocab) return word(vocab, value);
  if (typeof value === 'string' && (/date$/i.test(last) || last === 'asOf')) return dateWords(value);
  if (typeof value === 'number') return value.toLocaleString('en');
  return plain(value);
}

/** A leaf value as text: strings as they are, anything else as JSON. */
function plain(value: unknown): string {
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
}

function sourceName(record: unknown, id: string): string {
  const sources: unknown[] = isRecord(record) && Array.isArray(record.sources) ? record.sources : [];
  const source = sources.find((s) => isRecord(s) && s.id === id);
  return isRecord(source) && typeof source.publisher === 'string' ? `${source.publisher} (${id})` : id;
}

/** A field's value as the history and the conflict view show it: text, or a list as a list. */
export function FieldValue({ path, value, record }: { path: Path; value: unknown; record?: unknown }) {
  const described = describeValue(path, value, record);
  if (typeof described === 'string') {
    return value === undefined || value === null ? (
      <span className="muted">{described}</span>
    ) : (
      <DataText>{described}</DataText>
    );
  }
  return (
    <ul className="field-value__list">
      {described.map((item, i) => (
        <li key={i}>
          <DataText>{item}</DataText>
        </li>
      ))}
    </ul>
  );
}
