// The "Synthetic demo post" badge in a real browser. With forum demo data loaded
// (`demo-data --forum-long-topic 3`: one synthetic topic in the public General forum), a
// visitor on a 360 px phone goes by keyboard alone from the header's "Forums" to the demo
// topic; every post there carries the badge inside its heading, so a screen reader lists
// and announces it with the post ("… wrote post 1 Synthetic demo post"), and the
// keyboard's next stop, the post's own link, sits under that heading. A real member's reply
// in the same topic has no badge. Screenshots and axe-core on each screen; the pages must
// not be wider than the phone.
//
// Run: node --test tests/browser/forum_demo.test.mjs   (after building; see harness.mjs)

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { describe, test } from 'node:test';

import {
  addUser,
  assertNoBrowserProblems,
  assertNoWiderThan,
  binPath,
  checkAccessibility,
  databaseKinds,
  screenshot,
  signIn,
  tabTo,
  useSite,
  withPage,
} from './harness.mjs';

const kPassword = 'amber lantern meadow';
const kBadge = 'Synthetic demo post';

for (const kind of databaseKinds()) {
  describe(`forum demo data (${kind})`, () => {
    const site = useSite(kind, {
      seed: (database) => {
        addUser(database, { email: 'ann@example.org', name: 'Ann', role: 'member', password: kPassword });
        database.insertConditions([{ orphacode: 1183, name: 'Dancing eye syndrome' }]);
        execFileSync(binPath, ['--database', database.url, 'demo-data', '--members', '30', '--forum-long-topic', '3',
          '--seed', '2', ...(database.searchIndex ? ['--search-index', database.searchIndex] : [])],
        { stdio: 'pipe' });
      },
    });

    test('a visitor reaches a demo topic by keyboard at 360 px and hears each post is synthetic', async () => {
      await withPage(site.browser, { width: 360, height: 740 }, async ({ page, problems }) => {
        await page.goto(`${site.server.url}/`);
        await tabTo(page, 'Forums');
        await Promise.all([page.waitForURL(/\/forums$/), page.keyboard.press('Enter')]);
        await tabTo(page, 'General');
        await Promise.all([page.waitForURL(/\/forums\/general$/), page.keyboard.press('Enter')]);
        const title = (await page.locator('.topic-item .topic-link').first().innerText()).trim();
        assert.ok(title.length > 0, 'the demo topic is listed in General');
        await tabTo(page, title);
        await Promise.all([page.waitForURL(/\/forums\/general\/t\/\d+-/), page.keyboard.press('Enter')]);
        await page.getByRole('heading', { name: title, level: 1 }).waitFor();

        // Each post's heading holds the badge: its accessible name says so, and the
        // accessibility tree (what a screen reader reads) has it, nothing hiding it.
        const headings = page.getByRole('heading', { level: 2, name: new RegExp(`wrote post \\d+ ${kBadge}$`) });
        assert.equal(await headings.count(), 3);
        const tree = await page.getByRole('main').ariaSnapshot();
        assert.match(tree, new RegExp(`heading ".* wrote post 1 ${kBadge}" \\[level=2\\]`), tree);
        const badge = page.locator('#post-1 .badge-demo');
        assert.equal(await badge.isVisible(), true);
        const box = await badge.boundingBox();
        assert.ok(box && box.x >= 0 && box.x + box.width <= 360, `the badge is on screen: ${JSON.stringify(box)}`);
        // The keyboard's stop in the first post is its link, under the badge's heading.
        await tabTo(page, /^Link to post 1, written/);
        const heading = await page.evaluate(() =>
          document.activeElement?.closest('li.post')?.querySelector('h2')?.textContent?.replace(/\s+/g, ' ').trim());
        assert.match(heading ?? '', new RegExp(`${kBadge}$`));
        // The banner says why: the members shown are synthetic.
        assert.match(await page.getByRole('region', { name: 'Notices' }).innerText(), /Demo data/);
        await assertNoWiderThan(page, 360);
        await screenshot(page, `forum-demo-topic-${kind}-360x740`);
        await checkAccessibility(page, `demo topic ${kind}`);
        assertNoBrowserProblems(problems);
      });
    });

    test('a real member\'s reply in a demo topic has no badge', async () => {
      await withPage(site.browser, { width: 360, height: 740 }, async ({ page, problems }) => {
        await signIn(page, site.server.url, { email: 'ann@example.org', password: kPassword, next: '/forums/general' });
        await page.locator('.topic-item .topic-link').first().click();
        await page.waitForURL(/\/forums\/general\/t\/\d+-/);
        await page.getByLabel('Your reply').fill('Thank you all: this is close to what we lived.');
        await Promise.all([page.waitForURL(/#post-4$/), page.getByRole('button', { name: 'Post the reply' }).click()]);
        const mine = page.getByRole('heading', { level: 2, name: /^Ann wrote post 4/ });
        await mine.waitFor();
        assert.equal(await page.locator('#post-4 .badge-demo').count(), 0);
        assert.equal(await page.getByRole('heading', { level: 2, name: new RegExp(kBadge) }).count(), 3);
        await assertNoWiderThan(page, 360);
        await screenshot(page, `forum-demo-topic-reply-${kind}-360x740`);
        await checkAccessibility(page, `demo topic with a real reply ${kind}`);
        assertNoBrowserProblems(problems);
      });
    });
  });
}
