// Hostile input in headless Chromium against the release dist/: markup in a file's labels shows
// as text and runs nothing, and random or malicious links always give a valid view.
//
//   trunk build --release --offline && node --test tests/e2e/hostile.test.mjs

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { assertChartLabelNamesFigures, usePages } from './support.mjs';

const { open } = usePages();

const IMG = '<img src=x onerror="window.__pwned=1">';
const SCRIPT = '<script>window.__pwned=2</script>';

describe('markup in data', () => {
  test('labels from a file show as text and run nothing', async () => {
    const { page, requests } = await open();
    const csv = [
      'Title:,"Table 7 - Hostile ' + SCRIPT.replaceAll('"', '""') + '"',
      'Reference ID:,DT997 Table 7',
      'Filters:,Academic year,2020/21 ',
      '',
      `"UKPRN","HE provider","${SCRIPT}","Total"`,
      `"10007759","${IMG.replaceAll('"', '""')}","10","10"`,
      `"10000001","Plain College","5","5"`,
    ].join('\n');
    await page.setInputFiles('#open-file', { name: 'hostile.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.waitForFunction(() => document.querySelector('.file-status')?.textContent.startsWith('Opened'));
    await page.check('#chart-kind-grouped');
    await page.click('#tab-table');
    // The table's name, from the file, is shown as text under the figure.
    assert.ok((await page.textContent('.caption-dataset')).includes(SCRIPT), 'the table name is shown as text');
    // And a column label, once chosen, in the table's heading.
    const chosen = await page.evaluate((label) => {
      const input = [...document.querySelectorAll('#category-filter input[name=category]')].find((i) => i.dataset.name === label);
      if (input && !input.checked) input.click();
      return Boolean(input);
    }, SCRIPT);
    assert.ok(chosen, 'the column is offered as a category, by its label');
    await page.waitForFunction((label) => document.querySelector('#figures-table')?.textContent.includes(label), SCRIPT);
    const table = await page.textContent('#figures-table');
    assert.ok(table.includes(SCRIPT), 'the column label is shown as text');
    assert.equal(await page.evaluate(() => window.__pwned), undefined, 'no markup ran');
    assert.equal(await page.$$eval('#figures-table img, #figures-table script', (els) => els.length), 0);
    // The provider picker lists the provider by its literal name.
    await page.fill('#provider-search', '10007759');
    assert.equal(await page.$$eval('#provider-picker img', (els) => els.length), 0);
    assert.deepEqual(requests.filter((u) => new URL(u).pathname === '/x'), [], 'the image was never requested');
  });
});

describe('hostile links', () => {
  const links = [
    '?d=%3Cscript%3Ealert(1)%3C/script%3E',
    '?p=%00%ff,aston&c=academic:%3Cimg%20src%3Dx%3E',
    '?y=9999-00&v=trend&m=per:zzz&uk=2&sum=-1',
    '?hide=%3Csvg/onload%3Dalert(1)%3E&t=%22%3E',
    '?o=1234567a,10007783&o=,,,&p=',
    '?' + 'x'.repeat(5000) + '=1',
    '?c=' + 'academic:total-academic-staff,'.repeat(200),
    '?%E2%80%AE=%F0%9F%92%A5&v=bars&v=grouped&v=trend',
  ];
  for (const link of links) {
    test(`renders a valid view for ${link.slice(0, 60)}`, async () => {
      const { page } = await open(link);
      assert.equal(await page.evaluate(() => window.__pwned), undefined);
      await assertChartLabelNamesFigures(page, `the chart at ${link.slice(0, 60)}`);
      assert.ok(await page.isVisible('.caption-source'));
      assert.ok((await page.textContent('#dataset-select')).includes('Staff headcount by occupation'));
    });
  }
});
