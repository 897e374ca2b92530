import type { Deal, Milestone, MoneyFigure, Party } from '../model/deal-schema';
import {
  DEAL_KINDS,
  DEAL_STATUSES,
  type DealKind,
  type DealStatus,
  type Domain,
  type Route,
  type Service,
  type SystemCategory,
} from '../model/vocabulary';

/** Beyond this the browser tab, not the tracker, becomes the limit; the API refuses larger sizes. */
export const SYNTHETIC_SIZE_LIMIT = 200_000;
export const DEFAULT_SYNTHETIC_SEED = 20261124;

/** A small, fast, well-distributed 32-bit PRNG; returns numbers in [0, 1). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Each record has its own stream, so record i is the same whatever the size asked for.
function recordSeed(seed: number, index: number): number {
  let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index + 1, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return (h ^ (h >>> 16)) >>> 0;
}

interface SystemTemplate {
  names: readonly string[];
  category: SystemCategory;
  domains: readonly Domain[];
  unit: string;
  services: readonly Service[];
  /** Units per order and unit price in USD, as plausible ranges for generated data. */
  quantity: readonly [number, number];
  unitPriceUsd: readonly [number, number];
}

const SYSTEMS: readonly SystemTemplate[] = [
  {
    names: ['Kestrel MALE', 'Falcon-R', 'Osprey HALE'],
    category: 'uav',
    domains: ['air', 'cyber-isr'],
    unit: 'drones',
    services: ['navy', 'army', 'air-force'],
    quantity: [4, 40],
    unitPriceUsd: [15e6, 120e6],
  },
  {
    names: ['TF-90 turbofan', 'Aurora turbofan', 'Meridian turboshaft'],
    category: 'engine',
    domains: ['air'],
    unit: 'engines',
    services: ['air-force', 'navy'],
    quantity: [20, 200],
    unitPriceUsd: [3e6, 12e6],
  },
  {
    names: ['Strata fighter', 'Vanguard multirole'],
    category: 'combat-aircraft',
    domains: ['air'],
    unit: 'aircraft',
    services: ['air-force', 'navy'],
    quantity: [6, 60],
    unitPriceUsd: [60e6, 140e6],
  },
  {
    names: ['Atlas heavy-lift transport', 'Courier tactical transport'],
    category: 'transport-aircraft',
    domains: ['air'],
    unit: 'aircraft',
    services: ['air-force'],
    quantity: [2, 16],
    unitPriceUsd: [70e6, 300e6],
  },
  {
    names: ['Sentinel maritime patrol', 'Tern maritime patrol'],
    category: 'maritime-patrol-aircraft',
    domains: ['maritime', 'cyber-isr'],
    unit: 'aircraft',
    services: ['navy', 'coast-guard'],
    quantity: [2, 12],
    unitPriceUsd: [150e6, 400e6],
  },
  {
    names: ['Heron attack', 'Mule heavy-lift', 'Seahawk-class naval'],
    category: 'helicopter',
    domains: ['air', 'maritime'],
    unit: 'helicopters',
    services: ['army', 'air-force', 'navy'],
    quantity: [4, 48],
    unitPriceUsd: [20e6, 90e6],
  },
  {
    names: ['Ridge light', 'Thunder towed'],
    category: 'artillery',
    domains: ['land'],
    unit: 'howitzers',
    services: ['army', 'marines'],
    quantity: [18, 300],
    unitPriceUsd: [2e6, 8e6],
  },
  {
    names: ['Spear anti-tank', 'Trident anti-ship', 'Skyguard air-defence'],
    category: 'missile',
    domains: ['land', 'maritime', 'air'],
    unit: 'missiles',
    services: ['army', 'navy', 'air-force', 'special-forces'],
    quantity: [50, 2000],
    unitPriceUsd: [0.1e6, 3e6],
  },
  {
    names: ['Bastion armoured', 'Ranger infantry'],
    category: 'armoured-vehicle',
    domains: ['land'],
    unit: 'vehicles',
    services: ['army', 'marines'],
    quantity: [20, 500],
    unitPriceUsd: [2e6, 9e6],
  },
  {
    names: ['Harbour patrol', 'Corvette-class', 'Survey'],
    category: 'naval-vessel',
    domains: ['maritime', 'undersea'],
    unit: 'ships',
    services: ['navy', 'coast-guard'],
    quantity: [1, 8],
    unitPriceUsd: [50e6, 700e6],
  },
  {
    names: ['Precision-guided artillery', 'Glide bomb'],
    category: 'munitions',
    domains: ['land', 'air'],
    unit: 'munitions',
    services: ['army', 'air-force'],
    quantity: [500, 20000],
    unitPriceUsd: [5e3, 100e3],
  },
  {
    names: ['Coastal radar', 'Hull sonar', 'Space surveillance'],
    category: 'sensor',
    domains: ['cyber-isr', 'space', 'undersea'],
    unit: 'systems',
    services: ['navy', 'coast-guard', 'joint'],
    quantity: [1, 30],
    unitPriceUsd: [5e6, 60e6],
  },
];

const COUNTRIES = [
  'IN',
  'US',
  'GB',
  'FR',
  'IL',
  'DE',
  'JP',
  'AU',
  'KR',
  'SE',
  'IT',
  'ES',
  'CA',
  'PL',
  'BR',
  'AE',
  'SG',
];
const SUPPLIERS = ['US', 'US', 'US', 'FR', 'GB', 'IL', 'DE', 'SE', 'KR', 'IT', 'IN'];
const PRIMES = [
  'Northwind Aerospace',
  'Halcyon Defence',
  'Orion Systems',
  'Bluewater Marine',
  'Ironbridge Industries',
];
const PARTNERS = ['Lakeside Aeronautics', 'Deccan Dynamics', 'Coastline Shipyards', 'Summit Precision'];
const ROUTE_BY_KIND: Record<DealKind, readonly Route[]> = {
  purchase: ['fms', 'dcs', 'g2g'],
  'co-production': ['g2g', 'dcs'],
  'licensed-production': ['licensed-production'],
  'joint-development': ['g2g'],
  lease: ['dcs', 'g2g'],
  mou: ['g2g'],
  framework: ['g2g'],
};
// Weighted so that purchases dominate, as they do in real registers, yet every kind and status occurs.
const KIND_WEIGHTS: Record<DealKind, number> = {
  purchase: 50,
  'co-production': 10,
  'licensed-production': 10,
  'joint-development': 8,
  lease: 8,
  mou: 9,
  framework: 5,
};
const STATUS_WEIGHTS: Record<DealStatus, number> = {
  announced: 10,
  negotiating: 12,
  'mou-signed': 8,
  approved: 14,
  'contract-signed': 18,
  'in-delivery': 16,
  completed: 14,
  stalled: 5,
  cancelled: 3,
};

const SOURCE_ID = 'synthetic';
const SOURCE = {
  id: SOURCE_ID,
  title: 'Synthetic record generated for testing and demos',
  publisher: 'Defence Procurement Tracker generator',
};
const SOURCE_IDS = [SOURCE_ID];

type Random = () => number;

function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

function weighted<K extends string>(random: Random, weights: Record<K, number>, order: readonly K[]): K {
  const total = order.reduce((sum, key) => sum + weights[key], 0);
  let r = random() * total;
  for (const key of order) {
    r -= weights[key];
    if (r < 0) return key;
  }
  return order[order.length - 1]!;
}

function between(random: Random, [low, high]: readonly [number, number]): number {
  // Log-uniform: small orders are common, large ones rare.
  return Math.exp(Math.log(low) + random() * (Math.log(high) - Math.log(low)));
}

function roundTo(amount: number, significant: number): number {
  const magnitude = 10 ** (Math.floor(Math.log10(amount)) - significant + 1);
  return Math.max(magnitude, Math.round(amount / magnitude) * magnitude);
}

const pad = (n: number) => String(n).padStart(2, '0');

function dateAt(random: Random, year: number): string {
  const precision = random();
  if (precision < 0.2) return String(year);
  const month = 1 + Math.floor(random() * 12);
  if (precision < 0.5) return `${year}-${pad(month)}`;
  return `${year}-${pad(month)}-${pad(1 + Math.floor(random() * 28))}`;
}

const STAGE = new Map(DEAL_STATUSES.map((status, i) => [status, i]));
const SIGNED_STAGE = STAGE.get('contract-signed')!;

function milestonesFor(random: Random, status: DealStatus, startYear: number): Milestone[] {
  const milestones: Milestone[] = [];
  const add = (kind: Milestone['kind'], year: number, label: string) =>
    milestones.push({
      kind,
      date: dateAt(random, Math.min(year, 2026)),
      label,
      confidence: 'confirmed',
      sourceIds: SOURCE_IDS,
    });
  add('first-request', startYear, 'Requirement first stated');
  const stage = STAGE.get(status)!;
  // Stalled and cancelled deals stopped somewhere along the way; give them the early steps only.
  const reached = status === 'stalled' || status === 'cancelled' ? Math.floor(random() * 4) : stage;
  if (reached >= STAGE.get('approved')!) add('approval', startYear + 1, 'Approved by the buyer');
  if (reached >= SIGNED_STAGE) add('signature', startYear + 2, 'Contract signed');
  if (reached >= STAGE.get('in-delivery')!) add('first-delivery', startYear + 3, 'First delivery');
  if (reached >= STAGE.get('completed')!) add('final-delivery', startYear + 5, 'Final delivery');
  // Drawn after every other value of the record, so adding plans left the rest of each record as it was.
  for (const milestone of milestones) {
    if (!PLANNED_KINDS.has(milestone.kind) || random() >= 0.4) continue;
    milestone.planned = plannedBefore(random, milestone.date);
  }
  return milestones;
}

const PLANNED_KINDS = new Set<Milestone['kind']>(['signature', 'first-delivery', 'final-delivery']);

/**
 * A made-up plan for a made-up date: mostly months to years earlier than the date (a slip), sometimes
 * later (ahead of plan) or the same, known to the month or only the year. Cited to the synthetic source.
 */
function plannedBefore(random: Random, date: string): NonNullable<Milestone['planned']> {
  const year = Number(date.slice(0, 4));
  const month = date.length >= 7 ? Number(date.slice(5, 7)) : 6;
  const slip = Math.round(-6 + random() * random() * 42);
  const index = Math.max(1900 * 12, year * 12 + (month - 1) - slip);
  const planned =
    random() < 0.3 ? String(Math.floor(index / 12)) : `${Math.floor(index / 12)}-${pad((index % 12) + 1)}`;
  return { date: planned, sourceIds: SOURCE_IDS, note: 'Synthetic plan, not a real schedule.' };
}

function allocate(random: Random, total: number, services: readonly Service[]) {
  if (random() < 0.4) return [];
  const count = 1 + Math.floor(random() * services.length);
  const chosen = services.slice(0, count);
  let left = total;
  const allocations = [];
  for (const service of chosen) {
    const share = Math.floor(left * (0.3 + random() * 0.5));
    if (share <= 0) break;
    allocations.push({ service, count: share });
    left -= share;
  }
  return allocations;
}

function figuresFor(
  random: Random,
  usd: number,
  buyer: string,
  stage: number,
  startYear: number,
): MoneyFigure[] {
  const figures: MoneyFigure[] = [];
  const kind = stage >= SIGNED_STAGE ? 'signed' : stage >= STAGE.get('approved')! ? 'approved' : 'estimate';
  figures.push({
    id: 'usd',
    amount: roundTo(usd, 3),
    currency: 'USD',
    kind,
    approximate: random() < 0.3,
    asOf: dateAt(random, Math.min(startYear + 1, 2026)),
    confidence: random() < 0.8 ? 'confirmed' : 'partly-confirmed',
    sourceIds: SOURCE_IDS,
  });
  if (buyer === 'IN' && random() < 0.5) {
    // A second, disagreeing estimate in rupees, as Indian reporting often gives one.
    figures.push({
      id: 'inr',
      amount: roundTo(usd * (80 + random() * 8) * (0.9 + random() * 0.2), 3),
      currency: 'INR',
      kind: 'estimate',
      approximate: true,
      asOf: dateAt(random, Math.min(startYear + 1, 2026)),
      confidence: 'unconfirmed',
      sourceIds: SOURCE_IDS,
    });
  }
  return figures;
}

function syntheticDeal(seed: number, index: number): Deal {
  const random = mulberry32(recordSeed(seed, index));
  const template = pick(random, SYSTEMS);
  const systemName = pick(random, template.names);
  const kind = weighted(random, KIND_WEIGHTS, DEAL_KINDS);
  const status = weighted(random, STATUS_WEIGHTS, DEAL_STATUSES);
  const supplier = pick(random, SUPPLIERS);
  let buyer = pick(random, COUNTRIES);
  if (buyer === supplier) buyer = supplier === 'IN' ? 'US' : 'IN';
  const startYear = 2000 + Math.floor(random() * 26);
  const number = String(index + 1).padStart(6, '0');

  const hasQuantity = kind !== 'framework' && kind !== 'mou' ? random() >= 0.1 : random() < 0.3;
  const total = Math.max(1, Math.round(between(random, template.quantity)));
  const hasFigures = random() >= 0.2;
  const usd = total * between(random, template.unitPriceUsd);
  const prime = pick(random, PRIMES);
  const parties: Party[] = [
    { name: `Ministry of Defence (${buyer})`, role: 'buyer-government', country: buyer },
    { name: prime, role: 'prime-contractor', country: supplier },
  ];
  if (kind === 'co-production' || kind === 'licensed-production' || kind === 'joint-development') {
    parties.push({ name: pick(random, PARTNERS), role: 'partner-manufacturer', country: buyer });
  }
  const figures = hasFigures ? figuresFor(random, usd, buyer, STAGE.get(status)!, startYear) : [];

  return {
    id: `syn-${number}`,
    title: `Synthetic: ${hasQuantity ? `${total} ${systemName} ${template.unit}` : systemName} for ${buyer} (#${number})`,
    summary: `Generated ${kind} record ${number}; not a real deal.`,
    kind,
    status,
    buyerCountries: [buyer],
    supplierCountries: [supplier],
    parties,
    routes: random() < 0.15 ? [] : [pick(random, ROUTE_BY_KIND[kind])],
    domains: [...template.domains.slice(0, 1 + Math.floor(random() * template.domains.length))],
    system: { name: systemName, category: template.category },
    quantity: hasQuantity
      ? {
          total,
          unit: template.unit,
          allocations: allocate(random, total, template.services),
          confidence: 'confirmed',
          sourceIds: SOURCE_IDS,
        }
      : undefined,
    figures,
    headlineFigureId: figures[0]?.id,
    milestones: milestonesFor(random, status, startYear),
    sources: [SOURCE],
    synthetic: true,
  };
}

export interface SyntheticOptions {
  size: number;
  seed?: number;
}

/** Realistic, clearly labelled generated deals; the same (size, seed) always gives the same records. */
export function generateSyntheticDeals({ size, seed = DEFAULT_SYNTHETIC_SEED }: SyntheticOptions): Deal[] {
  if (!Number.isInteger(size) || size < 0 || size > SYNTHETIC_SIZE_LIMIT) {
    throw new RangeError(`size must be a whole number from 0 to ${SYNTHETIC_SIZE_LIMIT}, got ${size}`);
  }
  const deals = new Array<Deal>(size);
  for (let i = 0; i < size; i++) deals[i] = syntheticDeal(seed, i);
  return deals;
}
