// The packed npm tarball as a user gets it: installed offline into an empty folder, then
// required (CommonJS) and imported (ES module) from there, its cards equal to the CLI's JSON,
// its TypeScript declarations compiled against a usage file, bad arguments thrown as Errors.
//
// ZHIBIAO_NPM_TARBALL: the tarball (scripts/npm-pack.sh); ZHIBIAO_CLI: the release CLI;
// TSC: the TypeScript compiler. Run by scripts/npm-test.sh.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";

const { ZHIBIAO_NPM_TARBALL: tarball, ZHIBIAO_CLI: cli, TSC: tsc } = process.env;
let dir;
let zhibiao;

before(() => {
  assert.ok(tarball && cli && tsc, "set ZHIBIAO_NPM_TARBALL, ZHIBIAO_CLI and TSC");
  dir = mkdtempSync(join(tmpdir(), "zhibiao-npm-"));
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "user", private: true }));
  execFileSync("npm", ["install", "--offline", "--no-audit", "--no-fund", "--silent", tarball], {
    cwd: dir,
    stdio: "inherit",
  });
  zhibiao = createRequire(join(dir, "index.js"))("zhibiao");
});

after(() => dir && rmSync(dir, { recursive: true, force: true }));

const SENTENCE = "全市规上工业增加值同比增长8.4%，高于全国2.6个百分点。地区生产总值752.1亿元。";

test("the sample's cards are the CLI's, as plain objects", () => {
  const cliJson = JSON.parse(execFileSync(cli, ["--sample", "--format", "json"], { encoding: "utf8" }));
  const article = zhibiao.analyze(zhibiao.sample(), { source: "sample" });
  assert.deepEqual(article, cliJson.articles[0]);
  assert.ok(article.cards.length > 10, `${article.cards.length} cards`);
  // Plain data: objects and arrays, null for no subject, no Map and no BigInt.
  assert.equal(Object.getPrototypeOf(article.cards[0]), Object.prototype);
  assert.ok(Array.isArray(article.cards[0].facts));
  assert.equal(JSON.stringify(JSON.parse(JSON.stringify(article))), JSON.stringify(article));
});

test("a sentence gives its facts, spans into the text given", () => {
  const { source, cards } = zhibiao.analyze(SENTENCE);
  assert.equal(source, "");
  assert.equal(cards[0].metric, "规上工业增加值");
  assert.equal(cards[0].subject, null);
  const [change, gap] = cards[0].facts;
  assert.deepEqual([change.kind, change.value, change.unit, change.basis], ["change", 8.4, "%", "同比"]);
  assert.deepEqual([gap.kind, gap.versus], ["gap", "全国"]);
  assert.equal(cards[1].facts[0].value, 75_210_000_000);
  const [start, end] = change.span;
  assert.ok([...SENTENCE].slice(start, end).join("").endsWith("同比增长8.4%"));
  assert.deepEqual(zhibiao.analyze("").cards, []);
});

test("bad arguments throw Errors that say what is wrong", () => {
  const cases = [
    [() => zhibiao.analyze(42), /analyze: text must be a string, not number/],
    [() => zhibiao.analyze(), /text must be a string, not undefined/],
    [() => zhibiao.analyze(["a"]), /text must be a string, not an array/],
    [() => zhibiao.analyze("x", "a.txt"), /options must be an object like \{ source: "a.txt" \}, not string/],
    [() => zhibiao.analyze("x", { sorce: "a.txt" }), /bad options: unknown field `sorce`, expected `source`/],
    [() => zhibiao.analyze("x", { source: 7 }), /bad options: invalid type: .*expected a string/],
  ];
  for (const [call, message] of cases) {
    assert.throws(call, (e) => e instanceof Error && message.test(e.message), String(message));
  }
  // A thrown call leaves the module working.
  assert.equal(zhibiao.analyze(SENTENCE, null).cards.length, 2);
});

// Two years of one city's figures, written for this test in a release's style.
const YEARS = {
  "a.txt": "2023年，全市规上工业增加值同比增长7.1%。社会消费品零售总额312.5亿元，同比增长5.2%。",
  "b.txt": "2024年，全市规上工业增加值同比增长8.4%。社会消费品零售总额330.8亿元，同比增长5.9%。全市新增市场主体2.1万户。",
};

test("compare() gives the CLI's compare table of what analyze() returned", () => {
  const names = Object.keys(YEARS);
  for (const name of names) writeFileSync(join(dir, name), YEARS[name]);
  const articles = names.map((name) => zhibiao.analyze(YEARS[name], { source: name }));
  for (const all of [false, true]) {
    const args = ["compare", "--format", "json", ...(all ? ["--all"] : []), ...names];
    const cliTable = JSON.parse(execFileSync(cli, args, { cwd: dir, encoding: "utf8" }));
    assert.deepEqual(zhibiao.compare(articles, { all }), cliTable);
  }
  const table = zhibiao.compare(articles);
  assert.deepEqual(table.articles.map((a) => a.source), names);
  const growth = table.rows.find((r) => r.metric === "规上工业增加值");
  assert.deepEqual(growth.cells.flat().map((c) => c.value), [7.1, 8.4]);
  // Only the measures both articles state, unless all are asked for.
  assert.ok(!table.rows.some((r) => r.metric.includes("市场主体")));
  assert.ok(zhibiao.compare(articles, { all: true }).rows.some((r) => r.metric.includes("市场主体")));
  assert.deepEqual(zhibiao.compare([]).rows, []);
  const cases = [
    [() => zhibiao.compare("a.txt"), /compare: articles must be an array of what analyze\(\) returned, not string/],
    [() => zhibiao.compare([{ cards: 3 }]), /compare: bad articles: /],
    [() => zhibiao.compare(articles, { al: true }), /compare: bad options: unknown field `al`, expected `all`/],
    [() => zhibiao.compare(articles, true), /compare: options must be an object like \{ all: true \}, not boolean/],
  ];
  for (const [call, message] of cases) {
    assert.throws(call, (e) => e instanceof Error && message.test(e.message), String(message));
  }
});

test("odd texts give cards, never a crash", () => {
  for (const text of ["\0".repeat(1000), "\ud800 lone surrogate 增长5%", "9".repeat(10_000), "<b>".repeat(5000)]) {
    assert.ok(Array.isArray(zhibiao.analyze(text).cards));
  }
});

test("an ES module import from the user's folder works", () => {
  const script = `import { analyze } from "zhibiao"; console.log(analyze(${JSON.stringify(SENTENCE)}).cards[0].metric);`;
  const run = spawnSync(process.execPath, ["--input-type=module", "-e", script], { cwd: dir, encoding: "utf8" });
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stdout.trim(), "规上工业增加值");
});

test("the bundler build loads as ES modules with its wasm", () => {
  const script = `import { analyze } from "zhibiao/bundler"; console.log(analyze("出口总额同比增长3%。").cards[0].facts[0].display);`;
  const run = spawnSync(process.execPath, ["--experimental-wasm-modules", "--no-warnings", "--input-type=module", "-e", script], {
    cwd: dir,
    encoding: "utf8",
  });
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stdout.trim(), "3%");
});

test("the TypeScript declarations compile a usage file and catch a misuse", () => {
  const config = { compilerOptions: { strict: true, noEmit: true, module: "nodenext", moduleResolution: "nodenext", target: "es2020", skipLibCheck: false } };
  writeFileSync(join(dir, "tsconfig.json"), JSON.stringify(config));
  const usage = readFileSync(new URL("./usage.ts", import.meta.url), "utf8");
  writeFileSync(join(dir, "usage.ts"), usage);
  const ok = spawnSync(tsc, ["-p", dir], { encoding: "utf8" });
  assert.equal(ok.status, 0, ok.stdout + ok.stderr);
  // The types are real: a metric is no number, and options have no "sorce".
  writeFileSync(join(dir, "usage.ts"), `${usage}\nconst n: number = analyze("x").cards[0].metric;\nanalyze("x", { sorce: "a" });\n`);
  const bad = spawnSync(tsc, ["-p", dir], { encoding: "utf8" });
  assert.notEqual(bad.status, 0);
  assert.match(bad.stdout, /Type 'string' is not assignable to type 'number'/);
  assert.match(bad.stdout, /'sorce' does not exist in type 'AnalyzeOptions'/);
});
