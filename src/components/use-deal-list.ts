import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { dealQueries } from '../api';
import { useApiContext } from './api-context';

/**
 * All deals of the current data set. The app filters them in memory with the shared domain filter,
 * so a keystroke or a click never waits on the network; the data stays on screen if a refetch fails.
 */
export function useDealList() {
  return useQuery({ ...dealQueries.list(useApiContext()), placeholderData: keepPreviousData });
}
