// Harness for the browser tests: runs the real `diseasemaps` binary on loopback against
// a fresh database (SQLite by default, PostgreSQL when DISEASEMAPS_TEST_POSTGRES_URL is
// set), drives Debian's Chromium through playwright-core, and checks what every page
// must satisfy: no console or page errors, no serious or critical axe-core violations,
// a full-page screenshot under test-results/screenshots/.
//
// Every process it starts is stopped again: servers with SIGTERM when a test suite ends
// (and with SIGKILL from an exit handler if the suite never got there), browsers by
// playwright-core itself. Nothing here downloads anything.
//
// Environment:
//   DISEASEMAPS_BIN                 the binary (default build/diseasemaps)
//   DISEASEMAPS_STATIC              the served static tree (default build/static)
//   DISEASEMAPS_TEST_POSTGRES_URL   e.g. postgresql://postgres@127.0.0.1:5433/postgres;
//                                   when set, suites also run against PostgreSQL, each in
//                                   a database created for the run and dropped after it
//   CHROMIUM_BIN                    the browser (default /usr/bin/chromium)

import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { after, before } from 'node:test';

import { chromium } from 'playwright-core';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const kServerStartTimeoutMs = 20_000;
const kServerStopTimeoutMs = 10_000;
const kCommandTimeoutMs = 60_000;
const kServingLine = /serving on (http:\/\/[^\s/]+)/;
const kKeptOutputLines = 200;

export const binPath = path.resolve(repoRoot, process.env.DISEASEMAPS_BIN || 'build/diseasemaps');
export const staticDir = path.resolve(repoRoot, process.env.DISEASEMAPS_STATIC || 'build/static');
export const screenshotDir = path.join(repoRoot, 'test-results', 'screenshots');
const chromiumPath = process.env.CHROMIUM_BIN || '/usr/bin/chromium';

// ---------------------------------------------------------------------------------------
// Cleanup of last resort: a server still running when this process exits is killed.

const liveServers = new Set();

function killLiveServers() {
  for (const child of liveServers) {
    try {
      child.kill('SIGKILL');
    } catch {
      // Already gone.
    }
  }
  liveServers.clear();
}

process.on('exit', killLiveServers);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.once(signal, () => {
    killLiveServers();
    process.exit(128 + os.constants.signals[signal]);
  });
}

// ---------------------------------------------------------------------------------------
// Running commands.

// Runs a command to completion and returns its stdout; throws with its output on failure.
function run(command, args, { input, env } = {}) {
  const result = spawnSync(command, args, {
    input,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: kCommandTimeoutMs,
  });
  if (result.error) {
    throw new Error(`${command} ${args.join(' ')}: ${result.error.message}`);
  }
  if (result.status !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} exited with ${result.status ?? result.signal}\n` +
        `stdout:\n${result.stdout}\nstderr:\n${result.stderr}`,
    );
  }
  return result.stdout;
}

// Quotes a value as an SQL string literal (standard SQL: quotes doubled).
export function sqlString(value) {
  return `'${String(value).replaceAll("'", "''")}'`;
}

function psql(url, sql) {
  return run('psql', ['--no-psqlrc', '--quiet', '--set', 'ON_ERROR_STOP=1', '--dbname', url], {
    input: sql,
  });
}

// ---------------------------------------------------------------------------------------
// Databases.

// The database kinds this run covers: always 'sqlite', and 'postgresql' when
// DISEASEMAPS_TEST_POSTGRES_URL is set.
export function databaseKinds() {
  const kinds = ['sqlite'];
  if (process.env.DISEASEMAPS_TEST_POSTGRES_URL) kinds.push('postgresql');
  return kinds;
}

// A database made for one test suite. `url` is what `--database` takes.
class TestDatabase {
  constructor(kind, url, dispose) {
    this.kind = kind;
    this.url = url;
    this.dispose_ = dispose;
  }

  // Creates the schema with `diseasemaps migrate`.
  migrate() {
    run(binPath, ['--database', this.url, 'migrate']);
  }

  // Runs SQL text through the sqlite3 or psql command-line client.
  exec(sql) {
    if (this.kind === 'sqlite') return run('sqlite3', ['-bail', this.url], { input: sql });
    return psql(this.url, sql);
  }

  // Inserts conditions: objects with orphacode, name and optionally slug, sortName,
  // entryType, status.
  insertConditions(conditions) {
    const now = Math.floor(Date.now() / 1000);
    const rows = conditions.map((c) => {
      const slug = c.slug ?? slugify(c.name);
      const sortName = c.sortName ?? c.name.toLowerCase();
      return `(${Number(c.orphacode)}, ${sqlString(slug)}, ${sqlString(c.name)}, ` +
        `${sqlString(sortName)}, ${sqlString(c.entryType ?? 'Disease')}, ` +
        `${sqlString(c.status ?? 'active')}, ${now}, ${now})`;
    });
    this.exec(
      'BEGIN;\n' +
        'INSERT INTO conditions ' +
        '(orphacode, slug, name, sort_name, entry_type, status, created_at, updated_at) VALUES\n' +
        rows.join(',\n') +
        ';\nCOMMIT;\n',
    );
  }

  // Removes the database (the temp directory, or DROP DATABASE). Safe to call twice.
  dispose() {
    const dispose = this.dispose_;
    this.dispose_ = null;
    if (dispose) dispose();
  }
}

export function slugify(name) {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

// Creates an empty database of `kind` ('sqlite' or 'postgresql'), not yet migrated.
// REQUIRES: for 'postgresql', DISEASEMAPS_TEST_POSTGRES_URL names a server we may
// CREATE DATABASE on.
export function createDatabase(kind) {
  if (kind === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dm-browser-'));
    return new TestDatabase(kind, path.join(dir, 'dm.db'), () => {
      fs.rmSync(dir, { recursive: true, force: true });
    });
  }
  if (kind === 'postgresql') {
    const adminUrl = process.env.DISEASEMAPS_TEST_POSTGRES_URL;
    if (!adminUrl) throw new Error('DISEASEMAPS_TEST_POSTGRES_URL is not set');
    const name = `dm_browser_${process.pid}_${randomBytes(4).toString('hex')}`;
    psql(adminUrl, `CREATE DATABASE ${name};\n`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    // The search index's default for PostgreSQL is under var/: keep it in a temp dir.
    const indexDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dm-browser-index-'));
    const database = new TestDatabase(kind, url.toString(), () => {
      psql(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE);\n`);
      fs.rmSync(indexDir, { recursive: true, force: true });
    });
    database.searchIndex = path.join(indexDir, 'search-index');
    return database;
  }
  throw new Error(`unknown database kind ${kind}`);
}

// ---------------------------------------------------------------------------------------
// The server.

// A running `diseasemaps serve`. `url` has no trailing slash.
class Server {
  constructor(child, url, output) {
    this.child = child;
    this.url = url;
    this.output_ = output;
    this.exit_ = new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) {
        resolve({ code: child.exitCode, signal: child.signalCode });
      } else {
        child.once('exit', (code, signal) => resolve({ code, signal }));
      }
    });
  }

  // The last lines the server wrote to stdout and stderr.
  output() {
    return this.output_.join('\n');
  }

  // Sends SIGTERM and waits for the process to end; SIGKILL after kServerStopTimeoutMs.
  // Returns { code, signal, killed }: a graceful stop is { code: 0, signal: null }.
  async stop() {
    const child = this.child;
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    let timer;
    const timeout = new Promise((resolve) => {
      timer = setTimeout(() => resolve(null), kServerStopTimeoutMs);
    });
    let result = await Promise.race([this.exit_, timeout]);
    clearTimeout(timer);
    if (result === null) {
      child.kill('SIGKILL');
      const killed = new Promise((resolve) => {
        timer = setTimeout(() => resolve({ code: null, signal: 'SIGKILL' }), 2_000);
      });
      result = { ...(await Promise.race([this.exit_, killed])), killed: true };
      clearTimeout(timer);
    }
    liveServers.delete(child);
    return { killed: false, ...result };
  }
}

// Starts `diseasemaps serve` on a free loopback port and resolves once it prints its
// "serving on" line. Rejects (with the server's output) if it exits or stays silent for
// kServerStartTimeoutMs; the process is stopped in both cases.
export async function startServer(database, { extraArgs = [] } = {}) {
  if (!fs.existsSync(binPath)) {
    throw new Error(`${binPath} does not exist: build it first (or set DISEASEMAPS_BIN)`);
  }
  // --database is an option of the program, so it goes before the subcommand.
  const args = ['--database', database.url, 'serve', '--port', '0', '--address', '127.0.0.1',
    '--static-dir', staticDir,
    ...(database.searchIndex ? ['--search-index', database.searchIndex] : []), ...extraArgs];
  const child = spawn(binPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  liveServers.add(child);

  const output = [];
  const keep = (stream, prefix) => {
    let partial = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk) => {
      const lines = (partial + chunk).split('\n');
      partial = lines.pop();
      for (const line of lines) {
        output.push(prefix + line);
        if (output.length > kKeptOutputLines) output.shift();
      }
    });
  };
  keep(child.stderr, '[stderr] ');

  // Reads stdout until the "serving on" line; the stream keeps being drained afterwards,
  // so access-log lines never fill the pipe.
  const url = await new Promise((resolve, reject) => {
    let seen = '';
    let done = false;
    const finish = (error, value) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      if (error) reject(error);
      else resolve(value);
    };
    const timer = setTimeout(() => {
      finish(new Error(`server did not print "serving on" within ${kServerStartTimeoutMs} ms`));
    }, kServerStartTimeoutMs);
    child.once('error', (error) => finish(error));
    child.once('exit', (code, signal) => {
      finish(new Error(`server exited early (${code ?? signal})`));
    });
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk) => {
      if (done) return;
      seen += chunk;
      const match = kServingLine.exec(seen);
      if (match) finish(null, match[1]);
    });
    keep(child.stdout, '');
  }).catch(async (error) => {
    const server = new Server(child, null, output);
    await server.stop();
    throw new Error(`${error.message}\n$ ${binPath} ${args.join(' ')}\n${output.join('\n')}`);
  });
  return new Server(child, url, output);
}

// ---------------------------------------------------------------------------------------
// The browser.

export const kChromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

export function launchBrowser() {
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: kChromiumArgs });
}

// Opens a page in a new context. `problems` collects console errors, page errors and
// failed requests; check them with assertNoBrowserProblems().
// bypassCSP defaults to true so that axe-core can be injected; pass false to load the
// page under its own Content-Security-Policy (violations then show as console errors).
// `timezoneId` ("America/New_York") sets the browser's time zone, for pages that show
// moments in the visitor's zone; the machine's zone otherwise.
export async function openPage(browser, { width = 1280, height = 800, bypassCSP = true, timezoneId } = {}) {
  const context = await browser.newContext({
    viewport: { width, height },
    bypassCSP,
    reducedMotion: 'reduce',
    ...(timezoneId ? { timezoneId } : {}),
  });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error') {
      const where = message.location()?.url;
      problems.push({ kind: 'console error', text: message.text(), url: where || page.url() });
    }
  });
  page.on('pageerror', (error) => {
    problems.push({ kind: 'page error', text: error.stack || String(error), url: page.url() });
  });
  page.on('requestfailed', (request) => {
    // The browser fetches the favicon on its own and cancels that fetch when the page
    // moves on (a form sent, a link followed): not a problem of the page.
    const aborted = request.failure()?.errorText === 'net::ERR_ABORTED';
    if (aborted && request.url().endsWith('/static/favicon.svg')) return;
    // A read the page's own script started (type-ahead suggestions, map tiles) is
    // cancelled on purpose when a newer one supersedes it or the page moves on: a
    // keystroke followed by Enter is exactly that. A cancelled write is still a problem.
    if (aborted && request.resourceType() === 'fetch' && request.method() === 'GET') return;
    problems.push({
      kind: 'request failed',
      text: `${request.method()} ${request.url()}: ${request.failure()?.errorText}`,
      url: request.url(),
    });
  });
  return { context, page, problems };
}

// Throws, listing every problem, unless `problems` is empty once those matching
// `allow` (a predicate) are set aside.
export function assertNoBrowserProblems(problems, { allow = () => false } = {}) {
  const left = problems.filter((p) => !allow(p));
  if (left.length === 0) return;
  const lines = left.map((p) => `  - ${p.kind} (${p.url}): ${p.text}`);
  throw new Error(`the browser reported ${left.length} problem(s):\n${lines.join('\n')}`);
}

// Saves a full-page screenshot as test-results/screenshots/NAME.png; returns its path.
export async function screenshot(page, name) {
  fs.mkdirSync(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

// ---------------------------------------------------------------------------------------
// Accessibility.

const kFailingImpacts = new Set(['serious', 'critical']);
// Rules that fail whatever their impact: "region" (content outside every landmark,
// which a screen reader's landmark list never reaches) is moderate, but it once sat on
// every page (the demo-data banner) and must not come back.
const kFailingRules = new Set(['region']);
let axeSource = null;

function formatViolation(v) {
  const nodes = v.nodes.slice(0, 10).map((n) => {
    const summary = (n.failureSummary || '').split('\n').map((l) => `        ${l}`).join('\n');
    return `    at ${n.target.join(' ')}\n      ${n.html}\n${summary}`;
  });
  if (v.nodes.length > 10) nodes.push(`    … and ${v.nodes.length - 10} more`);
  return `  [${v.impact}] ${v.id}: ${v.help}\n    ${v.helpUrl}\n${nodes.join('\n')}`;
}

// Runs axe-core on the page (which must have been opened with bypassCSP) and throws,
// listing them, if it finds violations of serious or critical impact or of a rule in
// kFailingRules. Other minor and
// moderate ones are printed as diagnostics. Returns the full axe results.
export async function checkAccessibility(page, name) {
  axeSource ??= fs.readFileSync(path.join(repoRoot, 'node_modules/axe-core/axe.min.js'), 'utf8');
  await page.addScriptTag({ content: axeSource });
  const results = await page.evaluate(() =>
    window.axe.run(document, { resultTypes: ['violations'] }),
  );
  const fails = (v) => kFailingImpacts.has(v.impact) || kFailingRules.has(v.id);
  const failing = results.violations.filter(fails);
  const other = results.violations.filter((v) => !fails(v));
  if (other.length > 0) {
    console.log(`axe (${name}): ${other.length} minor/moderate violation(s):\n` +
      other.map(formatViolation).join('\n'));
  }
  if (failing.length > 0) {
    throw new Error(`axe (${name}): ${failing.length} serious, critical or always-failing violation(s):\n` +
      failing.map(formatViolation).join('\n'));
  }
  return results;
}

// ---------------------------------------------------------------------------------------
// Accounts.

// Creates an account through `diseasemaps user add`, the password given on stdin.
export const sharedData = path.resolve(repoRoot, process.env.DISEASEMAPS_SHARED_DATA || '../shared/data');

// Imports real ORPHApackets (by ORPHAcode) through the binary, as an operator would, and
// with `names: true` Orphanet's names and classification trees in every language too.
export function importPackets(database, codes, { names = false } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dm-browser-packets-'));
  try {
    for (const code of codes) {
      fs.copyFileSync(path.join(sharedData, 'orphanet', 'orphapackets', `ORPHApacket_${code}.json`),
        path.join(dir, `ORPHApacket_${code}.json`));
    }
    execFileSync(binPath, ['--database', database.url, 'import', 'orphanet', dir], { stdio: 'pipe' });
    if (names) {
      execFileSync(binPath, ['--database', database.url, 'import', 'orphanet-names',
        path.join(sharedData, 'orphanet', 'classifications')], { stdio: 'pipe' });
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function addUser(database, { email, name, role, credentials, password }) {
  const args = ['--database', database.url, 'user', 'add', '--email', email, '--name', name,
    '--role', role, '--password-stdin'];
  if (credentials) args.push('--credentials', credentials);
  execFileSync(binPath, args, { input: `${password}\n`, stdio: ['pipe', 'pipe', 'pipe'] });
}

// Signs in through the form, as a person would, and waits to arrive at `next`.
export async function signIn(page, serverUrl, { email, password, next = '/' }) {
  await page.goto(`${serverUrl}/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password').fill(password);
  const escaped = next.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  await Promise.all([page.waitForURL(new RegExp(`${escaped}$`)),
    page.getByRole('button', { name: 'Sign in' }).click()]);
}

// Presses Tab until the focused element's accessible text (its aria-label, else a form
// field's label, else its text; white space collapsed) matches `name`, a string or a
// RegExp; fails after `limit` presses, so a control that the keyboard cannot reach fails
// the test.
export async function tabTo(page, name, limit = 150) {
  for (let i = 0; i < limit; ++i) {
    await page.keyboard.press('Tab');
    const text = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el) return '';
      const label = el.labels && el.labels.length > 0 ? el.labels[0].textContent : '';
      return (el.getAttribute('aria-label') || label || el.textContent || '').replace(/\s+/g, ' ').trim();
    });
    if (name instanceof RegExp ? name.test(text) : text === name) return;
  }
  throw new Error(`"${name}" was not reached with ${limit} presses of Tab`);
}

// Throws unless the page fits `width` pixels: no horizontal scrolling (a phone's 360 px).
export async function assertNoWiderThan(page, width) {
  const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
  if (scroll > width) throw new Error(`the page is ${scroll} px wide at ${width} px`);
}

// Waits for the server (started with --mail-to-console) to print an e-mail holding a link
// to `path` ("/account/confirm") and returns the newest such link.
export async function waitForMailedLink(server, path, { timeoutMs = 10_000 } = {}) {
  const escaped = `${server.url}${path}`.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`${escaped}\\?token=[A-Za-z0-9_-]{43}`, 'g');
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const links = server.output().match(pattern);
    if (links) return links[links.length - 1];
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no e-mail with a link to ${path} within ${timeoutMs} ms:\n${server.output()}`);
}

// ---------------------------------------------------------------------------------------
// Suites.

// Declares, inside a describe(), the site a suite runs against: before its tests, a
// fresh migrated database of `kind` seeded by `seed(database)`, a server started on it
// with `serverArgs`, and a browser; after them, all three stopped again (even when a test
// failed). With `expectCleanExit`, the suite fails unless the server exits 0 on SIGTERM.
// Returns an object whose `database`, `server` and `browser` are set once before() ran.
export function useSite(kind, { seed = () => {}, serverArgs = [], expectCleanExit = false } = {}) {
  const site = { database: null, server: null, browser: null };
  before(async () => {
    site.database = createDatabase(kind);
    site.database.migrate();
    await seed(site.database);
    site.server = await startServer(site.database, { extraArgs: serverArgs });
    site.browser = await launchBrowser();
  });
  after(async () => {
    await site.browser?.close();
    const stopped = await site.server?.stop();
    site.database?.dispose();
    if (expectCleanExit && stopped) {
      if (stopped.code !== 0 || stopped.signal !== null) {
        throw new Error(`the server should exit 0 on SIGTERM, not ${stopped.code ?? stopped.signal}\n${site.server.output()}`);
      }
    }
  });
  return site;
}

// Opens a page (see openPage), hands { page, problems, context } to `use`, and closes the
// page's context afterwards whatever happened. Returns what `use` returned.
export async function withPage(browser, options, use) {
  const opened = await openPage(browser, options);
  try {
    return await use(opened);
  } finally {
    await opened.context.close();
  }
}
