import { useMemo } from 'react';
import { useSearchParams } from './routing';
import { isRealServer } from '../api';
import { CONTEXT_PARAMS, type ApiContext, type ParamProblem } from '../domain';
import { parseContextParams } from '../domain/url-state/context-params';

const NO_PROBLEMS: ParamProblem[] = [];

/** The checked context of the page URL and what was ignored of it, recomputed only when its parameters change. */
function useParsedContext(): { context: ApiContext; problems: ParamProblem[] } {
  const [params] = useSearchParams();
  const key = CONTEXT_PARAMS.map((name) => params.get(name) ?? '').join('\u0000');
  return useMemo(
    () => parseContextParams(params, { realServer: isRealServer() }),
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
  const params = new URLSearchParams();
  for (const name of CONTEXT_PARAMS) {
    const value = context[name];
    if (value !== undefined) params.set(name, value);
  }
  const search = params.toString();
  return search ? `?${search}` : '';
}
