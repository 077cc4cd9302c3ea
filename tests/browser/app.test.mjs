// Browser tests of the web app in dist/ (build it first: scripts/browser-test.sh does).
//
// One headless Chromium, one page that goes through the app the way a reader would: paste,
// read the cards, click between cards and text, filter, export, reload, switch language,
// paste hostile HTML. Every request, console message and dialog of the whole run is recorded
// and checked at the end. Screenshots of the main states go to artifacts/ (not committed).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { serve } from './server.mjs';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const ROOT = join(HERE, '..', '..');
const DIST = join(ROOT, 'dist');
const ARTIFACTS = join(HERE, 'artifacts');
const ARTICLE = readFileSync(join(HERE, 'fixtures', 'article.txt'), 'utf8');

const CHROMIUM = {
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--no-first-run', '--disable-quic', '--disable-sync',
  ],
};

let server, url, origin, browser, context, page;
const requests = [];
const problems = [];
const dialogs = [];

/** Record everything the page does that the last tests check. */
function watch(p) {
  p.on('request', (r) => requests.push(r.url()));
  p.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
  });
  p.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  p.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    d.dismiss().catch(() => {});
  });
}

async function newPage(options = {}) {
  const ctx = await browser.newContext({
    locale: 'zh-CN',
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
    ...options,
  });
  await ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  const p = await ctx.newPage();
  watch(p);
  return { ctx, p };
}

async function shot(name, p = page) {
  await p.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
}

/** The cards as shown: metric, section, and each fact's kind and headline. */
function readCards(p = page) {
  return p.$$eval('.card', (els) => els.map((el) => ({
    index: Number(el.dataset.card),
    metric: el.querySelector('.metric').textContent,
    section: el.closest('.card-group')?.querySelector('.section-title')?.textContent ?? null,
    selected: el.classList.contains('selected'),
    target: Boolean(el.querySelector('.card-head .badge.target')),
    facts: [...el.querySelectorAll('.fact')].map((f) => ({
      kind: f.dataset.kind,
      headline: f.querySelector('.headline').textContent,
      direction: f.classList.contains('up') ? 'up' : f.classList.contains('down') ? 'down' : null,
      target: f.classList.contains('is-target'),
    })),
  })));
}

/** Wait until the text in the box has been analysed and its cards are on screen. */
async function settled(p = page) {
  await p.waitForFunction(() => {
    const busy = document.querySelector('.cards-pane')?.getAttribute('aria-busy');
    return busy === 'false' || document.querySelector('.empty');
  });
}

async function typeArticle(text, p = page) {
  await p.fill('#article-input', text);
  await settled(p);
}

before(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  ({ server, url } = await serve(DIST));
  origin = new URL(url).origin;
  browser = await chromium.launch(CHROMIUM);
  ({ ctx: context, p: page } = await newPage());
});

after(async () => {
  await browser?.close();
  server?.close();
});

test('first load: from a sub-path, empty state with the sample button', async () => {
  const response = await page.goto(url);
  assert.equal(response.status(), 200);
  await page.waitForSelector('.app .empty');
  assert.equal(await page.textContent('h1'), '指标');
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
  assert.match(await page.textContent('.empty'), /粘贴/);
  assert.equal(await page.isDisabled('button.csv'), true, 'exports wait for cards');
  await shot('01-empty-desktop-light');
});

test('the sample loads with its cards', async () => {
  await page.click('.empty button');
  await settled();
  const cards = await readCards();
  assert.ok(cards.length >= 10, `sample gives ${cards.length} cards`);
  assert.ok(cards.some((c) => c.target), 'the sample has targets');
  assert.match(await page.textContent('.count'), /张卡片/);
  await shot('02-sample-desktop-light');
});

test('typing an article shows the expected cards in article order under its headings', async () => {
  await page.click('button.clear');
  await page.waitForSelector('.app .empty');
  await typeArticle(ARTICLE);
  const cards = await readCards();
  const byMetric = (m) => cards.find((c) => c.metric === m);

  const industry = byMetric('规上工业增加值');
  assert.ok(industry, `a 规上工业增加值 card in ${cards.map((c) => c.metric)}`);
  const change = industry.facts.find((f) => f.kind === 'change');
  assert.ok(change && change.headline.includes('8.4%'), JSON.stringify(industry));
  assert.equal(change.direction, 'up');
  const gap = industry.facts.find((f) => f.kind === 'gap');
  assert.ok(gap && gap.headline.includes('全国') && gap.headline.includes('2.6个百分点'),
    JSON.stringify(industry));

  const gdp = byMetric('地区生产总值');
  assert.ok(gdp, 'a 地区生产总值 card');
  assert.ok(gdp.facts.some((f) => f.kind === 'level' && f.headline.includes('752.1亿元')),
    JSON.stringify(gdp));
  assert.ok(gdp.facts.some((f) => f.kind === 'change' && f.headline.includes('6.7%')));
  assert.ok(gdp.facts.some((f) => f.kind === 'rank' && f.headline.includes('全省第3')));

  const retail = byMetric('社会消费品零售总额');
  const fall = retail?.facts.find((f) => f.kind === 'change');
  assert.equal(fall?.direction, 'down', JSON.stringify(retail));

  assert.ok(cards.some((c) => c.facts.some((f) => f.kind === 'streak')), 'a 连续三年 streak');
  assert.ok(cards.some((c) => c.facts.some((f) => f.kind === 'contribution')), 'a 拉动 fact');
  const target = cards.find((c) => c.facts.some((f) => f.target));
  assert.ok(target?.target, 'a target fact puts a 目标 badge on its card');
  assert.ok(target.facts.some((f) => f.target && f.headline.includes('6.5%')));

  // Article order, and the headings of the article above their cards.
  const order = ['地区生产总值', '规上工业增加值', '社会消费品零售总额'];
  const at = order.map((m) => cards.findIndex((c) => c.metric === m));
  assert.deepEqual([...at].sort((a, b) => a - b), at, `order ${at}`);
  assert.equal(industry.section, '二、工业生产');
  assert.equal(target.section, '四、下半年目标');

  // Every fact has its words marked in the text.
  const facts = cards.reduce((n, c) => n + c.facts.length, 0);
  assert.equal(await page.locator('.article-text mark').count(), facts);
  assert.match(await page.textContent('.count'), new RegExp(`${cards.length} 张卡片 · ${facts} 项`));
  await shot('03-article-desktop-light');
});

test('clicking a card marks and scrolls to its source; clicking a mark selects its card', async () => {
  const cards = await readCards();
  const last = cards[cards.length - 1];
  await page.click(`#card-${last.index} .locate`);
  const current = page.locator('.article-text mark.current');
  await current.first().waitFor();
  const marked = await current.evaluateAll((ms) => ms.map((m) => m.dataset.card));
  assert.ok(marked.length >= 1);
  assert.ok(marked.every((c) => Number(c) === last.index), `marks ${marked}`);
  const visible = await current.first().evaluate((m) => {
    const box = m.getBoundingClientRect();
    const pane = m.closest('.article-text').getBoundingClientRect();
    return box.top >= pane.top && box.bottom <= pane.bottom
      && box.top >= 0 && box.bottom <= window.innerHeight;
  });
  assert.ok(visible, 'the source of the card is scrolled into view');
  assert.equal((await readCards()).find((c) => c.index === last.index).selected, true);
  await shot('04-card-selected-desktop-light');

  const first = cards[0];
  await page.click(`.article-text mark[data-card="${first.index}"]`);
  await page.waitForSelector(`#card-${first.index}.selected`);
  const selected = (await readCards()).filter((c) => c.selected).map((c) => c.index);
  assert.deepEqual(selected, [first.index]);
  assert.equal(await page.getAttribute(`#card-${first.index}`, 'aria-current'), 'true');
});

test('filters by kind and the search box narrow the cards', async () => {
  const all = await readCards();
  await page.click('.chip[data-group="rank"]');
  await page.waitForSelector('.chip[data-group="rank"][aria-pressed="true"]');
  let shown = await readCards();
  assert.ok(shown.length >= 1 && shown.length < all.length, `${shown.length} of ${all.length}`);
  assert.ok(shown.every((c) => c.facts.some((f) => f.kind === 'rank')));
  assert.match(await page.textContent('.count'), new RegExp(`显示 ${shown.length} / ${all.length}`));

  await page.click('.chip[data-group="target"]');
  shown = await readCards();
  assert.ok(shown.every((c) => c.facts.some((f) => f.kind === 'rank' || f.target)));
  await shot('05-filtered-desktop-light');

  await page.click('.chip[data-group="all"]');
  assert.equal((await readCards()).length, all.length);

  await page.fill('#metric-search', '工业');
  shown = await readCards();
  assert.ok(shown.length >= 1 && shown.length < all.length);
  assert.ok(shown.every((c) => c.metric.includes('工业')), JSON.stringify(shown.map((c) => c.metric)));
  await page.fill('#metric-search', '没有这个指标');
  await page.waitForSelector('.cards-pane .none');
  await page.fill('#metric-search', '');
  assert.equal((await readCards()).length, all.length);
});

test('exports: CSV and JSON downloads hold the cards; JSON matches the CLI', async () => {
  const cards = await readCards();
  const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.click('button.csv')]);
  assert.equal(csvDownload.suggestedFilename(), 'zhibiao.csv');
  const csv = readFileSync(await csvDownload.path(), 'utf8').replace(/^\uFEFF/, '');
  const lines = csv.trim().split('\r\n');
  assert.ok(lines[0].startsWith('source,metric,subject,kind,value'), lines[0]);
  const facts = cards.reduce((n, c) => n + c.facts.length, 0);
  assert.equal(lines.length - 1, facts);
  assert.ok(lines.some((l) => l.includes('规上工业增加值') && l.includes(',change,8.4,')), csv);

  const [jsonDownload] = await Promise.all([page.waitForEvent('download'), page.click('button.json')]);
  assert.equal(jsonDownload.suggestedFilename(), 'zhibiao.json');
  const report = JSON.parse(readFileSync(await jsonDownload.path(), 'utf8'));
  assert.equal(report.articles.length, 1);
  assert.deepEqual(report.articles[0].cards.map((c) => c.metric), cards.map((c) => c.metric));

  // The same text through the native CLI gives the same cards (the source label differs).
  const dir = mkdtempSync(join(tmpdir(), 'zhibiao-'));
  const file = join(dir, 'article.txt');
  writeFileSync(file, await page.inputValue('#article-input'));
  const cli = JSON.parse(execFileSync('cargo', ['run', '--release', '--quiet', '--', '--format', 'json', file], {
    cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20,
  }));
  assert.deepEqual(report.articles[0].cards, cli.articles[0].cards);
});

test('exports: Markdown table and one card go to the clipboard; print opens the dialog', async () => {
  await page.click('button.copy-md');
  await page.waitForFunction(() => document.querySelector('.notice').textContent.includes('已复制'));
  const markdown = await page.evaluate(() => navigator.clipboard.readText());
  assert.ok(markdown.startsWith('| metric |'), markdown);
  assert.ok(markdown.includes('| 规上工业增加值 |'), markdown);

  await page.click('.card:has(.metric:text-is("规上工业增加值")) .copy-card');
  await page.waitForFunction(async () => (await navigator.clipboard.readText()).startsWith('规上工业增加值'));
  const text = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(text, /增长：同比 \+8\.4%/);

  await page.evaluate(() => { window.print = () => { window.__printed = true; }; });
  await page.click('button.print');
  assert.equal(await page.evaluate(() => window.__printed), true);
  await page.emulateMedia({ media: 'print' });
  await shot('06-print');
  assert.equal(await page.isVisible('.input-pane'), false, 'the print view shows cards only');
  await page.emulateMedia({ media: 'screen' });
});

test('a plain-text paste is analysed at once', async () => {
  await page.click('button.clear');
  await page.waitForSelector('.app .empty');
  await page.evaluate((t) => navigator.clipboard.writeText(t), '地区生产总值752.1亿元，同比增长6.7%。');
  await page.focus('#article-input');
  await page.keyboard.press('Control+V');
  await page.waitForSelector('.card');
  const cards = await readCards();
  assert.equal(cards[0].metric, '地区生产总值');
  assert.ok(cards[0].facts.some((f) => f.kind === 'level' && f.headline === '752.1亿元'));
});

test('the article survives a reload until cleared', async () => {
  await typeArticle(ARTICLE);
  const before = await readCards();
  await page.reload();
  await page.waitForSelector('.card');
  assert.equal(await page.inputValue('#article-input'), ARTICLE);
  assert.deepEqual((await readCards()).map((c) => c.metric), before.map((c) => c.metric));

  await page.click('button.clear');
  await page.waitForSelector('.app .empty');
  assert.equal(await page.inputValue('#article-input'), '');
  await page.reload();
  await page.waitForSelector('.app .empty');
  assert.equal(await page.inputValue('#article-input'), '');
});

test('the language switch changes the UI text and is remembered', async () => {
  await page.click('.lang-switch');
  await page.waitForFunction(() => document.querySelector('h1').textContent === 'Zhibiao');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.equal(await page.textContent('button.sample'), 'Load sample');
  await page.click('.empty button');
  await settled();
  assert.match(await page.textContent('.count'), /\d+ cards · \d+ facts/);
  await shot('07-english-desktop-light');
  await page.reload();
  await page.waitForSelector('.card');
  assert.equal(await page.textContent('h1'), 'Zhibiao');
  await page.click('.lang-switch');
  await page.waitForFunction(() => document.querySelector('h1').textContent === '指标');

  // A browser in English starts in English.
  const { ctx, p } = await newPage({ locale: 'en-US' });
  await p.goto(url);
  await p.waitForSelector('.app');
  assert.equal(await p.textContent('h1'), 'Zhibiao');
  await ctx.close();
});

test('dark mode and phone width', async () => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await shot('08-sample-desktop-dark');
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.notEqual(bg, 'rgb(247, 246, 243)', 'dark background');

  await page.setViewportSize({ width: 375, height: 812 });
  await shot('09-sample-phone-dark');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `no sideways scrolling at 375px (${overflow}px too wide)`);
  await page.emulateMedia({ colorScheme: 'light' });
  await shot('10-sample-phone-light');
  await page.click('.card:nth-of-type(2) .locate');
  await shot('11-card-selected-phone-light');
  await page.setViewportSize({ width: 1280, height: 900 });
});

test('keyboard: every control is a focusable button or field with a name', async () => {
  const unnamed = await page.$$eval('button, input:not([type=file]), textarea', (els) => els
    .filter((el) => !(el.getAttribute('aria-label') || el.textContent.trim() || el.labels?.length))
    .map((el) => el.outerHTML.slice(0, 80)));
  assert.deepEqual(unnamed, []);
  await page.focus('#article-input');
  await page.keyboard.press('Shift+Tab');
  const focused = await page.evaluate(() => document.activeElement.tagName);
  assert.equal(focused, 'BUTTON');
});

test('hostile HTML pasted, opened or dropped never runs and adds no elements', async () => {
  await page.click('button.clear');
  const hostile = [
    '<p>全市规上工业增加值同比增长8.4%，高于全国2.6个百分点。</p>',
    '<script>alert(1)</script><img src=x onerror="alert(2)">',
    '<a href="javascript:alert(3)">点我</a><iframe srcdoc="<script>alert(4)</script>"></iframe>',
    '<svg onload="alert(5)"></svg><style>body{display:none}</style>',
    '<p>&lt;img src=x onerror=alert(6)&gt; 地区生产总值752.1亿元，同比增长6.7%。</p>',
  ].join('\n');
  await page.evaluate(() => {
    window.__added = [];
    new MutationObserver((records) => {
      for (const r of records) {
        for (const n of r.addedNodes) {
          if (n.nodeType !== 1) continue;
          for (const el of [n, ...n.querySelectorAll('*')]) {
            window.__added.push({
              tag: el.tagName,
              attrs: [...el.attributes].map((a) => `${a.name}=${a.value}`),
            });
          }
        }
      }
    }).observe(document, { childList: true, subtree: true });
  });
  const scriptsBefore = await page.evaluate(() => document.scripts.length);

  // Rich-text paste (the clipboard's text/html goes through html_to_text).
  await page.evaluate((html) => {
    const area = document.querySelector('#article-input');
    area.focus();
    const data = new DataTransfer();
    data.setData('text/html', html);
    data.setData('text/plain', 'plain');
    area.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, hostile);
  await page.waitForSelector('.card');
  const pasted = await page.inputValue('#article-input');
  assert.ok(pasted.includes('规上工业增加值'), pasted);
  assert.notEqual(pasted, 'plain', 'the HTML was used, not the plain-text fallback');

  // The same as an opened .html file and as text typed in the box.
  await page.setInputFiles('input[type=file]', {
    name: 'hostile.html', mimeType: 'text/html', buffer: Buffer.from(`<html><body>${hostile}</body></html>`),
  });
  await page.waitForFunction(() => !document.querySelector('#article-input').value.includes('plain'));
  await typeArticle(hostile);
  // And dropped on the page as a file.
  await page.evaluate((html) => {
    const data = new DataTransfer();
    data.items.add(new File([html], 'dropped.htm', { type: 'text/html' }));
    document.querySelector('.app').dispatchEvent(
      new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, hostile);
  await page.waitForFunction(() => !document.querySelector('#article-input').value.includes('<script'));
  await settled();
  await page.click('.article-text');
  await page.waitForTimeout(300);

  const added = await page.evaluate(() => window.__added);
  const allowed = new Set(['DIV', 'SECTION', 'H2', 'H3', 'H4', 'P', 'UL', 'LI', 'ARTICLE',
    'HEADER', 'SPAN', 'BUTTON', 'MARK', 'INPUT', 'LABEL']);
  const foreign = added.filter((e) => !allowed.has(e.tag)
    || e.attrs.some((a) => /^on/i.test(a) || /javascript:/i.test(a) || /^(src|href|srcdoc|style)=/.test(a)));
  assert.deepEqual(foreign, [], 'only the app\'s own elements were added');
  assert.equal(await page.evaluate(() => document.scripts.length), scriptsBefore);
  assert.equal(await page.locator('img, iframe, svg, object, embed, a[href]').count(), 0);
  assert.equal(await page.isVisible('body'), true, 'the pasted <style> did not apply');
  assert.equal(page.url(), url, 'no navigation');
  assert.deepEqual(dialogs, [], 'no dialog opened');
  await shot('12-hostile-paste');
});

test('dist/ is small: all files gzipped add up to at most 500 KB', (t) => {
  let raw = 0;
  let gz = 0;
  for (const name of readdirSync(DIST)) {
    const body = readFileSync(join(DIST, name));
    raw += body.length;
    gz += gzipSync(body, { level: 9 }).length;
  }
  t.diagnostic(`dist: ${raw} bytes raw, ${gz} bytes gzip -9`);
  assert.ok(gz <= 500 * 1000, `${gz} bytes gzipped`);
});

test('the page asked nothing of any other origin', () => {
  assert.ok(requests.length > 0);
  const foreign = requests.filter((u) => {
    if (u.startsWith('data:')) return false; // inline data (the icon): no network
    return new URL(u).origin !== origin; // blob: URLs carry their page's origin
  });
  assert.deepEqual(foreign, []);
});

test('no console error, page error or dialog during the whole run', () => {
  assert.deepEqual(problems, []);
  assert.deepEqual(dialogs, []);
});
