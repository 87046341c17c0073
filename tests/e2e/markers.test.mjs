// The markers benchmarks read on any page (issue 12; bench/run.mjs): the drawn chart element carries
// `data-chart`, and `<html>` gets `data-ready` once the page responds to its controls.
//
//   trunk build --release --offline && node --test tests/e2e/markers.test.mjs

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { usePages, waitForDraw } from './support.mjs';

const { base, track } = usePages();

test('the drawn chart carries data-chart and <html> data-ready once the controls respond', async () => {
  const { page } = await track({ viewport: { width: 1440, height: 900 } });
  await page.goto(base());
  await page.waitForSelector('html[data-ready]');
  await waitForDraw(page);
  // The marker is on the chart itself, and only once it has been drawn.
  const chart = await page.evaluate(() => [...document.querySelectorAll('[data-chart]')].map((e) => [e.id, Number(e.getAttribute('data-draws') || 0)]));
  assert.equal(chart.length, 1, 'one element marked data-chart');
  assert.equal(chart[0][0], 'chart-canvas');
  assert.ok(chart[0][1] >= 1, 'drawn before it is marked');
  // Ready means the controls answer: turning a partner off redraws the chart without it.
  const draws = Number(await page.getAttribute('#chart-canvas', 'data-draws'));
  await page.locator('input[name=partner]').first().click();
  await waitForDraw(page, draws);
});
