import { useCallback, useMemo } from 'react';
import { useSearchParams } from '../../components/routing';
import { formatSort, parseSortParam, type ParamProblem, type SortKey, type SortSpec } from '../../domain';

export const COLUMN_IDS = [
  'title',
  'system',
  'parties',
  'kind',
  'status',
  'quantity',
  'value',
  'signed',
  'domains',
  'route',
] as const;
export type ColumnId = (typeof COLUMN_IDS)[number];
export const DEFAULT_HIDDEN: readonly ColumnId[] = ['domains', 'route'];

/** Sort and visible columns, kept in the URL beside the filter (`sort=value:desc,title:asc&cols=…`). */
export function useTableView() {
  const [params, setParams] = useSearchParams();
  // Keyed on the raw parameters, not on all of them: a keystroke in the search changes the URL, and a
  // new sort array would make the table re-sort 100,000 deals.
  const rawSort = params.get('sort');
  const rawCols = params.get('cols');
  const { sort, problems: sortProblems } = useMemo(() => parseSortParam(rawSort), [rawSort]);
  const { visible, problems: colProblems } = useMemo(() => parseColumns(rawCols), [rawCols]);

  const update = useCallback(
    (name: string, value: string | undefined) =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          if (value) next.set(name, value);
          else next.delete(name);
          return next;
        },
        { replace: false },
      ),
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
      update('sort', formatSort(next) || undefined);
    },
    [sort, update],
  );

  const setVisible = useCallback(
    (columns: readonly ColumnId[]) => {
      const isDefault =
        columns.length === COLUMN_IDS.length - DEFAULT_HIDDEN.length &&
        columns.every((c) => !DEFAULT_HIDDEN.includes(c));
      update('cols', isDefault ? undefined : COLUMN_IDS.filter((c) => columns.includes(c)).join(','));
    },
    [update],
  );

  return { sort, visible, toggleSort, setVisible, problems: [...sortProblems, ...colProblems] };
}

export function parseColumns(raw: string | null): { visible: ColumnId[]; problems: ParamProblem[] } {
  if (!raw) return { visible: COLUMN_IDS.filter((c) => !DEFAULT_HIDDEN.includes(c)), problems: [] };
  const problems: ParamProblem[] = [];
  const wanted = new Set<ColumnId>(['title']);
  for (const part of raw.split(',')) {
    if ((COLUMN_IDS as readonly string[]).includes(part)) wanted.add(part as ColumnId);
    else problems.push({ param: 'cols', value: part, message: `"${part}" is not a column` });
  }
  return { visible: COLUMN_IDS.filter((c) => wanted.has(c)), problems };
}
