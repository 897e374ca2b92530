import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { server } from '../../../mocks/node';
import seedRecords from '../../../seeds/deals.json';
import { Deal, LABELS } from '../../domain';
import { dealEnvelope } from '../../test/deal-fixtures';
import { renderApp } from '../../test/render-app';
import { outsideIsolates } from '../../test/outside-isolates';

// The machine is shared by several test runs: a lazily loaded page can take over a second to appear.
configure({ asyncUtilTimeout: 4000 });

/** A seed deal as the API serves it, to name its sources as the page should. */
const seed = (id: string) => Deal.parse(seedRecords.find((r) => r.id === id));
const sourceNames = (deal: Deal, ids: readonly string[]) =>
  ids.map((id) => {
    const source = deal.sources.find((s) => s.id === id)!;
    return `${source.publisher}: ${source.title}`;
  });
/** The sources cited within an element, as the reader sees them named (linked or not). */
const citedNames = (element: HTMLElement) =>
  [...element.querySelectorAll('.citations .source-name')].map((name) => name.textContent);

/**
 * Matches the element whose whole text is `text`, values in their <bdi> included (the innermost such
 * element), as a reader sees the words run together.
 */
const wholeText = (text: string) => (_: string, element: Element | null) =>
  element?.textContent === text && ![...element.children].some((child) => child.textContent === text);

const hostile = {
  id: 'hostile',
  title: '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>',
  summary: 'Ṫëxt ‮right-to-left‬ 🚁 ' + 'Supercalifragilistic'.repeat(20),
  kind: 'purchase',
  status: 'announced',
  buyerCountries: ['IN'],
  supplierCountries: ['US'],
  sources: [
    { id: 'js', title: 'Script link', publisher: 'Evil', url: 'javascript:window.__pwned=1' },
    { id: 'data', title: 'Data link', publisher: 'Evil', url: 'data:text/html,<script>alert(1)</script>' },
    {
      id: 'ok',
      title: 'Real link',
      publisher: 'Fine',
      url: 'https://example.org/report',
      quote: '"quoted" <b>bold</b>',
    },
  ],
  figures: [
    { id: 'f', amount: 1e9, currency: 'USD', kind: 'signed', asOf: '2024', sourceIds: ['js', 'data', 'ok'] },
  ],
  headlineFigureId: 'f',
};

const RLO = '\u202e';
/** A deal whose every name carries an unterminated right-to-left override (and the system a NUL). */
const spoofing = {
  ...Deal.parse(seedRecords.find((r) => r.id === 'mq-9b-2024')),
  id: 'spoofing',
  title: `${RLO}31 drones for the navy`,
  system: { name: `${RLO}MQ\u00009B`, variant: `${RLO}Sea`, category: 'uav' },
  parties: [{ name: `${RLO}Ministry`, role: 'buyer-government', country: 'IN' }],
};
spoofing.quantity = { ...spoofing.quantity!, unit: `${RLO}drones` };

describe('the deal page', () => {
  it('keeps its own words in logical order around a title, system, party and unit with U+202E', async () => {
    server.use(http.get('*/api/deals/spoofing', () => HttpResponse.json(dealEnvelope(spoofing))));
    renderApp('/deals/spoofing');
    const heading = await screen.findByRole('heading', { level: 1 });
    expect(outsideIsolates(heading)).toBe('[value]');
    const facts = (term: string) => screen.getByText(term, { selector: 'dt' }).nextElementSibling!;
    expect(outsideIsolates(facts('System'))).toBe('[value] ([value]) · UAV');
    expect(outsideIsolates(facts('Parties'))).toBe('[value] (buyer government)');
    expect(outsideIsolates(screen.getByRole('heading', { name: /^Quantity/ }))).toBe('Quantity: 31 [value]');
    expect(outsideIsolates(screen.getByRole('heading', { name: /by armed service$/ }))).toBe(
      '[value] [value] by armed service',
    );
    expect(screen.getByRole('heading', { name: 'Sources' })).toBeInTheDocument();
    // Every override the page shows sits inside an isolate, and the NUL is gone.
    const article = document.querySelector('article')!;
    expect(outsideIsolates(article)).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    expect(article.textContent).not.toContain('\u0000');
  });

  it('names an unknown id from a link with U+202E apart from its own words', async () => {
    renderApp(`/deals/${encodeURIComponent(`${RLO}gone`)}`);
    expect(await screen.findByRole('heading', { name: 'Deal not found' })).toBeInTheDocument();
    const sentence = screen.getByText(/No deal has the id/);
    expect(outsideIsolates(sentence)).toBe(
      'No deal has the id [value]. It may have been renamed or removed; search the list of deals.',
    );
  });

  it('shows the MQ-9B with every reported figure, the disagreement and its sources', async () => {
    const user = userEvent.setup();
    renderApp('/deals?q=MQ-9B');
    await user.click(await screen.findByRole('link', { name: /^31 MQ-9B/ }));
    expect(await screen.findByRole('heading', { level: 1, name: /MQ-9B/ })).toBeInTheDocument();
    expect(screen.getByText(/Sources disagree/)).toBeInTheDocument();
    const money = screen.getByRole('table', { name: 'Reported values' });
    expect(within(money).getByText('Headline')).toBeInTheDocument();
    expect(within(money).getAllByText('Unconfirmed').length).toBeGreaterThan(0);
    expect(screen.getByRole('img', { name: /Navy 15, Army 8, Air Force 8/ })).toBeInTheDocument();
  });

  it("names the sources of the total, of each service's share, of the end user and of each milestone", async () => {
    const deal = seed('mq-9b-2024');
    const quantity = deal.quantity!;
    renderApp(`/deals/${deal.id}`);
    const total = await screen.findByText('Sources of the total:');
    expect(citedNames(total.parentElement!)).toEqual(sourceNames(deal, quantity.sourceIds));

    const split = screen.getByRole('table', { name: /Split by armed service/ });
    for (const allocation of quantity.allocations) {
      const row = within(split).getByRole('row', {
        name: new RegExp(`^${LABELS.service[allocation.service]}`),
      });
      expect(row).toHaveTextContent(String(allocation.count));
      expect(citedNames(row)).toEqual(sourceNames(deal, allocation.sourceIds ?? quantity.sourceIds));
    }

    const receiving = screen.getByRole('region', { name: /^Receiving services:/ });
    expect(receiving).toHaveAccessibleName('Receiving services: Navy, Army, Air Force');
    expect(citedNames(receiving)).toEqual(sourceNames(deal, deal.endUser!.sourceIds));

    const milestones = [...screen.getByRole('list', { name: 'Milestones' }).children] as HTMLElement[];
    expect(milestones).toHaveLength(deal.milestones.length);
    deal.milestones.forEach((m, i) => {
      expect(milestones[i]).toHaveTextContent(m.label);
      // A plan's sources come first, beside its date, then the sources of the date itself.
      expect(citedNames(milestones[i]!)).toEqual(
        sourceNames(deal, [...(m.planned?.sourceIds ?? []), ...m.sourceIds]),
      );
    });
  });

  it("names the money table's sources by publisher and title, never by id, with the quote on demand", async () => {
    const user = userEvent.setup();
    const deal = seed('mq-9b-2024');
    renderApp(`/deals/${deal.id}`);
    const money = await screen.findByRole('table', { name: 'Reported values' });
    const rows = within(money).getAllByRole('row').slice(1);
    deal.figures.forEach((figure, i) => {
      expect(citedNames(rows[i]!)).toEqual(sourceNames(deal, figure.sourceIds));
      for (const id of figure.sourceIds) expect(rows[i]).not.toHaveTextContent(id);
    });
    const quoted = deal.sources.find((s) => s.quote && deal.figures[0]!.sourceIds.includes(s.id))!;
    const quote = within(rows[0]!).getByText(wholeText(`“${quoted.quote}”`));
    expect(quote).not.toBeVisible();
    await user.click(within(rows[0]!).getByText('Quote'));
    expect(quote).toBeVisible();
    const link = within(rows[0]!).getByRole('link', { name: `${quoted.publisher}: ${quoted.title}` });
    expect(link).toHaveAttribute('href', quoted.url);
  });

  it('shows a receiving service stated without a count, with its note, and says when none is known', async () => {
    const stryker = seed('stryker-co-production');
    const { router } = renderApp(`/deals/${stryker.id}`);
    const receiving = await screen.findByRole('region', { name: /^Receiving service:/ });
    expect(receiving).toHaveAccessibleName(`Receiving service: ${LABELS.service.army}`);
    expect(receiving).toHaveTextContent(stryker.endUser!.note!);
    expect(citedNames(receiving)).toEqual(sourceNames(stryker, stryker.endUser!.sourceIds));

    const unknown = seedRecords.find((r) => !('endUser' in r) && !('quantity' in r))!;
    await router.navigate(`/deals/${unknown.id}`);
    expect(await screen.findByRole('heading', { level: 1 })).toHaveTextContent(unknown.title);
    expect(screen.getByRole('heading', { name: 'Receiving service not known' })).toBeInTheDocument();
  });

  it('renders a hostile record as inert text and links only http(s) sources', async () => {
    server.use(http.get('*/api/deals/hostile', () => HttpResponse.json(dealEnvelope(hostile))));
    renderApp('/deals/hostile');
    expect(await screen.findByRole('heading', { level: 1 })).toHaveTextContent(hostile.title);
    expect(document.querySelector('script, img[src="x"]')).toBeNull();
    expect(screen.queryByRole('link', { name: 'Script link' })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Data link' })).not.toBeInTheDocument();
    expect(
      screen.getByText(wholeText('Address (not linked): javascript:window.__pwned=1')),
    ).toBeInTheDocument();
    // Where a figure cites them, the same holds: a dangerous address is named, not linked.
    const money = screen.getByRole('table', { name: 'Reported values' });
    expect(within(money).getByText(wholeText('Evil: Script link'))).not.toHaveAttribute('href');
    expect(within(money).getByRole('link', { name: 'Fine: Real link' })).toHaveAttribute(
      'href',
      'https://example.org/report',
    );
    const real = screen.getByRole('link', { name: 'Real link' });
    expect(real).toHaveAttribute('href', 'https://example.org/report');
    expect(real).toHaveAttribute('rel', 'noopener noreferrer');
    // In the list of sources and in the figure's citation.
    expect(screen.getAllByText(wholeText('“"quoted" <b>bold</b>”'))).toHaveLength(2);
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('shows a megabyte-long title and summary cut, with the rest on request', async () => {
    const huge = { ...seedRecords.find((r) => r.id === 'm777-2016')!, id: 'huge' };
    huge.title = `Guns ${'x'.repeat(1_000_000)}`;
    huge.summary = `Summary ${'y'.repeat(1_000_000)}`;
    server.use(http.get('*/api/deals/huge', () => HttpResponse.json(dealEnvelope(huge))));
    const user = userEvent.setup();
    renderApp('/deals/huge');
    const heading = await screen.findByRole('heading', { level: 1 });
    expect(heading.textContent.length).toBeLessThan(300);
    expect(heading).toHaveTextContent(/^Guns x+… Show all \(1\.0 million characters\)$/);
    const more = screen.getAllByRole('button', { name: /Show all \(1\.0 million characters\)/ });
    expect(more).toHaveLength(2);
    await user.click(more[1]!);
    expect(document.querySelector('.deal__summary')!.textContent).toBe(huge.summary);
  });

  it('steps to the previous and next deal of the filtered, sorted view it came from', async () => {
    const user = userEvent.setup();
    const { router } = renderApp('/deals/m777-2016?kind=purchase&sort=quantity:desc');
    const nav = await screen.findByRole('navigation', { name: 'Deals in this view' });
    expect(nav).toHaveTextContent('2 of 18 in this view');
    expect(within(nav).getByRole('link', { name: /Previous: 216 Excalibur/ })).toBeInTheDocument();
    await user.click(within(nav).getByRole('link', { name: /Next: 113 more F404-IN20/ }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/deals/f404-in20-2025'));
    expect(router.state.location.search).toBe('?kind=purchase&sort=quantity:desc');
    expect(await screen.findByText('3 of 18 in this view')).toBeInTheDocument();
  });
});
