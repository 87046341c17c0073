// Datasets on demand (tests/e2e): the page carries only the default dataset's figures; each other
// dataset is fetched from dist/datasets/<file> the first time a visitor picks it or a link names it.
//
// Checks that the first view requests no dataset file, that picking another dataset fetches its file
// once (showing "Loading <title>…" meanwhile, then its chart) and picking it again fetches nothing,
// that a link naming another dataset restores exactly its view, and that a failed fetch keeps the view
// and says so. Logs the time from picking a dataset not yet fetched to its chart drawn.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { DIST, REPO, assertCleanPage, usePages, waitForDraw } from './support.mjs';

// Pages that serve a 404 on purpose log it as a console error: each test checks cleanliness itself.
const pages = usePages({ checkClean: false });

const datasetRequests = (requests) => requests.map((u) => new URL(u).pathname).filter((p) => p.includes('/datasets/') || p.includes('/providers/'));
const captionTitle = (page) => page.textContent('#figure-caption .caption-title').then((t) => (t || '').replace(/\s+/g, ' ').trim());
const draws = (page) => page.getAttribute('#chart-canvas', 'data-draws').then(Number);
const checked = (page, name, attribute) => page.$$eval(`input[name=${name}]:checked`, (els, a) => els.map((e) => e.getAttribute(a)), attribute);

describe('datasets on demand', () => {
  test('the first view requests no dataset file', async () => {
    const tracked = await pages.open('');
    const { page, requests } = tracked;
    await page.waitForLoadState('networkidle');
    const paths = requests.map((u) => new URL(u).pathname);
    console.log(`# first view requests: ${paths.join(' ')}`);
    assert.deepEqual(datasetRequests(requests), [], 'no dataset or provider file is fetched for the first view');
    assert.equal(await page.inputValue('#dataset-select'), 'staff-occupation');
    // Every dataset is offered, loaded or not.
    const offered = await page.$$eval('#dataset-select option', (os) => os.map((o) => o.value));
    const manifest = JSON.parse(readFileSync(path.join(REPO, 'data', 'manifest.json'), 'utf8'));
    assert.deepEqual(offered, manifest.datasets.map((d) => d.id));
    assert.equal(offered.length, 7);
    // The page's wasm carries the default dataset's figures and no other's: the first figure row of
    // each served file is in it only for the default one.
    const wasm = paths.find((p) => p.endsWith('.wasm'));
    const bytes = readFileSync(path.join(DIST, wasm));
    const carried = readdirSync(path.join(DIST, 'datasets'))
      .filter((f) => f.endsWith('.csv'))
      .filter((f) => bytes.includes(Buffer.from(readFileSync(path.join(DIST, 'datasets', f), 'utf8').split('\n')[1])));
    assert.deepEqual(carried, ['staff-occupation.csv']);
    assertCleanPage(tracked);
  });

  test('picking a dataset fetches its file once, shows that it is loading, then its chart', async () => {
    const tracked = await pages.open('');
    const { page, requests } = tracked;
    const staffTitle = await captionTitle(page);
    // Hold the file until the loading state has been seen.
    let release;
    const held = new Promise((resolve) => (release = resolve));
    await page.route('**/datasets/students-sex.csv', async (route) => {
      await held;
      await route.continue();
    });
    await page.selectOption('#dataset-select', 'students-sex');
    const status = page.locator('.figure-area [role=status].dataset-loading');
    await status.waitFor();
    assert.equal(await status.textContent(), 'Loading Student enrolments by sex…');
    assert.equal(await page.inputValue('#dataset-select'), 'students-sex', 'the switcher keeps the choice');
    assert.equal(await page.getAttribute('.figure-area', 'aria-busy'), 'true');
    assert.equal(await page.isVisible('#chart-canvas'), false, 'no chart of the old dataset under the new choice');
    const before = await draws(page);
    release();
    await waitForDraw(page, before);
    await status.waitFor({ state: 'detached' });
    const studentsTitle = await captionTitle(page);
    assert.notEqual(studentsTitle, staffTitle);
    assert.ok(studentsTitle.toLowerCase().includes('students'), studentsTitle);
    assert.ok(page.url().includes('d=students-sex'), page.url());
    assert.deepEqual(datasetRequests(requests), ['/datasets/students-sex.csv'], 'fetched once');

    // Back to the default and to the students again: nothing is fetched, the chart is drawn at once.
    for (const id of ['staff-occupation', 'students-sex']) {
      const n = await draws(page);
      await page.selectOption('#dataset-select', id);
      await waitForDraw(page, n);
      assert.equal(await page.locator('.dataset-loading').count(), 0, `${id}: no loading state for a loaded dataset`);
    }
    assert.equal(await captionTitle(page), studentsTitle);
    assert.deepEqual(datasetRequests(requests), ['/datasets/students-sex.csv'], 'no second fetch');

    // The whole dataset downloads from the fetched file, in the tidy form.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-dataset')]);
    const text = await new Promise((resolve, reject) => {
      download.createReadStream().then((s) => {
        const chunks = [];
        s.on('data', (c) => chunks.push(c)).on('end', () => resolve(Buffer.concat(chunks).toString('utf8'))).on('error', reject);
      }, reject);
    });
    assert.equal(download.suggestedFilename(), 'students-sex-all-years.csv');
    assert.ok(text.startsWith('\ufeffukprn,provider,year,group,category,value\n'), text.slice(0, 80));
    assert.ok(text.includes('\n10007759,Aston University,2020/21,,Female,8050\n'), text.slice(0, 400));
    assertCleanPage(tracked);
  });

  test('the time from picking a dataset not yet fetched to its chart drawn', async () => {
    const tracked = await pages.open('');
    const { page } = tracked;
    const times = [];
    for (const id of ['staff-cost-centre', 'students-sex', 'staff-occupation', 'staff-cost-centre']) {
      // From the change event to the canvas's next draw, timed in the page.
      times.push([
        id,
        await page.evaluate(async (id) => {
          const canvas = document.querySelector('#chart-canvas');
          const before = Number(canvas.getAttribute('data-draws') || 0);
          const drawn = new Promise((resolve) => {
            const observer = new MutationObserver(() => {
              if (Number(canvas.getAttribute('data-draws') || 0) > before) {
                observer.disconnect();
                resolve(performance.now());
              }
            });
            observer.observe(canvas, { attributes: true, attributeFilter: ['data-draws'] });
          });
          const select = document.querySelector('#dataset-select');
          const start = performance.now();
          select.value = id;
          select.dispatchEvent(new Event('change', { bubbles: true }));
          return (await drawn) - start;
        }, id),
      ]);
    }
    console.log(`# pick to chart drawn (ms): ${times.map(([id, ms], i) => `${id}${i < 2 ? ' (fetched)' : ' (loaded)'} ${ms.toFixed(1)}`).join(', ')}`);
    assert.ok(times.every(([, ms]) => ms < 5000), JSON.stringify(times));
    assertCleanPage(tracked);
  });

  test('a link naming another dataset restores exactly that view', async () => {
    const link = '?d=students-sex&p=aston,keele&c=female&y=2020-21&v=grouped';
    const tracked = await pages.open(link);
    const { page, requests } = tracked;
    await page.waitForFunction(() => !document.querySelector('.dataset-loading'));
    await page.waitForFunction(() => (document.querySelector('#figure-caption .caption-title')?.textContent || '').includes('students'));
    assert.equal(await page.inputValue('#dataset-select'), 'students-sex');
    assert.deepEqual(await checked(page, 'category', 'data-name'), ['Female']);
    assert.deepEqual(await checked(page, 'partner', 'value'), ['10007759', '10007767'], 'Aston and Keele');
    assert.equal(await page.inputValue('#year-select'), '2020/21');
    assert.deepEqual(await checked(page, 'chart-kind', 'value'), ['grouped']);
    assert.equal(await page.locator('#notice').count(), 0, 'nothing in the link was ignored');
    assert.equal(new URL(page.url()).search, link, 'the address still holds the link');
    // As many history entries as a page that loads nothing more: none was added while loading.
    const plain = await pages.open('?p=aston');
    assert.equal(await page.evaluate(() => history.length), await plain.page.evaluate(() => history.length), 'history entries');
    assert.deepEqual(datasetRequests(requests), ['/datasets/students-sex.csv']);
    assertCleanPage(tracked);
  });

  test('a failed fetch keeps the view and says so', async () => {
    const tracked = await pages.track();
    const { page } = tracked;
    await page.route('**/datasets/staff-cost-centre.csv', (route) => route.fulfill({ status: 404, body: 'not found' }));
    await page.goto(pages.base() + '?p=aston,keele');
    await waitForDraw(page);
    const title = await captionTitle(page);
    const label = await page.getAttribute('#chart-canvas', 'aria-label');
    await page.selectOption('#dataset-select', 'staff-cost-centre');
    const notice = page.locator('#notice');
    await notice.waitFor();
    const said = (await notice.textContent()).replace(/\s+/g, ' ');
    assert.ok(said.includes('datasets/staff-cost-centre.csv') && said.includes('404'), said);
    assert.ok(said.includes('could not be loaded'), said);
    await page.waitForFunction(() => document.querySelector('#dataset-select').value === 'staff-occupation');
    assert.equal(await page.locator('.dataset-loading').count(), 0);
    assert.equal(await page.isVisible('#chart-canvas'), true);
    assert.equal(await captionTitle(page), title, 'the view is kept');
    assert.equal(await page.getAttribute('#chart-canvas', 'aria-label'), label);
    assert.equal(new URL(page.url()).search, '?p=aston,keele');

    // A link naming it: the default view, and the same notice.
    await page.goto(pages.base() + '?d=staff-cost-centre&c=total');
    await waitForDraw(page);
    await notice.waitFor();
    assert.ok((await notice.textContent()).includes('datasets/staff-cost-centre.csv'));
    assert.equal(await page.inputValue('#dataset-select'), 'staff-occupation');
    assert.equal(await page.locator('.dataset-loading').count(), 0);
    assert.ok(!new URL(page.url()).search.includes('d='), page.url());
    // Only the expected 404s went wrong.
    const unexpected = tracked.problems.filter((p) => !p.includes('404'));
    assert.deepEqual(unexpected, []);
  });
});
