// The explorer's benchmarks, in headless Chromium from local static servers on 127.0.0.1 (run by
// scripts/bench.sh, which builds what this needs first). Writes bench/results/latest.json and
// bench/results/latest.md and prints the markdown.
//
//   node bench/run.mjs [--dist DIR] [--pkg DIR] [--out DIR] [--ttfc-runs N] [--interactions N]
//                      [--scale-runs N] [--switch-runs N] [--skip-scale]
//
// (a) transfer size of every file a real page load requests before the chart's first draw (each
//     response body compressed here: gzip -9, brotli 11), against the 200 KB brotli budget (the same
//     measurement as tests/e2e/budget.test.mjs, which fails over budget: firstViewTransfer in support.mjs);
// (b) time to first chart (`[data-chart]`) and to interactive (`html[data-ready]`), the explorer beside
//     an Observable Plot page (bench/plot), fresh context, cache disabled, slowed phone and unthrottled;
// (c) interaction latency: partner checkbox, category checkbox and year select changes, from the
//     event dispatch to the data-draws counter going up (and to the next frame), median and p95;
// (d) datasets on demand: each served dataset file's size, and the time to switch to a dataset not
//     yet fetched (change event to the chart redrawn with its figures), under both profiles;
// (e) scale: a generated 1,000,000-row table queried by workforce-core (bench/scale, wasm) and by
//     FINOS Perspective 3.x (npm), each in a Web Worker, in the same page: every query timed as the
//     round trip from the page to the worker and back with the finished result (bench/scale/www/scale.js).

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
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
    plot: { type: 'string', default: path.join(REPO, 'target', 'bench', 'plot') },
    out: { type: 'string', default: path.join(HERE, 'results') },
    'ttfc-runs': { type: 'string', default: '9' },
    interactions: { type: 'string', default: '60' }, // per kind (3 kinds)
    'scale-runs': { type: 'string', default: '7' },
    'switch-runs': { type: 'string', default: '5' },
    'skip-scale': { type: 'boolean', default: false },
  },
});
const DIST = path.resolve(args.dist);
const PKG = path.resolve(args.pkg);
const PLOT = path.resolve(args.plot);
const OUT = path.resolve(args.out);
const TTFC_RUNS = Math.max(7, Number(args['ttfc-runs']));
const PER_KIND = Math.max(34, Number(args.interactions));
const SCALE_RUNS = Math.max(3, Number(args['scale-runs']));
const SWITCH_RUNS = Math.max(3, Number(args['switch-runs']));
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
// the pages' server: static files as a host with precompressed files serves them

/** What the pages' server sent, by Content-Encoding (`br` or `identity`) and file extension. */
const served = {};

/**
 * Serves `root` (and `mounts`, `{ '/prefix/': dir }`) on 127.0.0.1 as a static host with
 * precompressed files does (nginx brotli_static, Caddy precompressed): FILE.br with
 * `Content-Encoding: br` when the request accepts br and FILE.br exists, else FILE. The site's
 * Content-Security-Policy goes with the explorer's HTML; the Plot page (under a mount) gets none,
 * as a page a web developer writes would not (Plot writes `style` attributes and a `<style>` element).
 */
function startBrotliServer(root, mounts = {}) {
  const onServe = (encoding, ext) => {
    const key = `${encoding} ${ext || '(none)'}`;
    served[key] = (served[key] || 0) + 1;
  };
  return startServer(root, { mounts, precompressed: true, cspOnMounts: false, onServe });
}

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
// (b) time to first chart and to interactive: the explorer and the Plot page, side by side

/**
 * The two profiles every page is loaded under (issue 12). Throttled: a phone (Moto G Power-sized
 * viewport, as Lighthouse's mobile profile) with the renderer's CPU slowed 4x and "slow 4G" (150 ms
 * latency, 1.6 Mbit/s = 200,000 bytes/s each way), through the DevTools protocol.
 */
const PROFILES = [
  {
    id: 'throttled',
    label: 'slowed phone: CPU 4×, 150 ms, 1.6 Mbit/s',
    viewport: { width: 412, height: 823 },
    deviceScaleFactor: 1.75,
    contextOptions: { isMobile: true, hasTouch: true },
    cpuRate: 4,
    network: { offline: false, latency: 150, downloadThroughput: 200_000, uploadThroughput: 200_000 },
  },
  {
    id: 'unthrottled',
    label: 'unthrottled desktop',
    viewport: VIEWPORT,
    deviceScaleFactor: 1,
    contextOptions: {},
    cpuRate: 1,
    network: null,
  },
];

/**
 * In each page before its own scripts: the moments (performance.now(), from navigation start) the
 * first `[data-chart]` element exists and `<html>` gets `data-ready` (MutationObserver; an element
 * in the HTML itself is seen as the parser inserts it), and for each the end of the next frame
 * (requestAnimationFrame, then a task after it: the frame that shows it has been produced, which
 * waits for render-blocking styles too). Also first-contentful-paint and the last
 * largest-contentful-paint candidate (neither sees a canvas or SVG chart as such; element timing
 * covers only images and text, so it cannot time a chart).
 */
const MARKER_PROBE = () => {
  const m = (window.__bench = {});
  const afterFrame = (key) =>
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => (m[key] = performance.now());
      ch.port2.postMessage(0);
    });
  const check = () => {
    if (m.chart === undefined && document.querySelector('[data-chart]')) {
      m.chart = performance.now();
      afterFrame('chartFrame');
    }
    if (m.ready === undefined && document.documentElement?.hasAttribute('data-ready')) {
      m.ready = performance.now();
      afterFrame('readyFrame');
    }
    if (m.chart !== undefined && m.ready !== undefined) obs.disconnect();
  };
  const obs = new MutationObserver(check);
  obs.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-chart', 'data-ready'] });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') m.fcp = e.startTime;
    }).observe({ type: 'paint', buffered: true });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) m.lcp = e.startTime;
    }).observe({ type: 'largest-contentful-paint', buffered: true });
  } catch {
    // no paint timing: fcp and lcp stay undefined
  }
};

/** In the page once both markers are in: the moments, and what had arrived by each (resource timing). */
const READ_PROBE = () => {
  const m = window.__bench;
  const nav = performance.getEntriesByType('navigation')[0];
  const entries = [nav, ...performance.getEntriesByType('resource')];
  const files = entries.map((e) => ({
    path: new URL(e.name).pathname,
    type: e.initiatorType,
    end: e.responseEnd,
    encoded: e.encodedBodySize,
    decoded: e.decodedBodySize,
    transfer: e.transferSize,
  }));
  const upTo = (t) => {
    const done = files.filter((f) => f.end <= t);
    return {
      requests: done.length,
      encoded: done.reduce((a, f) => a + f.encoded, 0),
      decoded: done.reduce((a, f) => a + f.decoded, 0),
      transfer: done.reduce((a, f) => a + f.transfer, 0),
    };
  };
  return {
    chart: m.chart,
    chart_frame: m.chartFrame,
    ready: m.ready,
    ready_frame: m.readyFrame,
    fcp: m.fcp,
    lcp: m.lcp,
    dcl: nav.domContentLoadedEventEnd,
    to_chart: upTo(m.chartFrame),
    to_ready: upTo(m.readyFrame),
    files: files.map((f) => ({ ...f, before_chart: f.end <= m.chartFrame, before_ready: f.end <= m.readyFrame })),
  };
};

/** One cold load of `url` under `profile`, in a fresh browser context with the cache disabled. */
async function coldLoad(browser, url, profile) {
  // Not blocked by a route: Playwright's request interception would sit in every request's path.
  // Nothing may go off 127.0.0.1 all the same (asserted below).
  const t = await openTrackedPage(browser, {
    viewport: profile.viewport,
    deviceScaleFactor: profile.deviceScaleFactor,
    contextOptions: profile.contextOptions,
    blockForeign: false,
    timeout: 120_000,
  });
  const cdp = await t.context.newCDPSession(t.page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (profile.network) await cdp.send('Network.emulateNetworkConditions', profile.network);
  if (profile.cpuRate > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpuRate });
  await t.page.addInitScript(MARKER_PROBE);
  await t.page.goto(url, { waitUntil: 'commit' });
  await t.page.waitForFunction(() => window.__bench?.chartFrame !== undefined && window.__bench?.readyFrame !== undefined, null, { polling: 100 });
  const r = await t.page.evaluate(READ_PROBE);
  assertLocalOnly(t.requests);
  if (t.problems.length) throw new Error(`${url} (${profile.id}) reported problems: ${t.problems.join('; ')}`);
  await t.context.close();
  return r;
}

const PAGES = [
  { id: 'explorer', label: 'explorer', path: '' },
  { id: 'plot', label: 'Observable Plot page', path: 'plot/' },
];

const spread = (xs) => ({
  n: xs.length,
  median_ms: round(median(xs)),
  p25_ms: round(percentile(xs, 25)),
  p75_ms: round(percentile(xs, 75)),
  min_ms: round(Math.min(...xs)),
  max_ms: round(Math.max(...xs)),
});

async function firstChartAndInteractive(browser, baseUrl) {
  const raw = {};
  for (const p of PROFILES) for (const g of PAGES) raw[`${p.id}/${g.id}`] = [];
  say('first chart: one warm-up load of each page (not counted)');
  for (const g of PAGES) await coldLoad(browser, baseUrl + g.path, PROFILES[1]);
  for (let i = 0; i < TTFC_RUNS; i++) {
    for (const p of PROFILES) {
      // Alternating which page goes first, so neither always follows the other.
      for (const g of i % 2 ? [...PAGES].reverse() : PAGES) {
        const r = await coldLoad(browser, baseUrl + g.path, p);
        raw[`${p.id}/${g.id}`].push(r);
        say(
          `run ${i + 1}/${TTFC_RUNS} ${p.id.padEnd(11)} ${g.id.padEnd(8)}: chart ${r.chart_frame.toFixed(0)} ms, ` +
            `interactive ${r.ready_frame.toFixed(0)} ms, ${r.to_chart.encoded.toLocaleString('en-GB')} B to the chart`,
        );
      }
    }
  }
  const out = { runs: TTFC_RUNS, profiles: PROFILES.map(({ id, label, viewport, deviceScaleFactor, cpuRate, network }) => ({ id, label, viewport, deviceScaleFactor, cpuRate, network })), results: [] };
  for (const p of PROFILES) {
    for (const g of PAGES) {
      const rs = raw[`${p.id}/${g.id}`];
      const defined = (k) => rs.map((r) => r[k]).filter((x) => typeof x === 'number');
      // Bytes do not vary from run to run but for headers: the median run's.
      const mid = [...rs].sort((a, b) => a.chart_frame - b.chart_frame)[rs.length >> 1];
      out.results.push({
        profile: p.id,
        page: g.id,
        url_path: '/' + g.path,
        first_chart: spread(rs.map((r) => r.chart_frame)),
        chart_marker: spread(rs.map((r) => r.chart)),
        interactive: spread(rs.map((r) => r.ready_frame)),
        ready_marker: spread(rs.map((r) => r.ready)),
        first_contentful_paint: defined('fcp').length ? spread(defined('fcp')) : null,
        largest_contentful_paint: defined('lcp').length ? spread(defined('lcp')) : null,
        dom_content_loaded: spread(rs.map((r) => r.dcl)),
        bytes_to_first_chart: mid.to_chart,
        bytes_to_interactive: mid.to_ready,
        files: mid.files.map((f) => ({ ...f, end: round(f.end) })),
        raw: rs.map((r) => ({
          first_chart_ms: round(r.chart_frame),
          chart_marker_ms: round(r.chart),
          interactive_ms: round(r.ready_frame),
          ready_marker_ms: round(r.ready),
          fcp_ms: r.fcp === undefined ? null : round(r.fcp),
          lcp_ms: r.lcp === undefined ? null : round(r.lcp),
          encoded_bytes_to_chart: r.to_chart.encoded,
        })),
      });
    }
  }
  const get = (profile, page) => out.results.find((r) => r.profile === profile && r.page === page);
  const ex = get('throttled', 'explorer');
  const plot = get('throttled', 'plot');
  out.goal = {
    first_chart_ratio: round(ex.first_chart.median_ms / plot.first_chart.median_ms, 3),
    first_chart_met: ex.first_chart.median_ms <= plot.first_chart.median_ms / 2,
    interactive_vs_plot_chart_ms: round(ex.interactive.median_ms - plot.first_chart.median_ms),
    interactive_met: ex.interactive.median_ms <= plot.first_chart.median_ms,
  };
  return out;
}

// ---------------------------------------------------------------------------------------------
// (c) interaction latency

/**
 * The view the interactions start from: the baseline (every partner, the newest year, the default
 * categories, bars), not the first view, the technical lens, whose trend over every year no year
 * change redraws and whose one category cannot be turned off.
 */
const INTERACTION_QUERY = '?d=staff-occupation';

async function interactionLatency(browser, baseUrl) {
  const t = await openTrackedPage(browser, { viewport: VIEWPORT });
  await t.page.goto(baseUrl + INTERACTION_QUERY, { waitUntil: 'load' });
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

// ---------------------------------------------------------------------------------------------
// (d) datasets on demand: each served dataset file's size, and the time to switch to one not yet fetched

/** Every served dataset file (`dist/datasets/*.csv`) raw, and as the host serves it precompressed. */
function datasetFiles() {
  const dir = path.join(DIST, 'datasets');
  const size = (f) => (existsSync(f) ? statSync(f).size : null);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.csv'))
    .sort()
    .map((f) => ({ file: `datasets/${f}`, raw: size(path.join(dir, f)), gzip: size(path.join(dir, f + '.gz')), brotli: size(path.join(dir, f + '.br')) }));
}

/**
 * From the first view's dataset (`?d=staff-occupation`, interactive), picking each other dataset in
 * the Dataset select: the time from the change event to the chart redrawn with the new dataset's
 * figures (`data-draws` incremented and no loading line), the file fetched on the way (served
 * brotli). Each switch in a fresh context with the cache disabled, under each profile, `runs` times.
 */
async function datasetSwitch(browser, baseUrl, runs) {
  const ids = datasetFiles().map((f) => path.basename(f.file, '.csv')).filter((id) => id !== 'staff-occupation');
  const out = {};
  for (const profile of PROFILES) {
    out[profile.id] = { label: profile.label, datasets: {} };
    for (const id of ids) {
      const times = [];
      let bytes = 0;
      for (let r = 0; r < runs; r++) {
        const t = await openTrackedPage(browser, { viewport: profile.viewport, deviceScaleFactor: profile.deviceScaleFactor, contextOptions: profile.contextOptions, blockForeign: false, timeout: 120_000 });
        const cdp = await t.context.newCDPSession(t.page);
        await cdp.send('Network.enable');
        await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
        await t.page.goto(baseUrl + '?d=staff-occupation', { waitUntil: 'load' });
        await t.page.waitForFunction(() => document.documentElement.hasAttribute('data-ready') && Number(document.querySelector('#chart-canvas')?.getAttribute('data-draws') || 0) >= 1);
        if (profile.network) await cdp.send('Network.emulateNetworkConditions', profile.network);
        if (profile.cpuRate > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpuRate });
        const ms = await t.page.evaluate(
          (id) =>
            new Promise((resolve, reject) => {
              const canvas = document.getElementById('chart-canvas');
              const before = Number(canvas.getAttribute('data-draws') || 0);
              const select = document.getElementById('dataset-select');
              const timer = setTimeout(() => reject(new Error(`no redraw after switching to ${id} within 60 s`)), 60_000);
              const obs = new MutationObserver(() => {
                const now = performance.now();
                if (Number(canvas.getAttribute('data-draws') || 0) <= before || document.querySelector('.dataset-loading')) return;
                if (select.value !== id) return;
                obs.disconnect();
                clearTimeout(timer);
                resolve(now - t0);
              });
              obs.observe(document.body, { attributes: true, subtree: true, childList: true });
              const t0 = performance.now();
              select.value = id;
              select.dispatchEvent(new Event('change', { bubbles: true }));
            }),
          id,
        );
        times.push(ms);
        bytes = await t.page.evaluate((id) => performance.getEntriesByType('resource').filter((e) => e.name.includes(`/datasets/${id}.csv`)).reduce((a, e) => a + e.encodedBodySize, 0), id);
        assertLocalOnly(t.requests);
        if (t.problems.length) throw new Error(`switching to ${id} (${profile.id}) reported problems: ${t.problems.join('; ')}`);
        await t.context.close();
      }
      out[profile.id].datasets[id] = { ...spread(times), fetched_bytes: bytes };
      say(`switch to ${id} (${profile.id}): median ${round(median(times))} ms, ${bytes.toLocaleString('en-GB')} B fetched`);
    }
  }
  return out;
}

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

/** The side-by-side section of the report: the explorer and the Plot page, each profile. */
function firstChartMarkdown(f) {
  const L = [];
  const s0 = (x) => `${Math.round(x).toLocaleString('en-GB')}`;
  const cell = (x, bold = false) => {
    if (!x) return 'n/a';
    const m = bold ? `**${s0(x.median_ms)} ms**` : `${s0(x.median_ms)} ms`;
    return `${m} (${s0(x.min_ms)}–${s0(x.max_ms)}; IQR ${s0(x.p25_ms)}–${s0(x.p75_ms)})`;
  };
  const bytes = (b) => `${b.encoded.toLocaleString('en-GB')} B (${b.requests} files)`;
  L.push(`## Time to first chart and to interactive: the explorer and an Observable Plot page (${f.runs} cold loads each)`, '');
  L.push(
    'Each load: a fresh browser context (no cache, no cookies, nothing stored) with the cache disabled, served from 127.0.0.1 with ' +
      'the precompressed brotli files (`Content-Encoding: br`), the pages taking turns. Times from navigation start: ' +
      '**first chart** is the end of the first frame after an element marked `data-chart` exists (a MutationObserver sees it, ' +
      'then requestAnimationFrame and a task after it); **interactive** the same for `<html data-ready>` (the explorer sets it ' +
      'once its controls respond, the Plot page once its chart is in the page). FCP is the browser\'s first-contentful-paint. ' +
      '**Bytes** are encoded (brotli) bodies of the requests finished by then (resource timing), from the median run. ' +
      'Median (min–max; interquartile range).',
    '',
  );
  for (const p of f.profiles) {
    const net = p.network ? `, ${p.network.latency} ms latency, ${((p.network.downloadThroughput * 8) / 1e6).toFixed(1)} Mbit/s down and up` : '';
    L.push(`**${p.label}**: ${p.viewport.width} × ${p.viewport.height} CSS px at ${p.deviceScaleFactor}×, CPU ${p.cpuRate}×${net}.`, '');
    L.push('| page | first chart | interactive | FCP | bytes to first chart | bytes to interactive |', '|---|--:|--:|--:|--:|--:|');
    for (const r of f.results.filter((x) => x.profile === p.id)) {
      const name = r.page === 'plot' ? 'Observable Plot page' : 'explorer';
      L.push(`| ${name} | ${cell(r.first_chart, true)} | ${cell(r.interactive)} | ${cell(r.first_contentful_paint)} | ${bytes(r.bytes_to_first_chart)} | ${bytes(r.bytes_to_interactive)} |`);
    }
    L.push('');
  }
  const g = f.goal;
  const get = (page) => f.results.find((r) => r.profile === 'throttled' && r.page === page);
  const ex = get('explorer');
  const plot = get('plot');
  L.push(
    `Goal (issue 12), slowed phone: the explorer's first chart at most half the Plot page's: ${s0(ex.first_chart.median_ms)} ms against ` +
      `${s0(plot.first_chart.median_ms / 2)} ms (${g.first_chart_ratio.toFixed(2)}× the Plot page's): **${g.first_chart_met ? 'met' : 'not met'}**. ` +
      `Interactive no later than the Plot page's first chart: ${s0(ex.interactive.median_ms)} ms against ${s0(plot.first_chart.median_ms)} ms: ` +
      `**${g.interactive_met ? 'met' : 'not met'}**.`,
    '',
  );
  L.push('Files finished before the first chart (slowed phone, median run; encoded bytes):', '');
  L.push('| page | file | encoded | decoded |', '|---|---|--:|--:|');
  for (const page of ['explorer', 'plot']) {
    const r = get(page);
    for (const x of r.files.filter((f) => f.before_chart)) {
      L.push(`| ${page === 'plot' ? 'Plot' : 'explorer'} | ${x.path} | ${x.encoded.toLocaleString('en-GB')} | ${x.decoded.toLocaleString('en-GB')} |`);
    }
  }
  L.push('');
  return L;
}

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
  L.push(...firstChartMarkdown(res.first_chart));
  const i = res.interaction;
  L.push(`## Interaction latency (${i.interactions} interactions)`, '');
  L.push(`From the view \`${INTERACTION_QUERY}\` (every partner, the newest year, the default categories, bars): from dispatching the input event to the chart redrawn (\`data-draws\` incremented), and to the next frame after it.`, '');
  L.push('| interaction | n | redrawn median | redrawn p95 | next frame median | next frame p95 |', '|---|--:|--:|--:|--:|--:|');
  for (const [k, v] of Object.entries(i.by_kind)) {
    L.push(`| ${k} | ${v.drawn.n} | ${ms(v.drawn.median_ms)} | ${ms(v.drawn.p95_ms)} | ${ms(v.painted.median_ms)} | ${ms(v.painted.p95_ms)} |`);
  }
  L.push(`| **all** | ${i.drawn.n} | **${ms(i.drawn.median_ms)}** | **${ms(i.drawn.p95_ms)}** | ${ms(i.painted.median_ms)} | ${ms(i.painted.p95_ms)} |`, '');
  if (res.dataset_files) {
    L.push('## Datasets on demand', '');
    L.push('Each dataset is its own file (`dist/datasets/`, wide form with its coverage), fetched the first time a visitor picks it. Sizes as served (the host sends the `.br` copy to browsers that accept brotli):', '');
    L.push('| file | raw | gzip -9 | brotli 11 |', '|---|--:|--:|--:|');
    for (const f of res.dataset_files) L.push(`| ${f.file} | ${f.raw.toLocaleString('en-GB')} | ${(f.gzip ?? 0).toLocaleString('en-GB')} | ${(f.brotli ?? 0).toLocaleString('en-GB')} |`);
    L.push('');
    L.push(`Switching from \`?d=staff-occupation\` (interactive) to a dataset not yet fetched: from the Dataset select's change event to the chart redrawn with its figures (the file fetched, read and drawn), in a fresh context with the cache disabled, ${SWITCH_RUNS} runs each. Median (min–max); bytes fetched (encoded).`, '');
    const profiles = Object.values(res.dataset_switch);
    L.push(`| dataset | ${profiles.map((p) => p.label).join(' | ')} | fetched |`, `|---|${profiles.map(() => '--:').join('|')}|--:|`);
    for (const id of Object.keys(profiles[0].datasets)) {
      const cells = profiles.map((p) => { const d = p.datasets[id]; return `${ms(d.median_ms)} (${ms(d.min_ms)}–${ms(d.max_ms)})`; });
      L.push(`| ${id} | ${cells.join(' | ')} | ${profiles[0].datasets[id].fetched_bytes.toLocaleString('en-GB')} B |`);
    }
    L.push('');
  }
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
  if (!existsSync(path.join(PLOT, 'index.html'))) throw new Error(`${PLOT}/index.html missing: build the Plot page first (scripts/bench.sh does: node bench/plot/build.mjs)`);
  const browser = await launchBrowser();
  const server = await startBrotliServer(DIST, { '/plot/': PLOT });
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
    say(`(b) time to first chart and to interactive, explorer and Plot page, ${TTFC_RUNS} cold loads each per profile...`);
    res.first_chart = await firstChartAndInteractive(browser, baseUrl);
    res.served = { ...served };
    if (!Object.keys(served).some((k) => k.startsWith('br '))) throw new Error('no file was served brotli-compressed: the browser did not accept br');
    say(`(c) interaction latency, ${PER_KIND * 3} interactions...`);
    res.interaction = await interactionLatency(browser, baseUrl);
    say(`(d) datasets on demand: file sizes, and switching to each dataset not yet fetched (${SWITCH_RUNS} runs each per profile)...`);
    res.dataset_files = datasetFiles();
    res.dataset_switch = await datasetSwitch(browser, baseUrl, SWITCH_RUNS);
    if (args['skip-scale']) {
      res.scale = { skipped: '--skip-scale given' };
    } else {
      say(`(e) scale, 1,000,000 rows, workforce-core vs Perspective (${SCALE_RUNS} runs per query)...`);
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
