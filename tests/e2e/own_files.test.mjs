// A visitor's own HESA files and any UK provider, in headless Chromium against the release dist/:
// files open through the file input (read in the browser by the importer worker), a broken file
// shows its error while the view stays, an own dataset downloads whole but offers no link or embed,
// and other providers load only when asked for.
//
//   trunk build --release --offline && node --test tests/e2e/own_files.test.mjs

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { REPO, usePages, waitForDraw } from './support.mjs';

const FIXTURES = path.join(REPO, 'hesa', 'tests', 'fixtures');
const SHARED = path.resolve(REPO, 'data', 'hesa');

const { open } = usePages({ viewport: { width: 1440, height: 1000 } });

const title = (page) => page.textContent('.caption-title');
// The dataset's own name, kept in the notes under the figure.
const dataset = (page) => page.textContent('.caption-dataset');

/** The view these tests open files from, by its link: occupation totals, stacked bars, 2023/24
 * (files open in the chart kind shown, and the first view is a trend). */
const TOTALS = '?d=staff-occupation';

describe('your own files', () => {
  test('nothing extra loads with the first view', async () => {
    const { requests } = await open();
    assert.deepEqual(requests.filter((u) => u.includes('/providers/') || u.includes('importer')), []);
  });

  test('opening two years of a table the explorer has not seen', async () => {
    const { page, requests } = await open(TOTALS);
    await page.setInputFiles('#open-file', [path.join(FIXTURES, 'other-table-mode-2020.csv'), path.join(FIXTURES, 'other-table-mode-2021.csv')]);
    await page.waitForFunction(() => document.querySelector('.file-status')?.textContent.startsWith('Opened'));
    assert.equal(await page.textContent('.file-status'), 'Opened “Example enrolments by HE provider and mode of study” (2 years).');
    assert.ok(requests.some((u) => u.endsWith('importer_loader.js')), 'read by the importer worker');
    assert.equal(await page.inputValue('#dataset-select'), 'own-dt999-table-9');
    assert.equal(await title(page), 'All students, Aston and Cranfield, 2021/22');
    assert.equal(await dataset(page), 'Dataset: Example enrolments by HE provider and mode of study.');
    await waitForDraw(page);
    const label = await page.getAttribute('#chart-canvas', 'aria-label');
    assert.ok(label.includes('Aston: 17,595.'), label);
    assert.ok(label.includes('Cranfield: not reported.'), label);
    // The year dimension: both years are there.
    assert.deepEqual(await page.$$eval('#year-select option', (o) => o.map((x) => x.value)), ['2021/22', '2020/21']);
    assert.ok((await page.textContent('.caption-source')).includes('DT999 Table 9'));
  });

  test('an own dataset downloads whole, and its link and embed are off with the reason shown', async () => {
    const { page } = await open(TOTALS, { contextOptions: { acceptDownloads: true } });
    await page.setInputFiles('#open-file', [path.join(FIXTURES, 'other-table-mode-2020.csv'), path.join(FIXTURES, 'other-table-mode-2021.csv')]);
    await page.waitForFunction(() => document.querySelector('.file-status')?.textContent.startsWith('Opened'));
    const grab = async (selector) => {
      const [download] = await Promise.all([page.waitForEvent('download', { timeout: 10_000 }), page.click(selector)]);
      return { name: download.suggestedFilename(), text: readFileSync(await download.path(), 'utf8') };
    };

    // The whole dataset: the same tidy form and byte-order mark as a bundled one.
    const whole = await grab('#download-dataset');
    assert.equal(whole.name, 'own-dt999-table-9-all-years.csv');
    assert.ok(whole.text.startsWith('\ufeffukprn,provider,year,group,category,value\n'), whole.text.slice(0, 80));
    assert.ok(whole.text.includes('\n10007759,Aston University,2021/22,,Total,17595\n'), whole.text);
    assert.ok(whole.text.includes('\n10007822,Cranfield University,2021/22,,Total,\n'), 'not reported stays empty');

    // A link or an embed would show the file nowhere else: both are off, and the page says why.
    for (const id of ['#copy-link', '#open-embed']) {
      assert.ok(await page.isDisabled(id), `${id} is disabled`);
      assert.equal(await page.getAttribute(id, 'aria-describedby'), 'share-off');
    }
    assert.ok(await page.isVisible('#share-off'));
    assert.equal(
      await page.textContent('#share-off'),
      'Links and embeds are off for your own file: it stays in this browser, so a link would not show it elsewhere.',
    );
    assert.ok(!(await page.textContent('#citation')).includes('http'), 'the citation carries no link that shows nothing');

    // The figures and the chart still download, named by the dataset and year.
    const csv = await grab('#download-csv');
    assert.equal(csv.name, 'own-dt999-table-9-2021-22.csv');
    assert.ok(csv.text.includes('Aston,17595'), csv.text);
    assert.ok(!csv.text.includes('\r\nLink,'), 'no link row');
    assert.equal((await grab('#download-png')).name, 'own-dt999-table-9-2021-22.png');
    const svg = await grab('#download-svg');
    assert.equal(svg.name, 'own-dt999-table-9-2021-22.svg');
    assert.ok(svg.text.includes('All students, Aston and Cranfield, 2021/22'), svg.text);
    assert.ok(svg.text.includes('Dataset: Example enrolments by HE provider and mode of study.'), svg.text);

    // Back on a bundled dataset, links and embeds work again.
    await page.selectOption('#dataset-select', 'staff-occupation');
    await page.waitForFunction(() => !document.querySelector('#copy-link').disabled);
    assert.equal(await page.$('#share-off'), null);
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
    assert.equal(await title(page), 'All staff, Aston and Warwick, 2022/23');
    assert.equal(await dataset(page), 'Dataset: Example staff by HE provider, contract and grade.');
  });

  test('files offered while others are still opening are refused, and the first answer stands', async () => {
    const { page } = await open(TOTALS);
    const first = readFileSync(path.join(FIXTURES, 'other-table-mode-2020.csv'), 'latin1');
    const second = readFileSync(path.join(FIXTURES, 'other-table-blocks.csv'), 'latin1');
    // A choice through the file input, then at once a drop on the opener: both before the first
    // open can have finished (it waits at least for the importer worker to start).
    const refused = await page.evaluate(async ([a, b]) => {
      const transfer = (name, text) => {
        const t = new DataTransfer();
        t.items.add(new File([text], name, { type: 'text/csv' }));
        return t;
      };
      const input = document.querySelector('#open-file');
      input.files = transfer('first.csv', a).files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
      document.querySelector('.file-opener').dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: transfer('second.csv', b) }));
      await new Promise((r) => setTimeout(r, 0));
      return document.querySelector('.file-refused')?.textContent;
    }, [first, second]);
    assert.equal(refused, 'Still opening the previous files; try again when it finishes.');
    await page.waitForFunction(() => document.querySelector('.file-status')?.textContent.startsWith('Opened'));
    assert.equal(await page.textContent('.file-status'), 'Opened “Example enrolments by HE provider and mode of study” (1 year).');
    assert.equal(await title(page), 'All students, Aston and Cranfield, 2020/21');
    assert.equal(await dataset(page), 'Dataset: Example enrolments by HE provider and mode of study.');
    assert.equal(await page.$('.file-refused'), null, 'the refusal goes when the first open ends');
    // Offered again now, the second table opens.
    await page.setInputFiles('#open-file', path.join(FIXTURES, 'other-table-blocks.csv'));
    await page.waitForFunction(() => document.querySelector('.caption-dataset').textContent.startsWith('Dataset: Example staff'));
  });

  test('back and forward after opening a table keep it (the URL is read against the new data)', async () => {
    const { page } = await open(TOTALS);
    await page.setInputFiles('#open-file', [path.join(FIXTURES, 'other-table-mode-2020.csv'), path.join(FIXTURES, 'other-table-mode-2021.csv')]);
    await page.waitForFunction(() => document.querySelector('.file-status')?.textContent.startsWith('Opened'));
    await page.selectOption('#year-select', '2020/21');
    await page.waitForFunction(() => location.search.includes('y=2020-21'));
    await page.goBack();
    await page.waitForFunction(() => !location.search.includes('y=2020-21'));
    assert.equal(await page.inputValue('#dataset-select'), 'own-dt999-table-9');
    assert.equal(await title(page), 'All students, Aston and Cranfield, 2021/22');
    assert.equal(await dataset(page), 'Dataset: Example enrolments by HE provider and mode of study.');
    await page.goForward();
    await page.waitForFunction(() => document.querySelector('.caption-title').textContent.endsWith('2020/21'));
    assert.equal(await page.inputValue('#dataset-select'), 'own-dt999-table-9');
  });

  test('every HESA download in data/hesa/ opens (timings for the notes)', async () => {
    assert.ok(existsSync(SHARED), `${SHARED} belongs in the repository`);
    const { page } = await open(TOTALS);
    const timings = [];
    for (const name of readdirSync(SHARED).filter((f) => f.endsWith('.csv')).sort()) {
      // Back to a bundled dataset, so the opened table's title shows the change.
      await page.selectOption('#dataset-select', 'staff-occupation');
      await page.waitForFunction(() => document.querySelector('.caption-dataset').textContent.startsWith('Dataset: Staff headcount'));
      const start = Date.now();
      await page.setInputFiles('#open-file', path.join(SHARED, name));
      await page.waitForFunction(
        () => !document.querySelector('.caption-dataset').textContent.startsWith('Dataset: Staff headcount') || document.querySelector('.file-status.error'),
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
    const { page, requests } = await open(TOTALS);
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
