// Sharing, embedding and downloads, driven in headless Chromium against the release dist/:
// links restore the exact view, back and forward move through states, a malformed link is
// ignored with a notice, the explorer embeds under a sub-path in a host page whose iframe follows
// its height (the Embed dialog's own snippet too, on a host page under the strict policy), and each
// download holds what is on screen.
//
//   trunk build --release --offline && node --test tests/e2e/share.test.mjs

import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ARTIFACTS, CSP, DIST, hostPage, urlOf, usePages } from './support.mjs';

const SUB_PATH = '/research/explorer/';
// The group's website: a page of its own, with the explorer's dist/ under a sub-path.
const hostDir = mkdtempSync(path.join(os.tmpdir(), 'explorer-host-'));
writeFileSync(path.join(hostDir, 'page.html'), hostPage({ src: `${SUB_PATH}?embed=1&p=aston,keele&v=bars`, scriptDir: SUB_PATH, height: 300 }));
after(() => rmSync(hostDir, { recursive: true, force: true }));

const pages = usePages({ root: hostDir, serverOptions: { mounts: { [SUB_PATH]: DIST } }, basePath: SUB_PATH });
const { open } = pages;

/** What the visitor sees: the controls' state and the table's text. */
async function snapshot(page) {
  return page.evaluate(() => ({
    dataset: document.querySelector('#dataset-select').value,
    year: document.querySelector('#year-select').value,
    partners: [...document.querySelectorAll('input[name=partner]:checked')].map((i) => i.value),
    categories: [...document.querySelectorAll('input[name=category]:checked')].map((i) => i.dataset.name),
    chart: document.querySelector('input[name=chart-kind]:checked')?.value,
    measure: document.querySelector('#measure-select').selectedOptions[0]?.textContent,
    tab: document.querySelector('[role=tab][aria-selected=true]')?.id,
    table: document.querySelector('#figures-table')?.innerText,
    title: document.querySelector('.caption-title')?.textContent,
  }));
}

describe('links', () => {
  test('every control is in the URL and a link restores the exact view', async () => {
    const { page: first } = await open();
    assert.equal(new URL(first.url()).search, '?lens=technical', "the first view's address names its lens");
    // The occupation totals, by the link that names them, and every control changed from there.
    const { page } = await open('?d=staff-occupation');
    await page.uncheck('#partner-10006840');
    await page.selectOption('#year-select', '2020/21');
    await page.check('#chart-kind-grouped');
    await page.check('#compare-uk');
    await page.click('#tab-table');
    await page.waitForFunction(() => location.search.includes('t=table'));
    const search = new URL(page.url()).search;
    for (const part of ['p=aston,cranfield,keele,leicester,loughborough,nottingham,warwick', 'y=2020-21', 'v=grouped', 'uk=1', 't=table']) {
      assert.ok(search.includes(part), `${part} in ${search}`);
    }
    const before = await snapshot(page);
    const { page: again } = await open(search);
    assert.deepEqual(await snapshot(again), before);
  });

  test('back and forward move through the states', async () => {
    const { page } = await open('?d=staff-occupation');
    await page.selectOption('#year-select', '2019/20');
    await page.waitForFunction(() => location.search.includes('y=2019-20'));
    await page.check('#chart-kind-bars');
    await page.waitForFunction(() => location.search.includes('v=bars'));
    await page.goBack();
    await page.waitForFunction(() => document.querySelector('input[name=chart-kind]:checked')?.value === 'stacked');
    assert.equal(await page.inputValue('#year-select'), '2019/20');
    await page.goBack();
    await page.waitForFunction(() => document.querySelector('#year-select').value === '2023/24');
    await page.goForward();
    await page.waitForFunction(() => document.querySelector('#year-select').value === '2019/20');
    assert.equal(new URL(page.url()).searchParams.get('y'), '2019-20');
  });

  test('a malformed link is ignored, the rest honoured, and the visitor told', async () => {
    const { page } = await open('?zzz=1&p=aston,atlantis&y=1900-01&v=pie');
    const notice = await page.textContent('#notice');
    for (const part of ['unknown setting "zzz"', 'unknown partner "atlantis"', 'year "1900-01"', 'unknown chart "pie"']) {
      assert.ok(notice.includes(part), `${part} in ${notice}`);
    }
    const view = await snapshot(page);
    assert.deepEqual(view.partners, ['10007759']);
    assert.equal(view.year, '2023/24');
    // The address bar now holds only what was honoured.
    assert.equal(new URL(page.url()).search, '?p=aston');
    await page.click('#notice button');
    assert.equal(await page.$('#notice'), null);
  });
});

describe('embedding', () => {
  test('under a sub-path in a host page, the iframe follows its content height', async () => {
    const { page } = await pages.track({ viewport: { width: 900, height: 900 } });
    await page.goto(urlOf(pages.server()) + 'page.html');
    const frame = page.frameLocator('#embedded');
    await frame.locator('#chart-canvas[data-draws]').waitFor();
    const contentHeight = () =>
      page.frames().find((f) => f.url().includes('embed=1')).evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));
    // The frame's inner height (the host page's own CSS may give it a border).
    const frameHeight = () => page.evaluate(() => document.querySelector('#embedded').clientHeight);
    await page.waitForFunction(() => document.querySelector('#embedded').style.height !== '');
    const settled = async () => {
      for (let i = 0; i < 30; i++) {
        const [fh, ch] = [await frameHeight(), await contentHeight()];
        if (Math.abs(fh - ch) <= 2) return [fh, ch];
        await page.waitForTimeout(100);
      }
      return [await frameHeight(), await contentHeight()];
    };
    const [fh, ch] = await settled();
    assert.ok(Math.abs(fh - ch) <= 2, `the frame (${fh}px) is as tall as its content (${ch}px)`);
    // Embed mode: no page chrome, the chart's title as the heading (not the app's name), the source line.
    assert.equal(await frame.locator('h1').count(), 1);
    assert.equal(await frame.locator('h1').textContent(), 'Academic and non-academic staff, Aston and Keele, 2023/24');
    assert.ok((await frame.locator('.caption-source').textContent()).includes('CC BY 4.0'));
    // The content grows (the table of two partners is shorter than the chart; the filters open):
    // the frame follows.
    const before = await frameHeight();
    await frame.locator('#tab-table').click();
    await page.waitForFunction((h) => Math.abs(document.querySelector('#embedded').clientHeight - h) > 20, before);
    const [fh2, ch2] = await settled();
    assert.ok(Math.abs(fh2 - ch2) <= 2, `after the change the frame (${fh2}px) is as tall as its content (${ch2}px)`);
    // A message from anything but the explorer's frame is ignored.
    const now = await frameHeight();
    await page.evaluate(() => window.postMessage({ type: 'mi-explorer:height', height: 5000 }, '*'));
    await page.waitForTimeout(200);
    assert.equal(await frameHeight(), now);
  });

  test('the Embed dialog gives a snippet for the current view', async () => {
    const { page } = await open('?p=aston,keele&v=bars');
    await page.click('#open-embed');
    const snippet = await page.inputValue('#embed-snippet');
    assert.match(snippet, /^<iframe src="http:\/\/127\.0\.0\.1:\d+\/research\/explorer\/\?embed=1&amp;p=aston,keele&amp;v=bars" title="Midlands Innovation workforce explorer: Academic and non-academic staff, Aston and Keele, 2023\/24" loading="lazy"/);
    assert.ok(snippet.includes(`<script src="${pages.base()}embed.js" async></script>`), snippet);
    await page.keyboard.press('Escape');
    await page.waitForSelector('#embed-dialog', { state: 'detached' });
  });

  test("the dialog's snippet works on a host page under style-src 'self': no violation, borderless and full width", async () => {
    const { page } = await open('?p=aston,keele&v=bars');
    await page.click('#open-embed');
    const snippet = await page.inputValue('#embed-snippet');
    assert.ok(!/\sstyle=/.test(snippet), `no style attribute in ${snippet}`);
    writeFileSync(
      path.join(hostDir, 'snippet.html'),
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host page</title></head><body>\n<h1>Our workforce</h1>\n${snippet}\n</body></html>`,
    );
    // The host page is served with the site's strict policy (style-src 'self', as README recommends).
    const host = await pages.track({ viewport: { width: 900, height: 900 } });
    const response = await host.page.goto(urlOf(pages.server()) + 'snippet.html');
    assert.ok(response.headers()['content-security-policy'].includes("style-src 'self'"), CSP);
    await host.page.frameLocator('iframe[data-mi-explorer]').locator('#chart-canvas[data-draws]').waitFor();
    await host.page.waitForFunction(() => document.querySelector('iframe[data-mi-explorer]').style.height !== '');
    const frame = await host.page.evaluate(() => {
      const f = document.querySelector('iframe[data-mi-explorer]');
      const css = getComputedStyle(f);
      return {
        border: [css.borderTopWidth, css.borderRightWidth, css.borderBottomWidth, css.borderLeftWidth],
        width: f.getBoundingClientRect().width,
        available: document.body.clientWidth,
      };
    });
    assert.deepEqual(host.cspViolations, [], 'the snippet breaks no rule of the host page');
    assert.deepEqual(frame.border, ['0px', '0px', '0px', '0px'], 'borderless');
    assert.ok(Math.abs(frame.width - frame.available) < 1, `full width: ${frame.width}px of ${frame.available}px`);
  });
});

describe('downloads', () => {
  test('PNG at 2x, SVG, the figures and the whole dataset as CSV, link and citation', async () => {
    const { page, context } = await open('?p=aston,birmingham,warwick&v=grouped', { contextOptions: { acceptDownloads: true } });
    mkdirSync(ARTIFACTS, { recursive: true });
    const grab = async (selector) => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
      const file = path.join(ARTIFACTS, download.suggestedFilename());
      await download.saveAs(file);
      return { name: download.suggestedFilename(), bytes: readFileSync(file) };
    };

    const png = await grab('#download-png');
    assert.equal(png.name, 'staff-occupation-2023-24.png');
    assert.deepEqual([...png.bytes.subarray(0, 8)], [137, 80, 78, 71, 13, 10, 26, 10], 'a PNG signature');
    assert.equal(png.bytes.readUInt32BE(16), 2400, 'width: 1,200 px at 2x');
    assert.equal(png.bytes.readUInt32BE(20), 1520, 'height: 760 px at 2x');
    // It decodes, and is not blank.
    const colours = await page.evaluate(async (b64) => {
      const img = new Image();
      img.src = 'data:image/png;base64,' + b64;
      await img.decode();
      const c = new OffscreenCanvas(img.width, img.height);
      const ctx = c.getContext('2d');
      ctx.drawImage(img, 0, 0);
      const data = ctx.getImageData(0, 0, img.width, img.height).data;
      const seen = new Set();
      for (let i = 0; i < data.length; i += 4 * 97) seen.add(`${data[i]},${data[i + 1]},${data[i + 2]}`);
      return seen.size;
    }, png.bytes.toString('base64'));
    assert.ok(colours > 8, `the PNG has a drawn chart (${colours} colours sampled)`);

    const svg = await grab('#download-svg');
    const svgText = svg.bytes.toString('utf8');
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return { error: doc.querySelector('parsererror')?.textContent || null, root: doc.documentElement.nodeName, text: doc.documentElement.textContent };
    }, svgText);
    assert.equal(parsed.error, null, 'the SVG parses');
    assert.equal(parsed.root, 'svg');
    // Text at the sizes the chart was laid out for (labels 12px, legend 13px, marks 11px), not a
    // fifth smaller as plotters' own SVG backend writes it.
    const sizes = new Set([...svgText.matchAll(/font-size="([0-9.]+)"/g)].map((m) => Number(m[1])));
    assert.ok(sizes.has(12) && sizes.has(13), `label and legend sizes in the SVG: ${[...sizes]}`);
    assert.ok(Math.min(...sizes) >= 11, `no text under 11px in the SVG: ${[...sizes]}`);
    for (const words of ['Academic and non-academic staff, Aston, Birmingham and Warwick, 2023/24', 'Shown: Aston, Birmingham and Warwick.', 'Dataset: Staff headcount by occupation. Source: HESA DT025 Table 1, CC BY 4.0', '4,205']) {
      assert.ok(parsed.text.includes(words), `${words} in the SVG`);
    }

    const csv = await grab('#download-csv');
    const csvText = csv.bytes.toString('utf8');
    assert.ok(csvText.startsWith('\ufeff'), 'a byte-order mark for Excel');
    const rows = csvText.split('\r\n');
    // The caption's fields, one a row (each provider in its own field).
    for (const row of ['\ufeffTitle,"Academic and non-academic staff, Aston, Birmingham and Warwick"', 'Period,2023/24', 'Dataset,Staff headcount by occupation', 'Providers,Aston,Birmingham,Warwick', 'Licence,CC BY 4.0']) {
      assert.ok(rows.includes(row), `${row} in ${rows.slice(0, 12).join(' | ')}`);
    }
    assert.ok(rows.includes('Aston,1015,1130,2145,'), rows.join('\n'));
    assert.ok(rows.some((r) => r.startsWith('Birmingham,4205,,4205,')), 'not reported stays empty');
    // The same figures as the table on screen.
    await page.click('#tab-table');
    const shown = await page.$$eval('#figures-table tbody tr', (trs) => trs.map((tr) => tr.querySelector('th').textContent));
    assert.deepEqual(shown, ['Aston', 'Birmingham', 'Warwick']);

    const dataset = await grab('#download-dataset');
    const datasetText = dataset.bytes.toString('utf8');
    assert.ok(datasetText.startsWith('\ufeffukprn,provider,year,group,category,value\n'));
    assert.ok(datasetText.includes('10006840,The University of Birmingham,2023/24,Non-academic,Total non-academic staff,\n'), 'not reported stays empty');

    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.click('#copy-link');
    await page.waitForFunction(() => document.querySelector('.share-status')?.textContent.includes('copied'));
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), page.url());
    await page.click('#copy-citation');
    await page.waitForFunction(() => document.querySelector('.share-status')?.textContent.includes('Citation copied'));
    const citation = await page.evaluate(() => navigator.clipboard.readText());
    assert.ok(citation.startsWith('Academic and non-academic staff, Aston, Birmingham and Warwick, 2023/24. Source: HESA DT025 Table 1 (HE staff by HE provider and activity standard occupational classification), 2023/24, CC BY 4.0; via Midlands Innovation workforce explorer, http://127.0.0.1:'), citation);
  });
});
