// Digests in a real browser, on a 360 px phone and by keyboard: a member follows the
// account page's link to the e-mail preferences, chooses the daily digest with the arrow
// keys and saves; a digest is sent (`diseasemaps digests`, as each server does
// regularly); its one-click unsubscribe link, opened without a session, stops the digest,
// says so and offers "Subscribe again", which restores the daily digest. Screenshots and
// axe-core on each screen; the pages must not be wider than the phone.
//
// Run: node --test tests/browser/digests.test.mjs   (after building; see harness.mjs)

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { describe, test } from 'node:test';

import {
  addUser,
  assertNoBrowserProblems,
  binPath,
  checkAccessibility,
  databaseKinds,
  assertNoWiderThan,
  screenshot,
  signIn,
  tabTo,
  useSite,
  withPage,
} from './harness.mjs';

const kPassword = 'correct horse battery staple';

for (const kind of databaseKinds()) {
  describe(`digests (${kind})`, () => {
    const site = useSite(kind, {
      seed: (database) => {
        addUser(database, { email: 'amy@example.org', name: 'Amy', role: 'member', password: kPassword });
        addUser(database, { email: 'ben@example.org', name: 'Ben', role: 'member', password: kPassword });
      },
    });

    test('a member chooses the daily digest by keyboard at 360 px, unsubscribes and subscribes again', async () => {
      await withPage(site.browser, { width: 360, height: 740 }, async ({ page, problems }) => {
        await signIn(page, site.server.url, { email: 'ben@example.org', password: kPassword, next: '/account' });
        await tabTo(page, 'Choose which e-mails the forums send you');
        await Promise.all([page.waitForURL(/\/account\/notifications$/), page.keyboard.press('Enter')]);
        await page.getByRole('heading', { name: 'E-mail about the forums', level: 1 }).waitFor();
        assert.equal(await page.getByLabel('Weekly').isChecked(), true);
        await assertNoWiderThan(page, 360);
        await screenshot(page, `digests-preferences-${kind}-360x740`);
        await checkAccessibility(page, `e-mail preferences ${kind}`);
        // Tab reaches the chosen radio button; the arrow keys move the choice.
        await tabTo(page, 'Weekly');
        await page.keyboard.press('ArrowUp');
        assert.equal(await page.getByLabel('Daily').isChecked(), true);
        await tabTo(page, 'Save my choices');
        await Promise.all([page.waitForURL(/\/account\/notifications\?done=saved$/), page.keyboard.press('Enter')]);
        await page.getByRole('status').getByText('Your choices are saved.').waitFor();
        assert.equal(await page.getByLabel('Daily').isChecked(), true);
        await screenshot(page, `digests-preferences-saved-${kind}-360x740`);
        await checkAccessibility(page, `e-mail preferences saved ${kind}`);
        assertNoBrowserProblems(problems);
      });

      // Ben watches "General", where Amy started a topic; his last digest was two days
      // ago and he has not come since.
      const now = Math.floor(Date.now() / 1000);
      site.database.exec(
        "INSERT INTO forum_watches (user_id, forum_id, level, updated_at) SELECT u.id, f.id, 'watching', 0" +
          " FROM users u, forums f WHERE u.email = 'ben@example.org' AND f.slug = 'general';\n" +
          'INSERT INTO forum_topics (forum_id, author_id, title, created_at, post_count, reply_count, last_post_at)' +
          ` SELECT f.id, u.id, 'Night waking', ${now - 60}, 1, 0, ${now - 60} FROM forums f, users u` +
          " WHERE f.slug = 'general' AND u.email = 'amy@example.org';\n" +
          'INSERT INTO forum_posts (topic_id, number, author_id, body, created_at)' +
          ` SELECT id, 1, author_id, 'She wakes at three.', ${now - 60} FROM forum_topics WHERE title = 'Night waking';\n` +
          `UPDATE member_digests SET digest_from = ${now - 2 * 86400};\n` +
          'DELETE FROM member_visits;\n',
      );
      const pass = execFileSync(binPath, ['--database', site.database.url, 'digests', '--public-url', site.server.url],
        { encoding: 'utf8' });
      assert.match(pass, /1 sent/);
      const outbox = site.database.exec("SELECT body FROM outbox WHERE recipient = 'ben@example.org';\n");
      assert.match(outbox, /Night waking/);
      const link = outbox.match(/\/unsubscribe\/d[0-9]+\.[A-Za-z0-9_-]+/)[0];

      // The link works without a session, by keyboard.
      await withPage(site.browser, { width: 360, height: 740 }, async ({ page, problems }) => {
        await page.goto(`${site.server.url}${link}`);
        await page.getByRole('heading', { name: 'Stop the digest of new topics', level: 1 }).waitFor();
        await assertNoWiderThan(page, 360);
        await screenshot(page, `digests-unsubscribe-${kind}-360x740`);
        await checkAccessibility(page, `unsubscribe ${kind}`);
        await tabTo(page, 'Stop the digest');
        await Promise.all([page.waitForLoadState('load'), page.keyboard.press('Enter')]);
        await page.getByRole('status').getByText('we will send you no more digests', { exact: false }).waitFor();
        await assertNoWiderThan(page, 360);
        await screenshot(page, `digests-unsubscribed-${kind}-360x740`);
        await checkAccessibility(page, `unsubscribed ${kind}`);
        assert.match(site.database.exec("SELECT frequency FROM member_digests;\n"), /never/);
        await page.getByRole('link', { name: 'Choose which e-mails you get' }).waitFor();
        await tabTo(page, 'Subscribe again');
        await Promise.all([page.waitForURL(/\/again$/), page.keyboard.press('Enter')]);
        await page.getByRole('status').getByText('you will get the daily digest of new topics again', { exact: false })
          .waitFor();
        await screenshot(page, `digests-subscribed-again-${kind}-360x740`);
        await checkAccessibility(page, `subscribed again ${kind}`);
        assert.match(site.database.exec("SELECT frequency FROM member_digests;\n"), /daily/);
        assertNoBrowserProblems(problems);
      });
    });
  });
}
