// A person joins on a phone, fixes the mistakes the form points out, confirms the
// address from the e-mail, signs in, and later deletes the account. Keyboard and screen
// reader cues (error summary, aria-invalid) are checked along the way.
//
// Run: node --test tests/browser/   (after building; see harness.mjs for the environment)

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import {
  assertNoBrowserProblems,
  checkAccessibility,
  databaseKinds,
  screenshot,
  signIn,
  waitForMailedLink,
  useSite,
  withPage,
} from './harness.mjs';

const kPassword = 'violet harbour kettle';

// Does `action` (a click or a key press that submits a form) and waits for the page the
// form's POST answers with.
async function submit(page, action) {
  await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && r.request().resourceType() === 'document'),
    action(),
  ]);
  await page.waitForLoadState('domcontentloaded');
}

// A form sent back with mistakes answers 422, which Chromium logs as a failed resource.
const allowRefusedForms = { allow: (p) => /status of 422/.test(p.text) };

async function assertFitsPhone(page) {
  const scrollWidth = await page.evaluate(() => document.scrollingElement.scrollWidth);
  assert.ok(scrollWidth <= 360, `no horizontal scrolling at 360 px (${scrollWidth})`);
}

for (const kind of databaseKinds()) {
  describe(`joining and leaving (${kind})`, () => {
    const site = useSite(kind, {
      serverArgs: ['--mail-to-console', '--mail-check-interval', '0.1'],
    });

    test('a person joins, fixes mistakes, confirms the address and signs in', async () => {
      await withPage(site.browser, { width: 360, height: 740 }, async ({ page, problems }) => {
        await page.goto(`${site.server.url}/`);
        await Promise.all([page.waitForURL(/\/register$/), page.getByRole('link', { name: 'Join' }).click()]);

        // First try: a bad address and a common password.
        await page.getByLabel('E-mail address').fill('sam-at-example.org');
        await page.getByLabel('Display name').fill('Sam <b>bold</b>');
        await page.getByLabel('Password').fill('password123');
        await submit(page, () => page.getByLabel('Password').press('Enter'));
        const summary = page.getByRole('alert');
        assert.match(await summary.innerText(), /e-mail address like name@example\.org/);
        assert.match(await summary.innerText(), /one people often choose/);
        assert.equal(await page.getByLabel('E-mail address').getAttribute('aria-invalid'), 'true');
        assert.equal(await page.getByLabel('E-mail address').inputValue(), 'sam-at-example.org');
        assert.equal(await page.getByLabel('Display name').inputValue(), 'Sam <b>bold</b>');
        assert.equal(await page.getByLabel('Password').inputValue(), '', 'a password is never sent back');
        await assertFitsPhone(page);
        await screenshot(page, `register-errors-${kind}-360x740`);
        await checkAccessibility(page, `register errors ${kind}`);

        // Following the first error's link puts the cursor in that field.
        await summary.getByRole('link').first().click();
        assert.equal(await page.evaluate(() => document.activeElement.id), 'register-email');

        await page.getByLabel('E-mail address').fill('sam@example.org');
        await page.getByLabel('Display name').fill('Sam');
        await page.getByLabel('Password').fill(kPassword);
        // Post/Redirect/Get: the answer is a page of its own, and reloading it sends nothing.
        await Promise.all([page.waitForURL(/\/register\/sent$/),
          page.getByRole('button', { name: 'Create my account' }).click()]);
        assert.match(await page.getByRole('heading', { level: 1 }).innerText(), /Check your e-mail/);
        const posts = [];
        page.on('request', (r) => { if (r.method() === 'POST') posts.push(r.url()); });
        await page.reload();
        assert.match(await page.getByRole('heading', { level: 1 }).innerText(), /Check your e-mail/);
        assert.deepEqual(posts, [], 'reloading sends the form again');
        await screenshot(page, `register-sent-${kind}-360x740`);
        await checkAccessibility(page, `register sent ${kind}`);

        // Confirming signs Sam in: straight to the account, no password asked again.
        const link = await waitForMailedLink(site.server, '/account/confirm');
        await page.goto(link);
        await screenshot(page, `confirm-address-${kind}-360x740`);
        await checkAccessibility(page, `confirm address ${kind}`);
        await page.getByRole('button', { name: 'Confirm my address' }).focus();
        await Promise.all([page.waitForURL(/\/account\?done=confirmed$/), page.keyboard.press('Enter')]);
        assert.match(await page.getByRole('heading', { level: 1 }).innerText(), /My account/);
        assert.match(await page.getByRole('status').innerText(), /Your address is confirmed and you are signed in/);
        assert.match(await page.getByRole('banner').innerText(), /Signed in as Sam/);
        // The header's "Sign out" is a form's button that reads as one of its links.
        const signOut = page.getByRole('banner').getByRole('button', { name: 'Sign out' });
        const look = await signOut.evaluate((b) => {
          const style = getComputedStyle(b);
          return { background: style.backgroundColor, underline: style.textDecorationLine, color: style.color };
        });
        assert.equal(look.background, 'rgba(0, 0, 0, 0)', 'no button background');
        assert.equal(look.underline, 'underline');
        assert.equal(look.color, 'rgb(255, 255, 255)');
        await assertFitsPhone(page);
        await screenshot(page, `my-account-${kind}-360x740`);
        await checkAccessibility(page, `my account ${kind}`);
        assertNoBrowserProblems(problems, allowRefusedForms);
      });
    });

    test('a member deletes their account after confirming with the password', async () => {
      await withPage(site.browser, { width: 360, height: 740 }, async ({ page, problems }) => {
        await signIn(page, site.server.url, { email: 'sam@example.org', password: kPassword, next: '/account' });
        await Promise.all([page.waitForURL(/\/account\/delete$/),
          page.getByRole('link', { name: 'Delete my account' }).click()]);
        await screenshot(page, `delete-account-${kind}-360x740`);
        await checkAccessibility(page, `delete account ${kind}`);

        // Without ticking the box, nothing happens but an explanation.
        await page.getByLabel('Your password').fill(kPassword);
        await submit(page, () => page.getByRole('button', { name: 'Delete my account' }).click());
        assert.match(await page.getByRole('alert').innerText(), /Tick the box/);

        await page.getByLabel('Your password').fill(kPassword);
        await page.getByLabel(/my account will be deleted for good/).check();
        await Promise.all([page.waitForURL(/\/account\/deleted$/),
          page.getByRole('button', { name: 'Delete my account' }).click()]);
        assert.match(await page.getByRole('heading', { level: 1 }).innerText(), /Your account was deleted/);
        assert.match(await page.getByRole('banner').innerText(), /Sign in/);
        await screenshot(page, `account-deleted-${kind}-360x740`);
        await checkAccessibility(page, `account deleted ${kind}`);

        await page.goto(`${site.server.url}/login`);
        await page.getByLabel('E-mail address').fill('sam@example.org');
        await page.getByLabel('Password').fill(kPassword);
        await submit(page, () => page.getByRole('button', { name: 'Sign in' }).click());
        assert.match(await page.getByRole('alert').innerText(), /do not match an account/);
        assertNoBrowserProblems(problems, allowRefusedForms);
      });
    });
  });
}
