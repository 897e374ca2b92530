import { useMemo } from 'react';
import { useSearchParams } from './routing';
import { isRealServer } from '../api';
import { readUrlPart, URL_SCHEMA, writeUrlState, type ApiContext, type ParamProblem } from '../domain';

const NO_PROBLEMS: ParamProblem[] = [];

/** The checked context of the page URL and what was ignored of it, recomputed only when its parameters change. */
function useParsedContext(): { context: ApiContext; problems: ParamProblem[] } {
  const [params] = useSearchParams();
  const key = URL_SCHEMA.context.params.map((name) => params.get(name) ?? '').join('\u0000');
  return useMemo(
    () => {
      const { value, problems } = readUrlPart('context', params, { realServer: isRealServer() });
      return { context: value, problems };
    },
    // The key holds exactly what the context is built from.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [key],
  );
}

/**
 * The data set and mock scenario named in the page URL, passed on to every API call. Only values that
 * pass the checks of `parseContextParams`: a bad one is left out (and named by `useContextProblems`).
 */
export function useApiContext(): ApiContext {
  return useParsedContext().context;
}

/** The context parameters of the page URL that were ignored, for the "Ignored …" notice. */
export function useContextProblems(): ParamProblem[] {
  const { problems } = useParsedContext();
  return problems.length === 0 ? NO_PROBLEMS : problems;
}

/** `?dataset=synthetic&size=…` for links, so moving between pages keeps the same data set. */
export function contextSearch(context: ApiContext): string {
  const search = writeUrlState({ context }).toString();
  return search ? `?${search}` : '';
}
