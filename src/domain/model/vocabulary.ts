import { z } from './zod';

// Each closed vocabulary is one tuple: the zod enum, the type and the display labels derive from it.

export const DEAL_KINDS = [
  'purchase',
  'co-production',
  'licensed-production',
  'joint-development',
  'lease',
  'mou',
  'framework',
] as const;
export const DealKind = z.enum(DEAL_KINDS);
export type DealKind = z.infer<typeof DealKind>;

/** Lifecycle order first; stalled and cancelled stand apart from it. */
export const DEAL_STATUSES = [
  'announced',
  'negotiating',
  'mou-signed',
  'approved',
  'contract-signed',
  'in-delivery',
  'completed',
  'stalled',
  'cancelled',
] as const;
export const DealStatus = z.enum(DEAL_STATUSES);
export type DealStatus = z.infer<typeof DealStatus>;

export const ROUTES = ['fms', 'dcs', 'g2g', 'licensed-production'] as const;
export const Route = z.enum(ROUTES);
export type Route = z.infer<typeof Route>;

export const DOMAINS = ['land', 'air', 'maritime', 'space', 'undersea', 'cyber-isr'] as const;
export const Domain = z.enum(DOMAINS);
export type Domain = z.infer<typeof Domain>;

export const SYSTEM_CATEGORIES = [
  'uav',
  'engine',
  'combat-aircraft',
  'transport-aircraft',
  'maritime-patrol-aircraft',
  'helicopter',
  'artillery',
  'missile',
  'armoured-vehicle',
  'naval-vessel',
  'munitions',
  'sensor',
  'other',
] as const;
export const SystemCategory = z.enum(SYSTEM_CATEGORIES);
export type SystemCategory = z.infer<typeof SystemCategory>;

/**
 * Units are added up only within a family: 99 engines are not 99 aircraft, and an engine deal powers
 * aircraft counted elsewhere. The family follows from the system's category.
 */
export const UNIT_FAMILIES = ['platforms', 'engines', 'munitions'] as const;
export type UnitFamily = (typeof UNIT_FAMILIES)[number];
const CATEGORY_FAMILY: Partial<Record<SystemCategory, UnitFamily>> = {
  engine: 'engines',
  missile: 'munitions',
  munitions: 'munitions',
};
/** A deal with no system recorded counts its units as platforms. */
export function unitFamilyOf(category: SystemCategory | undefined): UnitFamily {
  return (category && CATEGORY_FAMILY[category]) ?? 'platforms';
}

/**
 * Which quantities are ordered (a contract exists) and which are only planned (announced, in talks,
 * agreed in an MoU or approved): the two are never added. Stalled and cancelled deals are neither.
 */
export const ORDERED_STATUSES = [
  'contract-signed',
  'in-delivery',
  'completed',
] as const satisfies readonly DealStatus[];
export const PLANNED_STATUSES = [
  'announced',
  'negotiating',
  'mou-signed',
  'approved',
] as const satisfies readonly DealStatus[];
export type QuantityStage = 'ordered' | 'planned' | 'neither';
export function quantityStageOf(status: DealStatus): QuantityStage {
  if ((ORDERED_STATUSES as readonly string[]).includes(status)) return 'ordered';
  if ((PLANNED_STATUSES as readonly string[]).includes(status)) return 'planned';
  return 'neither';
}

export const SERVICES = [
  'navy',
  'army',
  'air-force',
  'coast-guard',
  'marines',
  'special-forces',
  'joint',
] as const;
export const Service = z.enum(SERVICES);
export type Service = z.infer<typeof Service>;

/**
 * The service filter's values: every service, and "unknown" for a deal no source ties to a service,
 * so such a deal is counted and can be chosen rather than dropped from a per-service view.
 */
export const SERVICE_NOT_KNOWN = 'unknown';
export const SERVICE_FILTER_VALUES = [...SERVICES, SERVICE_NOT_KNOWN] as const;
export const ServiceFilterValue = z.enum(SERVICE_FILTER_VALUES);
export type ServiceFilterValue = z.infer<typeof ServiceFilterValue>;

export const PARTY_ROLES = [
  'buyer-government',
  'buyer-organisation',
  'supplier-government',
  'prime-contractor',
  'partner-manufacturer',
  'subcontractor',
  'end-user',
  'organiser',
] as const;
export const PartyRole = z.enum(PARTY_ROLES);
export type PartyRole = z.infer<typeof PartyRole>;

export const FIGURE_KINDS = ['notified', 'approved', 'signed', 'estimate'] as const;
export const FigureKind = z.enum(FIGURE_KINDS);
export type FigureKind = z.infer<typeof FigureKind>;

/** How well a figure is supported, as the fact sheet marks it. */
export const CONFIDENCES = ['confirmed', 'partly-confirmed', 'unconfirmed'] as const;
export const Confidence = z.enum(CONFIDENCES);
export type Confidence = z.infer<typeof Confidence>;

export const MILESTONE_KINDS = [
  'first-request',
  'announcement',
  'talks',
  'approval',
  'notification',
  'mou',
  'signature',
  'lease-start',
  'first-delivery',
  'delivery',
  'final-delivery',
  'other',
] as const;
export const MilestoneKind = z.enum(MILESTONE_KINDS);
export type MilestoneKind = z.infer<typeof MilestoneKind>;

export const LABELS = {
  kind: {
    purchase: 'Purchase',
    'co-production': 'Co-production',
    'licensed-production': 'Licensed production',
    'joint-development': 'Joint development',
    lease: 'Lease',
    mou: 'MoU',
    framework: 'Framework / roadmap',
  },
  status: {
    announced: 'Announced',
    negotiating: 'Negotiating',
    'mou-signed': 'MoU signed',
    approved: 'Approved',
    'contract-signed': 'Contract signed',
    'in-delivery': 'In delivery',
    completed: 'Completed',
    stalled: 'Stalled',
    cancelled: 'Cancelled',
  },
  route: {
    fms: 'Foreign Military Sale',
    dcs: 'Direct commercial sale',
    g2g: 'Government to government',
    'licensed-production': 'Licensed production',
  },
  domain: {
    land: 'Land',
    air: 'Air',
    maritime: 'Maritime',
    space: 'Space',
    undersea: 'Undersea',
    'cyber-isr': 'Cyber / ISR',
  },
  category: {
    uav: 'UAV',
    engine: 'Engine',
    'combat-aircraft': 'Combat aircraft',
    'transport-aircraft': 'Transport aircraft',
    'maritime-patrol-aircraft': 'Maritime patrol aircraft',
    helicopter: 'Helicopter',
    artillery: 'Artillery',
    missile: 'Missile',
    'armoured-vehicle': 'Armoured vehicle',
    'naval-vessel': 'Naval vessel',
    munitions: 'Munitions',
    sensor: 'Sensor',
    other: 'Other',
  },
  service: {
    navy: 'Navy',
    army: 'Army',
    'air-force': 'Air Force',
    'coast-guard': 'Coast Guard',
    marines: 'Marines',
    'special-forces': 'Special forces',
    joint: 'Joint',
    unknown: 'Service not known',
  },
  unitFamily: {
    platforms: 'Platforms',
    engines: 'Engines',
    munitions: 'Missiles and rounds',
  },
  role: {
    'buyer-government': 'Buyer government',
    'buyer-organisation': 'Buying organisation',
    'supplier-government': 'Supplier government',
    'prime-contractor': 'Prime contractor',
    'partner-manufacturer': 'Partner manufacturer',
    subcontractor: 'Subcontractor',
    'end-user': 'End user',
    organiser: 'Organiser',
  },
  figureKind: { notified: 'Notified', approved: 'Approved', signed: 'Signed', estimate: 'Estimate' },
  confidence: {
    confirmed: 'Confirmed',
    'partly-confirmed': 'Partly confirmed',
    unconfirmed: 'Unconfirmed',
  },
  milestone: {
    'first-request': 'First request',
    announcement: 'Announcement',
    talks: 'Talks',
    approval: 'Approval',
    notification: 'Notification',
    mou: 'MoU',
    signature: 'Signature',
    'lease-start': 'Lease start',
    'first-delivery': 'First delivery',
    delivery: 'Delivery',
    'final-delivery': 'Final delivery',
    other: 'Event',
  },
} as const satisfies {
  kind: Record<DealKind, string>;
  status: Record<DealStatus, string>;
  route: Record<Route, string>;
  domain: Record<Domain, string>;
  category: Record<SystemCategory, string>;
  service: Record<ServiceFilterValue, string>;
  unitFamily: Record<UnitFamily, string>;
  role: Record<PartyRole, string>;
  figureKind: Record<FigureKind, string>;
  confidence: Record<Confidence, string>;
  milestone: Record<MilestoneKind, string>;
};

/** Country names for the ISO 3166-1 alpha-2 codes the data uses; an unknown code is shown as itself. */
const COUNTRY_NAMES: Record<string, string> = {
  IN: 'India',
  US: 'United States',
  GB: 'United Kingdom',
  FR: 'France',
  RU: 'Russia',
  IL: 'Israel',
  DE: 'Germany',
  IT: 'Italy',
  ES: 'Spain',
  SE: 'Sweden',
  JP: 'Japan',
  KR: 'South Korea',
  AU: 'Australia',
  CA: 'Canada',
  BR: 'Brazil',
  TR: 'Türkiye',
  PL: 'Poland',
  NL: 'Netherlands',
  NO: 'Norway',
  SA: 'Saudi Arabia',
  AE: 'United Arab Emirates',
  EG: 'Egypt',
  PK: 'Pakistan',
  CN: 'China',
  UA: 'Ukraine',
  SG: 'Singapore',
  ID: 'Indonesia',
  VN: 'Viet Nam',
  PH: 'Philippines',
  GR: 'Greece',
  // Imported registers (SIPRI, OCDS) name these; the historical states keep their own codes.
  AF: 'Afghanistan',
  AM: 'Armenia',
  AO: 'Angola',
  AR: 'Argentina',
  AT: 'Austria',
  AZ: 'Azerbaijan',
  BD: 'Bangladesh',
  BE: 'Belgium',
  BG: 'Bulgaria',
  BH: 'Bahrain',
  BO: 'Bolivia',
  BT: 'Bhutan',
  BY: 'Belarus',
  CH: 'Switzerland',
  CL: 'Chile',
  CO: 'Colombia',
  CS: 'Czechoslovakia',
  CY: 'Cyprus',
  CZ: 'Czechia',
  DD: 'East Germany',
  DK: 'Denmark',
  DZ: 'Algeria',
  EC: 'Ecuador',
  EE: 'Estonia',
  ET: 'Ethiopia',
  FI: 'Finland',
  GE: 'Georgia',
  GH: 'Ghana',
  HR: 'Croatia',
  HU: 'Hungary',
  IE: 'Ireland',
  IQ: 'Iraq',
  IR: 'Iran',
  IS: 'Iceland',
  JO: 'Jordan',
  KE: 'Kenya',
  KG: 'Kyrgyzstan',
  KH: 'Cambodia',
  KP: 'North Korea',
  KW: 'Kuwait',
  KZ: 'Kazakhstan',
  LB: 'Lebanon',
  LK: 'Sri Lanka',
  LT: 'Lithuania',
  LU: 'Luxembourg',
  LV: 'Latvia',
  LY: 'Libya',
  MA: 'Morocco',
  MK: 'North Macedonia',
  MM: 'Myanmar',
  MN: 'Mongolia',
  MU: 'Mauritius',
  MV: 'Maldives',
  MX: 'Mexico',
  MY: 'Malaysia',
  NG: 'Nigeria',
  NP: 'Nepal',
  NZ: 'New Zealand',
  OM: 'Oman',
  PE: 'Peru',
  PT: 'Portugal',
  QA: 'Qatar',
  RO: 'Romania',
  RS: 'Serbia',
  SC: 'Seychelles',
  SI: 'Slovenia',
  SK: 'Slovakia',
  SU: 'Soviet Union',
  SY: 'Syria',
  TH: 'Thailand',
  TN: 'Tunisia',
  TW: 'Taiwan',
  TZ: 'Tanzania',
  UG: 'Uganda',
  UZ: 'Uzbekistan',
  VE: 'Venezuela',
  YE: 'Yemen',
  YU: 'Yugoslavia',
  ZA: 'South Africa',
};

export function countryName(code: string): string {
  return COUNTRY_NAMES[code] ?? code;
}
