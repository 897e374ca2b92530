// Drill-through: from a bar to the deals behind it, as links to their pages.
//
//   const dealsOf = useBarDeals(filter);                 // the page's filter, as the chart has it
//   const bar = facetBar('status', 'completed');          // or yearBar(2024), or { service, system }
//
//   <Tooltip content={<DrillThroughTooltip describe={(p) => ({ title, bar })} dealsOf={dealsOf} />} />
//   <DrillThroughRow cells={<th>…</th><td>…</td>} columns={2} title="Completed" count={n}
//     deals={() => dealsOf(bar)} filter={filter} bar={bar} />   // in "Show as table"
//
// The row is the keyboard path: a Recharts tooltip follows the pointer and cannot take the focus,
// so each table row has a "List" button that opens its deals below it (Escape closes it again).
import { useCallback, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { clampLabel, LABEL_MAX } from '../../domain/text/clamp-text';
import { dealsOfBar, tableFilterOfBar } from '../../domain/filter/drill-through';
import { filterDeals, formatCount, isEmptyFilter, type Deal, type DealFilter } from '../../domain';
import { Link, useSearchParams } from '../routing';
import { useDealList } from '../use-deal-list';
import { replaceFilterParams } from '../use-url-filter';
import { ViewLink } from '../view-link';
import './drill-through.css';

// Facets where a deal has exactly one value: deals under two sets of them are those under their common values.
const ONE_VALUE: readonly string[] = ['status', 'kind', 'category', 'system'];

/**
 * One filter for the deals under both `filter` and `bar`, where one filter can say it: ranges meet,
 * a facet one of them sets is kept, a facet both set is their common values if a deal has one value
 * of it, or the same values in both. Undefined otherwise (two different sets of domains, say).
 */
export function bothFilters(filter: DealFilter, bar: DealFilter): DealFilter | undefined {
  const both: Record<string, unknown> = { ...filter };
  for (const [key, value] of Object.entries(bar)) {
    if (value === undefined) continue;
    const current = (filter as Record<string, unknown>)[key];
    if (current === undefined) both[key] = value;
    else if (key === 'yearMin' || key === 'valueMin')
      both[key] = Math.max(current as number, value as number);
    else if (key === 'yearMax' || key === 'valueMax')
      both[key] = Math.min(current as number, value as number);
    else if (!Array.isArray(value) || !Array.isArray(current) || value.length === 0 || current.length === 0)
      return undefined;
    else if (ONE_VALUE.includes(key)) {
      const common = (current as unknown[]).filter((v) => (value as unknown[]).includes(v));
      // No common value: no deal, which an empty facet (every deal) cannot say.
      if (common.length === 0) return undefined;
      both[key] = common;
    } else if (current.length !== value.length || !current.every((v) => (value as unknown[]).includes(v)))
      return undefined;
  }
  return both;
}

/**
 * The deals of a bar, worked out only when asked (a tooltip or a row opening): the view's deals
 * under `filter`, narrowed by the bar's own filter. Pass the chart's `filter` prop. Through the
 * collection's index where one filter says both (a tooltip over a bar just clicked re-rendered with
 * a walk over every deal: about 20 ms at 100,000), and kept per bar while the list and filter stay.
 */
export function useBarDeals(filter: DealFilter): (bar: DealFilter) => Deal[] {
  const list = useDealList();
  const all = list.data?.deals;
  const { collection } = list;
  const cache = useRef<{
    all?: readonly Deal[];
    filter?: DealFilter;
    visible?: readonly Deal[];
    bars: Map<string, Deal[]>;
  }>({ bars: new Map() });
  return useCallback(
    (bar: DealFilter) => {
      if (!all) return [];
      if (cache.current.all !== all || cache.current.filter !== filter)
        cache.current = { all, filter, bars: new Map() };
      const c = cache.current;
      const key = JSON.stringify(bar);
      const known = c.bars.get(key);
      if (known) return known;
      const both = collection && collection.deals === all ? bothFilters(filter, bar) : undefined;
      let deals: Deal[];
      if (both && collection) deals = collection.query(both).deals;
      else {
        c.visible ??= isEmptyFilter(filter) ? all : filterDeals(all, filter);
        deals = dealsOfBar(c.visible, bar);
      }
      c.bars.set(key, deals);
      return deals;
    },
    [all, collection, filter],
  );
}

/**
 * A bar's deals as a list of links to their pages, keeping the view's query string (data set,
 * filters), with "and N more" past `limit` and, where the table can show exactly these deals, a link
 * to them there.
 */
export function DrillThroughList({
  deals,
  title,
  limit = 8,
  tableFilter,
  id,
}: {
  deals: readonly Deal[];
  /** What the bar stands for: "Completed", "Navy · MQ-9B", "2024". */
  title: string;
  limit?: number;
  /** The page's filter narrowed to the bar (`tableFilterOfBar`); without it, no table link. */
  tableFilter?: DealFilter | undefined;
  id?: string;
}) {
  const [params] = useSearchParams();
  const shown = deals.slice(0, limit);
  const more = deals.length - shown.length;
  const table = tableFilter ? replaceFilterParams(params, tableFilter).toString() : undefined;
  return (
    <div className="drill" id={id}>
      <p className="drill__title">
        {title}: {formatCount(deals.length)} {deals.length === 1 ? 'deal' : 'deals'}
      </p>
      {shown.length > 0 ? (
        <ul className="drill__list" aria-label={`Deals: ${title}`}>
          {shown.map((deal) => (
            <li key={deal.id}>
              <ViewLink to={`/deals/${encodeURIComponent(deal.id)}`}>
                {clampLabel(deal.title, LABEL_MAX)}
              </ViewLink>
            </li>
          ))}
        </ul>
      ) : null}
      {more > 0 || table !== undefined ? (
        <p className="drill__more">
          {more > 0 ? `and ${formatCount(more)} more` : null}
          {more > 0 && table !== undefined ? ' · ' : null}
          {table !== undefined ? (
            <Link to={`/deals${table ? `?${table}` : ''}`}>See them in the table</Link>
          ) : null}
        </p>
      ) : null}
    </div>
  );
}

/** The header cell over the column a `DrillThroughRow` adds: declared here, beside the row that fills it. */
export function DrillThroughHeader() {
  return (
    <th scope="col" className="num">
      Which
    </th>
  );
}

/**
 * A "Show as table" row whose deals open below it: `cells` are the row's own cells, a last cell
 * holds the "List" button. The list sits in a row of its own spanning the table, inside the card,
 * so no scrolling table clips it; Escape in it closes it and gives the focus back to the button.
 */
export function DrillThroughRow({
  cells,
  columns,
  title,
  count,
  deals,
  filter,
  bar,
}: {
  cells: ReactNode;
  /** How many cells `cells` has, so the list spans them and the button's cell. */
  columns: number;
  title: string;
  count: number;
  deals: () => readonly Deal[];
  filter: DealFilter;
  bar: DealFilter;
}) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const button = useRef<HTMLButtonElement>(null);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    setOpen(false);
    button.current?.focus();
  };
  return (
    <>
      <tr>
        {cells}
        <td className="drill__toggle">
          {count > 0 ? (
            <button
              ref={button}
              type="button"
              className="link-button"
              aria-expanded={open}
              aria-controls={open ? id : undefined}
              onClick={() => setOpen(!open)}
            >
              {open ? 'Hide' : 'List'}{' '}
              <span className="sr-only">
                the {formatCount(count)} {count === 1 ? 'deal' : 'deals'}: {title}
              </span>
            </button>
          ) : null}
        </td>
      </tr>
      {open ? (
        <tr className="drill__row" onKeyDown={onKeyDown}>
          <td colSpan={columns + 1}>
            <DrillThroughList
              id={id}
              deals={deals()}
              title={title}
              limit={50}
              tableFilter={tableFilterOfBar(filter, bar)}
            />
          </td>
        </tr>
      ) : null}
    </>
  );
}

/**
 * Recharts tooltip content listing the hovered bar's deals. `describe` turns the hovered data point
 * into its title and bar filter; the list follows the pointer, so its links are for reading here and
 * for clicking in "Show as table".
 */
export function DrillThroughTooltip({
  active,
  payload,
  describe,
  dealsOf,
  detail,
}: {
  active?: boolean;
  payload?: readonly { payload?: unknown }[];
  describe: (point: unknown) => { title: string; bar: DealFilter } | undefined;
  dealsOf: (bar: DealFilter) => Deal[];
  /** A line of figures under the title, e.g. "6 deals · $3.2 bn known". */
  detail?: (point: unknown) => string;
}) {
  const point = payload?.[0]?.payload;
  if (!active || point === undefined) return null;
  const described = describe(point);
  if (!described) return null;
  return (
    <div className="chart-tooltip drill-tooltip">
      <DrillThroughList deals={dealsOf(described.bar)} title={described.title} limit={6} />
      {detail ? <p className="drill__detail">{detail(point)}</p> : null}
      <p className="drill__hint">Click to filter · “Show as table” to open a deal</p>
    </div>
  );
}
