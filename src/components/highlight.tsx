import { createContext, Fragment, useContext, useMemo, type ReactNode } from 'react';
import { highlightParts, prepareSearch, type PreparedSearch } from '../domain/filter/highlight';

const SearchContext = createContext<PreparedSearch>([]);

/** The search whose matches `Highlighted` marks below it, prepared once per query, not once per cell. */
export function HighlightSearch({ q, children }: { q: string | undefined; children: ReactNode }) {
  const search = useMemo(() => prepareSearch(q ?? ''), [q]);
  return <SearchContext value={search}>{children}</SearchContext>;
}

/** The text with what the current search matched in `<mark>`: the original spelling, whatever was typed. */
export function Highlighted({ text }: { text: string }) {
  const search = useContext(SearchContext);
  if (search.length === 0) return text;
  const parts = highlightParts(text, search);
  if (parts.length === 1 && !parts[0]!.match) return text;
  return (
    <>
      {parts.map((part, i) =>
        part.match ? <mark key={i}>{part.text}</mark> : <Fragment key={i}>{part.text}</Fragment>,
      )}
    </>
  );
}
