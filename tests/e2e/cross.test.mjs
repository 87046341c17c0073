// Measures across datasets (tests/e2e): academic staff per 100 students, read off the page.
//
// Picking "Per 100 students" on staff by occupation fetches the students' file once and shows,
// for 2020/21, Aston's 930 academic staff per 16,795 students as 5.5 (and the UK's 8.2); the link
// says `m=per-students`; the caption names and links both tables and both counts; Birmingham's non-academic
// staff, not returned that year, are not available rather than computed.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { assertCleanPage, openFilters, usePages } from './support.mjs';

const pages = usePages();

const text = (s) => (s || '').replace(/\s+/g, ' ').trim();
const cellOf = (page, row) =>
  page.evaluate((row) => {
    const tr = [...document.querySelectorAll('#figures-table tbody tr')].find((r) => r.querySelector('th')?.textContent.trim() === row);
    return tr ? tr.querySelector('td').textContent.trim() : null;
  }, row);

describe('measures across datasets', () => {
  test('academic staff per 100 students, picked, fetched once and read off the table', async () => {
    const tracked = await pages.open('?c=academic:total-academic-staff&y=2020-21&v=bars&uk=1&t=table');
    const { page, requests } = tracked;
    await openFilters(page);
    await page.selectOption('#measure-select', { label: 'Per 100 students' });
    await page.waitForFunction(() => [...document.querySelectorAll('#figures-table tbody th')].some((th) => th.textContent.trim() === 'Aston'));
    await page.waitForFunction(() => new URL(location.href).search.includes('m=per-students'));
    assert.equal(await cellOf(page, 'Aston'), '5.5');
    assert.equal(await cellOf(page, 'Loughborough'), '8.7');
    const notes = text(await page.textContent('.figure-notes'));
    assert.ok(notes.includes('Aston 930 academic staff and 16,795 students'), notes);
    assert.ok(notes.includes('UK (all providers) 224,530 academic staff and 2,747,200 students'), notes);
    // The UK's 8.2 is the chart's reference line.
    await page.click('#tab-chart');
    await page.waitForFunction(() => (document.querySelector('#chart-canvas')?.getAttribute('aria-label') || '').includes('Reference: UK 8.2'));
    const caption = text(await page.textContent('#figure-caption')) + ' ' + notes;
    assert.ok(caption.includes('DT051 Table 1') && caption.includes('DT025 Table 1'), caption);
    // Both tables traceable: each its own link to HESA's page.
    const links = await page.$$eval('.caption-source a', (as) => as.map((a) => [a.textContent.trim(), a.getAttribute('href')]));
    assert.deepEqual(links, [
      ['HESA DT025 Table 1', 'https://www.hesa.ac.uk/data-and-analysis/staff/table-1'],
      ['HESA DT051 Table 1', 'https://www.hesa.ac.uk/data-and-analysis/students/table-1'],
    ]);
    assert.equal(text(await page.textContent('.caption-source')), 'Source: HESA DT025 Table 1 and HESA DT051 Table 1, CC BY 4.0');
    assert.deepEqual(
      requests.map((u) => new URL(u).pathname).filter((p) => p.includes('/datasets/')),
      ['/datasets/students-sex.csv'],
    );
    assertCleanPage(tracked);
  });

  test('a link to non-academic staff per 100 students: not available where a side is missing', async () => {
    const tracked = await pages.open('?c=non-academic:total-non-academic-staff&y=2020-21&v=bars&m=per-students&t=table');
    const { page } = tracked;
    await page.waitForFunction(() => [...document.querySelectorAll('#figures-table tbody th')].some((th) => th.textContent.trim() === 'Aston'));
    assert.equal(await cellOf(page, 'Birmingham'), 'not reported');
    assert.equal(await cellOf(page, 'Aston'), '6.0');
    assert.equal(await page.locator('#notice').count(), 0, 'nothing in the link was ignored');
    assertCleanPage(tracked);
  });
});
