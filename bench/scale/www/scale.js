// Scale benchmark page (served from 127.0.0.1 by bench/run.mjs; never shipped). One page, one
// browser, the same generated 1,000,000-row workforce table loaded into two engines, each in a Web
// Worker of its own:
//   - workforce-core (the explorer's own Rust query engine, compiled to wasm: /pkg/scale_bench.js) in
//     core-worker.js, and
//   - FINOS Perspective 3.x (npm @finos/perspective: /perspective/...) in the worker its `worker()` starts.
// Every query is timed the same way on both sides: performance.now() on this page around the round
// trip from sending the query to the worker to holding its finished result here as JS columns:
//   - workforce-core: one postMessage to the worker, `Query::run` plus the result as labelled columns
//     (row and series labels copied, the figures' Float64Array moved), one message back;
//   - Perspective: `table.view(config)`, `view.to_columns()`, `view.delete()`: its client API, three
//     round trips to its worker (to_columns answers with the result serialised and parsed here).
// One warm-up call, then the median of several timed runs. Loading is timed separately. Both results
// are summed here and the totals compared.
//
// The rows come from the wasm generator (deterministic, fixed seed) in the core worker and are handed
// to Perspective as columns, so both engines hold exactly the same data.

import perspective from '/perspective/esm/perspective.js';

const now = () => performance.now();
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const stats = (xs) => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs), runs: xs.map((x) => +x.toFixed(4)) });
const log = (line) => {
  document.getElementById('out').textContent += line + '\n';
};

/** The core worker, and a round trip to it: resolves with the worker's answer once it is back here. */
const coreWorker = new Worker('core-worker.js', { type: 'module' });
const pending = new Map();
let nextId = 0;
coreWorker.onmessage = (e) => {
  const { id, ok, value, error } = e.data;
  const p = pending.get(id);
  pending.delete(id);
  if (ok) p.resolve(value);
  else p.reject(new Error(`core worker: ${error}`));
};
coreWorker.onerror = (e) => {
  for (const p of pending.values()) p.reject(new Error(`core worker: ${e.message}`));
  pending.clear();
};
function ask(op, arg) {
  return new Promise((resolve, reject) => {
    const id = nextId++;
    pending.set(id, { resolve, reject });
    coreWorker.postMessage({ id, op, arg });
  });
}

/** The Perspective view config for one of the shared query specs (see bench/scale/src/lib.rs). */
function perspectiveConfig(spec, names) {
  const filter = [];
  if (spec.providers.length) filter.push(['provider', 'in', spec.providers]);
  if (spec.categories.length && spec.categories.length < names.categories.length) {
    const groups = [...new Set(spec.categories.map(([g]) => g))];
    const wholeGroup =
      groups.length === 1 && names.categories.filter((_, i) => names.groups[i] === groups[0]).length === spec.categories.length;
    if (wholeGroup) filter.push(['group', '==', groups[0]]);
    else filter.push(['category', 'in', spec.categories.map(([, n]) => n)]);
  }
  if (spec.years.length === 1) filter.push(['year', '==', spec.years[0]]);
  else if (spec.years.length > 1) filter.push(['year', 'in', spec.years]);
  return {
    group_by: [spec.rows],
    split_by: spec.series ? [spec.series] : [],
    columns: ['value'],
    aggregates: { value: 'sum' },
    filter,
  };
}

/** Sum of the grand-total row of a Perspective to_columns() result (all value columns). */
function perspectiveChecksum(cols) {
  let sum = 0;
  for (const [k, v] of Object.entries(cols)) {
    if (k === '__ROW_PATH__') continue;
    if (typeof v[0] === 'number') sum += v[0];
  }
  return sum;
}

/**
 * One warm-up call, then `runs` timed runs. A run repeats the call until it has taken at least 5 ms
 * (once for anything slower) and records the mean per call, so that fast calls are not lost in the
 * timer's resolution. Both engines are timed by this same function.
 */
async function time(runs, fn) {
  let last = await fn();
  let reps = 1;
  for (;;) {
    const t0 = now();
    for (let k = 0; k < reps; k++) last = await fn();
    if (now() - t0 >= 5 || reps >= 1 << 16) break;
    reps *= 2;
  }
  const out = [];
  for (let i = 0; i < runs; i++) {
    const t0 = now();
    for (let k = 0; k < reps; k++) last = await fn();
    out.push((now() - t0) / reps);
  }
  return { ...stats(out), reps, last };
}

/** Sum of every figure in a workforce-core answer (NaN = nothing reported counts as 0). */
function coreChecksum(answer) {
  let sum = 0;
  for (const v of answer.values) if (!Number.isNaN(v)) sum += v;
  return sum;
}

window.runScaleBench = async function runScaleBench({ runs = 7 } = {}) {
  const result = { runs, rows: 0, load: {}, queries: [] };

  // ---- workforce-core, in its worker ----
  let t0 = now();
  const loaded = await ask('load');
  result.load.core_worker_load_round_trip_ms = now() - t0;
  result.load.core_wasm_init_ms = loaded.wasm_init_ms;
  result.load.core_generate_records_ms = loaded.generate_records_ms;
  result.load.core_build_dataset_ms = loaded.build_dataset_ms;
  result.load.core_total_ms = loaded.generate_records_ms + loaded.build_dataset_ms;
  result.rows = loaded.rows;
  log(`workforce-core: ${result.rows} rows, ${loaded.cells} cells, built in ${result.load.core_total_ms.toFixed(0)} ms`);

  // ---- Perspective, in its worker ----
  t0 = now();
  perspective.init_client(fetch('/perspective/wasm/perspective-js.wasm'));
  perspective.init_server(fetch('/perspective/wasm/perspective-server.wasm'));
  const client = await perspective.worker();
  result.load.perspective_start_ms = now() - t0;

  t0 = now();
  const names = await ask('rows');
  const values = names.values;
  const n = values.length;
  const cols = { provider: new Array(n), year: new Array(n), group: new Array(n), category: new Array(n), value: new Array(n) };
  const [np, ny, nc] = [names.providers.length, names.years.length, names.categories.length];
  let i = 0;
  for (let p = 0; p < np; p++) {
    for (let y = 0; y < ny; y++) {
      for (let c = 0; c < nc; c++, i++) {
        cols.provider[i] = names.providers[p];
        cols.year[i] = names.years[y];
        cols.group[i] = names.groups[c];
        cols.category[i] = names.categories[c];
        cols.value[i] = Number.isNaN(values[i]) ? null : values[i];
      }
    }
  }
  result.load.perspective_columns_from_wasm_ms = now() - t0;
  t0 = now();
  const table = await client.table({ provider: 'string', year: 'string', group: 'string', category: 'string', value: 'float' });
  await table.update(cols);
  const size = await table.size();
  result.load.perspective_ingest_ms = now() - t0;
  result.load.perspective_total_ms = result.load.perspective_start_ms + result.load.perspective_columns_from_wasm_ms + result.load.perspective_ingest_ms;
  if (size !== result.rows) throw new Error(`Perspective holds ${size} rows, expected ${result.rows}`);
  log(`Perspective: ${size} rows ingested in ${result.load.perspective_ingest_ms.toFixed(0)} ms`);

  // ---- the queries, one engine after the other for each ----
  for (const { name, spec } of await ask('queries')) {
    const ours = await time(runs, () => ask('query', name));
    // The time the worker spent on the query itself, over a few more calls (not part of the comparison).
    const inside = [];
    for (let k = 0; k < Math.max(runs, 5); k++) inside.push((await ask('query', name)).compute_ms);
    const config = perspectiveConfig(spec, names);
    const theirs = await time(runs, async () => {
      const view = await table.view(config);
      const out = await view.to_columns();
      await view.delete();
      return out;
    });
    const sum = coreChecksum(ours.last);
    const resultCells = ours.last.values.length;
    const notReported = ours.last.not_reported.reduce((a, b) => a + b, 0);
    const pspSum = perspectiveChecksum(theirs.last);
    const entry = {
      name,
      spec: { providers: spec.providers.length || 'all', categories: spec.categories.length, years: spec.years.length || 'all', rows: spec.rows, series: spec.series },
      perspective_config: config,
      core: {
        median_ms: ours.median, min_ms: ours.min, max_ms: ours.max, runs_ms: ours.runs, calls_per_run: ours.reps,
        in_worker_median_ms: median(inside),
        result_rows: ours.last.rows.length, result_series: ours.last.series.length,
        result_cells: resultCells, not_reported_met: notReported, checksum: sum,
      },
      perspective: { median_ms: theirs.median, min_ms: theirs.min, max_ms: theirs.max, runs_ms: theirs.runs, calls_per_run: theirs.reps, checksum: pspSum },
      same_result: Math.abs(sum - pspSum) < 1e-6 * Math.max(1, Math.abs(sum)),
    };
    result.queries.push(entry);
    log(`${name}: core ${ours.median.toFixed(2)} ms, Perspective ${theirs.median.toFixed(2)} ms, checksums ${sum} / ${pspSum}`);
  }
  await table.delete();
  coreWorker.terminate();
  return result;
};

window.scaleBenchReady = true;
