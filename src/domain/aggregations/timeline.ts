import type { Deal, Milestone } from '../model/deal-schema';
import type { PartialDate } from '../money-dates/partial-date';
import {
  dateSpan,
  dateToYearFraction,
  isExpectedDate,
  slippage,
  todayAsYearFraction,
  type Slippage,
} from '../money-dates/slippage';
import { viewOf, type DealView } from './deal-view';
import { HAS_MILESTONES, moneyColumn } from './fact-table';
import { IS_KNOWN } from './value-basis';

// The axis and the expected rule live beside the slip, so the chart, the deal page and the slip agree.
export { dateToYearFraction, todayAsYearFraction };

export interface TimelineMarker {
  at: number;
  date: PartialDate;
  kind: Milestone['kind'];
  label: string;
  /**
   * Placed after today: a planned or expected date, not an event on record. Judged where the marker is
   * drawn (the middle of the span its date names), so a marker right of the chart's "today" line is
   * always the expected kind and one left of it never is.
   */
  expected: boolean;
  /** The planned date a source gave, where there is one, and the slip from it to `date`. */
  planned?: TimelinePlan;
}

export interface TimelinePlan {
  /** The middle of the planned date's span, and the span: a plan "for 2027" is the whole year. */
  at: number;
  from: number;
  to: number;
  date: PartialDate;
  slip: Slippage;
}

export interface TimelineRow {
  id: string;
  title: string;
  start: number;
  /** Signature, when recorded. */
  signed?: number;
  /** Last delivery milestone, when recorded. */
  delivered?: number;
  end: number;
  markers: TimelineMarker[];
}

export interface Timeline {
  rows: TimelineRow[];
  /** Deals with fewer than one dated milestone are not drawn. */
  undated: number;
  /** Deals left out because the chart shows at most `limit` (the largest by value). */
  omitted: number;
  domain: [number, number];
  /** The "today" the expected flags were judged against, on the same axis. */
  today: number;
}

function planOf(date: PartialDate, slip: Slippage): TimelinePlan {
  const [from, to] = dateSpan(date);
  return { at: dateToYearFraction(date), from, to, date, slip };
}

const DELIVERY = new Set<Milestone['kind']>(['first-delivery', 'delivery', 'final-delivery']);

/**
 * Each deal from its first milestone to signature and on to delivery, with every milestone marked.
 * Beyond `limit` deals the largest by dollar value are kept (then the most recent), so the chart stays
 * readable; the rest are counted.
 */
export function timeline(deals: readonly Deal[], limit = 50, today: Date = new Date()): Timeline {
  return timelineOf(viewOf(deals), limit, today);
}

export function timelineOf({ table, rows: list }: DealView, limit = 50, today: Date = new Date()): Timeline {
  const now = todayAsYearFraction(today);
  let undated = 0;
  let dated = 0;
  // Only the drawn rows need their dates parsed; the rest are ranked on cheap keys first. Kept best
  // first; an equal candidate joins after those already kept, so ties keep list order.
  const picked: { row: number; usd: number; first: string }[] = [];
  const better = (usd: number, first: string, than: { usd: number; first: string }) =>
    usd > than.usd || (usd === than.usd && first > than.first);
  const { flags, first: firstDates } = table;
  const { amount, basis } = moneyColumn(table, 'USD');
  // Imported constants are copied to locals: under Vitest each read of an import is a getter call.
  const [isKnown, hasMilestones] = [IS_KNOWN, HAS_MILESTONES];
  // Below the last kept value a deal cannot enter: one comparison turns most deals away.
  let bar = -Infinity;
  for (let j = 0; j < list.length; j++) {
    const row = list[j]!;
    if ((flags[row]! & hasMilestones) === 0) {
      undated++;
      continue;
    }
    dated++;
    // -1 when unknown (its amount is 0), without a branch.
    const usd = amount[row]! - (1 - isKnown[basis[row]!]!);
    if (usd < bar || limit <= 0) continue;
    const first = firstDates[row]!;
    if (picked.length === limit && !better(usd, first, picked[limit - 1]!)) continue;
    let i = picked.length;
    while (i > 0 && better(usd, first, picked[i - 1]!)) i--;
    picked.splice(i, 0, { row, usd, first });
    if (picked.length > limit) picked.pop();
    if (picked.length === limit) bar = picked[limit - 1]!.usd;
  }
  const rows = picked
    .map(({ row }): TimelineRow => {
      const deal = table.deals[row]!;
      const markers = deal.milestones
        .map((m): TimelineMarker => {
          const marker = {
            at: dateToYearFraction(m.date),
            date: m.date,
            kind: m.kind,
            label: m.label,
            expected: isExpectedDate(m.date, now),
          };
          const slip = m.planned && slippage(m.planned.date, m.date, now);
          return slip ? { ...marker, planned: planOf(m.planned!.date, slip) } : marker;
        })
        .sort((a, b) => a.at - b.at);
      const signature = markers.find(
        (m) => m.kind === 'signature' || m.kind === 'mou' || m.kind === 'lease-start',
      );
      const deliveries = markers.filter((m) => DELIVERY.has(m.kind));
      return {
        id: deal.id,
        title: deal.title,
        start: markers[0]!.at,
        ...(signature ? { signed: signature.at } : {}),
        ...(deliveries.length > 0 ? { delivered: deliveries[deliveries.length - 1]!.at } : {}),
        end: markers[markers.length - 1]!.at,
        markers,
      };
    })
    .sort((a, b) => a.start - b.start || a.title.localeCompare(b.title));
  // The axis holds every planned date too, so a plan before the first step or after the last is drawn.
  const plans = rows.flatMap((r) =>
    r.markers.flatMap((m) => (m.planned ? [m.planned.from, m.planned.to - 0.01] : [])),
  );
  const lo = Math.min(
    ...plans,
    rows.reduce((m, r) => Math.min(m, r.start), Infinity),
  );
  const hi = Math.max(
    ...plans,
    rows.reduce((m, r) => Math.max(m, r.end), -Infinity),
  );
  const domain: [number, number] = rows.length === 0 ? [0, 1] : [Math.floor(lo), Math.ceil(hi + 0.01)];
  return { rows, undated, omitted: dated - rows.length, domain, today: now };
}
