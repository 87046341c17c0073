// scripts/shorten_wasm_names.mjs: the names a wasm imports from its glue, and the exports the glue
// calls, made short in both files, the module still valid and linked by the same functions; a glue
// of another shape refused.
//   node --test tests/e2e/shorten_names.test.mjs
import assert from 'node:assert/strict';
import test from 'node:test';

import { MODULE, shortName, shortenExportNames, shortenImportNames, shortenNames } from '../../scripts/shorten_wasm_names.mjs';

const leb = (n) => {
  const out = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n) b |= 0x80;
    out.push(b);
  } while (n);
  return out;
};
const str = (s) => [...leb(Buffer.byteLength(s)), ...Buffer.from(s)];
const section = (id, bytes) => [id, ...leb(bytes.length), ...bytes];

/** A module importing `funcs` (module, name) as `() -> i32`, a memory from `env`, and exporting
 * `run`, which calls the first import. */
function module(funcs) {
  const types = section(1, [1, 0x60, 0, 1, 0x7f]);
  const imports = section(2, [
    ...leb(funcs.length + 1),
    ...funcs.flatMap(([m, n]) => [...str(m), ...str(n), 0, 0]),
    ...str('env'), ...str('memory'), 2, 0, 1,
  ]);
  const functions = section(3, [1, 0]);
  const exports = section(7, [1, ...str('run'), 0, funcs.length]);
  const code = section(10, [1, ...section(0, [0, 0x10, 0, 0x0b]).slice(1)]);
  return Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, ...types, ...imports, ...functions, ...exports, ...code]);
}

const GLUE = `function __wbg_get_imports() {
    const import0 = {
        __proto__: null,
        __wbg_answer_0123456789abcdef: function() { return 42; },
        __wbg_other_fedcba9876543210: function() { return 7; },
        __wbindgen_init_externref_table: function() {},
    };
    return { __proto__: null, "./page_bg.js": import0 };
}`;

test('short names: a to z, then two letters', () => {
  assert.deepEqual([0, 1, 25, 26, 27, 701, 702].map(shortName), ['a', 'b', 'z', 'aa', 'ab', 'zz', 'aaa']);
});

test('the glue module\'s imports get short names in the wasm and the glue, and still link', async () => {
  const wasm = module([
    ['./page_bg.js', '__wbg_answer_0123456789abcdef'],
    ['./page_bg.js', '__wbg_other_fedcba9876543210'],
    ['./page_bg.js', '__wbindgen_init_externref_table'],
  ]);
  const out = shortenImportNames(wasm, GLUE);
  assert.equal(out.renamed, 3);
  const compiled = new WebAssembly.Module(out.wasm);
  assert.deepEqual(
    WebAssembly.Module.imports(compiled).map((i) => `${i.module}.${i.name}`),
    [`${MODULE}.a`, `${MODULE}.b`, `${MODULE}.c`, 'env.memory'],
  );
  assert.ok(out.wasm.length < wasm.length);
  assert.doesNotMatch(out.js, /__wbg_answer|__wbg_other|__wbindgen_init_externref_table|page_bg/);
  // The renamed glue links the renamed wasm: the export calls the glue's first function.
  const imports = new Function(`${out.js}; return __wbg_get_imports();`)();
  const instance = await WebAssembly.instantiate(compiled, { ...imports, env: { memory: new WebAssembly.Memory({ initial: 1 }) } });
  assert.equal(instance.exports.run(), 42);
});

test('a glue of another shape is refused, not half renamed', () => {
  const wasm = module([['./page_bg.js', '__wbg_answer_0123456789abcdef']]);
  assert.throws(() => shortenImportNames(wasm, GLUE.replace('__wbg_answer_0123456789abcdef:', 'x:')), /keys for the wasm's 1 imports/);
  assert.throws(
    () => shortenImportNames(wasm, GLUE.replace('return 42;', 'return 42; /* __wbg_answer_0123456789abcdef: */')),
    /2 keys for the wasm's 1 imports/,
  );
  assert.throws(() => shortenImportNames(wasm, GLUE.replace('"./page_bg.js"', '"./other.js"')), /does not name its imports module/);
  assert.throws(() => shortenImportNames(module([['env', 'f']]), GLUE), /one glue module/);
  assert.throws(() => shortenImportNames(Buffer.from('not wasm'), GLUE), /not a wasm module/);
});

test('the exports the glue calls as wasm.name get short names; others keep theirs', async () => {
  const wasm = module([['./page_bg.js', '__wbg_answer_0123456789abcdef']]);
  const glue = `${GLUE}
let wasm;
function start(instance) { wasm = instance.exports; return wasm.run(); }`;
  const out = shortenNames(wasm, glue);
  assert.deepEqual([out.imports, out.exports], [1, 1]);
  const compiled = new WebAssembly.Module(out.wasm);
  assert.deepEqual(WebAssembly.Module.exports(compiled).map((e) => e.name), ['a']);
  const imports = new Function(`${out.js}; return __wbg_get_imports();`)();
  const instance = await WebAssembly.instantiate(compiled, { ...imports, env: { memory: new WebAssembly.Memory({ initial: 1 }) } });
  const runGlue = new Function('instance', `${out.js}; return start(instance);`);
  assert.equal(runGlue(instance), 42);
  // Spelled as a string too (a lookup by name), the export keeps its name.
  const kept = shortenExportNames(wasm, `${glue}\nconst spelled = "run";`);
  assert.equal(kept.renamed, 0);
  assert.deepEqual(WebAssembly.Module.exports(new WebAssembly.Module(kept.wasm)).map((e) => e.name), ['run']);
  // A glue holding the exports under another name (minified already) is left as it is.
  const other = shortenExportNames(wasm, GLUE);
  assert.equal(other.renamed, 0);
  assert.equal(other.js, GLUE);
});
