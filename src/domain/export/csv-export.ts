/**
 * The deals as files an analyst opens in a spreadsheet.
 *
 * `dealsToCsv`: one row per deal. Besides the headline figure (in whole units, so a column adds up),
 * `all_figures` lists every reported figure, the headline first, each as
 * `$3.99 billion = USD 3990000000, notified 2024-02-01, confirmed [dnaindia-2024]`, joined by " | ";
 * `allocations` gives each service's count with the sources of that count in brackets, and
 * `units_<service>` the same counts as numbers (empty where a source gives none: unknown is never 0);
 * `receiving_services` names the services the deal is for, by its allocations and stated end user;
 * `sources` lists every source as `[id] Publisher: Title <url>` (the URL only when it is http(s)),
 * so the ids in brackets elsewhere in the row can be looked up.
 *
 * Appended after those, so that the file carries the whole record and imports back to the same deals
 * (src/domain/import/own-csv.ts): `summary`; `parties` (`Name (Role, Country)`, " | "-joined);
 * `milestones` (`2024-10-15 Signature: label, confirmed [src] (planned 2024-06 [src])`); `end_user`;
 * `source_details` (each source's date and quote, `[id] 2024-02-01 "quote"`); and last `record_json`,
 * the validated record as JSON, which is what the import reads (the readable columns cannot be read
 * back without loss: a label is not an id, a list of names is not their roles). Its bidi and C1
 * control characters are written as JSON escapes, so the cell is plain ASCII-safe text that the cell
 * cleaning leaves unchanged.
 *
 * `figuresToCsv`: one row per reported money figure, for pivoting and comparing what sources say.
 *
 * Both are RFC 4180 (CRLF, quotes doubled) with a UTF-8 byte-order mark, and every cell that a
 * spreadsheet would run as a formula starts with an apostrophe.
 */
import Papa from 'papaparse';
import type { Deal, MoneyFigure, Source } from '../model/deal-schema';
import { dealServices, signatureDate } from '../model/deal-facts';
import { formatFigure, headlineFigure } from '../money-dates/money';
import { safeExternalUrl } from '../text/safe-url';
import { cleanText } from '../text/text-safety';
import { countryName, LABELS, SERVICES, type Service } from '../model/vocabulary';

/** Excel and LibreOffice run a cell that starts with one of these as a formula (OWASP: CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell read back: the apostrophe `neutraliseCell` put before a formula-looking value taken off. */
export function restoreCell(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}

/**
 * A cell as a spreadsheet should get it: controls that are never text (NUL, backspace, C1) stripped,
 * bidirectional overrides balanced so one cell cannot reorder the next, and a leading apostrophe where
 * the text would otherwise run as a formula.
 */
export function neutraliseCell(value: string): string {
  const clean = cleanText(value);
  return FORMULA_START.test(clean) ? `'${clean}` : clean;
}

type Snake<S extends string> = S extends `${infer A}-${infer B}` ? `${A}_${Snake<B>}` : S;
type UnitsColumn = `units_${Snake<Service>}`;
const unitsColumn = (service: Service) => `units_${service.replaceAll('-', '_')}` as UnitsColumn;
const UNITS_COLUMNS = SERVICES.map(unitsColumn);

export const CSV_COLUMNS = [
  'id',
  'title',
  'system',
  'kind',
  'status',
  'supplier',
  'buyer',
  'quantity',
  'unit',
  'allocations',
  ...UNITS_COLUMNS,
  'receiving_services',
  'headline_value',
  'currency',
  'figure_kind',
  'confidence',
  'approximate',
  'all_figures',
  'signed',
  'domains',
  'routes',
  'sources',
  'synthetic',
  'summary',
  'parties',
  'milestones',
  'end_user',
  'source_details',
  'record_json',
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

const ENTRY_SEPARATOR = ' | ';
const cite = (ids: readonly string[]) => `[${ids.join(', ')}]`;

/** `$3.99 billion = USD 3990000000, notified 2024-02-01, confirmed [dnaindia-2024]` */
export function describeFigure(figure: MoneyFigure): string {
  return [
    `${formatFigure(figure)} = ${figure.currency} ${figure.amount}`,
    `${LABELS.figureKind[figure.kind].toLowerCase()} ${figure.asOf}`,
    `${LABELS.confidence[figure.confidence].toLowerCase()} ${cite(figure.sourceIds)}`,
  ].join(', ');
}

/** `[id] Publisher: Title <https://…>` */
export function describeSource(source: Source): string {
  const url = safeExternalUrl(source.url);
  return `[${source.id}] ${source.publisher}: ${source.title}${url ? ` <${url}>` : ''}`;
}

/** `Hindustan Aeronautics (Partner manufacturer, India)` */
function describeParty(party: Deal['parties'][number]): string {
  const details = [LABELS.role[party.role], party.country ? countryName(party.country) : undefined];
  return `${party.name} (${details.filter(Boolean).join(', ')})`;
}

/** `2024-10-15 Signature: Contract signed, confirmed [paper] (planned 2024-06 [wire])` */
function describeMilestone(milestone: Deal['milestones'][number]): string {
  const planned = milestone.planned
    ? ` (planned ${milestone.planned.date}${milestone.planned.note ? `, ${milestone.planned.note}` : ''} ${cite(milestone.planned.sourceIds)})`
    : '';
  return `${milestone.date} ${LABELS.milestone[milestone.kind]}: ${milestone.label}, ${LABELS.confidence[milestone.confidence].toLowerCase()} ${cite(milestone.sourceIds)}${planned}`;
}

/** `[id] 2024-02-01 "the quote"`, for the sources that have a date or a quote. */
function describeSourceDetails(source: Source): string | undefined {
  if (source.date === undefined && source.quote === undefined) return undefined;
  const quote = source.quote === undefined ? '' : ` “${source.quote}”`;
  return `[${source.id}]${source.date ? ` ${source.date}` : ''}${quote}`;
}

/**
 * Characters the cell cleaning would change (C1 controls, DEL, bidi controls, U+FFFE/U+FFFF) written as
 * JSON escapes; `JSON.stringify` already escapes C0 controls and lone surrogates.
 */
const JSON_UNSAFE = /[\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufffe\uffff]/g;
export function recordJson(deal: Deal): string {
  return JSON.stringify(deal).replace(
    JSON_UNSAFE,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** The figures with the headline first, the rest in the record's order. */
function figuresHeadlineFirst(deal: Deal): MoneyFigure[] {
  return [...deal.figures].sort(
    (a, b) => Number(b.id === deal.headlineFigureId) - Number(a.id === deal.headlineFigureId),
  );
}

/** A deal's row of `dealsToCsv`, cell by cell, as written (neutralised). */
export function csvRow(deal: Deal): string[] {
  const figure = headlineFigure(deal);
  const quantity = deal.quantity;
  const counts = new Map(quantity?.allocations.map((a) => [a.service, a.count]));
  const units = Object.fromEntries(
    SERVICES.map((s) => [unitsColumn(s), counts.has(s) ? String(counts.get(s)) : '']),
  ) as Record<UnitsColumn, string>;
  const cells: Record<CsvColumn, string> = {
    id: deal.id,
    title: deal.title,
    system: deal.system ? [deal.system.name, deal.system.variant].filter(Boolean).join(' ') : '',
    kind: LABELS.kind[deal.kind],
    status: LABELS.status[deal.status],
    supplier: deal.supplierCountries.map(countryName).join('; '),
    buyer: deal.buyerCountries.map(countryName).join('; '),
    quantity: quantity ? String(quantity.total) : '',
    unit: quantity?.unit ?? '',
    allocations:
      quantity?.allocations
        .map((a) => `${LABELS.service[a.service]} ${a.count} ${cite(a.sourceIds ?? quantity.sourceIds)}`)
        .join('; ') ?? '',
    ...units,
    receiving_services: dealServices(deal)
      .map((s) => LABELS.service[s])
      .join('; '),
    // Amounts in whole units of the currency, so a spreadsheet can add them; unknown stays empty, never 0.
    headline_value: figure ? String(figure.amount) : '',
    currency: figure?.currency ?? '',
    figure_kind: figure ? LABELS.figureKind[figure.kind] : '',
    confidence: figure ? LABELS.confidence[figure.confidence] : '',
    approximate: figure ? (figure.approximate ? 'yes' : 'no') : '',
    all_figures: figuresHeadlineFirst(deal).map(describeFigure).join(ENTRY_SEPARATOR),
    signed: signatureDate(deal) ?? '',
    domains: deal.domains.map((d) => LABELS.domain[d]).join('; '),
    routes: deal.routes.map((r) => LABELS.route[r]).join('; '),
    sources: deal.sources.map(describeSource).join(ENTRY_SEPARATOR),
    synthetic: deal.synthetic ? 'yes' : 'no',
    summary: deal.summary,
    parties: deal.parties.map(describeParty).join(ENTRY_SEPARATOR),
    milestones: deal.milestones.map(describeMilestone).join(ENTRY_SEPARATOR),
    end_user: deal.endUser
      ? `${deal.endUser.services.map((s) => LABELS.service[s]).join('; ')} ${cite(deal.endUser.sourceIds)}${deal.endUser.note ? ` (${deal.endUser.note})` : ''}`
      : '',
    source_details: deal.sources
      .map(describeSourceDetails)
      .filter((d) => d !== undefined)
      .join(ENTRY_SEPARATOR),
    record_json: recordJson(deal),
  };
  return CSV_COLUMNS.map((column) => neutraliseCell(cells[column]));
}

/** Rows as RFC 4180 CSV with a BOM; cells must already be `neutraliseCell`ed. Also used for chart data. */
export function toCsv(fields: readonly string[], rows: string[][]): string {
  const csv = Papa.unparse(
    { fields: [...fields], data: rows },
    { newline: '\r\n', quotes: false, quoteChar: '"', escapeChar: '"', escapeFormulae: false },
  );
  return `\uFEFF${csv}\r\n`;
}

/**
 * The deals as RFC 4180 CSV (CRLF, quotes doubled), with a UTF-8 byte-order mark so that Excel reads
 * "₹" and non-Latin names correctly.
 */
export function dealsToCsv(deals: readonly Deal[]): string {
  return toCsv(CSV_COLUMNS, deals.map(csvRow));
}

export const FIGURE_CSV_COLUMNS = [
  'deal_id',
  'deal_title',
  'figure_id',
  'headline',
  'amount',
  'currency',
  'formatted',
  'kind',
  'approximate',
  'as_of',
  'confidence',
  'note',
  'sources',
] as const;
type FigureCsvColumn = (typeof FIGURE_CSV_COLUMNS)[number];

/** Every reported money figure of the deals, one a row, each with the sources it cites written out. */
export function figuresToCsv(deals: readonly Deal[]): string {
  const rows = deals.flatMap((deal) => {
    const sources = new Map(deal.sources.map((s) => [s.id, s]));
    return figuresHeadlineFirst(deal).map((figure) => {
      const cells: Record<FigureCsvColumn, string> = {
        deal_id: deal.id,
        deal_title: deal.title,
        figure_id: figure.id,
        headline: figure.id === deal.headlineFigureId ? 'yes' : 'no',
        amount: String(figure.amount),
        currency: figure.currency,
        formatted: formatFigure(figure),
        kind: LABELS.figureKind[figure.kind],
        approximate: figure.approximate ? 'yes' : 'no',
        as_of: figure.asOf,
        confidence: LABELS.confidence[figure.confidence],
        note: figure.note ?? '',
        sources: figure.sourceIds
          .map((id) => sources.get(id))
          .filter((s) => s !== undefined)
          .map(describeSource)
          .join(ENTRY_SEPARATOR),
      };
      return FIGURE_CSV_COLUMNS.map((column) => neutraliseCell(cells[column]));
    });
  });
  return toCsv(FIGURE_CSV_COLUMNS, rows);
}

/** The validated records as JSON, the same shape the API serves: every figure, allocation and source. */
export function dealsToJson(deals: readonly Deal[]): string {
  return `${JSON.stringify({ data: deals }, null, 2)}\n`;
}
