import Papa from 'papaparse';
import type { Deal } from './deal-schema';
import { signatureDate } from './deal-facts';
import { headlineFigure } from './money';
import { countryName, LABELS } from './vocabulary';

/** Excel and LibreOffice run a cell that starts with one of these as a formula (OWASP: CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A leading apostrophe makes a spreadsheet show the text as text; the value is otherwise unchanged. */
export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

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
  'headline_value',
  'currency',
  'figure_kind',
  'confidence',
  'approximate',
  'signed',
  'domains',
  'routes',
  'sources',
  'synthetic',
] as const;

function row(deal: Deal): string[] {
  const figure = headlineFigure(deal);
  const cells: Record<(typeof CSV_COLUMNS)[number], string> = {
    id: deal.id,
    title: deal.title,
    system: deal.system ? [deal.system.name, deal.system.variant].filter(Boolean).join(' ') : '',
    kind: LABELS.kind[deal.kind],
    status: LABELS.status[deal.status],
    supplier: deal.supplierCountries.map(countryName).join('; '),
    buyer: deal.buyerCountries.map(countryName).join('; '),
    quantity: deal.quantity ? String(deal.quantity.total) : '',
    unit: deal.quantity?.unit ?? '',
    allocations:
      deal.quantity?.allocations.map((a) => `${LABELS.service[a.service]} ${a.count}`).join('; ') ?? '',
    // Amounts in whole units of the currency, so a spreadsheet can add them; unknown stays empty, never 0.
    headline_value: figure ? String(figure.amount) : '',
    currency: figure?.currency ?? '',
    figure_kind: figure ? LABELS.figureKind[figure.kind] : '',
    confidence: figure ? LABELS.confidence[figure.confidence] : '',
    approximate: figure ? (figure.approximate ? 'yes' : 'no') : '',
    signed: signatureDate(deal) ?? '',
    domains: deal.domains.map((d) => LABELS.domain[d]).join('; '),
    routes: deal.routes.map((r) => LABELS.route[r]).join('; '),
    sources: deal.sources.map((s) => `${s.publisher}: ${s.title}`).join(' | '),
    synthetic: deal.synthetic ? 'yes' : 'no',
  };
  return CSV_COLUMNS.map((column) => neutraliseCell(cells[column]));
}

/**
 * The deals as RFC 4180 CSV (CRLF, quotes doubled), with a UTF-8 byte-order mark so that Excel reads
 * "₹" and non-Latin names correctly.
 */
export function dealsToCsv(deals: readonly Deal[]): string {
  const csv = Papa.unparse(
    { fields: [...CSV_COLUMNS], data: deals.map(row) },
    { newline: '\r\n', quotes: false, quoteChar: '"', escapeChar: '"', escapeFormulae: false },
  );
  return `\uFEFF${csv}\r\n`;
}

/** The validated records as JSON, the same shape the API serves. */
export function dealsToJson(deals: readonly Deal[]): string {
  return `${JSON.stringify({ data: deals }, null, 2)}\n`;
}
