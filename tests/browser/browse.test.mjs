// Browsing by specialty as a visitor does it, in Chromium at a phone's and a desk's
// width: the specialties, a branch with where it sits, down to a condition's page, with
// the keyboard; screenshots and axe-core on each page.
//
// Run: node --test tests/browser/browse.test.mjs   (after building; see harness.mjs)

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

// Two real packets and Orphanet's classification trees, imported through the binary.
const importCatalogue = (database) => importPackets(database, [1183, 36388], { names: true });

for (const kind of databaseKinds()) {
  describe(`browse by specialty (${kind})`, () => {
    const site = useSite(kind, { seed: importCatalogue });

    for (const { width, height } of [{ width: 360, height: 740 }, { width: 1280, height: 800 }]) {
      const size = `${width}x${height}`;
      test(`from the specialties down to a condition, with the keyboard, at ${size}`, async () => {
        await withPage(site.browser, { width, height }, async ({ page, problems }) => {
          await page.goto(`${site.server.url}/`);
          await page.getByRole('link', { name: 'Browse', exact: true }).click();
          await page.waitForURL(/\/conditions\/browse$/);
          assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Browse by specialty');
          await screenshot(page, `browse-${kind}-${size}`);
          await checkAccessibility(page, `browse ${kind} ${size}`);

          const neurology = page.getByRole('link', { name: 'Rare neurologic disease' });
          await neurology.focus();
          await Promise.all([page.waitForURL(/\/conditions\/browse\/181$/), page.keyboard.press('Enter')]);
          await page.getByRole('link', { name: 'Paraneoplastic neurologic syndrome', exact: true }).click();
          await page.waitForURL(/\/conditions\/browse\/181\/36388$/);
          const trail = page.getByRole('navigation', { name: 'Where this is' });
          assert.deepEqual(await trail.locator('li').allInnerTexts(),
            ['All specialties', 'Rare neurologic disease', 'Paraneoplastic neurologic syndrome']);
          const scrollWidth = await page.evaluate(() => document.scrollingElement.scrollWidth);
          assert.ok(scrollWidth <= width, `no horizontal scrolling at ${width} px (${scrollWidth})`);
          await screenshot(page, `browse-branch-${kind}-${size}`);
          await checkAccessibility(page, `browse branch ${kind} ${size}`);

          await page.getByRole('link', { name: 'Opsoclonus-myoclonus syndrome' }).click();
          await page.waitForURL(/\/conditions\/opsoclonus-myoclonus-syndrome$/);
          assert.match(await page.getByRole('main').innerText(), /Where Orphanet classifies it/);
          assertNoBrowserProblems(problems);
        });
      });
    }
  });
}
