import { configure, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { server } from '../../../mocks/node';
import seedRecords from '../../../seeds/deals.json';
import { dealEnvelope } from '../../test/deal-fixtures';
import { renderApp } from '../../test/render-app';

// The machine is shared by several test runs: a lazily loaded page can take over a second to appear.
configure({ asyncUtilTimeout: 8000 });

const MB = 1024 * 1024;
/** A megabyte of one word, as a broken or hostile feed sends it: no space to wrap at. */
const megabyte = (word: string) => word.repeat(Math.ceil(MB / word.length)).slice(0, MB);

const seeds = seedRecords as { id: string; title: string; summary: string }[];
/** The first three seed deals with a 1 MB title and summary each; the API serves them in this order. */
const records = seeds.map((r, i) =>
  i < 3 ? { ...r, title: megabyte(`Deal${i}Title`), summary: megabyte(`Deal${i}Summary`) } : r,
);

function serveHugeDeals() {
  server.use(
    http.get('*/api/deals', () =>
      HttpResponse.json({ data: records, total: records.length, offset: 0, limit: 200_000 }),
    ),
    http.get('*/api/deals/:id', ({ params }) =>
      HttpResponse.json(dealEnvelope(records.find((r) => r.id === params.id))),
    ),
  );
}

describe('a deal page next to deals with 1 MB titles', () => {
  it('names the previous and next deals in at most 200 characters, ending in "…"', async () => {
    serveHugeDeals();
    const started = performance.now();
    renderApp(`/deals/${seeds[1]!.id}`);
    // Timed on plain DOM checks: a role query computes each link's name from its 1 MB text.
    await waitFor(() => {
      expect(document.querySelector('.deal h1')).not.toBeNull();
      expect(document.querySelectorAll('.deal-neighbours a')).toHaveLength(2);
    });
    // A figure for the report, not a budget: jsdom lays nothing out, Chromium's figure is in e2e.
    console.info(`deal page with 1 MB title and summary: ${Math.round(performance.now() - started)} ms`);
    const nav = screen.getByRole('navigation', { name: 'Deals in this view' });
    const previous = within(nav).getByRole('link', { name: /^← Previous:/ });
    const next = within(nav).getByRole('link', { name: /^Next:/ });

    const label = (link: HTMLElement) => link.textContent.replace(/^← Previous: |^Next: | →$/g, '');
    expect(label(previous)).toBe(`${'Deal0Title'.repeat(20).slice(0, 199)}…`);
    expect(label(next)).toBe(`${'Deal2Title'.repeat(20).slice(0, 199)}…`);
    expect(next.textContent.endsWith(' →')).toBe(true);
  });
});
