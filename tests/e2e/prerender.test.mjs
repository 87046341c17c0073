// The pre-rendered pages (src/bin/prerender.rs): the first view is in the HTML, and without
// JavaScript the pre-rendered page is the page; with it, the app takes over without a layout jump.
//
//   trunk build --release --offline && node --test tests/e2e/prerender.test.mjs
//
// - With JavaScript disabled, dist/index.html shows the default chart (`svg[data-chart]`), its title,
//   figures and source, and one line saying filtering needs JavaScript; so does a published view's
//   page (data/published-views.csv -> dist/views/<name>.html), each with what the JS page shows.
// - With JavaScript, the explorer's wasm is held back while the pre-rendered page is measured (where
//   the title, caption, chart, filters and notes are), then let through: once `<html data-ready>` and
//   the canvas's `data-chart` say the app has taken over, each box must be where it was, and the
//   page's cumulative layout shift (PerformanceObserver 'layout-shift', buffered) must stay under 0.02.
// - The pre-rendered HTML has no style attribute and no inline script (the site's strict CSP).

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { DIST, REPO, settle, usePages, waitForDraw } from './support.mjs';

const pages = usePages();

/** The published views, as listed in the repository (`name,query`). */
async function publishedViews() {
  const text = await readFile(path.join(REPO, 'data', 'published-views.csv'), 'utf8');
  return text
    .split('\n')
    .slice(1)
    .filter((l) => l.trim())
    .map((l) => {
      const i = l.indexOf(',');
      return { name: l.slice(0, i).trim(), query: l.slice(i + 1).trim() };
    });
}

/** What a page shows as its figure: caption title, source line, and the table's cells. */
async function figureText(page) {
  return page.evaluate(() => ({
    title: document.querySelector('#figure-caption .caption-title')?.textContent.trim(),
    source: document.querySelector('.caption-source')?.textContent.trim(),
    cells: [...document.querySelectorAll('#figures-table tbody td')].map((td) => td.textContent.trim()).filter((t) => /\d/.test(t)),
  }));
}

/** The visible pre-rendered chart: its `svg[data-chart]` with a box, and its text. */
async function visibleChart(page) {
  return page.evaluate(() => {
    const svg = [...document.querySelectorAll('svg[data-chart]')].find((s) => s.getBoundingClientRect().width > 0);
    if (!svg) return null;
    const r = svg.getBoundingClientRect();
    return { width: r.width, height: r.height, texts: [...svg.querySelectorAll('text')].map((t) => t.textContent) };
  });
}

/**
 * A page with JavaScript disabled. Chromium then refuses the page's module preload of the explorer's
 * script and reports it as a failed request ("csp"): expected without JavaScript, so that one is
 * dropped from the page's problems when the test ends (`done`); anything else still fails the test.
 */
async function noJsPage(options = {}) {
  const tracked = await pages.track({ ...options, contextOptions: { javaScriptEnabled: false } });
  const done = () => {
    const kept = tracked.problems.filter((p) => !/^request failed: \S+\/explorer-[0-9a-f]+\.js \(csp\)$/.test(p));
    tracked.problems.splice(0, tracked.problems.length, ...kept);
  };
  return { ...tracked, done };
}

describe('without JavaScript', () => {
  for (const viewport of [{ width: 1440, height: 900 }, { width: 360, height: 800 }]) {
    test(`the first view is the page (${viewport.width} px)`, async () => {
      const js = await pages.open('', { viewport });
      const expected = await figureText(js.page);
      const { page, done } = await noJsPage({ viewport });
      await page.goto(pages.base());
      const chart = await visibleChart(page);
      assert.ok(chart, 'a visible svg[data-chart]');
      assert.ok(chart.width > 250 && chart.height > 150, `the chart has a readable size: ${JSON.stringify(chart)}`);
      assert.ok(chart.texts.length > 5, 'the chart has its labels');
      const shown = await figureText(page);
      assert.equal(shown.title, expected.title, 'the title the JS page shows');
      assert.match(shown.source, /HESA/, 'the source line');
      assert.equal(shown.source, expected.source);
      assert.ok(expected.cells.length > 0, 'the JS page has figures');
      assert.deepEqual(shown.cells, expected.cells, 'the figures the JS page shows');
      assert.ok(await page.isVisible('#figures-table'), 'the figures table is shown');
      assert.ok(await page.isVisible('#figures-table >> text=' + expected.cells[0]), `the figure ${expected.cells[0]} is visible`);
      const line = await page.textContent('.noscript');
      assert.match(line, /need JavaScript/, 'one line says filtering needs JavaScript');
      assert.equal(await page.$('html[data-ready]'), null, 'nothing has taken over');
      // The controls are in the state the view has (selected options, checked boxes).
      assert.ok((await page.$$('#filters input[type=checkbox][checked]')).length > 0, 'checked boxes');
      assert.ok((await page.$$('#filters option[selected]')).length > 0, 'selected options');
      done();
    });
  }

  test('on a dark page the pre-rendered chart and swatches are the dark surface\'s, never a white card', async () => {
    const surfaces = {};
    for (const colorScheme of ['light', 'dark']) {
      const tracked = await pages.track({ contextOptions: { javaScriptEnabled: false, colorScheme } });
      await tracked.page.goto(pages.base());
      surfaces[colorScheme] = await tracked.page.evaluate(() => {
        const svg = [...document.querySelectorAll('svg[data-chart]')].find((s) => s.getBoundingClientRect().width > 0);
        const swatch = [...document.querySelectorAll('#chart-legend .swatch [fill]')].find((e) => e.getBoundingClientRect().width > 0);
        return { layer: svg?.parentElement?.className, background: svg?.querySelector('rect')?.getAttribute('fill'), swatch: swatch?.getAttribute('fill') };
      });
      tracked.problems.splice(0, tracked.problems.length, ...tracked.problems.filter((p) => !/\(csp\)$/.test(p)));
    }
    assert.equal(surfaces.light.layer, 'first-light', JSON.stringify(surfaces));
    assert.equal(surfaces.dark.layer, 'first-dark', JSON.stringify(surfaces));
    assert.notEqual(surfaces.dark.background, surfaces.light.background, 'a dark chart surface on a dark page');
    assert.ok(surfaces.light.swatch && surfaces.dark.swatch && surfaces.light.swatch !== surfaces.dark.swatch, `swatches follow the theme: ${JSON.stringify(surfaces)}`);
  });

  test('each published view has its own page', async () => {
    const views = await publishedViews();
    assert.ok(views.length >= 3, 'the repository lists published views');
    for (const v of views) {
      const js = await pages.open(`?${v.query}`);
      const expected = await figureText(js.page);
      const { page, done } = await noJsPage();
      const response = await page.goto(`${pages.base()}views/${v.name}.html`);
      assert.equal(response.status(), 200, `views/${v.name}.html`);
      assert.ok(await visibleChart(page), `views/${v.name}.html has a visible svg[data-chart]`);
      const shown = await figureText(page);
      assert.equal(shown.title, expected.title, `views/${v.name}.html shows ${v.query}`);
      assert.deepEqual(shown.cells, expected.cells, `views/${v.name}.html has the figures of ?${v.query}`);
      assert.equal(await page.title(), `${expected.title} – Midlands Innovation workforce explorer`);
      // Its stylesheet loaded from the site's root (the page's <base> is ../).
      const styled = await page.evaluate(() => getComputedStyle(document.querySelector('.explorer')).maxWidth);
      assert.equal(styled, '1600px', 'the stylesheet applies');
      done();
    }
  });
});

/** Where the boxes a visitor reads are, in page coordinates. */
function boxes(page) {
  return page.evaluate(() => {
    const out = {};
    for (const sel of ['.explorer-header h1', '#figure-caption', '.legend', '.chart-box', '#filters', '.figure-notes', '.tabs']) {
      const el = document.querySelector(sel);
      if (!el) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      out[sel] = [r.left, r.top + window.scrollY, r.width, r.height].map((x) => Math.round(x));
    }
    return out;
  });
}

describe('taking over', () => {
  for (const viewport of [{ width: 1440, height: 900 }, { width: 360, height: 800 }]) {
    test(`the app takes over the pre-rendered page without a layout jump (${viewport.width} px)`, async () => {
      const { page, context } = await pages.track({ viewport });
      // Hold the explorer's wasm back until the pre-rendered page has been measured.
      let release;
      const gate = new Promise((r) => (release = r));
      await context.route(/explorer-[0-9a-f]+_bg\.wasm$/, async (route) => {
        await gate;
        await route.continue();
      });
      await page.addInitScript(() => {
        window.__shifts = [];
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shifts.push(e.value);
        }).observe({ type: 'layout-shift', buffered: true });
      });
      await page.goto(pages.base(), { waitUntil: 'domcontentloaded' });
      await page.waitForSelector('svg[data-chart]', { state: 'attached' });
      await page.evaluate(() => document.fonts.ready);
      await settle(page);
      const before = await boxes(page);
      assert.equal(await page.$('html[data-ready]'), null, 'the app has not taken over yet');
      assert.ok(Object.keys(before).length >= 5, `boxes measured: ${Object.keys(before).join(', ')}`);
      release();
      await page.waitForSelector('html[data-ready]');
      await waitForDraw(page);
      await page.waitForSelector('#chart-canvas[data-chart]');
      await settle(page);
      const after = await boxes(page);
      for (const [sel, box] of Object.entries(before)) {
        const moved = after[sel] ? box.map((v, i) => Math.abs(v - after[sel][i])) : null;
        assert.ok(moved && moved.every((d) => d <= 1), `${sel} stays where it was: ${box} before, ${after[sel]} after`);
      }
      assert.equal(await page.$$eval('svg[data-chart]', (s) => s.length), 0, 'the pre-rendered SVG gave way to the canvas');
      const cls = await page.evaluate(() => window.__shifts.reduce((a, b) => a + b, 0));
      console.log(`# cumulative layout shift at ${viewport.width} px, load to takeover: ${cls.toFixed(4)}`);
      assert.ok(cls < 0.02, `cumulative layout shift ${cls} is under 0.02`);
    });
  }

  test('a published view page takes over, keeps its address and offers its page to embed', async () => {
    const views = await publishedViews();
    const v = views.find((x) => x.name !== 'technical-workforce') || views[0];
    const { page } = await pages.track();
    await page.goto(`${pages.base()}views/${v.name}.html`);
    await page.waitForSelector('html[data-ready]');
    await waitForDraw(page);
    assert.ok(page.url().endsWith(`views/${v.name}.html`), `the address stays the view's page: ${page.url()}`);
    await page.click('#open-embed');
    const snippet = await page.inputValue('#embed-snippet');
    assert.ok(snippet.includes(`views/embed/${v.name}.html`), `the snippet frames the view's embed page: ${snippet}`);
    assert.ok(await page.isVisible('#embed-published'), 'the dialog says it is a published view');
    await page.click('#close-embed');
    // Another view is a link to the explorer, as today.
    await page.click('#tab-table');
    await page.waitForFunction(() => location.search.includes('t=table'));
    assert.ok(!page.url().includes('/views/'), `another view's address is the explorer's: ${page.url()}`);
  });

  test("a published view's embed page is pre-rendered in embed mode and takes over", async () => {
    const views = await publishedViews();
    const { page } = await pages.track({ viewport: { width: 700, height: 900 } });
    await page.goto(`${pages.base()}views/embed/${views[0].name}.html`);
    assert.ok(await page.$('.explorer.embedded'), 'the embed layout');
    await page.waitForSelector('html[data-ready]');
    await waitForDraw(page);
    assert.ok(await page.$('.explorer.embedded'), 'still the embed layout');
  });

  test('the Embed dialog of a view that is not published frames the explorer, as before', async () => {
    const { page } = await pages.open('?v=trend&c=academic:total-academic-staff');
    await page.click('#open-embed');
    const snippet = await page.inputValue('#embed-snippet');
    assert.ok(!snippet.includes('views/'), snippet);
    assert.ok(snippet.includes('embed=1'), snippet);
    assert.equal(await page.$('#embed-published'), null);
  });
});

test('the pre-rendered pages keep to the strict CSP: no style attribute, no inline script', async () => {
  const files = ['index.html', ...(await publishedViews()).flatMap((v) => [`views/${v.name}.html`, `views/embed/${v.name}.html`])];
  for (const f of files) {
    const html = await readFile(path.join(DIST, f), 'utf8');
    assert.ok(html.includes('data-chart'), `${f} holds the pre-rendered chart`);
    assert.ok(!/\sstyle\s*=/i.test(html), `${f} has no style attribute`);
    const inline = [...html.matchAll(/<script\b([^>]*)>/gi)].filter((m) => !/\ssrc\s*=/i.test(m[1]));
    assert.deepEqual(inline, [], `${f} has no inline script`);
  }
});
