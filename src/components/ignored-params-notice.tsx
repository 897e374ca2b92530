import type { ParamProblem } from '../domain';
import { useContextProblems } from './api-context';

// A link's value is shown to say what was ignored; a long one is cut so a link cannot fill the page.
function shown(value: string): string {
  return value.length > 40 ? `${value.slice(0, 39)}…` : value;
}

/**
 * Names the URL parameters that could not be used; the rest of the view still applies. Besides the
 * page's own problems (filter, sort, columns) it names ignored data-set parameters (`?size=1e12`).
 */
export function IgnoredParamsNotice({ problems }: { problems: readonly ParamProblem[] }) {
  const contextProblems = useContextProblems();
  const all = [...contextProblems, ...problems];
  if (all.length === 0) return null;
  return (
    <p className="notice notice--warning" role="status">
      Ignored {all.map((p) => `${p.param}=${shown(p.value)} (${p.message})`).join('; ')}.
    </p>
  );
}
