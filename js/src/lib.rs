//! The npm package's API: `analyze(text, options?)` returns the article as a plain object in
//! the CLI's JSON model (through `serde-wasm-bindgen`, no JSON string in between), and
//! `compare(articles, options?)` the compare table of articles it returned, as `zhibiao compare
//! --format json` prints it; bad arguments throw an `Error` that says what is wrong.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use tsify::Tsify;
use wasm_bindgen::prelude::*;

/// What `analyze` may be told besides the text.
#[derive(Debug, Default, Deserialize, Tsify)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct AnalyzeOptions {
    /// A label kept in the result as `source` (a file name, a URL); `""` when not given.
    #[serde(default)]
    #[tsify(optional)]
    pub source: Option<String>,
}

/// The indicator cards of one article (plain text or HTML): `{ source, title, cards }`.
#[wasm_bindgen(unchecked_return_type = "Article")]
pub fn analyze(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "AnalyzeOptions")] options: Option<JsValue>,
) -> Result<JsValue, JsError> {
    let text = text.as_string().ok_or_else(|| {
        JsError::new(&format!(
            "analyze: text must be a string, not {}",
            type_name(&text)
        ))
    })?;
    let options: AnalyzeOptions = read_options("analyze", options, "{ source: \"a.txt\" }")?;
    let article = zhibiao::analyze(options.source.as_deref().unwrap_or(""), &text);
    to_js("analyze", &article)
}

/// What `compare` may be told besides the articles.
#[derive(Debug, Default, Deserialize, Tsify)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct CompareOptions {
    /// Every measure, also those found in one article only (the CLI's `--all`).
    #[serde(default)]
    #[tsify(optional)]
    pub all: Option<bool>,
}

#[wasm_bindgen(typescript_custom_section)]
const COMPARE_TABLE: &str =
    "/** What `compare` returns: the table of `zhibiao compare --format json`. */
export type CompareTable = Table;";

/// The compare table of articles as `analyze` returned them: a row per measure found in two
/// or more of them (every measure with `{ all: true }`), a column per period or per article.
#[wasm_bindgen(unchecked_return_type = "CompareTable")]
pub fn compare(
    #[wasm_bindgen(unchecked_param_type = "Article[]")] articles: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "CompareOptions")] options: Option<JsValue>,
) -> Result<JsValue, JsError> {
    if !articles.is_array() {
        return Err(JsError::new(&format!(
            "compare: articles must be an array of what analyze() returned, not {}",
            type_name(&articles)
        )));
    }
    let articles: Vec<zhibiao::Article> = serde_wasm_bindgen::from_value(articles)
        .map_err(|e| JsError::new(&format!("compare: bad articles: {e}")))?;
    let options: CompareOptions = read_options("compare", options, "{ all: true }")?;
    let all = options.all.unwrap_or(false);
    let table = zhibiao::compare::table(&articles, zhibiao::compare::Options { all });
    to_js("compare", &table)
}

/// The options object of function `name`, or why it is not one (`like` shows one).
fn read_options<T: DeserializeOwned + Default>(
    name: &str,
    options: Option<JsValue>,
    like: &str,
) -> Result<T, JsError> {
    let Some(options) = options.filter(|o| !o.is_undefined() && !o.is_null()) else {
        return Ok(T::default());
    };
    if !options.is_object() {
        return Err(JsError::new(&format!(
            "{name}: options must be an object like {like}, not {}",
            type_name(&options)
        )));
    }
    // Through a JSON value, so that every key is seen and a misspelt one refused (reading the
    // object straight into the struct would only look up the keys it knows).
    let bad = |why: String| JsError::new(&format!("{name}: bad options: {why}"));
    let json: serde_json::Value =
        serde_wasm_bindgen::from_value(options).map_err(|e| bad(e.to_string()))?;
    serde_json::from_value(json).map_err(|e| bad(e.to_string()))
}

/// Plain objects (not `Map`s), `null` for an absent value, numbers (not `BigInt`): what
/// `JSON.parse` of the CLI's output gives.
fn to_js(name: &str, value: &impl Serialize) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&format!("{name}: cannot build the result: {e}")))
}

fn type_name(value: &JsValue) -> String {
    if value.is_null() {
        "null".into()
    } else if value.is_array() {
        "an array".into()
    } else {
        value.js_typeof().as_string().unwrap_or_default()
    }
}

/// The built-in sample article (a city's quarterly statistics release), for trying it out.
#[wasm_bindgen]
pub fn sample() -> String {
    zhibiao::SAMPLE.to_string()
}

/// The version of the engine.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

#[cfg(feature = "bench")]
#[wasm_bindgen]
extern "C" {
    /// The host's clock (Node's and the browser's `performance.now()`), in ms.
    #[wasm_bindgen(js_namespace = performance)]
    fn now() -> f64;
}

/// Milliseconds spent in each stage of analysing `text` (best of `runs`): normalise, segment,
/// scan, read, cards (as [`zhibiao::Stage`] lists them), then the JSON render; and, first, the
/// time the rules took to get ready (the first analysis of a one-line article, less a later
/// one). For `tests/browser/bench.mjs`, built with the `bench` feature.
#[cfg(feature = "bench")]
#[wasm_bindgen]
pub fn stages(text: &str, runs: u32) -> Vec<f64> {
    let line = "全市规上工业增加值同比增长8.4%。";
    let once = || {
        let t = now();
        zhibiao::analyze("", line);
        now() - t
    };
    let ready = once() - once();
    let mut best = vec![f64::MAX; 6];
    for _ in 0..runs.max(1) {
        let mut times = Vec::with_capacity(6);
        let mut last = now();
        let options = zhibiao::Options::default();
        let article = zhibiao::analyze_staged("", text, &options, &mut |_| {}, &mut |_| {
            let t = now();
            times.push(t - last);
            last = t;
        });
        let report = zhibiao::Report {
            articles: vec![article],
        };
        let t = now();
        let _ = zhibiao::render::json(&report);
        times.push(now() - t);
        for (b, t) in best.iter_mut().zip(times) {
            *b = b.min(t);
        }
    }
    std::iter::once(ready).chain(best).collect()
}
