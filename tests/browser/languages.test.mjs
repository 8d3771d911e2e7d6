// The interface in the visitor's language, in Chromium at a phone's width: the language
// switcher leads to the same page in Spanish and French, <html lang> and the links'
// lang/hreflang say the truth, links keep the language, the search box's words come in
// the page's language, and a browser preferring French is offered the French page in
// one line (never redirected). Screenshots and axe-core in each language.
//
// Run: node --test tests/browser/languages.test.mjs   (after building; see harness.mjs)

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import {
  assertNoBrowserProblems,
  checkAccessibility,
  databaseKinds,
  screenshot,
  useSite,
  withPage,
} from './harness.mjs';

const kConditions = [
  { orphacode: 1183, name: 'Opsoclonus-myoclonus syndrome' },
  { orphacode: 558, name: 'Marfan syndrome' },
];
const kPhone = { width: 360, height: 740 };

async function assertLanguage(page, code) {
  assert.equal(await page.evaluate(() => document.documentElement.lang), code, `<html lang="${code}">`);
  const switcher = page.locator('nav.language-nav > ul a');
  assert.equal(await switcher.count(), 3, 'the switcher offers English, Español and Français');
  for (const link of await switcher.all()) {
    assert.equal(await link.getAttribute('lang'), await link.getAttribute('hreflang'),
      'each language is named in its own language, and says so');
  }
  const current = page.locator('nav.language-nav a[aria-current="true"]');
  assert.equal(await current.getAttribute('hreflang'), code, 'the current language is marked');
}

async function assertNoSideways(page) {
  const scrollWidth = await page.evaluate(() => document.scrollingElement.scrollWidth);
  assert.ok(scrollWidth <= kPhone.width, `no horizontal scrolling at ${kPhone.width} px (scrollWidth ${scrollWidth})`);
}

for (const kind of databaseKinds()) {
  describe(`languages (${kind})`, () => {
    const site = useSite(kind, {
      seed: (database) => database.insertConditions(kConditions),
      expectCleanExit: true,
    });

    test('the switcher leads to the same page in Spanish and in French, at 360 px', async () => {
      await withPage(site.browser, kPhone, async ({ page, problems }) => {
        const response = await page.goto(`${site.server.url}/conditions/marfan-syndrome`);
        assert.equal(response.status(), 200);
        await assertLanguage(page, 'en');

        await page.locator('nav.language-nav a[hreflang="es"]').click();
        await page.waitForURL(/\/es\/conditions\/marfan-syndrome$/);
        await assertLanguage(page, 'es');
        assert.equal(await page.getByRole('link', { name: 'Iniciar sesión' }).count(), 1, 'the header is in Spanish');
        assert.match(await page.getByRole('contentinfo').innerText(), /Aviso médico/);
        assert.equal(await page.locator('a[href="/es/map"]').count(), 1, 'the map link keeps the language');
        await assertNoSideways(page);
        await screenshot(page, `languages-${kind}-es-360`);
        await checkAccessibility(page, `condition page in Spanish ${kind}`);

        // The search box's words come from the Spanish catalogue too.
        await page.locator('#site-search-q').fill('marf');
        const status = page.locator('.combobox [aria-live="polite"]').first();
        await page.waitForFunction(
          () => /sugerencia/.test(document.querySelector('.combobox [aria-live="polite"]')?.textContent ?? ''));
        assert.match(await status.innerText(), /sugerencias? disponibles?|No hay sugerencias/);

        await page.locator('nav.language-nav a[hreflang="fr"]').click();
        await page.waitForURL(/\/fr\/conditions\/marfan-syndrome$/);
        await assertLanguage(page, 'fr');
        assert.equal(await page.getByRole('link', { name: 'Se connecter' }).count(), 1, 'the header is in French');
        await assertNoSideways(page);
        await screenshot(page, `languages-${kind}-fr-360`);
        await checkAccessibility(page, `condition page in French ${kind}`);

        await page.locator('nav.language-nav a[hreflang="en"]').click();
        await page.waitForURL(/\/conditions\/marfan-syndrome$/);
        await assertLanguage(page, 'en');

        // The six languages with names but no interface yet, behind a disclosure the
        // keyboard opens.
        const names = page.locator('details.name-languages');
        assert.equal(await names.evaluate((d) => d.open), false);
        await names.locator('summary').focus();
        await page.keyboard.press('Enter');
        assert.equal(await names.evaluate((d) => d.open), true, 'Enter opens the list');
        assert.deepEqual(await names.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('lang'))),
                         ['de', 'it', 'pt', 'nl', 'pl', 'cs']);
        await screenshot(page, `languages-${kind}-names-360`);
        await checkAccessibility(page, `name languages open ${kind}`);
        await names.locator('a[hreflang="de"]').click();
        await page.waitForURL(/\/de\/conditions\/marfan-syndrome$/);
        assert.equal(await page.evaluate(() => document.documentElement.lang), 'en', 'the interface stays English');
        assert.equal(await page.locator('details.name-languages a[aria-current="true"]').getAttribute('hreflang'), 'de');
        assert.match(await page.getByRole('main').innerText(), /Orphanet has not named this condition in this language yet/);
        await assertNoSideways(page);
        await checkAccessibility(page, `condition page with German names ${kind}`);
        assertNoBrowserProblems(problems);
      });
    });

    test('a browser that prefers French is offered the French page in one line', async () => {
      await withPage(site.browser, kPhone, async ({ page, problems }) => {
        await page.setExtraHTTPHeaders({ 'Accept-Language': 'fr-FR,fr;q=0.9,en;q=0.5' });
        const response = await page.goto(`${site.server.url}/map`);
        assert.equal(response.status(), 200, 'no redirect: the English page answers');
        await assertLanguage(page, 'en');
        const offer = page.locator('.language-offer');
        assert.equal(await offer.getAttribute('lang'), 'fr', 'the offer is marked as French');
        assert.equal(await offer.innerText(), 'Voir cette page en français');
        await screenshot(page, `languages-${kind}-offer-360`);
        await checkAccessibility(page, `language offer ${kind}`);
        await offer.getByRole('link').click();
        await page.waitForURL(/\/fr\/map$/);
        await assertLanguage(page, 'fr');
        assert.equal(await page.locator('.language-offer').count(), 0, 'no offer once in the preferred language');
        assertNoBrowserProblems(problems);
      });
    });

    test('an address under a language we do not have is not found, with links to ours', async () => {
      await withPage(site.browser, kPhone, async ({ page, problems }) => {
        const response = await page.goto(`${site.server.url}/ja/map`);
        assert.equal(response.status(), 404);
        const links = page.locator('.language-links a');
        assert.deepEqual((await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')))).slice(0, 4),
                         ['/map', '/es/map', '/fr/map', '/de/map']);
        await checkAccessibility(page, `unknown language ${kind}`);
        // The 404 itself is the answer; the browser logs it as a failed resource.
        assertNoBrowserProblems(problems, { allow: (p) => /404/.test(p.text) });
      });
    });
  });
}
