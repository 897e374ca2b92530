/**
 * OCDS 1.1 release packages and record packages (docs/import.md, "OCDS"): one contracting process
 * (one `ocid`) becomes one deal.
 *
 * - A release package's releases are grouped by `ocid` and merged in `date` order, the latest winning
 *   per field (`mergeReleases`). A record package's record gives its `compiledRelease`; without one,
 *   its releases are merged the same way.
 * - Status is the furthest stage the process reached: planning → announced, tender → negotiating,
 *   award → approved, a contract `pending` → approved, `active` or signed → contract-signed, an
 *   implementation with transactions or met milestones → in-delivery, `terminated` → completed (OCDS:
 *   "signed and in force, and has now come to a close"), a cancelled contract, or a cancelled or
 *   unsuccessful tender with no award → cancelled.
 * - Money: the tender value is an estimate, the award value approved, the contract value signed; the
 *   headline is the latest of those. Transactions are payments: they are listed in the contract
 *   figure's note and never added into the deal's value.
 * - The package is the one source of every fact: its publisher, its uri, its publication date.
 */
import type { DealInput, Milestone, MoneyFigure, Party } from '../model/deal-schema';
import { MAX_AMOUNT, MIN_AMOUNT } from '../model/deal-schema';
import type { DealStatus, MilestoneKind } from '../model/vocabulary';
import { parseDeal } from '../model/parse-deals';
import { formatPartialDate, parsePartialDate } from '../money-dates/partial-date';
import { safeExternalUrl } from '../text/safe-url';
import { countryCode } from './country-codes';
import { compositeKey } from './match-keys';
import {
  ImportCancelled,
  UnreadableFile,
  type DetectedFile,
  type FilePlace,
  type ParseContext,
  type ParsedDeal,
  type Parser,
  type ParseResult,
  type RejectedRow,
} from './types';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const objects = (value: unknown): Json[] => (Array.isArray(value) ? value.filter(isObject) : []);
const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
const PROGRESS_EVERY = 500;
/** An OCDS id (string or number) as text; anything else is no id. */
const idOf = (value: unknown): string | undefined =>
  typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;

/** "2010-03-01T09:00:00Z" → "2010-03-01"; undefined when it is not a date the schema takes. */
export function ocdsDate(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const day = value.slice(0, 10);
  return parsePartialDate(day) ? day : undefined;
}

/**
 * Releases of one process merged as OCDS compiles a record, simplified: in `date` order, each field of
 * a later release replaces the earlier one; objects merge field by field; arrays of objects that all
 * have an `id` merge element by element on that id; any other array is replaced whole.
 */
export function mergeReleases(releases: readonly Json[]): Json {
  const ordered = releases
    .map((release, i) => ({ release, i }))
    .sort((a, b) => {
      const da = typeof a.release.date === 'string' ? a.release.date : '';
      const db = typeof b.release.date === 'string' ? b.release.date : '';
      return da < db ? -1 : da > db ? 1 : a.i - b.i;
    });
  return ordered.reduce<Json>((merged, { release }) => mergeValue(merged, release) as Json, {});
}

const hasIds = (value: unknown[]): value is Json[] =>
  value.length > 0 &&
  value.every((v) => isObject(v) && (typeof v.id === 'string' || typeof v.id === 'number'));

function mergeValue(earlier: unknown, later: unknown): unknown {
  if (later === undefined || later === null) return earlier;
  if (isObject(earlier) && isObject(later)) {
    const out: Json = { ...earlier };
    for (const [key, value] of Object.entries(later)) out[key] = mergeValue(earlier[key], value);
    return out;
  }
  if (Array.isArray(earlier) && Array.isArray(later) && hasIds(earlier) && hasIds(later)) {
    const out = [...earlier];
    for (const item of later) {
      const at = out.findIndex((e) => idOf(e.id) === idOf(item.id));
      if (at === -1) out.push(item);
      else out[at] = mergeValue(out[at], item) as Json;
    }
    return out;
  }
  return later;
}

interface Package {
  kind: 'release' | 'record';
  publisher?: string;
  uri?: string;
  published?: string;
  license?: string;
  /** Each process: its ocid, its compiled release and the paths it was read from. */
  processes: { ocid: string; release: Json; places: string[] }[];
  rejected: RejectedRow[];
  elements: number;
}

function readPackage(value: unknown, context: ParseContext): Package {
  if (!isObject(value) || (!Array.isArray(value.releases) && !Array.isArray(value.records))) {
    throw new UnreadableFile(
      'This JSON is not an OCDS package: it has no "releases" or "records" array at the top level.',
    );
  }
  const elements = (Array.isArray(value.records) ? value.records : value.releases) as unknown[];
  // The package's publisher, else (as in the standard's reference example) the first release's own.
  const first = isObject(elements[0]) ? elements[0] : undefined;
  const publisherObject = [value.publisher, first?.publisher].find(isObject);
  const base = {
    publisher: text(publisherObject?.name) ?? text(publisherObject?.legalName),
    uri: text(value.uri),
    published: ocdsDate(value.publishedDate),
    license: text(value.license),
    rejected: [] as RejectedRow[],
  };
  const key = Array.isArray(value.records) ? 'records' : 'releases';
  const withOcid = elements.filter((e) => isObject(e) && text(e.ocid) !== undefined).length;
  if (elements.length === 0) {
    throw new UnreadableFile(`This OCDS package's "${key}" array is empty: there is nothing to import.`);
  }
  if (withOcid === 0) {
    throw new UnreadableFile(
      `This JSON is not an OCDS ${key === 'records' ? 'record' : 'release'} package: no element of "${key}" has an "ocid" (a release needs "ocid", "id", "date" and "tag"). It looks like a fragment of a release, such as the examples in the OCDS documentation.`,
    );
  }
  const progress = (done: number) => {
    if (done % PROGRESS_EVERY !== 0) return;
    if (context.cancelled?.()) throw new ImportCancelled();
    context.onProgress?.(done, elements.length);
  };

  const groups = new Map<string, { releases: Json[]; places: string[] }>();
  const processes: Package['processes'] = [];
  elements.forEach((element, i) => {
    progress(i);
    const place = `${key}[${i}]`;
    const ocid = isObject(element) ? text(element.ocid) : undefined;
    if (!isObject(element) || ocid === undefined) {
      base.rejected.push({ place, reason: `${place} has no "ocid": it names no contracting process` });
      return;
    }
    if (key === 'records') {
      if (isObject(element.compiledRelease)) {
        processes.push({ ocid, release: element.compiledRelease, places: [place] });
        return;
      }
      const full = objects(element.releases).filter((r) => text(r.ocid) !== undefined);
      if (full.length === 0) {
        base.rejected.push({
          place,
          reason: `${place} has no "compiledRelease" and its releases are only links (no "ocid"): the record cannot be read without them`,
        });
        return;
      }
      processes.push({ ocid, release: mergeReleases(full), places: [place] });
      return;
    }
    const group = groups.get(ocid) ?? { releases: [], places: [] };
    group.releases.push(element);
    group.places.push(place);
    groups.set(ocid, group);
  });
  for (const [ocid, group] of groups) {
    processes.push({ ocid, release: mergeReleases(group.releases), places: group.places });
  }
  // A file whose releases say nothing of who buys (no buyer, tender or award in any of them) is a
  // fragment of a process, as the standard's documentation examples are, not releases to import.
  const aboutBuying = (r: Json) =>
    isObject(r.buyer) ||
    isObject(r.tender) ||
    objects(r.awards).length > 0 ||
    objects(r.parties).some((p) => Array.isArray(p.roles) && p.roles.includes('buyer'));
  if (processes.length > 0 && !processes.some((p) => aboutBuying(p.release))) {
    const { release, places } = processes[0]!;
    const tags = Array.isArray(release.tag) ? release.tag.filter((t) => typeof t === 'string') : [];
    const has = Object.keys(release).filter(
      (k) => !['ocid', 'id', 'date', 'tag', 'language', 'initiationType'].includes(k),
    );
    throw new UnreadableFile(
      `This is not a package of whole OCDS releases: ${places[0]}${tags.length > 0 ? ` (tag ${tags.join(', ')})` : ''} has only ${has.map((k) => `"${k}"`).join(' and ') || 'its ids'}, and no release names a "buyer", a "tender" or "awards". It is a fragment of a contracting process, such as the examples in the OCDS documentation, and gives no deal to import.`,
    );
  }
  context.onProgress?.(elements.length, elements.length);
  return { kind: key === 'records' ? 'record' : 'release', ...base, processes, elements: elements.length };
}

/** Lowercase slug of the ocid for the deal's id: "ocds-213czf-000-00001". */
function slugOf(ocid: string): string {
  const slug = ocid
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return slug.startsWith('ocds-') ? slug : `ocds-${slug || 'process'}`;
}

interface Money {
  amount: number;
  currency: string;
}
function moneyOf(value: unknown): Money | undefined {
  if (!isObject(value)) return undefined;
  const { amount, currency } = value;
  if (typeof amount !== 'number' || typeof currency !== 'string' || !/^[A-Z]{3}$/.test(currency)) {
    return undefined;
  }
  return { amount, currency };
}
const formatAmount = (m: Money) => `${m.currency} ${m.amount.toLocaleString('en')}`;

const MILESTONE_KINDS: Record<string, MilestoneKind> = { delivery: 'delivery' };

class Rejection extends Error {}

type Organisation = { name: string; country?: string };
/** One entry per name, the one with a country where the same name comes with and without one. */
function byName(list: readonly (Organisation | undefined)[]): Organisation[] {
  const out = new Map<string, Organisation>();
  for (const o of list)
    if (o && (!out.has(o.name) || (!out.get(o.name)!.country && o.country))) out.set(o.name, o);
  return [...out.values()];
}

/** One process as a deal record (before validation), with the warnings its references raised. */
function buildDeal(
  process: Package['processes'][number],
  pkg: Package,
  context: ParseContext,
  sourceId: string,
): { input: DealInput; warnings: string[] } {
  const { ocid, release: r } = process;
  const where = process.places.length === 1 ? process.places[0]! : `process ${ocid}`;
  const warnings: string[] = [];
  const partiesById = new Map<string, { party: Json; index: number }>();
  objects(r.parties).forEach((party, index) => {
    const id = idOf(party.id);
    if (id !== undefined) partiesById.set(id, { party, index });
  });
  const cite = [sourceId];

  /** The party an organisation reference names, and the country of its address. */
  const resolve = (ref: Json | undefined, path: string): { name: string; country?: string } | undefined => {
    if (!ref) return undefined;
    const id = idOf(ref.id);
    const found = id === undefined ? undefined : partiesById.get(id);
    if (id !== undefined && !found) {
      warnings.push(`${where}: ${path} names party "${id}", which is not in "parties"`);
    }
    const party = found?.party ?? ref;
    const name = text(party.name) ?? text(ref.name);
    if (!name) return undefined;
    const address = found && isObject(found.party.address) ? found.party.address : undefined;
    const written = text(address?.countryName) ?? text(address?.country);
    if (written === undefined) return { name };
    const code = countryCode(written);
    if (code === undefined) {
      throw new Rejection(
        `parties[${found!.index}].address: "${written}" (the country of ${name}) is not a country the tracker knows; the process is not imported rather than guessed`,
      );
    }
    return { name, country: code };
  };
  const withRole = (role: string) =>
    [...partiesById.values()]
      .filter(({ party }) => Array.isArray(party.roles) && party.roles.includes(role))
      .map(({ party }) => party);

  // Buyer: `buyer`, and the parties with role `buyer` (which give the country when `buyer` names no party).
  const buyerId = isObject(r.buyer) ? idOf(r.buyer.id) : undefined;
  const buyerRefs = [
    ...(isObject(r.buyer) ? [{ ref: r.buyer, path: 'buyer' }] : []),
    ...withRole('buyer')
      .filter((party) => buyerId === undefined || idOf(party.id) !== buyerId)
      .map((party) => ({
        ref: party,
        path: `buyer party ${idOf(party.id) ?? text(party.name) ?? '(no id)'}`,
      })),
  ];
  const buyers = byName(buyerRefs.map(({ ref, path }) => resolve(ref, path)));
  if (buyers.length === 0) {
    throw new Rejection('no buyer: neither "buyer" nor a party with role "buyer" names one');
  }

  // Suppliers: each award's suppliers, and parties with role `supplier`.
  const awards = objects(r.awards);
  const tender = isObject(r.tender) ? r.tender : undefined;
  const lotIds = new Set(objects(tender?.lots).map((lot) => idOf(lot.id)));
  const supplierRefs: { ref: Json; path: string }[] = [];
  awards.forEach((award, a) => {
    objects(award.suppliers).forEach((ref, s) =>
      supplierRefs.push({ ref, path: `awards[${a}].suppliers[${s}]` }),
    );
    if (Array.isArray(award.relatedLots)) {
      for (const lot of award.relatedLots) {
        if (!lotIds.has(idOf(lot))) {
          warnings.push(
            `${where}: awards[${a}].relatedLots names lot "${idOf(lot) ?? JSON.stringify(lot)}", which the tender does not list`,
          );
        }
      }
    }
  });
  const namedIds = new Set(supplierRefs.map(({ ref }) => idOf(ref.id)));
  withRole('supplier').forEach((party) => {
    if (!namedIds.has(idOf(party.id)))
      supplierRefs.push({
        ref: party,
        path: `supplier party ${idOf(party.id) ?? text(party.name) ?? '(no id)'}`,
      });
  });
  const suppliers = byName(supplierRefs.map(({ ref, path }) => resolve(ref, path)));
  const supplierCountries = [...new Set(suppliers.map((s) => s.country).filter((c) => c !== undefined))];
  const buyerCountries = [...new Set(buyers.map((b) => b.country).filter((c) => c !== undefined))];
  if (buyerCountries.length === 0) {
    throw new Rejection(
      `the buyer (${buyers.map((b) => b.name).join(', ')}) has no "address.countryName" in "parties": the tracker needs the buyer's country`,
    );
  }
  if (suppliers.length === 0) {
    throw new Rejection(
      'no supplier yet: no award names a supplier and no party has role "supplier"; the tracker needs the supplier country',
    );
  }
  if (supplierCountries.length === 0) {
    throw new Rejection(
      `the supplier (${suppliers.map((s) => s.name).join(', ')}) has no "address.countryName" in "parties": the tracker needs the supplier's country`,
    );
  }

  const awardIds = new Set(awards.map((award) => idOf(award.id)));
  const contracts = objects(r.contracts);
  contracts.forEach((contract, c) => {
    if (contract.awardID !== undefined && !awardIds.has(idOf(contract.awardID))) {
      warnings.push(
        `${where}: contracts[${c}].awardID "${idOf(contract.awardID) ?? JSON.stringify(contract.awardID)}" names no award in "awards"`,
      );
    }
  });

  // Money, each figure dated and cited to the package.
  const figures: MoneyFigure[] = [];
  const releaseDate = ocdsDate(r.date) ?? pkg.published;
  const addFigure = (
    id: string,
    value: unknown,
    kind: MoneyFigure['kind'],
    asOf: string | undefined,
    path: string,
    note: string,
  ) => {
    const money = moneyOf(value);
    if (!money) return;
    if (money.amount < MIN_AMOUNT || money.amount > MAX_AMOUNT) {
      warnings.push(`${where}: ${path}.amount ${money.amount} is not a plausible amount; left out`);
      return;
    }
    const date = asOf ?? releaseDate;
    if (!date) {
      warnings.push(`${where}: ${path} has no date the tracker can read; left out`);
      return;
    }
    figures.push({
      id,
      amount: money.amount,
      currency: money.currency,
      kind,
      approximate: false,
      asOf: date,
      confidence: 'confirmed',
      sourceIds: cite,
      note,
    });
  };
  if (tender) {
    const tenderPeriod = isObject(tender.tenderPeriod) ? tender.tenderPeriod : undefined;
    addFigure(
      'ocds-tender',
      tender.value,
      'estimate',
      ocdsDate(tender.datePublished) ?? ocdsDate(tenderPeriod?.startDate),
      'tender.value',
      'OCDS tender value (the buyer’s estimate)',
    );
  }
  awards.forEach((award, a) =>
    addFigure(
      `ocds-award-${a + 1}`,
      award.value,
      'approved',
      ocdsDate(award.date),
      `awards[${a}].value`,
      `OCDS award value (awards[${a}])`,
    ),
  );
  contracts.forEach((contract, c) => {
    const implementation = isObject(contract.implementation) ? contract.implementation : undefined;
    const payments = objects(implementation?.transactions)
      .map((t) => {
        const money = moneyOf(t.value) ?? moneyOf(t.amount);
        return money ? `${ocdsDate(t.date) ?? 'undated'} ${formatAmount(money)}` : undefined;
      })
      .filter((p) => p !== undefined);
    const period = isObject(contract.period) ? contract.period : undefined;
    addFigure(
      `ocds-contract-${c + 1}`,
      contract.value,
      'signed',
      ocdsDate(contract.dateSigned) ?? ocdsDate(period?.startDate),
      `contracts[${c}].value`,
      [
        `OCDS contract value (contracts[${c}])`,
        payments.length > 0
          ? `payments recorded (transactions, not added to the value): ${payments.join('; ')}`
          : undefined,
      ]
        .filter(Boolean)
        .join('. '),
    );
  });
  const headline =
    figures.findLast((f) => f.kind === 'signed') ??
    figures.findLast((f) => f.kind === 'approved') ??
    figures.at(-1);

  // Milestones.
  const milestones: Milestone[] = [];
  const milestone = (
    kind: MilestoneKind,
    date: string | undefined,
    label: string,
    extra: Partial<Milestone> = {},
  ) => {
    if (date) milestones.push({ kind, date, label, confidence: 'confirmed', sourceIds: cite, ...extra });
  };
  if (tender) {
    const tenderPeriod = isObject(tender.tenderPeriod) ? tender.tenderPeriod : undefined;
    milestone('announcement', ocdsDate(tenderPeriod?.startDate), 'Tender period opened');
  }
  awards.forEach((award) => {
    const to = objects(award.suppliers)
      .map((s) => text(s.name))
      .filter(Boolean)
      .join(', ');
    milestone('approval', ocdsDate(award.date), to ? `Contract awarded to ${to}` : 'Contract awarded');
  });
  let delivering = false;
  contracts.forEach((contract) => {
    milestone(
      'signature',
      ocdsDate(contract.dateSigned),
      text(contract.title) ? `Signed: ${text(contract.title)}` : 'Contract signed',
    );
    const implementation = isObject(contract.implementation) ? contract.implementation : undefined;
    if (objects(implementation?.transactions).length > 0) delivering = true;
    objects(implementation?.milestones).forEach((m) => {
      const due = ocdsDate(m.dueDate);
      const met = ocdsDate(m.dateMet);
      const kind = MILESTONE_KINDS[text(m.type) ?? ''] ?? 'other';
      const label =
        text(m.title) ?? text(m.description) ?? `Implementation milestone ${idOf(m.id) ?? ''}`.trim();
      if (met) {
        delivering = true;
        milestone(kind, met, label, due && due !== met ? { planned: { date: due, sourceIds: cite } } : {});
      } else if (due) {
        const status = text(m.status);
        milestone(kind, due, status && status !== 'scheduled' ? `${label} (${status})` : label, {
          confidence: status === 'met' ? 'confirmed' : 'unconfirmed',
          planned: { date: due, sourceIds: cite },
        });
      }
    });
  });

  const contractStatuses = contracts.map((c) => text(c.status));
  let status: DealStatus = 'announced';
  if (tender) status = 'negotiating';
  if (awards.length > 0) status = 'approved';
  if (contracts.some((c, i) => contractStatuses[i] === 'active' || ocdsDate(c.dateSigned)))
    status = 'contract-signed';
  if (delivering) status = 'in-delivery';
  if (contractStatuses.length > 0 && contractStatuses.every((s) => s === 'terminated')) status = 'completed';
  if (contractStatuses.length > 0 && contractStatuses.every((s) => s === 'cancelled')) status = 'cancelled';
  if (
    contracts.length === 0 &&
    awards.length === 0 &&
    (text(tender?.status) === 'cancelled' || text(tender?.status) === 'unsuccessful')
  ) {
    status = 'cancelled';
  }

  const title =
    text(tender?.title) ??
    contracts.map((c) => text(c.title)).find(Boolean) ??
    awards.map((a) => text(a.title)).find(Boolean) ??
    `OCDS contracting process ${ocid}`;
  const descriptions = [
    text(tender?.description),
    ...awards.map((a) => text(a.description)),
    ...contracts.map((c) => text(c.description)),
  ].filter((d) => d !== undefined);
  const summary =
    descriptions.length > 0
      ? `${[...new Set(descriptions)].join(' ')} (Summary derived from the release's tender, award and contract descriptions.)`
      : `OCDS contracting process ${ocid}; the release gives no description.`;

  const item = [...contracts, ...awards, ...(tender ? [tender] : [])]
    .flatMap((x) => objects(x.items))
    .map(
      (i) =>
        text(i.description) ?? (isObject(i.classification) ? text(i.classification.description) : undefined),
    )
    .find(Boolean);

  const parties: Party[] = [
    ...buyers.map((b) => ({
      name: b.name,
      role: 'buyer-organisation' as const,
      ...(b.country ? { country: b.country } : {}),
    })),
    ...suppliers.map((s) => ({
      name: s.name,
      role: 'prime-contractor' as const,
      ...(s.country ? { country: s.country } : {}),
    })),
  ].filter((p, i, all) => all.findIndex((q) => q.name === p.name && q.role === p.role) === i);

  const url = safeExternalUrl(pkg.uri);
  const publisher = pkg.publisher ?? `OCDS publisher not named (${context.fileName})`;
  const input: DealInput = {
    id: slugOf(ocid),
    title,
    summary,
    kind: 'purchase',
    status,
    buyerCountries,
    supplierCountries,
    parties,
    ...(item ? { system: { name: item, category: 'other' as const } } : {}),
    figures,
    ...(headline ? { headlineFigureId: headline.id } : {}),
    milestones,
    sources: [
      {
        id: sourceId,
        publisher,
        title: pkg.uri ?? (pkg.kind === 'record' ? 'OCDS record package' : 'OCDS release package'),
        ...(pkg.published ? { date: pkg.published } : {}),
        ...(url ? { url: pkg.uri } : {}),
      },
    ],
    origin: {
      format: pkg.kind === 'record' ? 'ocds-record-package' : 'ocds-release-package',
      publisher,
      file: context.fileName,
      rows: process.places,
      ...(pkg.published ? { generated: pkg.published } : {}),
      importedAt: context.importedAt,
      externalId: ocid,
      ...(pkg.license ? { rights: `Licence: ${pkg.license}` } : {}),
    },
  };
  return { input, warnings };
}

function describe(pkg: Package, encoding: string): DetectedFile {
  const format = pkg.kind === 'record' ? 'ocds-record-package' : 'ocds-release-package';
  const label = pkg.kind === 'record' ? 'OCDS record package' : 'OCDS release package';
  const n = pkg.elements;
  const processes = pkg.processes.length;
  const parts = [
    label,
    `${n.toLocaleString('en')} ${pkg.kind}${n === 1 ? '' : 's'}`,
    ...(pkg.kind === 'release'
      ? [`${processes.toLocaleString('en')} process${processes === 1 ? '' : 'es'}`]
      : []),
    ...(pkg.publisher || pkg.published
      ? [
          [
            pkg.publisher ? `published by ${pkg.publisher}` : 'published',
            pkg.published ? `on ${formatPartialDate(pkg.published, 'long')}` : undefined,
          ]
            .filter(Boolean)
            .join(' '),
        ]
      : []),
    encoding,
  ];
  return {
    format,
    label,
    encoding,
    rowCount: n,
    ...(pkg.publisher ? { publisher: pkg.publisher } : {}),
    ...(pkg.published ? { generated: pkg.published } : {}),
    description: parts.join(', '),
  };
}

/** An OCDS 1.1 release or record package: one deal per contracting process. */
export const parseOcds: Parser = (fileText, encoding, context): ParseResult => {
  let value: unknown;
  try {
    value = JSON.parse(fileText.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new UnreadableFile(`This file is not valid JSON: ${(error as Error).message}`);
  }
  const pkg = readPackage(value, context);
  const deals: ParsedDeal[] = [];
  const rejected = [...pkg.rejected];
  const warnings: string[] = [];
  const ids = new Set<string>();
  for (const process of pkg.processes) {
    const place: FilePlace = process.places[0]!;
    try {
      const { input, warnings: more } = buildDeal(process, pkg, context, 'ocds-package');
      let id = input.id;
      for (let n = 2; ids.has(id); n += 1) id = `${input.id}-${n}`;
      ids.add(id);
      const parsed = parseDeal({ ...input, id });
      if (!parsed.ok) {
        rejected.push({ place, reason: `process ${process.ocid}: ${parsed.reason}` });
        continue;
      }
      warnings.push(...more);
      const key = compositeKey(parsed.data);
      deals.push({
        deal: parsed.data,
        places: process.places,
        matchKeys: [`ocds:${process.ocid}`, ...(key ? [key] : [])],
      });
    } catch (error) {
      if (!(error instanceof Rejection)) throw error;
      rejected.push({ place, reason: `process ${process.ocid}: ${error.message}` });
    }
  }
  return { detected: describe(pkg, encoding), deals, rejected, warnings };
};
