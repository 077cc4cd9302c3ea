//! The bar after a whole-text change (clear, sample, file, a pasted article): what happened,
//! "undo", and for a pasted article "add it as a new article" or "append it instead". It stays
//! until the reader types.

use super::i18n::Lang;
use super::state::Replaced;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct UndoBarProps {
    pub lang: Lang,
    pub what: Replaced,
    /// The change was a pasted article, which may be appended to the old text instead.
    pub can_append: bool,
    pub on_undo: Callback<()>,
    pub on_append: Callback<()>,
    /// Keep the pasted article as a new article beside the text instead.
    pub on_add: Callback<()>,
}

#[component]
pub fn UndoBar(props: &UndoBarProps) -> Html {
    let s = props.lang.strings();
    let click = |cb: &Callback<()>| cb.reform(|_: MouseEvent| ());
    html! {
        <div class="undo-bar" role="status" aria-live="polite">
            <span class="undo-message">{ props.lang.replaced(props.what) }</span>
            if props.can_append {
                <button type="button" class="add-new" onclick={click(&props.on_add)}>
                    { s.add_new }
                </button>
                <button type="button" class="append" onclick={click(&props.on_append)}>
                    { s.append }
                </button>
            }
            <button type="button" class="undo" onclick={click(&props.on_undo)}>
                { s.undo }
            </button>
        </div>
    }
}
