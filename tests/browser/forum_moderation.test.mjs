// Forum moderation in a real browser: member A starts a topic in the public "General"
// forum; a moderator, on a 360 px phone and with the keyboard alone, opens the post's
// "Moderate" disclosure, says why and hides it; a visitor then reads that a moderator hid
// it and never its words, and the forum's public moderation log says what happened
// without naming the moderator. Screenshots of each screen and axe-core on each; the
// pages must not be wider than the phone.
//
// Run: node --test tests/browser/forum_moderation.test.mjs   (after building; see harness.mjs)

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
  describe(`forum moderation (${kind})`, () => {
    const site = useSite(kind, {
      seed: (database) => {
        addUser(database, { email: 'amy@example.org', name: 'Amy', role: 'member', password: kPassword });
        addUser(database, { email: 'mo@example.org', name: 'Mo Moderator', role: 'moderator', password: kPassword });
      },
    });

    test('a moderator hides a post by keyboard at 360 px; the reader sees it hidden', async () => {
      let topicUrl;
      await withPage(site.browser, { width: 1280, height: 800 }, async ({ page, problems }) => {
        await signIn(page, site.server.url, { email: 'amy@example.org', password: kPassword, next: '/forums/general/new' });
        await page.getByLabel('Title').fill('Cheap cures');
        await page.getByLabel('Your post').fill('Stop every treatment and buy my miracle water.');
        await Promise.all([page.waitForURL(/\/t\/\d+-cheap-cures$/),
          page.getByRole('button', { name: 'Post the topic' }).click()]);
        topicUrl = page.url();
        assertNoBrowserProblems(problems);
      });

      await withPage(site.browser, { width: 360, height: 740 }, async ({ page, problems }) => {
        await signIn(page, site.server.url, { email: 'mo@example.org', password: kPassword, next: new URL(topicUrl).pathname });
        await page.locator('#post-1 .post-body').getByText('miracle water').waitFor();
        await tabTo(page, 'Moderate post 1');
        await page.keyboard.press('Enter');  // opens the disclosure
        await page.keyboard.press('Tab');
        assert.equal(await page.evaluate(() => document.activeElement?.id), 'mod-1-hide-reason');
        await page.keyboard.type('Dangerous medical advice');
        await page.keyboard.press('Tab');
        assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Hide this post');
        await assertNoWiderThan(page, 360);
        await screenshot(page, `forum-moderation-controls-${kind}-360x740`);
        await checkAccessibility(page, `moderator controls ${kind}`);
        await Promise.all([page.waitForURL(/#post-1$/), page.keyboard.press('Enter')]);
        await page.getByText('Hidden from readers by a moderator.').waitFor();
        await page.locator('#post-1 .post-body').getByText('miracle water').waitFor();  // the moderator still reads it
        await assertNoWiderThan(page, 360);
        await screenshot(page, `forum-moderation-hidden-moderator-${kind}-360x740`);
        await checkAccessibility(page, `topic with a hidden post, moderator ${kind}`);
        assertNoBrowserProblems(problems);
      });

      await withPage(site.browser, { width: 360, height: 740 }, async ({ page, problems }) => {
        await page.goto(topicUrl);
        await page.getByText('This post was hidden by a moderator.').waitFor();
        assert.equal(await page.getByText('miracle water').count(), 0);
        await assertNoWiderThan(page, 360);
        await screenshot(page, `forum-moderation-hidden-reader-${kind}-360x740`);
        await checkAccessibility(page, `topic with a hidden post, reader ${kind}`);
        await Promise.all([page.waitForURL(/\/forums\/general\/moderation$/),
          page.getByRole('link', { name: 'This forum\'s moderation log' }).click()]);
        await page.getByText('A moderator hid a post.').waitFor();
        await page.getByText('Reason: Dangerous medical advice').waitFor();
        assert.equal(await page.getByText('Mo Moderator').count(), 0);
        await assertNoWiderThan(page, 360);
        await screenshot(page, `forum-moderation-log-${kind}-360x740`);
        await checkAccessibility(page, `moderation log ${kind}`);
        assertNoBrowserProblems(problems);
      });
    });
  });
}
