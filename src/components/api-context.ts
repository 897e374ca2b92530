import { useMemo } from 'react';
import { useSearchParams } from './routing';
import { CONTEXT_PARAMS, type ApiContext } from '../domain';

/** The data set and mock scenario named in the page URL, passed on to every API call. */
export function useApiContext(): ApiContext {
  const [params] = useSearchParams();
  const key = CONTEXT_PARAMS.map((name) => params.get(name) ?? '').join('\u0000');
  return useMemo(() => {
    const context: ApiContext = {};
    for (const name of CONTEXT_PARAMS) {
      const value = params.get(name);
      if (value !== null) context[name] = value;
    }
    return context;
    // The key holds exactly what the context is built from.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
}

/** `?dataset=synthetic&size=…` for links, so moving between pages keeps the same data set. */
export function contextSearch(context: ApiContext): string {
  const params = new URLSearchParams();
  for (const name of CONTEXT_PARAMS) {
    const value = context[name];
    if (value !== undefined) params.set(name, value);
  }
  const search = params.toString();
  return search ? `?${search}` : '';
}
