import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { SEED } from '../../../seeds/expected';
import { renderApp } from '../../test/render-app';

const kpi = (label: string) => {
  const term = within(screen.getByLabelText('Key figures')).getByText(label);
  return term.parentElement!.querySelector('.kpi__value')!.textContent;
};

const chart = (title: RegExp) => screen.getByRole('figure', { name: title });

describe('the dashboard', () => {
  it('renders every chart and the key figures over the seed deals', async () => {
    renderApp('/');
    expect(
      await screen.findByRole('heading', { name: 'Platforms ordered, by armed service' }),
    ).toBeInTheDocument();
    for (const title of [
      /Contract value by year \(US dollars\)/,
      /Deals by lifecycle stage/,
      /Deals by domain/,
      /From first step to signature and delivery/,
    ]) {
      expect(chart(title).querySelector('.chart-card__chart svg')).not.toBeNull();
    }
    expect(screen.getByRole('heading', { name: 'MQ-9B drones by armed service' })).toBeInTheDocument();
    expect(kpi('Deals')).toBe(String(SEED.deals));
    const { navy, army } = SEED.services;
    expect(within(chart(/Platforms ordered/)).getByRole('img')).toHaveAccessibleName(
      `Platforms ordered, by armed service. Ordered platforms: Navy ${navy.platformsOrdered} (+${navy.platformsPlanned} planned), Army ${army.platformsOrdered}, Air Force ${SEED.services['air-force'].platformsOrdered}.`,
    );
    // The key figure and the chart count the same units: ordered ones, platforms apart from engines.
    expect(kpi('Units ordered')).toBe(
      `${SEED.all.platformsOrdered} platformsand ${SEED.all.enginesOrdered} engines`,
    );
    expect(screen.getByText(/deals of unknown USD value or date not plotted/)).toBeInTheDocument();
  });

  it('clicking a bar filters the other charts, the key figures and the URL', async () => {
    const { router } = renderApp('/');
    const stages = await screen.findByRole('figure', { name: /Deals by lifecycle stage/ });
    const bars = stages.querySelectorAll('.recharts-bar-rectangle path');
    expect(bars.length).toBeGreaterThan(0);
    // The bars are drawn in lifecycle order for the stages that have deals; the last is "Completed".
    fireEvent.click(bars[bars.length - 1]!);
    await waitFor(() => expect(router.state.location.search).toBe('?status=completed'));
    expect(
      await screen.findByRole('button', { name: 'Remove filter Status: Completed' }),
    ).toBeInTheDocument();
    await waitFor(() => expect(kpi('Deals')).toBe(String(SEED.completedDeals)));
    expect(kpi('Not yet under contract')).toBe('0');
    expect(screen.getAllByText(/^Status: Completed · /).length).toBeGreaterThan(0);
  });

  it('filters by keyboard from "Show as table", and a chip removes just its filter', async () => {
    const user = userEvent.setup();
    const { router } = renderApp('/?status=contract-signed');
    const units = await screen.findByRole('figure', { name: /Platforms ordered/ });
    await user.click(within(units).getByRole('button', { name: 'Show as table' }));
    await user.click(within(units).getByRole('button', { name: 'Navy' }));
    await waitFor(() => expect(router.state.location.search).toBe('?status=contract-signed&service=navy'));
    await waitFor(() => expect(kpi('Deals')).toBe(String(SEED.contractSignedNavyDeals)));
    await user.click(screen.getByRole('button', { name: 'Remove filter Status: Contract signed' }));
    await waitFor(() => expect(router.state.location.search).toBe('?service=navy'));
    await user.click(screen.getByRole('button', { name: 'Clear all' }));
    await waitFor(() => expect(kpi('Deals')).toBe(String(SEED.deals)));
  });

  it('under Navy, counts the Navy’s units only and shows its share of the value as derived', async () => {
    renderApp('/?service=navy');
    const { navy } = SEED.services;
    await waitFor(() => expect(kpi('Deals')).toBe(String(navy.deals)));
    expect(kpi('Units ordered for the Navy')).toBe(`${navy.platformsOrdered} platforms`);
    expect(kpi('Share for the Navy, pro rata by units (derived)')).toMatch(/^≈ \$/);
    expect(
      screen.getByText(/A deal shared by several services counts in full under each/),
    ).toBeInTheDocument();
    // Every service's bar stays, the Navy's highlighted, so the figure can be compared.
    expect(within(chart(/Platforms ordered/)).getByRole('img')).toHaveAccessibleName(
      new RegExp(`Navy ${navy.platformsOrdered} .*Army ${SEED.services.army.platformsOrdered}`),
    );
  });

  it('gives the timeline’s milestone marks one tab stop, with arrows moving between them', async () => {
    const user = userEvent.setup();
    renderApp('/');
    const timeline = await screen.findByRole('figure', { name: /From first step to signature/ });
    const marks = [...timeline.querySelectorAll<SVGGElement>('.timeline__dot')];
    expect(marks.length).toBeGreaterThan(SEED.deals);
    expect(marks.filter((m) => m.getAttribute('tabindex') === '0')).toHaveLength(1);
    marks[0]!.focus();
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(marks[1]);
    expect(marks[1]).toHaveAttribute('tabindex', '0');
    await user.keyboard('{End}');
    expect(document.activeElement).toBe(marks.at(-1));
  });

  it('switches the value chart to rupees in crore and keeps the choice in the URL', async () => {
    const user = userEvent.setup();
    const { router } = renderApp('/');
    const value = await screen.findByRole('figure', { name: /Contract value by year/ });
    await user.click(within(value).getByRole('button', { name: '₹ crore' }));
    expect(
      await screen.findByRole('heading', { name: 'Contract value by year (₹ crore)' }),
    ).toBeInTheDocument();
    expect(router.state.location.search).toBe('?currency=INR');
    const inr = screen.getByRole('figure', { name: /Contract value by year/ });
    expect(within(inr).getByRole('img')).toHaveAccessibleName(/2024 ₹32,000 crore/);
  });

  it('says so when the filters match nothing, and ignores bad parameters with a notice', async () => {
    renderApp('/?q=no-such-deal-anywhere&domain=seabed');
    expect(await screen.findByText(/^Ignored /)).toHaveTextContent(/Ignored domain=seabed/);
    expect(await screen.findAllByText('No deal matches these filters.')).not.toHaveLength(0);
    expect(kpi('Deals')).toBe('0');
  });
});
