// The analysis of the page's texts (started by src/app/worker.rs). The page first posts the
// wasm module it compiled and checked with the wasm-bindgen glue's URL and integrity hash
// (`init`): the worker loads them and warms the rules up before any text arrives. Then each
// `job` is a text: this worker runs the same Rust core on it and posts back its progress (when
// the job asks: a short text's would only be messages the page has to take and ignore), then
// its result, the cards in slices of JSON. One text at a time; the page ends a worker that is
// busy when a newer text comes, and keeps an idle one for the next.
let ready;

// Slices of cards (of 50: src/app/worker.rs) sent with a result's head.
const FIRST_SLICES = 4;

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
    // A short result is one message. A long one is its head and first slices, then a message
    // per slice: the page receives each in a short task of its own, where one message of
    // megabytes took a long task (and a long garbage collection) to receive.
    const first = cards.splice(0, FIRST_SLICES);
    self.postMessage({ type: 'done', text: reduced, head, cards: first, more: cards.length });
    for (const slice of cards) self.postMessage({ type: 'cards', cards: slice });
  } catch (err) {
    self.postMessage({ type: 'error', message: String(err && err.message ? err.message : err) });
  }
};
