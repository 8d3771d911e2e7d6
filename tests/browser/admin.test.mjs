// An admin changes a person's roles from the accounts screen, by keyboard, on a phone.
//
// Run: node --test tests/browser/   (after building; see harness.mjs for the environment)

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

for (const kind of databaseKinds()) {
  describe(`accounts screen (${kind})`, () => {
    const site = useSite(kind, {
      seed: (database) => {
        addUser(database, { email: 'ada@example.org', name: 'Ada Admin', role: 'admin', password: kPassword });
        addUser(database, { email: 'rita@example.org', name: 'Dr Rita Reviewer', role: 'member',
          credentials: 'MD, neurology', password: kPassword });
      },
    });

    test('an admin makes a member a reviewer with the keyboard alone, at 360 px', async () => {
      await withPage(site.browser, { width: 360, height: 740 }, async ({ page, problems }) => {
        await signIn(page, site.server.url, { email: 'ada@example.org', password: kPassword, next: '/admin/users' });
        assert.match(await page.getByRole('heading', { level: 1 }).innerText(), /Accounts/);
        assert.doesNotMatch(await page.getByRole('main').innerText(), /@example\.org/,
          'e-mail addresses are not shown');
        const reviewer = page.getByRole('checkbox', { name: 'reviewer' }).last();
        await reviewer.focus();
        await page.keyboard.press('Space');
        assert.equal(await reviewer.isChecked(), true);
        const save = page.getByRole('button', { name: 'Save roles' }).last();
        await save.focus();
        await Promise.all([page.waitForURL(/done=roles/), page.keyboard.press('Enter')]);
        assert.match(await page.getByRole('status').innerText(), /roles were saved/);
        assert.equal(await page.getByRole('checkbox', { name: 'reviewer' }).last().isChecked(), true);
        const scrollWidth = await page.evaluate(() => document.scrollingElement.scrollWidth);
        assert.ok(scrollWidth <= 360, `no horizontal scrolling at 360 px (${scrollWidth})`);
        await screenshot(page, `admin-users-${kind}-360x740`);
        await checkAccessibility(page, `admin users ${kind}`);
        assertNoBrowserProblems(problems);
      });
    });
  });
}
