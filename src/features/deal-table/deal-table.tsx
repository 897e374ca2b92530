import { useTable } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useLocation, useNavigate } from '../../components/routing';
import type { Deal, SortSpec } from '../../domain';
import { COLUMN_META, columns, features } from './columns';
import { COLUMN_IDS, type ColumnId } from './table-view';

const ROW_HEIGHT = 40;
const ROWS_ID = 'deal-rows';

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
  // TanStack Virtual returns functions that change with scroll; this component is not compiler-memoised.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: deals.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 4,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? -1;
  // The table model gets only the rows in view: building a row model for 100,000 deals on every
  // filter change cost about 70 ms, for rows that are never drawn.
  const data = useMemo(() => deals.slice(first, last + 1), [deals, first, last]);
  const columnVisibility = useMemo(
    () => Object.fromEntries(COLUMN_IDS.map((id) => [id, visible.includes(id)])),
    [visible],
  );
  const table = useTable({
    features,
    columns,
    data,
    state: { columnVisibility },
    columnResizeMode: 'onChange',
    getRowId: (deal) => deal.id,
  });
  const rows = table.getRowModel().rows;
  const [active, setActive] = useState(0);
  const navigate = useNavigate();
  const { search } = useLocation();

  const activeIndex = Math.min(active, Math.max(deals.length - 1, 0));
  useEffect(() => {
    // Keep keyboard focus on the active row as it scrolls into view.
    const row = scrollRef.current?.querySelector<HTMLElement>(`[data-row-index="${activeIndex}"]`);
    if (row && scrollRef.current?.contains(document.activeElement)) row.focus({ preventScroll: true });
  }, [activeIndex, virtualizer]);

  const onKeyDown = (event: React.KeyboardEvent) => {
    const target = event.target as HTMLElement;
    // The header's sort buttons, the links and the resize handles keep their own keys.
    if (target.closest('thead')) return;
    const move = (to: number) => {
      event.preventDefault();
      const next = Math.max(0, Math.min(deals.length - 1, to));
      setActive(next);
      virtualizer.scrollToIndex(next, { align: 'auto' });
    };
    if (event.key === 'ArrowDown') move(activeIndex + 1);
    else if (event.key === 'ArrowUp') move(activeIndex - 1);
    else if (event.key === 'PageDown') move(activeIndex + 10);
    else if (event.key === 'PageUp') move(activeIndex - 10);
    else if (event.key === 'Home' && event.ctrlKey) move(0);
    else if (event.key === 'End' && event.ctrlKey) move(deals.length - 1);
    else if (event.key === 'Enter' && target.matches('tr[data-row-index]')) {
      const deal = deals[activeIndex];
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
        <tbody style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const row = rows[item.index - first];
            if (!row) return null;
            return (
              <tr
                // Keyed by position: a new search rewrites the text of the rows in view instead of
                // unmounting and mounting them (about half the cost of a keystroke at any size).
                key={item.index}
                data-row-index={item.index}
                aria-rowindex={item.index + 2}
                tabIndex={item.index === activeIndex ? 0 : -1}
                onFocus={() => setActive(item.index)}
                className={item.index === activeIndex ? 'is-active' : undefined}
                style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
              >
                {row.getVisibleCells().map((cell) => (
                  <td
                    key={cell.id}
                    style={{ width: cell.column.getSize() }}
                    className={COLUMN_META[cell.column.id as ColumnId].numeric ? 'num' : undefined}
                  >
                    <table.FlexRender cell={cell} />
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
      {deals.length === 0 ? empty : null}
    </div>
  );
}
