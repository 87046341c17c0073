// Every chart view at a phone (360 px) and a desktop (1440 px) width, in headless Chromium against
// the release dist/: drawn (not blank), nothing wider than the screen, the source line shown, and
// a screenshot of each in tests/e2e/artifacts/views/ to look at. Hovering shows exact figures.
//
//   trunk build --release --offline && node --test tests/e2e/views.test.mjs

import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { ARTIFACTS, assertChartLabelNamesFigures, usePages, waitForDraw } from './support.mjs';

const VIEWS = {
  'first-view-technical': '',
  stacked: '?d=staff-occupation',
  bars: '?v=bars',
  grouped: '?v=grouped',
  'shares-100-percent': '?d=students-sex&m=share',
  trend: '?v=trend&sum=1',
  'ratio-with-uk': '?c=non-academic:total-non-academic-staff&v=bars&m=per:academic:total-academic-staff&uk=1&y=2018-19',
  'cost-centres-grouped': '?d=staff-cost-centre&c=medicine-dentistry-health,engineering-technology,central-administration-services-staff-and-student-facilities&v=grouped&y=2018-19',
  'trend-one-partner': '?p=warwick&v=trend&c=academic:professional-occupations,non-academic:professional-occupations',
};
const WIDTHS = [
  { width: 360, height: 780, deviceScaleFactor: 2 },
  { width: 1440, height: 1000, deviceScaleFactor: 1 },
];
const SHOTS = path.join(ARTIFACTS, 'views');

const { base, track } = usePages();

before(() => mkdirSync(SHOTS, { recursive: true }));

/** Distinct colours in a sample of the canvas's pixels. */
function canvasColours(page) {
  return page.evaluate(() => {
    const c = document.querySelector('#chart-canvas');
    const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    const seen = new Set();
    for (let i = 0; i < data.length; i += 4 * 53) seen.add(`${data[i]},${data[i + 1]},${data[i + 2]}`);
    return seen.size;
  });
}

for (const { width, height, deviceScaleFactor } of WIDTHS) {
  describe(`${width} px`, () => {
    for (const [name, query] of Object.entries(VIEWS)) {
      test(name, async () => {
        const { page } = await track({ viewport: { width, height }, deviceScaleFactor });
        await page.goto(base() + query);
        await waitForDraw(page);
        assert.ok((await canvasColours(page)) >= 6, 'the chart is drawn, not blank');
        // Crisp: the canvas buffer is its CSS size times the pixel ratio.
        const sizes = await page.$eval('#chart-canvas', (c) => [c.width, c.clientWidth, c.height, c.clientHeight]);
        assert.equal(sizes[0], Math.round(sizes[1] * deviceScaleFactor));
        assert.equal(sizes[2], Math.round(sizes[3] * deviceScaleFactor));
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `nothing is wider than the screen (${overflow}px over)`);
        assert.ok(await page.isVisible('.caption-source'), 'the source line is shown');
        // The text alternative names the figures drawn (the chart kind where the link chooses one).
        await assertChartLabelNamesFigures(page, name, { kind: new URLSearchParams(query).get('v') || undefined });
        await page.screenshot({ path: path.join(SHOTS, `${name}-${width}.png`), fullPage: false });
      });
    }
  });
}

describe('reading exact figures', () => {
  test('hovering a bar shows the figure the table gives', async () => {
    const { page } = await track({ viewport: { width: 1440, height: 1000 } });
    await page.goto(base() + '?v=bars&c=academic:total-academic-staff&y=2020-21');
    await waitForDraw(page);
    const box = await page.locator('#chart-canvas').boundingBox();
    // Vertical bars: the first (Aston) sits in the first eighth of the plot; its base is near the axis.
    let tip = null;
    for (let x = box.x + 70; x < box.x + box.width / 6 && !tip; x += 6) {
      await page.mouse.move(x, box.y + box.height - 45);
      tip = await page.$eval('#chart-tip', (t) => t.textContent).catch(() => null);
    }
    assert.equal(tip, 'Aston, 2020/21: 930');
    await page.click('#tab-table');
    const aston = await page.$eval('#figures-table tbody tr', (tr) => [...tr.children].map((c) => c.textContent));
    assert.deepEqual(aston, ['Aston', '930']);
  });
});
