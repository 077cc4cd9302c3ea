// Time from a paste to the cards on screen, in headless Chromium, for a ~4 KB article and a
// 1 MB paste, plus the transfer size of a first load. A benchmark, not a test: it prints
// figures. Run after `trunk build --release`: `node tests/browser/bench.mjs`.
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
for (const name of readdirSync(DIST)) {
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
try {
  for (const [label, bytes, runs] of [['4 KB', 4 << 10, 7], ['100 KB', 100 << 10, 3], ['1 MB', 1 << 20, 2]]) {
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
} finally {
  await browser.close();
  server.close();
}
