// A condition page as a visitor meets it: Orphanet's facts in plain words, answers that
// say plainly when no medical reviewer has checked them yet, usable on a 360 px phone
// with the keyboard alone, under the site's strict Content-Security-Policy.
//
// Run: node --test tests/browser/   (after building; see harness.mjs for the environment)

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

const kCodes = [1183, 36388, 102005];
const kPagePath = '/conditions/opsoclonus-myoclonus-syndrome';

for (const kind of databaseKinds()) {
  describe(`condition page (${kind})`, () => {
    const site = useSite(kind, {
      seed: (database) => {
        importPackets(database, kCodes);
      },
    });

    for (const { width, height } of [{ width: 360, height: 740 }, { width: 1280, height: 800 }]) {
      const size = `${width}x${height}`;
      test(`shows facts in plain words and labels unreviewed answers, at ${size}`, async () => {
        await withPage(site.browser, { width, height }, async ({ page, problems }) => {
          const response = await page.goto(`${site.server.url}${kPagePath}`);
          assert.equal(response.status(), 200);
          const heading = page.getByRole('heading', { level: 1 });
          assert.equal(await heading.innerText(), 'Opsoclonus-myoclonus syndrome');
          const main = await page.getByRole('main').innerText();
          assert.match(main, /Dancing eye syndrome/, 'synonyms are shown');
          assert.match(main, /It is not inherited\./, 'inheritance in plain words');
          assert.match(main, /Almost always \(80 to 99 in 100 people\)/, 'symptom frequency in words');
          assert.match(main, /Editorial draft — not yet medically reviewed/,
            'unreviewed answers say so');
          assert.doesNotMatch(main, /Medically reviewed by/, 'no review is claimed');

          // The compiled summary is on the first screen, and says what it is.
          const summary = page.locator('.summary-text');
          assert.match(await summary.innerText(), /^Opsoclonus-myoclonus syndrome is a rare disease\./);
          const box = await summary.boundingBox();
          assert.ok(box && box.y + Math.min(box.height, 120) <= height,
            `the summary starts on the first screen (top ${box?.y}, height ${box?.height})`);
          assert.match(main, /Compiled by DiseaseMaps from Orphanet data; not written or checked by a doctor\./);
          // Names after the third wait behind one line, which the keyboard opens.
          const more = page.locator('details.more-names');
          assert.equal(await more.evaluate((d) => d.open), false);
          assert.equal(await page.getByText('Kinsbourne syndrome').isVisible(), false);
          await more.locator('summary').focus();
          await page.keyboard.press('Enter');
          assert.equal(await page.getByText('Kinsbourne syndrome').isVisible(), true, 'Enter shows the other names');

          // "What you can do next" comes before the answers on a phone, beside them on
          // a wide screen; its questions follow the facts (OMS comes with tumours).
          const next = page.getByRole('region', { name: 'What you can do next' });
          const nextText = await next.innerText();
          assert.match(nextText, /Questions to take to a doctor/);
          assert.match(nextText, /check-ups for the tumours/);
          assert.doesNotMatch(nextText, /genetic counselling/, 'OMS is not inherited');
          const nextBox = await next.boundingBox();
          const answersBox = await page.getByRole('heading', { name: 'Short answers' }).boundingBox();
          if (width >= 1000) {
            assert.ok(nextBox.x > answersBox.x + answersBox.width / 2,
              `beside the content on a wide screen (${nextBox.x} vs ${answersBox.x})`);
          } else {
            assert.ok(nextBox.y < answersBox.y, 'before the answers on a phone');
          }

          const scrollWidth = await page.evaluate(() => document.scrollingElement.scrollWidth);
          assert.ok(scrollWidth <= width, `no horizontal scrolling at ${width} px (${scrollWidth})`);
          await screenshot(page, `condition-${kind}-${size}`);
          await checkAccessibility(page, `condition ${kind} ${size}`);
          assertNoBrowserProblems(problems);
        });
      });
    }

    test('opens a full answer with the keyboard alone', async () => {
      await withPage(site.browser, { width: 360, height: 740 }, async ({ page, problems }) => {
        await page.goto(`${site.server.url}${kPagePath}`);
        const summary = page.locator('details.answer-body summary').first();
        const details = page.locator('details.answer-body').first();
        assert.equal(await details.evaluate((d) => d.open), false, 'answers start folded');
        // Tab through the page until the first answer's summary has focus.
        let focused = false;
        for (let i = 0; i < 60 && !focused; i += 1) {
          await page.keyboard.press('Tab');
          focused = await summary.evaluate((el) => el === document.activeElement);
        }
        assert.ok(focused, 'the first "Read the full answer" is reachable with Tab');
        await page.keyboard.press('Enter');
        assert.equal(await details.evaluate((d) => d.open), true, 'Enter opens the answer');
        await screenshot(page, `condition-${kind}-answer-open-360x740`);
        assertNoBrowserProblems(problems);
      });
    });

    test('structured data loads under the strict Content-Security-Policy', async () => {
      await withPage(site.browser, { bypassCSP: false }, async ({ page, problems }) => {
        await page.goto(`${site.server.url}${kPagePath}`);
        await page.waitForLoadState('load');
        const ld = await page.locator('script[type="application/ld+json"]').first().textContent();
        const data = JSON.parse(ld);
        assert.equal(data['@type'], 'MedicalCondition');
        assert.equal(data.name, 'Opsoclonus-myoclonus syndrome');
        // The only script is the header's search type-ahead (a file, never inline); the
        // page reads the same without it.
        assert.equal(await page.locator(
          'script:not([type="application/ld+json"]):not([src="/static/js/search-box.js"])').count(), 0,
        'reading the page needs no script');
        assertNoBrowserProblems(problems);
      });
    });
  });
}
