// The community map in a real browser, on both databases: the country shapes are drawn
// from the served world-atlas file (no tiles), clusters and places come from the map
// API, a role filter changes the markers and the list, the list view works with the
// keyboard alone (a country's members open right under it), the condition chooser
// opens a condition's map, the totals line follows the role filter, a place's card lists
// its members (with their conditions) with "Send a message" for a
// signed-in member, which leads to a conversation the other member answers, the page holds together at 360 px (no horizontal scrolling, touch
// targets of 44 px), runs under its own Content-Security-Policy, and says what it needs
// when JavaScript is off. Each view is screenshotted and checked with axe-core.
//
// Members are seeded with SQL before the server that shows them starts: accounts with
// `diseasemaps user add`, profiles placed at real gazetteer cities (asked of a first
// server's /api/v1/places, so the ids and points are the gazetteer's own) and
// memberships of one condition.
//
// Run: node --test tests/browser/map.test.mjs   (after building; see harness.mjs)

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import {
  addUser,
  assertNoBrowserProblems,
  checkAccessibility,
  databaseKinds,
  screenshot,
  signIn,
  sqlString,
  startServer,
  useSite,
  withPage,
} from './harness.mjs';

const kPassword = 'correct horse battery staple';
const kCondition = { orphacode: 900003, name: 'Mapping syndrome', slug: 'mapping-syndrome' };
const kMapPath = `/conditions/${kCondition.slug}/map`;
const kWaitMs = 15_000;

// Who lives where. Lyon, Paris and Boston have at least 3 public members, so anonymous
// visitors see them as cities (k = 3); Berlin's one member is shown at Germany's point.
const kCities = {
  lyon: 'Lyon, Auvergne-Rhône-Alpes, France',
  paris: 'Paris, Île-de-France, France',
  boston: 'Boston, Massachusetts, United States',
  berlin: 'Berlin, State of Berlin, Germany',
};
const kMembers = [
  { key: 'lia', name: 'Lia Lyon', city: 'lyon', role: 'affected', visibility: 'public', contact: 1 },
  { key: 'leo', name: 'Leo Lyon', city: 'lyon', role: 'affected', visibility: 'public', contact: 0 },
  { key: 'lou', name: 'Lou Lyon', city: 'lyon', role: 'affected', visibility: 'public', contact: 1 },
  { key: 'luc', name: 'Luc Lyon', city: 'lyon', role: 'family', visibility: 'public', contact: 1 },
  { key: 'lex', name: 'Lex Hidden', city: 'lyon', role: 'affected', visibility: 'hidden', contact: 1 },
  { key: 'pia', name: 'Pia Paris', city: 'paris', role: 'affected', visibility: 'public', contact: 0 },
  { key: 'pat', name: 'Pat Paris', city: 'paris', role: 'researcher', visibility: 'public', contact: 1 },
  { key: 'pim', name: 'Pim Paris', city: 'paris', role: 'affected', visibility: 'public', contact: 0 },
  { key: 'bea', name: 'Bea Boston', city: 'boston', role: 'professional', visibility: 'public', contact: 1 },
  { key: 'bob', name: 'Bob Boston', city: 'boston', role: 'affected', visibility: 'public', contact: 0 },
  { key: 'bel', name: 'Bel Boston', city: 'boston', role: 'organisation', visibility: 'public', contact: 0 },
  { key: 'ben', name: 'Ben Berlin', city: 'berlin', role: 'adviser', visibility: 'public', contact: 1 },
];
const kViewer = { email: 'vic@example.org', name: 'Vic Viewer' };

const emailOf = (member) => `${member.key}@example.org`;

// Fetches JSON from the server, failing with the body when the status is not 200.
async function getJson(server, path) {
  const response = await fetch(`${server.url}${path}`);
  const text = await response.text();
  assert.equal(response.status, 200, `${path}: ${text}`);
  return JSON.parse(text);
}

// The gazetteer's record for each city in kCities, from a running server.
async function lookUpCities(server) {
  const cities = {};
  for (const [key, label] of Object.entries(kCities)) {
    const name = label.split(',')[0];
    const answer = await getJson(server, `/api/v1/places?q=${encodeURIComponent(name)}`);
    const city = answer.places.find((p) => p.label === label);
    assert.ok(city, `the gazetteer has ${label}: ${answer.places.map((p) => p.label).join(' | ')}`);
    cities[key] = city;
  }
  return cities;
}

function seedMembers(database, cities) {
  const now = Math.floor(Date.now() / 1000);
  const statements = ['BEGIN;'];
  for (const m of kMembers) {
    const c = cities[m.city];
    const user = `(SELECT id FROM users WHERE email = ${sqlString(emailOf(m))})`;
    statements.push(
      'INSERT INTO profiles (user_id, place_kind, city_id, city_name, admin_name, country_code, ' +
        'latitude, longitude, visibility, accepts_contact, updated_at) VALUES ' +
        `(${user}, 'city', ${c.id}, ${sqlString(c.name)}, ${sqlString(c.admin_area)}, ` +
        `${sqlString(c.country_code)}, ${c.latitude}, ${c.longitude}, ${sqlString(m.visibility)}, ` +
        `${m.contact}, ${now});`,
      `INSERT INTO memberships (user_id, orphacode, role, joined_at) VALUES ` +
        `(${user}, ${kCondition.orphacode}, ${sqlString(m.role)}, ${now});`,
    );
  }
  statements.push('COMMIT;');
  database.exec(`${statements.join('\n')}\n`);
}

// The accessible names of the map's markers, sorted.
async function markerLabels(page) {
  const labels = await page.locator('.leaflet-marker-pane [role=button]').evaluateAll(
    (nodes) => nodes.map((n) => n.getAttribute('aria-label')));
  return labels.sort();
}

// Waits until the map has answered for the current view and drawn its markers.
async function waitForMarkers(page) {
  await page.waitForFunction(() => {
    const map = document.getElementById('map');
    return map?.dataset.state === 'ready' && map.dataset.baseLayer === 'ready';
  }, null, { timeout: kWaitMs });
}

async function waitForListStatus(page, pattern) {
  await page.waitForFunction((source) => new RegExp(source).test(document.getElementById('list-status')?.textContent ?? ''),
    pattern.source, { timeout: kWaitMs });
}

// Presses Tab until `predicate` (run in the page on document.activeElement) holds;
// fails after `limit` presses.
async function tabUntil(page, predicate, limit = 80) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(predicate)) return;
  }
  assert.fail(`no element reached with Tab after ${limit} presses`);
}

for (const kind of databaseKinds()) {
  describe(`community map (${kind})`, () => {
    const site = useSite(kind, {
      seed: async (database) => {
        database.insertConditions([kCondition]);
        for (const m of kMembers) {
          addUser(database, { email: emailOf(m), name: m.name, role: 'member', password: kPassword });
        }
        addUser(database, { email: kViewer.email, name: kViewer.name, role: 'member', password: kPassword });
        // A first server only to ask the gazetteer; the members are then in the
        // database before the server that shows them starts.
        const lookup = await startServer(database);
        let cities;
        try {
          cities = await lookUpCities(lookup);
        } finally {
          await lookup.stop();
        }
        seedMembers(database, cities);
      },
      expectCleanExit: true,
    });

    test('the map draws the countries and the members, and a role filter changes map and list', async () => {
      await withPage(site.browser, {}, async ({ page, problems }) => {
        await page.goto(`${site.server.url}${kMapPath}`);
        await page.getByRole('heading', { level: 1, name: `Community map: ${kCondition.name}` }).waitFor();
        await waitForMarkers(page);
        const countries = await page.locator('.leaflet-overlay-pane path').count();
        assert.ok(countries > 100, `country shapes drawn: ${countries}`);
        // Hidden members are counted in the totals only.
        await page.waitForFunction(() => /^12 members: /.test(document.getElementById('map-totals').textContent));
        assert.equal(await page.locator('#map-totals').innerText(),
          '12 members: 7 affected, 1 family & friends, 1 adviser, 1 researcher, 1 healthcare professional, 1 organisation');
        const before = await markerLabels(page);
        assert.ok(before.length >= 2, `markers: ${before.join(' | ')}`);
        assert.ok(before.some((l) => /^Boston, Massachusetts, United States: 3 members: /.test(l)), before.join(' | '));
        const shown = before.reduce((sum, l) => sum + Number(/(\d+) members?:/.exec(l)?.[1] ?? 0), 0);
        assert.equal(shown, 11, `every visible member is on the map once: ${before.join(' | ')}`);

        // The list: a real table, counts by country.
        await waitForListStatus(page, /^Showing 11 members in 3 countries$/);
        const table = page.getByRole('table', { name: /Members you can see, by country and role/ });
        assert.deepEqual(await table.getByRole('rowheader').allInnerTexts(), ['France', 'United States', 'Germany']);
        await screenshot(page, `map-${kind}-1280x800`);
        await checkAccessibility(page, `map ${kind}`);

        // Unticking "Affected" takes them off the map and out of the list.
        await page.getByRole('checkbox', { name: /^Affected/ }).uncheck();
        await waitForListStatus(page, /^Showing 5 members in 3 countries$/);
        await page.waitForFunction(() => ![...document.querySelectorAll('.leaflet-marker-pane [role=button]')]
          .some((m) => /\d+ affected/.test(m.getAttribute('aria-label'))), null, { timeout: kWaitMs });
        const after = await markerLabels(page);
        assert.notDeepEqual(after, before);
        // Boston's 2 members left may be shown at their country's point (k = 3).
        assert.ok(after.some((l) => /^(Boston, Massachusetts, )?United States: 2 members: 1 healthcare professional, 1 organisation/.test(l)),
          after.join(' | '));
        // The totals line follows the filter (issue 16).
        await page.waitForFunction(() => /^5 members: /.test(document.getElementById('map-totals').textContent),
          null, { timeout: kWaitMs });
        assert.equal(await page.locator('#map-totals').innerText(),
          '5 members: 1 family & friends, 1 adviser, 1 researcher, 1 healthcare professional, 1 organisation');
        // The address keeps the filter: reloading shows the same.
        assert.match(page.url(), /\?roles=family%2Cadviser%2Cresearcher%2Cprofessional%2Corganisation$/);
        await page.reload();
        assert.equal(await page.getByRole('checkbox', { name: /^Affected/ }).isChecked(), false);
        assert.equal(await page.getByRole('checkbox', { name: /^Adviser/ }).isChecked(), true);
        await waitForListStatus(page, /^Showing 5 members in 3 countries$/);
        await screenshot(page, `map-filtered-${kind}-1280x800`);

        // No role ticked shows nobody (an empty roles= would mean all six to the API).
        // The list's answers are held back a while, so the one asked for the last role
        // still ticked arrives after "No role is ticked": it must not draw over it.
        let answersUnderWay = 0;
        await page.route('**/api/v1/map/countries?*', async (route) => {
          answersUnderWay++;
          try {
            await new Promise((resolve) => setTimeout(resolve, 400));
            await route.continue();
          } finally {
            answersUnderWay--;
          }
        });
        for (const box of await page.getByRole('checkbox').all()) await box.uncheck();
        await waitForListStatus(page, /^No role is ticked/);
        while (answersUnderWay > 0) await new Promise((resolve) => setTimeout(resolve, 50));
        await page.waitForTimeout(300);  // the last answer, if kept, would be drawn by now
        await page.unroute('**/api/v1/map/countries?*');
        assert.match(await page.locator('#list-status').innerText(), /^No role is ticked/);
        await page.waitForFunction(() => document.querySelectorAll('.leaflet-marker-pane [role=button]').length === 0,
          null, { timeout: kWaitMs });
        assert.equal(await page.locator('#country-table tbody tr').count(), 0);
        await page.waitForFunction(() => document.getElementById('map-totals').textContent === '0 members',
          null, { timeout: kWaitMs });
        assertNoBrowserProblems(problems);
      });
    });

    test('the list view works with the keyboard alone', async () => {
      await withPage(site.browser, {}, async ({ page, problems }) => {
        await page.goto(`${site.server.url}${kMapPath}`);
        await waitForListStatus(page, /^Showing 11 members in 3 countries$/);
        await page.getByRole('checkbox', { name: /^Organisation/ }).focus();
        await tabUntil(page, () => document.activeElement?.classList.contains('country-button'));
        assert.equal(await page.evaluate(() => document.activeElement.textContent), 'France');
        await page.keyboard.press('Enter');
        await waitForListStatus(page, /^Showing 7 of 7 members in France$/);
        const heading = page.getByRole('heading', { level: 3, name: 'Members in France' });
        assert.equal(await heading.evaluate((h) => h === document.activeElement), true, 'focus moves to the list');
        assert.equal(await page.getByRole('button', { name: 'France', exact: true }).getAttribute('aria-expanded'), 'true');
        // The members open in a row right under France's, not after the whole table.
        assert.equal(await page.locator('#country-members').evaluate(
          (panel) => panel.closest('tr')?.previousElementSibling?.querySelector('.country-button')?.textContent), 'France');
        const names = await page.locator('#country-member-list .member-name').allInnerTexts();
        assert.deepEqual(names.sort(), ['Leo Lyon', 'Lia Lyon', 'Lou Lyon', 'Luc Lyon', 'Pat Paris', 'Pia Paris', 'Pim Paris']);
        assert.ok(!names.includes('Lex Hidden'));
        await page.keyboard.press('Tab');
        assert.match(await page.evaluate(() => document.activeElement.getAttribute('href')), /^\/members\/\d+$/);
        // Anonymous visitors may not contact anyone.
        assert.equal(await page.locator('#country-member-list .contact-link').count(), 0);
        // The link that skips the map's markers leads straight to the list.
        await page.getByRole('checkbox', { name: /^Organisation/ }).focus();
        await page.keyboard.press('Tab');
        const skip = page.getByRole('link', { name: 'Skip the map, go to the list by country' });
        assert.equal(await skip.evaluate((a) => a === document.activeElement), true);
        await page.keyboard.press('Enter');
        await page.keyboard.press('Tab');
        assert.equal(await page.evaluate(() => document.activeElement.textContent), 'France');
        await screenshot(page, `map-list-${kind}-1280x800`);
        await checkAccessibility(page, `map list ${kind}`);
        assertNoBrowserProblems(problems);
      });
    });

    test('a place opened from the map lists its members; "Send a message" leads to a conversation', async () => {
      await withPage(site.browser, {}, async ({ page, problems }) => {
        await signIn(page, site.server.url, { email: kViewer.email, password: kPassword, next: kMapPath });
        await waitForMarkers(page);
        // Open clusters with the keyboard until Lyon is a place of its own.
        const lyon = page.locator('.leaflet-marker-pane [role=button][aria-label^="Lyon, "]');
        for (let i = 0; i < 8 && (await lyon.count()) === 0; i++) {
          const clusters = page.locator('.leaflet-marker-pane .map-cluster');
          const labels = await clusters.evaluateAll((nodes) => nodes.map((n) => n.getAttribute('aria-label')));
          const european = labels.findIndex((l) => /\d+ affected/.test(l));
          assert.ok(european >= 0, `a cluster holds Lyon: ${labels.join(' | ')}`);
          const zoom = await page.locator('#map').getAttribute('data-zoom');
          await clusters.nth(european).focus();
          await page.keyboard.press('Enter');
          // The map zooms in, draws, and puts the focus on the marker nearest the cluster.
          await page.waitForFunction((before) => {
            const map = document.getElementById('map');
            return map.dataset.state === 'ready' && map.dataset.zoom !== before &&
              document.activeElement?.closest('.leaflet-marker-pane');
          }, zoom, { timeout: kWaitMs });
        }
        assert.match(await lyon.getAttribute('aria-label'), /^Lyon, Auvergne-Rhône-Alpes, France: 4 members: 3 affected, 1 family & friends/);
        await lyon.focus();
        await page.keyboard.press('Enter');
        const card = page.locator('.place-card');
        await card.getByRole('heading', { name: kCities.lyon }).waitFor();
        assert.equal(await card.getByRole('heading').evaluate((h) => h === document.activeElement), true,
          'focus moves to the card');
        assert.equal(await lyon.getAttribute('aria-expanded'), 'true');
        await page.waitForFunction(() => /4 members/.test(document.querySelector('.place-card-status')?.textContent ?? ''),
          null, { timeout: kWaitMs });
        assert.deepEqual((await card.locator('.member-name').allInnerTexts()).sort(), ['Leo Lyon', 'Lia Lyon', 'Lou Lyon', 'Luc Lyon']);
        // Each member's conditions, and the place's name as the card's heading.
        assert.deepEqual(await card.locator('.member-conditions').allInnerTexts(),
          Array(4).fill(`Conditions: ${kCondition.name}`));
        const contacts = card.getByRole('link', { name: /^Send a message/ });
        assert.equal(await contacts.count(), 3, 'Lia, Lou and Luc accept contact; Leo does not');
        for (const href of await contacts.evaluateAll((links) => links.map((a) => a.getAttribute('href')))) {
          assert.match(href, /^\/messages\/new\?to=\d+$/);
        }
        await screenshot(page, `map-card-${kind}-1280x800`);
        await checkAccessibility(page, `map card ${kind}`);
        // Escape closes the card and focus goes back to the place.
        await page.keyboard.press('Escape');
        await card.waitFor({ state: 'hidden' });
        assert.match(await page.evaluate(() => document.activeElement.getAttribute('aria-label') ?? ''), /^Lyon, /);

        // From the card to a conversation: Enter opens the card again, the viewer writes
        // to Lia from it, and Lia answers.
        await page.keyboard.press('Enter');
        const toLia = card.getByRole('link', { name: 'Send a message to Lia Lyon' });
        await toLia.waitFor();
        await Promise.all([page.waitForURL(/\/messages\/new\?to=\d+$/), toLia.click()]);
        await page.getByRole('heading', { name: 'Write to Lia Lyon' }).waitFor();
        await page.getByLabel('Your message').fill('Hello Lia, I found you on the map of Mapping syndrome.');
        await Promise.all([
          page.waitForURL(/\/messages\/\d+#message-\d+$/),
          page.getByRole('button', { name: 'Send the message' }).click(),
        ]);
        await page.getByText('I found you on the map').waitFor();
        assertNoBrowserProblems(problems);
      });
      await withPage(site.browser, { width: 360, height: 740 }, async ({ page, problems }) => {
        await signIn(page, site.server.url, { email: emailOf(kMembers[0]), password: kPassword, next: '/messages' });
        await Promise.all([page.waitForURL(/\/messages\/\d+$/), page.getByRole('link', { name: /Vic Viewer/ }).click()]);
        await page.getByText('I found you on the map').waitFor();
        await page.getByLabel('Your reply').fill('Hi Vic, glad you wrote.');
        await Promise.all([
          page.waitForURL(/\/messages\/\d+#message-\d+$/),
          page.getByRole('button', { name: 'Send the reply' }).click(),
        ]);
        await page.getByText('Hi Vic, glad you wrote.').waitFor();
        await screenshot(page, `map-card-conversation-reply-${kind}-360x740`);
        await checkAccessibility(page, `conversation from the map ${kind}`);
        assertNoBrowserProblems(problems);
      });
    });

    test('at 360 px the map and the list stack, nothing overflows, targets are 44 px', async () => {
      await withPage(site.browser, { width: 360, height: 740, bypassCSP: true }, async ({ page, problems }) => {
        await page.goto(`${site.server.url}${kMapPath}`);
        await waitForMarkers(page);
        await waitForListStatus(page, /^Showing 11 members in 3 countries$/);
        await page.getByRole('button', { name: 'United States', exact: true }).click();
        await waitForListStatus(page, /in United States$/);
        // A place's card fits the phone too.
        await page.locator('.leaflet-marker-pane [aria-label^="Boston, "]').focus();
        await page.keyboard.press('Enter');
        await page.waitForFunction(() => /3 members/.test(document.querySelector('.place-card-status')?.textContent ?? ''),
          null, { timeout: kWaitMs });
        const scrollWidth = await page.evaluate(() => document.scrollingElement.scrollWidth);
        assert.ok(scrollWidth <= 360, `no horizontal scrolling at 360 px (${scrollWidth})`);
        const mapBox = await page.locator('#map').boundingBox();
        const listBox = await page.locator('.map-list').boundingBox();
        assert.ok(listBox.y >= mapBox.y + mapBox.height, 'the list is below the map');
        const small = await page.evaluate(() => {
          const targets = document.querySelectorAll(
            '.role-option, .country-button, .leaflet-control-zoom a, .map-cluster, .map-place, .member-name, .secondary-button, .contact-link');
          return [...targets].filter((t) => t.offsetParent !== null).map((t) => {
            const r = t.getBoundingClientRect();
            return { what: t.className || t.tagName, width: r.width, height: r.height };
          }).filter((r) => r.height < 44 || r.width < 44);
        });
        assert.deepEqual(small, [], 'every touch target is at least 44 × 44 px');
        // A phone-sized page (issue 16: it was 16,000 px tall); the role counts are one
        // short line of shapes and numbers per country.
        const height = await page.evaluate(() => document.scrollingElement.scrollHeight);
        assert.ok(height < 4000, `the page is ${height} px tall at 360 px`);
        const roleCells = await page.locator('#country-table .role-chip-row').evaluateAll(
          (rows) => rows.map((r) => r.getBoundingClientRect().height));
        assert.ok(roleCells.length === 3 && roleCells.every((h) => h < 48), `role cells: ${roleCells.join(', ')}`);
        await screenshot(page, `map-${kind}-360x740`);
        await checkAccessibility(page, `map 360 ${kind}`);
        assertNoBrowserProblems(problems);
      });
    });

    for (const { width, height } of [{ width: 360, height: 740 }, { width: 1280, height: 800 }]) {
      test(`the condition chooser opens a condition's map with the keyboard, at ${width} px`, async () => {
        // bypassCSP: axe-core is injected as an inline script (the CSP test is below).
        await withPage(site.browser, { width, height, bypassCSP: true }, async ({ page, problems }) => {
          await page.goto(`${site.server.url}/map`);
          const box = page.getByRole('combobox', { name: 'Show the map of one condition' });
          await box.focus();
          await page.keyboard.type('Mapping');
          const listbox = page.locator(`#${await box.getAttribute('aria-controls')}`);
          await listbox.locator('[role="option"]').first().waitFor({ timeout: kWaitMs });
          assert.equal(await listbox.locator('[role="option"]').first().innerText(), kCondition.name);
          await screenshot(page, `map-chooser-${kind}-${width}x${height}`);
          await checkAccessibility(page, `map chooser ${kind} ${width}`);
          const scrollWidth = await page.evaluate(() => document.scrollingElement.scrollWidth);
          assert.ok(scrollWidth <= width, `no horizontal scrolling at ${width} px (${scrollWidth})`);
          await page.keyboard.press('ArrowDown');
          await Promise.all([page.waitForURL(`${site.server.url}${kMapPath}`), page.keyboard.press('Enter')]);
          await page.getByRole('heading', { level: 1, name: `Community map: ${kCondition.name}` }).waitFor();
          await page.getByRole('link', { name: "Show every condition's members" }).waitFor();
          assertNoBrowserProblems(problems);
        });
      });
    }

    test('/map runs under its own Content-Security-Policy, and says what it needs without JavaScript', async () => {
      await withPage(site.browser, { bypassCSP: false }, async ({ page, problems }) => {
        const asked = [];
        page.on('request', (request) => {
          const url = new URL(request.url());
          if (url.pathname === '/api/v1/map') asked.push(url.searchParams);
        });
        await page.goto(`${site.server.url}/map`);
        await page.getByRole('heading', { level: 1, name: 'Community map' }).waitFor();
        await waitForMarkers(page);
        assert.ok(await page.locator('.leaflet-overlay-pane path').count() > 100);
        assert.ok((await markerLabels(page)).length > 0);
        // Zoomed out until the world is narrower than the map, the view box sent still
        // stays in the API's ranges (Leaflet reports longitudes past ±180 there).
        const zoomOut = page.getByRole('button', { name: 'Zoom out' });
        while ((await zoomOut.getAttribute('aria-disabled')) !== 'true') {
          const before = await page.locator('#map').getAttribute('data-zoom');
          await zoomOut.click();
          await page.waitForFunction((z) => document.getElementById('map').dataset.zoom !== z &&
            document.getElementById('map').dataset.state === 'ready', before, { timeout: kWaitMs });
        }
        assert.ok(asked.length >= 1, `map requests: ${asked.length}`);
        for (const params of asked) {
          assert.match(params.get('zoom'), /^(1?\d|20)$/);
          const [west, south, east, north] = params.get('bbox').split(',').map(Number);
          assert.ok(west >= -180 && east <= 180 && west < east && south >= -90 && north <= 90 && south < north,
            params.get('bbox'));
        }
        assert.equal(await page.getByRole('link', { name: 'Community map' }).getAttribute('href'), '/map');
        assertNoBrowserProblems(problems);  // CSP violations are console errors
      });
      const noScript = await site.browser.newContext({ javaScriptEnabled: false });
      try {
        const page = await noScript.newPage();
        await page.goto(`${site.server.url}${kMapPath}`);
        assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), `Community map: ${kCondition.name}`);
        assert.match(await page.locator('main').innerText(), /The map and the list of members need JavaScript/);
        assert.equal(await page.locator('#map-app').isVisible(), false);
        await screenshot(page, `map-no-javascript-${kind}`);
      } finally {
        await noScript.close();
      }
    });
  });
}
