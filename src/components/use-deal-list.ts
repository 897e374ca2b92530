import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { dealQueries } from '../api';
import { useApiContext } from './api-context';

/**
 * All deals of the current data set. The app filters them in memory with the shared domain filter,
 * so a keystroke or a click never waits on the network. The last successful answer stays on screen
 * while another loads and after it fails: keepPreviousData alone drops it once the new query errors.
 */
export function useDealList() {
  const query = useQuery({ ...dealQueries.list(useApiContext()), placeholderData: keepPreviousData });
  const [lastGood, setLastGood] = useState(query.data);
  if (query.data !== undefined && query.data !== lastGood) setLastGood(query.data);
  return { ...query, data: query.data ?? lastGood };
}
