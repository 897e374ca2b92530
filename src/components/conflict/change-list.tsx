import type { Change } from '../../domain/tracking';
import { FieldValue } from './field-value';

/**
 * Field-level changes as a list: each field by its label in words, the old value struck (`<del>`)
 * and the new one shown (`<ins>`), each formatted (money with its currency, partial dates, lists).
 * `before` and `after` are the whole records, for what a field needs of its neighbours (a money
 * amount's currency).
 */
export function ChangeList({
  changes,
  before,
  after,
  empty = 'No field changed.',
}: {
  changes: readonly Change[];
  before: unknown;
  after: unknown;
  empty?: string;
}) {
  if (changes.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ul className="change-list">
      {changes.map((change) => (
        <li key={JSON.stringify(change.path)} className={`change change--${change.kind}`}>
          <span className="change__label">
            {change.label}
            {change.kind !== 'changed' ? <span className="sr-only"> ({change.kind})</span> : null}
          </span>
          <div className="change__values">
            {change.kind !== 'added' ? (
              <del className="change__before">
                <span className="sr-only">was: </span>
                <FieldValue path={change.path} value={change.before} record={before} />
              </del>
            ) : null}
            {change.kind === 'changed' ? (
              <span className="change__arrow" aria-hidden="true">
                →
              </span>
            ) : null}
            {change.kind !== 'removed' ? (
              <ins className="change__after">
                <span className="sr-only">now: </span>
                <FieldValue path={change.path} value={change.after} record={after} />
              </ins>
            ) : null}
          </div>
        </li>
      ))}
    </ul>
  );
}
