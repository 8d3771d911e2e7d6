// The header's type-ahead search, driven only by the keyboard, in Chromium with the real
// Content-Security-Policy, at a phone's and a laptop's size, against every database kind
// the run covers (see harness.mjs); then the results page, and axe-core on both. Then the
// discussions tab: a visitor at 360 px reaches it by keyboard and finds the public post,
// never the members-only one.
//
// Run: node --test tests/browser/search.test.mjs   (after building)

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import {
  addUser,
  assertNoBrowserProblems,
  checkAccessibility,
  databaseKinds,
  screenshot,
  useSite,
  withPage,
} from './harness.mjs';

// Real Orphanet names; the search index is built from them when the server starts.
const kConditions = [
  { orphacode: 1183, name: 'Opsoclonus-myoclonus syndrome' },
  { orphacode: 558, name: 'Marfan syndrome' },
  { orphacode: 284963, name: 'Marfan syndrome type 1' },
  { orphacode: 284973, name: 'Marfan syndrome type 2' },
  { orphacode: 586, name: 'Cystic fibrosis' },
];

const kViewports = [
  { width: 360, height: 740 },
  { width: 1280, height: 800 },
];

for (const kind of databaseKinds()) {
  describe(`search box (${kind})`, () => {
    const site = useSite(kind, {
      seed: (database) => {
        database.insertConditions(kConditions);
      },
      serverArgs: ['--no-starter-catalogue'],
    });

    for (const { width, height } of kViewports) {
      const size = `${width}x${height}`;

      test(`type-ahead with the keyboard only, at ${size}`, async () => {
        // bypassCSP: false, so the script runs under the policy visitors get.
        await withPage(site.browser, { width, height, bypassCSP: false }, async ({ page, problems }) => {
          await page.goto(`${site.server.url}/`);
          // Tab to the search box: the skip link first, then the brand and the header's
          // links, then the box.
          const box = page.locator('#site-search-q');
          for (let i = 0; i < 10 && !(await box.evaluate((el) => el === document.activeElement)); i++) {
            await page.keyboard.press('Tab');
          }
          assert.ok(await box.evaluate((el) => el === document.activeElement), 'Tab reaches the search box');
          assert.equal(await box.getAttribute('role'), 'combobox');
          assert.equal(await box.getAttribute('aria-expanded'), 'false');

          await page.keyboard.type('marf');
          const listbox = page.locator(`#${await box.getAttribute('aria-controls')}`);
          await listbox.locator('[role="option"]').first().waitFor();
          assert.equal(await box.getAttribute('aria-expanded'), 'true');
          assert.equal(await listbox.getAttribute('role'), 'listbox');
          const options = await listbox.locator('[role="option"]').allInnerTexts();
          assert.deepEqual(options.slice(0, 3), ['Marfan syndrome', 'Marfan syndrome type 1', 'Marfan syndrome type 2']);
          const status = page.locator('.combobox [aria-live="polite"]');
          assert.equal(await status.innerText(), '3 suggestions available', 'the live region says how many');

          // Arrow keys move the active option; the box points at it for screen readers.
          await page.keyboard.press('ArrowDown');
          await page.keyboard.press('ArrowDown');
          const second = listbox.locator('[role="option"]').nth(1);
          assert.equal(await second.getAttribute('aria-selected'), 'true');
          assert.equal(await box.getAttribute('aria-activedescendant'), await second.getAttribute('id'));
          await page.keyboard.press('ArrowUp');
          assert.equal(await listbox.locator('[role="option"]').first().getAttribute('aria-selected'), 'true');
          await screenshot(page, `search-typeahead-${kind}-${size}`);
          const scrollWidth = await page.evaluate(() => document.scrollingElement.scrollWidth);
          assert.ok(scrollWidth <= width, `no horizontal scrolling at ${width} px (scrollWidth ${scrollWidth})`);

          // Escape closes the list and leaves the text; Enter on an option opens it.
          await page.keyboard.press('Escape');
          assert.equal(await box.getAttribute('aria-expanded'), 'false');
          assert.equal(await listbox.isHidden(), true);
          assert.equal(await box.inputValue(), 'marf');
          await page.keyboard.press('ArrowDown');
          assert.equal(await box.getAttribute('aria-expanded'), 'true', 'ArrowDown opens the list again');
          await page.keyboard.press('ArrowDown');
          await Promise.all([page.waitForURL(/\/conditions\/marfan-syndrome$/), page.keyboard.press('Enter')]);

          // Enter without choosing submits the form as typed: the results page.
          const again = page.locator('#site-search-q');
          await again.focus();
          await page.keyboard.type('kystic fibrosis');
          await Promise.all([page.waitForURL(/\/search\?q=kystic\+fibrosis$/), page.keyboard.press('Enter')]);
          const main = page.getByRole('main');
          assert.match(await main.innerText(), /Did you mean cystic fibrosis\?/);
          assert.match(await main.locator('ol.search-results li').first().innerText(), /Cystic fibrosis/);
          assertNoBrowserProblems(problems);
        });
      });

      test(`the open list and the results page pass axe-core, at ${size}`, async () => {
        await withPage(site.browser, { width, height }, async ({ page, problems }) => {
          await page.goto(`${site.server.url}/search?q=marfan`);
          await page.locator('#site-search-q').focus();
          await page.keyboard.type('cyst');
          await page.locator('[role="listbox"] [role="option"]').first().waitFor();
          await page.keyboard.press('ArrowDown');
          await screenshot(page, `search-results-${kind}-${size}`);
          await checkAccessibility(page, `search ${kind} ${size}`);
          assertNoBrowserProblems(problems);
        });
      });
    }

    test('without JavaScript the box still submits to /search', async () => {
      const context = await site.browser.newContext({ javaScriptEnabled: false });
      try {
        const page = await context.newPage();
        await page.goto(`${site.server.url}/`);
        await page.locator('#site-search-q').fill('marfan');
        await Promise.all([page.waitForURL(/\/search\?q=marfan$/), page.locator('#site-search-q').press('Enter')]);
        assert.match(await page.getByRole('main').innerText(), /Marfan syndrome/);
      } finally {
        await context.close();
      }
    });
  });
}

// Two posts with the same word: one in the public "General" forum, one in a condition's
// members-only forum. Written before the server starts, so its posts index is built from them.
function seedDiscussions(database) {
  addUser(database, { email: 'amy@example.org', name: 'Amy', role: 'member', password: 'correct horse battery staple' });
  const amy = "(SELECT id FROM users WHERE email = 'amy@example.org')";
  const topic = (forum, title, body) => `
    INSERT INTO forum_topics (forum_id, author_id, title, created_at, post_count, reply_count, last_post_at)
      SELECT id, ${amy}, '${title}', 1700000000, 1, 0, 1700000000 FROM forums WHERE ${forum};
    INSERT INTO forum_posts (topic_id, number, author_id, body, created_at)
      SELECT MAX(id), 1, ${amy}, '${body}', 1700000000 FROM forum_topics;`;
  database.exec(`INSERT INTO forums (orphacode, readers) VALUES (1183, 'members');
    ${topic("slug = 'general'", 'Nights with melatonin', 'We tried **melatonin** and the nights got calmer.')}
    ${topic('orphacode = 1183', 'Private worries', 'A melatonin secret about our son.')}`);
}

for (const kind of databaseKinds()) {
  describe(`discussions in search (${kind})`, () => {
    const site = useSite(kind, {
      seed: (database) => {
        database.insertConditions(kConditions);
        seedDiscussions(database);
      },
      serverArgs: ['--no-starter-catalogue'],
    });

    test('a visitor switches to the discussions tab by keyboard at 360 px', async () => {
      await withPage(site.browser, { width: 360, height: 740 }, async ({ page, problems }) => {
        await page.goto(`${site.server.url}/search?q=melatonin`);
        const tabs = page.getByRole('navigation', { name: 'Kinds of results' });
        assert.equal(await tabs.locator('[aria-current="page"]').innerText(), 'Conditions (0)');
        let reached = false;
        for (let i = 0; i < 40 && !reached; i++) {
          await page.keyboard.press('Tab');
          reached = await page.evaluate(() => document.activeElement?.textContent === 'Discussions (1)');
        }
        assert.ok(reached, 'Tab reaches the discussions tab');
        await Promise.all([page.waitForURL(/\/search\?q=melatonin&type=discussions$/), page.keyboard.press('Enter')]);
        assert.equal(await tabs.locator('[aria-current="page"]').innerText(), 'Discussions (1)');
        const results = page.locator('ol.discussion-results li');
        assert.equal(await results.count(), 1);
        const first = results.first();
        assert.equal(await first.locator('h2 a').innerText(), 'Nights with melatonin');
        assert.match(await first.locator('h2 a').getAttribute('href'), /^\/forums\/general\/t\/\d+-nights-with-melatonin#post-1$/);
        assert.equal(await first.locator('mark').first().innerText(), 'melatonin');
        assert.match(await first.innerText(), /In General/);
        assert.doesNotMatch(await page.getByRole('main').innerText(), /Private worries|secret about our son/);
        const scrollWidth = await page.evaluate(() => document.scrollingElement.scrollWidth);
        assert.ok(scrollWidth <= 360, `no horizontal scrolling at 360 px (scrollWidth ${scrollWidth})`);
        await screenshot(page, `search-discussions-${kind}-360x740`);
        await checkAccessibility(page, `search discussions ${kind} 360x740`);
        assertNoBrowserProblems(problems);
      });
    });
  });
}
