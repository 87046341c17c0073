#!/usr/bin/env node
// Writes FILE.gz (gzip -9) and FILE.br (brotli quality 11) next to every .html, .js, .mjs, .wasm,
// .css, .svg, .json and .csv file under a directory, for static hosts that serve precompressed files
// (nginx gzip_static / brotli_static, Caddy precompressed, ...).
//
//   node scripts/precompress.mjs [DIR]
//
// DIR defaults to $TRUNK_STAGING_DIR, so Trunk runs it as a post_build hook (see Trunk.toml) and the
// compressed files land in dist/ with the rest of the build. Prints one line per file with sizes.
// As a hook it skips debug builds (`trunk serve`, TRUNK_PROFILE=debug): brotli 11 takes seconds.
// Before compressing, it shortens the names each wasm imports from its glue (shorten_wasm_names.mjs)
// and minifies the JavaScript (terser).

import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

import { shortenNames } from './shorten_wasm_names.mjs';

const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);
export const EXTENSIONS = new Set(['.html', '.js', '.mjs', '.wasm', '.css', '.svg', '.json', '.csv']);

export const gzipBytes = (buf) => gzip(buf, { level: 9 });
export const brotliBytes = (buf) =>
  brotli(buf, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
      [zlib.constants.BROTLI_PARAM_LGWIN]: 24,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buf.length,
    },
  });

async function* files(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* files(full);
    else if (entry.isFile() && EXTENSIONS.has(path.extname(entry.name).toLowerCase())) yield full;
  }
}

/**
 * Minifies the build's JavaScript in place with terser (Trunk's own minifier fails on the
 * wasm-bindgen glue). ES modules (the glue) are minified as modules; classic scripts (the worker's
 * no-modules glue, embed.js) keep their top-level names. The rust link in index.html carries
 * data-integrity="none", so no integrity hash goes stale.
 */
async function minifyScripts(list) {
  const { minify } = await import('terser');
  for (const f of list) {
    const code = await readFile(f, 'utf8');
    const module = /^\s*export\s|\bimport\.meta\b/m.test(code);
    const out = await minify(code, { module, compress: { passes: 2 }, mangle: true, format: { comments: false } });
    if (out.code && out.code.length < code.length) await writeFile(f, out.code);
  }
}

/**
 * Each `X_bg.wasm` with its glue `X.js`: the names the wasm imports from the glue, and the exports
 * the glue calls, made short in both (scripts/shorten_wasm_names.mjs). Before terser, which then sees the glue's new keys.
 */
async function shortenWasmNames(list) {
  for (const wasmPath of list.filter((f) => f.endsWith('_bg.wasm'))) {
    const jsPath = wasmPath.replace(/_bg\.wasm$/, '.js');
    if (!list.includes(jsPath)) continue;
    const out = shortenNames(await readFile(wasmPath), await readFile(jsPath, 'utf8'));
    await Promise.all([writeFile(wasmPath, out.wasm), writeFile(jsPath, out.js)]);
    console.log(`precompress: ${path.basename(wasmPath)}: ${out.imports} import and ${out.exports} export names shortened`);
  }
}

async function main() {
  if (!process.argv[2] && process.env.TRUNK_PROFILE === 'debug') {
    console.log('precompress: debug build, skipped (release builds get .gz and .br files)');
    return;
  }
  const dir = process.argv[2] || process.env.TRUNK_STAGING_DIR;
  if (!dir) {
    console.error('precompress: give a directory, or run as a Trunk hook (TRUNK_STAGING_DIR)');
    process.exit(2);
  }
  const list = [];
  for await (const f of files(dir)) list.push(f);
  list.sort();
  await shortenWasmNames(list);
  await minifyScripts(list.filter((f) => f.endsWith('.js')));
  let total = [0, 0, 0];
  for (const f of list) {
    const raw = await readFile(f);
    const [gz, br] = await Promise.all([gzipBytes(raw), brotliBytes(raw)]);
    await Promise.all([writeFile(f + '.gz', gz), writeFile(f + '.br', br)]);
    total = [total[0] + raw.length, total[1] + gz.length, total[2] + br.length];
    console.log(
      `precompress: ${path.relative(dir, f).padEnd(44)} ${String(raw.length).padStart(9)} B raw ` +
        `${String(gz.length).padStart(8)} B .gz ${String(br.length).padStart(8)} B .br`,
    );
  }
  console.log(
    `precompress: ${list.length} files, ${total[0]} B raw, ${total[1]} B gzip -9, ${total[2]} B brotli 11`,
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    console.error(`precompress: ${e.stack || e}`);
    process.exit(1);
  });
}
