// A visitor's own HESA files and any UK provider, in headless Chromium against the release dist/:
// files open through the file input (read in the browser by the importer worker), a broken file
// shows its error while the view stays, and other providers load only when asked for.
//
//   trunk build --release --offline && node --test tests/e2e/own_files.test.mjs

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { REPO, usePages, waitForDraw } from './support.mjs';

const FIXTURES = path.join(REPO, 'hesa', 'tests', 'fixtures');
const SHARED = path.resolve(REPO, 'data', 'hesa');

const { open } = usePages({ viewport: { width: 1440, height: 1000 } });

const title = (page) => page.textContent('.caption-title');

describe('your own files', () => {
  test('nothing extra loads with the first view', async () => {
    const { requests } = await open();
    assert.deepEqual(requests.filter((u) => u.includes('/providers/') || u.includes('importer')), []);
  });

  test('opening two years of a table the explorer has not seen', async () => {
    const { page, requests } = await open();
    await page.setInputFiles('#open-file', [path.join(FIXTURES, 'other-table-mode-2020.csv'), path.join(FIXTURES, 'other-table-mode-2021.csv')]);
    await page.waitForFunction(() => document.querySelector('.file-status')?.textContent.startsWith('Opened'));
    assert.equal(await page.textContent('.file-status'), 'Opened “Example enrolments by HE provider and mode of study” (2 years).');
    assert.ok(requests.some((u) => u.endsWith('importer_loader.js')), 'read by the importer worker');
    assert.equal(await page.inputValue('#dataset-select'), 'own-dt999-table-9');
    assert.equal(await title(page), 'Example enrolments by HE provider and mode of study, 2021/22');
    await waitForDraw(page);
    const label = await page.getAttribute('#chart-canvas', 'aria-label');
    assert.ok(label.includes('Aston: 17,595.'), label);
    assert.ok(label.includes('Cranfield: not reported.'), label);
    // The year dimension: both years are there.
    assert.deepEqual(await page.$$eval('#year-select option', (o) => o.map((x) => x.value)), ['2021/22', '2020/21']);
    assert.ok((await page.textContent('.caption-source')).includes('DT999 Table 9'));
  });

  test('two overlapping opens each get their own table', async () => {
    const { page } = await open();
    // The second choice is made before the first is answered: each open gets its own answer
    // (request ids), so both tables arrive; before, one answer went to the wrong open and the
    // other was lost.
    await page.setInputFiles('#open-file', path.join(FIXTURES, 'other-table-mode-2021.csv'));
    await page.setInputFiles('#open-file', path.join(FIXTURES, 'other-table-blocks.csv'));
    await page.waitForFunction(() => {
      const ids = [...document.querySelectorAll('#dataset-select option')].map((o) => o.value);
      return ids.includes('own-dt999-table-9') && ids.includes('own-dt998-table-4');
    });
  });

  test('a broken file shows its error and the view stays', async () => {
    const { page } = await open('?y=2020-21');
    const before = await title(page);
    await page.setInputFiles('#open-file', { name: 'notes.csv', mimeType: 'text/csv', buffer: Buffer.from('name,age\nA,1\n') });
    await page.waitForSelector('.file-status.error');
    const error = await page.textContent('.file-status.error');
    assert.ok(error.startsWith('notes.csv, line 1, column 1: expected a metadata line'), error);
    assert.equal(await title(page), before);
    // A truncated download, then a good one: the page keeps working.
    await page.setInputFiles('#open-file', { name: 'cut.csv', mimeType: 'text/csv', buffer: Buffer.from('\ufeffTitle:,x\nReference ID:,DT1\nFilters:,Academic year,2020/21 \n"UKPRN","HE provider","A","B"\n"10007759","Aston University","5","') });
    await page.waitForFunction(() => document.querySelector('.file-status.error')?.textContent.startsWith('cut.csv'));
    await page.setInputFiles('#open-file', path.join(FIXTURES, 'other-table-blocks.csv'));
    await page.waitForFunction(() => document.querySelector('.file-status')?.textContent.startsWith('Opened'));
    assert.equal(await title(page), 'Example staff by HE provider, contract and grade, 2022/23');
  });

  test('every HESA download in data/hesa/ opens (timings for the notes)', async () => {
    assert.ok(existsSync(SHARED), `${SHARED} belongs in the repository`);
    const { page } = await open();
    const timings = [];
    for (const name of readdirSync(SHARED).filter((f) => f.endsWith('.csv')).sort()) {
      // Back to a bundled dataset, so the opened table's title shows the change.
      await page.selectOption('#dataset-select', 'staff-occupation');
      await page.waitForFunction(() => document.querySelector('.caption-title').textContent.startsWith('Staff headcount'));
      const start = Date.now();
      await page.setInputFiles('#open-file', path.join(SHARED, name));
      await page.waitForFunction(
        () => !document.querySelector('.caption-title').textContent.startsWith('Staff headcount') || document.querySelector('.file-status.error'),
      );
      timings.push(`${name}: ${Date.now() - start} ms`);
      const status = await page.textContent('.file-status');
      assert.ok(status.startsWith('Opened'), `${name}: ${status}`);
    }
    console.log(`opening each HESA file of data/hesa/ in the browser:\n  ${timings.join('\n  ')}`);
  });
});

describe('any UK provider', () => {
  test('other providers load when asked for, and a link brings them back', async () => {
    const { page, requests } = await open();
    assert.equal(requests.filter((u) => u.includes('/providers/')).length, 0);
    await page.focus('#provider-search');
    await page.waitForFunction(() => document.querySelector('#provider-status')?.textContent.includes('providers to choose from'));
    assert.ok(requests.some((u) => u.endsWith('/providers/staff-occupation.csv')));
    await page.fill('#provider-search', 'aberdeen');
    await page.click('text=Add The University of Aberdeen');
    await page.waitForFunction(() => document.querySelector('#chart-canvas').getAttribute('aria-label').includes('The University of Aberdeen'));
    assert.ok(page.url().includes('o=10007783'), page.url());
    // By UKPRN too.
    await page.fill('#provider-search', '10007850');
    assert.ok((await page.textContent('#provider-picker .results')).includes('Bath'));
    // The link restores the comparison (the providers load by themselves).
    const { page: again } = await open(new URL(page.url()).search);
    await again.waitForFunction(() => document.querySelector('#chart-canvas').getAttribute('aria-label').includes('The University of Aberdeen'));
  });
});
