// Starts the app. Trunk names the wasm-bindgen files (with content hashes) in this script's
// data attributes (see `pattern_script` in Trunk.toml); loading them from a file instead of
// Trunk's inline script lets the Content-Security-Policy forbid inline scripts. Every file is
// checked against its Subresource Integrity hash (Trunk's preload links, scripts/sri.mjs):
// a changed file is refused, never run.
const fatal = (detail) => {
  const box = document.getElementById('fatal');
  document.getElementById('fatal-detail').textContent = String(detail);
  box.hidden = false;
};

// The reset button works even when the wasm has stopped (after a panic).
document.getElementById('fatal-reset').addEventListener('click', () => {
  try {
    localStorage.removeItem('zhibiao.article');
    localStorage.removeItem('zhibiao.source');
    localStorage.removeItem('zhibiao.workspace');
  } catch (_) {
    // Storage refused: reloading is all we can do.
  }
  location.reload();
});

// The offline copy (www/sw.js), where the browser allows service workers (https, localhost).
if ('serviceWorker' in navigator && window.isSecureContext) {
  navigator.serviceWorker.register(new URL('sw.js', document.baseURI)).catch(() => {
    // No offline copy: the app still works online.
  });
}

const me = document.querySelector('script[data-zb-js]');
const at = (name) => new URL(name, document.baseURI).href;
// The hash Trunk gave the preload link of `href`.
const integrityOf = (href) => [...document.querySelectorAll('link[integrity]')]
  .find((link) => link.href === href)?.integrity ?? '';

async function compile(wasm) {
  const response = await fetch(wasm, { integrity: integrityOf(wasm) });
  if (!response.ok) throw new Error(`${wasm}: HTTP ${response.status}`);
  try {
    return await WebAssembly.compileStreaming(response.clone());
  } catch (_) {
    // A host that serves .wasm with another type: compile from the bytes instead.
    return WebAssembly.compile(await response.arrayBuffer());
  }
}

// The background worker for long texts (src/app/worker.rs) gets the checked module and runs
// only a checked worker.js; without one, long texts are analysed on the page instead.
async function workerScript() {
  const url = at(me.dataset.zbWorker);
  try {
    const response = await fetch(url, { integrity: me.dataset.zbWorkerIntegrity });
    return response.ok ? url : undefined;
  } catch (_) {
    return undefined;
  }
}

try {
  const js = at(me.dataset.zbJs);
  const [module, worker] = await Promise.all([compile(at(me.dataset.zbWasm)), workerScript()]);
  globalThis.zhibiaoWorker = { url: worker, js, integrity: integrityOf(js), module };
  const { default: init } = await import(js);
  await init({ module_or_path: module });
} catch (err) {
  const box = document.querySelector('#app .loading');
  if (box) box.remove();
  fatal(err && err.message ? err.message : err);
}
