// The admin home (/admin): an admin reaches every admin screen from it with the keyboard,
// reads the system's state at 360 px, and the page passes axe-core.
//
// Run: node --test tests/browser/admin-home.test.mjs   (after building; see harness.mjs)

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import {
  addUser,
  assertNoBrowserProblems,
  checkAccessibility,
  databaseKinds,
  screenshot,
  signIn,
  useSite,
  withPage,
} from './harness.mjs';

const kPassword = 'correct horse battery staple';

// Presses Tab until the focused element is the link named `name` (at most `limit` times),
// so a link the keyboard cannot reach fails the test.
async function tabToLink(page, name, limit = 80) {
  for (let i = 0; i < limit; ++i) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement;
      return el && el.tagName === 'A' ? el.textContent.trim() : '';
    });
    if (focused === name) return;
  }
  assert.fail(`the link "${name}" is not reachable with Tab`);
}

for (const kind of databaseKinds()) {
  describe(`admin home (${kind})`, () => {
    const site = useSite(kind, {
      seed: (database) => {
        addUser(database, { email: 'ada@example.org', name: 'Ada Admin', role: 'admin', password: kPassword });
      },
    });

    test('an admin reads the system status and opens a screen with the keyboard, at 360 px', async () => {
      await withPage(site.browser, { width: 360, height: 740 }, async ({ page, problems }) => {
        await signIn(page, site.server.url, { email: 'ada@example.org', password: kPassword, next: '/admin' });
        assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Administration');
        const main = page.getByRole('main');
        for (const screen of ['Accounts', 'Audit log', 'Outbox', 'Reports', 'Editorial']) {
          await main.getByRole('link', { name: screen, exact: true }).waitFor();
        }
        const status = await main.innerText();
        assert.match(status, /Database\s+answers/);
        assert.match(status, /No replica configured/);
        assert.match(status, /0 e-mails waiting to be sent/);
        assert.match(status, /last refreshed/);
        assert.match(status, /1 server seen in the last minute/);
        assert.match(status, /\(this server\)/);
        const scrollWidth = await page.evaluate(() => document.scrollingElement.scrollWidth);
        assert.ok(scrollWidth <= 360, `no horizontal scrolling at 360 px (${scrollWidth})`);
        await screenshot(page, `admin-home-${kind}-360x740`);
        await checkAccessibility(page, `admin home ${kind}`);

        await main.getByRole('heading', { level: 1 }).click();  // start tabbing inside the page
        await tabToLink(page, 'Outbox');
        await Promise.all([page.waitForURL(/\/admin\/outbox$/), page.keyboard.press('Enter')]);
        assert.match(await page.getByRole('heading', { level: 1 }).innerText(), /Outbox/);
        assertNoBrowserProblems(problems);
      });
    });

    test('the header leads an admin to the admin home', async () => {
      await withPage(site.browser, { width: 1280, height: 800 }, async ({ page, problems }) => {
        await signIn(page, site.server.url, { email: 'ada@example.org', password: kPassword, next: '/' });
        await Promise.all([
          page.waitForURL(/\/admin$/),
          page.getByRole('navigation', { name: 'Your account' }).getByRole('link', { name: 'Administration' }).click(),
        ]);
        await screenshot(page, `admin-home-${kind}-1280x800`);
        await checkAccessibility(page, `admin home wide ${kind}`);
        assertNoBrowserProblems(problems);
      });
    });
  });
}
