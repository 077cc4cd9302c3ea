// The background analysis of long texts (started by src/app/worker.rs). The page posts the
// wasm module it compiled and checked, the wasm-bindgen glue's URL and integrity hash, and the
// text; this worker runs the same Rust core and posts back its progress, then the cards.
// One text per worker: the page ends the worker when it is done or cancelled.
self.onmessage = async ({ data }) => {
  const { js, integrity, module, source, text, html, include } = data;
  try {
    // The glue must be the file the page checked: its hash is checked before it is imported.
    if (integrity) {
      const check = await fetch(js, { integrity });
      if (!check.ok) throw new Error(`${js}: HTTP ${check.status}`);
    }
    const glue = await import(js);
    await glue.default({ module_or_path: module });
    const [reduced, json] = glue.analyzeInWorker(source, text, html, Uint32Array.from(include ?? []), (value) => {
      self.postMessage({ type: 'progress', value });
    });
    self.postMessage({ type: 'done', text: reduced, json });
  } catch (err) {
    self.postMessage({ type: 'error', message: String(err && err.message ? err.message : err) });
  }
};
