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

/// `text` as the rules read it: reduced to its words when it is a web page.
fn readable(text: String, html: bool) -> String {
    if html {
        crate::html_to_text(&text)
    } else {
        text
    }
}

/// Analyse `text` (first reduced from HTML when `html`), reporting progress through
/// `progress(fraction)`; returns `[text or null, the article as JSON]`. Called in the worker.
#[wasm_bindgen(js_name = analyzeInWorker)]
pub fn analyze_in_worker(
    source: &str,
    text: String,
    html: bool,
    progress: &js_sys::Function,
) -> js_sys::Array {
    let text = readable(text, html);
    let article = crate::analyze_with_progress(source, &text, &mut |p| {
        let _ = progress.call1(&JsValue::NULL, &JsValue::from_f64(p.into()));
    });
    let json = serde_json::to_string(&article).unwrap_or_default();
    let text = if html {
        JsValue::from_str(&text)
    } else {
        JsValue::NULL
    };
    js_sys::Array::of2(&text, &JsValue::from_str(&json))
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
pub fn start(
    rev: u64,
    source: &str,
    text: &str,
    html: bool,
    dispatcher: UseReducerDispatcher<State>,
) -> Option<Job> {
    match spawn(rev, source, text, html, dispatcher.clone()) {
        Ok(job) => Some(job),
        Err(_) => {
            let text = readable(text.to_string(), html);
            let article = Rc::new(crate::analyze(source, &text));
            dispatcher.dispatch(Action::Analysed {
                rev,
                text: html.then_some(text),
                article,
            });
            None
        }
    }
}

fn spawn(
    rev: u64,
    source: &str,
    text: &str,
    html: bool,
    dispatcher: UseReducerDispatcher<State>,
) -> Result<Job, JsValue> {
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

    let message = js_sys::Object::new();
    for (key, value) in [
        ("js", get(&setup, "js")),
        ("integrity", get(&setup, "integrity")),
        ("module", get(&setup, "module")),
        ("source", JsValue::from_str(source)),
        ("text", JsValue::from_str(text)),
        ("html", JsValue::from_bool(html)),
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
