// The first view stays within its size budget: 200 KB (200,000 bytes) of brotli for every file a real
// page load requests before the chart is first drawn.
//
//   trunk build --release --offline && node --test tests/e2e/budget.test.mjs
//
// The release dist/ is loaded in headless Chromium with nothing cached; every request the page (and
// any worker it starts) makes until `#chart-canvas` reports its first draw is recorded, and each
// response body, as received, is compressed with brotli quality 11 (node's zlib, the settings of
// scripts/precompress.mjs). The per-file table is logged; the total must be at most the budget.
// bench/run.mjs reports the same measurement (firstViewTransfer in support.mjs).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FIRST_PAINT_BUDGET_BROTLI, FIRST_VIEW_BUDGET_BROTLI, FIRST_VIEW_GOAL_BROTLI, firstViewTransfer, usePages } from './support.mjs';

const { base, track } = usePages();

/** A plain-text table of the files, largest brotli first. */
function table({ files, total }) {
  const n = (x) => x.toLocaleString('en-GB').padStart(11);
  const width = Math.max(5, ...files.map((f) => f.path.length));
  const lines = [`${'file'.padEnd(width)}  ${'type'.padEnd(10)} ${'raw'.padStart(11)} ${'gzip -9'.padStart(11)} ${'brotli 11'.padStart(11)}`];
  for (const f of [...files].sort((a, b) => b.brotli - a.brotli)) {
    lines.push(`${f.path.padEnd(width)}  ${f.type.padEnd(10)} ${n(f.raw)} ${n(f.gzip)} ${n(f.brotli)}`);
  }
  lines.push(`${'total'.padEnd(width)}  ${''.padEnd(10)} ${n(total.raw)} ${n(total.gzip)} ${n(total.brotli)}`);
  return lines.join('\n');
}

test(`the first view is at most ${FIRST_VIEW_BUDGET_BROTLI.toLocaleString('en-GB')} bytes of brotli`, async () => {
  const { page } = await track({ viewport: { width: 1440, height: 900 } });
  const result = await firstViewTransfer(page, base());
  console.log(`first view, ${result.files.length} requests before the first draw:\n${table(result)}`);
  // The pre-rendered chart paints from the page and its stylesheet, before any script arrives.
  const paint = result.files.filter((f) => f.type === 'document' || f.type === 'stylesheet');
  const paintBytes = paint.reduce((n, f) => n + f.brotli, 0);
  console.log(`# the pre-rendered first chart needs ${paint.map((f) => f.path).join(' + ')}: ${paintBytes.toLocaleString('en-GB')} bytes of brotli`);
  assert.ok(paint.some((f) => f.type === 'document') && paintBytes <= FIRST_PAINT_BUDGET_BROTLI, `first paint ${paintBytes} within ${FIRST_PAINT_BUDGET_BROTLI}`);
  const over = result.total.brotli - FIRST_VIEW_GOAL_BROTLI;
  if (over > 0) console.log(`# the first view is over its goal of ${FIRST_VIEW_GOAL_BROTLI.toLocaleString('en-GB')} bytes by ${over.toLocaleString('en-GB')}`);
  // The measurement saw the real load: the page, its script and the app's wasm at least.
  const types = new Set(result.files.map((f) => f.path.split('.').pop()));
  for (const ext of ['html', 'js', 'wasm']) assert.ok(types.has(ext), `a .${ext} file among the requests: ${[...types].join(', ')}`);
  assert.ok(
    result.files.every((f) => f.status === 200 && f.raw > 0),
    `every request answered with a body: ${result.files.filter((f) => f.status !== 200 || f.raw === 0).map((f) => `${f.path} ${f.status}`)}`,
  );
  assert.ok(
    result.total.brotli <= FIRST_VIEW_BUDGET_BROTLI,
    `the first view is ${result.total.brotli.toLocaleString('en-GB')} bytes of brotli, over its budget of ` +
      `${FIRST_VIEW_BUDGET_BROTLI.toLocaleString('en-GB')} by ${(result.total.brotli - FIRST_VIEW_BUDGET_BROTLI).toLocaleString('en-GB')}`,
  );
});
