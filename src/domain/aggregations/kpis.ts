import type { Deal } from '../model/deal-schema';
import {
  DEAL_STATUSES,
  ORDERED_STATUSES,
  PLANNED_STATUSES,
  SERVICE_NOT_KNOWN,
  SERVICES,
  UNIT_FAMILIES,
  type DealStatus,
  type ServiceFilterValue,
  type UnitFamily,
} from '../model/vocabulary';
import { viewOf, type DealView } from './deal-view';
import { HAS_QUANTITY, moneyColumn, type FactTable } from './fact-table';
import { IS_SIGNED } from './value-basis';

/**
 * A service filter's share of the signed value of the deals it keeps, pro rata by units: a derived
 * estimate (value × the services' units ÷ the deal's units), never a reported figure.
 */
export interface ServiceShare {
  services: ServiceFilterValue[];
  usd: number;
  usdDeals: number;
  inr: number;
  inrDeals: number;
  /** Deals with a signed value whose share cannot be derived: no quantity, or no count for the service. */
  underived: number;
}

export interface Kpis {
  deals: number;
  /** Sum of signed, supported figures per currency, of whole deals; deals without one are counted, not zeroed. */
  signedUsd: number;
  signedUsdDeals: number;
  signedInr: number;
  signedInrDeals: number;
  /**
   * Units of deals under contract (signed, in delivery or completed), per family. Under a service
   * filter, only that service's units: the Navy's 15 of the MQ-9B's 31.
   */
  unitsOrdered: Record<UnitFamily, number>;
  unitsOrderedDeals: number;
  /** Units announced, in talks, in an MoU or approved: planned, not ordered; never added to the above. */
  unitsPlanned: Record<UnitFamily, number>;
  unitsPlannedDeals: number;
  inNegotiation: number;
  /** Present when the figures are for a service filter. */
  share?: ServiceShare;
}

// 1 or 0 per status code (the last code: outside the vocabulary).
const statusSet = (statuses: readonly DealStatus[]) =>
  Uint8Array.from([...DEAL_STATUSES, undefined], (status) => (status && statuses.includes(status) ? 1 : 0));
const ORDERED = statusSet(ORDERED_STATUSES);
const PLANNED = statusSet(PLANNED_STATUSES);
const BEFORE_CONTRACT = statusSet(['announced', 'negotiating', 'mou-signed', 'approved']);

/** Key figures of a list; `services` (the view's service filter) attributes units and value to them. */
export function kpis(deals: readonly Deal[], services?: readonly ServiceFilterValue[]): Kpis {
  return kpisOf(viewOf(deals), services);
}

interface Selection {
  mask: number;
  unknown: boolean;
}

function selectionOf(services: readonly ServiceFilterValue[] | undefined): Selection | undefined {
  if (!services || services.length === 0) return undefined;
  let mask = 0;
  for (const service of services) {
    const code = (SERVICES as readonly string[]).indexOf(service);
    if (code >= 0) mask |= 1 << code;
  }
  return { mask, unknown: services.includes(SERVICE_NOT_KNOWN) };
}

/**
 * The selected services' units of a row, or NaN where they cannot be told: the deal is tied to a
 * selected service only by its stated end user, with no count.
 */
function selectedUnits(table: FactTable, row: number, selection: Selection): number {
  if (selection.unknown && table.serviceMask[row] === 0) return table.units[row]!;
  let units = 0;
  let counted = false;
  for (let k = table.allocStart[row]!; k < table.allocStart[row + 1]!; k++) {
    if ((selection.mask & (1 << table.allocService[k]!)) === 0) continue;
    units += table.allocUnits[k]!;
    counted = true;
  }
  if (!counted && (table.serviceMask[row]! & selection.mask) !== 0) return Number.NaN;
  return units;
}

const perFamily = (values: Float64Array) =>
  Object.fromEntries(UNIT_FAMILIES.map((family, i) => [family, values[i]!])) as Record<UnitFamily, number>;

export function kpisOf({ table, rows }: DealView, services?: readonly ServiceFilterValue[]): Kpis {
  const usd = moneyColumn(table, 'USD');
  const inr = moneyColumn(table, 'INR');
  const { status, flags, units, family } = table;
  const selection = selectionOf(services);
  // Imported constants are copied to locals: under Vitest each read of an import is a getter call.
  const [isSigned, hasQuantity] = [IS_SIGNED, HAS_QUANTITY];
  let signedUsd = 0;
  let signedUsdDeals = 0;
  let signedInr = 0;
  let signedInrDeals = 0;
  const ordered = new Float64Array(UNIT_FAMILIES.length);
  const planned = new Float64Array(UNIT_FAMILIES.length);
  let orderedDeals = 0;
  let plannedDeals = 0;
  let inNegotiation = 0;
  const share = { usd: 0, usdDeals: 0, inr: 0, inrDeals: 0, underived: 0 };
  for (let j = 0; j < rows.length; j++) {
    const row = rows[j]!;
    const isUsd = isSigned[usd.basis[row]!]!;
    signedUsd += usd.amount[row]! * isUsd;
    signedUsdDeals += isUsd;
    const isInr = isSigned[inr.basis[row]!]!;
    signedInr += inr.amount[row]! * isInr;
    signedInrDeals += isInr;
    const code = status[row]!;
    inNegotiation += BEFORE_CONTRACT[code]!;
    const has = flags[row]! & hasQuantity;
    const mine = selection ? selectedUnits(table, row, selection) : units[row]!;
    if (selection && (isUsd | isInr) === 1) {
      // A share needs the deal's units and the selected services' count of them.
      const fraction = has === 1 && units[row]! > 0 ? mine / units[row]! : Number.NaN;
      if (Number.isNaN(fraction)) share.underived++;
      else {
        share.usd += usd.amount[row]! * isUsd * fraction;
        share.usdDeals += isUsd;
        share.inr += inr.amount[row]! * isInr * fraction;
        share.inrDeals += isInr;
      }
    }
    if (has === 0 || !(mine > 0)) continue;
    if (ORDERED[code] === 1) {
      ordered[family[row]!]! += mine;
      orderedDeals++;
    } else if (PLANNED[code] === 1) {
      planned[family[row]!]! += mine;
      plannedDeals++;
    }
  }
  const result: Kpis = {
    deals: rows.length,
    signedUsd,
    signedUsdDeals,
    signedInr,
    signedInrDeals,
    unitsOrdered: perFamily(ordered),
    unitsOrderedDeals: orderedDeals,
    unitsPlanned: perFamily(planned),
    unitsPlannedDeals: plannedDeals,
    inNegotiation,
  };
  if (selection) result.share = { services: [...services!], ...share };
  return result;
}
