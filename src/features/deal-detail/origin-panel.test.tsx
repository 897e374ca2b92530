import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { server } from '../../../mocks/node';
import seedRecords from '../../../seeds/deals.json';
import { dealEnvelope } from '../../test/deal-fixtures';
import { renderApp } from '../../test/render-app';
import { sipriRecord } from '../../test/sipri-records';

/** The MQ-9 order as the SIPRI importer records it: TIV, none delivered, no service split. */
const mq9 = sipriRecord(214, {
  id: 'sipri-in-us-mq-9-reaper-2024',
  title: 'MQ-9 Reaper for India (2024)',
  supplierCountries: ['US'],
  system: { name: 'MQ-9 Reaper', category: 'uav' },
  quantity: {
    total: 31,
    unit: 'armed UAV',
    sourceIds: ['sipri'],
    delivered: { count: 0, sourceIds: ['sipri'] },
  },
  tiv: { perUnit: 7.5, order: 232.5, delivered: 0, sourceIds: ['sipri'] },
});

const facts = (panel: HTMLElement, term: string) =>
  within(panel).getByText(term, { selector: 'dt' }).nextElementSibling!.textContent;

describe('an imported deal’s page', () => {
  it('says where the record came from, its TIV apart from money, and how many are delivered', async () => {
    server.use(http.get(`*/api/deals/${mq9.id}`, () => HttpResponse.json(dealEnvelope(mq9))));
    renderApp(`/deals/${mq9.id}`);
    const origin = (await screen.findByRole('heading', { name: 'Imported from SIPRI' })).closest('section')!;
    expect(facts(origin, 'File')).toBe('sipri_trade_register_india_recipient.csv');
    expect(facts(origin, 'Publisher')).toBe('SIPRI');
    expect(facts(origin, 'Rows')).toBe('line 226');
    expect(facts(origin, 'Data generated')).toBe('13 March 2025');
    expect(facts(origin, 'Imported')).toBe('1 Dec 2026');
    expect(facts(origin, 'SIPRI AT Database ID')).toBe('1214');
    expect(facts(origin, 'Rights')).toBe('(c) SIPRI');

    const tiv = screen
      .getByRole('heading', { name: 'SIPRI TIV (millions), a volume indicator, not money' })
      .closest('section')!;
    expect(facts(tiv, 'Per unit')).toBe('7.5 million TIV');
    expect(facts(tiv, 'Of the order')).toBe('232.5 million TIV');
    // 0 is a count, not "unknown".
    expect(facts(tiv, 'Of deliveries so far')).toBe('0 million TIV');
    expect(tiv.textContent).not.toMatch(/\$|US\$|₹/);

    const quantity = screen.getByRole('heading', { name: /^Quantity/ }).closest('section')!;
    expect(quantity).toHaveTextContent('0 of 31 delivered');
    expect(quantity).toHaveTextContent('No service split');
    // The money section has no figure made from TIV.
    expect(screen.getByRole('heading', { name: 'Money' }).closest('section')!.textContent).not.toContain(
      '232',
    );
  });

  it('shows no import panel on a deal entered in the tracker', async () => {
    renderApp('/deals/mq-9b-2024');
    await screen.findByRole('heading', { level: 1 });
    expect(screen.queryByRole('heading', { name: /^Imported from/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: /SIPRI TIV/ })).not.toBeInTheDocument();
  });

  it('labels the app and its footer with the imported records, per publisher, rights and import day', async () => {
    const sipri = Array.from({ length: 30 }, (_, n) => sipriRecord(n));
    server.use(
      http.get('*/api/deals', () =>
        HttpResponse.json({
          data: [...seedRecords, ...sipri],
          total: seedRecords.length + 30,
          offset: 0,
          limit: 200000,
        }),
      ),
    );
    renderApp('/deals');
    const banner = await screen.findByText(/^Includes 30 records imported from/);
    expect(banner).toHaveTextContent(
      'Includes 30 records imported from SIPRI data (c) SIPRI, imported 1 Dec 2026.',
    );
    // The footer credits the register, not this project's compilation alone.
    expect(screen.getByRole('contentinfo')).toHaveTextContent(
      'compiled from published reports, and 30 records imported from SIPRI data (c) SIPRI; see',
    );
  });
});
