/**
 * SIPRI's newer trade-register layout (docs/import.md, "SIPRI"): one row per deal and delivery year,
 * keyed by "SIPRI AT Database ID", `Yes`/`No` estimate flags, no Comments (so no money) and no number
 * ordered. The rows of one ID become one deal whose deliveries are milestones; a later row of an ID
 * that disagrees with the first on who, what or when is rejected with both lines named.
 */
import { Deal, type DealInput, type Milestone } from '../model/deal-schema';
import { describeIssues } from '../model/parse-deals';
import type { SystemCategory } from '../model/vocabulary';
import { compositeKey } from './match-keys';
import { sipriCategory, sipriDomains } from './sipri-categories';
import {
  conditionWords,
  countryPhrase,
  describeSipri,
  IdAllocator,
  LAYOUT_2025_HEADER_START,
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
} from './sipri-common';
import { sipriCountryCode } from './sipri-countries';
import { ImportCancelled, UnreadableFile, type ParsedDeal, type Parser, type RejectedRow } from './types';

export const SIPRI_2025_COLUMNS = [
  'SIPRI AT Database ID',
  'Supplier',
  'Recipient',
  'Designation',
  'Description',
  'Armament category',
  'Order date',
  'Order date is estimate',
  'Numbers delivered',
  'Numbers delivered is estimate',
  'Delivery year',
  'Delivery year is estimate',
  'Status',
  'SIPRI estimate',
  'TIV deal unit',
  'TIV delivery values',
  'Local production',
] as const;
type Column = (typeof SIPRI_2025_COLUMNS)[number];

/** SIPRI's armament categories, for a description the word table does not place. */
const ARMAMENT_CATEGORIES: Record<string, SystemCategory> = {
  'air defence systems': 'missile',
  artillery: 'artillery',
  'armoured vehicles': 'armoured-vehicle',
  engines: 'engine',
  missiles: 'missile',
  sensors: 'sensor',
  ships: 'naval-vessel',
};

const yes = (cell: string) => /^yes$/i.test(cell.trim());

/** One delivery year of an ID. */
interface Delivery {
  year: number;
  count?: number;
  tiv?: number;
  estimate: boolean;
  line: number;
}

interface Group {
  id: string;
  first: CsvRow;
  lines: number[];
  deliveries: Delivery[];
}

export const parseSipri2025: Parser = (text, encoding, context) => {
  const preamble = readPreamble(text, LAYOUT_2025_HEADER_START);
  if (!preamble) {
    throw new UnreadableFile(
      'This is not a SIPRI trade register in the 2025 layout: no line starts with "SIPRI AT Database ID,Supplier,Recipient".',
    );
  }
  const rejected: RejectedRow[] = [];
  const { header, rows } = readRows(text, preamble, context, rejected);
  const rowsRead = rows.length + rejected.length;
  const names = header.map((h) => h.trim().toLowerCase());
  const at = {} as Record<Column, number>;
  const missing = SIPRI_2025_COLUMNS.filter((name) => {
    at[name] = names.indexOf(name.toLowerCase());
    return at[name] === -1;
  });
  if (missing.length > 0) {
    throw new UnreadableFile(
      `This looks like a SIPRI trade register in the 2025 layout, but its header has no ${missing.map((m) => `"${m}"`).join(', ')} column.`,
    );
  }
  const reject = (row: CsvRow, reason: string) =>
    rejected.push({ place: row.line, reason: `Line ${row.line}: ${reason}`, raw: row.cells.join(',') });

  // Group the rows by ID, in the order each ID first appears.
  const groups = new Map<string, Group>();
  for (const row of rows) {
    if (row.cells.length !== header.length) {
      reject(
        row,
        `${row.cells.length} cells where the header has ${header.length}, so the columns cannot be matched`,
      );
      continue;
    }
    const cell = (name: Column) => (row.cells[at[name]] ?? '').trim();
    const id = cell('SIPRI AT Database ID');
    if (id === '') {
      reject(row, 'the row has no SIPRI AT Database ID');
      continue;
    }
    let group = groups.get(id);
    if (group) {
      const firstCell = (name: Column) => (group!.first.cells[at[name]] ?? '').trim();
      const differs = (['Supplier', 'Recipient', 'Designation', 'Order date'] as const).find(
        (name) => cell(name) !== firstCell(name),
      );
      if (differs) {
        reject(
          row,
          `ID ${id} has ${differs} "${cell(differs)}" here and "${firstCell(differs)}" on line ${group.first.line}; one ID is one deal`,
        );
        continue;
      }
    } else {
      group = { id, first: row, lines: [], deliveries: [] };
      groups.set(id, group);
    }
    const yearCell = cell('Delivery year');
    const count = parseCount(cell('Numbers delivered'));
    const tiv = parseTiv(cell('TIV delivery values'));
    if (Number.isNaN(count)) {
      reject(row, `the number delivered "${cell('Numbers delivered')}" is not a whole number`);
      continue;
    }
    if (Number.isNaN(tiv)) {
      reject(row, `the TIV delivery value "${cell('TIV delivery values')}" is not a number`);
      continue;
    }
    group.lines.push(row.line);
    if (yearCell !== '') {
      const year = parseYear(yearCell);
      if (year === undefined) {
        group.lines.pop();
        reject(row, `the delivery year "${yearCell}" is not a year`);
        continue;
      }
      const delivery: Delivery = {
        year,
        estimate: yes(cell('Numbers delivered is estimate')) || yes(cell('Delivery year is estimate')),
        line: row.line,
      };
      if (count !== undefined) delivery.count = count;
      if (tiv !== undefined) delivery.tiv = tiv;
      group.deliveries.push(delivery);
    }
  }

  const ids = new IdAllocator();
  const deals: ParsedDeal[] = [];
  // Progress in rows: the rows of the deals made so far, of all rows read.
  let rowsDone = 0;
  let nextReport = 0;
  for (const group of groups.values()) {
    if (rowsDone >= nextReport) {
      if (context.cancelled?.()) throw new ImportCancelled();
      context.onProgress?.(rowsDone, rows.length);
      nextReport = rowsDone + PROGRESS_EVERY;
    }
    rowsDone += group.lines.length;
    if (group.lines.length === 0) continue;
    const cell = (name: Column) => (group.first.cells[at[name]] ?? '').trim();
    const place = group.first.line;
    const fail = (reason: string) =>
      rejected.push({
        place,
        reason: `Line ${place} (ID ${group.id}${group.lines.length > 1 ? `, lines ${group.lines.join(', ')}` : ''}): ${reason}`,
        raw: group.first.cells.join(','),
      });

    const supplierName = cell('Supplier');
    const recipientName = cell('Recipient');
    const supplier = sipriCountryCode(supplierName);
    const recipient = sipriCountryCode(recipientName);
    if (!recipient) {
      fail(`the recipient "${recipientName}" is not a country the tracker can name`);
      continue;
    }
    if (!supplier) {
      fail(`the supplier "${supplierName}" is not a country the tracker can name`);
      continue;
    }
    const orderYear = parseYear(cell('Order date').slice(0, 4));
    if (orderYear === undefined) {
      fail(`the order date "${cell('Order date')}" is not a year`);
      continue;
    }
    const designation = cell('Designation');
    if (designation === '') {
      fail('the row names no designation');
      continue;
    }
    const description = cell('Description');
    const byDescription = sipriCategory(description);
    const category =
      byDescription !== 'other'
        ? byDescription
        : (ARMAMENT_CATEGORIES[cell('Armament category').toLowerCase()] ?? 'other');
    const orderEstimate = yes(cell('Order date is estimate'));
    const sources = [SIPRI_SOURCE_ID];

    const deliveries = [...group.deliveries].sort((a, b) => a.year - b.year);
    const counts = deliveries.filter((d) => d.count !== undefined);
    const deliveredTotal = counts.reduce((sum, d) => sum + d.count!, 0);
    const anyDelivered = deliveries.some((d) => d.count === undefined || d.count > 0);
    const tivDelivered = deliveries.filter((d) => d.tiv !== undefined);
    // With no number ordered in this layout, "completed" cannot be told from "in delivery".
    const status = anyDelivered ? 'in-delivery' : 'contract-signed';

    const milestones: Milestone[] = [
      {
        kind: 'signature',
        date: String(orderYear),
        label: `Ordered (SIPRI's order date${orderEstimate ? ', an estimate' : ''})`,
        confidence: orderEstimate ? 'unconfirmed' : 'confirmed',
        sourceIds: sources,
      },
    ];
    deliveries.forEach((d, i) => {
      if (d.count === 0) return;
      milestones.push({
        kind: deliveries.length > 1 && i === 0 ? 'first-delivery' : 'delivery',
        date: String(d.year),
        label: d.count === undefined ? `Deliveries in ${d.year}` : `Deliveries in ${d.year}: ${d.count}`,
        confidence: d.estimate ? 'unconfirmed' : 'confirmed',
        sourceIds: sources,
      });
    });

    const condition = conditionWords(cell('Status'));
    const what = [condition, designation, description === designation ? '' : description]
      .filter(Boolean)
      .join(' ');
    const years = deliveries.filter((d) => d.count !== 0).map((d) => d.year);
    const deliveredWords = !anyDelivered
      ? '; none delivered'
      : counts.length === deliveries.length
        ? `; ${deliveredTotal}${deliveries.some((d) => d.estimate) ? ' (estimated)' : ''} delivered ${yearSpan(years)}`
        : `; deliveries in ${yearSpan(years)}`;
    const extras = [
      yes(cell('Local production')) ? ' SIPRI records local production.' : '',
      yes(cell('SIPRI estimate')) ? ' SIPRI marks the record as its estimate.' : '',
    ].join('');
    const summary = `SIPRI records an order of ${what} from ${countryPhrase(supplierName)} in ${orderYear}${orderEstimate ? ' (date estimated)' : ''}${deliveredWords}.${extras}`;

    const input: DealInput = {
      id: ids.next([recipient.toLowerCase(), supplier.toLowerCase(), designation, String(orderYear)]),
      title: `${designation} for ${recipientName} (${orderYear})`,
      summary,
      kind: 'purchase',
      status,
      buyerCountries: [recipient],
      supplierCountries: [supplier],
      domains: sipriDomains(description, category),
      system: { name: designation, category },
      milestones,
      sources: [sipriSource(preamble.generated, undefined)],
      origin: sipriOrigin('sipri-2025', context, group.lines, preamble.generated, group.id),
    };
    const perUnit = parseTiv(cell('TIV deal unit'));
    if (perUnit !== undefined && !Number.isNaN(perUnit)) input.tiv = { perUnit, sourceIds: sources };
    if (tivDelivered.length > 0) {
      input.tiv ??= { sourceIds: sources };
      input.tiv.delivered = Math.round(tivDelivered.reduce((sum, d) => sum + d.tiv!, 0) * 1e6) / 1e6;
    }
    if (preamble.synthetic) input.synthetic = true;

    const parsed = Deal.safeParse(input);
    if (!parsed.success) {
      fail(describeIssues(parsed.error));
      continue;
    }
    const deal = parsed.data;
    const key = compositeKey(deal);
    deals.push({
      deal,
      places: group.lines,
      matchKeys: key ? [`sipri:${group.id}`, key] : [`sipri:${group.id}`],
    });
  }

  context.onProgress?.(rows.length, rows.length);
  rejected.sort((a, b) => Number(a.place) - Number(b.place));
  const warnings: string[] = [];
  if (!preamble.generated)
    warnings.push('The file has no "Data generated:" line: the records carry no data date.');
  warnings.push(
    'This layout gives no number ordered and no comments: the deals have no quantity and no money figures, and their status is at most "in delivery".',
  );
  return {
    detected: describeSipri('sipri-2025', encoding, rowsRead, preamble.generated),
    deals,
    rejected,
    warnings,
  };
};
