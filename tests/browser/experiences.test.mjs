// The experiences page as a visitor reaches it, in Chromium at a phone's and a desk's
// width: from the condition page's line, with the keyboard, to
// /conditions/{slug}/experiences, which says honestly that nothing is shown yet (no
// chart before k people shared a part); screenshots and axe-core on both pages.
// Charts with data (SVG and tables, suppression) are checked on both databases by
// tests/integration/experiences_page_test.cc; sharing through pages is not built yet.
//
// Run: node --test tests/browser/experiences.test.mjs   (after building; see harness.mjs)

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import {
  assertNoBrowserProblems,
  checkAccessibility,
  databaseKinds,
  importPackets,
  screenshot,
  useSite,
  withPage,
} from './harness.mjs';

for (const kind of databaseKinds()) {
  describe(`shared experiences page (${kind})`, () => {
    const site = useSite(kind, { seed: (database) => importPackets(database, [1183]) });

    for (const { width, height } of [{ width: 360, height: 740 }, { width: 1280, height: 800 }]) {
      const size = `${width}x${height}`;
      test(`from the condition page's line to the experiences page, with the keyboard, at ${size}`, async () => {
        await withPage(site.browser, { width, height }, async ({ page, problems }) => {
          await page.goto(`${site.server.url}/conditions/opsoclonus-myoclonus-syndrome`);
          const line = page.getByRole('link', {
            name: 'No one with Opsoclonus-myoclonus syndrome in the DiseaseMaps community has shared their experiences yet.',
          });
          await line.focus();
          await Promise.all([page.waitForURL(/\/conditions\/opsoclonus-myoclonus-syndrome\/experiences$/),
            page.keyboard.press('Enter')]);

          assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Shared experiences');
          assert.match(await page.getByRole('main').innerText(), /People who shared: 0/);
          // Every part says why it is not shown; no chart, no table, no number under 5.
          const notes = await page.locator('.chart-not-shown').allInnerTexts();
          assert.ok(notes.length >= 5, `a note for each part: ${notes.length}`);
          for (const note of notes) assert.match(note, /Fewer than 5 people have shared this part yet/);
          assert.equal(await page.locator('svg.chart-svg').count(), 0);
          assert.equal(await page.locator('table.chart-table').count(), 0);
          assert.match(await page.getByRole('region', { name: 'Stories' }).innerText(),
            /No one has chosen to show their story here yet/);
          const scrollWidth = await page.evaluate(() => document.scrollingElement.scrollWidth);
          assert.ok(scrollWidth <= width, `no horizontal scrolling at ${width} px (${scrollWidth})`);
          await screenshot(page, `experiences-empty-${kind}-${size}`);
          await checkAccessibility(page, `experiences ${kind} ${size}`);

          // The same numbers as data, and the way back.
          const data = await page.request.get(`${site.server.url}/api/v1/conditions/1183/experiences`);
          assert.equal(data.status(), 200);
          await page.getByRole('link', { name: "Back to the condition's page" }).click();
          await page.waitForURL(/\/conditions\/opsoclonus-myoclonus-syndrome$/);
          assertNoBrowserProblems(problems);
        });
      });
    }
  });
}
