// The explorer's benchmarks, in headless Chromium from local static servers on 127.0.0.1 (run by
// scripts/bench.sh, which builds what this needs first). Writes bench/results/latest.json and
// bench/results/latest.md and prints the markdown.
//
//   node bench/run.mjs [--dist DIR] [--pkg DIR] [--out DIR] [--ttfc-runs N] [--interactions N]
//                      [--scale-runs N] [--skip-scale]
//
// (a) transfer size of every file a real page load requests before the chart's first draw (each
//     response body compressed here: gzip -9, brotli 11), against the 200 KB brotli budget (the same
//     measurement as tests/e2e/budget.test.mjs, which fails over budget: firstViewTransfer in support.mjs);
// (b) time to first chart: fresh context, cache disabled, navigation start to `#chart-canvas`
//     data-draws >= 1 (and to the next frame after it), median/min/max over N runs;
// (c) interaction latency: partner checkbox, category checkbox and year select changes, from the
//     event dispatch to the data-draws counter going up (and to the next frame), median and p95;
// (d) scale: a generated 1,000,000-row table queried by workforce-core (bench/scale, wasm) and by
//     FINOS Perspective 3.x (npm), each in a Web Worker, in the same page: every query timed as the
//     round trip from the page to the worker and back with the finished result (bench/scale/www/scale.js).

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  FIRST_VIEW_BUDGET_BROTLI,
  REPO,
  assertLocalOnly,
  closeServer,
  firstViewTransfer,
  launchBrowser,
  openTrackedPage,
  startServer,
  urlOf,
} from '../tests/e2e/support.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const { values: args } = parseArgs({
  options: {
    dist: { type: 'string', default: path.join(REPO, 'target', 'bench', 'dist') },
    pkg: { type: 'string', default: path.join(REPO, 'target', 'bench', 'scale-pkg') },
    out: { type: 'string', default: path.join(HERE, 'results') },
    'ttfc-runs': { type: 'string', default: '9' },
    interactions: { type: 'string', default: '60' }, // per kind (3 kinds)
    'scale-runs': { type: 'string', default: '7' },
    'skip-scale': { type: 'boolean', default: false },
  },
});
const DIST = path.resolve(args.dist);
const PKG = path.resolve(args.pkg);
const OUT = path.resolve(args.out);
const TTFC_RUNS = Math.max(7, Number(args['ttfc-runs']));
const PER_KIND = Math.max(34, Number(args.interactions));
const SCALE_RUNS = Math.max(3, Number(args['scale-runs']));
const BUDGET_BROTLI = FIRST_VIEW_BUDGET_BROTLI; // bytes ("200 KB"); also shown in KiB
const VIEWPORT = { width: 1440, height: 900 };
const PERSPECTIVE_DIR = path.join(REPO, 'node_modules', '@finos', 'perspective');

const say = (s) => console.error(`bench: ${s}`);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
/** Nearest-rank percentile. */
const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
};
const summary = (xs) => ({
  n: xs.length,
  median_ms: round(median(xs)),
  p95_ms: round(percentile(xs, 95)),
  min_ms: round(Math.min(...xs)),
  max_ms: round(Math.max(...xs)),
});
const round = (x, d = 2) => Math.round(x * 10 ** d) / 10 ** d;
const kb = (b) => `${(b / 1000).toFixed(1)} KB`;
const kib = (b) => `${(b / 1024).toFixed(1)} KiB`;

// ---------------------------------------------------------------------------------------------
// (a) transfer sizes of what the first view requests

async function sizes(browser, baseUrl) {
  const t = await openTrackedPage(browser, { viewport: VIEWPORT });
  const r = await firstViewTransfer(t.page, baseUrl);
  assertLocalOnly(t.requests);
  if (t.problems.length) say(`sizes: page reported ${t.problems.length} problem(s), e.g. ${t.problems[0]}`);
  await t.context.close();
  return { ...r, budget_brotli_bytes: BUDGET_BROTLI, within_budget: r.total.brotli <= BUDGET_BROTLI };
}

// ---------------------------------------------------------------------------------------------
// (b) time to first chart, cold cache

const FIRST_CHART_PROBE = () => {
  window.__firstChart = {};
  const done = () => {
    window.__firstChart.draw = performance.now();
    // the frame that shows it: next animation frame, then a task after it (the frame has been produced)
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => (window.__firstChart.paint = performance.now());
      ch.port2.postMessage(0);
    });
  };
  const obs = new MutationObserver(() => {
    const c = document.getElementById('chart-canvas');
    if (c && Number(c.getAttribute('data-draws') || 0) >= 1) {
      obs.disconnect();
      done();
    }
  });
  obs.observe(document, { attributes: true, subtree: true, childList: true, attributeFilter: ['data-draws'] });
};

async function timeToFirstChart(browser, baseUrl) {
  const runs = [];
  for (let i = 0; i < TTFC_RUNS; i++) {
    const t = await openTrackedPage(browser, { viewport: VIEWPORT });
    const cdp = await t.context.newCDPSession(t.page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await t.page.addInitScript(FIRST_CHART_PROBE);
    await t.page.goto(baseUrl, { waitUntil: 'load' });
    await t.page.waitForFunction(() => window.__firstChart?.paint !== undefined, null, { timeout: 30_000 });
    const r = await t.page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      return { ...window.__firstChart, dcl: nav.domContentLoadedEventEnd, load: nav.loadEventEnd };
    });
    assertLocalOnly(t.requests);
    if (t.problems.length) say(`first-chart run ${i + 1}: page reported ${t.problems.length} problem(s), e.g. ${t.problems[0]}`);
    await t.context.close();
    runs.push(r);
    say(`first chart run ${i + 1}/${TTFC_RUNS}: drawn ${r.draw.toFixed(1)} ms, painted ${r.paint.toFixed(1)} ms`);
  }
  return {
    runs: runs.length,
    drawn: summary(runs.map((r) => r.draw)),
    painted: summary(runs.map((r) => r.paint)),
    dom_content_loaded: summary(runs.map((r) => r.dcl)),
    raw: runs.map((r) => ({ drawn_ms: round(r.draw), painted_ms: round(r.paint), dcl_ms: round(r.dcl), load_ms: round(r.load) })),
  };
}

// ---------------------------------------------------------------------------------------------
// (c) interaction latency

async function interactionLatency(browser, baseUrl) {
  const t = await openTrackedPage(browser, { viewport: VIEWPORT });
  await t.page.goto(baseUrl, { waitUntil: 'load' });
  await t.page.waitForFunction(() => Number(document.querySelector('#chart-canvas')?.getAttribute('data-draws') || 0) >= 1);
  const result = await t.page.evaluate(async (perKind) => {
    const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
    const draws = () => Number(document.getElementById('chart-canvas')?.getAttribute('data-draws') || 0);
    /** Dispatches, then resolves with [ms to redraw, ms to the next frame after it]. */
    function measure(dispatch) {
      return new Promise((resolve, reject) => {
        const before = draws();
        let t0 = 0;
        const timer = setTimeout(() => {
          obs.disconnect();
          reject(new Error('no redraw within 5 s'));
        }, 5000);
        const obs = new MutationObserver(() => {
          if (draws() <= before) return;
          const drawn = performance.now();
          obs.disconnect();
          clearTimeout(timer);
          requestAnimationFrame(() => {
            const ch = new MessageChannel();
            ch.port1.onmessage = () => resolve([drawn - t0, performance.now() - t0]);
            ch.port2.postMessage(0);
          });
        });
        obs.observe(document.body, { attributes: true, subtree: true, childList: true, attributeFilter: ['data-draws'] });
        t0 = performance.now();
        dispatch();
      });
    }
    const kinds = {
      partner: (i) => {
        const boxes = [...document.querySelectorAll('input[name=partner]')];
        // each partner off, then on again, in turn
        boxes[Math.floor(i / 2) % boxes.length].click();
      },
      category: () => {
        // the first category selected on load, off then on
        document.querySelector(`input[name=category][data-name="${CSS.escape(firstCategory)}"]`).click();
      },
      year: (i) => {
        const sel = document.getElementById('year-select');
        const n = sel.options.length;
        sel.selectedIndex = (sel.selectedIndex + 1 + (i % 3 === 2 ? 1 : 0)) % n;
        sel.dispatchEvent(new Event('input', { bubbles: true }));
        sel.dispatchEvent(new Event('change', { bubbles: true }));
      },
    };
    const out = {};
    const firstCategory = document.querySelector('input[name=category]:checked').getAttribute('data-name');
    for (const [kind, dispatch] of Object.entries(kinds)) {
      out[kind] = [];
      for (let i = 0; i < perKind; i++) {
        await frame();
        await frame();
        out[kind].push(await measure(() => dispatch(i)));
      }
    }
    return out;
  }, PER_KIND);
  assertLocalOnly(t.requests);
  await t.context.close();
  const all = Object.values(result).flat();
  const res = {
    interactions: all.length,
    drawn: summary(all.map((x) => x[0])),
    painted: summary(all.map((x) => x[1])),
    by_kind: {},
  };
  for (const [k, xs] of Object.entries(result)) {
    res.by_kind[k] = { drawn: summary(xs.map((x) => x[0])), painted: summary(xs.map((x) => x[1])) };
  }
  return res;
}

// ---------------------------------------------------------------------------------------------
// (d) scale: workforce-core vs Perspective, 1,000,000 rows

async function scale(browser) {
  if (!existsSync(path.join(PKG, 'scale_bench.js'))) throw new Error(`${PKG}/scale_bench.js missing: build bench/scale first (scripts/bench.sh does)`);
  if (!existsSync(path.join(PERSPECTIVE_DIR, 'dist', 'esm', 'perspective.js'))) throw new Error('node_modules/@finos/perspective missing: run scripts/install.sh');
  const perspectiveVersion = JSON.parse(readFileSync(path.join(PERSPECTIVE_DIR, 'package.json'), 'utf8')).version;
  // Cross-origin isolated (COOP + COEP), so performance.now() has fine resolution; everything is same-origin.
  const server = await startServer(path.join(HERE, 'scale', 'www'), {
    csp: null,
    mounts: { '/pkg/': PKG, '/perspective/': path.join(PERSPECTIVE_DIR, 'dist') },
    headers: { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' },
  });
  try {
    const t = await openTrackedPage(browser, { viewport: { width: 1000, height: 700 }, timeout: 900_000 });
    await t.page.goto(urlOf(server), { waitUntil: 'load' });
    await t.page.waitForFunction(() => window.scaleBenchReady === true);
    const isolated = await t.page.evaluate(() => self.crossOriginIsolated);
    t.page.on('console', (m) => m.type() === 'log' || say(`scale page: ${m.text()}`));
    const r = await t.page.evaluate((runs) => window.runScaleBench({ runs }), SCALE_RUNS);
    assertLocalOnly(t.requests);
    if (t.problems.length) say(`scale page problems: ${t.problems.join('; ')}`);
    await t.context.close();
    return { ...r, perspective_version: perspectiveVersion, cross_origin_isolated: isolated };
  } finally {
    await closeServer(server);
  }
}

// ---------------------------------------------------------------------------------------------
// report

function markdown(res) {
  const L = [];
  const ms = (x) => `${x.toFixed(1)} ms`;
  L.push(`# Explorer benchmarks`, '');
  L.push(`${res.date} · commit ${res.commit} · ${res.machine.cpus} × ${res.machine.cpu_model} · ${res.machine.memory_gib} GiB · Chromium ${res.machine.chromium} (headless) · Node ${res.machine.node}`, '');
  const s = res.sizes;
  L.push(`## Transfer size of the first view (${s.files.length} requests before the first draw)`, '');
  L.push('| file | type | raw | gzip -9 | brotli 11 |', '|---|---|--:|--:|--:|');
  for (const f of s.files) {
    L.push(`| ${f.path} | ${f.type} | ${f.raw.toLocaleString('en-GB')} | ${f.gzip.toLocaleString('en-GB')} | ${f.brotli.toLocaleString('en-GB')} |`);
  }
  L.push(`| **total** | | **${s.total.raw.toLocaleString('en-GB')}** | **${s.total.gzip.toLocaleString('en-GB')}** | **${s.total.brotli.toLocaleString('en-GB')}** |`, '');
  L.push(
    `Brotli total ${kb(s.total.brotli)} (${kib(s.total.brotli)}) against a budget of ${kb(s.budget_brotli_bytes)}: ` +
      `**${s.within_budget ? 'within budget' : 'OVER BUDGET'}** (${s.within_budget ? 'headroom' : 'over by'} ${Math.abs(s.budget_brotli_bytes - s.total.brotli).toLocaleString('en-GB')} bytes). ` +
      `In bytes: each response body as received, compressed here with gzip -9 and brotli 11 (scripts/precompress.mjs's settings).`,
    '',
  );
  const f = res.first_chart;
  L.push(`## Time to first chart (cold cache, ${f.runs} runs)`, '');
  L.push('From navigation start, fresh browser context with the cache disabled, local server on 127.0.0.1, 1440 × 900.', '');
  L.push('| milestone | median | min | max |', '|---|--:|--:|--:|');
  L.push(`| DOMContentLoaded | ${ms(f.dom_content_loaded.median_ms)} | ${ms(f.dom_content_loaded.min_ms)} | ${ms(f.dom_content_loaded.max_ms)} |`);
  L.push(`| chart drawn (\`data-draws\` = 1) | **${ms(f.drawn.median_ms)}** | ${ms(f.drawn.min_ms)} | ${ms(f.drawn.max_ms)} |`);
  L.push(`| next frame after it | ${ms(f.painted.median_ms)} | ${ms(f.painted.min_ms)} | ${ms(f.painted.max_ms)} |`, '');
  const i = res.interaction;
  L.push(`## Interaction latency (${i.interactions} interactions)`, '');
  L.push('From dispatching the input event to the chart redrawn (`data-draws` incremented), and to the next frame after it.', '');
  L.push('| interaction | n | redrawn median | redrawn p95 | next frame median | next frame p95 |', '|---|--:|--:|--:|--:|--:|');
  for (const [k, v] of Object.entries(i.by_kind)) {
    L.push(`| ${k} | ${v.drawn.n} | ${ms(v.drawn.median_ms)} | ${ms(v.drawn.p95_ms)} | ${ms(v.painted.median_ms)} | ${ms(v.painted.p95_ms)} |`);
  }
  L.push(`| **all** | ${i.drawn.n} | **${ms(i.drawn.median_ms)}** | **${ms(i.drawn.p95_ms)}** | ${ms(i.painted.median_ms)} | ${ms(i.painted.p95_ms)} |`, '');
  const c = res.scale;
  if (c?.skipped) {
    L.push('## Scale', '', `Skipped: ${c.skipped}`, '');
  } else if (c) {
    L.push(`## Scale: ${c.rows.toLocaleString('en-GB')} rows, workforce-core vs FINOS Perspective ${c.perspective_version}`, '');
    L.push(
      `Same page, same browser, same rows (500 providers × 20 years × 100 categories in 4 groups, 1 in 20 not reported, fixed seed), ` +
        `each engine in a Web Worker of its own. Each query: one warm-up, then ${c.runs} timed runs; a run is performance.now() on the page ` +
        `around the round trip from asking the worker to holding the finished result on the page as JS columns ` +
        `(workforce-core: one postMessage, \`Query::run\` with names resolved to indices and the result built as labelled columns in the worker, ` +
        `one message back with the labels copied and the figures' Float64Array transferred; ` +
        `Perspective: \`table.view(config)\`, \`view.to_columns()\`, \`view.delete()\`, three round trips to its worker through its client API). ` +
        `"in its worker" is the core's query alone, timed inside the worker (not part of the comparison). ` +
        `Both results are summed on the page and compared ("same totals"). Cross-origin isolated: ${c.cross_origin_isolated}.`,
      '',
    );
    L.push(
      '| query | result cells | workforce-core round trip, median (min–max) | (in its worker) | Perspective round trips, median (min–max) | Perspective ÷ core | same totals |',
      '|---|--:|--:|--:|--:|--:|:-:|',
    );
    for (const q of c.queries) {
      const ratio = q.perspective.median_ms / Math.max(q.core.median_ms, 0.001);
      L.push(
        `| ${q.name} | ${q.core.result_cells} | ${q.core.median_ms.toFixed(2)} ms (${q.core.min_ms.toFixed(2)}–${q.core.max_ms.toFixed(2)}) | ` +
          `${q.core.in_worker_median_ms.toFixed(2)} ms | ` +
          `${q.perspective.median_ms.toFixed(1)} ms (${q.perspective.min_ms.toFixed(1)}–${q.perspective.max_ms.toFixed(1)}) | ${ratio >= 10 ? ratio.toFixed(0) : ratio.toFixed(1)}× | ${q.same_result ? 'yes' : '**NO**'} |`,
      );
    }
    const l = c.load;
    L.push('', '| loading (not in the query times) | ms |', '|---|--:|');
    L.push(`| workforce-core: worker start, wasm fetch + instantiate, rows and cube (one round trip) | ${l.core_worker_load_round_trip_ms.toFixed(0)} |`);
    L.push(`| workforce-core: wasm fetch + instantiate (in the worker) | ${l.core_wasm_init_ms.toFixed(0)} |`);
    L.push(`| workforce-core: generate 1,000,000 \`TidyRecord\`s | ${l.core_generate_records_ms.toFixed(0)} |`);
    L.push(`| workforce-core: \`Dataset::from_records\` (cube + validation) | ${l.core_build_dataset_ms.toFixed(0)} |`);
    L.push(`| Perspective: client + server wasm and worker start | ${l.perspective_start_ms.toFixed(0)} |`);
    L.push(`| Perspective: the same rows from the core worker as JS columns | ${l.perspective_columns_from_wasm_ms.toFixed(0)} |`);
    L.push(`| Perspective: \`table()\` + \`update(columns)\` (ingest) | ${l.perspective_ingest_ms.toFixed(0)} |`, '');
  }
  return L.join('\n');
}

function git(...a) {
  try {
    return execFileSync('git', a, { cwd: REPO, encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
}

async function main() {
  if (!existsSync(path.join(DIST, 'index.html'))) throw new Error(`${DIST}/index.html missing: build first (scripts/bench.sh does)`);
  const browser = await launchBrowser();
  const server = await startServer(DIST);
  const baseUrl = urlOf(server);
  const res = {
    date: new Date().toISOString(),
    commit: `${git('rev-parse', '--short', 'HEAD') || 'unknown'}${git('status', '--porcelain') ? ' (with uncommitted changes)' : ''}`,
    machine: {
      cpus: os.cpus().length,
      cpu_model: os.cpus()[0]?.model?.trim() || 'unknown',
      memory_gib: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
      chromium: browser.version(),
      platform: `${os.platform()} ${os.release()}`,
    },
    dist: DIST,
  };
  try {
    say('(a) transfer sizes of the first view...');
    res.sizes = await sizes(browser, baseUrl);
    say(`(b) time to first chart, ${TTFC_RUNS} cold runs...`);
    res.first_chart = await timeToFirstChart(browser, baseUrl);
    say(`(c) interaction latency, ${PER_KIND * 3} interactions...`);
    res.interaction = await interactionLatency(browser, baseUrl);
    if (args['skip-scale']) {
      res.scale = { skipped: '--skip-scale given' };
    } else {
      say(`(d) scale, 1,000,000 rows, workforce-core vs Perspective (${SCALE_RUNS} runs per query)...`);
      res.scale = await scale(browser);
    }
  } finally {
    await browser.close();
    await closeServer(server);
  }
  mkdirSync(OUT, { recursive: true });
  const md = markdown(res);
  writeFileSync(path.join(OUT, 'latest.json'), JSON.stringify(res, null, 2) + '\n');
  writeFileSync(path.join(OUT, 'latest.md'), md + '\n');
  console.log(md);
  say(`wrote ${path.relative(REPO, path.join(OUT, 'latest.json'))} and ${path.relative(REPO, path.join(OUT, 'latest.md'))}`);
  const differ = (res.scale?.queries || []).filter((q) => !q.same_result).map((q) => q.name);
  if (differ.length) throw new Error(`workforce-core and Perspective disagree on the totals of: ${differ.join(', ')}`);
}

main().catch((e) => {
  console.error(`bench: FAILED: ${e.stack || e}`);
  process.exit(1);
});
