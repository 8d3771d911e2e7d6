// Relayed contact in a real browser: member A opens member B's profile, chooses "Send a
// message" and writes; B signs in on a 360 px phone, sees the unread count in the
// header, opens the conversation and replies with the keyboard alone. Screenshots of
// each screen (desktop and 360 px) and axe-core on each. Then B reports a message and
// blocks A from the conversation, and a moderator handles the report in the queue.
//
// Run: node --test tests/browser/messages.test.mjs   (after building; see harness.mjs)

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import {
  addUser,
  assertNoBrowserProblems,
  checkAccessibility,
  createDatabase,
  databaseKinds,
  launchBrowser,
  openPage,
  screenshot,
  signIn,
  startServer,
} from './harness.mjs';

const kPassword = 'correct horse battery staple';

for (const kind of databaseKinds()) {
  describe(`messages (${kind})`, () => {
    let database;
    let server;
    let browser;
    let benId;

    before(async () => {
      database = createDatabase(kind);
      database.migrate();
      addUser(database, { email: 'amy@example.org', name: 'Amy', role: 'member', password: kPassword });
      addUser(database, { email: 'ben@example.org', name: 'Ben', role: 'member', password: kPassword });
      addUser(database, { email: 'mo@example.org', name: 'Mo', role: 'moderator', password: kPassword });
      database.exec(
        "INSERT INTO profiles (user_id, visibility, accepts_contact, updated_at) " +
          "SELECT id, 'members', 1, 1 FROM users WHERE email_key = 'ben@example.org';\n",
      );
      const out = database.exec("SELECT id FROM users WHERE email_key = 'ben@example.org';\n");
      benId = out.match(/^\s*(\d+)\s*$/m)[1];
      server = await startServer(database);
      browser = await launchBrowser();
    });

    after(async () => {
      await browser?.close();
      await server?.stop();
      database?.dispose();
    });

    test('A writes from B\'s profile; B sees the count and replies with the keyboard at 360 px', async () => {
      // Member A, on a desktop.
      const a = await openPage(browser, { width: 1280, height: 800 });
      try {
        await signIn(a.page, server.url, { email: 'amy@example.org', password: kPassword, next: `/members/${benId}` });
        await a.page.getByRole('link', { name: 'Send a message' }).click();
        await a.page.waitForURL(new RegExp(`/messages/new\\?to=${benId}$`));
        await a.page.getByRole('heading', { name: 'Write to Ben' }).waitFor();
        await screenshot(a.page, `messages-compose-${kind}-1280x800`);
        await checkAccessibility(a.page, `compose ${kind}`);
        await a.page.getByLabel('Your message').fill('Hello Ben,\nI saw you on the map. How are you?');
        await Promise.all([
          a.page.waitForURL(/\/messages\/\d+#message-\d+$/),
          a.page.getByRole('button', { name: 'Send the message' }).click(),
        ]);
        await a.page.getByText('I saw you on the map.').waitFor();
        await screenshot(a.page, `messages-thread-sent-${kind}-1280x800`);
        await checkAccessibility(a.page, `thread (sender) ${kind}`);
        assertNoBrowserProblems(a.problems);
      } finally {
        await a.context.close();
      }

      // Member B, on a phone.
      const b = await openPage(browser, { width: 360, height: 740 });
      try {
        await signIn(b.page, server.url, { email: 'ben@example.org', password: kPassword, next: '/' });
        const messages = b.page.getByRole('link', { name: 'Messages, 1 unread conversation', exact: true });
        await messages.waitFor();
        assert.equal(await messages.innerText(), 'Messages (1)');
        await screenshot(b.page, `messages-header-unread-${kind}-360x740`);
        await checkAccessibility(b.page, `header with unread count ${kind}`);

        // Keyboard only from here: Enter on the link, Enter on the conversation.
        await messages.focus();
        await Promise.all([b.page.waitForURL(/\/messages$/), b.page.keyboard.press('Enter')]);
        const conversation = b.page.getByRole('link', { name: /Amy/ });
        await conversation.focus();
        await screenshot(b.page, `messages-inbox-${kind}-360x740`);
        await checkAccessibility(b.page, `inbox ${kind}`);
        await Promise.all([b.page.waitForURL(/\/messages\/\d+$/), b.page.keyboard.press('Enter')]);
        await b.page.getByText('I saw you on the map.').waitFor();
        // Opening it marked it read.
        assert.equal(await b.page.getByRole('link', { name: /^Messages$/ }).count(), 1);

        // Tab from the last report control reaches the reply box, then the send button.
        await b.page.getByLabel('Your reply').focus();
        await b.page.keyboard.type('Hi Amy! I am well, thank you.');
        await b.page.keyboard.press('Tab');
        assert.equal(await b.page.evaluate(() => document.activeElement?.textContent), 'Send the reply');
        await Promise.all([b.page.waitForURL(/\/messages\/\d+#message-\d+$/), b.page.keyboard.press('Enter')]);
        await b.page.getByText('Hi Amy! I am well, thank you.').waitFor();
        const overflow = await b.page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(overflow <= 360, `the page is ${overflow} px wide at 360 px`);
        await screenshot(b.page, `messages-thread-reply-${kind}-360x740`);
        await checkAccessibility(b.page, `thread (reply) ${kind}`);
        assertNoBrowserProblems(b.problems);
      } finally {
        await b.context.close();
      }
    });

    test('B reports a message and blocks A; a moderator dismisses the report', async () => {
      const b = await openPage(browser, { width: 360, height: 740 });
      try {
        await signIn(b.page, server.url, { email: 'ben@example.org', password: kPassword, next: '/messages' });
        await b.page.getByRole('link', { name: /Amy/ }).click();
        await b.page.waitForURL(/\/messages\/\d+$/);
        // The report form opens from its summary with the keyboard.
        await b.page.getByText('Report this message').first().focus();
        await b.page.keyboard.press('Enter');
        await b.page.getByLabel('Why are you reporting this message?').first().fill('Testing the queue');
        await Promise.all([
          b.page.waitForURL(/\?done=reported$/),
          b.page.getByRole('button', { name: 'Send the report' }).first().click(),
        ]);
        await b.page.getByText('Moderators will look at the message you reported').waitFor();
        await Promise.all([
          b.page.waitForURL(/\?done=blocked$/),
          b.page.getByRole('button', { name: 'Block Amy' }).click(),
        ]);
        await b.page.getByRole('button', { name: 'Unblock Amy' }).waitFor();
        await screenshot(b.page, `messages-thread-blocked-${kind}-360x740`);
        await checkAccessibility(b.page, `thread after block ${kind}`);
        await b.page.goto(`${server.url}/messages/blocked`);
        await b.page.getByRole('button', { name: 'Unblock Amy' }).waitFor();
        await screenshot(b.page, `messages-blocked-${kind}-360x740`);
        await checkAccessibility(b.page, `blocked list ${kind}`);
        assertNoBrowserProblems(b.problems);
      } finally {
        await b.context.close();
      }

      const mo = await openPage(browser, { width: 1280, height: 800 });
      try {
        await signIn(mo.page, server.url, { email: 'mo@example.org', password: kPassword, next: '/admin/reports' });
        await mo.page.getByText('Testing the queue').waitFor();
        await screenshot(mo.page, `admin-reports-${kind}-1280x800`);
        await checkAccessibility(mo.page, `reports queue ${kind}`);
        await Promise.all([
          mo.page.waitForURL(/\?done=dismissed$/),
          mo.page.getByRole('button', { name: 'Dismiss' }).click(),
        ]);
        await mo.page.getByText('No reports are waiting.').waitFor();
        assertNoBrowserProblems(mo.problems);
      } finally {
        await mo.context.close();
      }
    });
  });
}
