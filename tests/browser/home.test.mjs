// The home page (a front door: search first, then ways in), the A-Z index and the
// not-found page, in Chromium, at a phone's and a laptop's size, against every database
// kind the run covers (see harness.mjs).
//
// Run: node --test tests/browser/   (after building; see harness.mjs for the environment)

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

// Real Orphanet entries, plus one whose name is markup, to show names are escaped.
const kConditions = [
  { orphacode: 1183, name: 'Opsoclonus-myoclonus syndrome' },
  { orphacode: 117, name: 'Behçet disease', sortName: 'behcet disease' },
  { orphacode: 33069, name: 'Dravet syndrome' },
  { orphacode: 324, name: 'Fabry disease' },
  { orphacode: 558, name: 'Marfan syndrome' },
  {
    orphacode: 990001,
    name: 'Test <b>markup</b> & "quotes" syndrome',
    slug: 'test-markup-quotes-syndrome',
    sortName: 'test markup quotes syndrome',
  },
];

// One member of the OMS community, and one reviewed answer about OMS.
const kCommunityAndAnswer = `
INSERT INTO users (email, email_key, display_name, password_hash, status, created_at)
  VALUES ('ana@example.org', 'ana@example.org', 'Ana', '!', 'active', 1700000000);
INSERT INTO memberships (user_id, orphacode, role, joined_at)
  SELECT id, 1183, 'affected', 1 FROM users WHERE email_key = 'ana@example.org';
INSERT INTO answers (condition_id, slug, question, position, created_at, updated_at)
  SELECT id, 'treatment', 'How is it treated?', 0, 1, 1 FROM conditions WHERE orphacode = 1183;
INSERT INTO answer_versions (answer_id, number, question, short_answer, body_markdown, status,
    author_label, created_at, updated_at, submitted_at, reviewed_at, reviewer_name)
  SELECT id, 1, 'How is it treated?', 'Short.', 'Body.', 'approved', 'Editor', 1, 1, 1, 1764720000,
    'Dr Ada Lee' FROM answers WHERE slug = 'treatment';
UPDATE answers SET last_reviewed_at = 1764720000,
  published_version_id = (SELECT v.id FROM answer_versions v WHERE v.answer_id = answers.id)
  WHERE slug = 'treatment';
`;

const kViewports = [
  { width: 360, height: 740 },
  { width: 1280, height: 800 },
];

for (const kind of databaseKinds()) {
  describe(`home page (${kind})`, () => {
    const site = useSite(kind, {
      seed: (database) => {
        database.insertConditions(kConditions);
        database.exec(kCommunityAndAnswer);
      },
      expectCleanExit: true,
    });

    for (const { width, height } of kViewports) {
      const size = `${width}x${height}`;

      test(`is a front door: search first, then ways in, with landmarks and a disclaimer, at ${size}`,
        async () => {
          await withPage(site.browser, { width, height }, async ({ page, problems }) => {
            const response = await page.goto(`${site.server.url}/`);
            assert.equal(response.status(), 200);
            assert.match(response.headers()['content-type'], /^text\/html/);

            const main = page.getByRole('main');
            assert.equal(await main.count(), 1, 'exactly one main landmark');
            const search = main.getByRole('searchbox', { name: /search by name, symptom or code/i });
            assert.equal(await search.count(), 1, 'a big, labelled search on the page');
            assert.ok(await search.isVisible(), 'the search is visible');
            const mainText = await main.innerText();
            assert.match(mainText, /dancing eyes/, 'the search gives examples');
            assert.match(mainText, /6 rare conditions described/, 'the site numbers in words');
            assert.match(mainText, /1 member in 0 countries|1 member so far/, 'the map line');
            assert.ok(await main.getByRole('link', { name: 'Opsoclonus-myoclonus syndrome' }).count() >= 1,
              'the largest community is linked');
            assert.equal(await main.getByRole('link', { name: 'How is it treated?' }).getAttribute('href'),
              '/conditions/opsoclonus-myoclonus-syndrome#answer-treatment', 'a reviewed answer is linked');
            assert.equal(await main.getByRole('link', { name: /from A to Z/ }).getAttribute('href'),
              '/conditions/a-z');
            assert.ok(await main.getByRole('link', { name: /community map/ }).count() >= 1);

            await checkSearchBox(page);

            const footer = page.getByRole('contentinfo');
            assert.equal(await footer.count(), 1, 'exactly one footer (contentinfo landmark)');
            assert.match(await footer.innerText(), /medical advice/i,
              'the footer carries the medical disclaimer');

            const scrollWidth = await page.evaluate(() => document.scrollingElement.scrollWidth);
            assert.ok(scrollWidth <= width,
              `no horizontal scrolling at ${width} px (scrollWidth ${scrollWidth})`);

            await screenshot(page, `home-${kind}-${size}`);
            await checkAccessibility(page, `home ${kind} ${size}`);
            assertNoBrowserProblems(problems);
          });
        });

      test(`the keyboard reaches the page's search and submits it, at ${size}`, async () => {
        await withPage(site.browser, { width, height }, async ({ page, problems }) => {
          await page.goto(`${site.server.url}/`);
          let reached = false;
          for (let i = 0; i < 25 && !reached; ++i) {
            await page.keyboard.press('Tab');
            reached = await page.evaluate(() => document.activeElement?.id === 'home-search-q');
          }
          assert.ok(reached, 'Tab reaches the home page search within 25 presses');
          await page.keyboard.type('marfan');
          await Promise.all([page.waitForURL(/\/search\?q=marfan/), page.keyboard.press('Enter')]);
          assertNoBrowserProblems(problems);
        });
      });

      test(`the A-Z index lists a letter's conditions, escaped, at ${size}`, async () => {
        await withPage(site.browser, { width, height }, async ({ page, problems }) => {
          await page.goto(`${site.server.url}/conditions/a-z`);
          const bar = page.getByRole('navigation', { name: /first letter/i });
          assert.equal(await bar.count(), 1, 'a named letter bar');
          await bar.getByRole('link', { name: 'M', exact: true }).click();
          await page.waitForURL(/\/conditions\/a-z\/m$/);
          assert.equal(await page.getByRole('link', { name: 'Marfan syndrome' }).count(), 1);
          assert.equal(await bar.getByRole('link', { name: 'M', exact: true }).getAttribute('aria-current'), 'page');
          const scrollWidth = await page.evaluate(() => document.scrollingElement.scrollWidth);
          assert.ok(scrollWidth <= width, `no horizontal scrolling at ${width} px (scrollWidth ${scrollWidth})`);
          await screenshot(page, `a-to-z-${kind}-${size}`);
          await checkAccessibility(page, `a-to-z ${kind} ${size}`);

          await page.goto(`${site.server.url}/conditions/a-z/t`);
          assert.ok((await page.getByRole('main').innerText()).includes(kConditions[5].name),
            'a name with markup is listed as text');
          assert.equal(await page.locator('main b', { hasText: 'markup' }).count(), 0,
            'a condition name is shown as text, never as markup');
          assertNoBrowserProblems(problems);
        });
      });

      test(`the first Tab focuses a visible skip link to the main content, at ${size}`,
        async () => {
          await withPage(site.browser, { width, height }, async ({ page, problems }) => {
            await page.goto(`${site.server.url}/`);
            await page.keyboard.press('Tab');
            const focused = await page.evaluate(() => {
              const el = document.activeElement;
              const href = el?.getAttribute('href') ?? '';
              const target = href.startsWith('#') ? document.getElementById(href.slice(1)) : null;
              const box = el.getBoundingClientRect();
              return {
                tag: el.tagName,
                href,
                text: el.textContent.trim(),
                targetExists: target !== null,
                targetInMain: target !== null &&
                  (target.tagName === 'MAIN' || target.closest('main') !== null),
                box: { top: box.top, left: box.left, width: box.width, height: box.height },
              };
            });
            assert.equal(focused.tag, 'A', `the first Tab focuses a link (got ${focused.tag})`);
            assert.match(focused.href, /^#./, 'the skip link points into the page');
            assert.match(focused.text, /skip|main content/i, 'the skip link says what it does');
            assert.ok(focused.targetExists, `${focused.href} exists on the page`);
            assert.ok(focused.targetInMain, `${focused.href} is the main content`);
            assert.ok(focused.box.width > 1 && focused.box.height > 1 && focused.box.top >= 0 &&
              focused.box.left >= 0 && focused.box.left < width,
            `the focused skip link is visible (box ${JSON.stringify(focused.box)})`);

            await page.keyboard.press('Enter');
            assert.equal(await page.evaluate(() => location.hash), focused.href,
              'Enter on the skip link moves to the main content');
            assertNoBrowserProblems(problems);
          });
        });
    }

    test('loads under its own Content-Security-Policy without violations', async () => {
      await withPage(site.browser, { bypassCSP: false }, async ({ page, problems }) => {
        const response = await page.goto(`${site.server.url}/`);
        const csp = response.headers()['content-security-policy'];
        assert.ok(csp, 'the page sends a Content-Security-Policy');
        const scriptSrc = /(?:^|;)\s*script-src([^;]*)/.exec(csp)?.[1] ??
          /(?:^|;)\s*default-src([^;]*)/.exec(csp)?.[1] ?? '';
        assert.doesNotMatch(scriptSrc, /'unsafe-inline'/, `no inline script allowed: ${csp}`);
        await page.waitForLoadState('load');
        assertNoBrowserProblems(problems);
      });
    });

    test('an unknown path shows a 404 page with a link back home', async () => {
      await withPage(site.browser, { width: 360, height: 740 }, async ({ page, problems }) => {
        const url = `${site.server.url}/no-such-page-${Date.now()}`;
        const response = await page.goto(url);
        assert.equal(response.status(), 404);
        assert.match(response.headers()['content-type'], /^text\/html/);

        assert.equal(await page.getByRole('main').count(), 1, 'exactly one main landmark');
        const home = page.locator('a[href="/"]');
        assert.ok(await home.count() >= 1, 'the 404 page links to /');
        assert.ok(await home.first().isVisible(), 'the link home is visible');
        const scrollWidth = await page.evaluate(() => document.scrollingElement.scrollWidth);
        assert.ok(scrollWidth <= 360, `no horizontal scrolling at 360 px (scrollWidth ${scrollWidth})`);

        await screenshot(page, `not-found-${kind}-360x740`);
        await checkAccessibility(page, `not found ${kind}`);
        // Chromium logs the document's own 404 as a console error: that one is expected.
        assertNoBrowserProblems(problems, {
          allow: (p) => p.kind === 'console error' && p.url === url && /\b404\b/.test(p.text),
        });
      });
    });
  });
}

// Asserts the page has a search box with a label (not just a placeholder).
async function checkSearchBox(page) {
  const boxes = page.locator('input[type="search"], [role="searchbox"]');
  assert.ok(await boxes.count() >= 1, 'the page has a search box (input type="search")');
  const label = await boxes.first().evaluate((input) => {
    const text = (el) => (el?.textContent ?? '').trim();
    const byLabel = [...(input.labels ?? [])].map(text).filter(Boolean).join(' ');
    const byLabelledBy = (input.getAttribute('aria-labelledby') ?? '')
      .split(/\s+/).filter(Boolean).map((id) => text(document.getElementById(id)))
      .filter(Boolean).join(' ');
    return byLabel || byLabelledBy || (input.getAttribute('aria-label') ?? '').trim();
  });
  assert.ok(label, 'the search box has a label (<label>, aria-labelledby or aria-label)');
}
