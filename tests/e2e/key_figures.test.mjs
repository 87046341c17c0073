// The key figures (tests/e2e): `?view=figures`, a compact view for a web page's text.
//
// Reads the 2020/21 figures off the page (16,125 academic staff, 7.2% of the UK's 224,530; the
// students, fetched on demand, with their share), checks the incomplete marks after HESA's
// non-academic opt-out, the year select and its link, the way there from the explorer and back,
// a failed students fetch (said, the staff figures kept, a retry), the embed's auto-height, and
// axe-core at 360 and 1440 px, light and dark, with the Embed dialog open.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { assertCleanPage, usePages, waitForDraw } from './support.mjs';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const pages = usePages({ checkClean: false });

const text = (s) => (s || '').replace(/\s+/g, ' ').trim();
/** The figure card for a label: its value, comparison, notes and source, as read on the page. */
async function card(page, figure) {
  const root = page.locator(`.kf-item[data-figure="${figure}"]`);
  await root.waitFor();
  return {
    label: text(await root.locator('dt').textContent()),
    value: text(await root.locator('.kf-value').textContent()),
    comparison: (await root.locator('.kf-comparison').count()) ? text(await root.locator('.kf-comparison').textContent()) : null,
    notes: (await root.locator('.kf-note').allTextContents()).map(text),
    source: text(await root.locator('.kf-source').textContent()),
  };
}
const loaded = (page) => page.waitForFunction(() => !document.querySelector('.kf-value.kf-missing') && document.querySelectorAll('.kf-item').length === 4);

describe('key figures', () => {
  test('2020/21: academic staff, students and their shares of the UK, read off the page', async () => {
    const tracked = await pages.track();
    const { page, requests } = tracked;
    await page.goto(pages.base() + '?view=figures&y=2020-21');
    await loaded(page);
    assert.equal(text(await page.textContent('h1')), 'Key figures: the 8 Midlands Innovation partners, 2020/21');
    assert.equal(await page.inputValue('#kf-year'), '2020/21');
    const academic = await card(page, 'academic-staff');
    assert.deepEqual([academic.label, academic.value, academic.comparison], ['Academic staff', '16,125', "7.2% of the UK's 224,530"]);
    assert.ok(academic.source.startsWith('2020/21. Source: HESA, CC BY 4.0. DT025 Table 1'), academic.source);
    const students = await card(page, 'students');
    assert.deepEqual([students.value, students.comparison], ['169,435', "6.2% of the UK's 2,747,200"]);
    assert.ok(students.source.includes('DT051 Table 1'), students.source);
    // After the opt-out: marked incomplete, compared with the providers that reported.
    const all = await card(page, 'all-staff');
    assert.equal(all.value, '20,465 (incomplete)');
    assert.equal(all.comparison, 'UK, providers that reported: 380,880 (130 of 213 providers reported)');
    assert.ok(all.notes.some((n) => n.includes('Birmingham and Nottingham did not report')), all.notes.join(' | '));
    const technical = await card(page, 'technical-workforce');
    assert.equal(technical.value, '3,015 (incomplete)');
    // A description list: a term and its details per figure.
    assert.equal(await page.locator('dl.kf-list > div > dt').count(), 4);
    assert.deepEqual(
      requests.map((u) => new URL(u).pathname).filter((p) => p.includes('/datasets/')),
      ['/datasets/students-sex.csv'],
      'the students fetched once, on demand',
    );
    assertCleanPage(tracked);
  });

  test('the year is chosen and kept in the link; the explorer leads there and back', async () => {
    const tracked = await pages.open('');
    const { page } = tracked;
    await page.click('#open-key-figures');
    await loaded(page);
    assert.equal(new URL(page.url()).search, '?view=figures');
    await page.selectOption('#kf-year', '2018/19');
    await page.waitForFunction(() => document.querySelector('h1')?.textContent.includes('2018/19'));
    assert.equal(new URL(page.url()).search, '?view=figures&y=2018-19');
    const technical = await card(page, 'technical-workforce');
    assert.deepEqual([technical.value, technical.comparison], ['5,490', "10.9% of the UK's 50,310"]);
    await page.goBack();
    await page.waitForFunction(() => document.querySelector('h1')?.textContent.includes('2023/24'));
    await page.click('#kf-explorer');
    await waitForDraw(page);
    assert.equal(await page.locator('.key-figures').count(), 0);
    assertCleanPage(tracked);
  });

  test('a failed students fetch is said, the staff figures stay, and it can be tried again', async () => {
    const tracked = await pages.track();
    const { page } = tracked;
    let fail = true;
    await page.route('**/datasets/students-sex.csv', (route) => (fail ? route.fulfill({ status: 404, body: 'not found' }) : route.continue()));
    await page.goto(pages.base() + '?view=figures&y=2020-21');
    const alert = page.locator('.kf-item[data-figure="students"] [role=alert]');
    await alert.waitFor();
    const students = await card(page, 'students');
    assert.equal(students.value, 'could not be loaded');
    assert.ok(students.notes.some((n) => n.includes('datasets/students-sex.csv') && n.includes('404')), students.notes.join(' | '));
    assert.equal((await card(page, 'academic-staff')).value, '16,125');
    fail = false;
    await page.click('.kf-retry');
    await loaded(page);
    assert.equal((await card(page, 'students')).value, '169,435');
    const unexpected = tracked.problems.filter((p) => !p.includes('404'));
    assert.deepEqual(unexpected, []);
  });

  test('embedded, the host frame takes the figures\u2019 height', async () => {
    const tracked = await pages.track();
    const { page } = tracked;
    const base = pages.base();
    // A host page on the same server (served from about:blank would be another origin).
    await page.route('**/host-figures.html', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><title>Host</title><iframe src="${base}?embed=1&view=figures&y=2020-21" title="Key figures" data-mi-explorer></iframe><script src="${base}embed.js"></script>`,
      }),
    );
    await page.goto(base + 'host-figures.html');
    const frame = page.frameLocator('iframe[data-mi-explorer]');
    await frame.locator('.kf-item[data-figure="students"] .kf-value:not(.kf-missing)').waitFor();
    assert.equal(text(await frame.locator('.kf-item[data-figure="academic-staff"] .kf-value').textContent()), '16,125');
    await page.waitForFunction(() => {
      const f = document.querySelector('iframe[data-mi-explorer]');
      const body = f?.contentDocument?.body;
      return !!body && Math.abs(f.getBoundingClientRect().height - Math.max(200, Math.ceil(body.getBoundingClientRect().height))) <= 2;
    });
    assert.equal(await frame.locator('.kf-actions a').count(), 1, 'a link to the full page');
    assert.equal(await frame.locator('#open-embed').count(), 0);
    assertCleanPage(tracked);
  });

  for (const width of [360, 1440]) {
    for (const colorScheme of ['light', 'dark']) {
      test(`axe-core at ${width} px, ${colorScheme}: the figures and the Embed dialog`, async () => {
        const tracked = await pages.track({ viewport: { width, height: 800 }, contextOptions: { colorScheme } });
        const { page } = tracked;
        await page.goto(pages.base() + '?view=figures&y=2020-21');
        await loaded(page);
        await page.evaluate(AXE_SOURCE);
        const run = () =>
          page.evaluate(async () => {
            // eslint-disable-next-line no-undef
            const result = await axe.run(document, { resultTypes: ['violations'] });
            return result.violations.map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
          });
        assert.deepEqual(await run(), []);
        // Nothing wider than the screen.
        assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'no horizontal scroll');
        await page.click('#open-embed');
        const snippet = await page.inputValue('#embed-snippet');
        assert.ok(snippet.includes('?embed=1&amp;view=figures&amp;y=2020-21') && snippet.includes('embed.js'), snippet);
        assert.deepEqual(await run(), []);
        await page.keyboard.press('Escape');
        await page.waitForFunction(() => !document.querySelector('#embed-dialog'));
        assertCleanPage(tracked);
      });
    }
  }
});
