import { expect, test } from './fixtures';

test('presentation mode steps through one chart a slide with the keyboard, keeps the filters and Esc leaves', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto('/?status=completed');
  await page.getByRole('button', { name: 'Present as slides' }).click();
  const slide = page.getByRole('region', { name: /^Slide \d+ of \d+$/ });
  await expect(slide).toHaveAccessibleName(/^Slide 1 of [5-9]$/);
  await expect(page).toHaveURL(/\/present\?status=completed&slide=1$/);
  await expect(page.getByText('Status: Completed', { exact: true })).toBeVisible();
  await expect(slide.getByText('Key figures')).toBeVisible();

  await page.keyboard.press('ArrowRight');
  await expect(page).toHaveURL(/slide=2$/);
  await expect(slide.getByRole('heading', { name: 'Units by armed service' })).toBeVisible();
  // A chart on a slide is drawn at projector size.
  const box = (await slide.locator('.recharts-wrapper > svg').first().boundingBox())!;
  expect(box.height).toBeGreaterThan(600);
  await page.keyboard.press('Space');
  await page.keyboard.press('PageDown');
  await expect(page).toHaveURL(/slide=4$/);
  await page.keyboard.press('ArrowLeft');
  await expect(page).toHaveURL(/slide=3$/);

  // The slide number in the URL reopens the same slide.
  await page.reload();
  await expect(slide).toHaveAccessibleName(/^Slide 3 of/);

  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(/\/\?status=completed$/);
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible();
});
