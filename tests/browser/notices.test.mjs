// The notices above every page: the "Demo data" banner (while synthetic members are
// loaded) and the offer of the browser's preferred language. Both sit in a labelled
// region, so axe-core's "region" rule (content outside every landmark), which the
// harness fails on, finds nothing, on a phone and a desktop, signed in or not.
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

const kPassword = 'violet harbour kettle';
const kPages = ['/', '/search?q=opsoclonus', '/login', '/register', '/map', '/account'];

for (const kind of databaseKinds()) {
  describe(`notices above the page (${kind})`, () => {
    const site = useSite(kind, {
      seed: (database) => {
        addUser(database, { email: 'demo@example.invalid', name: 'Demo Member', role: 'member', password: kPassword });
        addUser(database, { email: 'ann@example.org', name: 'Ann', role: 'member', password: kPassword });
        database.exec("INSERT INTO synthetic_members (user_id, seed) SELECT id, 1 FROM users WHERE email_key = 'demo@example.invalid';\n");
      },
    });

    test('the demo-data banner is in a labelled region on every page', async () => {
      for (const { width, height } of [{ width: 360, height: 740 }, { width: 1280, height: 800 }]) {
        await withPage(site.browser, { width, height }, async ({ page, problems }) => {
          await signIn(page, site.server.url, { email: 'ann@example.org', password: kPassword, next: '/account' });
          for (const path of kPages) {
            await page.goto(`${site.server.url}${path}`);
            const notices = page.getByRole('region', { name: 'Notices' });
            assert.match(await notices.innerText(), /Demo data: the members shown are synthetic/, path);
            await checkAccessibility(page, `notices ${path} ${kind} ${width}x${height}`);
          }
          await screenshot(page, `notices-demo-banner-${kind}-${width}x${height}`);
          assertNoBrowserProblems(problems);
        });
      }
    });

    test('the language offer shares the region, in its own language', async () => {
      await withPage(site.browser, { width: 360, height: 740 }, async ({ page, context, problems }) => {
        await context.setExtraHTTPHeaders({ 'Accept-Language': 'es-ES,es;q=0.9' });
        await page.goto(`${site.server.url}/login`);
        const notices = page.getByRole('region', { name: 'Notices' });
        assert.match(await notices.innerText(), /Ver esta página en español/);
        assert.match(await notices.innerText(), /Demo data/);
        await screenshot(page, `notices-language-offer-${kind}-360x740`);
        await checkAccessibility(page, `notices language offer ${kind}`);
        assertNoBrowserProblems(problems);
      });
    });
  });
}
