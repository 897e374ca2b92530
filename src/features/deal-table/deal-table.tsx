import { useTable } from '@tanstack/react-table';
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { isRealServer } from '../../api';
import { useLocation, useNavigate, useSearchParams } from '../../components/routing';
import { linkSearch, type Deal, type SortSpec } from '../../domain';
import { CELLS, COLUMN_META, columns, features } from './columns';
import { scrollToRow, useFixedRows } from './fixed-rows';
import { COLUMN_IDS, type ColumnId } from './table-view';

const ROW_HEIGHT = 40;
const ROWS_ID = 'deal-rows';
/**
 * Rows drawn above and below the visible ones. The body renders in the scroll event itself (see
 * useFixedRows), so a fast scroll shows no blank rows either way; each extra row
 * is drawn on every frame of such a scroll for nothing (4 → 2 would draw 21 rows a frame instead of
 * 25). Left at 4: on the shared machine the difference was within the noise.
 */
const OVERSCAN = 4;
/** No rows: the body is drawn from the deals directly, the table model serves the header and widths. */
const NO_ROWS: Deal[] = [];

/** Focuses the table's current row (the skip link's target); false when there is no row to focus. */
export function focusDealRows(): boolean {
  const row = document.getElementById(ROWS_ID)?.querySelector<HTMLElement>('tbody tr[tabindex="0"]');
  row?.focus();
  return row !== null && row !== undefined;
}

/**
 * The deals as a virtualised table: only the rows in view are in the DOM, whatever the number of
 * deals, while aria-rowcount and aria-rowindex tell assistive technology where each row sits.
 * Arrow keys move between rows, Enter on a row opens its deal; Enter and Space on a header sort.
 */
export function DealTable({
  deals,
  sort,
  visible,
  onSort,
  label,
  empty,
}: {
  deals: readonly Deal[];
  sort: readonly SortSpec[];
  visible: readonly ColumnId[];
  onSort: (column: ColumnId, additive: boolean) => void;
  label: string;
  /** Shown under the header when there are no deals. */
  empty?: React.ReactNode;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const { first, last, total } = useFixedRows(scrollRef, deals.length, ROW_HEIGHT, OVERSCAN);
  const columnVisibility = useMemo(
    () => Object.fromEntries(COLUMN_IDS.map((id) => [id, visible.includes(id)])),
    [visible],
  );
  const table = useTable({
    features,
    columns,
    // Building a row model for 100,000 deals cost about 70 ms a filter change, and even for the rows
    // in view it is rebuilt on every frame of a scroll: the body rows are drawn from `deals` below.
    data: NO_ROWS,
    state: { columnVisibility },
    columnResizeMode: 'onChange',
    getRowId: (deal) => deal.id,
  });
  const [active, setActive] = useState(0);
  const navigate = useNavigate();
  const { search } = useLocation();
  // What every link in the table carries, worked out once: per link it was a URL parse and a
  // subscription to the query string (two links a row, each re-rendered by every keystroke).
  const [params] = useSearchParams();
  const carried = useMemo(() => linkSearch('deal', params, {}, { realServer: isRealServer() }), [params]);
  const layout = table
    .getVisibleLeafColumns()
    .map((c) => `${c.id}:${c.getSize()}`)
    .join(',');
  const cells = useMemo(
    () =>
      layout.split(',').map((part) => {
        const [id, size] = part.split(':');
        return { id: id as ColumnId, width: Number(size), numeric: COLUMN_META[id as ColumnId].numeric };
      }),
    [layout],
  );

  const activeIndex = Math.min(active, Math.max(deals.length - 1, 0));
  useEffect(() => {
    // Keep keyboard focus on the active row as it scrolls into view.
    const row = scrollRef.current?.querySelector<HTMLElement>(`[data-row-index="${activeIndex}"]`);
    if (row && scrollRef.current?.contains(document.activeElement)) row.focus({ preventScroll: true });
  }, [activeIndex]);

  const onKeyDown = (event: React.KeyboardEvent) => {
    const target = event.target as HTMLElement;
    // The header's sort buttons, the links and the resize handles keep their own keys.
    if (target.closest('thead')) return;
    const move = (to: number) => {
      event.preventDefault();
      const next = Math.max(0, Math.min(deals.length - 1, to));
      setActive(next);
      if (scrollRef.current) scrollToRow(scrollRef.current, next, ROW_HEIGHT);
    };
    if (event.key === 'ArrowDown') move(activeIndex + 1);
    else if (event.key === 'ArrowUp') move(activeIndex - 1);
    else if (event.key === 'PageDown') move(activeIndex + 10);
    else if (event.key === 'PageUp') move(activeIndex - 10);
    else if (event.key === 'Home' && event.ctrlKey) move(0);
    else if (event.key === 'End' && event.ctrlKey) move(deals.length - 1);
    else if (event.key === 'Enter' && target.matches('tr[data-row-index]')) {
      // The focused row's own deal: a row element shows another deal once it has scrolled on.
      const deal = deals[Number(target.dataset.rowIndex)];
      if (deal) void navigate(`/deals/${encodeURIComponent(deal.id)}${search}`);
    }
  };

  const width = table.getVisibleLeafColumns().reduce((sum, c) => sum + c.getSize(), 0);
  return (
    <div className="deal-table" id={ROWS_ID} ref={scrollRef} onKeyDown={onKeyDown}>
      <table aria-label={label} aria-rowcount={deals.length + 1} style={{ width }}>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id} aria-rowindex={1}>
              {group.headers.map((header) => {
                const id = header.column.id as ColumnId;
                const meta = COLUMN_META[id];
                const position = sort.findIndex((s) => s.key === meta.sortKey);
                const spec = sort[position];
                const ariaSort = position === 0 ? (spec!.desc ? 'descending' : 'ascending') : undefined;
                return (
                  <th
                    key={header.id}
                    scope="col"
                    style={{ width: header.getSize() }}
                    aria-sort={ariaSort}
                    className={meta.numeric ? 'num' : undefined}
                  >
                    {meta.sortKey ? (
                      <button
                        type="button"
                        className="deal-table__sort"
                        onClick={(e) => onSort(id, e.shiftKey)}
                        title="Click to sort; shift-click to add to the sort"
                      >
                        {meta.label}
                        <span aria-hidden="true" className="deal-table__arrow">
                          {spec ? (spec.desc ? '▼' : '▲') : ''}
                          {spec && sort.length > 1 ? position + 1 : ''}
                        </span>
                        {spec && position > 0 ? (
                          <span className="visually-hidden">
                            , sorted {spec.desc ? 'descending' : 'ascending'} as sort {position + 1}
                          </span>
                        ) : null}
                      </button>
                    ) : (
                      meta.label
                    )}
                    <span
                      className="deal-table__resize"
                      onMouseDown={header.getResizeHandler()}
                      onTouchStart={header.getResizeHandler()}
                      aria-hidden="true"
                    />
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody style={{ height: total }}>
          {Array.from({ length: Math.max(last - first + 1, 0) }, (_, slot) => {
            const index = first + slot;
            const deal = deals[index];
            if (!deal) return null;
            return (
              <DealRow
                // Keyed by place in the rendered window, not by deal or index: a scroll or a new search
                // gives each row element another deal to show, and React rewrites its text and
                // attributes instead of removing rows and building new ones (rows built per frame of a
                // scroll cost style and layout-tree work for every element in them).
                key={slot}
                deal={deal}
                index={index}
                start={index * ROW_HEIGHT}
                active={index === activeIndex}
                cells={cells}
                linkSearch={carried}
                onFocusRow={setActive}
              />
            );
          })}
        </tbody>
      </table>
      {deals.length === 0 ? empty : null}
    </div>
  );
}

interface CellLayout {
  id: ColumnId;
  width: number;
  numeric: boolean | undefined;
}

/**
 * One body row. Memoised: a row whose deal, place and columns did not change (a facet toggle that
 * keeps the first rows, a scroll of a row or two) is not rendered again.
 */
const DealRow = memo(function DealRow({
  deal,
  index,
  start,
  active,
  cells,
  linkSearch: carried,
  onFocusRow,
}: {
  deal: Deal;
  index: number;
  start: number;
  active: boolean;
  cells: readonly CellLayout[];
  linkSearch: string;
  onFocusRow: (index: number) => void;
}) {
  return (
    <tr
      data-row-index={index}
      aria-rowindex={index + 2}
      tabIndex={active ? 0 : -1}
      onFocus={() => onFocusRow(index)}
      className={active ? 'is-active' : undefined}
      // The row's place as a custom property that the stylesheet turns into its transform, not an
      // inline `transform`: in Chromium (156) restyling an element whose inline transform or top had
      // taken many distinct values grew dearer with each one (7 µs an element at first, 300 µs after a
      // few thousand offsets: 24 ms of style a frame in the 10,000-row scroll), while the same offsets
      // through var() stay at 7 µs. Measured with bench/scratch/h1-recalc.ts (not kept).
      style={{ '--row-y': `${start}px` } as React.CSSProperties}
    >
      {cells.map((cell) => (
        <td key={cell.id} style={{ width: cell.width }} className={cell.numeric ? 'num' : undefined}>
          {CELLS[cell.id](deal, carried)}
        </td>
      ))}
    </tr>
  );
});
