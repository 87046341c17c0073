#!/usr/bin/env node
// Builds the Plot page the benchmark compares the explorer's first chart with (bench/run.mjs):
// main.js and what it imports (Observable Plot, d3) bundled and minified by esbuild into one file,
// index.html copied beside it, and FILE.br (brotli 11) and FILE.gz (gzip -9) written beside each,
// with scripts/precompress.mjs's settings, as the explorer's release build has them.
//
//   node bench/plot/build.mjs OUT_DIR        # scripts/bench.sh: target/bench/plot
//
// The page fetches ../datasets/staff-occupation.csv: bench/run.mjs serves OUT_DIR at /plot/ beside
// the explorer's dist/, so it gets the very file the explorer serves.

import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { brotliBytes, gzipBytes } from '../../scripts/precompress.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const out = process.argv[2];
if (!out) {
  console.error('usage: node bench/plot/build.mjs OUT_DIR');
  process.exit(2);
}

await rm(out, { recursive: true, force: true });
await mkdir(out, { recursive: true });
await build({
  entryPoints: [path.join(HERE, 'main.js')],
  outfile: path.join(out, 'main.js'),
  bundle: true,
  minify: true,
  format: 'esm',
  target: 'es2020',
  logLevel: 'warning',
});
await copyFile(path.join(HERE, 'index.html'), path.join(out, 'index.html'));
for (const name of ['index.html', 'main.js']) {
  const file = path.join(out, name);
  const raw = await readFile(file);
  const [gz, br] = await Promise.all([gzipBytes(raw), brotliBytes(raw)]);
  await writeFile(file + '.gz', gz);
  await writeFile(file + '.br', br);
  console.log(`plot page: ${name.padEnd(10)} ${String(raw.length).padStart(8)} B raw ${String(gz.length).padStart(7)} B .gz ${String(br.length).padStart(7)} B .br`);
}
