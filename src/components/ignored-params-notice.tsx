import type { ParamProblem } from '../domain';

/** Names the URL parameters that could not be used; the rest of the view still applies. */
export function IgnoredParamsNotice({ problems }: { problems: readonly ParamProblem[] }) {
  if (problems.length === 0) return null;
  return (
    <p className="notice notice--warning" role="status">
      Ignored {problems.map((p) => `${p.param}=${p.value} (${p.message})`).join('; ')}.
    </p>
  );
}
