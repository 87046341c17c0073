// The look a link chooses for an embed (theme, controls, accent, font), dark mode's chart surface and
// print, driven in headless Chromium against the release dist/ (served under a sub-path, with host
// pages of a light and a dark website that embed it with static/embed.js under the strict policy).
// Screenshots of every case go to tests/e2e/artifacts/embed/ to be looked at.
//
//   trunk build --release --offline && node --test tests/e2e/embed_options.test.mjs

import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ARTIFACTS, DIST, hostPage, urlOf, usePages, waitForDraw } from './support.mjs';

const SUB_PATH = '/research/explorer/';
const SHOTS = path.join(ARTIFACTS, 'embed');
const VIEW = 'p=aston,keele,leicester&v=bars';

// Two host pages: a light website and a dark one (their own stylesheets: the policy allows no
// inline style), each embedding the explorer with and without its controls.
const hostDir = mkdtempSync(path.join(os.tmpdir(), 'explorer-hosts-'));
writeFileSync(path.join(hostDir, 'light.css'), 'body { margin: 0; padding: 12px; font-family: Georgia, serif; background: #ffffff; color: #222222; } p { max-width: 40em; }\n');
writeFileSync(path.join(hostDir, 'dark.css'), 'body { margin: 0; padding: 12px; font-family: Georgia, serif; background: #101418; color: #e8e8e8; } p { max-width: 40em; }\n');
for (const [host, theme] of [
  ['light', ''],
  ['dark', '&theme=dark'],
]) {
  for (const [name, controls] of [
    ['controls', ''],
    ['locked', '&controls=0'],
  ]) {
    writeFileSync(
      path.join(hostDir, `${host}-${name}.html`),
      hostPage({
        src: `${SUB_PATH}?embed=1${theme}${controls}&${VIEW}`,
        scriptDir: SUB_PATH,
        head: `<link rel="stylesheet" href="${host}.css">`,
        intro: "<p>The group's staff, from HESA open data.</p>\n",
      }),
    );
  }
}
after(() => rmSync(hostDir, { recursive: true, force: true }));

const pages = usePages({ root: hostDir, serverOptions: { mounts: { [SUB_PATH]: DIST } }, basePath: SUB_PATH });
const { open } = pages;

/** The chart's surface: the canvas's two top corners (nothing is drawn there but the surface). */
const surfaceOf = (target) =>
  target.evaluate(() => {
    const c = document.querySelector('#chart-canvas');
    const ctx = c.getContext('2d');
    const at = (x, y) => [...ctx.getImageData(x, y, 1, 1).data.slice(0, 3)];
    return [at(2, 2), at(c.width - 3, 2)];
  });

const hex = (rgb) => '#' + rgb.map((v) => v.toString(16).padStart(2, '0')).join('');
const DARK_SURFACE = '#161b22';

/** WCAG contrast of two `rgb(…)` / `#rrggbb` colours, computed in the page's terms. */
function contrast(a, b) {
  const lum = ([r, g, b]) => {
    const c = (v) => {
      v /= 255;
      return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * c(r) + 0.7152 * c(g) + 0.0722 * c(b);
  };
  const [x, y] = [lum(a), lum(b)];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}
const parseHex = (h) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16));

describe('embed options', () => {
  test('theme=dark gives the embed a dark page and a dark chart surface, every legend colour at 3:1 on it', async () => {
    const { page } = await open('?embed=1&theme=dark&p=aston,keele,leicester&v=grouped', { contextOptions: { colorScheme: 'light' } });
    assert.equal(await page.getAttribute('html', 'data-theme'), 'dark');
    const [left, right] = await surfaceOf(page);
    assert.equal(hex(left), DARK_SURFACE, 'the chart is drawn on the dark surface');
    assert.equal(hex(right), DARK_SURFACE);
    const fills = await page.$$eval('#chart-legend .legend-item svg [fill]', (els) => els.map((e) => e.getAttribute('fill')));
    assert.ok(fills.length >= 2, `legend swatches: ${fills}`);
    for (const f of fills) assert.ok(contrast(parseHex(f), parseHex(DARK_SURFACE)) >= 3, `${f} on ${DARK_SURFACE}`);
    // The address keeps the look when the view changes.
    await page.click('#tab-table');
    await page.waitForFunction(() => location.search.includes('t=table'));
    assert.ok(new URL(page.url()).search.startsWith('?embed=1&theme=dark&'), page.url());
  });

  test('with the theme omitted an embed is light, even when the visitor\'s system is dark; theme=auto follows it', async () => {
    const { page } = await open(`?embed=1&${VIEW}`, { contextOptions: { colorScheme: 'dark' } });
    assert.equal(await page.getAttribute('html', 'data-theme'), 'light');
    assert.equal(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), 'rgb(255, 255, 255)');
    assert.deepEqual((await surfaceOf(page)).map(hex), ['#ffffff', '#ffffff']);
    const { page: auto } = await open(`?embed=1&theme=auto&${VIEW}`, { contextOptions: { colorScheme: 'dark' } });
    assert.deepEqual((await surfaceOf(auto)).map(hex), [DARK_SURFACE, DARK_SURFACE]);
  });

  test('the full page follows a dark system: dark chart surface, and back to light when the setting changes', async () => {
    // A4's width at 96 dpi.
    const { page } = await open(`?${VIEW}`, { viewport: { width: 794, height: 1123 }, contextOptions: { colorScheme: 'dark' } });
    assert.deepEqual((await surfaceOf(page)).map(hex), [DARK_SURFACE, DARK_SURFACE]);
    const draws = Number(await page.getAttribute('#chart-canvas', 'data-draws'));
    await page.emulateMedia({ colorScheme: 'light' });
    await waitForDraw(page, draws);
    assert.deepEqual((await surfaceOf(page)).map(hex), ['#ffffff', '#ffffff']);
  });

  test('controls=0: a locked view of the title, chart, caption and source only; the heading is the chart\'s title', async () => {
    const { page } = await open(`?embed=1&controls=0&${VIEW}`);
    for (const gone of ['#filters', '.filters-toggle', '[role=tab]', '#open-embed', '.share', 'input', 'select']) {
      assert.equal(await page.locator(gone).count(), 0, `${gone} is not in a locked view`);
    }
    const heading = await page.textContent('h1');
    assert.equal(heading, 'Academic and non-academic staff, Aston, Keele and Leicester, 2023/24');
    assert.equal(await page.locator('h1').count(), 1);
    assert.ok(!heading.includes('workforce explorer'), 'not the app\'s name');
    assert.ok((await page.textContent('.caption-subtitle')).length > 0);
    assert.ok((await page.textContent('.caption-source')).includes('CC BY 4.0'));
    assert.ok(await page.isVisible('#chart-canvas'));
    // With controls, the same heading and the filters.
    const { page: full } = await open(`?embed=1&${VIEW}`);
    assert.equal(await full.textContent('h1'), heading);
    assert.equal(await full.locator('.filters-toggle').count(), 1);
  });

  test('an unknown accent or font is ignored and said, like any setting a link gets wrong; named ones apply, to the chart too', async () => {
    const { page } = await open(`?embed=1&accent=%23ff0000&font=Comic%20Sans&${VIEW}`);
    const notice = await page.textContent('#notice');
    assert.ok(notice.includes('unknown accent colour "#ff0000"'), notice);
    assert.ok(notice.includes('unknown font "Comic Sans"'), notice);
    assert.equal(await page.getAttribute('html', 'data-accent'), null);
    assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('.open-full a')).color), 'rgb(51, 34, 136)', 'the default accent (#332288)');
    await page.waitForFunction(() => !location.search.includes('accent'));
    assert.equal(new URL(page.url()).search, `?embed=1&${VIEW}`);

    const { page: named } = await open(`?embed=1&accent=teal&font=serif&${VIEW}`);
    assert.equal(await named.locator('#notice').count(), 0);
    const look = await named.evaluate(() => ({
      link: getComputedStyle(document.querySelector('.open-full a')).color,
      font: getComputedStyle(document.querySelector('#chart-canvas')).getPropertyValue('--mi-font'),
      body: getComputedStyle(document.body).fontFamily,
    }));
    assert.equal(look.link, 'rgb(0, 105, 92)', 'links take the accent');
    assert.ok(look.font.trim().startsWith('Georgia'), `the chart's font: ${look.font}`);
    assert.ok(look.body.startsWith('Georgia'), look.body);
  });

  test('the Embed dialog writes the chosen look into the snippet', async () => {
    const { page } = await open(`?${VIEW}`);
    await page.click('#open-embed');
    await page.selectOption('#embed-theme', 'dark');
    await page.uncheck('#embed-controls');
    await page.selectOption('#embed-accent', 'wine');
    await page.selectOption('#embed-font', 'humanist');
    const snippet = await page.inputValue('#embed-snippet');
    assert.ok(snippet.includes(`${SUB_PATH}?embed=1&amp;theme=dark&amp;controls=0&amp;accent=wine&amp;font=humanist&amp;p=aston,keele,leicester&amp;v=bars"`), snippet);
    assert.ok(!/\sstyle=/.test(snippet), 'no style attribute');
    await page.selectOption('#embed-theme', 'light');
    await page.check('#embed-controls');
    await page.selectOption('#embed-accent', 'indigo');
    await page.selectOption('#embed-font', 'system');
    assert.ok((await page.inputValue('#embed-snippet')).includes(`${SUB_PATH}?embed=1&amp;p=aston,keele,leicester&amp;v=bars"`), 'defaults add nothing');
  });
});

describe('print', () => {
  test('print media: no controls, the chart redrawn for paper, the figures table shown, light', async () => {
    // A4's width at 96 dpi.
    const { page } = await open(`?${VIEW}`, { viewport: { width: 794, height: 1123 }, contextOptions: { colorScheme: 'dark' } });
    const draws = Number(await page.getAttribute('#chart-canvas', 'data-draws'));
    await page.emulateMedia({ media: 'print' });
    await waitForDraw(page, draws);
    const shown = await page.evaluate(() => {
      const visible = (sel) => [...document.querySelectorAll(sel)].some((e) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden');
      return Object.fromEntries(['#filters', '.filters-toggle', '[role=tab]', '.share', 'button:not(.legend-item):not(.sort)', '#chart-canvas', '#figures-table', '.caption-title', '.caption-source'].map((s) => [s, visible(s)]));
    });
    assert.deepEqual(shown, {
      '#filters': false,
      '.filters-toggle': false,
      '[role=tab]': false,
      '.share': false,
      'button:not(.legend-item):not(.sort)': false,
      '#chart-canvas': true,
      '#figures-table': true,
      '.caption-title': true,
      '.caption-source': true,
    });
    const canvas = await page.$eval('#chart-canvas', (c) => ({ width: c.width, height: c.height, css: c.clientWidth, cssHeight: c.clientHeight }));
    assert.ok(canvas.width >= 2 * canvas.css - 1, `at least 2x for paper: ${canvas.width} px for ${canvas.css} CSS px`);
    const [drawn, shownRatio] = [canvas.width / canvas.height, canvas.css / canvas.cssHeight];
    assert.ok(Math.abs(drawn - shownRatio) < 0.02, `not stretched: drawn ${drawn.toFixed(3)}, shown ${shownRatio.toFixed(3)}`);
    assert.deepEqual((await surfaceOf(page)).map(hex), ['#ffffff', '#ffffff'], 'printed light, even from a dark screen');
    mkdirSync(SHOTS, { recursive: true });
    await page.pdf({ path: path.join(SHOTS, 'print.pdf'), format: 'A4', printBackground: true });
    await page.screenshot({ path: path.join(SHOTS, 'print-media.png'), fullPage: true });
  });
});

describe('screenshots', () => {
  for (const host of ['light', 'dark']) {
    for (const name of ['controls', 'locked']) {
      for (const width of [360, 700]) {
        test(`an embed on a ${host} host page, ${name}, ${width} px`, async () => {
          const { page } = await pages.track({ viewport: { width, height: 900 }, contextOptions: { colorScheme: host } });
          await page.goto(urlOf(pages.server()) + `${host}-${name}.html`);
          const frame = page.frameLocator('#embedded');
          await frame.locator('#chart-canvas[data-draws]').waitFor();
          await page.waitForFunction(() => document.querySelector('#embedded').style.height !== '');
          await page.waitForTimeout(300);
          const inner = page.frames().find((f) => f.url().includes('embed=1'));
          const [surface] = await surfaceOf(inner);
          assert.equal(hex(surface), host === 'dark' ? DARK_SURFACE : '#ffffff');
          mkdirSync(SHOTS, { recursive: true });
          await page.screenshot({ path: path.join(SHOTS, `host-${host}-${name}-${width}.png`), fullPage: true });
        });
      }
    }
  }
  for (const width of [360, 1440]) {
    test(`the full page, dark, ${width} px`, async () => {
      const { page } = await open('', { viewport: { width, height: 900 }, contextOptions: { colorScheme: 'dark' } });
      assert.equal(hex((await surfaceOf(page))[0]), DARK_SURFACE);
      mkdirSync(SHOTS, { recursive: true });
      await page.screenshot({ path: path.join(SHOTS, `page-dark-${width}.png`), fullPage: false });
    });
  }
});
