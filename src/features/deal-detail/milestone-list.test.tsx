import { configure, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import seedRecords from '../../../seeds/deals.json';
import { SEED } from '../../../seeds/expected';
import { Deal, LABELS } from '../../domain';
import { makeDeal } from '../../test/deal-fixtures';
import { renderApp } from '../../test/render-app';
import { MilestoneList } from './milestone-list';

configure({ asyncUtilTimeout: 4000 });

const seed = (id: string) => Deal.parse(seedRecords.find((r) => r.id === id));
/** The sources cited within an element, as the reader sees them named. */
const citedNames = (element: Element) =>
  [...element.querySelectorAll('.citations .source-name')].map((name) => name.textContent);
const names = (deal: Deal, ids: readonly string[]) =>
  ids.map((id) => {
    const source = deal.sources.find((s) => s.id === id)!;
    return `${source.publisher}: ${source.title}`;
  });

const sources = [
  { id: 'plan', title: 'Delivery schedule', publisher: 'Ministry' },
  { id: 'news', title: 'First aircraft arrives', publisher: 'Daily' },
];
const slipped = makeDeal({
  sources,
  milestones: [
    { kind: 'signature', date: '2021-02-10', label: 'Contract signed', sourceIds: ['news'] },
    {
      kind: 'first-delivery',
      date: '2024-03',
      label: 'First aircraft handed over',
      sourceIds: ['news'],
      planned: { date: '2023-01', sourceIds: ['plan'], note: 'first of 12 in January 2023' },
    },
    {
      kind: 'final-delivery',
      date: '2031-06',
      label: 'Last aircraft',
      sourceIds: ['news'],
      planned: { date: '2029', sourceIds: ['plan'] },
    },
  ],
});
const items = () => [...document.querySelector('ol.milestones')!.children] as HTMLElement[];

describe('the milestones section', () => {
  it('shows the planned and the actual date side by side, the slip in words, and each date’s sources', () => {
    render(
      <>
        <h2 id="deal-milestones">Milestones</h2>
        <MilestoneList deal={slipped} today={new Date('2026-01-15T00:00:00Z')} />
      </>,
    );
    const [signature, first, last] = items();
    // No plan: the date and its sources only.
    expect(signature!.querySelector('.milestone-plan')).toBeNull();
    expect(citedNames(signature!)).toEqual(names(slipped, ['news']));

    expect(first).toHaveTextContent(
      'First delivery: Planned for January 2023, happened in March 2024: 14 months late.',
    );
    const dates = within(first!).getAllByRole('definition');
    expect(
      within(first!)
        .getAllByRole('term')
        .map((t) => t.textContent),
    ).toEqual(['Planned', 'Happened']);
    expect(dates[0]).toHaveTextContent(/^January 2023 — first of 12 in January 2023Sources of the plan:/);
    expect(citedNames(dates[0]!)).toEqual(names(slipped, ['plan']));
    expect(dates[1]).toHaveTextContent(/^March 2024Sources of the date:/);
    expect(citedNames(dates[1]!)).toEqual(names(slipped, ['news']));

    // Still to come, against a plan known to the year only: the slip so far, as a range of years.
    expect(last).toHaveTextContent(
      'Final delivery: Planned for 2029, expected in June 2031: expected about 2 years later than planned.',
    );
    expect(
      within(last!)
        .getAllByRole('term')
        .map((t) => t.textContent),
    ).toEqual(['Planned', 'Expected']);
  });

  it('says a date is now on record once today passes it', () => {
    render(<MilestoneList deal={slipped} today={new Date('2032-01-01T00:00:00Z')} />);
    expect(items()[2]).toHaveTextContent('Planned for 2029, happened in June 2031: about 2 years late.');
  });

  it('shows the seed framework’s plan to sign in 2025 as met, on the deal page', async () => {
    const plan = SEED.plannedMilestones.find((p) => p.dealId === 'major-defence-partnership-framework-2025')!;
    const deal = seed(plan.dealId);
    renderApp(`/deals/${deal.id}`);
    const list = await screen.findByRole('list', { name: 'Milestones' });
    const item = [...list.children].find((li) => li.querySelector('.milestone-plan'))!;
    expect(item).toHaveTextContent(
      `${LABELS.milestone[plan.kind]}: Planned for 2025, happened on 31 October 2025: ${plan.slip}.`,
    );
    const milestone = deal.milestones.find((m) => m.kind === plan.kind)!;
    expect(citedNames(item)).toEqual(names(deal, [...milestone.planned!.sourceIds, ...milestone.sourceIds]));
  });
});
