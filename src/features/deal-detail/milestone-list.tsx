import { DataText } from '../../components/data-text';
import {
  formatPartialDate,
  isExpectedDate,
  LABELS,
  slippage,
  slipSentence,
  type Deal,
  type Milestone,
} from '../../domain';
import { CitedSources } from './cited-sources';
import './milestone-list.css';

/**
 * A deal's milestones in order as recorded, each with its sources. Where a source gave a planned date,
 * the plan and the date (happened, or now expected) stand side by side, each with its own sources, and
 * the slip between them is said in words, no more precisely than the two dates are known.
 */
export function MilestoneList({ deal, today = new Date() }: { deal: Deal; today?: Date }) {
  if (deal.milestones.length === 0) return <p className="muted">No dated milestones recorded.</p>;
  return (
    <ol className="milestones" aria-labelledby="deal-milestones">
      {deal.milestones.map((m, i) => (
        <li key={i}>
          <time dateTime={m.date}>{formatPartialDate(m.date)}</time> —{' '}
          <strong>{LABELS.milestone[m.kind]}</strong>: <DataText>{m.label}</DataText>
          {m.confidence !== 'confirmed' ? (
            <span className="muted"> ({LABELS.confidence[m.confidence]})</span>
          ) : null}
          {m.planned ? (
            <PlanAndDate deal={deal} milestone={m} plan={m.planned} today={today} />
          ) : (
            <CitedSources ids={m.sourceIds} sources={deal.sources} />
          )}
        </li>
      ))}
    </ol>
  );
}

function PlanAndDate({
  deal,
  milestone: m,
  plan,
  today,
}: {
  deal: Deal;
  milestone: Milestone;
  plan: NonNullable<Milestone['planned']>;
  today: Date;
}) {
  const expected = isExpectedDate(m.date, today);
  const slip = slippage(plan.date, m.date, today);
  return (
    <div className="milestone-plan">
      <p className="milestone-plan__slip">
        <strong>{LABELS.milestone[m.kind]}:</strong> {slip ? slipSentence(slip) : 'Slip not known.'}
      </p>
      <dl className="milestone-plan__dates">
        <div className="milestone-plan__date">
          <dt>Planned</dt>
          <dd>
            <time dateTime={plan.date}>{formatPartialDate(plan.date, 'long')}</time>
            {plan.note ? (
              <span className="milestone-plan__note">
                {' — '}
                <DataText>{plan.note}</DataText>
              </span>
            ) : null}
            <CitedSources ids={plan.sourceIds} sources={deal.sources} label="Sources of the plan" />
          </dd>
        </div>
        <div className="milestone-plan__date">
          <dt>{expected ? 'Expected' : 'Happened'}</dt>
          <dd>
            <time dateTime={m.date}>{formatPartialDate(m.date, 'long')}</time>
            <CitedSources
              ids={m.sourceIds}
              sources={deal.sources}
              label={expected ? 'Sources of the expected date' : 'Sources of the date'}
            />
          </dd>
        </div>
      </dl>
    </div>
  );
}
