// Time from a paste to the cards on screen, in headless Chromium, for a ~4 KB article and a
// 100 KB paste (analysed on the page), then for long texts analysed in the background worker
// (1 MB and 10 MB pastes, a 50 MB file dropped) with the longest frame and the renderer's
// peak memory; plus the transfer size of a first load. A benchmark, not a test: it prints figures. Run after
// `trunk build --release`: `node tests/browser/bench.mjs [--long-only]`.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from './server.mjs';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const DIST = here('../../dist');
const ARTICLE = readFileSync(here('./fixtures/article.txt'), 'utf8');
const SAMPLE = readFileSync(here('../../src/sample.txt'), 'utf8');

function sized(bytes) {
  let s = '';
  const unit = `${SAMPLE}\n${ARTICLE}\n`;
  while (Buffer.byteLength(s) < bytes) s += unit;
  return s;
}

let raw = 0;
let gz = 0;
for (const name of readdirSync(DIST).filter((n) => !/\.(gz|br)$/.test(n))) {
  const body = readFileSync(`${DIST}/${name}`);
  if (!statSync(`${DIST}/${name}`).isFile()) continue;
  raw += body.length;
  gz += gzipSync(body, { level: 9 }).length;
}
console.log(`dist/: ${(raw / 1024).toFixed(1)} KB raw, ${(gz / 1024).toFixed(1)} KB gzip (first load)`);

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

try {
  const longOnly = process.argv.includes('--long-only');
  for (const [label, bytes, runs] of longOnly ? [] : [['4 KB', 4 << 10, 7], ['100 KB', 100 << 10, 3]]) {
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
        const paste = async (value, marker) => {
          const start = performance.now();
          ta.value = value;
          ta.dispatchEvent(new InputEvent('input', { inputType: 'insertFromPaste', bubbles: true }));
          await new Promise((done) => {
            const check = () => (document.querySelector('.article-text')?.textContent.endsWith(marker)
              && document.querySelector('li.card') ? done() : requestAnimationFrame(check));
            check();
          });
          return performance.now() - start;
        };
        const cold = await paste(t, t.slice(-20));
        // Warm: the rules' word lists and patterns are built on the first analysis only.
        const warmed = await paste(`${warm}\n${t}`, t.slice(-20));
        return [cold, warmed];
      }, { t: text, warm: '全市工业增加值增长5%。' });
      times.push(ms);
      await page.close();
    }
    const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1].toFixed(1);
    console.log(`${label.padStart(6)} paste → cards on screen: first paste (1 s after load) ${median(times.map((t) => t[0]))} ms, `
      + `later pastes ${median(times.map((t) => t[1]))} ms (medians of ${runs} page loads)`);
  }
  await long('1 MB', 1 << 20, 'paste');
  await long('10 MB', 10 << 20, 'paste');
  await long('50 MB', 50 << 20, 'drop');
} finally {
  await browser.close();
  server.close();
}
