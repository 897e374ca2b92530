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
] as const;
type CsvColumn = (typeof CSV_COLUMNS)[number];

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

/** The figures with the headline first, the rest in the record's order. */
function figuresHeadlineFirst(deal: Deal): MoneyFigure[] {
  return [...deal.figures].sort(
    (a, b) => Number(b.id === deal.headlineFigureId) - Number(a.id === deal.headlineFigureId),
  );
}

function row(deal: Deal): string[] {
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
  return toCsv(CSV_COLUMNS, deals.map(row));
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
