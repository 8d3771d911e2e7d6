// The forums' admin screen in a real browser: an administrator, on a 360 px phone and with
// the keyboard alone, goes from the admin home to /admin/forums, creates a site-wide forum
// (a mistake first: the form comes back with the message beside the field and focus can
// reach it), then opens the new forum's settings and makes it members-only; a visitor is
// then sent to sign in instead of reading it. Screenshots of each screen and axe-core on
// each; the pages must not be wider than the phone.
//
// Run: node --test tests/browser/forum_admin.test.mjs   (after building; see harness.mjs)

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import {
  addUser,
  assertNoBrowserProblems,
  assertNoWiderThan,
  checkAccessibility,
  databaseKinds,
  screenshot,
  signIn,
  tabTo,
  useSite,
  withPage,
} from './harness.mjs';

const kPassword = 'correct horse battery staple';

// Presses Tab until the focused link goes to `href`; fails after `limit` presses.
async function tabToHref(page, href, limit = 150) {
  for (let i = 0; i < limit; ++i) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement?.getAttribute('href')) === href) return;
  }
  throw new Error(`no link to ${href} was reached with ${limit} presses of Tab`);
}

// Types `text` into the field that has the keyboard's focus, replacing what it held.
async function typeOver(page, text) {
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
}

for (const kind of databaseKinds()) {
  describe(`forum admin (${kind})`, () => {
    const site = useSite(kind, {
      seed: (database) => {
        addUser(database, { email: 'ada@example.org', name: 'Ada Admin', role: 'admin', password: kPassword });
      },
    });

    test('an admin creates a forum and makes it members-only by keyboard at 360 px', async () => {
      await withPage(site.browser, { width: 360, height: 740 }, async ({ page, problems }) => {
        await signIn(page, site.server.url, { email: 'ada@example.org', password: kPassword, next: '/admin' });
        // The header has its own "Forums" (the forums themselves): the admin screen's link is the other one.
        await tabToHref(page, '/admin/forums');
        await Promise.all([page.waitForURL(/\/admin\/forums$/), page.keyboard.press('Enter')]);
        await page.getByRole('heading', { name: 'Site-wide forums' }).waitFor();
        await assertNoWiderThan(page, 360);
        await screenshot(page, `forum-admin-list-${kind}-360x740`);
        await checkAccessibility(page, `forum admin list ${kind}`);

        // A new forum, with an address that is not one.
        await tabTo(page, 'Address');
        await typeOver(page, 'Living With Pain');
        await page.keyboard.press('Tab');
        await page.keyboard.type('Living with pain');
        await page.keyboard.press('Tab');
        await page.keyboard.type('Days, nights and what helps.');
        await Promise.all([page.waitForURL(/\/admin\/forums$/), page.keyboard.press('Enter')]);
        await page.getByText('The address must be 2 to 40 lower-case letters').waitFor();
        assert.equal(await page.getByLabel('Address', { exact: true }).getAttribute('aria-invalid'), 'true');
        assert.equal(await page.getByLabel('Name', { exact: true }).inputValue(), 'Living with pain');
        await assertNoWiderThan(page, 360);
        await screenshot(page, `forum-admin-create-error-${kind}-360x740`);
        await checkAccessibility(page, `forum admin form with a mistake ${kind}`);

        await tabTo(page, 'Address');
        await typeOver(page, 'living-with-pain');
        await tabTo(page, 'Create the forum');
        await Promise.all([page.waitForURL(/\/admin\/forums\?done=created$/), page.keyboard.press('Enter')]);
        await page.getByText('The forum was created.').waitFor();
        await tabTo(page, 'Edit Living with pain', 200);
        await Promise.all([page.waitForURL(/\/admin\/forums\/living-with-pain$/), page.keyboard.press('Enter')]);

        // Its readers: from everyone to signed-in members, with the arrow keys.
        await page.getByRole('heading', { name: 'Settings of Living with pain' }).waitFor();
        await tabTo(page, /^Everyone, without signing in/);
        assert.equal(await page.evaluate(() => document.activeElement?.id), 'forum-readers-everyone');
        await page.keyboard.press('ArrowDown');
        assert.equal(await page.evaluate(() => document.activeElement?.id), 'forum-readers-members');
        assert.ok(await page.getByLabel('Signed-in members only').isChecked());
        await assertNoWiderThan(page, 360);
        await screenshot(page, `forum-admin-settings-${kind}-360x740`);
        await checkAccessibility(page, `forum settings ${kind}`);
        await tabTo(page, 'Save the settings');
        await Promise.all([page.waitForURL(/\?done=saved$/), page.keyboard.press('Enter')]);
        await page.getByText('The settings were saved.').waitFor();
        assert.ok(await page.getByLabel('Signed-in members only').isChecked());

        // The forum's own page says so, and links back here for administrators.
        await tabTo(page, 'Open the forum');
        await Promise.all([page.waitForURL(/\/forums\/living-with-pain$/), page.keyboard.press('Enter')]);
        await page.getByText('Only signed-in members can read this forum').waitFor();
        await page.getByRole('link', { name: 'Manage this forum: who may read it' }).waitFor();
        await assertNoWiderThan(page, 360);
        await checkAccessibility(page, `members-only forum ${kind}`);
        // The form sent with a mistake answers 422 on purpose.
        assertNoBrowserProblems(problems, { allow: (p) => p.text.includes('status of 422') });
      });

      await withPage(site.browser, { width: 360, height: 740 }, async ({ page, problems }) => {
        await page.goto(`${site.server.url}/forums/living-with-pain`);
        await page.waitForURL(/\/login\?next=%2Fforums%2Fliving-with-pain$/);
        assert.equal(await page.getByText('Days, nights and what helps.').count(), 0);
        assertNoBrowserProblems(problems);
      });
    });
  });
}
