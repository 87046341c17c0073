// The release build ships precompressed copies for static hosts that serve them (Trunk's post_build
// hook runs scripts/precompress.mjs): FILE.gz and FILE.br beside every .html/.js/.wasm/.css/.svg/
// .json/.csv file of dist/, each decompressing to exactly the file.
//
//   trunk build --release --offline && node --test tests/e2e/precompressed.test.mjs

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { DIST, requireBuildAndBrowser } from './support.mjs';

const EXTENSIONS = new Set(['.html', '.js', '.mjs', '.wasm', '.css', '.svg', '.json', '.csv']);

function files(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)],
  );
}

test('dist/ has a .gz and a .br beside every compressible file, each equal to the file once decompressed', () => {
  requireBuildAndBrowser(DIST);
  const list = files(DIST).filter((f) => EXTENSIONS.has(path.extname(f).toLowerCase()));
  assert.ok(list.some((f) => f.endsWith('.wasm')) && list.some((f) => f.endsWith('index.html')), `dist files: ${list}`);
  const problems = [];
  for (const f of list) {
    const raw = readFileSync(f);
    const rel = path.relative(DIST, f);
    for (const [ext, unzip] of [
      ['.gz', zlib.gunzipSync],
      ['.br', zlib.brotliDecompressSync],
    ]) {
      if (!existsSync(f + ext)) {
        problems.push(`${rel}${ext} missing`);
        continue;
      }
      const packed = readFileSync(f + ext);
      if (!unzip(packed).equals(raw)) problems.push(`${rel}${ext} does not decompress to ${rel} (stale?)`);
      if (packed.length >= raw.length && raw.length > 1024) problems.push(`${rel}${ext} is not smaller than ${rel}`);
    }
  }
  assert.deepEqual(problems, []);
});
