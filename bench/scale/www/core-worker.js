// workforce-core in a Web Worker, for the scale benchmark (bench/scale/www/scale.js), as FINOS
// Perspective runs its engine in a worker of its own. The page sends { id, op, arg } and gets back
// { id, ok, value } (or { id, ok: false, error }); a query's answer is its finished result as
// labelled columns, copied to the page by postMessage (structured clone).

import init, * as core from '/pkg/scale_bench.js';

const now = () => performance.now();
/** An answer whose buffers are moved to the page rather than copied. */
class Moved {
  constructor(value, buffers) {
    this.value = value;
    this.buffers = buffers;
  }
}

const ops = {
  /** Fetches and instantiates the wasm, generates the rows and builds the cube; times each step here. */
  async load() {
    let t0 = now();
    await init({ module_or_path: '/pkg/scale_bench_bg.wasm' });
    const wasm_init_ms = now() - t0;
    t0 = now();
    const rows = core.generate_records();
    const generate_records_ms = now() - t0;
    t0 = now();
    const cells = core.build_dataset();
    const build_dataset_ms = now() - t0;
    return { rows, cells, wasm_init_ms, generate_records_ms, build_dataset_ms };
  },
  /** The dictionaries and every row's value (NaN = not reported), to hand the same rows to Perspective. */
  rows() {
    const values = core.values();
    const value = {
      providers: core.provider_names(),
      years: core.year_names(),
      categories: core.category_names(),
      groups: core.category_groups(),
      values,
    };
    return new Moved(value, [values.buffer]);
  },
  queries() {
    return core.query_names().map((name) => ({ name, spec: JSON.parse(core.query_spec_json(name)) }));
  },
  /** One query: `Query::run` and its result as columns; `compute_ms` is that call alone, timed in here. */
  query(name) {
    const t0 = now();
    const r = core.run_query(name);
    const value = { rows: r.rows(), series: r.series(), values: r.values(), not_reported: r.not_reported() };
    r.free();
    value.compute_ms = now() - t0;
    return new Moved(value, [value.values.buffer, value.not_reported.buffer]);
  },
};

self.onmessage = async (e) => {
  const { id, op, arg } = e.data;
  try {
    const out = await ops[op](arg);
    if (out instanceof Moved) self.postMessage({ id, ok: true, value: out.value }, out.buffers);
    else self.postMessage({ id, ok: true, value: out });
  } catch (err) {
    self.postMessage({ id, ok: false, error: String(err?.stack || err) });
  }
};
