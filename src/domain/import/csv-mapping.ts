/**
 * Any other CSV (docs/import.md, "Any other CSV"): the file is read as a table (`readCsvTable`), the
 * tracker guesses which column holds which deal field (`guessMapping`, `guessValueUnit`), the user
 * corrects the guess, and `applyMapping` builds a deal from each row.
 *
 * Required: a title or a system, and supplier and buyer countries; everything else is optional. A
 * cell that cannot be read (a country the tracker does not know, "12 aircraft" as a quantity, a
 * value that is not a number) rejects its row with the column's name and the cell, never a guess.
 * Cells are text: a formula-looking cell (`=HYPERLINK(…)`) is kept as the text it is.
 */
import Papa from 'papaparse';
import type { DealInput, MoneyFigure } from '../model/deal-schema';
import { MAX_AMOUNT, MIN_AMOUNT } from '../model/deal-schema';
import { parseDeal } from '../model/parse-deals';
import {
  DEAL_KINDS,
  DEAL_STATUSES,
  FIGURE_KINDS,
  LABELS,
  SYSTEM_CATEGORIES,
  type DealKind,
  type DealStatus,
  type FigureKind,
  type SystemCategory,
} from '../model/vocabulary';
import { parsePartialDate } from '../money-dates/partial-date';
import { sipriCategory } from './sipri-categories';
import { sipriCountryCode } from './sipri-countries';
import { compositeKey } from './match-keys';
import {
  ImportCancelled,
  UnreadableFile,
  type ColumnMapping,
  type MappableField,
  type ParseContext,
  type ParsedDeal,
  type ParseResult,
  type RejectedRow,
} from './types';

/** A CSV file as a table: its header, its rows with their 1-based file lines, and what could not be read. */
export interface CsvTable {
  header: string[];
  rows: { line: number; cells: string[] }[];
  /** Ragged rows and unbalanced quotes, each with its line and the reason. */
  rejected: RejectedRow[];
  /** The delimiter papaparse found (",", ";", tab…). */
  delimiter: string;
}

const PROGRESS_EVERY = 500;

/**
 * Every 500 rows: stop if cancelled, else report the rows read and the rows in all, estimated from
 * how far into the file the reading is.
 */
function checkIn(
  context: Pick<ParseContext, 'cancelled' | 'onProgress'>,
  rows: number,
  cursor: number,
  length: number,
) {
  if (rows % PROGRESS_EVERY !== 0) return;
  if (context.cancelled?.()) throw new ImportCancelled();
  context.onProgress?.(rows, Math.max(rows, Math.round((rows * length) / Math.max(cursor, 1))));
}

/**
 * The file as a header and rows (papaparse, delimiter detected). A row with more or fewer cells than the
 * header, or with a quote that is never closed, is rejected with its line and the reason; blank lines
 * are skipped. An empty file, or one with a header and no rows, is an `UnreadableFile`.
 */
export function readCsvTable(
  text: string,
  context: Pick<ParseContext, 'cancelled' | 'onProgress'> = {},
  /** The delimiter, when the format fixes it; detected otherwise. */
  delimiter?: string,
): CsvTable {
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '')
    throw new UnreadableFile('The file is empty: there is no header and no row to import.');
  let header: string[] | undefined;
  const rows: CsvTable['rows'] = [];
  const rejected: RejectedRow[] = [];
  let found = delimiter ?? ',';
  let cursor = 0;
  let line = 1;
  let count = 0;
  Papa.parse<string[]>(body, {
    ...(delimiter ? { delimiter } : {}),
    // Blank lines skipped by papaparse too: with them its delimiter detection fails on short files.
    skipEmptyLines: true,
    step: (result) => {
      let start = cursor;
      cursor = result.meta.cursor;
      // The span since the last row starts with the blank lines papaparse skipped.
      while (start < cursor && (body[start] === '\n' || body[start] === '\r')) {
        if (body[start] === '\n') line += 1;
        start += 1;
      }
      const startLine = line;
      for (let i = body.indexOf('\n', start); i !== -1 && i < cursor; i = body.indexOf('\n', i + 1))
        line += 1;
      found = result.meta.delimiter;
      const cells = result.data;
      count += 1;
      checkIn(context, count, cursor, body.length);
      if (cells.every((c) => c.trim() === '')) return;
      const errors = result.errors.filter((e) => e.type !== 'Delimiter');
      const raw = () => body.slice(start, cursor).replace(/\r?\n$/, '');
      if (errors.length > 0) {
        const reasons = errors.map((e) =>
          e.code === 'MissingQuotes'
            ? `${e.message}: a quote opened on this line is never closed, so the rest of the file (to line ${line}) was read as one cell`
            : e.message,
        );
        rejected.push({
          place: startLine,
          reason: `line ${startLine}: ${reasons.join('; ')}`,
          raw: raw().slice(0, 2000),
        });
        return;
      }
      if (!header) {
        header = cells.map((c) => c.trim());
        return;
      }
      if (cells.length !== header.length) {
        rejected.push({
          place: startLine,
          reason: `line ${startLine} has ${cells.length} cell${cells.length === 1 ? '' : 's'}, the header has ${header.length}: the row is ragged, so its cells cannot be matched to columns`,
          raw: raw(),
        });
        return;
      }
      rows.push({ line: startLine, cells });
    },
  });
  if (!header) throw new UnreadableFile('The file has no header row that could be read.');
  if (rows.length === 0 && rejected.length === 0) {
    throw new UnreadableFile(
      `The file has a header (${header.length} column${header.length === 1 ? '' : 's'}) and no data rows: there is nothing to import.`,
    );
  }
  return { header, rows, rejected, delimiter: found };
}

/** A header folded for matching: "Value (USD m)" → "value usd m". */
const fold = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9$€£₹]+/g, ' ')
    .trim();

/** Per field, header patterns: exact names first, then words a header contains. */
const HEADER_GUESSES: Record<MappableField, { exact: string[]; contains: RegExp[] }> = {
  id: { exact: ['id', 'deal id', 'record id', 'reference', 'ref'], contains: [] },
  sourceUrl: { exact: ['url', 'link', 'source url', 'source link'], contains: [/\burl\b/, /\blink\b/] },
  sourceTitle: { exact: ['source', 'source title', 'reference title'], contains: [/\bsource\b/] },
  title: {
    exact: ['title', 'deal', 'deal title', 'name', 'deal name', 'contract', 'contract title', 'project'],
    contains: [/\btitle\b/],
  },
  summary: {
    exact: ['summary', 'description', 'comments', 'comment', 'notes', 'note', 'remarks', 'details'],
    contains: [/\bsummary\b/, /\bdescription\b/, /\bcomments?\b/, /\bnotes?\b/],
  },
  kind: {
    exact: ['kind', 'deal kind', 'deal type', 'type of deal', 'type'],
    contains: [/\bdeal (type|kind)\b/],
  },
  status: { exact: ['status', 'stage', 'deal status', 'state'], contains: [/\bstatus\b/, /\bstage\b/] },
  supplier: {
    exact: ['supplier', 'seller', 'vendor', 'exporter', 'from', 'supplier country', 'seller country'],
    contains: [/\bsupplier\b/, /\bseller\b/, /\bvendor\b/, /\bexporter\b/],
  },
  buyer: {
    exact: [
      'buyer',
      'recipient',
      'purchaser',
      'customer',
      'importer',
      'to',
      'buyer country',
      'recipient country',
    ],
    contains: [/\bbuyer\b/, /\brecipient\b/, /\bpurchaser\b/, /\bcustomer\b/, /\bimporter\b/],
  },
  system: {
    exact: [
      'system',
      'weapon',
      'weapon system',
      'designation',
      'weapon designation',
      'equipment',
      'platform',
      'item',
    ],
    contains: [/\bsystem\b/, /\bdesignation\b/, /\bweapon\b/, /\bequipment\b/, /\bplatform\b/],
  },
  category: {
    exact: ['category', 'system category', 'weapon category', 'class', 'weapon description', 'weapon type'],
    contains: [/\bcategory\b/],
  },
  quantity: {
    exact: ['quantity', 'qty', 'number', 'number ordered', 'units', 'count', 'no ordered'],
    contains: [/\bquantity\b/, /\bqty\b/, /\bnumber ordered\b/],
  },
  currency: { exact: ['currency', 'ccy', 'currency code'], contains: [/\bcurrency\b/] },
  value: {
    exact: ['value', 'amount', 'price', 'cost', 'deal value', 'contract value'],
    contains: [/\bvalue\b/, /\bamount\b/, /\bprice\b/, /\bcost\b/, /\busd\b/, /\$/],
  },
  orderYear: {
    exact: [
      'year',
      'order year',
      'year of order',
      'order date',
      'date',
      'contract date',
      'signed',
      'date signed',
    ],
    contains: [/\byear\b/, /\bdate\b/],
  },
};
/** The order fields claim columns in: the narrow ones first, so "Source URL" is not taken as the source title. */
const GUESS_ORDER: MappableField[] = [
  'id',
  'sourceUrl',
  'sourceTitle',
  'currency',
  'supplier',
  'buyer',
  'category',
  'system',
  'quantity',
  'value',
  'orderYear',
  'status',
  'kind',
  'title',
  'summary',
];

const YEARISH = /^\d{4}(?:-\d{2}(?:-\d{2})?)?(?:[T ].*)?$/;

/**
 * Whether a column's first values are what the field takes, for the fields whose header words are
 * ambiguous: SIPRI's "status" column says New or Second hand, which is no deal status, so it is not
 * guessed as the status (every row would be rejected).
 */
function samplesFit(table: Pick<CsvTable, 'rows'>, field: MappableField, column: number): boolean {
  const check = SAMPLE_CHECKS[field];
  if (!check) return true;
  const values = table.rows
    .slice(0, 20)
    .map((r) => (r.cells[column] ?? '').trim())
    .filter((v) => v !== '');
  return values.length === 0 || values.filter(check).length >= values.length * 0.8;
}
const SAMPLE_CHECKS: Partial<Record<MappableField, (value: string) => boolean>> = {
  status: (v) => vocabulary(DEAL_STATUSES, LABELS.status, v) !== undefined,
  kind: (v) => vocabulary(DEAL_KINDS, LABELS.kind, v) !== undefined,
  currency: (v) => /^[A-Za-z]{3}$/.test(v),
};

/**
 * Which column holds which field, from the header names (exact names first, then words they contain)
 * and, for the year, from sample values. Each column is given to one field at most.
 */
export function guessMapping(table: Pick<CsvTable, 'header' | 'rows'>): ColumnMapping {
  const folded = table.header.map(fold);
  const taken = new Set<number>();
  const mapping: ColumnMapping = {};
  const claim = (field: MappableField, column: number) => {
    mapping[field] = column;
    taken.add(column);
  };
  for (const field of GUESS_ORDER) {
    const { exact, contains } = HEADER_GUESSES[field];
    const free = (i: number) => !taken.has(i);
    let column = folded.findIndex((name, i) => free(i) && exact.includes(name));
    if (column === -1)
      column = folded.findIndex((name, i) => free(i) && contains.some((re) => re.test(name)));
    if (column !== -1 && samplesFit(table, field, column)) claim(field, column);
  }
  if (mapping.orderYear === undefined) {
    // A column whose samples are all years or dates.
    const samples = table.rows.slice(0, 20);
    const column = table.header.findIndex(
      (_, i) =>
        !taken.has(i) &&
        samples.length > 0 &&
        samples.every((r) => {
          const value = (r.cells[i] ?? '').trim();
          return value === '' || YEARISH.test(value);
        }) &&
        samples.some((r) => YEARISH.test(r.cells[i]?.trim() ?? '')),
    );
    if (column !== -1) claim('orderYear', column);
  }
  return mapping;
}

/** How the value column's numbers are meant: times `scale` in `currency`, as `kind`. */
export interface ValueUnit {
  /** 1, 1e3, 1e6, 1e9: "Value (USD m)" is in millions. */
  scale: number;
  /** ISO 4217; undefined when neither the header nor the cells say (then a currency column must). */
  currency?: string;
  /** The figure kind the values are: an estimate unless the user says otherwise. */
  kind: FigureKind;
}

/** The scales a value column can be in, as the mapping step offers them (Indian units included). */
export const VALUE_SCALES = [
  { scale: 1, label: 'as written' },
  { scale: 1e3, label: 'thousands' },
  { scale: 1e5, label: 'lakh (10⁵)' },
  { scale: 1e6, label: 'millions' },
  { scale: 1e7, label: 'crore (10⁷)' },
  { scale: 1e9, label: 'billions' },
  { scale: 1e12, label: 'lakh crore (10¹²)' },
] as const;

// Longest first: "lakh crore" is not lakh, and "crore" is not the "cr" of another word.
const SCALES: [RegExp, number][] = [
  [/\blakh crores?\b/, 1e12],
  [/\b(crores?|cr)\b/, 1e7],
  [/\b(lakhs?|lacs?)\b/, 1e5],
  [/\b(bn|billions?|b)\b/, 1e9],
  [/\b(m|mn|mln|millions?|mio)\b/, 1e6],
  [/\b(k|thousands?)\b/, 1e3],
];
const CURRENCY_SIGNS: [RegExp, string][] = [
  [/\$|\busd\b|dollars?/, 'USD'],
  [/€|\beur\b|euros?/, 'EUR'],
  [/£|\bgbp\b|pounds?/, 'GBP'],
  [/₹|\binr\b|rupees?|\brs\b/, 'INR'],
];

/** The scale and currency the value column's header ("Value (USD m)", "Price $bn") or cells ("$12") imply. */
export function guessValueUnit(table: Pick<CsvTable, 'header' | 'rows'>, mapping: ColumnMapping): ValueUnit {
  const unit: ValueUnit = { scale: 1, kind: 'estimate' };
  if (mapping.value === undefined) return unit;
  const header = fold(table.header[mapping.value] ?? '').replace(/\$(?=[a-z])/g, '$ ');
  const words = header.replace(/^(value|amount|price|cost)\b/, '');
  unit.scale = SCALES.find(([re]) => re.test(words))?.[1] ?? 1;
  const samples = table.rows
    .slice(0, 20)
    .map((r) => r.cells[mapping.value!] ?? '')
    .join(' ')
    .toLowerCase();
  const currency =
    CURRENCY_SIGNS.find(([re]) => re.test(header))?.[1] ??
    CURRENCY_SIGNS.find(([re]) => re.test(samples))?.[1];
  if (currency) unit.currency = currency;
  return unit;
}

/** The mapping's gaps that stop any deal from being built, in words: empty when it is complete. */
export function mappingProblems(mapping: ColumnMapping): string[] {
  const problems: string[] = [];
  if (mapping.title === undefined && mapping.system === undefined)
    problems.push('map a column to the title or the system');
  if (mapping.supplier === undefined) problems.push('map a column to the supplier country');
  if (mapping.buyer === undefined) problems.push('map a column to the buyer country');
  return problems;
}

const slug = (value: string) =>
  value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');

/** A vocabulary value from its key or its label, case and spacing aside. */
function vocabulary<T extends string>(
  keys: readonly T[],
  labels: Record<T, string>,
  cell: string,
): T | undefined {
  const key = cell.toLowerCase().replace(/[\s_]+/g, '-');
  return keys.find((k) => k === key || labels[k].toLowerCase() === cell.toLowerCase());
}

/**
 * A category by its id or label ("helicopter", "Combat aircraft"), else by the SIPRI weapon-description
 * rules (`sipri-categories.ts`: "FGA aircraft", "frigate", "turbofan"…); undefined when neither places it.
 */
function categoryOf(cell: string): SystemCategory | undefined {
  const known = vocabulary(SYSTEM_CATEGORIES, LABELS.category, cell);
  if (known) return known;
  const byRule = sipriCategory(cell);
  return byRule === 'other' ? undefined : byRule;
}

/** "2019", "2019-05", "2019-05-03", "2019-05-03T10:00Z" → a partial date; undefined otherwise. */
function dateOf(cell: string): string | undefined {
  const match = /^(\d{4}(?:-\d{2}(?:-\d{2})?)?)(?:[T ].*)?$/.exec(cell);
  return match && parsePartialDate(match[1]!) ? match[1] : undefined;
}

/** "1,200", "1200.5", "$12", "12 " → a number; anything else (ranges, words) undefined. */
function numberOf(cell: string): number | undefined {
  const bare = cell.replace(/^[$€£₹]\s*/, '').replace(/^([A-Z]{3})\s+/, '');
  if (!/^-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/.test(bare)) return undefined;
  return Number(bare.replaceAll(',', ''));
}

class CellError extends Error {}

export interface ApplyOptions {
  /** How the value column is meant; guessed from the table when not given. */
  valueUnit?: ValueUnit;
  /** The encoding the file was decoded from, for the description. */
  encoding?: string;
}

/**
 * Each row as a deal, by the mapping. A row whose cells cannot be read, or whose deal fails the Deal
 * schema, is rejected with its line and the column and cell at fault; the table's own rejects (ragged
 * rows, unbalanced quotes) come first. Throws `UnreadableFile` when the mapping leaves a required
 * field unmapped (`mappingProblems`).
 */
export function applyMapping(
  table: CsvTable,
  mapping: ColumnMapping,
  context: ParseContext,
  options: ApplyOptions = {},
): ParseResult {
  const problems = mappingProblems(mapping);
  if (problems.length > 0)
    throw new UnreadableFile(`The column mapping is incomplete: ${problems.join('; ')}.`);
  const unit = options.valueUnit ?? guessValueUnit(table, mapping);
  const file = context.fileName;
  const deals: ParsedDeal[] = [];
  const rejected: RejectedRow[] = [...table.rejected];
  const warnings: string[] = [];
  const ids = new Set<string>();
  const otherCategories = new Set<string>();
  const columnName = (field: MappableField) => {
    const i = mapping[field]!;
    return `"${table.header[i] || `column ${i + 1}`}"`;
  };
  let defaultedStatus = 0;

  table.rows.forEach(({ line, cells }, index) => {
    if (index % PROGRESS_EVERY === 0) {
      if (context.cancelled?.()) throw new ImportCancelled();
      context.onProgress?.(index, table.rows.length);
    }
    const cell = (field: MappableField) => {
      const i = mapping[field];
      return i === undefined ? '' : (cells[i] ?? '').trim();
    };
    const fail = (field: MappableField, why: string): never => {
      throw new CellError(`column ${columnName(field)}: "${cell(field)}" ${why}`);
    };
    try {
      const countries = (field: 'supplier' | 'buyer') => {
        const value = cell(field);
        if (value === '')
          throw new CellError(`column ${columnName(field)} is empty: the ${field} country is required`);
        return [
          ...new Set(
            value
              .split(/\s*[;|/]\s*/)
              .filter(Boolean)
              .map((name) => {
                const code = sipriCountryCode(name);
                if (!code)
                  throw new CellError(
                    `column ${columnName(field)}: "${name}" is not a country the tracker knows`,
                  );
                return code;
              }),
          ),
        ];
      };
      const supplierCountries = countries('supplier');
      const buyerCountries = countries('buyer');
      const systemName = cell('system');
      const title = cell('title') || systemName;
      if (!title) throw new CellError('no title and no system: the title (or system) column is empty');

      const kindCell = cell('kind');
      const kind: DealKind = kindCell
        ? (vocabulary(DEAL_KINDS, LABELS.kind, kindCell) ??
          fail('kind', `is not a deal kind (${DEAL_KINDS.join(', ')})`))
        : 'purchase';
      const statusCell = cell('status');
      let status: DealStatus = 'announced';
      if (statusCell) {
        status =
          vocabulary(DEAL_STATUSES, LABELS.status, statusCell) ??
          fail('status', `is not a status (${DEAL_STATUSES.join(', ')})`);
      } else defaultedStatus += 1;

      const yearCell = cell('orderYear');
      const date = yearCell
        ? (dateOf(yearCell) ?? fail('orderYear', 'is not a year or a date (YYYY, YYYY-MM or YYYY-MM-DD)'))
        : undefined;

      const sourceTitle = cell('sourceTitle');
      const sourceUrl = cell('sourceUrl');
      const source = {
        id: 'csv-row',
        publisher: file,
        title: sourceTitle || `${file} line ${line}`,
        ...(sourceUrl ? { url: sourceUrl } : {}),
      };
      const cite = [source.id];

      const quantityCell = cell('quantity');
      let quantity: DealInput['quantity'];
      if (quantityCell) {
        const n = numberOf(quantityCell);
        if (n === undefined || !Number.isInteger(n) || n < 1)
          fail('quantity', 'is not a whole number of units');
        quantity = { total: n!, unit: 'units', sourceIds: cite };
      }

      const figures: MoneyFigure[] = [];
      const valueCell = cell('value');
      if (valueCell) {
        const n = numberOf(valueCell);
        if (n === undefined) fail('value', 'is not a number');
        const amount = Math.round(n! * unit.scale);
        if (amount < MIN_AMOUNT || amount > MAX_AMOUNT)
          fail('value', `is ${amount.toLocaleString('en')} in whole units, not a plausible amount`);
        const currencyCell = cell('currency').toUpperCase();
        const currency = currencyCell || unit.currency;
        if (!currency)
          fail('value', 'has no currency: map a currency column or choose the currency of the values');
        if (!/^[A-Z]{3}$/.test(currency!))
          throw new CellError(
            `column ${columnName('currency')}: "${cell('currency')}" is not an ISO 4217 code such as USD`,
          );
        if (!date) fail('value', 'has no date to date the figure by: map a year or date column');
        figures.push({
          id: 'csv-value',
          amount,
          currency: currency!,
          kind: (FIGURE_KINDS as readonly string[]).includes(unit.kind) ? unit.kind : 'estimate',
          approximate: false,
          asOf: date!,
          confidence: 'confirmed',
          sourceIds: cite,
          note: `From ${file} line ${line}, column ${columnName('value')}: ${valueCell}${unit.scale === 1 ? '' : ` × ${unit.scale.toLocaleString('en')}`}`,
        });
      }

      const categoryCell = cell('category');
      let category: SystemCategory = 'other';
      if (categoryCell) {
        const found = categoryOf(categoryCell);
        if (found) category = found;
        else otherCategories.add(categoryCell);
      }

      const idCell = cell('id');
      const base =
        idCell && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(idCell)
          ? idCell
          : `csv-${slug(`${title} ${date ?? ''}`) || 'deal'}`;
      let id = base;
      for (let n = 2; ids.has(id); n += 1) id = `${base}-${n}`;

      const summary = cell('summary');
      const input: DealInput = {
        id,
        title,
        summary: summary || `${title}: imported from ${file}, line ${line}, which gives no summary.`,
        kind,
        status,
        buyerCountries,
        supplierCountries,
        ...(systemName ? { system: { name: systemName, category } } : {}),
        ...(quantity ? { quantity } : {}),
        figures,
        ...(figures.length > 0 ? { headlineFigureId: 'csv-value' } : {}),
        milestones: date
          ? [
              {
                kind: 'signature',
                date,
                label: `Ordered (${columnName('orderYear')} in ${file})`,
                sourceIds: cite,
              },
            ]
          : [],
        sources: [source],
        origin: { format: 'csv', publisher: file, file, rows: [line], importedAt: context.importedAt },
      };
      const parsed = parseDeal(input);
      if (!parsed.ok) throw new CellError(parsed.reason);
      ids.add(id);
      const key = compositeKey(parsed.data);
      deals.push({
        deal: parsed.data,
        places: [line],
        matchKeys: [...(idCell && id === idCell ? [`id:${id}`] : []), ...(key ? [key] : [])],
      });
    } catch (error) {
      if (!(error instanceof CellError)) throw error;
      rejected.push({
        place: line,
        reason: `line ${line}: ${error.message}`,
        raw: Papa.unparse([cells], { delimiter: table.delimiter }),
      });
    }
  });
  context.onProgress?.(table.rows.length, table.rows.length);
  if (defaultedStatus > 0) {
    warnings.push(
      `${defaultedStatus.toLocaleString('en')} row${defaultedStatus === 1 ? ' has' : 's have'} no status: ${defaultedStatus === 1 ? 'it is' : 'they are'} imported as Announced`,
    );
  }
  if (otherCategories.size > 0) {
    warnings.push(
      `${otherCategories.size} category value${otherCategories.size === 1 ? ' is' : 's are'} not a category the tracker knows and ${otherCategories.size === 1 ? 'is' : 'are'} imported as Other: ${[
        ...otherCategories,
      ]
        .slice(0, 5)
        .map((c) => `"${c}"`)
        .join(', ')}`,
    );
  }
  const unmapped = table.header.filter((_, i) => !Object.values(mapping).includes(i));
  if (unmapped.length > 0) {
    warnings.push(
      `${unmapped.length} column${unmapped.length === 1 ? ' is' : 's are'} not imported: ${unmapped.map((h) => `"${h}"`).join(', ')}`,
    );
  }
  const n = table.rows.length + table.rejected.length;
  const encoding = options.encoding ?? 'UTF-8';
  return {
    detected: {
      format: 'csv',
      label: 'CSV file',
      encoding,
      rowCount: n,
      description: `CSV file, ${n.toLocaleString('en')} row${n === 1 ? '' : 's'}, ${table.header.length} columns, ${encoding}`,
    },
    deals,
    rejected,
    warnings,
  };
}

/** The generic CSV path with the guessed mapping, for a file no other parser claims. */
export function parseGenericCsv(text: string, encoding: string, context: ParseContext): ParseResult {
  const table = readCsvTable(text, context);
  return applyMapping(table, guessMapping(table), context, { encoding });
}
