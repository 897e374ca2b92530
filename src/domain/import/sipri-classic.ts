/**
 * SIPRI's trade register, classic layout (docs/import.md, "SIPRI"): a preamble, then 16 columns of
 * which three, unnamed, hold `?` flags for the column before them. Each row is one order and becomes
 * one deal that cites SIPRI, names the file and the line, and passes the Deal schema; a row that
 * cannot (a country the tracker cannot name, a year that is not one, a ragged row) is rejected with
 * its line and the reason.
 */
import { Deal, type DealInput, type Milestone } from '../model/deal-schema';
import { describeIssues } from '../model/parse-deals';
import type { MilestoneKind } from '../model/vocabulary';
import { compositeKey } from './match-keys';
import { sipriCategory, sipriDomains } from './sipri-categories';
import {
  CLASSIC_HEADER_START,
  conditionWords,
  countryPhrase,
  describeSipri,
  IdAllocator,
  parseCount,
  parseTiv,
  parseYear,
  PROGRESS_EVERY,
  readPreamble,
  readRows,
  sipriOrigin,
  sipriSource,
  SIPRI_SOURCE_ID,
  yearSpan,
  type CsvRow,
  type Preamble,
} from './sipri-common';
import { sipriCountryCode } from './sipri-countries';
import { sipriFigures } from './sipri-money';
import { ImportCancelled, UnreadableFile, type ParsedDeal, type Parser, type RejectedRow } from './types';

/** The named columns, as SIPRI writes them; the three `?` columns are found beside them. */
const COLUMNS = {
  recipient: 'Recipient',
  supplier: 'Supplier',
  orderYear: 'Year of order',
  ordered: 'Number ordered',
  designation: 'Weapon designation',
  description: 'Weapon description',
  delivered: 'Number delivered',
  deliveryYears: 'Year(s) of delivery',
  status: 'status',
  comments: 'Comments',
  tivUnit: 'SIPRI TIV per unit',
  tivOrder: 'SIPRI TIV for total order',
  tivDelivered: 'SIPRI TIV of delivered weapons',
} as const;
type Column = keyof typeof COLUMNS;
type ColumnIndex = Record<Column, number> & {
  orderFlag?: number;
  orderedFlag?: number;
  deliveredFlag?: number;
};

function indexColumns(header: readonly string[]): ColumnIndex {
  const names = header.map((cell) => cell.trim().toLowerCase());
  const missing: string[] = [];
  const index = {} as ColumnIndex;
  for (const [key, name] of Object.entries(COLUMNS) as [Column, string][]) {
    const at = names.indexOf(name.toLowerCase());
    if (at === -1) missing.push(`"${name}"`);
    index[key] = at;
  }
  if (missing.length > 0) {
    throw new UnreadableFile(
      `This looks like a SIPRI trade register, but its header has no ${missing.join(', ')} column: it cannot be read as the classic layout.`,
    );
  }
  // A blank-named column right after a column holds that column's `?` flags.
  const flagAfter = (at: number) => (names[at + 1] === '' ? at + 1 : undefined);
  const orderFlag = flagAfter(index.orderYear);
  const orderedFlag = flagAfter(index.ordered);
  const deliveredFlag = flagAfter(index.delivered);
  if (orderFlag !== undefined) index.orderFlag = orderFlag;
  if (orderedFlag !== undefined) index.orderedFlag = orderedFlag;
  if (deliveredFlag !== undefined) index.deliveredFlag = deliveredFlag;
  return index;
}

const flagged = (cells: readonly string[], at: number | undefined) =>
  at !== undefined && cells[at]?.trim() === '?';

interface Outcome {
  deal?: ParsedDeal;
  reason?: string;
}

function rowToDeal(
  row: CsvRow,
  columns: ColumnIndex,
  preamble: Preamble,
  ids: IdAllocator,
  context: Parameters<Parser>[2],
): Outcome {
  const { cells, line } = row;
  const cell = (key: Column) => (cells[columns[key]] ?? '').trim();
  const at = `Line ${line}`;

  const recipientName = cell('recipient');
  const supplierName = cell('supplier');
  const recipient = sipriCountryCode(recipientName);
  const supplier = sipriCountryCode(supplierName);
  if (!recipient)
    return { reason: `${at}: the recipient "${recipientName}" is not a country the tracker can name` };
  if (!supplier)
    return { reason: `${at}: the supplier "${supplierName}" is not a country the tracker can name` };
  const orderYear = parseYear(cell('orderYear'));
  if (orderYear === undefined)
    return { reason: `${at}: the year of order "${cell('orderYear')}" is not a year` };
  const designation = cell('designation');
  if (designation === '') return { reason: `${at}: the row names no weapon designation` };
  const description = cell('description');

  const ordered = parseCount(cell('ordered'));
  if (Number.isNaN(ordered))
    return { reason: `${at}: the number ordered "${cell('ordered')}" is not a whole number` };
  const delivered = parseCount(cell('delivered'));
  if (Number.isNaN(delivered))
    return { reason: `${at}: the number delivered "${cell('delivered')}" is not a whole number` };
  const yearCells = cell('deliveryYears')
    .split(';')
    .map((y) => y.trim())
    .filter(Boolean);
  const deliveryYears: number[] = [];
  for (const y of yearCells) {
    const year = parseYear(y);
    if (year === undefined) return { reason: `${at}: the year of delivery "${y}" is not a year` };
    deliveryYears.push(year);
  }
  deliveryYears.sort((a, b) => a - b);
  const tiv = {
    perUnit: parseTiv(cell('tivUnit')),
    order: parseTiv(cell('tivOrder')),
    delivered: parseTiv(cell('tivDelivered')),
  };
  for (const [key, column] of [
    ['perUnit', 'tivUnit'],
    ['order', 'tivOrder'],
    ['delivered', 'tivDelivered'],
  ] as const) {
    if (Number.isNaN(tiv[key]))
      return { reason: `${at}: ${COLUMNS[column]} "${cell(column)}" is not a number` };
  }

  // SIPRI writes an order TIV of 0 where the number ordered is not known: it is not known either.
  if (ordered === undefined && tiv.order === 0) tiv.order = undefined;

  const orderUncertain = flagged(cells, columns.orderFlag);
  const orderedUncertain = flagged(cells, columns.orderedFlag);
  const deliveredUncertain = flagged(cells, columns.deliveredFlag);
  const comment = cells[columns.comments] ?? '';
  const category = sipriCategory(description);
  const sources = [SIPRI_SOURCE_ID];

  // Status follows from the counts: SIPRI's own "status" column says new or second-hand, not the stage.
  const deliveredSoFar = delivered ?? 0;
  const status =
    ordered !== undefined && deliveredSoFar >= ordered && deliveredSoFar > 0
      ? 'completed'
      : deliveredSoFar > 0 || (delivered === undefined && deliveryYears.length > 0)
        ? 'in-delivery'
        : 'contract-signed';

  const milestones: Milestone[] = [
    {
      kind: 'signature',
      date: String(orderYear),
      label: `Ordered (SIPRI's year of order${orderUncertain ? ', uncertain' : ''})`,
      confidence: orderUncertain ? 'unconfirmed' : 'confirmed',
      sourceIds: sources,
    },
  ];
  deliveryYears.forEach((year, i) => {
    let kind: MilestoneKind = 'delivery';
    if (deliveryYears.length > 1 && i === 0) kind = 'first-delivery';
    else if (deliveryYears.length > 1 && i === deliveryYears.length - 1 && status === 'completed')
      kind = 'final-delivery';
    milestones.push({
      kind,
      date: String(year),
      label: `Deliveries in ${year}`,
      confidence: 'confirmed',
      sourceIds: sources,
    });
  });

  const { figures, headlineFigureId } = sipriFigures(comment, String(orderYear), SIPRI_SOURCE_ID);

  const condition = conditionWords(cell('status'));
  // "aircraft engine aircraft engine": SIPRI repeats the description where it names no designation.
  const what = [condition, designation, description === designation ? '' : description]
    .filter(Boolean)
    .join(' ');
  const count =
    ordered === undefined || ordered === 0
      ? ''
      : `${ordered}${orderedUncertain ? ' (number uncertain)' : ''} `;
  const unknownCount = ordered === undefined ? ' (number not given)' : '';
  const deliveredWords =
    delivered === undefined
      ? deliveryYears.length > 0
        ? `; delivered ${yearSpan(deliveryYears)}`
        : ''
      : delivered === 0
        ? '; none delivered'
        : `; ${delivered}${deliveredUncertain ? ' (number uncertain)' : ''} delivered${deliveryYears.length ? ` ${yearSpan(deliveryYears)}` : ''}`;
  const tivNote =
    // SIPRI: a delivered TIV of 0 is a volume between 0 and 0.5 million TIV; with nothing delivered it is just 0.
    tiv.delivered === 0 && delivered !== 0
      ? " SIPRI's TIV of delivered weapons is 0, which SIPRI uses for between 0 and 0.5 million TIV."
      : '';
  const summary = `SIPRI records an order of ${count}${what}${unknownCount} from ${countryPhrase(supplierName)} in ${orderYear}${orderUncertain ? ' (year uncertain)' : ''}${deliveredWords}.${tivNote}`;

  const input: DealInput = {
    id: ids.next([recipient.toLowerCase(), supplier.toLowerCase(), designation, String(orderYear)]),
    title: `${designation} for ${recipientName} (${orderYear})`,
    summary,
    kind: 'purchase',
    status,
    buyerCountries: [recipient],
    supplierCountries: [supplier],
    parties: [],
    routes: [],
    domains: sipriDomains(description, category),
    system: { name: designation, category },
    figures,
    milestones,
    sources: [sipriSource(preamble.generated, comment)],
    origin: sipriOrigin('sipri-classic', context, [line], preamble.generated),
  };
  if (headlineFigureId) input.headlineFigureId = headlineFigureId;
  if (ordered !== undefined && ordered > 0) {
    input.quantity = {
      total: ordered,
      unit: description || 'units',
      allocations: [],
      confidence: orderedUncertain ? 'unconfirmed' : 'confirmed',
      sourceIds: sources,
    };
    if (delivered !== undefined)
      input.quantity.delivered = {
        count: delivered,
        confidence: deliveredUncertain ? 'unconfirmed' : 'confirmed',
        sourceIds: sources,
      };
  }
  if (tiv.perUnit !== undefined || tiv.order !== undefined || tiv.delivered !== undefined) {
    input.tiv = { sourceIds: sources };
    if (tiv.perUnit !== undefined) input.tiv.perUnit = tiv.perUnit;
    if (tiv.order !== undefined) input.tiv.order = tiv.order;
    if (tiv.delivered !== undefined) input.tiv.delivered = tiv.delivered;
  }
  if (preamble.synthetic) input.synthetic = true;

  const parsed = Deal.safeParse(input);
  if (!parsed.success) return { reason: `${at}: ${describeIssues(parsed.error)}` };
  const deal = parsed.data;
  // The id first: a file read again finds the deals it made, twins included ("…-2011-2", the second
  // order of one system in one year, which shares the composite key with the first).
  const key = compositeKey(deal);
  return { deal: { deal, places: [line], matchKeys: key ? [`id:${deal.id}`, key] : [`id:${deal.id}`] } };
}

export const parseSipriClassic: Parser = (text, encoding, context) => {
  const preamble = readPreamble(text, CLASSIC_HEADER_START);
  if (!preamble) {
    throw new UnreadableFile(
      'This is not a SIPRI trade register in the classic layout: no line starts with "Recipient,Supplier,Year of order".',
    );
  }
  const rejected: RejectedRow[] = [];
  const { header, rows } = readRows(text, preamble, context, rejected);
  const rowsRead = rows.length + rejected.length;
  const columns = indexColumns(header);
  const ids = new IdAllocator();
  const deals: ParsedDeal[] = [];
  for (const [i, row] of rows.entries()) {
    if (i % PROGRESS_EVERY === 0) {
      if (context.cancelled?.()) throw new ImportCancelled();
      context.onProgress?.(i, rows.length);
    }
    if (row.cells.length !== header.length) {
      rejected.push({
        place: row.line,
        reason: `Line ${row.line}: ${row.cells.length} cells where the header has ${header.length}, so the columns cannot be matched`,
        raw: row.cells.join(','),
      });
      continue;
    }
    const outcome = rowToDeal(row, columns, preamble, ids, context);
    if (outcome.deal) deals.push(outcome.deal);
    else rejected.push({ place: row.line, reason: outcome.reason!, raw: row.cells.join(',') });
  }
  context.onProgress?.(rows.length, rows.length);
  rejected.sort((a, b) => Number(a.place) - Number(b.place));
  const warnings: string[] = [];
  if (!preamble.generated)
    warnings.push('The file has no "Data generated:" line: the records carry no data date.');
  return {
    detected: describeSipri('sipri-classic', encoding, rowsRead, preamble.generated),
    deals,
    rejected,
    warnings,
  };
};
