import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { SEED } from '../seeds/expected';
import { expect, openApp, test } from './fixtures';

/** A chart part as PowerPoint reads it: categories, and per series its name, colour(s) and values. */
interface ChartPart {
  categories: string[];
  series: { name: string; colour: string; points: string[]; values: (number | null)[] }[];
  barDir: string;
  grouping: string;
}

interface Deck {
  name: string;
  files: Record<string, string>;
  slides: string[];
  /** Slide file → its text (every `<a:t>`), its chart part and its notes' text. */
  bySlide: Map<string, { text: string; chart?: string; notes?: string }>;
  status: string;
}

const slideNumber = (path: string) => Number(/(\d+)\.xml$/.exec(path)![1]);

/** Reads a downloaded .pptx: every part as text, each slide with its text, chart and notes. */
async function readDeck(path: string, name: string, status: string, page: Page): Promise<Deck> {
  const zip = unzipSync(new Uint8Array(await readFile(path)));
  const files = Object.fromEntries(Object.entries(zip).map(([k, v]) => [k, strFromU8(v)]));
  const slides = Object.keys(files)
    .filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f))
    .sort((a, b) => slideNumber(a) - slideNumber(b));
  const textOf = (xmls: string[]) =>
    page.evaluate(
      (parts) =>
        parts.map((xml) =>
          [...new DOMParser().parseFromString(xml, 'application/xml').getElementsByTagName('a:t')]
            .map((t) => t.textContent)
            .join(' '),
        ),
      xmls,
    );
  const texts = await textOf(slides.map((s) => files[s]!));
  const noteFiles = Object.keys(files).filter((f) => /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(f));
  const noteTexts = new Map(
    (await textOf(noteFiles.map((f) => files[f]!))).map((t, i) => [noteFiles[i]!, t]),
  );
  const bySlide = new Map<string, { text: string; chart?: string; notes?: string }>();
  slides.forEach((slide, i) => {
    const rels = files[slide.replace('slides/', 'slides/_rels/').replace('.xml', '.xml.rels')] ?? '';
    const chart = /Target="(?:\.\.|\/ppt)\/charts\/(chart\d+\.xml)"/.exec(rels)?.[1];
    const notes = /Target="\.\.\/notesSlides\/(notesSlide\d+\.xml)"/.exec(rels)?.[1];
    bySlide.set(slide, {
      text: texts[i]!,
      ...(chart ? { chart: `ppt/charts/${chart}` } : {}),
      ...(notes ? { notes: noteTexts.get(`ppt/notesSlides/${notes}`) ?? '' } : {}),
    });
  });
  return { name, files, slides, bySlide, status };
}

/** Every XML part parses: a part that does not would have PowerPoint offer to repair the file. */
async function malformedParts(page: Page, deck: Deck): Promise<string[]> {
  const xml = Object.entries(deck.files).filter(([name]) => /\.(xml|rels)$/.test(name));
  return page.evaluate(
    (parts) =>
      parts
        .filter(
          ([, text]) =>
            new DOMParser().parseFromString(text, 'application/xml').getElementsByTagName('parsererror')
              .length > 0,
        )
        .map(([name]) => name),
    xml,
  );
}

async function chartPart(page: Page, xml: string): Promise<ChartPart> {
  return page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'application/xml');
    const points = (parent: Element | undefined) =>
      [...(parent?.getElementsByTagName('c:pt') ?? [])].map(
        (pt) => pt.getElementsByTagName('c:v')[0]?.textContent ?? '',
      );
    const sers = [...doc.getElementsByTagName('c:ser')];
    const first = sers[0];
    return {
      categories: points(first?.getElementsByTagName('c:cat')[0]),
      barDir: doc.getElementsByTagName('c:barDir')[0]?.getAttribute('val') ?? '',
      grouping: doc.getElementsByTagName('c:grouping')[0]?.getAttribute('val') ?? '',
      series: sers.map((ser) => {
        const own = [...ser.children];
        const spPr = own.find((e) => e.tagName === 'c:spPr');
        return {
          name: points(ser.getElementsByTagName('c:tx')[0])[0] ?? '',
          colour: spPr?.getElementsByTagName('a:srgbClr')[0]?.getAttribute('val') ?? '',
          points: [...ser.getElementsByTagName('c:dPt')].map(
            (d) => d.getElementsByTagName('a:srgbClr')[0]?.getAttribute('val') ?? '',
          ),
          values: points(ser.getElementsByTagName('c:val')[0]).map((v) => (v === '' ? null : Number(v))),
        };
      }),
    };
  }, xml);
}

/** The card's "Show as table" as text: header cells and, per row, its cells. */
async function screenTable(figure: Locator): Promise<{ head: string[]; rows: string[][] }> {
  await figure.getByRole('button', { name: 'Show as table' }).click();
  const table = figure.locator('table.data-table');
  const head = (await table.locator('thead th').allTextContents()).map((t) => t.trim());
  const rows = await table
    .locator('tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').trim())),
    );
  await figure.getByRole('button', { name: 'Show as chart' }).click();
  return { head, rows };
}

const count = (cell: string) => (cell === '–' ? 0 : Number(cell.replace(/,/g, '')));
const hex = (colour: string) => colour.replace('#', '').toUpperCase();

function slideWith(deck: Deck, title: string) {
  const slide = deck.slides.find((s) => deck.bySlide.get(s)!.text.startsWith(title));
  expect(slide, `a slide titled "${title}"`).toBeDefined();
  return deck.bySlide.get(slide!)!;
}

async function downloadDeck(page: Page, press: () => Promise<void>, status: Locator): Promise<Deck> {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 20_000 }), press()]);
  await expect(status).toContainText('Saved');
  return readDeck(
    await download.path(),
    download.suggestedFilename(),
    (await status.textContent()) ?? '',
    page,
  );
}

/** The fill of each bar Recharts drew in a card, in data order; zero-size bars draw no path. */
async function barFills(figure: Locator): Promise<string[]> {
  return figure
    .locator('.recharts-bar-rectangle')
    .evaluateAll((bars) => bars.map((b) => b.querySelector('path')?.getAttribute('fill') ?? ''));
}

async function legendFills(figure: Locator): Promise<Record<string, string>> {
  return figure
    .locator('.recharts-legend-item')
    .evaluateAll((items) =>
      Object.fromEntries(
        items.map((item) => [
          item.textContent?.trim() ?? '',
          item.querySelector('path, rect')?.getAttribute('fill') ?? '',
        ]),
      ),
    );
}

test.describe('the PowerPoint briefing deck', () => {
  test('from the Navy dashboard: native charts with the table’s numbers, the screen’s colours, sources in the notes', async ({
    page,
  }) => {
    await openApp(page, '/?service=navy');
    await expect(page.getByText(`${SEED.services.navy.deals} of ${SEED.deals} deals`)).toBeVisible();
    const units = page.getByRole('figure', { name: /Platforms ordered, by armed service/ });
    const mq9b = page.getByRole('figure', { name: /MQ-9B drones by armed service/ });
    const stages = page.getByRole('figure', { name: /Deals by lifecycle stage/ });
    const value = page.getByRole('figure', { name: /Contract value by year/ });
    await units.locator('.recharts-legend-item').first().waitFor();
    const screen = {
      units: await screenTable(units),
      unitsFills: await legendFills(units),
      mq9b: await screenTable(mq9b),
      mq9bFills: await barFills(mq9b),
      stages: await screenTable(stages),
      stageFills: await barFills(stages),
      value: await screenTable(value),
    };

    await page.getByText('Export all', { exact: true }).click();
    const menu = page.getByRole('group', { name: 'Export all charts' });
    const deck = await downloadDeck(
      page,
      () => menu.getByRole('button', { name: 'PowerPoint (.pptx)' }).click(),
      menu.getByRole('status'),
    );
    expect(deck.name).toMatch(/^briefing-deck_service-navy_\d{4}-\d{2}-\d{2}\.pptx$/);
    expect(await malformedParts(page, deck)).toEqual([]);
    // The status counts the slides the file holds; each native chart is a chart part of its slide.
    expect(deck.status).toContain(`(${deck.slides.length} slides)`);
    const charts = Object.keys(deck.files).filter((f) => /^ppt\/charts\/chart\d+\.xml$/.test(f));
    const withChart = [...deck.bySlide.values()].filter((s) => s.chart);
    expect(withChart).toHaveLength(charts.length);
    const timelineSlides = [...deck.bySlide.values()].filter((s) =>
      s.text.startsWith('From first step to signature and delivery'),
    );
    const sourceSlides = [...deck.bySlide.values()].filter((s) => /^Sources\b/.test(s.text));
    expect(deck.slides.length).toBe(2 + charts.length + timelineSlides.length + sourceSlides.length);
    expect(timelineSlides.length).toBeGreaterThan(0);
    expect(sourceSlides.length).toBeGreaterThan(0);
    // The timeline is shapes, not a picture: a labelled row for each deal the screen's timeline draws.
    expect(timelineSlides[0]!.chart).toBeUndefined();
    const timelineRows = await page
      .getByRole('figure', { name: /From first step to signature and delivery/ })
      .locator('.timeline__label title')
      .evaluateAll((titles) => titles.map((t) => (t.textContent ?? '').split(' — ')[0]!.trim()));
    expect(timelineRows.length).toBeGreaterThan(0);
    const timelineText = timelineSlides.map((s) => s.text).join(' ');
    for (const row of timelineRows) expect(timelineText).toContain(row);
    expect(Object.keys(deck.files).filter((f) => /^ppt\/media\/.+/.test(f))).toEqual([]);
    // Each chart carries its workbook, so PowerPoint's "Edit data" opens the numbers.
    expect(Object.keys(deck.files).filter((f) => /^ppt\/embeddings\/.+\.xlsx$/.test(f))).toHaveLength(
      charts.length,
    );

    const title = deck.bySlide.get(deck.slides[0]!)!.text;
    expect(title).toMatch(/Filters: [^·]*Navy/);
    expect(title).toMatch(/Data as of/);
    expect(title).not.toContain('SYNTHETIC');
    const figures = deck.bySlide.get(deck.slides[1]!)!.text;
    expect(figures).toContain('Key figures');
    expect(figures).toContain(`${SEED.services.navy.platformsOrdered} platforms`);

    // Units: a category per table row, a series per system, each value the table's cell.
    const unitsSlide = slideWith(deck, 'Platforms ordered, by armed service');
    const unitsPart = await chartPart(page, deck.files[unitsSlide.chart!]!);
    expect(unitsPart.grouping).toBe('stacked');
    expect(unitsPart.categories).toEqual(screen.units.rows.map((r) => r[0]));
    const systems = screen.units.head.slice(1, 1 + unitsPart.series.length);
    expect(unitsPart.series.map((s) => s.name)).toEqual(systems);
    unitsPart.series.forEach((s, i) =>
      expect(s.values).toEqual(screen.units.rows.map((r) => count(r[1 + i]!))),
    );
    const navy = unitsPart.categories.indexOf('Navy');
    expect(unitsPart.series.reduce((n, s) => n + (s.values[navy] ?? 0), 0)).toBe(
      SEED.services.navy.platformsOrdered,
    );
    // Each system's colour is its fill on screen.
    const coloured = unitsPart.series.filter((s) => screen.unitsFills[s.name]);
    expect(coloured.length).toBeGreaterThan(2);
    for (const s of coloured)
      expect({ [s.name]: s.colour }).toEqual({ [s.name]: hex(screen.unitsFills[s.name]!) });

    // The MQ-9B split, bar by bar in the services' colours, its sources in the notes.
    const mq9bSlide = slideWith(deck, 'MQ-9B drones by armed service');
    const mq9bPart = await chartPart(page, deck.files[mq9bSlide.chart!]!);
    expect(mq9bPart.categories).toEqual(screen.mq9b.rows.map((r) => r[0]));
    expect(mq9bPart.series[0]!.values).toEqual(screen.mq9b.rows.map((r) => count(r[1]!)));
    expect(mq9bPart.series[0]!.values).toEqual([SEED.mq9b.navy, SEED.mq9b.army, SEED.mq9b.airForce]);
    expect(mq9bPart.series[0]!.points).toEqual(screen.mq9bFills.map(hex));
    const footer = (await mq9b.locator('.chart-card__footer').textContent()) ?? '';
    const publishers = footer
      .split(/Sources?:/)[1]!
      .split(';')
      .map((p) => p.trim())
      .filter(Boolean);
    expect(publishers.length).toBeGreaterThan(0);
    for (const publisher of publishers) expect(mq9bSlide.notes).toContain(publisher);

    // The lifecycle: horizontal, a value per stage as in the table, each drawn bar's colour.
    const stagesSlide = slideWith(deck, 'Deals by lifecycle stage');
    const stagesPart = await chartPart(page, deck.files[stagesSlide.chart!]!);
    expect(stagesPart.barDir).toBe('bar');
    expect(stagesPart.categories).toEqual(screen.stages.rows.map((r) => r[0]));
    expect(stagesPart.series[0]!.values).toEqual(screen.stages.rows.map((r) => count(r[1]!)));
    const drawn = screen.stageFills.flatMap((fill, i) => (fill ? [[i, fill] as const] : []));
    expect(drawn.length).toBeGreaterThan(1);
    for (const [i, fill] of drawn) expect(stagesPart.series[0]!.points[i]).toBe(hex(fill));
    expect(stagesSlide.notes).toContain('Sources of each figure');

    // Value by year: every year of the table, three bases, a year empty on screen empty here.
    const valueSlide = slideWith(deck, 'Contract value by year');
    const valuePart = await chartPart(page, deck.files[valueSlide.chart!]!);
    expect(valuePart.categories).toEqual(screen.value.rows.map((r) => r[0]));
    expect(valuePart.series).toHaveLength(3);
    screen.value.rows.forEach((row, i) => {
      const drawn = valuePart.series.some((s) => (s.values[i] ?? 0) > 0);
      expect({ year: row[0], drawn }).toEqual({
        year: row[0],
        drawn: row.slice(1, 4).some((c) => c !== '–'),
      });
    });

    // Every chart slide's notes name its sources; the deck ends on the sources.
    for (const slide of withChart) expect(slide.notes).toMatch(/Sources of each figure:[\s\S]*–/);
    expect(deck.bySlide.get(deck.slides.at(-1)!)!.text).toMatch(/^Sources/);
  });

  test('from the slide show: "Download these slides" gives the same deck', async ({ page }) => {
    await openApp(page, '/?service=navy');
    await page.getByText('Export all', { exact: true }).click();
    const menu = page.getByRole('group', { name: 'Export all charts' });
    const fromDashboard = await downloadDeck(
      page,
      () => menu.getByRole('button', { name: 'PowerPoint (.pptx)' }).click(),
      menu.getByRole('status'),
    );

    await page.goto('/present?service=navy&slide=3');
    const button = page.getByRole('button', { name: 'Download these slides' });
    const deck = await downloadDeck(page, () => button.click(), page.locator('.present__status'));
    // The button does not step the show.
    await expect(page).toHaveURL(/slide=3/);
    expect(await malformedParts(page, deck)).toEqual([]);
    expect(deck.slides.length).toBe(fromDashboard.slides.length);
    const charts = (d: Deck) =>
      Object.keys(d.files)
        .filter((f) => /^ppt\/charts\/chart\d+\.xml$/.test(f))
        .sort();
    expect(charts(deck)).toEqual(charts(fromDashboard));
    for (const part of charts(deck))
      expect(await chartPart(page, deck.files[part]!)).toEqual(
        await chartPart(page, fromDashboard.files[part]!),
      );
    const notes = Object.keys(deck.files).filter((f) => /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(f));
    expect(notes.length).toBeGreaterThan(0);
    expect(notes.some((n) => deck.files[n]!.includes('Sources of each figure'))).toBe(true);
  });
});
