// The analysis of the page's texts (started by src/app/worker.rs). The page first posts the
// wasm module it compiled and checked with the wasm-bindgen glue's URL and integrity hash
// (`init`): the worker loads them and warms the rules up before any text arrives. Then each
// `job` is a text: this worker runs the same Rust core on it and posts back its progress (when
// the job asks: a short text's would only be messages the page has to take and ignore), then
// the whole result in one message, its cards in slices. One text at a time; the page ends a worker that is busy when a newer
// text comes, and keeps an idle one for the next.
let ready;

async function load({ js, integrity, module }) {
  // The glue must be the file the page checked: its hash is checked before it is imported.
  if (integrity) {
    const check = await fetch(js, { integrity });
    if (!check.ok) throw new Error(`${js}: HTTP ${check.status}`);
  }
  const glue = await import(js);
  await glue.default({ module_or_path: module });
  glue.warmUp();
  return glue;
}

self.onmessage = async ({ data }) => {
  if (data.type === 'init') {
    ready = load(data);
    // A failure is reported with the first job.
    ready.catch(() => {});
    return;
  }
  const { source, text, html, include, progress } = data;
  const report = progress ? (value) => self.postMessage({ type: 'progress', value }) : () => {};
  try {
    const glue = await ready;
    const [reduced, head, cards] = glue.analyzeInWorker(source, text, html, Uint32Array.from(include ?? []), report);
    self.postMessage({ type: 'done', text: reduced, head, cards });
  } catch (err) {
    self.postMessage({ type: 'error', message: String(err && err.message ? err.message : err) });
  }
};
