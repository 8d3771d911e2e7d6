// Quotes and notifications in a real browser: member A starts a topic in a public forum;
// member B, on a 360 px phone and with the keyboard, selects words of A's post, quotes
// them with the post's "Quote" link (script puts them in the reply box under "In post 1,
// A wrote:") and posts the reply. A then sees "Notifications (1)" in the header, opens the
// list by keyboard and follows the notification to B's post. Screenshots and axe-core on
// each screen; the pages must not be wider than the phone.
//
// Run: node --test tests/browser/notifications.test.mjs   (after building; see harness.mjs)

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

for (const kind of databaseKinds()) {
  describe(`notifications (${kind})`, () => {
    const site = useSite(kind, {
      seed: (database) => {
        addUser(database, { email: 'amy@example.org', name: 'Amy', role: 'member', password: kPassword });
        addUser(database, { email: 'ben@example.org', name: 'Ben', role: 'member', password: kPassword });
      },
    });

    test('B quotes words of A\'s post by keyboard at 360 px; A is notified and opens it', async () => {
      let topicUrl;
      await withPage(site.browser, { width: 1280, height: 800 }, async ({ page, problems }) => {
        await signIn(page, site.server.url, { email: 'amy@example.org', password: kPassword, next: '/forums/general/new' });
        await page.getByLabel('Title').fill('Night waking');
        await page.getByLabel('Your post').fill('She wakes at three every night. A warm bath before bed helped a little.');
        await Promise.all([page.waitForURL(/\/t\/\d+-night-waking$/),
          page.getByRole('button', { name: 'Post the topic' }).click()]);
        topicUrl = page.url();
        assertNoBrowserProblems(problems);
      });

      await withPage(site.browser, { width: 360, height: 740 }, async ({ page, problems }) => {
        await signIn(page, site.server.url, { email: 'ben@example.org', password: kPassword, next: new URL(topicUrl).pathname });
        await page.getByText('She wakes at three').waitFor();
        // The keyboard reaches the post's "Quote"; then "A warm bath before bed" is selected
        // in Amy's post (as a mouse or a screen reader's selection would) and Enter quotes it.
        await tabTo(page, 'Quote');
        await page.evaluate(() => new Promise((resolve) => {
          const text = document.querySelector('#post-1 .post-body p').firstChild;
          const start = text.data.indexOf('A warm bath');
          const range = document.createRange();
          range.setStart(text, start);
          range.setEnd(text, start + 'A warm bath before bed'.length);
          const selection = window.getSelection();
          selection.removeAllRanges();
          selection.addRange(range);
          setTimeout(resolve, 50);  // after the selectionchange event
        }));
        // Setting a selection may take focus from the link in some browsers: back to it.
        await page.locator('#post-1 a.quote-link').focus();
        await page.keyboard.press('Enter');
        const box = page.getByLabel('Your reply');
        assert.equal(await box.inputValue(), '> In [post 1](#post-1), Amy wrote:\n>\n> A warm bath before bed\n\n');
        assert.equal(await page.evaluate(() => document.activeElement?.id), 'reply-body');
        await page.keyboard.type('We tried that too; it helped.');
        await assertNoWiderThan(page, 360);
        await screenshot(page, `notifications-quote-${kind}-360x740`);
        await checkAccessibility(page, `quoting ${kind}`);
        await page.keyboard.press('Tab');
        assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Post the reply');
        await Promise.all([page.waitForURL(/#post-2$/), page.keyboard.press('Enter')]);
        const reply = page.locator('#post-2');
        await reply.locator('blockquote').getByText('A warm bath before bed').waitFor();
        await reply.getByRole('link', { name: 'Amy\'s post 1' }).waitFor();
        assertNoBrowserProblems(problems);
      });

      await withPage(site.browser, { width: 360, height: 740 }, async ({ page, problems }) => {
        await signIn(page, site.server.url, { email: 'amy@example.org', password: kPassword, next: '/' });
        await tabTo(page, 'Notifications, 1 unread');
        await Promise.all([page.waitForURL(/\/notifications$/), page.keyboard.press('Enter')]);
        await page.getByRole('heading', { name: 'Notifications', level: 1 }).waitFor();
        await assertNoWiderThan(page, 360);
        await screenshot(page, `notifications-list-${kind}-360x740`);
        await checkAccessibility(page, `notifications ${kind}`);
        await tabTo(page, /^Ben quoted your post in “Night waking”/);
        await Promise.all([page.waitForURL(/#post-2$/), page.keyboard.press('Enter')]);
        await page.locator('#post-2').getByText('We tried that too').waitFor();
        assert.equal(await page.locator('.notifications-link .unread-count').count(), 0);
        await screenshot(page, `notifications-opened-${kind}-360x740`);
        await checkAccessibility(page, `topic opened from a notification ${kind}`);
        assertNoBrowserProblems(problems);
      });
    });
  });
}
