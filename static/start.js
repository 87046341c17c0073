// Starts the explorer without an inline script (so a strict Content-Security-Policy needs no
// 'unsafe-inline'). Trunk writes the hashed file names into this script tag's data attributes.
const tag = document.querySelector('script[data-explorer-wasm]');

function fail(reason) {
  const root = document.getElementById('app') || document.body;
  root.textContent = '';
  const box = document.createElement('div');
  box.className = 'load-error';
  box.setAttribute('role', 'alert');
  const title = document.createElement('h1');
  title.textContent = 'This browser could not start the explorer';
  const text = document.createElement('p');
  text.textContent = 'The explorer needs a browser with WebAssembly (any current Chrome, Edge, Firefox or Safari). ' + reason;
  box.append(title, text);
  root.append(box);
}

if (!tag || typeof WebAssembly !== 'object') {
  fail('WebAssembly is not available.');
} else {
  import(tag.dataset.explorerJs)
    .then((bindings) => bindings.default({ module_or_path: tag.dataset.explorerWasm }))
    .catch((err) => fail(String(err && err.message ? err.message : err)));
}
