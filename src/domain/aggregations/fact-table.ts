import type { Deal, MoneyFigure, Origin } from '../model/deal-schema';
import { figureInCurrency } from '../money-dates/money';
import { yearOf, type PartialDate } from '../money-dates/partial-date';
import {
  DEAL_KINDS,
  DEAL_STATUSES,
  DOMAINS,
  SERVICES,
  SYSTEM_CATEGORIES,
  UNIT_FAMILIES,
  unitFamilyOf,
} from '../model/vocabulary';
import { NO_FIGURE, VALUE_BASES, valueBasis } from './value-basis';
import { editList, editRagged, editTyped, type EditMode, type RowEdit } from '../filter/row-edit';

/** Bits of `FactTable.flags`. HAS_QUANTITY is bit 0, so `flags & HAS_QUANTITY` is a 0 or 1 to add. */
export const HAS_QUANTITY = 1;
export const HAS_MILESTONES = 2;
export const SYNTHETIC = 4;
/**
 * An imported record whose register splits no units by service (SIPRI's): its units are "no service
 * split", not "service not known".
 */
export const NO_SPLIT = 8;

const UNNAMED_SYSTEM = 'Unnamed system';
/** Codes of values outside a vocabulary: one past its last index, so lookups stay in bounds. */
export const OTHER_STATUS = DEAL_STATUSES.length;
export const OTHER_KIND = DEAL_KINDS.length;
export const OTHER_SERVICE = SERVICES.length;
/** The category code of a deal without a system (or a category outside the vocabulary). */
export const NO_CATEGORY = SYSTEM_CATEGORIES.length;

// `serviceMask` keeps a bit per service, `domains` a bit per domain: both must fit a byte.
for (const [name, size] of [
  ['services', SERVICES.length],
  ['domains', DOMAINS.length],
] as const)
  if (size > 8) throw new Error(`${size} ${name} do not fit the fact table's 8-bit masks`);

/** What the labels of imported data tell apart: the format, publisher, rights line and day of import. */
export interface OriginGroup {
  format: Origin['format'];
  publisher: string;
  rights?: string;
  /** The day the import was confirmed, `YYYY-MM-DD`. */
  importedOn: string;
}

/** One string per group of imported records (a dictionary value of `FactTable.origins`). */
export function originKey(origin: Origin): string {
  const group: OriginGroup = {
    format: origin.format,
    publisher: origin.publisher,
    importedOn: origin.importedAt.slice(0, 10),
    ...(origin.rights ? { rights: origin.rights } : {}),
  };
  return JSON.stringify(group);
}

export function originGroupOf(key: string): OriginGroup {
  return JSON.parse(key) as OriginGroup;
}

/** A deal's value in one currency, as `figureInCurrency` picks it (ask it again for the figure). */
export interface MoneyColumn {
  /** 0 where the deal has no figure in the currency. */
  amount: Float64Array;
  /** Index in `VALUE_BASES`, `NO_FIGURE` for none. */
  basis: Uint8Array;
}

/**
 * What the aggregations read of each deal, worked out once per list. Reading nested deal objects
 * scattered over the heap cost 400-700 ns a deal per chart; reading these columns costs a few ns.
 * Strings are coded per table (codes index `systems`, `publishers`, `years`); vocabulary values
 * by their index in the vocabulary, with one code past the end for anything outside it.
 */
export interface FactTable {
  /** A copy of the list: row i describes deals[i], and a later change to the list is noticed. */
  deals: readonly Deal[];
  status: Uint8Array;
  kind: Uint8Array;
  /** Bit i: the deal is in DOMAINS[i]. */
  domains: Uint8Array;
  flags: Uint8Array;
  /** Index in `years` of the year the deal is filed under (`dealYear`); `years.length` when undated. */
  yearCode: Int32Array;
  years: number[];
  /** The earliest milestone date, which breaks ties between timeline rows. */
  first: (PartialDate | undefined)[];
  /** Quantity total, 0 without a quantity. */
  units: Float64Array;
  /** Index in UNIT_FAMILIES of what the units are (platforms, engines, munitions). */
  family: Uint8Array;
  /**
   * Bit i: the deal is tied to SERVICES[i], by an allocation or its stated end user. 0: tied to no
   * service ("service not known").
   */
  serviceMask: Uint8Array;
  /** Units the allocations leave to no service, 0 when none. */
  unallocated: Float64Array;
  system: Int32Array;
  systems: string[];
  /** Row i's allocations are entries allocStart[i] .. allocStart[i + 1]. */
  allocStart: Int32Array;
  /** Index in SERVICES, or OTHER_SERVICE. */
  allocService: Uint8Array;
  allocUnits: Float64Array;
  /** Sum of the row's allocations. */
  allocated: Float64Array;
  /** Row i's distinct publishers are publisher[publisherStart[i] .. publisherStart[i + 1]]. */
  publisherStart: Int32Array;
  publisher: Int32Array;
  publishers: string[];
  /** Row i's distinct supplier countries are supplier[supplierStart[i] .. supplierStart[i + 1]]. */
  supplierStart: Int32Array;
  supplier: Int32Array;
  suppliers: string[];
  /** Index in SYSTEM_CATEGORIES, NO_CATEGORY without a system. */
  category: Uint8Array;
  /** SIPRI TIV of the order (millions), NaN where the record has none: a volume, never money. */
  tivOrder: Float64Array;
  /** Index in `origins` of where an imported record came from (`originKey`), -1 for a record not imported. */
  origin: Int32Array;
  origins: string[];
  /** Per currency. Dollars and rupees are worked out with the rest; any other on first use. */
  money: Map<string, MoneyColumn>;
}

const codesOf = (values: readonly string[]) => new Map(values.map((value, i) => [value, i]));
const STATUS_CODE = codesOf(DEAL_STATUSES);
const KIND_CODE = codesOf(DEAL_KINDS);
const DOMAIN_CODE = codesOf(DOMAINS);
const SERVICE_CODE = codesOf(SERVICES);
const BASIS_CODE = codesOf(VALUE_BASES);
const FAMILY_CODE = codesOf(UNIT_FAMILIES);
const CATEGORY_CODE = codesOf(SYSTEM_CATEGORIES);
const EAGER_CURRENCIES = ['USD', 'INR'];

/** Assigns each distinct value a code, in order of first appearance. */
class Dictionary<T> {
  readonly values: T[] = [];
  private readonly codes = new Map<T, number>();
  // Neighbouring deals often share a value (a publisher, a year): skip the map lookup for a repeat.
  private last: T | undefined;
  private lastCode = -1;
  code(value: T): number {
    if (value === this.last) return this.lastCode;
    this.last = value;
    this.lastCode = this.lookUp(value);
    return this.lastCode;
  }
  private lookUp(value: T): number {
    let code = this.codes.get(value);
    if (code === undefined) {
      code = this.values.length;
      this.values.push(value);
      this.codes.set(value, code);
    }
    return code;
  }
}

function emptyMoney(n: number): MoneyColumn {
  return { amount: new Float64Array(n), basis: new Uint8Array(n) };
}

function setMoney(column: MoneyColumn, row: number, figure: MoneyFigure | undefined): void {
  if (figure) {
    column.amount[row] = figure.amount;
    column.basis[row] = BASIS_CODE.get(valueBasis(figure))!;
  } else column.basis[row] = NO_FIGURE;
}

// One pass over the deals: each deal is read while it is in the cache, which is most of the cost.
export function buildFactTable(list: readonly Deal[]): FactTable {
  const deals = list.slice();
  const n = deals.length;
  const status = new Uint8Array(n);
  const kind = new Uint8Array(n);
  const domains = new Uint8Array(n);
  const flags = new Uint8Array(n);
  const yearCode = new Int32Array(n);
  const first = new Array<PartialDate | undefined>(n);
  const units = new Float64Array(n);
  const family = new Uint8Array(n);
  const serviceMask = new Uint8Array(n);
  const unallocated = new Float64Array(n);
  const system = new Int32Array(n);
  const allocated = new Float64Array(n);
  const allocStart = new Int32Array(n + 1);
  const allocService: number[] = [];
  const allocUnits: number[] = [];
  const publisherStart = new Int32Array(n + 1);
  const publisher: number[] = [];
  const years = new Dictionary<number>();
  const systems = new Dictionary<string>();
  const publishers = new Dictionary<string>();
  const supplierStart = new Int32Array(n + 1);
  const supplier: number[] = [];
  const suppliers = new Dictionary<string>();
  const category = new Uint8Array(n);
  const tivOrder = new Float64Array(n);
  const origin = new Int32Array(n);
  const origins = new Dictionary<string>();
  const money = EAGER_CURRENCIES.map(() => emptyMoney(n));

  for (let row = 0; row < n; row++) {
    const deal = deals[row]!;
    status[row] = STATUS_CODE.get(deal.status) ?? OTHER_STATUS;
    kind[row] = KIND_CODE.get(deal.kind) ?? OTHER_KIND;
    let mask = 0;
    for (const domain of deal.domains) {
      const code = DOMAIN_CODE.get(domain);
      if (code !== undefined) mask |= 1 << code;
    }
    domains[row] = mask;

    // `firstMilestoneDate` and `signatureDate` in one walk over the milestones.
    let firstDate: PartialDate | undefined;
    let signed: PartialDate | undefined;
    for (const milestone of deal.milestones) {
      if (firstDate === undefined || milestone.date < firstDate) firstDate = milestone.date;
      if (signed === undefined && milestone.kind === 'signature') signed = milestone.date;
    }
    first[row] = firstDate;
    const yearDate = signed ?? firstDate;
    yearCode[row] = yearDate === undefined ? -1 : years.code(yearOf(yearDate));
    let flag = deal.milestones.length > 0 ? HAS_MILESTONES : 0;
    if (deal.synthetic === true) flag |= SYNTHETIC;

    system[row] = systems.code(deal.system?.name ?? UNNAMED_SYSTEM);
    family[row] = FAMILY_CODE.get(unitFamilyOf(deal.system?.category))!;
    let services = 0;
    for (const service of deal.endUser?.services ?? []) services |= 1 << SERVICE_CODE.get(service)!;
    const quantity = deal.quantity;
    if (quantity) {
      flag |= HAS_QUANTITY;
      units[row] = quantity.total;
      let sum = 0;
      for (const { service, count } of quantity.allocations) {
        const code = SERVICE_CODE.get(service) ?? OTHER_SERVICE;
        if (code < OTHER_SERVICE) services |= 1 << code;
        allocService.push(code);
        allocUnits.push(count);
        sum += count;
      }
      allocated[row] = sum;
      const rest = quantity.total - sum;
      if (rest > 0) unallocated[row] = rest;
      if (deal.origin && quantity.allocations.length === 0 && services === 0) flag |= NO_SPLIT;
    }
    allocStart[row + 1] = allocUnits.length;
    serviceMask[row] = services;
    flags[row] = flag;

    const start = publisher.length;
    for (const source of deal.sources) {
      const code = publishers.code(source.publisher);
      if (publisher.indexOf(code, start) === -1) publisher.push(code);
    }
    publisherStart[row + 1] = publisher.length;

    const supplierFrom = supplier.length;
    for (const country of deal.supplierCountries) {
      const code = suppliers.code(country);
      if (supplier.indexOf(code, supplierFrom) === -1) supplier.push(code);
    }
    supplierStart[row + 1] = supplier.length;
    category[row] = (deal.system && CATEGORY_CODE.get(deal.system.category)) ?? NO_CATEGORY;
    tivOrder[row] = deal.tiv?.order ?? Number.NaN;
    origin[row] = deal.origin ? origins.code(originKey(deal.origin)) : -1;

    for (let i = 0; i < money.length; i++)
      setMoney(money[i]!, row, figureInCurrency(deal, EAGER_CURRENCIES[i]!));
  }
  const undated = years.values.length;
  for (let row = 0; row < n; row++) if (yearCode[row]! < 0) yearCode[row] = undated;

  return {
    deals,
    status,
    kind,
    domains,
    flags,
    yearCode,
    years: years.values,
    first,
    units,
    family,
    serviceMask,
    unallocated,
    system,
    systems: systems.values,
    allocStart,
    allocService: Uint8Array.from(allocService),
    allocUnits: Float64Array.from(allocUnits),
    allocated,
    publisherStart,
    publisher: Int32Array.from(publisher),
    publishers: publishers.values,
    supplierStart,
    supplier: Int32Array.from(supplier),
    suppliers: suppliers.values,
    category,
    tivOrder,
    origin,
    origins: origins.values,
    money: new Map(EAGER_CURRENCIES.map((currency, i) => [currency, money[i]!])),
  };
}

export function moneyColumn(table: FactTable, currency: string): MoneyColumn {
  let column = table.money.get(currency);
  if (!column) {
    const n = table.deals.length;
    column = emptyMoney(n);
    for (let row = 0; row < n; row++) setMoney(column, row, figureInCurrency(table.deals[row]!, currency));
    table.money.set(currency, column);
  }
  return column;
}

/** The dictionary with `value` in it, and its code: a copy when the value is new, so the old table keeps its own. */
function codeIn<T>(values: T[], value: T): { values: T[]; code: number } {
  const code = values.indexOf(value);
  if (code >= 0) return { values, code };
  // A copy even in place: a dictionary is small, an older table may share it, and `years.length` is
  // the undated code of every table that holds it.
  const grown = values.slice();
  return { values: grown, code: grown.push(value) - 1 };
}

/**
 * The table of the list with one row edited, worked out from this one: the edited deal is tabulated
 * on its own and its codes are carried into this table's dictionaries, which grow (as copies) by any
 * system, publisher or year not seen before; every column is copied with the row replaced, inserted
 * or removed. A new year moves the undated code (one past the last year) along with it. Codes of
 * values no row has any more stay, unused: every aggregation reads only the codes its rows carry.
 */
export function editFactTable(
  table: FactTable,
  edit: RowEdit,
  list: readonly Deal[],
  mode: EditMode = 'copy',
): FactTable {
  const deal = edit.op === 'delete' ? undefined : edit.deal;
  const one = deal ? buildFactTable([deal]) : undefined;
  let { years, systems, publishers, suppliers, origins } = table;
  let rowOrigin = -1;
  let yearCode = table.yearCode;
  let system = 0;
  let rowYear = years.length;
  const rowPublishers: number[] = [];
  const rowSuppliers: number[] = [];
  if (one) {
    ({ values: systems, code: system } = codeIn(systems, one.systems[one.system[0]!]!));
    if (one.years.length > 0) {
      const undated = years.length;
      ({ values: years, code: rowYear } = codeIn(years, one.years[0]!));
      if (years.length > undated) {
        if (mode === 'copy') yearCode = yearCode.slice();
        for (let row = 0; row < yearCode.length; row++)
          if (yearCode[row] === undated) yearCode[row] = years.length;
      }
    } else rowYear = years.length;
    for (const code of one.publisher) {
      let at: number;
      ({ values: publishers, code: at } = codeIn(publishers, one.publishers[code]!));
      rowPublishers.push(at);
    }
    if (one.origin[0]! >= 0) ({ values: origins, code: rowOrigin } = codeIn(origins, one.origins[0]!));
    for (const code of one.supplier) {
      let at: number;
      ({ values: suppliers, code: at } = codeIn(suppliers, one.suppliers[code]!));
      rowSuppliers.push(at);
    }
  }
  const at = <T extends Uint8Array | Float64Array | Int32Array>(column: T, source: T | undefined) =>
    editTyped(column, edit, source ? source[0]! : 0, mode);
  const services = editRagged(table.allocStart, table.allocService, edit, one ? one.allocService : [], mode);
  const allocUnits = editRagged(table.allocStart, table.allocUnits, edit, one ? one.allocUnits : [], mode);
  const sources = editRagged(table.publisherStart, table.publisher, edit, rowPublishers, mode);
  const supplierRows = editRagged(table.supplierStart, table.supplier, edit, rowSuppliers, mode);
  const money = new Map<string, MoneyColumn>();
  for (const [currency, column] of table.money) {
    const own = one ? moneyColumn(one, currency) : undefined;
    money.set(currency, { amount: at(column.amount, own?.amount), basis: at(column.basis, own?.basis) });
  }
  return {
    // The list a collection keeps, which no one changes in place: copying it again would only cost.
    deals: list,
    status: at(table.status, one?.status),
    kind: at(table.kind, one?.kind),
    domains: at(table.domains, one?.domains),
    flags: at(table.flags, one?.flags),
    yearCode: editTyped(yearCode, edit, rowYear, mode),
    years,
    first: editList(table.first, edit, one?.first[0], mode),
    units: at(table.units, one?.units),
    family: at(table.family, one?.family),
    serviceMask: at(table.serviceMask, one?.serviceMask),
    unallocated: at(table.unallocated, one?.unallocated),
    system: editTyped(table.system, edit, system, mode),
    systems,
    allocStart: services.offsets,
    allocService: services.values,
    allocUnits: allocUnits.values,
    allocated: at(table.allocated, one?.allocated),
    publisherStart: sources.offsets,
    publisher: sources.values,
    publishers,
    supplierStart: supplierRows.offsets,
    supplier: supplierRows.values,
    suppliers,
    category: at(table.category, one?.category),
    tivOrder: editTyped(table.tivOrder, edit, one ? one.tivOrder[0]! : Number.NaN, mode),
    origin: editTyped(table.origin, edit, rowOrigin, mode),
    origins,
    money,
  };
}
