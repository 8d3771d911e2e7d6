// The editorial screens as editors and reviewers use them: sign in, write an answer,
// preview it (rendered by the server, no script), send it for review, return it with a
// comment, revise it, approve it, compare two versions. Every screen is checked with
// axe-core, at a phone's width and a desktop's, with a screenshot.
//
// Run: node --test tests/browser/   (after building; see harness.mjs for the environment)

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import {
  assertNoBrowserProblems,
  binPath,
  checkAccessibility,
  databaseKinds,
  openPage,
  screenshot,
  signIn as signInAs,
  addUser as addAccount,
  withPage,
  useSite,
} from './harness.mjs';

const kPassword = 'correct horse battery staple';
const kQuestion = 'What causes Marfan syndrome?';

function addUser(database, email, name, role, credentials) {
  addAccount(database, { email, name, role, credentials, password: kPassword });
}

function signIn(page, serverUrl, email) {
  return signInAs(page, serverUrl, { email, password: kPassword, next: '/editorial' });
}

// axe, a screenshot, and no horizontal scrolling at the page's width.
async function checkScreen(page, name, width) {
  const scrollWidth = await page.evaluate(() => document.scrollingElement.scrollWidth);
  assert.ok(scrollWidth <= width, `${name}: no horizontal scrolling at ${width} px (${scrollWidth})`);
  await screenshot(page, name);
  await checkAccessibility(page, name);
}

for (const kind of databaseKinds()) {
  describe(`editorial screens (${kind})`, () => {
    const site = useSite(kind, {
      seed: (database) => {
        database.insertConditions([{ orphacode: 558, name: 'Marfan syndrome' }]);
        addUser(database, 'edith@example.org', 'Edith Editor', 'editor');
        addUser(database, 'rita@example.org', 'Dr Rita Reviewer', 'reviewer', 'MD, clinical geneticist');
      },
    });

    test('an answer goes from a draft to a medically reviewed one', async () => {
      for (const { width, height } of [{ width: 360, height: 740 }, { width: 1280, height: 800 }]) {
        const size = `${width}x${height}`;
        const editor = await openPage(site.browser, { width, height });
        const reviewer = await openPage(site.browser, { width, height });
        try {
          const question = `${kQuestion} (${size})`;
          const e = editor.page;
          await signIn(e, site.server.url, 'edith@example.org');
          await checkScreen(e, `editorial-dashboard-${kind}-${size}`, width);

          // The condition is picked by name with the type-ahead, by keyboard alone.
          const picker = e.getByRole('combobox', { name: 'Start a new answer for a condition' });
          await picker.focus();
          await e.keyboard.type('marfan');
          await e.getByRole('option', { name: /Marfan syndrome/ }).first().waitFor();
          await checkScreen(e, `editorial-picker-${kind}-${size}`, width);
          await picker.press('ArrowDown');
          assert.equal(await e.getByRole('option', { selected: true }).count(), 1, 'one suggestion chosen');
          await Promise.all([e.waitForURL(/\/editorial\/conditions\/558\/answers\/new$/), picker.press('Enter')]);
          await e.getByLabel('Question').fill(question);
          await e.getByLabel('Short answer').fill('A change in the FBN1 gene.');
          await e.getByLabel('Full answer, in Markdown').fill(
            '## Why\n\n<script>alert(1)</script>\n\nSee [this](javascript:alert(2)) and ' +
            '[Orphanet](https://www.orpha.net/).\n\n## References\n\n1. Orphanet. https://www.orpha.net/\n');

          // A mistake comes back beside its field, with what was typed.
          await e.getByLabel(/Address on the page/).fill('Not A Slug');
          await e.getByRole('button', { name: 'Save draft' }).click();
          await e.getByText('There is a problem').waitFor();
          assert.equal(await e.getByLabel('Question').inputValue(), question);
          await checkScreen(e, `editorial-new-error-${kind}-${size}`, width);
          await e.getByLabel(/Address on the page/).fill('');

          await e.getByRole('button', { name: 'Preview' }).click();
          const preview = e.locator('section.preview');
          await preview.waitFor();
          assert.equal(await preview.locator('a[href^="javascript"]').count(), 0, 'script links are dropped');
          assert.equal(await preview.getByRole('link', { name: 'Orphanet' }).first().getAttribute('href'),
            'https://www.orpha.net/');
          await checkScreen(e, `editorial-preview-${kind}-${size}`, width);

          await e.getByRole('button', { name: 'Save draft' }).click();
          await e.waitForURL(/\/editorial\/answers\/\d+\?done=created$/);
          const answerUrl = e.url().replace(/\?.*$/, '');
          await e.getByRole('button', { name: 'Submit for review' }).click();
          await e.getByText('Sent for medical review').waitFor();
          assert.equal(await e.getByRole('button', { name: 'Approve and publish' }).count(), 0,
            'an editor has no approve button');
          await checkScreen(e, `editorial-answer-submitted-${kind}-${size}`, width);

          const r = reviewer.page;
          await signIn(r, site.server.url, 'rita@example.org');
          await r.getByRole('link', { name: question }).click();
          await r.getByRole('button', { name: 'Return to editor' }).click();
          await r.getByText('returning an answer needs a comment').first().waitFor();
          await checkScreen(r, `editorial-review-error-${kind}-${size}`, width);
          await r.getByLabel('Comment for the editors').fill('Say how often it is inherited.');
          await r.getByRole('button', { name: 'Return to editor' }).click();
          await r.getByText('Returned to the editors with your comment.').waitFor();

          await e.goto(`${site.server.url}/editorial`);
          await e.getByText('Say how often it is inherited.').waitFor();
          await e.getByRole('link', { name: question }).click();
          await e.getByLabel('Short answer').fill('A change in the FBN1 gene; about 3 in 4 people inherit it.');
          await e.getByRole('button', { name: 'Submit for review' }).click();
          await e.getByText('Sent for medical review').waitFor();

          await r.goto(answerUrl);
          await checkScreen(r, `editorial-review-${kind}-${size}`, width);
          await r.getByRole('button', { name: 'Approve and publish' }).click();
          await r.getByText('This version is now the published answer').waitFor();
          await r.getByRole('link', { name: 'with version 1' }).first().click();
          await r.getByRole('heading', { name: 'Changes from version 1 to version 2' }).waitFor();
          assert.match(await r.locator('del').first().innerText(), /A change in the FBN1 gene\./);
          assert.match(await r.locator('ins').first().innerText(), /about 3 in 4 people inherit it/);
          await checkScreen(r, `editorial-diff-${kind}-${size}`, width);

          const publicPage = await openPage(site.browser, { width, height });
          try {
            await publicPage.page.goto(`${site.server.url}/conditions/marfan-syndrome`);
            const main = await publicPage.page.getByRole('main').innerText();
            assert.match(main, /Medically reviewed by Dr Rita Reviewer, MD, clinical geneticist/);
            assertNoBrowserProblems(publicPage.problems);
          } finally {
            await publicPage.context.close();
          }
          // The forms sent with a mistake on purpose come back 422, which Chromium logs.
          const expected = (p) => / status of 422 /.test(p.text);
          assertNoBrowserProblems(editor.problems, { allow: expected });
          assertNoBrowserProblems(reviewer.problems, { allow: expected });
        } finally {
          await editor.context.close();
          await reviewer.context.close();
        }
      }
    });

    test('an answer starts from the compiled summary, and its times show in the visitor\'s zone', async () => {
      for (const { width, height } of [{ width: 360, height: 740 }, { width: 1280, height: 800 }]) {
        const size = `${width}x${height}`;
        await withPage(site.browser, { width, height, timezoneId: 'America/New_York' }, async ({ page, problems }) => {
          await signIn(page, site.server.url, 'edith@example.org');
          await page.goto(`${site.server.url}/editorial/conditions/558/answers/new`);
          await Promise.all([page.waitForURL(/from=summary$/),
            page.getByRole('link', { name: 'Start from the compiled summary' }).click()]);
          assert.match(await page.getByRole('status').innerText(), /Started from the compiled summary/);
          assert.match(await page.getByLabel('Short answer').inputValue(), /Marfan syndrome/);
          assert.equal(await page.getByLabel('Question').inputValue(), 'What is Marfan syndrome?');
          await checkScreen(page, `editorial-from-summary-${kind}-${size}`, width);
          await page.getByLabel('Question').fill(`What is Marfan syndrome? (${size})`);
          await page.getByRole('button', { name: 'Save draft' }).click();
          await page.waitForURL(/\/editorial\/answers\/\d+\?done=created$/);
          assert.match(await page.locator('.answer-state').innerText(), /Not on the condition's page/);

          // Each moment: the UTC text as its title, the text in New York's time.
          const moments = await page.locator('time[data-local="minute"]').evaluateAll((all) => all.map((t) => ({
            text: t.textContent, title: t.title, iso: t.getAttribute('datetime'),
          })));
          assert.ok(moments.length >= 3, `moments on the workspace: ${moments.length}`);
          for (const m of moments) {
            assert.match(m.title, /^\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC$/);
            assert.match(m.text, /\b(EST|EDT)\b/, `in New York's time: ${m.text}`);
            // The page writes the clock as the locale does (13:50 or 01:50 PM): either is right.
            const clock = (hourCycle) => new Intl.DateTimeFormat('en', { timeZone: 'America/New_York',
              hour: '2-digit', minute: '2-digit', hourCycle }).format(new Date(m.iso));
            const [h23, h12] = [clock('h23'), clock('h12')];
            assert.ok(m.text.includes(h23) || m.text.includes(h12), `${m.text} shows ${h23} or ${h12}`);
          }
          await checkScreen(page, `editorial-local-times-${kind}-${size}`, width);
          assertNoBrowserProblems(problems);
        });
      }
    });

    test('the screens need no script and break no rule of the Content-Security-Policy', async () => {
      await withPage(site.browser, { bypassCSP: false }, async ({ page, problems }) => {
        await signIn(page, site.server.url, 'edith@example.org');
        await page.goto(`${site.server.url}/editorial/conditions/558/answers/new`);
        await page.getByLabel('Question').fill('Is Marfan syndrome inherited?');
        await page.getByLabel('Full answer, in Markdown').fill('<script>alert(1)</script>\n\n**Usually.**\n');
        await page.getByRole('button', { name: 'Preview' }).click();
        await page.locator('section.preview').waitFor();
        // Only the layout's scripts (the type-ahead, local times), from their files; nothing
        // from the answer.
        assert.equal(await page.locator('script:not([src="/static/js/search-box.js"]):not([src="/static/js/local-time.js"])').count(), 0,
          'the editorial pages have no script but the layout\'s');
        assertNoBrowserProblems(problems);
      });
    });
  });
}
