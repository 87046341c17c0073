// Accessibility of the built explorer (dist/): axe-core on every view at a desktop (1440 px) and a
// phone (360 px) width, and keyboard use: every control reachable with Tab and operable from the
// keyboard with a visible focus indicator, tabs that follow the WAI-ARIA tabs pattern, a text
// alternative for the chart and a real table with column and row headers.
//
//   trunk build --release --offline && node --test tests/e2e/a11y.test.mjs
//
// The page is served under the site's Content-Security-Policy (tests/e2e/support.mjs). axe-core is
// injected with page.evaluate (through the DevTools protocol, which the policy does not govern; an
// injected <script> would be blocked). Policy violations themselves are checked by csp.test.mjs and
// explorer.test.mjs, so that these tests report accessibility problems only.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { assertChartLabelNamesFigures, closeFilters, openFilters, settle, usePages } from './support.mjs';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const VIEWPORTS = [
  { name: 'desktop 1440 px', viewport: { width: 1440, height: 900 } },
  { name: 'phone 360 px', viewport: { width: 360, height: 740 } },
];

// Accessibility is checked here; console and CSP cleanliness by csp.test.mjs and explorer.test.mjs.
const pages = usePages({ checkClean: false });
let current; // the tracked page of the running test

// ---------------------------------------------------------------------------------------------
// Helpers

/**
 * Opens the app at `viewport` with `query`, waits for the first chart and injects axe-core. Returns
 * the page. By default the occupation totals (stacked bars, 2023/24), whose every control is on;
 * `''` is the first view (the technical workforce over the years).
 */
async function open(viewport, query = '?d=staff-occupation') {
  current = await pages.track({ viewport });
  const { page } = current;
  const response = await page.goto(pages.base() + query, { waitUntil: 'load' });
  assert.equal(response.status(), 200);
  await page.waitForFunction(() => Number(document.querySelector('#chart-canvas')?.getAttribute('data-draws') || 0) >= 1);
  await page.evaluate(AXE_SOURCE);
  return page;
}


/**
 * Runs axe-core on the whole page and returns its violations, each as a readable block:
 * rule, impact, what it checks, and every offending element (selector, HTML, what to fix).
 */
async function axeViolations(page) {
  const violations = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target.join(' '), html: n.html, summary: n.failureSummary })),
    }));
  });
  return violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n` +
      v.nodes
        .map((n) => `    at ${n.target}\n      ${n.html.slice(0, 300)}\n      ${n.summary.replace(/\n/g, '\n      ')}`)
        .join('\n'),
  );
}

/** Fails with every axe violation of the current state, named by `view`. */
async function assertNoAxeViolations(page, view) {
  const found = await axeViolations(page);
  assert.equal(found.length, 0, `axe-core: ${found.length} violation(s) in view "${view}":\n  ${found.join('\n  ')}`);
}

/** The chart's text alternative: a canvas with role img whose aria-label names the figures drawn. */
async function assertChartTextAlternative(page, view, options = {}) {
  assert.equal(await page.getAttribute('#chart-canvas', 'role'), 'img', `${view}: #chart-canvas should have role="img"`);
  await assertChartLabelNamesFigures(page, view, options);
}

async function showTable(page) {
  await page.click('#tab-table');
  await page.waitForFunction(() => document.querySelector('#tab-table')?.getAttribute('aria-selected') === 'true');
  await page.waitForSelector('#panel-table', { state: 'visible' });
  await settle(page);
}

async function showChart(page) {
  const draws = Number((await page.getAttribute('#chart-canvas', 'data-draws')) || 0);
  await page.click('#tab-chart');
  await page.waitForFunction(() => document.querySelector('#tab-chart')?.getAttribute('aria-selected') === 'true');
  await page.waitForFunction((n) => Number(document.querySelector('#chart-canvas')?.getAttribute('data-draws') || 0) > n, draws);
}

/** The table is a real data table: every header cell is th[scope=col], every row starts with th[scope=row]. */
async function assertRealTable(page, view) {
  assert.ok(await page.isVisible('#panel-table table'), `${view}: the table panel should show a table`);
  const t = await page.$eval('#panel-table table', (table) => ({
    headCells: [...table.querySelectorAll('thead tr > *')].map((c) => [c.tagName, c.getAttribute('scope')]),
    rows: [...table.querySelectorAll('tbody tr, tfoot tr')].map((r) => [r.children[0]?.tagName, r.children[0]?.getAttribute('scope')]),
    name: (table.querySelector('caption')?.textContent || table.getAttribute('aria-label') || table.getAttribute('aria-labelledby') || '').trim(),
  }));
  assert.ok(t.headCells.length >= 2, `${view}: the table has a header row`);
  assert.deepEqual(
    t.headCells.filter(([tag, scope]) => tag !== 'TH' || scope !== 'col'),
    [],
    `${view}: every cell of the header row should be th[scope=col]`,
  );
  assert.ok(t.rows.length >= 1, `${view}: the table has rows`);
  assert.deepEqual(
    t.rows.filter(([tag, scope]) => tag !== 'TH' || scope !== 'row'),
    [],
    `${view}: every body and footer row should start with th[scope=row]`,
  );
  assert.ok(t.name.length > 0, `${view}: the table should have a caption or an accessible name`);
}

const drawsOf = async (page) => Number((await page.getAttribute('#chart-canvas', 'data-draws')) || 0);

/** Waits for a redraw after `act`; returns once the chart was drawn again. */
async function redrawAfter(page, act, what) {
  const before = await drawsOf(page);
  await act();
  try {
    await page.waitForFunction((n) => Number(document.querySelector('#chart-canvas')?.getAttribute('data-draws') || 0) > n, before, { timeout: 10_000 });
  } catch (e) {
    throw new Error(`the chart was not redrawn after ${what}`, { cause: e });
  }
}

// ---------------------------------------------------------------------------------------------
// axe-core on every view, at both widths

for (const { name, viewport } of VIEWPORTS) {
  describe(`axe-core, ${name}`, { timeout: 180_000 }, () => {
    test('first view (technical workforce) and the occupation totals: chart', async () => {
      for (const query of ['', '?d=staff-occupation']) {
        const page = await open(viewport, query);
        await assertChartTextAlternative(page, `chart at "${query}"`);
        await assertNoAxeViolations(page, `chart at "${query}" (${name})`);
      }
    });

    test('table view: a real table with headers', async () => {
      const page = await open(viewport);
      await showTable(page);
      await assertRealTable(page, 'table');
      await assertNoAxeViolations(page, `table (${name})`);
    });

    test('every chart kind', async () => {
      const page = await open(viewport);
      const kinds = await page.$$eval('input[name=chart-kind]', (els) => els.filter((e) => !e.checked).map((e) => e.value));
      assert.ok(kinds.length >= 1, 'there are other chart kinds to choose');
      const failures = [];
      for (const kind of kinds) {
        await openFilters(page);
        await redrawAfter(page, () => page.check(`input[name=chart-kind][value="${kind}"]`), `choosing chart kind ${kind}`);
        await closeFilters(page);
        await assertChartTextAlternative(page, `chart kind ${kind}`, { kind });
        const found = await axeViolations(page);
        if (found.length) failures.push(`chart kind "${kind}":\n  ${found.join('\n  ')}`);
      }
      assert.deepEqual(failures, [], `axe-core violations (${name}):\n${failures.join('\n')}`);
    });

    test('every dataset: chart and table', async () => {
      const page = await open(viewport);
      const datasets = await page.$$eval('#dataset-select option', (os) => os.map((o) => o.value));
      assert.ok(datasets.length >= 2, `datasets: ${datasets}`);
      const failures = [];
      for (const dataset of datasets) {
        if ((await page.inputValue('#dataset-select')) !== dataset) {
          await openFilters(page);
          await redrawAfter(page, () => page.selectOption('#dataset-select', dataset), `choosing dataset ${dataset}`);
          await closeFilters(page);
        }
        await assertChartTextAlternative(page, `dataset ${dataset}`);
        let found = await axeViolations(page);
        if (found.length) failures.push(`dataset "${dataset}", chart:\n  ${found.join('\n  ')}`);
        await showTable(page);
        await assertRealTable(page, `dataset ${dataset}, table`);
        found = await axeViolations(page);
        if (found.length) failures.push(`dataset "${dataset}", table:\n  ${found.join('\n  ')}`);
        await showChart(page);
      }
      assert.deepEqual(failures, [], `axe-core violations (${name}):\n${failures.join('\n')}`);
    });

    test('every option of the other selects and every other checkbox (measure, compare, ...)', async () => {
      const page = await open(viewport);
      const failures = [];
      // selects other than dataset and year: each option in turn
      const selects = await page.$$eval('.filters select', (els) =>
        els.filter((s) => !['dataset-select', 'year-select'].includes(s.id) && s.id).map((s) => ({
          id: s.id,
          options: [...s.options].filter((o) => !o.disabled).map((o) => o.value),
          initial: s.value,
        })),
      );
      for (const s of selects) {
        for (const value of s.options.filter((v) => v !== s.initial)) {
          await openFilters(page);
          await page.selectOption(`#${s.id}`, value);
          await closeFilters(page);
          await assertChartTextAlternative(page, `#${s.id} = ${value}`);
          const found = await axeViolations(page);
          if (found.length) failures.push(`#${s.id} = "${value}":\n  ${found.join('\n  ')}`);
        }
        await openFilters(page);
        await page.selectOption(`#${s.id}`, s.initial);
        await settle(page);
      }
      // checkboxes that are not partners or categories (e.g. comparisons): each on, then back off
      const boxes = await page.$$eval('.filters input[type=checkbox]', (els) =>
        els.filter((e) => e.id && e.name !== 'partner' && e.name !== 'category' && !e.disabled).map((e) => e.id),
      );
      for (const id of boxes) {
        await openFilters(page);
        await page.click(`#${id}`);
        await closeFilters(page);
        await assertChartTextAlternative(page, `#${id} toggled`);
        const found = await axeViolations(page);
        if (found.length) failures.push(`#${id} toggled:\n  ${found.join('\n  ')}`);
        await openFilters(page);
        await page.click(`#${id}`);
        await settle(page);
      }
      assert.deepEqual(failures, [], `axe-core violations (${name}):\n${failures.join('\n')}`);
    });

    test('no partners selected: the empty chart message', async () => {
      const page = await open(viewport);
      await openFilters(page);
      await redrawAfter(page, () => page.click('#partners-none'), 'choosing no partners');
      await page.waitForFunction(() => document.querySelectorAll('input[name=partner]:checked').length === 0);
      await closeFilters(page);
      await assertChartTextAlternative(page, 'no partners');
      await assertNoAxeViolations(page, `no partners (${name})`);
      await showTable(page);
      await assertNoAxeViolations(page, `no partners, table tab (${name})`);
    });

    test('every dialog: axe-core, focus inside, Escape closes it and focus returns to its button', async (t) => {
      const page = await open(viewport);
      // Buttons that open a dialog: marked aria-haspopup="dialog", or known by id.
      const openers = await page.$$eval('button[aria-haspopup=dialog], #open-embed', (els) => [...new Set(els.map((e) => e.id).filter(Boolean))]);
      if (openers.length === 0) {
        t.diagnostic('no dialog openers found (button[aria-haspopup=dialog] or #open-embed)');
        return;
      }
      const failures = [];
      for (const id of openers) {
        if (!(await page.isVisible(`#${id}`))) await openFilters(page);
        await page.focus(`#${id}`);
        await page.keyboard.press('Enter');
        await page.waitForSelector('dialog[open], [role=dialog]:not([hidden])', { state: 'visible' });
        await settle(page);
        const found = await axeViolations(page);
        if (found.length) failures.push(`dialog opened by #${id}:\n  ${found.join('\n  ')}`);
        const focusInside = await page.evaluate(() => !!document.activeElement?.closest('dialog[open], [role=dialog]'));
        if (!focusInside) failures.push(`dialog opened by #${id}: focus did not move into the dialog`);
        await page.keyboard.press('Escape');
        try {
          await page.waitForFunction(() => !document.querySelector('dialog[open], [role=dialog]:not([hidden])'), null, { timeout: 5_000 });
        } catch {
          failures.push(`dialog opened by #${id}: Escape did not close it`);
          continue;
        }
        const back = await page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName);
        if (back !== id) failures.push(`dialog opened by #${id}: after Escape focus is on ${back}, not on #${id}`);
        await closeFilters(page);
      }
      assert.deepEqual(failures, [], `dialogs (${name})`);
    });

    test('filters panel (the drawer on narrow screens) open', async () => {
      const page = await open(viewport);
      await openFilters(page);
      await assertNoAxeViolations(page, `filters open (${name})`);
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Keyboard

describe('keyboard (1440 px)', { timeout: 180_000 }, () => {
  test('Tab reaches every control, each with a visible focus indicator', async () => {
    const page = await open(VIEWPORTS[0].viewport);
    // Uncheck one partner so that both All and None are enabled.
    const first = await page.$eval('input[name=partner]', (e) => e.value);
    await redrawAfter(page, () => page.uncheck(`input[name=partner][value="${first}"]`), 'unchecking a partner');

    // Every control a keyboard user should reach with Tab: enabled, rendered, not tabindex=-1; of a
    // radio group only the checked radio (arrow keys move within the group). Each gets a readable key
    // (its id, else its tag and text, numbered) in a data attribute for this test.
    const expected = await page.evaluate(() => {
      const candidates = [...document.querySelectorAll('a[href], button, input, select, textarea, [tabindex]')];
      const seen = new Map();
      for (const el of candidates) {
        let key = el.id ? `#${el.id}` : `${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') || el.textContent || '').trim().slice(0, 40)}"`;
        const n = (seen.get(key) || 0) + 1;
        seen.set(key, n);
        if (n > 1) key += ` (${n})`;
        el.setAttribute('data-tab-key', key);
      }
      return candidates
        .filter((el) => !el.disabled && el.getAttribute('tabindex') !== '-1' && el.getClientRects().length > 0)
        .filter((el) => !(el.type === 'radio' && !el.checked && document.querySelector(`input[type=radio][name="${el.name}"]:checked`)))
        .filter((el) => !el.closest('[hidden], [inert]'))
        .map((el) => el.getAttribute('data-tab-key'));
    });

    // Tab from the top of the page until focus leaves the page or comes back round.
    await page.evaluate(() => {
      const h = document.querySelector('h1');
      h.setAttribute('tabindex', '-1');
      h.focus();
      h.removeAttribute('tabindex');
    });
    const reached = [];
    const badFocus = [];
    for (let i = 0; i < 400; i++) {
      await page.keyboard.press('Tab');
      const f = await page.evaluate(() => {
        const el = document.activeElement;
        if (!el || el === document.body || el === document.documentElement) return null;
        const s = getComputedStyle(el);
        const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
        const shadow = s.boxShadow && s.boxShadow !== 'none';
        const r = el.getBoundingClientRect();
        return {
          id: el.getAttribute('data-tab-key') || `${el.tagName} (not a known control)`,
          visible: outline || shadow,
          style: `outline: ${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}; box-shadow: ${s.boxShadow}`,
          onScreen: r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth,
        };
      });
      if (!f) break;
      if (reached.includes(f.id)) break;
      reached.push(f.id);
      if (!f.visible) badFocus.push(`${f.id}: no visible focus indicator (${f.style})`);
      if (!f.onScreen) badFocus.push(`${f.id}: focused but not scrolled into view`);
    }

    const missed = expected.filter((id) => !reached.includes(id));
    assert.deepEqual(missed, [], `controls not reachable with Tab (reached, in order: ${reached.join(', ')})`);
    for (const must of ['#dataset-select', '#year-select', '#partners-all', '#partners-none', '#tab-chart']) {
      assert.ok(reached.includes(must), `${must} should be reachable with Tab; reached: ${reached.join(', ')}`);
    }
    const partners = await page.$$eval('input[name=partner]', (els) => els.map((e) => `#${e.id}`));
    const categories = await page.$$eval('input[name=category]', (els) => els.map((e) => `#${e.id}`));
    const checkedKind = await page.$eval('input[name=chart-kind]:checked', (e) => (e.id ? `#${e.id}` : `input[name=chart-kind][value=${e.value}]`));
    for (const id of [...partners, ...categories, checkedKind]) {
      assert.ok(reached.includes(id), `${id} should be reachable with Tab; reached: ${reached.join(', ')}`);
    }
    assert.deepEqual(badFocus, [], 'every focused control should show a visible focus indicator (outline or box-shadow)');
  });

  test('controls operate from the keyboard', async () => {
    const page = await open(VIEWPORTS[0].viewport);

    // Space toggles a partner checkbox
    const partner = await page.$eval('input[name=partner]', (e) => e.id);
    await page.focus(`#${partner}`);
    await redrawAfter(page, () => page.keyboard.press('Space'), 'Space on a partner checkbox');
    assert.equal(await page.isChecked(`#${partner}`), false, 'Space unchecks the partner');
    await redrawAfter(page, () => page.keyboard.press('Space'), 'Space on a partner checkbox again');
    assert.equal(await page.isChecked(`#${partner}`), true, 'Space checks it again');

    // Space toggles a category checkbox
    const category = await page.$eval('input[name=category]:checked', (e) => e.id);
    await page.focus(`#${category}`);
    await redrawAfter(page, () => page.keyboard.press('Space'), 'Space on a category checkbox');
    assert.equal(await page.isChecked(`#${category}`), false, 'Space unchecks the category');
    await redrawAfter(page, () => page.keyboard.press('Space'), 'Space on a category checkbox again');

    // Enter on None, then Space on All
    await page.focus('#partners-none');
    await redrawAfter(page, () => page.keyboard.press('Enter'), 'Enter on None');
    assert.equal(await page.locator('input[name=partner]:checked').count(), 0, 'Enter on None unchecks every partner');
    await page.focus('#partners-all');
    await redrawAfter(page, () => page.keyboard.press('Space'), 'Space on All');
    assert.equal(
      await page.locator('input[name=partner]:checked').count(),
      await page.locator('input[name=partner]').count(),
      'Space on All checks every partner',
    );

    // Arrow keys change the year select
    const year = await page.inputValue('#year-select');
    const yearIndex = await page.$eval('#year-select', (s) => s.selectedIndex);
    await page.focus('#year-select');
    await redrawAfter(page, () => page.keyboard.press(yearIndex > 0 ? 'ArrowUp' : 'ArrowDown'), 'an arrow key on the year select');
    assert.notEqual(await page.inputValue('#year-select'), year, 'an arrow key changes the year');

    // Arrow keys change the dataset select
    const dataset = await page.inputValue('#dataset-select');
    const datasetIndex = await page.$eval('#dataset-select', (s) => s.selectedIndex);
    await page.focus('#dataset-select');
    await redrawAfter(page, () => page.keyboard.press(datasetIndex > 0 ? 'ArrowUp' : 'ArrowDown'), 'an arrow key on the dataset select');
    assert.notEqual(await page.inputValue('#dataset-select'), dataset, 'an arrow key changes the dataset');

    // Arrow keys move within the chart-kind radio group and choose the kind
    const kind = await page.$eval('input[name=chart-kind]:checked', (e) => e.value);
    await page.focus('input[name=chart-kind]:checked');
    await redrawAfter(page, () => page.keyboard.press('ArrowDown'), 'ArrowDown in the chart-kind radios');
    const next = await page.$eval('input[name=chart-kind]:checked', (e) => e.value);
    assert.notEqual(next, kind, 'ArrowDown chooses another chart kind');
    assert.equal(await page.evaluate(() => document.activeElement?.value), next, 'focus moves with the choice');
  });

  test('tabs: arrow keys, Home and End, roving tabindex', async () => {
    const page = await open(VIEWPORTS[0].viewport);
    const state = () =>
      page.evaluate(() => ({
        focused: document.activeElement?.id,
        chart: document.querySelector('#tab-chart').getAttribute('aria-selected'),
        table: document.querySelector('#tab-table').getAttribute('aria-selected'),
        chartTabindex: document.querySelector('#tab-chart').getAttribute('tabindex'),
        tableTabindex: document.querySelector('#tab-table').getAttribute('tabindex'),
        chartHidden: document.querySelector('#panel-chart').hidden,
        tableHidden: document.querySelector('#panel-table').hidden,
      }));
    assert.equal(await page.getAttribute('[role=tablist]', 'role'), 'tablist');
    const initial = await state();
    assert.deepEqual(
      [initial.chart, initial.table, initial.chartTabindex, initial.tableTabindex, initial.chartHidden, initial.tableHidden],
      ['true', 'false', '0', '-1', false, true],
      'on load the Chart tab is selected and in the Tab order, the Table tab and panel are not',
    );

    await page.focus('#tab-chart');
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => document.querySelector('#tab-table').getAttribute('aria-selected') === 'true');
    let s = await state();
    assert.equal(s.focused, 'tab-table', 'ArrowRight moves focus to the Table tab');
    assert.equal(s.chart, 'false');
    assert.equal(s.tableTabindex, '0', 'the selected tab is the one in the Tab order');
    assert.equal(s.chartTabindex, '-1');
    assert.equal(s.tableHidden, false, 'the table panel is shown');
    assert.equal(s.chartHidden, true, 'the chart panel is hidden');

    await page.keyboard.press('ArrowLeft');
    await page.waitForFunction(() => document.querySelector('#tab-chart').getAttribute('aria-selected') === 'true');
    s = await state();
    assert.equal(s.focused, 'tab-chart', 'ArrowLeft moves focus back to the Chart tab');
    assert.equal(s.chartHidden, false);

    await page.keyboard.press('End');
    await page.waitForFunction(() => document.querySelector('#tab-table').getAttribute('aria-selected') === 'true');
    assert.equal((await state()).focused, 'tab-table', 'End selects and focuses the last tab');
    await page.keyboard.press('Home');
    await page.waitForFunction(() => document.querySelector('#tab-chart').getAttribute('aria-selected') === 'true');
    assert.equal((await state()).focused, 'tab-chart', 'Home selects and focuses the first tab');

    // Tab from the selected tab leaves the tab list (does not stop on the other tab)
    await page.keyboard.press('Tab');
    assert.notEqual(await page.evaluate(() => document.activeElement?.id), 'tab-table', 'Tab skips the unselected tab');
  });

  test('360 px: the filters drawer opens and closes from the keyboard, and focus comes back to its button', async () => {
    const page = await open(VIEWPORTS[1].viewport);
    assert.equal(await page.isVisible('#dataset-select'), false, 'the filters start closed on a phone');
    await page.focus('.filters-toggle');
    assert.equal(await page.getAttribute('.filters-toggle', 'aria-expanded'), 'false');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#dataset-select', { state: 'visible' });
    assert.equal(await page.getAttribute('.filters-toggle', 'aria-expanded'), 'true', 'Enter opens the drawer');
    // Tab moves into the open drawer and reaches its controls
    let inside = false;
    for (let i = 0; i < 10 && !inside; i++) {
      await page.keyboard.press('Tab');
      inside = await page.evaluate(() => !!document.activeElement?.closest('#filters'));
    }
    assert.ok(inside, 'Tab reaches the controls in the open drawer');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.querySelector('.filters-toggle')?.getAttribute('aria-expanded') === 'false');
    assert.equal(await page.isVisible('#dataset-select'), false, 'Escape closes the drawer');
    const focused = await page.evaluate(() => (document.activeElement === document.body ? 'body (focus lost)' : document.activeElement?.className || document.activeElement?.tagName));
    assert.equal(focused, 'filters-toggle', 'after Escape closes the drawer, focus returns to the Filters button');
  });
});
