import { useCallback, useMemo } from 'react';
import { useSearchParams } from '../../components/routing';
import {
  COLUMN_IDS,
  readUrlPart,
  writeUrlState,
  type ColumnId,
  type SortKey,
  type SortSpec,
  type UrlState,
} from '../../domain';

// The columns and their URL form live in the URL schema (src/domain/url-state/url-state.ts).
export { COLUMN_IDS, DEFAULT_HIDDEN, parseColumns, type ColumnId } from '../../domain';

/** Sort and visible columns, kept in the URL beside the filter (`sort=value:desc,title:asc&cols=…`). */
export function useTableView() {
  const [params, setParams] = useSearchParams();
  // Keyed on the raw parameters, not on all of them: a keystroke in the search changes the URL, and a
  // new sort array would make the table re-sort 100,000 deals.
  const rawSort = params.get('sort');
  const rawCols = params.get('cols');
  const { value: sort, problems: sortProblems } = useMemo(
    () => readUrlPart('sort', new URLSearchParams(rawSort === null ? '' : { sort: rawSort })),
    [rawSort],
  );
  const { value: visible, problems: colProblems } = useMemo(
    () => readUrlPart('columns', new URLSearchParams(rawCols === null ? '' : { cols: rawCols })),
    [rawCols],
  );

  const update = useCallback(
    (patch: Pick<Partial<UrlState>, 'sort' | 'columns'>) =>
      setParams((current) => writeUrlState(patch, current), { replace: false }),
    [setParams],
  );

  /** A click sorts by the column alone (asc, then desc, then off); a shift-click adds or turns it within the order. */
  const toggleSort = useCallback(
    (key: SortKey, additive: boolean) => {
      const current = sort.find((s) => s.key === key);
      const cycled: SortSpec | undefined = !current
        ? { key, desc: key === 'value' || key === 'quantity' || key === 'signed' }
        : current.desc === (key === 'value' || key === 'quantity' || key === 'signed')
          ? { key, desc: !current.desc }
          : undefined;
      let next: SortSpec[];
      if (additive) {
        next = sort.filter((s) => s.key !== key);
        if (cycled) next = current ? sort.map((s) => (s.key === key ? cycled : s)) : [...sort, cycled];
      } else next = cycled ? [cycled] : [];
      update({ sort: next });
    },
    [sort, update],
  );

  const setVisible = useCallback(
    (columns: readonly ColumnId[]) => update({ columns: COLUMN_IDS.filter((c) => columns.includes(c)) }),
    [update],
  );

  return { sort, visible, toggleSort, setVisible, problems: [...sortProblems, ...colProblems] };
}
