// Shortens the names a wasm module imports from its wasm-bindgen JS glue, in both files.
//
// wasm-bindgen names each import after the function and a 16-digit hash
// (`__wbg_addEventListener_f2d27251d333a631`), and the module they come from after the glue
// (`./explorer_bg.js`). The names stand in the wasm's import section and again as the keys of the
// glue's imports object; the hashes do not compress, and the two files are compressed apart. Here
// each import of the glue's module gets a short name (`a`, `b`, … `aa`, …) and the module the name
// `w`, in the wasm and in the glue alike: about 5 KB of brotli off the page's first view. The
// exports the glue calls (`wasm.__wbindgen_malloc`, closures' long mangled names) get short names
// the same way.
//
// Only what this step knows is touched: the import section's names (the code, the exports and
// every other section are copied byte for byte), and in the glue each old name where it stands as
// an object key, `name:`, which must be exactly once; the export section's names, and in the glue
// each `wasm.name` (an export the glue spells as a string keeps its name, and so do all of a glue
// that holds the exports under another name). A glue of another
// shape (a new wasm-bindgen) is an error that stops the build, never a page that fails to load.
//
// Run by scripts/precompress.mjs on each `X_bg.wasm` and its glue `X.js` of a release build,
// before terser minifies the glue. Tested by tests/e2e/shorten_names.test.mjs.

/** The glue's imports module name in the wasm after shortening. */
export const MODULE = 'w';

function readLeb(buf, at) {
  let value = 0;
  let shift = 0;
  let byte;
  do {
    if (at >= buf.length) throw new Error('the wasm ends inside a number');
    byte = buf[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return [value, at];
}

function leb(value) {
  const out = [];
  do {
    let byte = value % 128;
    value = Math.floor(value / 128);
    if (value > 0) byte |= 0x80;
    out.push(byte);
  } while (value > 0);
  return Buffer.from(out);
}

const name = (text) => {
  const bytes = Buffer.from(text, 'utf8');
  return Buffer.concat([leb(bytes.length), bytes]);
};

/** The `n`th short name: a … z, aa, ab, … */
export function shortName(n) {
  let s = '';
  let k = n + 1;
  while (k > 0) {
    k -= 1;
    s = String.fromCharCode(97 + (k % 26)) + s;
    k = Math.floor(k / 26);
  }
  return s;
}

/** Skips one import's description (function, table, memory, global or tag) from `at`. */
function skipDescription(buf, at) {
  const kind = buf[at++];
  const limits = () => {
    const flags = buf[at++];
    [, at] = readLeb(buf, at);
    if (flags & 1) [, at] = readLeb(buf, at);
  };
  if (kind === 0) [, at] = readLeb(buf, at);
  else if (kind === 1) {
    at += 1; // reference type
    limits();
  } else if (kind === 2) limits();
  else if (kind === 3) at += 2; // value type, mutability
  else if (kind === 4) [, at] = readLeb(buf, at + 1);
  else throw new Error(`an import of unknown kind ${kind}`);
  return at;
}

/** Each section of `wasm`: `[id, body]`, in order. */
function* sections(wasm) {
  if (wasm.length < 8 || wasm.readUInt32LE(0) !== 0x6d736100) throw new Error('not a wasm module');
  let at = 8;
  while (at < wasm.length) {
    const [size, bodyAt] = readLeb(wasm, at + 1);
    yield [wasm[at], wasm.subarray(bodyAt, bodyAt + size)];
    at = bodyAt + size;
  }
}

/**
 * The entries of an import (id 2) or export (id 7) section's `body`: `{ module, field, rest }`
 * each (`module` only for imports; `rest`, the bytes after the names, as they are).
 */
function entries(id, body) {
  const list = [];
  let [count, p] = readLeb(body, 0);
  const text = () => {
    const [length, start] = readLeb(body, p);
    p = start + length;
    return body.subarray(start, p).toString('utf8');
  };
  for (let i = 0; i < count; i++) {
    const module = id === 2 ? text() : undefined;
    const field = text();
    const restAt = p;
    if (id === 2) p = skipDescription(body, p);
    else [, p] = readLeb(body, p + 1);
    list.push({ module, field, rest: body.subarray(restAt, p) });
  }
  if (p !== body.length) throw new Error(`the ${id === 2 ? 'import' : 'export'} section has bytes after its last entry`);
  return list;
}

/** `wasm` with its section `id` written from `list` (as `entries` reads it); the rest as it is. */
function withEntries(wasm, id, list) {
  const parts = [wasm.subarray(0, 8)];
  for (const [sectionId, body] of sections(wasm)) {
    const out = sectionId !== id ? body
      : Buffer.concat([leb(list.length), ...list.flatMap((e) => [...(e.module === undefined ? [] : [name(e.module)]), name(e.field), e.rest])]);
    parts.push(Buffer.from([sectionId]), leb(out.length), out);
  }
  return Buffer.concat(parts);
}

/** The entries of `wasm`'s import (2) or export (7) section; none if it has none. */
function entriesOf(wasm, id) {
  for (const [sectionId, body] of sections(wasm)) if (sectionId === id) return entries(id, body);
  return [];
}

/**
 * Returns `{ wasm, js, renamed }`: the module and its glue with the glue module's imports named
 * short, and how many were renamed. The glue module is the one the wasm imports from whose name
 * ends in `_bg.js` (`./explorer_bg.js`; there must be exactly one). Throws if either file is not of
 * the shape described above.
 */
export function shortenImportNames(wasm, js) {
  const imports = entriesOf(wasm, 2);
  const glues = [...new Set(imports.map((e) => e.module))].filter((m) => m.endsWith('_bg.js'));
  if (glues.length !== 1) throw new Error(`expected the wasm to import from one glue module (*_bg.js), found ${glues.length}`);
  const glueModule = glues[0];
  const quotedModule = JSON.stringify(glueModule);
  if (js.split(`${quotedModule}:`).length !== 2) throw new Error(`the glue does not name its imports module ${quotedModule} once`);
  const renames = [];
  for (const e of imports.filter((e) => e.module === glueModule)) {
    const short = shortName(renames.length);
    renames.push([e.field, short]);
    Object.assign(e, { module: MODULE, field: short });
  }
  // Each old name is a key of the glue's imports object, once, and nowhere else.
  const keys = new Map(renames);
  const pattern = /([A-Za-z_$][\w$]*)(\s*:)/g;
  let found = 0;
  let out = js.replace(pattern, (whole, key, colon) => {
    if (!keys.has(key)) return whole;
    found += 1;
    return keys.get(key) + colon;
  });
  if (found !== renames.length) throw new Error(`the glue has ${found} keys for the wasm's ${renames.length} imports`);
  for (const [old] of renames) {
    if (out.includes(old)) throw new Error(`the glue still names ${old} after its key was renamed`);
  }
  out = out.replace(`${quotedModule}:`, `${JSON.stringify(MODULE)}:`);
  return { wasm: withEntries(wasm, 2, imports), js: out, renamed: renames.length };
}

/** Escapes `text` for a regular expression. */
const literal = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Returns `{ wasm, js, renamed }`: the module and its glue with each export the glue calls as
 * `wasm.name` (and never spells as a string) given a short name in both. A glue that does not hold the
 * exports as `wasm` (`wasm = instance.exports`, as the worker's glue Trunk has minified already)
 * is returned as it is: an export left its name never breaks the page.
 */
export function shortenExportNames(wasm, js) {
  const exports = entriesOf(wasm, 7);
  if (!/\bwasm = instance\.exports;/.test(js)) return { wasm, js, renamed: 0 };
  const renames = [];
  for (const e of exports) {
    // Called as `wasm.name`, and never spelled in quotes (a lookup by name); a JS function of
    // the same name is a binding of its own, which terser renames anyway.
    const called = new RegExp(`\\bwasm\\.${literal(e.field)}(?![\\w$])`).test(js);
    const spelled = new RegExp(`["'\`]${literal(e.field)}["'\`]`).test(js);
    if (called && !spelled) {
      const short = shortName(renames.length);
      renames.push([e.field, short]);
      e.field = short;
    }
  }
  let out = js;
  for (const [old, short] of renames) {
    out = out.replace(new RegExp(`\\bwasm\\.${literal(old)}(?![\\w$])`, 'g'), `wasm.${short}`);
  }
  return { wasm: withEntries(wasm, 7, exports), js: out, renamed: renames.length };
}

/** Both: the glue's imports and the exports it calls, named short (see the top of this file). */
export function shortenNames(wasm, js) {
  const imports = shortenImportNames(wasm, js);
  const exports = shortenExportNames(imports.wasm, imports.js);
  return { wasm: exports.wasm, js: exports.js, imports: imports.renamed, exports: exports.renamed };
}
