// Forums in a real browser: member A starts a topic in a condition's members-only forum
// on a desktop; a visitor is sent to sign in and never sees it; member B, on a 360 px
// phone and with the keyboard alone, goes from the header's "Forums" to the topic,
// answers A's post with its "Reply" link, and says A's post helped. Then B flags A's post
// by keyboard on the phone, and a moderator warns A from the reports queue. Screenshots
// of each screen and axe-core on each; the pages must not be wider than the phone, and
// markup written in a title or a post never runs.
//
// Run: node --test tests/browser/forums.test.mjs   (after building; see harness.mjs)

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
const kForum = '/forums/dancing-eye-syndrome';

for (const kind of databaseKinds()) {
  describe(`forums (${kind})`, () => {
    const site = useSite(kind, {
      seed: (database) => {
        addUser(database, { email: 'amy@example.org', name: 'Amy', role: 'member', password: kPassword });
        addUser(database, { email: 'ben@example.org', name: 'Ben', role: 'member', password: kPassword });
        addUser(database, { email: 'mo@example.org', name: 'Mo', role: 'moderator', password: kPassword });
        database.insertConditions([{ orphacode: 1183, name: 'Dancing eye syndrome' }]);
      },
    });

    test('A starts a topic; a visitor never sees it; B replies by keyboard at 360 px', async () => {
      let topicUrl;
      await withPage(site.browser, { width: 1280, height: 800 }, async ({ page, problems }) => {
        await signIn(page, site.server.url, { email: 'amy@example.org', password: kPassword, next: kForum });
        await page.getByText('Only signed-in members can read this forum').waitFor();
        await screenshot(page, `forums-forum-empty-${kind}-1280x800`);
        await checkAccessibility(page, `empty forum ${kind}`);
        await Promise.all([page.waitForURL(/\/new$/), page.getByRole('link', { name: 'Start a new topic' }).click()]);
        await page.getByLabel('Title').fill('Sleep after diagnosis <b>help</b>');
        // Markup in the title and the post must stay text or be dropped: no script runs.
        let dialogs = 0;
        page.on('dialog', async (dialog) => { dialogs += 1; await dialog.dismiss(); });
        await page.getByLabel('Your post').fill('Our daughter sleeps badly since the diagnosis.\n\n' +
          'Has **anything** helped yours? We read [this leaflet](https://example.org/sleep).\n\n' +
          '<img src=x onerror="alert(1)"><script>alert(2)</script>[click](javascript:alert(3))');
        await screenshot(page, `forums-new-topic-${kind}-1280x800`);
        await checkAccessibility(page, `new topic ${kind}`);
        await Promise.all([page.waitForURL(/\/t\/\d+-sleep-after-diagnosis-b-help-b$/),
          page.getByRole('button', { name: 'Post the topic' }).click()]);
        await page.getByRole('heading', { name: 'Sleep after diagnosis <b>help</b>', level: 1 }).waitFor();
        const link = page.getByRole('link', { name: 'this leaflet' });
        assert.equal(await link.getAttribute('rel'), 'nofollow ugc');
        topicUrl = page.url();
        const post = page.locator('#post-1 .post-body');
        assert.equal(await post.locator('img, script').count(), 0);
        assert.equal(await post.getByRole('link', { name: 'click' }).count(), 0);
        await post.getByText('click').click();  // the neutralised link's words do nothing
        assert.equal(dialogs, 0);
        await screenshot(page, `forums-topic-${kind}-1280x800`);
        await checkAccessibility(page, `topic ${kind}`);
        assertNoBrowserProblems(problems);
      });

      // A visitor is sent to sign in, from the forum and from the topic.
      await withPage(site.browser, { width: 360, height: 740 }, async ({ page, problems }) => {
        for (const target of [`${site.server.url}${kForum}`, topicUrl]) {
          await page.goto(target);
          await page.waitForURL(/\/login\?next=/);
          assert.equal(await page.getByText('Our daughter sleeps badly').count(), 0);
        }
        assertNoBrowserProblems(problems);
      });

      await withPage(site.browser, { width: 360, height: 740 }, async ({ page, problems }) => {
        await signIn(page, site.server.url, { email: 'ben@example.org', password: kPassword, next: '/' });
        // Keyboard only: the header's Forums link, the condition's forum, the topic.
        await tabTo(page, 'Forums');
        await Promise.all([page.waitForURL(/\/forums$/), page.keyboard.press('Enter')]);
        await page.getByRole('heading', { name: 'Forums', level: 1 }).waitFor();
        await assertNoWiderThan(page, 360);
        await screenshot(page, `forums-index-${kind}-360x740`);
        await checkAccessibility(page, `forums index ${kind}`);
        await tabTo(page, 'Dancing eye syndrome');
        await Promise.all([page.waitForURL(new RegExp(`${kForum}$`)), page.keyboard.press('Enter')]);
        await assertNoWiderThan(page, 360);
        await screenshot(page, `forums-forum-${kind}-360x740`);
        await checkAccessibility(page, `forum ${kind}`);
        await tabTo(page, 'Sleep after diagnosis <b>help</b>');
        await Promise.all([page.waitForURL(/\/t\/\d+-/), page.keyboard.press('Enter')]);
        await page.getByText('Our daughter sleeps badly').waitFor();
        await assertNoWiderThan(page, 360);
        await screenshot(page, `forums-topic-${kind}-360x740`);
        await checkAccessibility(page, `topic on a phone ${kind}`);

        // "This helped me" on Amy's post, then its "Reply" link.
        await tabTo(page, 'This helped me');
        await Promise.all([page.waitForURL(/#post-1$/), page.keyboard.press('Enter')]);
        await page.getByText('This helped 1 member').waitFor();
        assert.equal(await page.getByRole('button', { name: 'This helped me' }).getAttribute('aria-pressed'), 'true');
        await tabTo(page, 'Reply');
        await Promise.all([page.waitForURL(/\?reply_to=1#reply$/), page.keyboard.press('Enter')]);
        await page.getByText('Replying to').waitFor();
        await page.getByLabel('Your reply').focus();
        await page.keyboard.type('Two things helped us: a fixed bedtime and a night light.');
        await page.keyboard.press('Tab');
        assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Post the reply');
        await Promise.all([page.waitForURL(/#post-2$/), page.keyboard.press('Enter')]);
        const reply = page.locator('#post-2');
        await reply.getByText('a fixed bedtime').waitFor();
        await reply.getByRole('link', { name: 'Amy\'s post 1' }).waitFor();
        await assertNoWiderThan(page, 360);
        await screenshot(page, `forums-reply-${kind}-360x740`);
        await checkAccessibility(page, `topic after the reply ${kind}`);
        assertNoBrowserProblems(problems);
      });
    });

    test('B flags A\'s post by keyboard at 360 px; a moderator warns A from the queue', async () => {
      await withPage(site.browser, { width: 360, height: 740 }, async ({ page, problems }) => {
        await signIn(page, site.server.url, { email: 'ben@example.org', password: kPassword, next: kForum });
        await page.getByRole('link', { name: 'Sleep after diagnosis <b>help</b>' }).click();
        await page.waitForURL(/\/t\/\d+-/);
        // The first post's "Flag" disclosure, opened and filled with the keyboard alone.
        await tabTo(page, 'Flag');
        await page.keyboard.press('Enter');
        await page.keyboard.press('Tab');
        await page.keyboard.press('Space');  // the first reason: off topic
        await page.keyboard.press('ArrowDown');
        await page.keyboard.press('ArrowDown');  // spam
        const chosen = await page.evaluate(() => document.activeElement?.getAttribute('value'));
        assert.equal(chosen, 'spam');
        await tabTo(page, 'Send the flag');
        await screenshot(page, `forums-flag-${kind}-360x740`);
        await checkAccessibility(page, `flag form ${kind}`);
        await Promise.all([page.waitForURL(/done=flagged#post-1$/), page.keyboard.press('Enter')]);
        await page.getByText('Moderators will look at the post you flagged').waitFor();
        await assertNoWiderThan(page, 360);
        assertNoBrowserProblems(problems);
      });

      await withPage(site.browser, { width: 1280, height: 800 }, async ({ page, problems }) => {
        await signIn(page, site.server.url, { email: 'mo@example.org', password: kPassword, next: '/admin/reports' });
        await page.getByRole('heading', { name: 'Flagged forum posts' }).waitFor();
        await page.getByText('Our daughter sleeps badly').waitFor();
        await screenshot(page, `forums-queue-${kind}-1280x800`);
        await checkAccessibility(page, `reports queue with a flagged post ${kind}`);
        await page.getByLabel('Note').last().fill('Please keep to the topic.');
        await Promise.all([page.waitForURL(/done=warned/), page.getByRole('button', { name: 'Warn Amy' }).last().click()]);
        await page.getByText('No flagged posts are waiting.').waitFor();
        assertNoBrowserProblems(problems);
      });
    });
  });
}
