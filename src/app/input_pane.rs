//! The text box the article goes into: typed, pasted (plain or rich) or dropped as text.
//!
//! Typing is reported as an edit (analysed after a pause); a paste is reported at once, since
//! it is one deliberate act. Rich text is reduced by the core's [`crate::html_to_text`] and
//! inserted as plain text: the page never parses pasted markup. A long paste (over
//! [`LARGE_TEXT`]) never enters the box, whose layout would freeze the tab for seconds: it
//! replaces the text whole and is analysed in the background.

use super::i18n::Lang;
use super::view::LARGE_TEXT;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{ClipboardEvent, HtmlTextAreaElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct InputPaneProps {
    pub lang: Lang,
    pub value: Rc<str>,
    /// The length (bytes) of a text too long for the box, which then shows a note instead.
    pub large: Option<usize>,
    /// The box's text after typing.
    pub on_edit: Callback<String>,
    /// The box's text after a paste or a drop of text, or a long pasted text, with whether it
    /// is still HTML.
    pub on_paste: Callback<(String, bool)>,
}

/// Replace the box's selection with `text` and put the caret after it, as a paste would.
fn insert(area: &HtmlTextAreaElement, text: &str) {
    let len = area.value().encode_utf16().count() as u32;
    let start = area.selection_start().ok().flatten().unwrap_or(len);
    let end = area.selection_end().ok().flatten().unwrap_or(start);
    if area
        .set_range_text_with_start_and_end(text, start, end)
        .is_ok()
    {
        let caret = start + text.encode_utf16().count() as u32;
        let _ = area.set_selection_range(caret, caret);
    }
}

#[component]
pub fn InputPane(props: &InputPaneProps) -> Html {
    let s = props.lang.strings();

    let oninput = {
        let (on_edit, on_paste) = (props.on_edit.clone(), props.on_paste.clone());
        Callback::from(move |e: InputEvent| {
            let area: HtmlTextAreaElement = e.target_unchecked_into();
            match e.input_type().as_str() {
                "insertFromPaste" | "insertFromDrop" => on_paste.emit((area.value(), false)),
                _ => on_edit.emit(area.value()),
            }
        })
    };

    let onpaste = {
        let on_paste = props.on_paste.clone();
        Callback::from(move |e: Event| {
            let Some(data) = e
                .dyn_ref::<ClipboardEvent>()
                .and_then(|e| e.clipboard_data())
            else {
                return;
            };
            let html = data.get_data("text/html").unwrap_or_default();
            if html.trim().is_empty() {
                let plain = data.get_data("text/plain").unwrap_or_default();
                if plain.len() > LARGE_TEXT {
                    e.prevent_default();
                    on_paste.emit((plain, false));
                }
                // Otherwise the browser pastes it and `oninput` reports it.
                return;
            }
            e.prevent_default();
            if html.len() > LARGE_TEXT {
                on_paste.emit((html, true));
                return;
            }
            let area: HtmlTextAreaElement = e.target_unchecked_into();
            insert(&area, &crate::html_to_text(&html));
            on_paste.emit((area.value(), false));
        })
    };

    let (value, note) = match props.large {
        Some(bytes) => (AttrValue::default(), Some(props.lang.large_note(bytes))),
        None => (AttrValue::from(props.value.clone()), None),
    };
    html! {
        <section class="input-pane">
            <label for="article-input" class="input-label">{ s.input_label }</label>
            if let Some(note) = note {
                <p class="large-note" id="large-note">{ note }</p>
            }
            <textarea id="article-input" class="article-input" rows="8"
                spellcheck="false" placeholder={s.placeholder} {value}
                aria-describedby={props.large.map(|_| "large-note")}
                {oninput} {onpaste} />
        </section>
    }
}
