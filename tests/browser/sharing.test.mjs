// Sharing an experience, as a parent does it on a phone: in Chromium at 360 px and by
// keyboard, from the condition's shared-experiences page through every step of the
// questionnaire, the review with its consents (none pre-ticked), to My experiences,
// where one consent is withdrawn in one keypress. Markup typed into the story and a
// label is shown as text and never runs. Screenshots and axe-core on each kind of page.
//
// Run: node --test tests/browser/sharing.test.mjs   (after building; see harness.mjs)

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import {
  addUser,
  assertNoBrowserProblems,
  checkAccessibility,
  databaseKinds,
  importPackets,
  screenshot,
  signIn,
  useSite,
  withPage,
} from './harness.mjs';

const kPassword = 'correct horse battery staple';
const kCondition = '/conditions/opsoclonus-myoclonus-syndrome';
const kStory = '<img src=x onerror="alert(\'story\')"> We waited <b>two years</b>.';

async function noSidewaysScrolling(page, name) {
  const scrollWidth = await page.evaluate(() => document.scrollingElement.scrollWidth);
  assert.ok(scrollWidth <= 360, `${name}: no horizontal scrolling at 360 px (${scrollWidth})`);
}

// Presses Enter on a focused button and waits for the page it leads to.
async function pressAndWait(page, button, url) {
  await button.focus();
  await Promise.all([page.waitForURL(url), page.keyboard.press('Enter')]);
}

// Typing another sign fills the box's suggestions from /api/v1/signs. An older question
// whose answer comes back last must not replace the newest one's: the answer to "my" is
// held back here until after the answer to "ata". Leaves the box empty.
async function suggestionsFollowTheNewestQuestion(page, url) {
  const answerTo = async (q) => (await (await page.request.get(`${url}/api/v1/signs?q=${q}`)).json())
    .signs.map((sign) => sign.name);
  const older = await answerTo('my');
  const newer = await answerTo('ata');
  assert.ok(older.length > 0 && newer.length > 0 && older.join('|') !== newer.join('|'),
    `two different lists of suggestions: ${older.join('|')} / ${newer.join('|')}`);
  const box = page.locator('input[data-signs-typeahead]').first();
  const suggestions = () => box.evaluate((input) => [...input.list.options].map((option) => option.value));
  let asked = 0;
  let answered = 0;
  await page.route('**/api/v1/signs?*', async (route) => {
    asked++;
    if (new URL(route.request().url()).searchParams.get('q') === 'my') {
      await new Promise((resolve) => setTimeout(resolve, 1500));
    }
    await route.continue();
    answered++;
  });
  try {
    await box.fill('my');
    while (asked < 1) await new Promise((resolve) => setTimeout(resolve, 20));
    await box.fill('ata');
    await page.waitForFunction((expected) => [...document.querySelector('input[data-signs-typeahead]').list.options]
      .map((option) => option.value).join('|') === expected, newer.join('|'), { timeout: 15000 });
    while (answered < 2) await new Promise((resolve) => setTimeout(resolve, 20));
    await page.waitForTimeout(300);  // the older answer, if kept, would be in the list by now
    assert.deepEqual(await suggestions(), newer);
  } finally {
    await page.unroute('**/api/v1/signs?*');
  }
  await box.fill('');
}

for (const kind of databaseKinds()) {
  describe(`sharing an experience (${kind})`, () => {
    const site = useSite(kind, {
      seed: (database) => {
        importPackets(database, [1183]);
        addUser(database, { email: 'pat@example.org', name: 'Pat', role: 'member', password: kPassword });
      },
    });

    test('the whole questionnaire by keyboard at 360 px, then withdrawing a consent', async () => {
      await withPage(site.browser, { width: 360, height: 740 }, async ({ page, problems }) => {
        const dialogs = [];
        page.on('dialog', async (dialog) => {
          dialogs.push(dialog.message());
          await dialog.dismiss();
        });
        await signIn(page, site.server.url, { email: 'pat@example.org', password: kPassword, next: kCondition });
        await page.getByLabel('Join as').selectOption('family');
        await pressAndWait(page, page.getByRole('button', { name: 'Join this community' }), /community=joined/);

        await page.goto(`${site.server.url}${kCondition}/experiences`);
        await pressAndWait(page, page.getByRole('link', { name: 'Share your own experience' }), /experiences\/share$/);
        await page.getByRole('radio', { name: 'Someone I care for' }).focus();
        await page.keyboard.press('Space');
        await page.getByRole('textbox', { name: /a label only you will see/ }).fill('<i>my son</i>');
        await screenshot(page, `sharing-start-${kind}-360x740`);
        await checkAccessibility(page, `sharing start ${kind}`);
        await pressAndWait(page, page.getByRole('button', { name: 'Begin' }), /\/steps\/first_signs$/);

        // 1. First signs: an age band and the first sign, ticked with the space bar.
        assert.match(await page.locator('.share-progress').innerText(), /Step 1 of 7/);
        await page.getByRole('radio', { name: '1 to 5 years' }).first().focus();
        await page.keyboard.press('Space');
        const firstSign = page.locator('fieldset#q-first_signs input[type=checkbox]').first();
        await firstSign.focus();
        await page.keyboard.press('Space');
        await noSidewaysScrolling(page, 'first signs');
        await screenshot(page, `sharing-step-first-signs-${kind}-360x740`);
        await checkAccessibility(page, `sharing first signs ${kind}`);
        await pressAndWait(page, page.getByRole('button', { name: 'Save and continue' }), /\/steps\/diagnosis$/);

        // 2. Diagnosis, with a mistake first: the message is beside the field and what was
        // typed is kept.
        await page.getByRole('spinbutton', { name: /How many years passed/ }).fill('500');
        await page.getByRole('radio', { name: '4 to 7 doctors' }).check();
        await page.getByRole('button', { name: 'Save and continue' }).focus();
        await page.keyboard.press('Enter');
        await page.waitForSelector('.error-summary');
        assert.match(await page.locator('#q-years_to_diagnosis .field-error').innerText(), /100/);
        assert.equal(await page.getByRole('spinbutton', { name: /How many years passed/ }).inputValue(), '500');
        assert.equal(await page.getByRole('radio', { name: '4 to 7 doctors' }).isChecked(), true);
        await checkAccessibility(page, `sharing diagnosis mistake ${kind}`);
        await page.getByRole('spinbutton', { name: /How many years passed/ }).fill('2');
        await pressAndWait(page, page.getByRole('button', { name: 'Save and continue' }), /\/steps\/signs$/);

        // 3. Signs: the condition's own, one row each, readable at 360 px.
        const rows = page.locator('fieldset.phenotype-row');
        assert.ok(await rows.count() >= 5, 'the condition lists its signs');
        await rows.first().getByRole('radio', { name: 'Has or had it' }).focus();
        await page.keyboard.press('Space');
        await noSidewaysScrolling(page, 'signs');
        await screenshot(page, `sharing-step-signs-${kind}-360x740`);
        await checkAccessibility(page, `sharing signs ${kind}`);
        await suggestionsFollowTheNewestQuestion(page, site.server.url);
        await pressAndWait(page, page.getByRole('button', { name: 'Save and continue' }), /\/steps\/treatments$/);

        // 4. Treatments.
        await page.getByRole('combobox', { name: 'Name' }).first().fill('Steroids');
        await page.getByRole('group', { name: 'Treatment or support 1' }).getByRole('radio', { name: 'Helped somewhat' }).check();
        await checkAccessibility(page, `sharing treatments ${kind}`);
        await pressAndWait(page, page.getByRole('button', { name: 'Save and continue' }), /\/steps\/now$/);

        // 5. Now, then 6. the story, with markup in it.
        await page.getByRole('radio', { name: 'Better', exact: true }).check();
        await pressAndWait(page, page.getByRole('button', { name: 'Save and continue' }), /\/steps\/story$/);
        await page.getByRole('textbox', { name: 'Your story' }).fill(kStory);
        await page.getByRole('radio', { name: 'Everyone' }).check();
        await pressAndWait(page, page.getByRole('button', { name: 'Save and continue' }), /\/review$/);

        // The review: every answer in words, the story as text, no consent ticked.
        const review = await page.getByRole('main').innerText();
        assert.match(review, /Steroids \(Helped somewhat\)/);
        assert.ok(review.includes(kStory), 'the story is shown as typed');
        assert.match(review, /About <i>my son<\/i>/);
        assert.equal(await page.locator('main input[type=checkbox]:checked').count(), 0);
        await noSidewaysScrolling(page, 'review');
        await screenshot(page, `sharing-review-${kind}-360x740`);
        await checkAccessibility(page, `sharing review ${kind}`);
        for (const name of [/Count my answers/, /Show my story/]) {
          await page.getByRole('checkbox', { name }).focus();
          await page.keyboard.press('Space');
        }
        await pressAndWait(page, page.getByRole('button', { name: 'Share my experience' }), /done=shared/);

        // My experiences: the consents as given, one withdrawn with one keypress.
        assert.match(await page.getByRole('status').first().innerText(), /Your experience is shared/);
        const table = page.getByRole('table', { name: 'Your consents' });
        assert.match(await table.innerText(), /Counted in this condition's public charts\s+Given/);
        await screenshot(page, `sharing-mine-${kind}-360x740`);
        await checkAccessibility(page, `my experiences ${kind}`);
        await pressAndWait(page, page.getByRole('button', { name: "Withdraw Counted in this condition's public charts" }),
          /done=consent/);
        assert.match(await page.getByRole('table', { name: 'Your consents' }).innerText(),
          /Counted in this condition's public charts\s+Not given/);
        assert.deepEqual(dialogs, []);
        // The one refusal the test asked for: the diagnosis step with 500 years.
        assertNoBrowserProblems(problems, {
          allow: (p) => p.url.endsWith('/steps/diagnosis') && /status of 422/.test(p.text),
        });
      });
    });
  });
}
