// Relayed contact in a real browser: member A opens member B's profile, chooses "Send a
// message" and writes; B signs in on a 360 px phone, sees the unread count in the
// header, opens the conversation and replies with the keyboard alone. Then B reports a
// message and blocks A from the conversation, and a moderator handles the report in the
// queue. Screenshots of each screen (desktop and 360 px) and axe-core on each.
//
// Run: node --test tests/browser/messages.test.mjs   (after building; see harness.mjs)

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
  describe(`messages (${kind})`, () => {
    let benId;
    const site = useSite(kind, {
      seed: (database) => {
        addUser(database, { email: 'amy@example.org', name: 'Amy', role: 'member', password: kPassword });
        addUser(database, { email: 'ben@example.org', name: 'Ben', role: 'member', password: kPassword });
        addUser(database, { email: 'mo@example.org', name: 'Mo', role: 'moderator', password: kPassword });
        database.exec(
          "INSERT INTO profiles (user_id, visibility, accepts_contact, updated_at) " +
            "SELECT id, 'members', 1, 1 FROM users WHERE email_key = 'ben@example.org';\n",
        );
        const out = database.exec("SELECT id FROM users WHERE email_key = 'ben@example.org';\n");
        benId = out.match(/^\s*(\d+)\s*$/m)[1];
      },
    });

    test('A writes from B\'s profile; B sees the count and replies with the keyboard at 360 px', async () => {
      // Member A, on a desktop.
      await withPage(site.browser, { width: 1280, height: 800 }, async ({ page, problems }) => {
        await signIn(page, site.server.url, { email: 'amy@example.org', password: kPassword, next: `/members/${benId}` });
        await page.getByRole('link', { name: 'Send a message' }).click();
        await page.waitForURL(new RegExp(`/messages/new\\?to=${benId}$`));
        await page.getByRole('heading', { name: 'Write to Ben' }).waitFor();
        await screenshot(page, `messages-compose-${kind}-1280x800`);
        await checkAccessibility(page, `compose ${kind}`);
        await page.getByLabel('Your message').fill('Hello Ben,\nI saw you on the map. How are you?');
        await Promise.all([
          page.waitForURL(/\/messages\/\d+#message-\d+$/),
          page.getByRole('button', { name: 'Send the message' }).click(),
        ]);
        await page.getByText('I saw you on the map.').waitFor();
        await screenshot(page, `messages-thread-sent-${kind}-1280x800`);
        await checkAccessibility(page, `thread (sender) ${kind}`);
        assertNoBrowserProblems(problems);
      });

      // Member B, on a phone.
      await withPage(site.browser, { width: 360, height: 740 }, async ({ page, problems }) => {
        await signIn(page, site.server.url, { email: 'ben@example.org', password: kPassword, next: '/' });
        const messages = page.getByRole('link', { name: 'Messages, 1 unread conversation', exact: true });
        await messages.waitFor();
        assert.equal(await messages.innerText(), 'Messages (1)');
        await screenshot(page, `messages-header-unread-${kind}-360x740`);
        await checkAccessibility(page, `header with unread count ${kind}`);

        // Keyboard only from here: Enter on the link, Enter on the conversation.
        await messages.focus();
        await Promise.all([page.waitForURL(/\/messages$/), page.keyboard.press('Enter')]);
        const conversation = page.getByRole('link', { name: /Amy/ });
        await conversation.focus();
        await screenshot(page, `messages-inbox-${kind}-360x740`);
        await checkAccessibility(page, `inbox ${kind}`);
        await Promise.all([page.waitForURL(/\/messages\/\d+$/), page.keyboard.press('Enter')]);
        await page.getByText('I saw you on the map.').waitFor();
        // Opening it marked it read.
        assert.equal(await page.getByRole('link', { name: /^Messages$/ }).count(), 1);

        // Type the reply, Tab to the send button, Enter.
        await page.getByLabel('Your reply').focus();
        await page.keyboard.type('Hi Amy! I am well, thank you.');
        await page.keyboard.press('Tab');
        assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Send the reply');
        await Promise.all([page.waitForURL(/\/messages\/\d+#message-\d+$/), page.keyboard.press('Enter')]);
        await page.getByText('Hi Amy! I am well, thank you.').waitFor();
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(width <= 360, `the page is ${width} px wide at 360 px`);
        await screenshot(page, `messages-thread-reply-${kind}-360x740`);
        await checkAccessibility(page, `thread (reply) ${kind}`);
        assertNoBrowserProblems(problems);
      });
    });

    test('B reports a message and blocks A; a moderator dismisses the report', async () => {
      await withPage(site.browser, { width: 360, height: 740 }, async ({ page, problems }) => {
        await signIn(page, site.server.url, { email: 'ben@example.org', password: kPassword, next: '/messages' });
        await page.getByRole('link', { name: /Amy/ }).click();
        await page.waitForURL(/\/messages\/\d+$/);
        // The report form opens from its summary with the keyboard.
        await page.getByText('Report this message').first().focus();
        await page.keyboard.press('Enter');
        await page.getByLabel('Why are you reporting this message?').first().fill('Testing the queue');
        await Promise.all([
          page.waitForURL(/\?done=reported$/),
          page.getByRole('button', { name: 'Send the report' }).first().click(),
        ]);
        await page.getByText('Moderators will look at the message you reported').waitFor();
        // Block and Leave are secondary actions: outlined, not the filled main button.
        const look = (name) => page.getByRole('button', { name, exact: true }).evaluate((b) => {
          const style = getComputedStyle(b);
          return { background: style.backgroundColor, color: style.color };
        });
        const send = await look('Send the reply');
        for (const name of ['Block Amy', 'Leave the conversation']) {
          const secondary = await look(name);
          assert.equal(secondary.background, 'rgb(255, 255, 255)', `${name} is not filled`);
          assert.notEqual(secondary.background, send.background, `${name} looks unlike Send the reply`);
        }
        await Promise.all([page.waitForURL(/\?done=blocked$/), page.getByRole('button', { name: 'Block Amy' }).click()]);
        await page.getByRole('button', { name: 'Unblock Amy' }).waitFor();
        await screenshot(page, `messages-thread-blocked-${kind}-360x740`);
        await checkAccessibility(page, `thread after block ${kind}`);
        await page.goto(`${site.server.url}/messages/blocked`);
        await page.getByRole('button', { name: 'Unblock Amy' }).waitFor();
        await screenshot(page, `messages-blocked-${kind}-360x740`);
        await checkAccessibility(page, `blocked list ${kind}`);
        assertNoBrowserProblems(problems);
      });

      await withPage(site.browser, { width: 1280, height: 800 }, async ({ page, problems }) => {
        await signIn(page, site.server.url, { email: 'mo@example.org', password: kPassword, next: '/admin/reports' });
        await page.getByText('Testing the queue').waitFor();
        await screenshot(page, `admin-reports-${kind}-1280x800`);
        await checkAccessibility(page, `reports queue ${kind}`);
        await Promise.all([page.waitForURL(/\?done=dismissed$/), page.getByRole('button', { name: 'Dismiss' }).click()]);
        await page.getByText('No reports are waiting.').waitFor();
        assertNoBrowserProblems(problems);
      });
    });
  });
}
