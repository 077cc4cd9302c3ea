//! The background analysis of long texts: a Web Worker running this same wasm, so the page
//! stays responsive while megabytes are read.
//!
//! Page side: [`start`] hands the text to a new worker (`www/worker.js`) and turns its
//! messages into [`Action`]s; dropping the returned [`Job`] ends the worker, which is how a
//! cancel, a newer text or a finished run frees its memory. Worker side: [`analyze_in_worker`]
//! is what `worker.js` calls. `www/boot.js` leaves what a worker needs in the page's
//! `zhibiaoWorker` global: the worker script's URL, the wasm-bindgen glue's URL and integrity
//! hash, and the wasm module it already compiled (and checked against its hash).

use super::state::{Action, State};
use crate::model::Article;
use std::rc::Rc;
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
}

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

/// Analyse `text` (first reduced from HTML when `html`), reading back the furniture starting
/// at the code points in `include`, reporting progress through `progress(fraction)`; returns
/// `[text or null, the article as JSON]`. Called in the worker; an error (the article could
/// not be written as JSON) reaches the page as the worker's error message, with the reason.
#[wasm_bindgen(js_name = analyzeInWorker)]
pub fn analyze_in_worker(
    source: &str,
    text: String,
    html: bool,
    include: Vec<u32>,
    progress: &js_sys::Function,
) -> Result<js_sys::Array, JsError> {
    let include = include.into_iter().map(|i| i as usize).collect();
    let (text, article) = analyse(source, text, html, include, &mut |p| {
        let _ = progress.call1(&JsValue::NULL, &JsValue::from_f64(p.into()));
    });
    let json = serde_json::to_string(&article)
        .map_err(|e| JsError::new(&format!("the cards could not be written as JSON: {e}")))?;
    let text = if html {
        JsValue::from_str(&text)
    } else {
        JsValue::NULL
    };
    Ok(js_sys::Array::of2(&text, &JsValue::from_str(&json)))
}

/// A running background analysis; dropping it ends the worker.
pub struct Job {
    worker: web_sys::Worker,
    _onmessage: Closure<dyn FnMut(web_sys::MessageEvent)>,
    _onerror: Closure<dyn FnMut(web_sys::ErrorEvent)>,
}

impl Drop for Job {
    fn drop(&mut self) {
        self.worker.terminate();
    }
}

fn get(object: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(object, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
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
    let setup = get(&js_sys::global(), "zhibiaoWorker");
    let url = get(&setup, "url")
        .as_string()
        .ok_or_else(|| JsValue::from_str("no worker script"))?;
    let options = web_sys::WorkerOptions::new();
    options.set_type(web_sys::WorkerType::Module);
    let worker = web_sys::Worker::new_with_options(&url, &options)?;

    let d = dispatcher.clone();
    let onmessage = Closure::<dyn FnMut(_)>::new(move |event: web_sys::MessageEvent| {
        let data = event.data();
        let action = match get(&data, "type").as_string().as_deref() {
            Some("progress") => Action::Progress {
                rev,
                progress: get(&data, "value").as_f64().unwrap_or(0.0) as f32,
            },
            Some("done") => {
                let json = get(&data, "json").as_string().unwrap_or_default();
                match serde_json::from_str::<Article>(&json) {
                    Ok(article) => Action::Analysed {
                        rev,
                        text: get(&data, "text").as_string(),
                        article: Rc::new(article),
                    },
                    Err(e) => Action::Failed {
                        rev,
                        message: e.to_string(),
                    },
                }
            }
            _ => Action::Failed {
                rev,
                message: get(&data, "message")
                    .as_string()
                    .unwrap_or_else(|| "the worker failed".into()),
            },
        };
        d.dispatch(action);
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
    let message = js_sys::Object::new();
    for (key, value) in [
        ("js", get(&setup, "js")),
        ("integrity", get(&setup, "integrity")),
        ("module", get(&setup, "module")),
        ("source", JsValue::from_str(&job.source)),
        ("text", JsValue::from_str(&job.text)),
        ("html", JsValue::from_bool(job.html)),
        ("include", include.into()),
    ] {
        js_sys::Reflect::set(&message, &JsValue::from_str(key), &value)?;
    }
    worker.post_message(&message)?;
    Ok(Job {
        worker,
        _onmessage: onmessage,
        _onerror: onerror,
    })
}
