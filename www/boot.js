// Starts the app. Trunk names the wasm-bindgen files (with content hashes) in this script's
// data attributes (see `pattern_script` in Trunk.toml); loading them from a file instead of
// Trunk's inline script lets the Content-Security-Policy forbid inline scripts.
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
try {
  const js = new URL(me.dataset.zbJs, document.baseURI);
  const wasm = new URL(me.dataset.zbWasm, document.baseURI);
  const { default: init } = await import(js.href);
  await init({ module_or_path: wasm });
} catch (err) {
  const box = document.querySelector('#app .loading');
  if (box) box.remove();
  fatal(err && err.message ? err.message : err);
}
