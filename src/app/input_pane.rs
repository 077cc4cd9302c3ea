//! The text box the article goes into: typed, pasted (plain or rich) or dropped as text.
//!
//! Typing is reported as an edit (analysed after a pause); a paste is reported at once, since
//! it is one deliberate act. What a paste becomes is [`paste_as`]'s decision: the browser's
//! own insertion, a web page reduced to text by the core and inserted (the page never parses
//! pasted markup), or a whole article that replaces the text (with undo and "append
//! instead"), which is also how a text too long for the box arrives.
//! After an article is in, the box shrinks to a compact bar so the first cards show.

use super::handlers::Pasted;
use super::i18n::Lang;
use super::intake::{paste_as, PasteAs};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

#[derive(Properties)]
pub struct InputPaneProps {
    pub lang: Lang,
    /// Compared by identity: the state holds one `Rc` per text, and comparing a megabyte's
    /// characters on every render of the page took milliseconds each time.
    pub value: Rc<str>,
    /// The length (bytes) of a text too long for the box, which then shows a note instead.
    pub large: Option<usize>,
    /// An article is in: the box is a compact bar until it has the focus.
    pub compact: bool,
    /// The box's text after typing.
    pub on_edit: Callback<String>,
    pub on_paste: Callback<Pasted>,
}

impl PartialEq for InputPaneProps {
    fn eq(&self, other: &Self) -> bool {
        self.lang == other.lang
            && Rc::ptr_eq(&self.value, &other.value)
            && self.large == other.large
            && self.compact == other.compact
            && self.on_edit == other.on_edit
            && self.on_paste == other.on_paste
    }
}

/// The box's selection (UTF-16 units), or the end of its text.
fn selection(area: &HtmlTextAreaElement) -> (u32, u32) {
    let len = area.value().encode_utf16().count() as u32;
    let start = area.selection_start().ok().flatten().unwrap_or(len);
    let end = area.selection_end().ok().flatten().unwrap_or(start);
    (start, end)
}

/// Replace the box's selection with `text` and put the caret after it, as a paste would.
fn insert(area: &HtmlTextAreaElement, text: &str) {
    let (start, end) = selection(area);
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
                "insertFromPaste" | "insertFromDrop" => on_paste.emit(Pasted::InBox(area.value())),
                _ => on_edit.emit(area.value()),
            }
        })
    };

    let onpaste = {
        let on_paste = props.on_paste.clone();
        Callback::from(move |e: Event| {
            let Some((plain, html)) = e
                .dyn_ref::<web_sys::ClipboardEvent>()
                .and_then(super::browser::clipboard_texts)
            else {
                return;
            };
            let area: HtmlTextAreaElement = e.target_unchecked_into();
            let (start, end) = selection(&area);
            match paste_as(&plain, &html, &area.value(), start, end) {
                // `oninput` reports it.
                PasteAs::Browser => {}
                PasteAs::Insert(text) => {
                    e.prevent_default();
                    insert(&area, &text);
                    on_paste.emit(Pasted::InBox(area.value()));
                }
                PasteAs::Article { text, html } => {
                    e.prevent_default();
                    on_paste.emit(Pasted::Article { text, html });
                }
            }
        })
    };

    let (value, note) = match props.large {
        Some(bytes) => (AttrValue::default(), Some(props.lang.large_note(bytes))),
        None => (AttrValue::from(props.value.clone()), None),
    };
    html! {
        <section class={classes!("input-pane", props.compact.then_some("compact"))}>
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
