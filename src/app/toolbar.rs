//! The row of actions: load the sample or a file, clear, and export the cards.
//!
//! Exports are disabled (not hidden) while there are no cards, so the layout stays put and a
//! screen reader still finds them.

use super::i18n::Lang;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ToolbarProps {
    pub lang: Lang,
    pub has_text: bool,
    pub has_cards: bool,
    pub on_sample: Callback<()>,
    pub on_open: Callback<web_sys::File>,
    pub on_clear: Callback<()>,
    pub on_copy_md: Callback<()>,
    pub on_csv: Callback<()>,
    pub on_json: Callback<()>,
    pub on_print: Callback<()>,
}

#[component]
pub fn Toolbar(props: &ToolbarProps) -> Html {
    let s = props.lang.strings();
    let picker = use_node_ref();

    // A real button opens the hidden file input, so the action looks and tabs like the others.
    let open_picker = {
        let picker = picker.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(input) = picker.cast::<HtmlInputElement>() {
                input.click();
            }
        })
    };
    let onchange = {
        let on_open = props.on_open.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Some(file) = input.files().and_then(|files| files.get(0)) {
                on_open.emit(file);
            }
            // Choosing the same file again must still count as a change.
            input.set_value("");
        })
    };
    let click = |cb: &Callback<()>| cb.reform(|_: MouseEvent| ());
    let no_cards = !props.has_cards;

    html! {
        <nav class="toolbar" aria-label={s.toolbar_label}>
            <div class="group">
                <button type="button" class="sample" onclick={click(&props.on_sample)}>
                    { s.sample }
                </button>
                <button type="button" class="open" onclick={open_picker}>{ s.open }</button>
                <input ref={picker} type="file" class="visually-hidden" tabindex="-1"
                    aria-hidden="true" accept=".txt,.text,.md,.html,.htm,text/plain,text/html"
                    {onchange} />
                <button type="button" class="clear" disabled={!props.has_text}
                    onclick={click(&props.on_clear)}>
                    { s.clear }
                </button>
            </div>
            <div class="group exports">
                <button type="button" class="copy-md" disabled={no_cards}
                    onclick={click(&props.on_copy_md)}>
                    { s.copy_md }
                </button>
                <button type="button" class="csv" disabled={no_cards}
                    onclick={click(&props.on_csv)}>
                    { s.csv }
                </button>
                <button type="button" class="json" disabled={no_cards}
                    onclick={click(&props.on_json)}>
                    { s.json }
                </button>
                <button type="button" class="print" disabled={no_cards}
                    onclick={click(&props.on_print)}>
                    { s.print }
                </button>
            </div>
        </nav>
    }
}
