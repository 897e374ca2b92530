/**
 * `npm run bench:trace -- --size 100000 --what search`: where one kind of interaction spends its time.
 * Runs the benchmark's own interaction (search keystroke, facet toggle or dashboard cross-filter) on
 * the production build in `dist/` under a Chrome performance trace (CDP `Tracing`), and prints, per
 * interaction, the probe's input-to-paint time beside the main thread's script, style, layout,
 * pre-paint, paint and garbage-collection time in that window. Build first (`npm run build`).
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { writeFileSync } from 'node:fs';
import {
  measureCrossFilter,
  measureFacet,
  measureSave,
  measureScroll,
  measureSearch,
  openReady,
  READY,
} from './measure.ts';
import { launchChromium } from './chromium.ts';
import { serveStatic } from './serve.ts';
import { summarise } from './stats.ts';
import {
  coveredMs,
  framesOf,
  interactionStarts,
  mainThread,
  traced,
  workPerInteraction,
  type TraceEvent,
} from './work.ts';

const PHASES = {
  script: ['FunctionCall'],
  style: ['UpdateLayoutTree'],
  layout: ['Layout'],
  prepaint: ['PrePaint'],
  paint: ['Paint'],
  gc: ['MinorGC', 'MajorGC'],
} as const;

const { values: args } = parseArgs({
  options: {
    size: { type: 'string', default: '100000' },
    what: { type: 'string', default: 'search' },
    reps: { type: 'string', default: '20' },
    /** The build to serve (dist/ unless given) and its port. */
    dist: { type: 'string' },
    port: { type: 'string' },
    /** Also record a V8 CPU profile of the traced interactions into this file (.cpuprofile, DevTools). */
    cpuprofile: { type: 'string' },
  },
});
const what = args.what ?? 'search';
if (!['search', 'facet', 'cross', 'save', 'scroll'].includes(what))
  throw new Error('--what is search, facet, cross, save or scroll');
const size = args.size ?? '100000';
const reps = Number(args.reps ?? 20);
const root = new URL('..', import.meta.url).pathname;

async function main() {
  const port = Number(args.port ?? 4193);
  const app = await serveStatic(args.dist ?? join(root, 'dist'), port);
  const browser = await launchChromium();
  try {
    const query = size === 'seed' ? '' : `?dataset=synthetic&size=${size}`;
    const target =
      what === 'cross' || what === 'save'
        ? { url: `http://127.0.0.1:${port}/${query}`, ready: READY.dashboard }
        : { url: `http://127.0.0.1:${port}/deals${query}`, ready: READY.table };
    const { context, page } = await openReady(browser, target);
    const interact = (): Promise<number[]> =>
      what === 'scroll'
        ? scrollDown(page)
        : what === 'cross'
          ? measureCrossFilter(page, reps)
          : what === 'save'
            ? measureSave(page, reps, 'dashboard')
            : what === 'facet'
              ? measureFacet(page, reps)
              : measureSearch(page, '#deal-search', '.deals-page .page__head p', reps).then((r) => r.samples);
    await interact(); // warm-up: the JIT and the filter index, as after a few seconds of use
    const cdp = await context.newCDPSession(page);
    if (args.cpuprofile) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      await cdp.send('Profiler.start');
    }
    const { result: samples, events } = await traced(cdp, interact);
    if (args.cpuprofile) {
      const { profile } = await cdp.send('Profiler.stop');
      writeFileSync(args.cpuprofile, JSON.stringify(profile));
      process.stdout.write(`CPU profile: ${args.cpuprofile}\n`);
    }

    if (what === 'scroll') {
      printScroll(samples, events);
      await context.close();
      return;
    }
    const { own } = mainThread(events);
    const type = what === 'search' ? 'keydown' : what === 'save' ? 'bench-save' : 'click';
    const starts = interactionStarts(events, type);
    const totals = Object.fromEntries(Object.keys(PHASES).map((k) => [k, 0])) as Record<
      keyof typeof PHASES,
      number
    >;
    starts.slice(0, samples.length).forEach((start, i) => {
      const end = start + samples[i]! * 1000;
      for (const [phase, names] of Object.entries(PHASES) as [keyof typeof PHASES, readonly string[]][]) {
        totals[phase] += coveredMs(
          own.filter((e) => names.includes(e.name) && e.ts >= start - 2000 && e.ts < end),
        );
      }
    });
    const work = workPerInteraction(events, type, samples);
    const n = Math.min(starts.length, samples.length);
    const figures = summarise(samples);
    process.stdout.write(
      `${what} at ${size}: input to paint median ${figures.median.toFixed(1)} ms, p95 ${figures.p95.toFixed(1)} ms ` +
        `(traced, so slower than the benchmark)\nmain thread per interaction (mean of ${n}): ` +
        Object.entries(totals)
          .map(([phase, ms]) => `${phase} ${(ms / Math.max(n, 1)).toFixed(1)} ms`)
          .join(', ') +
        '\n' +
        (work.length > 0
          ? `main-thread work, event to end of commit: median ${summarise(work).median.toFixed(1)} ms, ` +
            `p95 ${summarise(work).p95.toFixed(1)} ms; frames to screen (60 Hz): median ` +
            `${framesOf(figures.median)}, p95 ${framesOf(figures.p95)}\n`
          : ''),
    );
    await context.close();
  } finally {
    await browser.close();
    app.close();
  }
}

/** The benchmark's scroll (10,000 rows in 120 frames), then back to the top for the next run. */
async function scrollDown(page: Page): Promise<number[]> {
  const frames = await measureScroll(page, '.deal-table', 'table tbody tr', 10_000);
  await page.evaluate(() => document.querySelector('.deal-table')?.scrollTo({ top: 0 }));
  await page.waitForTimeout(200);
  return frames;
}

/**
 * Per frame of the scroll, each phase's main-thread time as wall time and as the thread's CPU time
 * (`tdur`: on a shared machine the wall time includes the thread waiting for a core), and the
 * elements whose style was recalculated.
 */
function printScroll(frames: number[], events: TraceEvent[]) {
  const { own } = mainThread(events);
  const ticks = own
    .filter((e) => e.name === 'FireAnimationFrame')
    .map((e) => e.ts)
    .sort((a, b) => a - b);
  const [from, to] = [ticks[0] ?? 0, ticks[ticks.length - 1] ?? 0];
  const n = Math.max(ticks.length - 1, 1);
  const inScroll = own.filter((e) => e.ts >= from && e.ts < to);
  const cpu = (names: readonly string[]) => {
    let [total, reach] = [0, -Infinity];
    for (const e of inScroll.filter((x) => names.includes(x.name)).sort((a, b) => a.ts - b.ts)) {
      const end = e.ts + (e.dur ?? 0);
      if (end <= reach) continue;
      total += e.tdur ?? e.dur ?? 0;
      reach = end;
    }
    return total / 1000;
  };
  const restyled = inScroll
    .filter((e) => e.name === 'UpdateLayoutTree')
    .reduce((sum, e) => sum + (e.args?.elementCount ?? 0), 0);
  const figures = summarise(frames);
  process.stdout.write(
    `scroll at ${size}: ${frames.filter((f) => f > 17).length} of ${frames.length} frames over 16.7 ms, ` +
      `median ${figures.median.toFixed(1)} ms (traced, so slower than the benchmark)\n` +
      `main thread per frame (mean of ${n}), wall / CPU: ` +
      (Object.entries(PHASES) as [string, readonly string[]][])
        .map(
          ([phase, names]) =>
            `${phase} ${(coveredMs(inScroll.filter((e) => names.includes(e.name))) / n).toFixed(1)} / ` +
            `${(cpu(names) / n).toFixed(1)} ms`,
        )
        .join(', ') +
      `; elements restyled ${Math.round(restyled / n)}\n`,
  );
}

await main();
