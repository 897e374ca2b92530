import { useMemo } from 'react';
import { useSearchParams } from '../../components/routing';
import { useDealList } from '../../components/use-deal-list';
import { ViewLink } from '../../components/view-link';
import { DataText } from '../../components/data-text';
import { formatCount, readUrlPart } from '../../domain';
import { clampLabel, LABEL_MAX } from '../../domain/text/clamp-text';
import './deal-neighbours.css';

/**
 * Previous and next deal within the filtered, sorted list the user came from (the view is in the URL).
 * Their titles are cut to a link's length: a feed's 1 MB title made a link 9.6 million px wide.
 */
export function DealNeighbours({ id }: { id: string }) {
  const list = useDealList();
  const [params] = useSearchParams();
  const { collection } = list;
  const neighbours = useMemo(() => {
    if (!collection) return undefined;
    // The view as the URL schema reads it, through the collection's index and cached sort order, as
    // the table shows it: the same rows in the same order, without sorting 100,000 deals per page.
    const rows = collection.query(readUrlPart('filter', params).value, {
      sort: readUrlPart('sort', params).value,
    }).deals;
    const index = rows.findIndex((d) => d.id === id);
    if (index < 0) return undefined;
    return { index, count: rows.length, previous: rows[index - 1], next: rows[index + 1] };
  }, [collection, params, id]);
  if (!neighbours) return null;
  const { index, count, previous, next } = neighbours;
  return (
    <nav className="deal-neighbours" aria-label="Deals in this view">
      {previous ? (
        <ViewLink to={`/deals/${encodeURIComponent(previous.id)}`} className="deal-neighbours__link">
          ← Previous: <DataText>{clampLabel(previous.title, LABEL_MAX)}</DataText>
        </ViewLink>
      ) : (
        <span />
      )}
      <span className="muted">
        {formatCount(index + 1)} of {formatCount(count)} in this view
      </span>
      {next ? (
        <ViewLink to={`/deals/${encodeURIComponent(next.id)}`} className="deal-neighbours__link">
          Next: <DataText>{clampLabel(next.title, LABEL_MAX)}</DataText> →
        </ViewLink>
      ) : (
        <span />
      )}
    </nav>
  );
}
