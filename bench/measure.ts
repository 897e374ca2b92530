import type { Browser, BrowserContext, Page } from 'playwright-core';
import { installProbe, type BenchProbe } from './probe.ts';
import { SAVE_MARK } from './work.ts';

declare const window: { __bench: BenchProbe };

/** Page conditions: each a JavaScript expression evaluated in the page. */
export const READY = {
  dashboard: `(() => {
    const page = document.querySelector('section.dashboard[aria-busy="false"]');
    const cards = [...document.querySelectorAll('figure.chart-card')];
    return !!page && !!page.querySelector('dl.kpis') && cards.length >= 5 &&
      cards.every((c) => c.querySelector('.chart-card__chart svg, .chart-card__empty, .chart-card__table'));
  })()`,
  table: `!!document.querySelector('table[aria-rowcount] tbody tr td')`,
  peer: `!!document.querySelector('.ag-row .ag-cell')`,
  importPage: `!!document.querySelector('.import-drop input[type=file]')`,
  importPreview: `!!document.querySelector('.import-counts') && !!document.querySelector('.import-detected')`,
};

const changed = (selector: string, before: string) =>
  `(document.querySelector(${JSON.stringify(selector)})?.textContent ?? '') !== ${JSON.stringify(before)}`;

export interface Target {
  /** The page's address with the data set in its query string. */
  url: string;
  ready: string;
}

export interface LoadFigures {
  /** Navigation start to the first view painted, one value per load. */
  loads: number[];
  /** Used JS heap after the last load, after a forced garbage collection (bytes). */
  heapBytes: number;
  /** JavaScript the first load fetched: file name to bytes as served. */
  scripts: Map<string, number>;
}

async function openPage(context: BrowserContext, url: string, onPage?: (page: Page) => void): Promise<Page> {
  const page = await context.newPage();
  page.setDefaultTimeout(180_000);
  onPage?.(page);
  await page.goto(url);
  return page;
}

export async function newContext(browser: Browser, target: Target): Promise<BrowserContext> {
  // The probe compiles its wait conditions with new Function, which the app's CSP (no 'unsafe-eval')
  // refuses: measurement code is not the app, so the benchmark's pages bypass the policy.
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, bypassCSP: true });
  await context.addInitScript(installProbe, { loaded: target.ready });
  return context;
}

/**
 * Loads the page once to install the service worker and fill the HTTP cache, as on any visit after
 * the first, then `times` more times; each load is timed in the page.
 */
export async function measureLoad(browser: Browser, target: Target, times: number): Promise<LoadFigures> {
  const context = await newContext(browser, target);
  const scripts = new Map<string, number>();
  const page = await openPage(context, target.url, (p) =>
    p.on('response', (response) => {
      if (response.request().resourceType() === 'script') scripts.set(new URL(response.url()).pathname, 0);
    }),
  );
  await page.evaluate(() => window.__bench.loaded);
  page.removeAllListeners('response');
  const loads: number[] = [];
  for (let i = 0; i < times; i += 1) {
    await page.reload();
    loads.push(await page.evaluate(() => window.__bench.loaded));
  }
  // The heap as the page settles: work the app leaves for idle time (the search text of the filter
  // index) is done before it is weighed, as it is a few seconds after any load.
  await page.waitForTimeout(2000);
  await page.evaluate(() => new Promise((done) => requestIdleCallback(done, { timeout: 10_000 })));
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  await context.close();
  return { loads, heapBytes: heap.usedSize, scripts };
}

/** Repeats `act` and returns each input-to-paint latency the probe measured. */
async function interactions(
  page: Page,
  reps: number,
  step: (i: number) => Promise<{ event: string; until: string; act: () => Promise<void> }>,
): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < reps; i += 1) {
    const { event, until, act } = await step(i);
    await page.evaluate(([e, u]) => window.__bench.arm(e!, u!), [event, until]);
    await act();
    samples.push(await page.evaluate(() => window.__bench.pending!));
  }
  return samples;
}

// One-character queries, each narrowing the synthetic deals to a different share of them and none
// matching every deal of any size: a keystroke that changes no count paints nothing to wait for.
// Checked against the seeds and 10k–100k synthetic deals ('v' matches all 24 seeds, 'g' all synthetic
// deals); the seven letters here are the only ones that narrow every size.
const KEYS = ['q', 'x', 'z', 'j', 'k', 'w', 'b'];

/**
 * Types one character into the search box and deletes it again, alternately; both keystrokes are
 * timed until the count of matching deals (and its rows) is painted. Returns also the counts seen,
 * so the run can check that the tracker and the peer found the same deals.
 */
export async function measureSearch(
  page: Page,
  input: string,
  count: string,
  reps: number,
): Promise<{ samples: number[]; counts: Map<string, string> }> {
  const counts = new Map<string, string>();
  const box = page.locator(input);
  await box.click();
  const samples = await interactions(page, reps, async (i) => {
    const before = (await page.locator(count).textContent()) ?? '';
    const key = KEYS[Math.floor(i / 2) % KEYS.length]!;
    const typing = i % 2 === 0;
    return {
      event: 'keydown',
      until: changed(count, before),
      act: () => page.keyboard.press(typing ? key : 'Backspace'),
    };
  });
  for (const key of KEYS.slice(0, 3)) {
    await box.fill(key);
    await page.waitForFunction(([sel, k]) => document.querySelector(sel!)?.textContent !== k, [count, '']);
    await page.waitForTimeout(300);
    counts.set(key, ((await page.locator(count).textContent()) ?? '').replace(/\D+/g, ' ').trim());
  }
  await box.fill('');
  return { samples, counts };
}

/** Ticks and unticks a facet option in the table's filter panel. */
export async function measureFacet(page: Page, reps: number): Promise<number[]> {
  const option = page.locator('aside.facets input[type="checkbox"]').first();
  const count = '.deals-page .page__head p';
  return interactions(page, reps, async () => {
    const before = (await page.locator(count).textContent()) ?? '';
    return { event: 'click', until: changed(count, before), act: () => option.click() };
  });
}

/** Clicks the Navy bar of the units chart (platforms ordered by service), on and off: the dashboard cross-filter. */
export async function measureCrossFilter(page: Page, reps: number): Promise<number[]> {
  const figure = page.getByRole('figure', { name: /ordered, by armed service/ });
  const meta = 'section.dashboard .page__meta';
  return interactions(page, reps, async () => {
    const before = (await page.locator(meta).textContent()) ?? '';
    // A filter can grow the page above the chart (the derived-share figure): keep the bar in view.
    await figure.scrollIntoViewIfNeeded();
    // The middle of the largest bar segment above the "Navy" tick, wherever the axis sits at this size.
    const point = await figure.evaluate((root) => {
      const tick = [...root.querySelectorAll('svg text')].find((t) => t.textContent === 'Navy');
      if (!tick) throw new Error('no Navy tick in the units chart');
      const x = tick.getBoundingClientRect().x + tick.getBoundingClientRect().width / 2;
      const bars = [...root.querySelectorAll('.recharts-bar-rectangle path')]
        .map((bar) => bar.getBoundingClientRect())
        .filter((box) => box.left <= x && box.right >= x && box.height > 0)
        .sort((a, b) => b.height - a.height);
      const bar = bars[0];
      if (!bar) throw new Error('no bar above the Navy tick');
      return { x, y: bar.top + bar.height / 2 };
    });
    return {
      event: 'click',
      until: `${changed(meta, before)} && !!document.querySelector('section.dashboard[aria-busy="false"]')`,
      act: () => page.mouse.click(point.x, point.y),
    };
  });
}

/** Exports the stage chart as a 2× PNG, from the click to the finished file. */
export async function measurePngExport(page: Page, reps: number): Promise<number[]> {
  const figure = page.getByRole('figure', { name: /Deals by lifecycle stage/ });
  const samples: number[] = [];
  for (let i = 0; i < reps; i += 1) {
    const trigger = figure.locator('button.export-menu__trigger');
    if ((await trigger.getAttribute('aria-expanded')) !== 'true') await trigger.click();
    await page.evaluate(() => window.__bench.armDownload());
    await figure.getByRole('button', { name: 'PNG 2×', exact: true }).click();
    samples.push(await page.evaluate(() => window.__bench.pending!));
  }
  return samples;
}

/** Frame durations while the table scrolls by `rows` rows in two seconds. */
export async function measureScroll(
  page: Page,
  scroller: string,
  row: string,
  rows: number,
): Promise<number[]> {
  const rowHeight = await page
    .locator(row)
    .first()
    .evaluate((r) => r.getBoundingClientRect().height);
  return page.evaluate(([sel, distance]) => window.__bench.scroll(sel, distance, 120), [
    scroller,
    rows * rowHeight,
  ] as const);
}

export async function openReady(
  browser: Browser,
  target: Target,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newContext(browser, target);
  const page = await openPage(context, target.url);
  await page.evaluate(() => window.__bench.loaded);
  return { context, page };
}

/**
 * Installs `window.__benchSave(i)`, which saves one deal the way a save reaches the screens: the
 * cached deal list is patched with the edited deal (a new list, the other deals as they were) through
 * the app's own QueryClient, as the optimistic write does (`patchLists` → `applyDealChange` →
 * `setQueryData`). The deal is the first of the list with a dollar figure: one of the table's first
 * rows when unsorted, and its value moves the dashboard's key figures. Even saves put "saved N" in
 * front of its title and add $100 trillion to its figure (visible in any total); odd ones take it back.
 */
export async function installSave(page: Page): Promise<void> {
  await page.evaluate(() => {
    type Figure = { id: string; amount: number; currency: string };
    type Deal = { id: string; title: string; figures: Figure[]; headlineFigureId?: string };
    type List = { deals: Deal[] };
    type Query = { queryKey: unknown[]; state: { data?: unknown } };
    type Client = {
      getQueryCache(): { findAll(filter: { queryKey: unknown[] }): Query[] };
      setQueryData(key: unknown[], data: unknown): unknown;
    };
    type Fiber = { memoizedProps?: { client?: Client }; child?: Fiber; sibling?: Fiber };
    const root = document.getElementById('root') as unknown as Record<string, Fiber> | null;
    const key = root && Object.keys(root).find((k) => k.startsWith('__reactContainer$'));
    let client: Client | undefined;
    const stack: Fiber[] = key ? [root[key]!] : [];
    while (stack.length > 0 && !client) {
      const fiber = stack.pop()!;
      if (typeof fiber.memoizedProps?.client?.getQueryCache === 'function')
        client = fiber.memoizedProps.client;
      if (fiber.sibling) stack.push(fiber.sibling);
      if (fiber.child) stack.push(fiber.child);
    }
    if (!client) throw new Error('no QueryClient in the page');
    const found = client;
    const original = new Map<string, Deal>();
    (window as unknown as { __benchSave: (i: number) => void }).__benchSave = (i: number) => {
      const query = found
        .getQueryCache()
        .findAll({ queryKey: ['deals'] })
        .find((q) => q.queryKey[2] === 'list' && q.state.data !== undefined);
      if (!query) throw new Error('no deal list in the cache');
      const list = query.state.data as List;
      const at = list.deals.findIndex((d) => d.figures.some((f) => f.currency === 'USD'));
      const deal = list.deals[at]!;
      const first = original.get(deal.id) ?? deal;
      original.set(deal.id, first);
      const add = i % 2 === 0 ? 1e14 : 0;
      const figure = first.figures.find((f) => f.currency === 'USD')!;
      const edited: Deal = {
        ...first,
        title: `saved ${i} · ${first.title}`,
        figures: first.figures.map((f) => (f === figure ? { ...f, amount: f.amount + add } : f)),
      };
      const deals = list.deals.slice();
      deals[at] = edited;
      found.setQueryData(query.queryKey, { ...list, deals });
    };
  });
}

/**
 * Saves one deal (`installSave`) and times it from the save to the table's row, or the dashboard's
 * key figures, painted with the new values.
 */
export async function measureSave(page: Page, reps: number, on: 'table' | 'dashboard'): Promise<number[]> {
  await installSave(page);
  const samples: number[] = [];
  for (let i = 0; i < reps; i += 1) {
    // Read in the page: a locator would wait for key figures the table page does not have.
    const kpis = await page.evaluate(() => document.querySelector('dl.kpis')?.textContent ?? '');
    const until =
      on === 'table'
        ? `[...document.querySelectorAll('table tbody tr')].some((r) => (r.textContent ?? '').includes('saved ${i} ·'))`
        : `(document.querySelector('dl.kpis')?.textContent ?? '') !== ${JSON.stringify(kpis)}`;
    samples.push(
      await page.evaluate(
        ([u, n, mark]) => {
          window.__bench.arm('bench-save', u);
          // A synthetic event is not in a trace's input events: the mark is where the save starts.
          performance.mark(mark);
          dispatchEvent(new Event('bench-save'));
          (window as unknown as { __benchSave: (i: number) => void }).__benchSave(n);
          return window.__bench.pending!;
        },
        [until, i, SAVE_MARK] as const,
      ),
    );
  }
  return samples;
}

/**
 * A file on disk, as `setInputFiles` takes it: a path is handed to the browser as a file (CDP), where
 * a buffer would be rebuilt in the page by script, a long task of the harness's own.
 */
export type BenchFile = string;

export interface ImportFigures {
  /** The file chosen (the input's change event) to the preview's counts painted, one per rep. */
  preview: number[];
  /** Main-thread tasks over 50 ms during each of those (PerformanceObserver 'longtask'). */
  longTasks: number[];
  /** Confirm clicked to the "Imported …" toast painted: once, on the last rep's preview. */
  commit?: number;
}

/**
 * The Import page (`/import` of `base`): chooses the file through the picker, times it to the preview
 * painted and counts long tasks meanwhile; Cancel between reps. With `commit`, the last preview is
 * confirmed and timed to the toast.
 */
export async function measureImport(
  browser: Browser,
  base: string,
  file: BenchFile,
  reps: number,
  commit: boolean,
): Promise<ImportFigures> {
  const context = await newContext(browser, { url: `${base}/import`, ready: READY.importPage });
  const page = await openPage(context, `${base}/import`);
  await page.evaluate(() => window.__bench.loaded);
  await page.evaluate(() => {
    const w = window as unknown as { __longTasks: number[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (entry.duration > 50) w.__longTasks.push(entry.duration);
    }).observe({ type: 'longtask' });
  });
  const figures: ImportFigures = { preview: [], longTasks: [] };
  const input = page.getByLabel('Choose a file to import');
  for (let i = 0; i < reps; i += 1) {
    await page.evaluate((until) => {
      (window as unknown as { __longTasks: number[] }).__longTasks = [];
      window.__bench.arm('change', until);
    }, READY.importPreview);
    await input.setInputFiles(file);
    figures.preview.push(await page.evaluate(() => window.__bench.pending!));
    figures.longTasks.push(
      await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks.length),
    );
    if (i < reps - 1 || !commit) {
      await page.getByRole('button', { name: 'Cancel' }).click();
      await input.waitFor();
    }
  }
  if (commit) {
    await page.evaluate(() =>
      window.__bench.arm(
        'click',
        `[...document.querySelectorAll('.toast')].some((t) => /Imported \\d/.test(t.textContent ?? ''))`,
      ),
    );
    await page.getByRole('button', { name: /^Confirm: import/ }).click();
    figures.commit = await page.evaluate(() => window.__bench.pending!);
  }
  await context.close();
  return figures;
}
