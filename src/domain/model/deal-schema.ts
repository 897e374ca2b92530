import { z } from './zod';
import { PartialDate } from '../money-dates/partial-date';
import {
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

const Slug = z
  .string()
  .check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected a lowercase slug such as "mq-9b-2024"'));
const CountryCode = z
  .string()
  .check(z.regex(/^[A-Z]{2}$/, 'expected an ISO 3166-1 alpha-2 country code such as "IN"'));
const CurrencyCode = z
  .string()
  .check(z.regex(/^[A-Z]{3}$/, 'expected an ISO 4217 currency code such as "USD"'));
const Text = z.string().check(z.trim(), z.minLength(1));
/**
 * Bounds of the plausible, so that a schema-valid but absurd number is a rejected record rather than
 * "$∞ trillion", a 300-digit figure or a sum past 2^53. Amounts are in whole currency units, and rupee
 * amounts are stored in rupees: ₹10 lakh crore (1e13 rupees) is the ceiling in any currency.
 */
export const MIN_AMOUNT = 1;
export const MAX_AMOUNT = 1e13;
export const MAX_COUNT = 1_000_000;

const COUNT_RANGE = `a whole number from 1 to ${MAX_COUNT.toLocaleString('en')}`;
const Count = z.int(COUNT_RANGE).check(z.gte(1, COUNT_RANGE), z.lte(MAX_COUNT, COUNT_RANGE));
const Amount = z
  .number()
  .check(
    z.gte(MIN_AMOUNT, 'at least 1 unit of its currency'),
    z.lte(
      MAX_AMOUNT,
      'at most 1e13 units of its currency (₹10 lakh crore): larger is not a plausible amount',
    ),
  );

export const Source = z.object({
  id: Slug,
  title: Text,
  publisher: Text,
  date: z.optional(PartialDate),
  /** Kept as written; the UI links it only when it is http(s). */
  url: z.optional(z.string()),
  quote: z.optional(z.string()),
});
export type Source = z.infer<typeof Source>;

/** Figures, quantities and milestones cite sources of the same deal by id. */
const SourceRefs = z.array(Slug).check(z.minLength(1, 'cite at least one source'));

export const Party = z.object({
  name: Text,
  role: PartyRole,
  country: z.optional(CountryCode),
});
export type Party = z.infer<typeof Party>;

export const DefenceSystem = z.object({
  name: Text,
  variant: z.optional(z.string()),
  category: SystemCategory,
});
export type DefenceSystem = z.infer<typeof DefenceSystem>;

export const Allocation = z.object({
  service: Service,
  count: Count,
  /** Sources of this service's share, where they are not (only) the quantity's. */
  sourceIds: z.optional(SourceRefs),
});
export type Allocation = z.infer<typeof Allocation>;

export const Quantity = z.object({
  total: Count,
  unit: Text,
  allocations: z._default(z.array(Allocation), []),
  confidence: z._default(Confidence, 'confirmed'),
  sourceIds: SourceRefs,
  note: z.optional(z.string()),
  /** How many have been delivered, where a register says it (SIPRI's "Number delivered"); 0 is a count. */
  delivered: z.optional(
    z.object({
      count: z.int().check(z.gte(0), z.lte(MAX_COUNT)),
      confidence: z._default(Confidence, 'confirmed'),
      sourceIds: SourceRefs,
    }),
  ),
});
export type Quantity = z.infer<typeof Quantity>;

/** One reported money figure. An unknown value is no figure at all, never a zero. */
/**
 * The service or services that receive what the deal buys, as a source states it: for a deal with no
 * count per service (the Stryker talks name the Army and no number), or to cite who the end user is.
 */
export const EndUser = z.object({
  services: z.array(Service).check(z.minLength(1)),
  sourceIds: SourceRefs,
  note: z.optional(z.string()),
});
export type EndUser = z.infer<typeof EndUser>;

export const MoneyFigure = z.object({
  id: Slug,
  amount: Amount,
  currency: CurrencyCode,
  kind: FigureKind,
  /** "about", "nearly", "over": the source gave a round or bounded figure. */
  approximate: z._default(z.boolean(), false),
  asOf: PartialDate,
  confidence: z._default(Confidence, 'confirmed'),
  sourceIds: SourceRefs,
  note: z.optional(z.string()),
});
export type MoneyFigure = z.infer<typeof MoneyFigure>;

/**
 * The date a source said a milestone was planned for, with its own citation: "supply to begin in
 * January 2029". It never replaces the milestone's `date`; the two side by side are the slip.
 */
export const MilestonePlan = z.object({
  date: PartialDate,
  sourceIds: SourceRefs,
  /** How the source put it ("by 2029", "from 2021"), where the date alone does not say it. */
  note: z.optional(z.string()),
});
export type MilestonePlan = z.infer<typeof MilestonePlan>;

/**
 * One step of a deal. `date` is when it happened, or when it is now expected: which of the two is
 * decided in one place, by whether the date lies after today (`isExpectedDate` in
 * money-dates/slippage.ts), not by `confidence`, which says how firm the sources are.
 */
export const Milestone = z.object({
  kind: MilestoneKind,
  date: PartialDate,
  label: Text,
  confidence: z._default(Confidence, 'confirmed'),
  sourceIds: SourceRefs,
  /** The planned date, where a source gives one. */
  planned: z.optional(MilestonePlan),
});
export type Milestone = z.infer<typeof Milestone>;

/**
 * SIPRI's trend-indicator values, in millions of TIV: a volume of military capability, never money,
 * never added to a currency and never shown with a currency sign.
 */
const TivValue = z.number().check(z.gte(0), z.lte(1e7));
export const Tiv = z.object({
  perUnit: z.optional(TivValue),
  order: z.optional(TivValue),
  delivered: z.optional(TivValue),
  sourceIds: SourceRefs,
});
export type Tiv = z.infer<typeof Tiv>;

/** The file formats a record can be imported from (src/domain/import). */
export const IMPORT_FORMATS = [
  'sipri-classic',
  'sipri-2025',
  'ocds-release-package',
  'ocds-record-package',
  'dpt-json',
  'dpt-csv',
  'csv',
] as const;
export const ImportFormat = z.enum(IMPORT_FORMATS);
export type ImportFormat = z.infer<typeof ImportFormat>;

/**
 * Where an imported record came from, so every screen can say what it is ("SIPRI data (c) SIPRI,
 * imported 1 Dec 2026") and every figure can be traced to the file's row.
 */
export const Origin = z.object({
  format: ImportFormat,
  /** "SIPRI", or the OCDS package's publisher name. */
  publisher: Text,
  /** The file's name as the user picked it. */
  file: Text,
  /** 1-based lines of the file (CSV) or JSON paths the record was read from. */
  rows: z._default(z.array(z.union([z.int().check(z.gte(1)), z.string()])), []),
  /** The file's own "data generated" or publication date. */
  generated: z.optional(PartialDate),
  /** When the import was confirmed (ISO 8601). */
  importedAt: z.string().check(z.minLength(10)),
  /** The register's own key: SIPRI AT Database ID, OCDS ocid. */
  externalId: z.optional(z.string().check(z.minLength(1))),
  /** The rights line the data comes with, shown with it: "(c) SIPRI". */
  rights: z.optional(z.string()),
});
export type Origin = z.infer<typeof Origin>;

const DealShape = z.object({
  id: Slug,
  title: Text,
  summary: Text,
  kind: DealKind,
  status: DealStatus,
  buyerCountries: z.array(CountryCode).check(z.minLength(1)),
  supplierCountries: z.array(CountryCode).check(z.minLength(1)),
  parties: z._default(z.array(Party), []),
  /** Empty when the route is not known; Apache and Chinook mixed FMS and DCS. */
  routes: z._default(z.array(Route), []),
  domains: z._default(z.array(Domain), []),
  system: z.optional(DefenceSystem),
  quantity: z.optional(Quantity),
  endUser: z.optional(EndUser),
  figures: z._default(z.array(MoneyFigure), []),
  headlineFigureId: z.optional(Slug),
  milestones: z._default(z.array(Milestone), []),
  sources: z.array(Source).check(z.minLength(1, 'every deal needs at least one source')),
  /** SIPRI's TIV for this order, where the record comes from SIPRI. */
  tiv: z.optional(Tiv),
  /** Set on imported records: the file, publisher, rows and date they came from. */
  origin: z.optional(Origin),
  /** Generated records are marked so that no screen can pass them off as real. */
  synthetic: z.optional(z.boolean()),
});

type DealShape = z.infer<typeof DealShape>;

function checkInvariants(deal: DealShape, ctx: z.core.$RefinementCtx<DealShape>): void {
  const issue = (path: (string | number)[], message: string) =>
    ctx.addIssue({ code: 'custom', path, message });

  const sourceIds = new Set<string>();
  deal.sources.forEach((source, i) => {
    if (sourceIds.has(source.id)) issue(['sources', i, 'id'], `duplicate source id "${source.id}"`);
    sourceIds.add(source.id);
  });
  const checkRefs = (refs: string[], path: (string | number)[]) =>
    refs.forEach((ref, i) => {
      if (!sourceIds.has(ref)) issue([...path, i], `cites source "${ref}", which this deal does not list`);
    });

  if (deal.quantity) {
    const { total, allocations } = deal.quantity;
    const allocated = allocations.reduce((sum, a) => sum + a.count, 0);
    if (allocated > total) {
      issue(
        ['quantity', 'allocations'],
        `allocations add up to ${allocated}, more than the total of ${total}`,
      );
    }
    const services = new Set<string>();
    allocations.forEach((a, i) => {
      if (services.has(a.service))
        issue(['quantity', 'allocations', i, 'service'], `"${a.service}" is listed twice`);
      services.add(a.service);
    });
    checkRefs(deal.quantity.sourceIds, ['quantity', 'sourceIds']);
    if (deal.quantity.delivered)
      checkRefs(deal.quantity.delivered.sourceIds, ['quantity', 'delivered', 'sourceIds']);
    allocations.forEach((a, i) => {
      if (a.sourceIds) checkRefs(a.sourceIds, ['quantity', 'allocations', i, 'sourceIds']);
    });
  }
  if (deal.endUser) {
    checkRefs(deal.endUser.sourceIds, ['endUser', 'sourceIds']);
    const named = new Set<string>(deal.endUser.services);
    deal.quantity?.allocations.forEach((a, i) => {
      if (!named.has(a.service))
        issue(
          ['quantity', 'allocations', i, 'service'],
          `"${a.service}" is allocated units but is not an end user`,
        );
    });
  }

  const figureIds = new Set<string>();
  deal.figures.forEach((figure, i) => {
    if (figureIds.has(figure.id)) issue(['figures', i, 'id'], `duplicate figure id "${figure.id}"`);
    figureIds.add(figure.id);
    checkRefs(figure.sourceIds, ['figures', i, 'sourceIds']);
  });
  if (deal.headlineFigureId !== undefined && !figureIds.has(deal.headlineFigureId)) {
    issue(['headlineFigureId'], `headline figure "${deal.headlineFigureId}" is not among the deal's figures`);
  }
  if (deal.headlineFigureId === undefined && deal.figures.length > 0) {
    issue(['headlineFigureId'], 'a deal with money figures must name its headline figure');
  }

  if (deal.tiv) checkRefs(deal.tiv.sourceIds, ['tiv', 'sourceIds']);

  deal.milestones.forEach((milestone, i) => {
    checkRefs(milestone.sourceIds, ['milestones', i, 'sourceIds']);
    if (milestone.planned) checkRefs(milestone.planned.sourceIds, ['milestones', i, 'planned', 'sourceIds']);
  });
}

export const Deal = DealShape.check(z.superRefine(checkInvariants));
export type Deal = z.infer<typeof Deal>;
/** A record as written in a seed file or sent over the wire, before defaults are applied. */
export type DealInput = z.input<typeof Deal>;
