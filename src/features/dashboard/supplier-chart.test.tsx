import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { server } from '../../../mocks/node';
import seedRecords from '../../../seeds/deals.json';
import { SEED } from '../../../seeds/expected';
import { renderApp } from '../../test/render-app';
import { sipriRecord } from '../../test/sipri-records';

const sipri = Array.from({ length: 30 }, (_, n) =>
  sipriRecord(n, { supplier: n < 20 ? 'RU' : 'FR', tivOrder: n % 10 === 9 ? null : 50 }),
);
const serve = (deals: unknown[]) =>
  server.use(
    http.get('*/api/deals', () =>
      HttpResponse.json({ data: deals, total: deals.length, offset: 0, limit: 200000 }),
    ),
  );

describe('the orders card', () => {
  it('reads well on the seeds: one supplier, no TIV switch, and says no deal has TIV', async () => {
    renderApp('/');
    const card = await screen.findByRole('figure', { name: /^Orders by supplier/ });
    expect(within(card).getByRole('img')).toHaveAccessibleName(
      new RegExp(
        `^Orders by supplier\\. Orders by supplier: United States ${SEED.orders.suppliers[0].count}\\.`,
      ),
    );
    expect(within(card).queryByRole('button', { name: 'SIPRI TIV' })).not.toBeInTheDocument();
    expect(card).toHaveTextContent('No deal in view has a SIPRI TIV');
  });

  it('counts SIPRI orders per supplier, switches to TIV, and filters by a supplier from its table', async () => {
    const user = userEvent.setup();
    serve([...seedRecords, ...sipri]);
    const { router } = renderApp('/');
    const card = await screen.findByRole('figure', { name: /^Orders by supplier/ });
    const withTiv = sipri.filter((d) => d.tiv).length;
    expect(card).toHaveTextContent(
      `SIPRI TIV known for ${withTiv} of ${SEED.deals + sipri.length} deals; deals without it are counted, not valued.`,
    );
    await user.click(within(card).getByRole('button', { name: 'SIPRI TIV' }));
    expect(within(card).getByRole('heading', { level: 2 })).toHaveTextContent(
      'Orders by supplier: SIPRI TIV (millions)',
    );
    expect(card.textContent).not.toMatch(/US\$|\$\d/);
    await user.click(within(card).getByRole('button', { name: 'Show as table' }));
    const table = within(card).getByRole('table');
    const russia = within(table).getByRole('row', { name: /Russia/ });
    const ruTiv = sipri
      .filter((d) => d.supplierCountries[0] === 'RU')
      .reduce((n, d) => n + (d.tiv?.order ?? 0), 0);
    expect(
      within(russia)
        .getAllByRole('cell')
        .map((c) => c.textContent)
        .slice(0, 3),
    ).toEqual([
      '20',
      new Intl.NumberFormat('en').format(ruTiv),
      String(sipri.filter((d) => d.supplierCountries[0] === 'RU' && d.tiv).length),
    ]);
    // The seeds' supplier has no TIV: a dash for not known, never 0.
    expect(
      within(within(table).getByRole('row', { name: /United States/ })).getAllByRole('cell')[1],
    ).toHaveTextContent('–');
    fireEvent.click(within(russia).getAllByRole('button', { name: /Russia/ })[0]!);
    await waitFor(() => expect(router.state.location.search).toBe('?supplier=RU'));
  });
});
