/**
 * `npm run bench`: builds the app and the AG Grid peer, serves both production builds on 127.0.0.1,
 * drives Debian's Chromium and writes bench/results/<date>.json and .md. `--smoke` runs the small
 * sizes only, writes to reports/, and is what CI runs: its figures are printed, not asserted.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import {
  measureCrossFilter,
  measureFacet,
  measureImport,
  measureLoad,
  measurePngExport,
  measureSave,
  measureScroll,
  measureSearch,
  openReady,
  READY,
} from './measure.ts';
import { generatedSipriFile, sipriIndiaFile } from './import-files.ts';
import {
  budgetVerdicts,
  toMarkdown,
  type Chunk,
  type ImportResult,
  type Results,
  type SizeResult,
  type WorkedInteraction,
} from './report.ts';
import { launchChromium } from './chromium.ts';
import { traced, workPerInteraction } from './work.ts';
import type { Page } from 'playwright-core';
import { serveStatic } from './serve.ts';
import { summarise, type Summary } from './stats.ts';

// The repository: where this file sits, or, when it runs bundled into bench/scratch/ (a Node without
// TypeScript type stripping, see `bench:bundle`), the folder npm runs the script from.
const here = new URL('..', import.meta.url).pathname;
const root = existsSync(join(here, 'package.json')) ? here : process.cwd();
const { values: args } = parseArgs({
  options: {
    smoke: { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
    sizes: { type: 'string' },
    reps: { type: 'string' },
    loads: { type: 'string' },
    /** Where the app is built and served from (the peer stays in dist-bench/), and the first of two ports. */
    dist: { type: 'string' },
    port: { type: 'string' },
    /**
     * Only these parts, comma-separated: load, table, peer, dashboard (save to the dashboard, the
     * cross-filter, the PNG export), import (on the seed data: the SIPRI files' preview and commit).
     * Figures are printed and written to bench/scratch/, not results/.
     */
    only: { type: 'string' },
    /** Rows of the generated SIPRI file the import figures read. */
    'import-rows': { type: 'string' },
  },
});
const only = args.only ? new Set(args.only.split(',')) : undefined;
const runs = (part: 'load' | 'table' | 'peer' | 'dashboard' | 'import') => !only || only.has(part);
const importRows = Number(args['import-rows'] ?? 30_000);
const dist = args.dist ?? join(root, 'dist');
const port = Number(args.port ?? 4191);
const smoke = args.smoke ?? false;
const sizes = (args.sizes ?? (smoke ? 'seed,1000' : 'seed,1000,10000,30000,100000')).split(',');
const reps = Number(args.reps ?? (smoke ? 4 : 30));
const loadsPerSize = Number(args.loads ?? (smoke ? 1 : 3));

function build(configArgs: string[]) {
  const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn', ...configArgs], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error(`vite build ${configArgs.join(' ')} failed`);
}

const log = (line: string) => process.stdout.write(`${line}\n`);
const ms = (samples: number[]) => summarise(samples);
// The traced pass that gives each interaction's main-thread work: fewer reps, as tracing slows them.
const workReps = Math.min(reps, 10);

/** Repeats an interaction under a trace; the main thread's work of each repetition (ms). */
async function workOf(page: Page, type: string, interact: () => Promise<number[]>): Promise<number[]> {
  const cdp = await page.context().newCDPSession(page);
  const { result, events } = await traced(cdp, interact);
  await cdp.detach();
  return workPerInteraction(events, type, result);
}

async function main() {
  if (!args['no-build']) {
    log('Building the app and the AG Grid peer (production builds)…');
    build(args.dist ? ['--outDir', dist, '--emptyOutDir'] : []);
    build(['--config', 'bench/peer/vite.config.ts']);
  }
  const app = await serveStatic(dist, port);
  const peer = await serveStatic(join(root, 'dist-bench'), port + 1);
  const browser = await launchChromium();
  const results: SizeResult[] = [];
  let firstLoadScripts = new Map<string, number>();
  let importResult: ImportResult | undefined;
  try {
    for (const size of sizes) {
      const query = size === 'seed' ? '' : `?dataset=synthetic&size=${size}`;
      const at = (base: string, path: string) => `${base}${path}${query}`;
      const ours = {
        dashboard: at(`http://127.0.0.1:${port}`, '/'),
        table: at(`http://127.0.0.1:${port}`, '/deals'),
      };
      const theirs = at(`http://127.0.0.1:${port + 1}`, '/');
      log(`\n${size === 'seed' ? 'Seed data' : `${Number(size).toLocaleString('en')} synthetic deals`}`);

      // The import figures: on the seed data set, which a 30,000-deal commit must not outgrow between reps.
      if (size === 'seed' && runs('import')) {
        importResult = await measureImports(browser, `http://127.0.0.1:${port}`);
        if (only?.size === 1) continue;
      }
      if (only) {
        await runOnly(browser, ours, theirs, size);
        continue;
      }
      const dashboardLoad = await measureLoad(
        browser,
        { url: ours.dashboard, ready: READY.dashboard },
        loadsPerSize,
      );
      if (size === sizes[0]) firstLoadScripts = dashboardLoad.scripts;
      log(`  load → dashboard painted: ${dashboardLoad.loads.map(Math.round).join(', ')} ms`);
      const tableLoad = await measureLoad(browser, { url: ours.table, ready: READY.table }, loadsPerSize);
      log(`  load → table painted: ${tableLoad.loads.map(Math.round).join(', ')} ms`);
      const peerLoad = await measureLoad(browser, { url: theirs, ready: READY.peer }, loadsPerSize);
      log(`  load → AG Grid painted: ${peerLoad.loads.map(Math.round).join(', ')} ms`);

      const table = await openReady(browser, { url: ours.table, ready: READY.table });
      const search = await measureSearch(table.page, '#deal-search', '.deals-page .page__head p', reps);
      log(`  table search: median ${ms(search.samples).median.toFixed(1)} ms`);
      const facet = await measureFacet(table.page, reps);
      log(`  facet toggle: median ${ms(facet).median.toFixed(1)} ms`);
      const work: Partial<Record<WorkedInteraction, Summary>> = {};
      work.search = ms(
        await workOf(
          table.page,
          'keydown',
          async () =>
            (await measureSearch(table.page, '#deal-search', '.deals-page .page__head p', workReps)).samples,
        ),
      );
      work.facet = ms(await workOf(table.page, 'click', () => measureFacet(table.page, workReps)));
      log(`  work: search ${work.search.median.toFixed(1)} ms, facet ${work.facet.median.toFixed(1)} ms`);
      const rows = size === 'seed' ? 0 : Math.min(10_000, Number(size) - 40);
      const scroll = rows > 0 ? await measureScroll(table.page, '.deal-table', 'table tbody tr', rows) : [];
      await table.context.close();
      // A fresh page, so the save finds the table as a user does: at the top, unsorted, unfiltered.
      const saving = await openReady(browser, { url: ours.table, ready: READY.table });
      const saveTable = await measureSave(saving.page, reps, 'table');
      log(`  save one deal → table painted: median ${ms(saveTable).median.toFixed(1)} ms`);
      work.saveTable = ms(
        await workOf(saving.page, 'bench-save', () => measureSave(saving.page, workReps, 'table')),
      );
      await saving.context.close();

      const grid = await openReady(browser, { url: theirs, ready: READY.peer });
      const peerSearch = await measureSearch(grid.page, '#peer-search', '#peer-count', reps);
      log(`  AG Grid quick filter: median ${ms(peerSearch.samples).median.toFixed(1)} ms`);
      const peerScroll = rows > 0 ? await measureScroll(grid.page, '.ag-grid-viewport', '.ag-row', rows) : [];
      await grid.context.close();
      for (const [key, count] of search.counts) {
        if (peerSearch.counts.get(key) !== count) {
          throw new Error(
            `unfair comparison: "${key}" finds ${count} in the tracker, ${peerSearch.counts.get(key)} in AG Grid`,
          );
        }
      }

      const dashboard = await openReady(browser, { url: ours.dashboard, ready: READY.dashboard });
      const saveDashboard = await measureSave(dashboard.page, reps, 'dashboard');
      log(`  save one deal → dashboard painted: median ${ms(saveDashboard).median.toFixed(1)} ms`);
      const cross = await measureCrossFilter(dashboard.page, reps);
      log(`  dashboard cross-filter: median ${ms(cross).median.toFixed(1)} ms`);
      work.saveDashboard = ms(
        await workOf(dashboard.page, 'bench-save', () => measureSave(dashboard.page, workReps, 'dashboard')),
      );
      work.crossFilter = ms(
        await workOf(dashboard.page, 'click', () => measureCrossFilter(dashboard.page, workReps)),
      );
      log(
        `  work: save → table ${work.saveTable.median.toFixed(1)} ms, save → dashboard ` +
          `${work.saveDashboard.median.toFixed(1)} ms, cross-filter ${work.crossFilter.median.toFixed(1)} ms`,
      );
      const png = await measurePngExport(dashboard.page, Math.min(reps, 10));
      await dashboard.context.close();

      results.push({
        size: size === 'seed' ? 'seed' : Number(size),
        load: { dashboard: ms(dashboardLoad.loads), table: ms(tableLoad.loads), agGrid: ms(peerLoad.loads) },
        heapMB: {
          dashboard: dashboardLoad.heapBytes / 2 ** 20,
          table: tableLoad.heapBytes / 2 ** 20,
          agGrid: peerLoad.heapBytes / 2 ** 20,
        },
        latency: {
          search: ms(search.samples),
          facet: ms(facet),
          crossFilter: ms(cross),
          agGridQuickFilter: ms(peerSearch.samples),
          saveTable: ms(saveTable),
          saveDashboard: ms(saveDashboard),
        },
        scroll:
          scroll.length > 0
            ? {
                rows,
                frames: scroll.length,
                over16: scroll.filter((f) => f > 17).length,
                worst: Math.max(...scroll),
                agGridOver16: peerScroll.filter((f) => f > 17).length,
                agGridWorst: Math.max(...peerScroll),
              }
            : undefined,
        pngExport2x: ms(png),
        work,
        searchCounts: Object.fromEntries(search.counts),
      });
    }
  } finally {
    await browser.close();
    app.close();
    peer.close();
  }

  if (only) return;
  const mock = mockApiChunks();
  const chunks: Chunk[] = [...firstLoadScripts.keys()].map((path) => {
    const bytes = readFileSync(join(dist, path));
    return {
      file: path,
      bytes: bytes.length,
      gzipBytes: gzipSync(bytes).length,
      mockApi: mock.has(path),
    };
  });
  const date = new Date().toISOString().slice(0, 10);
  const report: Results = {
    date,
    commit: execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root }).toString().trim(),
    machine: {
      cpus: cpus().length,
      cpu: cpus()[0]?.model ?? '?',
      node: process.version,
      chromium: browser.version(),
    },
    reps,
    loadsPerSize,
    sizes: results,
    firstLoadJs: chunks,
    ...(importResult ? { import: importResult } : {}),
  };
  report.budgets = budgetVerdicts(report);
  const dir = smoke ? join(root, 'reports') : join(root, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const name = smoke ? 'bench-smoke' : date;
  writeFileSync(join(dir, `${name}.json`), `${JSON.stringify(report, null, 2)}\n`);
  const markdown = toMarkdown(report);
  writeFileSync(join(dir, `${name}.md`), markdown);
  log(`\n${markdown}`);
  log(`Written: ${join(dir, name)}.json and .md`);
}

/** Parse + preview of the SIPRI India file and of a generated file, then the generated file's commit. */
async function measureImports(
  browser: Awaited<ReturnType<typeof launchChromium>>,
  base: string,
): Promise<ImportResult> {
  const india = await measureImport(browser, base, sipriIndiaFile(root), Math.min(reps, 10), false);
  log(
    `  import SIPRI India (764 rows) → preview painted: ${india.preview.map(Math.round).join(', ')} ms; long tasks ${india.longTasks.join(', ')}`,
  );
  const file = await generatedSipriFile(root, importRows);
  const generated = await measureImport(browser, base, file, Math.min(reps, 3), true);
  log(
    `  import generated SIPRI (${importRows.toLocaleString('en')} rows) → preview painted: ${generated.preview.map(Math.round).join(', ')} ms; long tasks ${generated.longTasks.join(', ')}; commit → toast ${Math.round(generated.commit ?? NaN)} ms`,
  );
  return {
    sipriIndia: { rows: 764, preview: ms(india.preview), longTasks: Math.max(...india.longTasks) },
    sipriGenerated: {
      rows: importRows,
      preview: ms(generated.preview),
      longTasks: Math.max(...generated.longTasks),
      ...(generated.commit === undefined ? {} : { commit: generated.commit }),
    },
  };
}

/**
 * `--only`: the chosen parts at one size, printed with their raw samples (medians, p95) and written to
 * bench/scratch/, so an A/B of two builds can be run back to back without the whole benchmark.
 */
async function runOnly(
  browser: Awaited<ReturnType<typeof launchChromium>>,
  ours: { dashboard: string; table: string },
  theirs: string,
  size: string,
) {
  const figures: Record<string, number[]> = {};
  const show = (name: string, samples: number[]) => {
    figures[name] = samples;
    const s = ms(samples);
    log(`  ${name}: median ${s.median.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms (n ${s.n})`);
  };
  if (runs('load')) {
    const load = await measureLoad(browser, { url: ours.dashboard, ready: READY.dashboard }, loadsPerSize);
    show('load → dashboard painted', load.loads);
    // The peer's load in the same run is the control for a noisy machine; the heap after GC beside it.
    const peerLoad = await measureLoad(browser, { url: theirs, ready: READY.peer }, loadsPerSize);
    show('load → AG Grid painted', peerLoad.loads);
    figures['heap MB (dashboard, AG Grid)'] = [load.heapBytes / 2 ** 20, peerLoad.heapBytes / 2 ** 20];
    log(
      `  JS heap after load: ${(load.heapBytes / 2 ** 20).toFixed(0)} MB (AG Grid ${(peerLoad.heapBytes / 2 ** 20).toFixed(0)} MB)`,
    );
  }
  if (runs('table')) {
    const table = await openReady(browser, { url: ours.table, ready: READY.table });
    show(
      'table search',
      (await measureSearch(table.page, '#deal-search', '.deals-page .page__head p', reps)).samples,
    );
    show('facet toggle', await measureFacet(table.page, reps));
    await table.context.close();
    const saving = await openReady(browser, { url: ours.table, ready: READY.table });
    show('save one deal → table painted', await measureSave(saving.page, reps, 'table'));
    await saving.context.close();
  }
  if (runs('peer')) {
    const grid = await openReady(browser, { url: theirs, ready: READY.peer });
    show(
      'AG Grid quick filter',
      (await measureSearch(grid.page, '#peer-search', '#peer-count', reps)).samples,
    );
    await grid.context.close();
  }
  if (runs('dashboard')) {
    const dashboard = await openReady(browser, { url: ours.dashboard, ready: READY.dashboard });
    show('save one deal → dashboard painted', await measureSave(dashboard.page, reps, 'dashboard'));
    show('dashboard cross-filter', await measureCrossFilter(dashboard.page, reps));
    await dashboard.context.close();
  }
  const dir = join(root, 'bench', 'scratch');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `only-${size}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify({ size, dist, only: [...(only ?? [])], figures }, null, 2)}\n`);
  log(`  written: ${file}`);
}

// The embedded mock API (MSW) ships in the demo build only; a deployment with a real API never loads it.
function mockApiChunks(): Set<string> {
  const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8')) as Record<
    string,
    { file: string; src?: string }
  >;
  return new Set(
    Object.values(manifest)
      .filter((chunk) => chunk.src?.startsWith('mocks/'))
      .map((chunk) => `/${chunk.file}`),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
