// End-to-end test of the built explorer (dist/), driven like a visitor in headless Chromium.
//
//   trunk build --release --offline && node --test tests/e2e/*.test.mjs
//
// Serves dist/ from a tiny static server on 127.0.0.1 under the site's strict Content-Security-Policy
// (tests/e2e/support.mjs), drives the page with playwright-core and the system Chromium
// (/usr/bin/chromium; nothing is downloaded), and fails on any console error, page error, CSP
// violation or request to a host other than 127.0.0.1. Screenshots go to tests/e2e/artifacts/.

import { beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { ARTIFACTS, DIST, assertCleanPage as assertClean, assertLocalOnly, resolveInside, urlOf, usePages } from './support.mjs';

const TIMEOUT = 30_000; // per wait/action; a release build loads in well under a second here

const PARTNERS = [
  ['Aston', '10007759'],
  ['Birmingham', '10006840'],
  ['Cranfield', '10007822'],
  ['Keele', '10007767'],
  ['Leicester', '10007796'],
  ['Loughborough', '10004113'],
  ['Nottingham', '10007154'],
  ['Warwick', '10007163'],
];
const BIRMINGHAM = '10006840';
const ACADEMIC = 'Total academic staff';
const NON_ACADEMIC = 'Total non-academic staff';
const SOURCE_LINE = 'Source: HESA DT025 Table 1, CC BY 4.0';

// ---------------------------------------------------------------------------------------------
// Browser session: one browser and server (with the site's CSP) for the file, a fresh context + page per test

// Each test checks its page itself, at the points it chooses.
const pages = usePages({ checkClean: false });
let page;
let tracked; // { problems, requests, cspViolations } of the current page
let problems; // console errors, page errors and failed requests of the current page
const allRequests = [];

beforeEach(async () => {
  tracked = await pages.track({ allRequests, timeout: TIMEOUT });
  ({ page, problems } = tracked);
});

/** Asserts the current page logged no errors, broke no CSP rule and made requests only to 127.0.0.1. */
function assertCleanPage() {
  assertClean(tracked);
}

// ---------------------------------------------------------------------------------------------
// Page helpers

/** The view these tests were written for, by its link: staff by occupation, academic and
 * non-academic totals, stacked, 2023/24 (the first view before the technical-workforce lens). */
async function openApp(query = '?d=staff-occupation') {
  const response = await page.goto(pages.base() + query, { waitUntil: 'load' });
  assert.equal(response.status(), 200, 'index.html should be served');
  await waitForChart();
}

const ariaLabel = () => page.getAttribute('#chart-canvas', 'aria-label');

/** Waits until the chart canvas exists with a non-empty aria-label (the app has rendered a chart). */
async function waitForChart() {
  try {
    await page.waitForFunction(() => {
      const c = document.querySelector('#chart-canvas');
      return !!c && (c.getAttribute('aria-label') || '').trim().length > 0;
    });
  } catch (e) {
    const text = await page.evaluate(() => document.body?.innerText || '').catch(() => '(page gone)');
    throw new Error(
      'timed out waiting for #chart-canvas with a non-empty aria-label. ' +
        `Errors so far: ${JSON.stringify(problems)}. Page text: ${text.replace(/\s+/g, ' ').slice(0, 600)}`,
      { cause: e },
    );
  }
}

/**
 * Waits until the chart's aria-label contains every string in `has` and none in `lacks`.
 * `description` names the expected change in the failure message.
 */
async function waitForLabel(description, { has = [], lacks = [] }) {
  try {
    await page.waitForFunction(
      ({ has, lacks }) => {
        const label = document.querySelector('#chart-canvas')?.getAttribute('aria-label') || '';
        return label.length > 0 && has.every((s) => label.includes(s)) && !lacks.some((s) => label.includes(s));
      },
      { has, lacks },
    );
  } catch (e) {
    const now = await page.getAttribute('#chart-canvas', 'aria-label').catch(() => '(no #chart-canvas)');
    throw new Error(
      `timed out waiting for the chart aria-label (${description}): ` +
        `should contain ${JSON.stringify(has)} and not ${JSON.stringify(lacks)}; it is now: ${now}`,
      { cause: e },
    );
  }
}

/** The canvas as a data URL (to detect redraws). */
const canvasDataUrl = () => page.$eval('#chart-canvas', (c) => c.toDataURL());

/** Waits until the canvas pixels differ from `before` (a data URL). */
async function waitForRedraw(before, what) {
  try {
    await page.waitForFunction((prev) => document.querySelector('#chart-canvas')?.toDataURL() !== prev, before, {
      polling: 100,
    });
  } catch (e) {
    throw new Error(`canvas pixels did not change after ${what}`, { cause: e });
  }
}

/** Number of distinct colours on the canvas (sampled), and its size. */
async function canvasColours() {
  return page.$eval('#chart-canvas', (c) => {
    const ctx = c.getContext('2d');
    const { width, height } = c;
    if (!ctx || width === 0 || height === 0) return { width, height, colours: 0 };
    const data = ctx.getImageData(0, 0, width, height).data;
    const seen = new Set();
    const step = Math.max(1, Math.floor((width * height) / 50_000));
    for (let i = 0; i < width * height; i += step) {
      const o = i * 4;
      seen.add((data[o] << 24) | (data[o + 1] << 16) | (data[o + 2] << 8) | data[o + 3]);
      if (seen.size > 64) break;
    }
    return { width, height, colours: seen.size };
  });
}

/**
 * Distinct saturated ("series") colours that cover at least 0.5% of the canvas: bar fills, as opposed to
 * the white background and the grey/black axes, grid lines and text.
 */
async function seriesColours() {
  return page.$eval('#chart-canvas', (c) => {
    const { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height);
    const counts = new Map();
    for (let o = 0; o < data.length; o += 4) {
      const [r, g, b, a] = [data[o], data[o + 1], data[o + 2], data[o + 3]];
      if (a < 200 || Math.max(r, g, b) - Math.min(r, g, b) < 40) continue;
      const k = `rgb(${r},${g},${b})`;
      counts.set(k, (counts.get(k) || 0) + 1);
    }
    const min = (c.width * c.height) / 200;
    return [...counts].filter(([, n]) => n >= min).map(([k]) => k);
  });
}

const checkedPartners = () =>
  page.$$eval('#partner-filter input[type=checkbox][name=partner]:checked', (els) => els.map((e) => e.value));

const checkedCategories = () =>
  page.$$eval('#category-filter input[type=checkbox][name=category]:checked', (els) =>
    els.map((e) => e.getAttribute('data-name')),
  );

const norm = (s) => (s || '').replace(/\s+/g, ' ').trim();

/** Switches to the Table tab and returns the table as { headers, rows: {name, cells}[], foot }. */
async function readTable() {
  await page.click('#tab-table');
  await page.waitForFunction(() => document.querySelector('#tab-table')?.getAttribute('aria-selected') === 'true');
  await page.waitForSelector('#figures-table', { state: 'visible' });
  return page.$eval('#figures-table', (t) => {
    const text = (el) => (el?.textContent || '').replace(/\s+/g, ' ').trim();
    const row = (tr) => {
      const cells = [...tr.children].map(text);
      return { name: cells[0], cells: cells.slice(1), rowHeader: tr.children[0]?.matches('th[scope=row]') };
    };
    return {
      headers: [...t.querySelectorAll('thead th')].map(text),
      rows: [...t.querySelectorAll('tbody tr')].map(row),
      foot: [...t.querySelectorAll('tfoot tr')].map(row),
    };
  });
}

/** The cell of `table` at row `name` (a partner or the tfoot label) and column header containing `column`. */
function cell(table, name, column) {
  const col = table.headers.findIndex((h) => h === column || h.includes(column));
  assert.ok(col > 0, `table has no column "${column}"; headers: ${JSON.stringify(table.headers)}`);
  const r = [...table.rows, ...table.foot].find((x) => x.name === name);
  assert.ok(r, `table has no row "${name}"; rows: ${JSON.stringify([...table.rows, ...table.foot].map((x) => x.name))}`);
  return r.cells[col - 1];
}

async function showChart() {
  await page.click('#tab-chart');
  await page.waitForFunction(() => document.querySelector('#tab-chart')?.getAttribute('aria-selected') === 'true');
  await waitForChart();
}

async function screenshot(name) {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, name), fullPage: true });
}

// ---------------------------------------------------------------------------------------------
// Tests

describe('workforce explorer (dist/)', { timeout: 180_000 }, () => {
  test('server: MIME types, 404 and path traversal', async () => {
    const get = (p) => fetch(urlOf(pages.server()).replace(/\/$/, '') + p);
    const index = await get('/');
    assert.equal(index.status, 200);
    assert.match(index.headers.get('content-type'), /^text\/html/);
    assert.equal((await get('/no-such-file.js')).status, 404);
    // fetch() normalises "..", so send raw (encoded) traversal attempts through node:http
    for (const raw of ['/%2e%2e/Cargo.toml', '/..%2fCargo.toml', '/%2e%2e%5cCargo.toml']) {
      const status = await new Promise((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port: pages.server().address().port, path: raw }, (res) => {
          res.resume();
          resolve(res.statusCode);
        });
        req.on('error', reject);
        req.end();
      });
      assert.ok(status === 403 || status === 404, `${raw} should be refused, got ${status}`);
    }
    assert.equal(resolveInside('/srv/dist', '/../etc/passwd'), null);
    assert.equal(resolveInside('/srv/dist', '/a/b.wasm'), '/srv/dist/a/b.wasm');
    const wasm = readdirSync(DIST).find((f) => f.endsWith('.wasm'));
    if (wasm) assert.equal((await get('/' + wasm)).headers.get('content-type'), 'application/wasm');
  });

  test('occupation totals (?d=staff-occupation): staff by occupation, 2023/24, all partners, chart drawn', async () => {
    await openApp();

    assert.equal(await page.inputValue('#dataset-select'), 'staff-occupation');
    const datasets = await page.$$eval('#dataset-select option', (os) => os.map((o) => o.value));
    for (const d of ['staff-occupation', 'staff-cost-centre', 'students-sex']) {
      assert.ok(datasets.includes(d), `dataset option ${d} missing: ${datasets}`);
    }
    assert.equal(await page.inputValue('#year-select'), '2023/24');
    assert.equal(await page.isChecked('input[name=chart-kind][value=stacked]'), true);
    assert.equal(await page.isChecked('input[name=chart-kind][value=bars]'), false);

    // Partners: 8 checkboxes labelled with short names, all checked
    const partners = await page.$$eval('#partner-filter input[type=checkbox][name=partner]', (els) =>
      els.map((e) => ({ value: e.value, checked: e.checked, label: (e.labels?.[0]?.textContent || '').trim() })),
    );
    assert.deepEqual(
      partners.map((p) => [p.label, p.value]),
      PARTNERS,
      'partner checkboxes (label text, UKPRN value)',
    );
    assert.ok(partners.every((p) => p.checked), 'all partners checked on first load');

    // Categories: grouped, defaults are the two totals
    // (the data also has an ungrouped grand "Total"; the contract only fixes the two named groups)
    const categories = await page.$$eval('#category-filter input[type=checkbox][name=category]', (els) =>
      els.map((e) => [e.getAttribute('data-group'), e.getAttribute('data-name'), (e.labels?.[0]?.textContent || '').trim()]),
    );
    const groups = [...new Set(categories.map(([g]) => g))];
    assert.ok(groups.includes('Academic') && groups.includes('Non-academic'), `category groups: ${JSON.stringify(groups)}`);
    assert.ok(categories.some(([g, n, l]) => g === 'Academic' && n === ACADEMIC && l.includes(ACADEMIC)));
    assert.ok(categories.some(([g, n, l]) => g === 'Non-academic' && n === NON_ACADEMIC && l.includes(NON_ACADEMIC)));
    assert.ok((await page.locator('#category-filter fieldset.category-group').count()) >= 2);
    assert.deepEqual((await checkedCategories()).sort(), [ACADEMIC, NON_ACADEMIC]);

    // Caption
    const title = norm(await page.textContent('#figure-caption .caption-title'));
    assert.ok(title.includes('2023/24'), `caption title should name 2023/24: "${title}"`);
    assert.equal(title, 'Academic and non-academic staff, Midlands Innovation partners, 2023/24');
    assert.equal(norm(await page.textContent('#figure-caption .caption-subtitle')), 'Headcount of academic and non-academic staff.');
    assert.equal(norm(await page.textContent('#figure-notes .caption-dataset')), 'Dataset: Staff headcount by occupation.');
    assert.equal(norm(await page.textContent('#figure-notes .caption-source')), SOURCE_LINE);
    // What was not reported is a caution, set apart from the notes that say what the figures are.
    const notReported = norm((await page.$$eval('#figure-notes .caption-notes li.caution', (lis) => lis.map((li) => li.textContent))).join(' '));
    // A caution says so in words too, not by its colour alone.
    assert.ok(notReported.startsWith('Caution: '), notReported);
    assert.ok(
      notReported.includes('Birmingham') && notReported.includes('Nottingham'),
      `not-reported list should name Birmingham and Nottingham: "${notReported}"`,
    );
    // The opt-out, said once: who did not return non-academic staff, and when (Cranfield only in 2019/20).
    assert.ok(notReported.includes('Birmingham and Nottingham did not (2019/20–2023/24), nor Cranfield in 2019/20'), notReported);
    for (const [name] of PARTNERS.filter(([n]) => !['Birmingham', 'Nottingham', 'Cranfield'].includes(n))) {
      assert.ok(!notReported.includes(name), `${name} reported but listed as not reported: "${notReported}"`);
    }

    // Chart text alternative (figures from data/staff-occupation.csv, 2023/24)
    const label = await ariaLabel();
    for (const [name] of PARTNERS) assert.ok(label.includes(name), `aria-label should mention ${name}: ${label}`);
    assert.ok(
      label.includes(`Aston: ${ACADEMIC} 1,015; ${NON_ACADEMIC} 1,130`),
      `aria-label should give Aston's figures: ${label}`,
    );
    assert.ok(
      label.includes(`Birmingham: ${ACADEMIC} 4,205; ${NON_ACADEMIC} not reported`),
      `aria-label should give Birmingham's figures: ${label}`,
    );

    // Canvas has been drawn on
    const px = await canvasColours();
    assert.ok(px.width > 0 && px.height > 0, `canvas has size ${px.width}x${px.height}`);
    assert.ok(px.colours > 1, `canvas should not be blank (distinct colours: ${px.colours})`);
    // stacked bars of two categories: each category needs its own colour to be told apart
    const series = await seriesColours();
    assert.ok(
      series.length >= 2,
      `stacked chart of 2 categories should draw them in 2 distinct colours; bar colours found: ${JSON.stringify(series)}`,
    );

    await screenshot('default-view.png');

    // Table: Birmingham and Nottingham non-academic not reported; the total is marked incomplete
    const table = await readTable();
    assert.equal(table.headers[0], 'Partner');
    assert.equal(table.rows.length, 8);
    assert.ok(table.rows.every((r) => r.rowHeader), 'first cell of each body row is th[scope=row]');
    assert.deepEqual(
      table.rows.map((r) => r.name),
      PARTNERS.map(([n]) => n),
    );
    assert.equal(cell(table, 'Birmingham', NON_ACADEMIC), 'not reported');
    assert.equal(cell(table, 'Nottingham', NON_ACADEMIC), 'not reported');
    assert.equal(cell(table, 'Aston', ACADEMIC), '1,015');
    assert.equal(cell(table, 'Birmingham', ACADEMIC), '4,205');
    assert.equal(table.foot.length, 1, 'tfoot has one "All selected partners" row');
    assert.equal(table.foot[0].name, 'All selected partners');
    assert.match(cell(table, 'All selected partners', NON_ACADEMIC), /^[\d,]+ \(incomplete\)$/);
    assert.equal(await page.getAttribute('#tab-chart', 'aria-selected'), 'false');
    await screenshot('default-table.png');
    await showChart();

    assertCleanPage();
  });

  test('filters, year and chart kind: 2020/21 academic staff totals', async () => {
    await openApp();

    // Uncheck Birmingham: gone from the chart and the table, chart redrawn
    let pixels = await canvasDataUrl();
    await page.uncheck(`#partner-filter input[name=partner][value="${BIRMINGHAM}"]`);
    await waitForLabel('Birmingham unchecked', { lacks: ['Birmingham'] });
    await waitForRedraw(pixels, 'unchecking Birmingham');
    assert.equal((await checkedPartners()).length, 7);
    let table = await readTable();
    assert.equal(table.rows.length, 7, 'table has 7 partner rows');
    assert.ok(!table.rows.some((r) => r.name === 'Birmingham'));
    await showChart();

    // Uncheck the non-academic total: column gone from the table
    pixels = await canvasDataUrl();
    await page.uncheck(`#category-filter input[name=category][data-name="${NON_ACADEMIC}"]`);
    await waitForLabel('non-academic total unchecked', { lacks: [NON_ACADEMIC] });
    await waitForRedraw(pixels, 'unchecking the non-academic total');
    assert.deepEqual(await checkedCategories(), [ACADEMIC]);
    table = await readTable();
    assert.ok(
      !table.headers.some((h) => h.includes(NON_ACADEMIC)),
      `table header should not include ${NON_ACADEMIC}: ${JSON.stringify(table.headers)}`,
    );
    assert.ok(table.headers.some((h) => h.includes(ACADEMIC)), `headers: ${JSON.stringify(table.headers)}`);
    await showChart();

    // Year 2020/21, simple bars
    await page.selectOption('#year-select', '2020/21');
    await page.waitForFunction(() =>
      document.querySelector('#figure-caption .caption-title')?.textContent.includes('2020/21'),
    );
    await page.check('input[name=chart-kind][value=bars]');
    assert.equal(await page.isChecked('input[name=chart-kind][value=bars]'), true);
    await waitForLabel('2020/21, academic total only', { has: ['Warwick: 3,005'] });

    // All partners back
    await page.click('#partners-all');
    await page.waitForFunction(
      () => document.querySelectorAll('#partner-filter input[name=partner]:checked').length === 8,
    );
    await waitForLabel('all partners checked', { has: ['Birmingham', 'Warwick: 3,005'] });
    const label = await ariaLabel();
    assert.ok(label.includes('Warwick: 3,005'), `aria-label should contain "Warwick: 3,005": ${label}`);
    assert.ok(label.includes('Aston: 930'), `aria-label should contain "Aston: 930": ${label}`);
    assert.ok(label.includes('Birmingham: 3,880'), `aria-label should contain "Birmingham: 3,880": ${label}`);
    assert.ok((await canvasColours()).colours > 1, 'canvas should not be blank');
    await screenshot('filtered-2020-21-bars.png');

    table = await readTable();
    assert.equal(table.rows.length, 8);
    assert.equal(cell(table, 'All selected partners', ACADEMIC), '16,125');
    assert.equal(cell(table, 'Aston', ACADEMIC), '930');
    assert.equal(cell(table, 'Birmingham', ACADEMIC), '3,880');
    assert.equal(cell(table, 'Warwick', ACADEMIC), '3,005');
    await showChart();

    // None, then all again
    await page.click('#partners-none');
    await page.waitForFunction(
      () => document.querySelectorAll('#partner-filter input[name=partner]:checked').length === 0,
    );
    await page.click('#partners-all');
    await page.waitForFunction(
      () => document.querySelectorAll('#partner-filter input[name=partner]:checked').length === 8,
    );
    await waitForLabel('all partners checked again', { has: ['Birmingham: 3,880', 'Warwick: 3,005'] });

    assertCleanPage();
  });

  test('dataset switcher: students by sex', async () => {
    await openApp();
    const staffTitle = norm(await page.textContent('#figure-caption .caption-title'));

    await page.selectOption('#dataset-select', 'students-sex');
    await page.waitForFunction(
      (prev) => {
        const t = (document.querySelector('#figure-caption .caption-title')?.textContent || '').replace(/\s+/g, ' ');
        return t.trim() !== prev && t.includes('2023/24');
      },
      staffTitle,
    );
    await waitForChart();
    const years = await page.$$eval('#year-select option', (os) => os.map((o) => o.value));
    assert.equal(await page.inputValue('#year-select'), '2023/24', `years: ${years}`);
    assert.ok(years.includes('2014/15'), `students years: ${years}`);
    const title = norm(await page.textContent('#figure-caption .caption-title'));
    assert.ok(!title.includes('occupation'), `title should change from the staff one: "${title}"`);
    assert.ok((await page.locator('#category-filter input[name=category]').count()) > 0);
    assert.ok((await page.locator('#category-filter input[name=category]:checked').count()) > 0);
    assert.ok((await canvasColours()).colours > 1, 'canvas should not be blank');
    const table = await readTable();
    assert.ok(table.rows.length > 0, 'students table has rows');
    await showChart();
    await screenshot('students-sex.png');

    // Staff by cost centre loads as well
    await page.selectOption('#dataset-select', 'staff-cost-centre');
    await page.waitForFunction(
      (prev) => (document.querySelector('#figure-caption .caption-title')?.textContent || '').trim() !== prev,
      title,
    );
    await waitForChart();

    assertCleanPage();
  });

  test('the bare URL is the technical workforce, and its link survives a reload', async () => {
    await openApp('');
    assert.equal(await page.getAttribute('#lens-technical', 'aria-pressed'), 'true');
    assert.equal(new URL(page.url()).search, '?lens=technical');
    assert.equal(await page.isChecked('input[name=chart-kind][value=trend]'), true);
    assert.equal((await checkedPartners()).length, 8);
    const caption = norm((await page.textContent('#figure-caption')) + ' ' + (await page.textContent('#figure-notes')));
    assert.ok(caption.includes('Non-academic staff in associate professional occupations'), caption);
    assert.ok(caption.includes('SOC 2010 major group 3'), caption);
    assert.ok(
      caption.includes('Birmingham and Nottingham did not (2019/20–2023/24), nor Cranfield in 2019/20, and HESA publishes no UK total for non-academic staff from 2019/20.'),
      caption,
    );
    const label = await ariaLabel();
    assert.ok(label.startsWith('Line chart') && label.includes('2014/15: Aston 255'), label);
    await screenshot('technical-workforce.png');
    await page.reload({ waitUntil: 'load' });
    await waitForChart();
    assert.equal(await ariaLabel(), label, 'the same view after a reload');
    // Elsewhere, one click brings it back.
    await page.check('#chart-kind-bars');
    await waitForLabel('bars', { has: ['Bar chart'] });
    assert.equal(await page.getAttribute('#lens-technical', 'aria-pressed'), 'false');
    await page.click('#lens-technical');
    await waitForLabel('the lens again', { has: ['Line chart', '2014/15: Aston 255'] });
    await page.waitForFunction(() => location.search === '?lens=technical');
    assertCleanPage();
  });

  test('no request left 127.0.0.1 during the whole run', () => {
    assert.ok(allRequests.length > 0, 'requests were recorded');
    assertLocalOnly(allRequests);
  });
});
