import { Fragment, type ReactNode } from 'react';
import type { ParamProblem } from '../domain';
import { plainText } from '../domain/text/text-safety';
import { useContextProblems } from './api-context';
import { DataText } from './data-text';

// A link's value is shown to say what was ignored; a long one is cut so a link cannot fill the page.
function shown(value: string): string {
  return value.length > 40 ? `${value.slice(0, 39)}…` : value;
}

/**
 * The message with each copy of the link's value isolated (and cut like it): the messages of the
 * checks quote the value. Whatever else of a value a message holds loses its bidi controls, since
 * the app's own words have none.
 */
function message(problem: ParamProblem): ReactNode {
  const pieces = problem.value === '' ? [problem.message] : problem.message.split(problem.value);
  return pieces.map((piece, i) => (
    <Fragment key={i}>
      {i > 0 ? <DataText>{shown(problem.value)}</DataText> : null}
      {plainText(piece)}
    </Fragment>
  ));
}

/**
 * Names the URL parameters that could not be used; the rest of the view still applies. Besides the
 * page's own problems (filter, sort, columns) it names ignored data-set parameters (`?size=1e12`).
 * Each value from the link is isolated, so a U+202E in it cannot reverse the notice's words.
 */
export function IgnoredParamsNotice({ problems }: { problems: readonly ParamProblem[] }) {
  const contextProblems = useContextProblems();
  const all = [...contextProblems, ...problems];
  if (all.length === 0) return null;
  return (
    <p className="notice notice--warning" role="status">
      {/* One flex item: the notice is a flex row, which would spread each value and word apart. */}
      <span>
        Ignored{' '}
        {all.map((p, i) => (
          <Fragment key={i}>
            {i > 0 ? '; ' : ''}
            {plainText(p.param)}=<DataText>{shown(p.value)}</DataText> ({message(p)})
          </Fragment>
        ))}
        .
      </span>
    </p>
  );
}
