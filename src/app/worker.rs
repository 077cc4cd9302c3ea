//! The analysis of every text off the page's thread: a Web Worker running this same wasm, so
//! a paste never blocks the page, whether it is a sentence or megabytes.
//!
//! Page side: [`warm_up`] starts a worker at boot (its wasm instantiated and the rules' tables
//! built there, never on the page); [`start`] hands a text to that warm worker and turns its
//! messages into [`Action`]s. The cards come back in slices of JSON: a short result in one
//! message, a long one in a message per slice after the first few (each received in a short
//! task), read a few per task ([`read_cards`]), so a long article's result never blocks a
//! frame either.
//! Dropping the returned [`Job`] ends it: a finished worker waits for the next text, a busy
//! one (a cancel, a newer text) is ended and a fresh one warmed up in its place. Worker side:
//! [`analyze_in_worker`] and [`warm_up_rules`] are what `worker.js` calls. `www/boot.js`
//! leaves what a worker needs in the page's `zhibiaoWorker` global: the worker script's URL,
//! the wasm-bindgen glue's URL and integrity hash, and the wasm module it already compiled
//! (and checked against its hash).

use super::state::{Action, State};
use crate::model::{Article, Card};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::time::Duration;
use wasm_bindgen::prelude::*;
use yew::UseReducerDispatcher;

/// What a background analysis reads: the text (a web page's markup when `html`), its source
/// label and the furniture the reader included back.
#[derive(Debug, Clone, PartialEq)]
pub struct Request {
    pub source: String,
    pub text: Rc<str>,
    pub html: bool,
    pub include: Vec<usize>,
    /// Report its progress (a long text, shown with a progress bar); a quick one's would
    /// only re-render the page for nothing.
    pub progress: bool,
}

/// Cards per slice of the result: a slice is read in well under a millisecond.
const CARDS_PER_SLICE: usize = 50;

/// How long (ms) the page reads slices of a result before it lets a frame through.
const READ_BUDGET: f64 = 8.0;

/// The text the rules read, and their article: the same in the worker and on the page.
fn analyse(
    source: &str,
    text: String,
    html: bool,
    include: Vec<usize>,
    progress: &mut dyn FnMut(f32),
) -> (String, Article) {
    // How a text is handled is decided in `intake`: `html` here means "reduce in the worker".
    let text = if html {
        crate::html_to_text(&text)
    } else {
        text
    };
    let article = crate::analyze_with(source, &text, &crate::Options { include }, progress);
    (text, article)
}

fn json<T: serde::Serialize + ?Sized>(value: &T) -> Result<JsValue, JsError> {
    serde_json::to_string(value)
        .map(|json| JsValue::from_str(&json))
        .map_err(|e| JsError::new(&format!("the cards could not be written as JSON: {e}")))
}

/// Analyse `text` (first reduced from HTML when `html`), reading back the furniture starting
/// at the code points in `include`, reporting progress through `progress(fraction)`; returns
/// `[text or null, the article without its cards as JSON, [the cards as JSON arrays of
/// CARDS_PER_SLICE]]`. Called in the worker; an error (the article could not be written as
/// JSON) reaches the page as the worker's error message, with the reason.
#[wasm_bindgen(js_name = analyzeInWorker)]
pub fn analyze_in_worker(
    source: &str,
    text: String,
    html: bool,
    include: Vec<u32>,
    progress: &js_sys::Function,
) -> Result<js_sys::Array, JsError> {
    let include = include.into_iter().map(|i| i as usize).collect();
    let (text, mut article) = analyse(source, text, html, include, &mut |p| {
        let _ = progress.call1(&JsValue::NULL, &JsValue::from_f64(p.into()));
    });
    let cards = std::mem::take(&mut article.cards);
    let slices = cards
        .chunks(CARDS_PER_SLICE)
        .map(json)
        .collect::<Result<js_sys::Array, _>>()?;
    let text = if html {
        JsValue::from_str(&text)
    } else {
        JsValue::NULL
    };
    Ok(js_sys::Array::of3(&text, &json(&article)?, &slices))
}

/// Build the rules' word lists and patterns (and have their code compiled) in a new worker,
/// before the first text arrives.
#[wasm_bindgen(js_name = warmUp)]
pub fn warm_up_rules() {
    let _ = crate::analyze("warm-up", crate::SAMPLE);
}

thread_local! {
    /// The warm worker waiting for the next text.
    static SPARE: RefCell<Option<web_sys::Worker>> = const { RefCell::new(None) };
}

fn get(object: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(object, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn message(fields: &[(&str, JsValue)]) -> Result<js_sys::Object, JsValue> {
    let object = js_sys::Object::new();
    for (key, value) in fields {
        js_sys::Reflect::set(&object, &JsValue::from_str(key), value)?;
    }
    Ok(object)
}

/// A new worker, told to load the wasm and warm up; its messages wait until it has.
fn new_worker() -> Result<web_sys::Worker, JsValue> {
    let setup = get(&js_sys::global(), "zhibiaoWorker");
    let url = get(&setup, "url")
        .as_string()
        .ok_or_else(|| JsValue::from_str("no worker script"))?;
    let options = web_sys::WorkerOptions::new();
    options.set_type(web_sys::WorkerType::Module);
    let worker = web_sys::Worker::new_with_options(&url, &options)?;
    let init = message(&[
        ("type", JsValue::from_str("init")),
        ("js", get(&setup, "js")),
        ("integrity", get(&setup, "integrity")),
        ("module", get(&setup, "module")),
    ])?;
    worker.post_message(&init)?;
    Ok(worker)
}

/// Have a warm worker ready for the next text (at boot, and after one was ended busy).
/// Without a checked worker script (no `boot.js`), nothing: texts are analysed on the page.
pub fn warm_up() {
    if SPARE.with_borrow(Option::is_some) {
        return;
    }
    if let Ok(worker) = new_worker() {
        SPARE.set(Some(worker));
    }
}

/// Whether texts are analysed in a worker: `boot.js` left a checked worker script.
pub fn available() -> bool {
    get(&get(&js_sys::global(), "zhibiaoWorker"), "url").is_string()
}

/// A background analysis; dropping it ends it (see the module's doc).
pub struct Job {
    worker: web_sys::Worker,
    /// The worker sent its result: it is idle, and may take the next text.
    done: Rc<Cell<bool>>,
    /// Cleared when the job is dropped: the slices of its result are no longer read.
    live: Rc<Cell<bool>>,
    _onmessage: Closure<dyn FnMut(web_sys::MessageEvent)>,
    _onerror: Closure<dyn FnMut(web_sys::ErrorEvent)>,
}

impl Drop for Job {
    fn drop(&mut self) {
        self.live.set(false);
        self.worker.set_onmessage(None);
        self.worker.set_onerror(None);
        let idle = self.done.get() && SPARE.with_borrow(Option::is_none);
        if idle {
            SPARE.set(Some(self.worker.clone()));
        } else {
            self.worker.terminate();
            warm_up();
        }
    }
}

/// Analyse revision `rev` of the text in a worker. Where no worker can start (no Worker
/// support, the page loaded without `boot.js`), the text is analysed here instead: slow for
/// a long text, but the reader still gets the cards.
pub fn start(rev: u64, job: &Request, dispatcher: UseReducerDispatcher<State>) -> Option<Job> {
    match spawn(rev, job, dispatcher.clone()) {
        Ok(job) => Some(job),
        Err(_) => {
            let (text, article) = analyse(
                &job.source,
                job.text.to_string(),
                job.html,
                job.include.clone(),
                &mut |_| {},
            );
            dispatcher.dispatch(Action::Analysed {
                rev,
                text: job.html.then_some(text),
                article: Rc::new(article),
            });
            None
        }
    }
}

fn spawn(rev: u64, job: &Request, dispatcher: UseReducerDispatcher<State>) -> Result<Job, JsValue> {
    let worker = match SPARE.take() {
        Some(worker) => worker,
        None => new_worker()?,
    };
    let done = Rc::new(Cell::new(false));
    let live = Rc::new(Cell::new(true));

    let d = dispatcher.clone();
    let (finished, reading) = (done.clone(), live.clone());
    // A long result's head, waiting for the rest of its slices.
    let mut arriving: Option<(Outcome, u32)> = None;
    let read = move |result: Outcome| {
        finished.set(true);
        yew::platform::spawn_local(read_cards(rev, result, reading.clone(), d.clone()));
    };
    let d = dispatcher.clone();
    let onmessage = Closure::<dyn FnMut(_)>::new(move |event: web_sys::MessageEvent| {
        let data = event.data();
        match get(&data, "type").as_string().as_deref() {
            // Sent only when the job asked for it (`progress`).
            Some("progress") => d.dispatch(Action::Progress {
                rev,
                progress: get(&data, "value").as_f64().unwrap_or(0.0) as f32,
            }),
            Some("done") => {
                let result = Outcome {
                    text: get(&data, "text").as_string(),
                    head: get(&data, "head").as_string().unwrap_or_default(),
                    slices: get(&data, "cards").into(),
                };
                match get(&data, "more").as_f64().unwrap_or(0.0) as u32 {
                    0 => read(result),
                    more => arriving = Some((result, more)),
                }
            }
            Some("cards") => {
                let Some((result, more)) = arriving.as_mut() else {
                    return;
                };
                result.slices.push(&get(&data, "cards"));
                *more -= 1;
                if *more == 0 {
                    if let Some((result, _)) = arriving.take() {
                        read(result);
                    }
                }
            }
            _ => d.dispatch(Action::Failed {
                rev,
                message: get(&data, "message")
                    .as_string()
                    .unwrap_or_else(|| "the worker failed".into()),
            }),
        }
    });
    // The worker's script failed to load or threw outside its own handler.
    let onerror = Closure::<dyn FnMut(_)>::new(move |event: web_sys::ErrorEvent| {
        event.prevent_default();
        dispatcher.dispatch(Action::Failed {
            rev,
            message: event.message(),
        });
    });
    worker.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
    worker.set_onerror(Some(onerror.as_ref().unchecked_ref()));

    let include: js_sys::Array = job
        .include
        .iter()
        .map(|&i| JsValue::from_f64(i as f64))
        .collect();
    let request = message(&[
        ("type", JsValue::from_str("job")),
        ("source", JsValue::from_str(&job.source)),
        ("text", JsValue::from_str(&job.text)),
        ("html", JsValue::from_bool(job.html)),
        ("include", include.into()),
        ("progress", JsValue::from_bool(job.progress)),
    ])?;
    worker.post_message(&request)?;
    Ok(Job {
        worker,
        done,
        live,
        _onmessage: onmessage,
        _onerror: onerror,
    })
}

/// A worker's result as it arrives: the text it read (when reduced from HTML), the article
/// without its cards, and the cards in slices, all JSON.
struct Outcome {
    text: Option<String>,
    head: String,
    slices: js_sys::Array,
}

/// When this task has read for longer than [`READ_BUDGET`] since `began`, let a frame through
/// and start a new task; false when the job was dropped meanwhile.
async fn breathe(began: &mut f64, live: &Cell<bool>) -> bool {
    if js_sys::Date::now() - *began > READ_BUDGET {
        yew::platform::time::sleep(Duration::ZERO).await;
        *began = js_sys::Date::now();
    }
    live.get()
}

/// Read a worker's result a few slices per task, letting frames through between them, then
/// hand the article to the reducer; stop when the job was dropped meanwhile.
async fn read_cards(
    rev: u64,
    result: Outcome,
    live: Rc<Cell<bool>>,
    dispatcher: UseReducerDispatcher<State>,
) {
    let failed = |e: serde_json::Error| Action::Failed {
        rev,
        message: e.to_string(),
    };
    let mut article = match serde_json::from_str::<Article>(&result.head) {
        Ok(article) => article,
        Err(e) => return dispatcher.dispatch(failed(e)),
    };
    let mut began = js_sys::Date::now();
    for slice in result.slices.iter() {
        if !breathe(&mut began, &live).await {
            return;
        }
        let json = slice.as_string().unwrap_or_default();
        match serde_json::from_str::<Vec<Card>>(&json) {
            Ok(cards) => article.cards.extend(cards),
            Err(e) => return dispatcher.dispatch(failed(e)),
        }
    }
    // The first render of a long result gets a task of its own, not the end of the reading's.
    if !breathe(&mut began, &live).await {
        return;
    }
    dispatcher.dispatch(Action::Analysed {
        rev,
        text: result.text,
        article: Rc::new(article),
    });
}
