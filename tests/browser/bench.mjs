// The figures of issue 12's table, in headless Chromium and in wasm under Node:
// - the first load's transfer size (gzip and brotli);
// - each pipeline stage in wasm (normalise, segment, scan, read, cards, render to JSON), and the
//   time the rules take to get ready after the wasm starts (the npm crate's `stages`, built with
//   its `bench` feature at the page's opt-level z and wasm-opt -Oz);
// - the time from a paste to the cards on screen for 4 KB and 30 KB (first and later paste):
//   until the frame that shows the new text's first words and a screenful of its cards (all of
//   them when fewer fill the screen) is painted;
// - the longest main-thread task (Long Tasks API) during 4 KB, 250 KB and 1 MB pastes;
// - long texts analysed in the background worker (1 MB and 10 MB pastes, a 50 MB file dropped)
//   with the longest frame and the renderer's peak memory.
// A benchmark, not a test: it prints figures. Run after `trunk build --release`:
// `node tests/browser/bench.mjs [--short] [--long-only] [--page]` (`--short`: no 1/10/50 MB
// texts; `--page`: only the page's figures, not the wasm stages under Node).
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from './server.mjs';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const ROOT = here('../..');
const DIST = here('../../dist');
const ARTICLE = readFileSync(here('./fixtures/article.txt'), 'utf8');
const SAMPLE = readFileSync(here('../../src/sample.txt'), 'utf8');
const longOnly = process.argv.includes('--long-only');
const short = process.argv.includes('--short');
const pageOnly = process.argv.includes('--page');

function sized(bytes) {
  let s = '';
  const unit = `${SAMPLE}\n${ARTICLE}\n`;
  while (Buffer.byteLength(s) < bytes) s += unit;
  return s;
}

/** The wasm core with its `stages` entry, for Node, built as the page's is (opt-level z). */
function stagesModule() {
  const target = `${ROOT}/js/target/bench`;
  execFileSync('cargo', ['build', '--quiet', '--release', '--target', 'wasm32-unknown-unknown',
    '--manifest-path', `${ROOT}/js/Cargo.toml`, '--features', 'bench'], {
    stdio: 'inherit',
    env: { ...process.env, CARGO_TARGET_DIR: target, CARGO_PROFILE_RELEASE_OPT_LEVEL: 'z' },
  });
  const out = `${target}/node`;
  execFileSync('wasm-bindgen', ['--target', 'nodejs', '--out-name', 'zhibiao', '--out-dir', out,
    `${target}/wasm32-unknown-unknown/release/zhibiao_js.wasm`], { stdio: 'inherit' });
  execFileSync('wasm-opt', ['-Oz', '--enable-bulk-memory', '--enable-nontrapping-float-to-int',
    '--enable-sign-ext', '--enable-mutable-globals', '--enable-reference-types',
    '--enable-multivalue', `${out}/zhibiao_bg.wasm`, '-o', `${out}/zhibiao_bg.wasm`], { stdio: 'inherit' });
  return createRequire(import.meta.url)(`${out}/zhibiao.js`);
}

if (!longOnly && !pageOnly) {
  const wasm = stagesModule();
  const names = ['normalise', 'segment', 'scan', 'read', 'cards', 'render'];
  console.log(`wasm (Node): rules ready ${wasm.stages('', 1)[0].toFixed(1)} ms after the first analysis began`);
  for (const [label, bytes, runs] of [['4 KB', 4 << 10, 30], ['250 KB', 250 << 10, 5], ['10 MB', 10 << 20, 1]]) {
    const text = longText(bytes);
    const ms = [...wasm.stages(text, runs)].slice(1);
    const mb = Buffer.byteLength(text) / 1e6;
    const all = ms.reduce((a, b) => a + b, 0);
    const slowest = names[ms.indexOf(Math.max(...ms))];
    console.log(`wasm stages, ${label}: ${names.map((n, i) => `${n} ${(mb / ms[i] * 1000).toFixed(0)}`).join(' ')} MB/s; `
      + `all ${(mb / all * 1000).toFixed(1)} MB/s (${all.toFixed(1)} ms); slowest: ${slowest}`);
  }
}

let raw = 0;
let gz = 0;
let br = 0;
for (const name of readdirSync(DIST).filter((n) => !/\.(gz|br)$/.test(n))) {
  const body = readFileSync(`${DIST}/${name}`);
  if (!statSync(`${DIST}/${name}`).isFile()) continue;
  raw += body.length;
  gz += gzipSync(body, { level: 9 }).length;
  br += brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
}
console.log(`dist/: ${(raw / 1024).toFixed(1)} KB raw, ${(gz / 1024).toFixed(1)} KB gzip, `
  + `${(br / 1024).toFixed(1)} KB brotli (first load)`);

const { server, url } = await serve(DIST);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--no-first-run', '--disable-quic', '--disable-sync'],
});
/** Resident memory (KB) of Chromium's renderer processes (the page and its workers). */
function rendererKb() {
  const out = execFileSync('ps', ['-C', 'chromium', '-o', 'rss=,args='], { encoding: 'utf8' });
  return out.split('\n').filter((l) => l.includes('--type=renderer'))
    .reduce((sum, l) => sum + Number(l.trim().split(/\s+/)[0]), 0);
}

/** A long text of new facts: the two articles in turn, each copy's numbers shifted. */
function longText(bytes) {
  const parts = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const part = (i % 2 ? ARTICLE : SAMPLE).replaceAll('2024', String(1900 + (i % 120)))
      .replace(/(\d+)\.(\d+)/g, (_, x, y) => `${Number(x) + (i % 997)}.${y}`);
    parts.push(part);
    size += Buffer.byteLength(part) + 1;
  }
  return parts.join('\n');
}

async function long(label, bytes, how) {
  const page = await browser.newPage();
  await page.goto(url);
  await page.waitForSelector('#article-input');
  await page.waitForTimeout(500);
  // The text is written into the page in pieces, so the test connection never carries it whole.
  const text = longText(bytes);
  await page.evaluate(() => { window.parts = []; });
  for (let i = 0; i < text.length; i += 1 << 20) {
    await page.evaluate((p) => window.parts.push(p), text.slice(i, i + (1 << 20)));
  }
  const base = rendererKb();
  let peak = base;
  const poll = setInterval(() => { peak = Math.max(peak, rendererKb()); }, 100);
  const r = await page.evaluate(async (how) => {
    const text = window.parts.join('');
    window.parts = null;
    let longest = 0;
    let last = performance.now();
    const start = last;
    const data = new DataTransfer();
    if (how === 'drop') data.items.add(new File([text], 'year.txt', { type: 'text/plain' }));
    else data.setData('text/plain', text);
    const target = how === 'drop' ? document.querySelector('.app') : document.querySelector('#article-input');
    const Event = how === 'drop' ? DragEvent : ClipboardEvent;
    target.dispatchEvent(new Event(how === 'drop' ? 'drop' : 'paste',
      { [how === 'drop' ? 'dataTransfer' : 'clipboardData']: data, bubbles: true, cancelable: true }));
    await new Promise((done) => {
      const tick = (now) => {
        longest = Math.max(longest, now - last);
        last = now;
        if (document.querySelector('li.card')) done(); else requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    return { ms: performance.now() - start, longest, count: document.querySelector('.count')?.textContent };
  }, how);
  clearInterval(poll);
  console.log(`${label.padStart(6)} ${how} → cards on screen: ${(r.ms / 1000).toFixed(1)} s, longest frame `
    + `${Math.round(r.longest)} ms, renderer memory peak ${Math.round(peak / 1024)} MB `
    + `(${Math.round(base / 1024)} MB before; ${r.count})`);
  await page.close();
}

/**
 * The longest main-thread task (ms; 0 when none reached 50 ms) from a paste of `bytes` of new
 * facts into the box until every card is on screen and the page is idle again.
 */
async function longestTask(bytes) {
  // Through the real clipboard: the browser inserts a plain paste into the empty box itself.
  const context = await browser.newContext({ locale: 'zh-CN' });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(url).origin });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForSelector('#article-input');
  await page.waitForTimeout(1000);
  await page.evaluate((t) => navigator.clipboard.writeText(t), longText(bytes));
  await page.evaluate(() => {
    window.longest = 0;
    window.observer = new PerformanceObserver((list) => list.getEntries()
      .forEach((e) => { window.longest = Math.max(window.longest, e.duration); }));
    window.observer.observe({ type: 'longtask' });
  });
  await page.focus('#article-input');
  await page.keyboard.press('Control+V');
  await page.waitForSelector('li.card', { timeout: 120_000 });
  await page.waitForFunction(() => !document.querySelector('.progress-panel'));
  // Until the page has been idle for a moment: the last cards and the article are in.
  const longest = await page.evaluate(async () => {
    await new Promise((done) => requestIdleCallback(done, { timeout: 2000 }));
    await new Promise((done) => setTimeout(done, 300));
    window.observer.takeRecords().forEach((e) => { window.longest = Math.max(window.longest, e.duration); });
    return window.longest;
  });
  await context.close();
  return longest;
}

try {
  for (const [label, bytes, runs] of longOnly ? [] : [['4 KB', 4 << 10, 7], ['30 KB', 30 << 10, 5]]) {
    const text = sized(bytes).slice(0, bytes);
    const times = [];
    for (let i = 0; i < runs; i++) {
      const page = await browser.newPage();
      await page.goto(url);
      await page.waitForSelector('#article-input');
      // A reader pastes a moment after the page appears; the app warms up meanwhile.
      await page.waitForTimeout(1000);
      const ms = await page.evaluate(async ({ t, warm }) => {
        const ta = document.querySelector('#article-input');
        // Until the new text's cards and its first words are on screen (a later paste starts
        // with other words, so the cards of the one before do not count).
        const paste = async (value) => {
          const start = performance.now();
          // Over the box's text, as a reader's paste does: the page takes it when the box is no
          // place for it, else the browser inserts it.
          ta.select();
          const data = new DataTransfer();
          data.setData('text/plain', value);
          const event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
          ta.dispatchEvent(event);
          if (!event.defaultPrevented) {
            ta.value = value;
            ta.dispatchEvent(new InputEvent('input', { inputType: 'insertFromPaste', bubbles: true }));
          }
          const head = value.slice(0, 20);
          // What a reader sees: the new text's words and a screenful of its cards (every card
          // when fewer fill the screen), checked before each frame is painted ...
          const screenful = () => {
            const list = document.querySelector('.card-list');
            const cards = list?.querySelectorAll('li.card');
            if (!cards?.length) return false;
            return list.getAttribute('aria-busy') === 'false'
              || cards[cards.length - 1].getBoundingClientRect().top >= innerHeight;
          };
          await new Promise((done) => {
            const check = () => (document.querySelector('.article-text')?.textContent.startsWith(head)
              && screenful() ? done() : requestAnimationFrame(check));
            requestAnimationFrame(check);
          });
          // ... and that frame painted: a task queued from its animation frame runs after it.
          await new Promise((done) => setTimeout(done, 0));
          return performance.now() - start;
        };
        const cold = await paste(t);
        // Warm: the rules' word lists and patterns are built on the first analysis only.
        const warmed = await paste(`${warm}\n${t}`);
        return [cold, warmed];
      }, { t: text, warm: '全市工业增加值增长5%。' });
      times.push(ms);
      await page.close();
    }
    const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1].toFixed(1);
    console.log(`${label.padStart(6)} paste → cards on screen: first paste (1 s after load) ${median(times.map((t) => t[0]))} ms, `
      + `later pastes ${median(times.map((t) => t[1]))} ms (medians of ${runs} page loads)`);
  }
  for (const [label, bytes] of longOnly ? [] : [['4 KB', 4 << 10], ['250 KB', 250 << 10], ['1 MB', 1 << 20]]) {
    const tasks = [];
    for (let i = 0; i < 3; i++) tasks.push(await longestTask(bytes));
    console.log(`${label.padStart(6)} paste: longest main-thread task ${tasks.map((t) => Math.round(t)).join(', ')} ms `
      + '(3 page loads; Long Tasks API, tasks over 50 ms)');
  }
  if (!short) {
    await long('1 MB', 1 << 20, 'paste');
    await long('10 MB', 10 << 20, 'paste');
    await long('50 MB', 50 << 20, 'drop');
  }
} finally {
  await browser.close();
  server.close();
}
