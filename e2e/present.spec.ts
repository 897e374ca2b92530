import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { SEED } from '../seeds/expected';
import { expect, openApp, test } from './fixtures';

const seeds = JSON.parse(readFileSync(new URL('../seeds/deals.json', import.meta.url), 'utf8')) as {
  title: string;
  milestones?: unknown[];
}[];
/** Every seed deal with a dated milestone has a timeline row. */
const datedTitles = seeds.filter((d) => (d.milestones ?? []).length > 0).map((d) => d.title);

const VIEWPORTS = [
  [1024, 768],
  [1280, 720],
  [1366, 768],
  [1440, 900],
  [1920, 1080],
  [3840, 2160],
] as const;

const slideRegion = (page: Page) => page.getByRole('region', { name: /^Slide \d+ of \d+$/ });

async function position(slide: Locator): Promise<[number, number]> {
  const name = (await slide.getAttribute('aria-label')) ?? '';
  const [, n, of] = /^Slide (\d+) of (\d+)$/.exec(name) ?? [];
  return [Number(n), Number(of)];
}

/**
 * What of the slide a viewer cannot see: an element outside the window (by more than a pixel), a box
 * whose content is cut off by its overflow (a clipped card hides text inside the window too), or a
 * mark drawn outside its chart's SVG.
 */
async function hiddenParts(slide: Locator): Promise<string[]> {
  return slide.evaluate((root) => {
    const out: string[] = [];
    const name = (e: Element) => `${e.tagName.toLowerCase()}.${e.getAttribute('class') ?? ''}`;
    const where = (b: DOMRect) =>
      `(${Math.round(b.left)}, ${Math.round(b.top)}) to (${Math.round(b.right)}, ${Math.round(b.bottom)})`;
    const outside = (b: DOMRect, c: { left: number; top: number; right: number; bottom: number }) =>
      b.left < c.left - 1 || b.top < c.top - 1 || b.right > c.right + 1 || b.bottom > c.bottom + 1;
    const window = { left: 0, top: 0, right: innerWidth, bottom: innerHeight };
    for (const element of root.querySelectorAll('*')) {
      if (!element.checkVisibility({ visibilityProperty: true })) continue;
      const box = element.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      if (outside(box, window)) out.push(`${name(element)} outside the window at ${where(box)}`);
      if (element instanceof HTMLElement) {
        const style = getComputedStyle(element);
        const clips = style.overflowX !== 'visible' || style.overflowY !== 'visible';
        if (
          clips &&
          (element.scrollHeight > element.clientHeight + 1 || element.scrollWidth > element.clientWidth + 1)
        )
          out.push(
            `${name(element)} cuts off its content (${element.scrollWidth}×${element.scrollHeight} in ${element.clientWidth}×${element.clientHeight})`,
          );
      } else if (element instanceof SVGGraphicsElement && element.ownerSVGElement) {
        const svg = element.ownerSVGElement.getBoundingClientRect();
        if (outside(box, svg)) out.push(`${name(element)} outside its chart at ${where(box)}`);
      }
    }
    return out;
  });
}

test('presentation mode steps through one chart a slide with the keyboard, keeps the filters and Esc leaves', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await openApp(page, '/?status=completed');
  await page.getByRole('button', { name: 'Present as slides' }).click();
  const slide = slideRegion(page);
  await expect(slide).toHaveAccessibleName(/^Slide 1 of \d+$/);
  await expect(page).toHaveURL(/\/present\?status=completed&slide=1$/);
  // The title slide names the show, the filters in words and the data date.
  await expect(slide.getByRole('heading', { level: 1, name: /India–US defence deals/ })).toBeVisible();
  await expect(slide.getByText('Status: Completed', { exact: true })).toBeVisible();
  await expect(slide.getByText(/^\d+ deals · Data as of \w+ \d{4}/)).toBeVisible();

  await page.keyboard.press('ArrowRight');
  await expect(page).toHaveURL(/slide=2$/);
  await expect(slide.getByRole('heading', { name: 'Key figures' })).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expect(slide.getByRole('heading', { name: /by armed service$/ })).toBeVisible();
  // A chart on a slide is drawn as tall as the slide leaves room for.
  const box = (await slide.locator('.recharts-wrapper > svg').first().boundingBox())!;
  expect(box.height).toBeGreaterThan(600);
  await page.keyboard.press('Space');
  await page.keyboard.press('PageDown');
  await expect(page).toHaveURL(/slide=5$/);
  await page.keyboard.press('ArrowLeft');
  await expect(page).toHaveURL(/slide=4$/);

  // The slide number in the URL reopens the same slide.
  await page.reload();
  await expect(slide).toHaveAccessibleName(/^Slide 4 of/);

  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(/\/\?status=completed$/);
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible();
});

for (const [width, height] of VIEWPORTS) {
  test(`every slide fits ${width}×${height}, names its sources, and the timeline pages hold every row once`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height });
    await page.goto('/present');
    const slide = slideRegion(page);
    await expect(slide).toHaveAccessibleName(/^Slide 1 of \d+$/);
    const [, count] = await position(slide);
    const timelineRows: string[] = [];
    for (let n = 1; n <= count; n++) {
      await expect(slide).toHaveAccessibleName(`Slide ${n} of ${count}`);
      const key = await slide.getAttribute('data-slide');
      await expect(slide.getByText(/^Sources: \S/)).toBeVisible();
      await expect(slide.getByText(/^Data as of \w+ \d{4}/)).toBeVisible();
      if (key !== 'title' && key !== 'kpis') await expect(slide.locator('svg').first()).toBeVisible();
      expect(await hiddenParts(slide), `slide ${n} (${key}) at ${width}×${height}`).toEqual([]);
      if (key?.startsWith('timeline')) {
        expect(await slide.getByRole('heading', { level: 2 }).first().textContent()).toMatch(
          /^Timeline( \(\d+ of \d+\))?$/,
        );
        timelineRows.push(...(await slide.locator('a.timeline__label > title').allTextContents()));
      }
      if (n < count) await page.keyboard.press('ArrowRight');
    }
    const names = timelineRows.map((t) => t.split(' — ')[0]!);
    expect(names.toSorted()).toEqual(datedTitles.toSorted());
  });
}

test('Next and Previous buttons, Home and End, and a click on the slide step through the show', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto('/present');
  const slide = slideRegion(page);
  await expect(slide).toHaveAccessibleName(/^Slide 1 of \d+$/);
  const [, count] = await position(slide);
  const next = page.getByRole('button', { name: 'Next slide' });
  const back = page.getByRole('button', { name: 'Previous slide' });

  await next.click();
  await expect(page).toHaveURL(/slide=2$/);
  await next.click();
  await expect(slide).toHaveAccessibleName(`Slide 3 of ${count}`);
  await back.click();
  await expect(slide).toHaveAccessibleName(`Slide 2 of ${count}`);
  // Enter on a focused button presses it once; it does not also step the show.
  await next.focus();
  await page.keyboard.press('Enter');
  await expect(slide).toHaveAccessibleName(`Slide 3 of ${count}`);

  await page.keyboard.press('End');
  await expect(slide).toHaveAccessibleName(`Slide ${count} of ${count}`);
  await expect(page).toHaveURL(new RegExp(`slide=${count}$`));
  await expect(next).toHaveAttribute('aria-disabled', 'true');
  await page.keyboard.press('Home');
  await expect(slide).toHaveAccessibleName(`Slide 1 of ${count}`);

  // A click on the slide's background steps forward…
  await slide.getByRole('heading', { level: 1 }).click();
  await expect(slide).toHaveAccessibleName(`Slide 2 of ${count}`);
  await slide.getByRole('heading', { name: 'Key figures' }).click();
  await expect(slide).toHaveAccessibleName(`Slide 3 of ${count}`);
  // …but a click on a chart's bar filters, and leaves the slide where it is.
  await slide.locator('.recharts-bar-rectangle').filter({ visible: true }).first().click();
  await expect(page).toHaveURL(/service=/);
  await expect(slide).toHaveAccessibleName(/^Slide 3 of \d+$/);
});

test('a slide number that names no slide is said so, not silently replaced', async ({ page }) => {
  await page.goto('/present?slide=99');
  const slide = slideRegion(page);
  await expect(slide).toHaveAccessibleName(/^Slide (\d+) of \1$/);
  await expect(slide.getByRole('note')).toHaveText(
    /There is no slide 99: this show has \d+\. Showing the last\./,
  );
  await page.goto('/present?slide=two');
  await expect(slide).toHaveAccessibleName(/^Slide 1 of \d+$/);
  await expect(slide.getByRole('note')).toHaveText(
    '“slide=two” is not a slide number. Showing the first slide.',
  );
  await page.getByRole('button', { name: 'Next slide' }).click();
  await expect(slide.getByRole('note')).toHaveCount(0);
});

test('the timeline marks today and planned dates, and labels each milestone for keyboard and touch', async ({
  page,
}) => {
  await page.clock.setFixedTime(new Date('2025-12-01T12:00:00Z'));
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto('/present');
  const slide = slideRegion(page);
  await expect(slide).toHaveAccessibleName(/^Slide 1 of \d+$/);
  await page.keyboard.press('End');
  // The MQ-9B, signed in 2024, is on one of the later timeline slides.
  // Its first delivery carries the plan a source gave, and the slip from it.
  const plan = SEED.plannedMilestones.find((p) => p.dealId === 'mq-9b-2024')!;
  const droneName = new RegExp(
    `^31 MQ-9B .*: First delivery Jan 2029 \\(expected\\) · planned Jan 2029: ${plan.slip}$`,
  );
  const drone = slide.getByRole('img', { name: droneName });
  for (let i = 0; i < 5 && (await drone.count()) === 0; i++) await page.keyboard.press('ArrowLeft');
  await expect(drone).toHaveCount(1);
  await expect(slide.locator('.timeline__today')).toContainText('Today');
  await expect(slide.getByRole('img', { name: /^31 MQ-9B .*: Signature 15 Oct 2024$/ })).toHaveCount(1);

  await drone.focus();
  const tip = slide.locator('.timeline__tip');
  await expect(tip).toContainText('First delivery Jan 2029 (expected)');
  await expect(tip).toContainText(`Planned Jan 2029: ${plan.slip}`);
  await expect(tip).toBeVisible();
  await expect(slide.locator('.timeline__legend')).toContainText('Outline: plan; line: slip');
  const droneRow = slide.locator('.timeline__row', { has: page.getByRole('img', { name: droneName }) });
  await expect(droneRow.locator('.timeline__plan')).toHaveCount(1);
  await page.keyboard.press('Tab');
  await expect(slide.locator('.timeline__tip', { hasText: 'First delivery Jan 2029' })).toHaveCount(0);
  await drone.dispatchEvent('click');
  await expect(tip).toContainText('First delivery Jan 2029 (expected)');

  // The row names are links whose accessible name is their visible text (no mismatching aria-label).
  const results = await new AxeBuilder({ page })
    .include('.present__slide')
    .withRules(['label-content-name-mismatch', 'nested-interactive', 'svg-img-alt', 'link-name'])
    .analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([]);
});

test('the full screen button is a toggle', async ({ page }) => {
  await page.goto('/present');
  const button = page.getByRole('button', { name: 'Full screen' });
  await expect(button).toHaveAttribute('aria-pressed', 'false');
  await button.click();
  await expect(page.getByRole('button', { name: 'Exit full screen' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await page.getByRole('button', { name: 'Exit full screen' }).click();
  await expect(button).toHaveAttribute('aria-pressed', 'false');
});
