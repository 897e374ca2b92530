import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { dealQueries, metaQueries } from '../api';
import { useApiContext } from './api-context';
import { formatCount, importedGroupsInList, importedSentences, type ImportedGroup } from '../domain';

/**
 * The imported records in the loaded list, per publisher, rights and import day. It reads the list
 * a page has loaded and never loads it itself: a page without the list says nothing of it.
 */
// The banner and the header's label read the same list: it is walked once.
const counted = new WeakMap<readonly unknown[], ImportedGroup[]>();

export function useImportedGroups(): ImportedGroup[] {
  const { data } = useQuery({ ...dealQueries.list(useApiContext()), enabled: false });
  const [groups, setGroups] = useState<ImportedGroup[]>([]);
  // Counted when the page is idle, not in the render a save paints: one walk over the list reads a
  // field of every deal (about 15 ms at 100,000), and the label can wait a frame.
  useEffect(() => {
    if (!data) return;
    const count = () =>
      setGroups((shown) => {
        let next = counted.get(data.deals);
        if (!next) counted.set(data.deals, (next = importedGroupsInList(data.deals)));
        return JSON.stringify(next) === JSON.stringify(shown) ? shown : next;
      });
    if ('requestIdleCallback' in window) {
      const handle = window.requestIdleCallback(count, { timeout: 1000 });
      return () => window.cancelIdleCallback(handle);
    }
    const handle = setTimeout(count, 50);
    return () => clearTimeout(handle);
  }, [data]);
  return groups;
}

/** Names the data set on every page; synthetic data is announced so it is never taken for real deals. */
export function DatasetBanner() {
  const context = useApiContext();
  const { data: meta } = useQuery(metaQueries.meta(context));
  // Checked by useApiContext: one of the mock's known scenarios, and absent on a real-server build,
  // so a link can neither put its own words in this banner nor announce a scenario that is not running.
  const scenario = context.mock;
  const imported = importedSentences(useImportedGroups());
  return (
    <>
      {meta?.synthetic ? (
        <p className="banner banner--synthetic" role="note">
          <strong>Synthetic data</strong> — {formatCount(meta.recordCount)} generated records for demos and
          performance tests. These are not real deals.
        </p>
      ) : null}
      {imported.length > 0 ? (
        <p className="banner banner--imported" role="note">
          {imported.map((sentence) => (
            <span key={sentence} className="banner__line">
              {sentence}.{' '}
            </span>
          ))}
        </p>
      ) : null}
      {scenario ? (
        <p className="banner banner--scenario" role="note">
          Demo of failure: the mock API is running the <code>{scenario}</code> scenario.
        </p>
      ) : null}
    </>
  );
}

export function DatasetLabel() {
  const { data: meta } = useQuery(metaQueries.meta(useApiContext()));
  const imported = useImportedGroups().reduce((n, g) => n + g.count, 0);
  if (!meta) return null;
  return (
    <span className={meta.synthetic ? 'dataset-label dataset-label--synthetic' : 'dataset-label'}>
      {meta.synthetic ? 'Synthetic' : 'Sourced'} · {formatCount(meta.recordCount)} records
      {imported > 0 ? ` · ${formatCount(imported)} imported` : ''}
    </span>
  );
}
