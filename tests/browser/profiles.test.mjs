// Profiles in a real browser: a member fills in their profile at 360 px with the
// keyboard alone, choosing their city through the type-ahead (an ARIA combobox), and
// joins a condition's community; and markup typed into a display name and a bio never
// runs anywhere it is shown (profile page, condition page, accounts screen).
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
const kCondition = { orphacode: 900002, name: 'Testing syndrome', slug: 'testing-syndrome' };
const kXssName = '<script>alert("name")</script><b>Bo</b>';
const kXssBio = '<img src=x onerror="window.__xss=1;alert(1)"><svg onload=alert(2)>"\'&';

for (const kind of databaseKinds()) {
  describe(`profiles (${kind})`, () => {
    const site = useSite(kind, {
      seed: (database) => {
        database.insertConditions([kCondition]);
        addUser(database, { email: 'ada@example.org', name: 'Ada Admin', role: 'admin', password: kPassword });
        addUser(database, { email: 'pam@example.org', name: 'Pam', role: 'member', password: kPassword });
        addUser(database, { email: 'mal@example.org', name: 'Mal', role: 'member', password: kPassword });
      },
    });

    test('a member chooses their city with the keyboard in the type-ahead, at 360 px', async () => {
      await withPage(site.browser, { width: 360, height: 740 }, async ({ page, problems }) => {
        await signIn(page, site.server.url, { email: 'pam@example.org', password: kPassword, next: '/account/profile' });
        const city = page.getByRole('combobox', { name: 'City', exact: true });
        assert.equal(await city.getAttribute('aria-expanded'), 'false');
        await city.focus();
        await page.keyboard.type('pari');
        const options = page.getByRole('listbox', { name: 'Cities' }).getByRole('option');
        await options.first().waitFor();
        assert.equal(await options.count(), 8);
        assert.equal(await city.getAttribute('aria-expanded'), 'true');
        await page.waitForFunction(() => /8 cities found/.test(document.querySelector('[role=status]')?.textContent));
        const labels = await options.allInnerTexts();
        assert.ok(labels.includes('Paris, Île-de-France, France'), labels.join(' | '));

        await page.keyboard.press('ArrowDown');
        await page.keyboard.press('ArrowDown');
        const activeId = await city.getAttribute('aria-activedescendant');
        assert.equal(await page.locator(`#${activeId}`).getAttribute('aria-selected'), 'true');
        assert.equal(await page.locator(`#${activeId}`).innerText(), labels[1]);
        await page.keyboard.press('ArrowUp');
        assert.equal(await page.locator(`#${await city.getAttribute('aria-activedescendant')}`).innerText(), labels[0]);
        await page.keyboard.press('ArrowDown');
        await screenshot(page, `profile-combobox-${kind}-360x740`);
        await checkAccessibility(page, `profile combobox ${kind}`);

        // Enter chooses (and does not submit); Escape on an open list only closes it.
        const paris = labels.indexOf('Paris, Île-de-France, France');
        // "Pari" is one of the French capital's other names, so it matches exactly, and it
        // is the most populous of the exact matches (São Paulo's Pari district comes after).
        assert.equal(paris, 0, 'the French capital comes first');
        assert.ok(labels.slice(1).some((l) => l.startsWith('Pari, ')), labels.join(' | '));
        await page.keyboard.press('ArrowUp');
        await page.keyboard.press('Enter');
        assert.equal(await city.inputValue(), 'Paris, Île-de-France, France');
        assert.equal(await city.getAttribute('aria-expanded'), 'false');
        assert.match(await page.locator('input[name=city_id]').inputValue(), /^\d+$/);
        assert.match(page.url(), /\/account\/profile$/);
        await page.keyboard.type('x');  // typing again forgets the chosen id
        assert.equal(await page.locator('input[name=city_id]').inputValue(), '');
        await page.waitForFunction(() => /No city found/.test(document.querySelector('[role=status]')?.textContent));
        await page.keyboard.press('Backspace');  // the label itself again: Paris comes first
        await page.waitForFunction(() => /cities found/.test(document.querySelector('[role=status]')?.textContent));
        await page.keyboard.press('Escape');
        assert.equal(await city.getAttribute('aria-expanded'), 'false');
        assert.equal(await city.inputValue(), 'Paris, Île-de-France, France', 'Escape on an open list keeps the text');
        await page.keyboard.press('ArrowDown');
        assert.equal(await city.getAttribute('aria-expanded'), 'true');
        assert.equal(await page.locator(`#${await city.getAttribute('aria-activedescendant')}`).innerText(),
          'Paris, Île-de-France, France');
        await page.keyboard.press('Enter');
        assert.match(await page.locator('input[name=city_id]').inputValue(), /^\d+$/);

        await page.getByLabel('About you').fill('Happy to talk about it.');
        await page.getByRole('radio', { name: /Everyone/ }).check();
        const save = page.getByRole('button', { name: 'Save profile' });
        await save.focus();
        await Promise.all([page.waitForURL(/done=saved/), page.keyboard.press('Enter')]);
        assert.match(await page.getByRole('status').first().innerText(), /profile was saved/);
        assert.equal(await page.getByRole('combobox', { name: 'City', exact: true }).inputValue(), 'Paris, Île-de-France, France');
        const scrollWidth = await page.evaluate(() => document.scrollingElement.scrollWidth);
        assert.ok(scrollWidth <= 360, `no horizontal scrolling at 360 px (${scrollWidth})`);
        await screenshot(page, `profile-saved-${kind}-360x740`);
        await checkAccessibility(page, `profile saved ${kind}`);

        // Join the condition's community from its page, by keyboard.
        await page.goto(`${site.server.url}/conditions/${kCondition.slug}`);
        await page.getByLabel('Join as').selectOption('family');
        await page.getByRole('button', { name: 'Join this community' }).focus();
        await Promise.all([page.waitForURL(/community=joined/), page.keyboard.press('Enter')]);
        assert.match(await page.locator('.community').innerText(), /1 member: 1 family & friends/);
        assert.match(await page.locator('.community').innerText(), /Pam — Family & friends, Paris, Île-de-France, France/);
        await screenshot(page, `condition-community-${kind}-360x740`);
        await checkAccessibility(page, `condition community ${kind}`);
        assertNoBrowserProblems(problems);
      });
    });

    test('markup in a display name and a bio is shown as text and never runs', async () => {
      await withPage(site.browser, {}, async ({ page, problems }) => {
        const dialogs = [];
        page.on('dialog', async (dialog) => {
          dialogs.push(dialog.message());
          await dialog.dismiss();
        });
        await signIn(page, site.server.url, { email: 'mal@example.org', password: kPassword, next: '/account/profile' });
        await page.getByLabel('Display name').fill(kXssName);
        await page.getByLabel('About you').fill(kXssBio);
        await page.getByLabel('Languages you speak').fill('<i>Klingon</i>');
        await page.getByRole('radio', { name: /Everyone/ }).check();
        await Promise.all([page.waitForURL(/done=saved/), page.getByRole('button', { name: 'Save profile' }).click()]);
        assert.equal(await page.getByLabel('Display name').inputValue(), kXssName);
        await page.goto(`${site.server.url}/conditions/${kCondition.slug}`);
        await page.getByLabel('Join as').selectOption('affected');
        await Promise.all([page.waitForURL(/community=joined/),
          page.getByRole('button', { name: 'Join this community' }).click()]);
        const profileHref = await page.locator('.community-list a', { hasText: 'alert("name")' }).getAttribute('href');

        const check = async (path, what) => {
          await page.goto(`${site.server.url}${path}`);
          const text = (await page.locator('body').innerText()) +
            await page.locator('main input[type=text]').evaluateAll((inputs) => inputs.map((i) => i.value).join(' '));
          assert.ok(text.includes(kXssName) || text.includes('alert("name")'), `${what}: the name shows as text`);
          assert.equal(await page.evaluate(() => window.__xss), undefined, `${what}: no handler ran`);
          assert.equal(await page.locator('main img, main svg, main script').count(), 0, `${what}: no element made`);
        };
        await check(profileHref, 'profile page');
        assert.ok((await page.locator('main').innerText()).includes(kXssBio), 'the bio shows as typed');
        assert.ok((await page.locator('main').innerText()).includes('<i>Klingon</i>'));
        await screenshot(page, `profile-xss-${kind}`);
        await checkAccessibility(page, `profile xss ${kind}`);
        await check(`/conditions/${kCondition.slug}`, 'condition page, signed in');
        await check('/account/profile', 'edit form');  // the header's "Signed in as" too

        // Anonymous visitors and the admin's accounts screen.
        await page.context().clearCookies();
        await check(`/conditions/${kCondition.slug}`, 'condition page, anonymous');
        await check(profileHref, 'profile page, anonymous');
        await signIn(page, site.server.url, { email: 'ada@example.org', password: kPassword, next: '/admin/users' });
        await check('/admin/users', 'accounts screen');
        assert.deepEqual(dialogs, [], 'no dialog opened');
        assertNoBrowserProblems(problems);
      });
    });
  });
}
