import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../../test/render-app';

const kpi = (label: string) => {
  const term = within(screen.getByLabelText('Key figures')).getByText(label);
  return term.parentElement!.querySelector('.kpi__value')!.textContent;
};

const chart = (title: RegExp) => screen.getByRole('figure', { name: title });

describe('the dashboard', () => {
  it('renders every chart and the key figures over the seed deals', async () => {
    renderApp('/');
    expect(await screen.findByRole('heading', { name: 'Units by armed service' })).toBeInTheDocument();
    for (const title of [
      /Contract value by year \(US dollars\)/,
      /Deals by lifecycle stage/,
      /Deals by domain/,
      /From first step to signature and delivery/,
    ]) {
      expect(chart(title).querySelector('.chart-card__chart svg')).not.toBeNull();
    }
    expect(screen.getByRole('heading', { name: 'MQ-9B drones by armed service' })).toBeInTheDocument();
    expect(kpi('Deals')).toBe('24');
    expect(within(chart(/Units by armed service/)).getByRole('img')).toHaveAccessibleName(
      /Navy 59, Army 159, Air Force 380, Not allocated 316/,
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
    await waitFor(() => expect(kpi('Deals')).toBe('12'));
    expect(kpi('Not yet under contract')).toBe('0');
    expect(screen.getAllByText(/^Status: Completed · /).length).toBeGreaterThan(0);
  });

  it('filters by keyboard from "Show as table", and a chip removes just its filter', async () => {
    const user = userEvent.setup();
    const { router } = renderApp('/?status=contract-signed');
    const units = await screen.findByRole('figure', { name: /Units by armed service/ });
    await user.click(within(units).getByRole('button', { name: 'Show as table' }));
    await user.click(within(units).getByRole('button', { name: 'Navy' }));
    await waitFor(() => expect(router.state.location.search).toBe('?status=contract-signed&service=navy'));
    await waitFor(() => expect(kpi('Deals')).toBe('1'));
    await user.click(screen.getByRole('button', { name: 'Remove filter Status: Contract signed' }));
    await waitFor(() => expect(router.state.location.search).toBe('?service=navy'));
    await user.click(screen.getByRole('button', { name: 'Clear all' }));
    await waitFor(() => expect(kpi('Deals')).toBe('24'));
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
    expect(await screen.findByText(/Ignored domain=seabed/)).toBeInTheDocument();
    expect(await screen.findAllByText('No deal matches these filters.')).not.toHaveLength(0);
    expect(kpi('Deals')).toBe('0');
  });
});
