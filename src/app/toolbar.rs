//! The row of actions: load the sample or a file, clear, and export the cards.
//!
//! Exports appear once there are cards (an export of nothing is no use); on a phone they fold
//! into a "more" menu so the toolbar takes one line.

use super::exports::Export;
use super::file_picker::FilePicker;
use super::i18n::Lang;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ToolbarProps {
    pub lang: Lang,
    pub has_text: bool,
    pub has_cards: bool,
    pub on_sample: Callback<()>,
    /// Files chosen (several at once become several articles).
    pub on_open: Callback<Vec<web_sys::File>>,
    pub on_clear: Callback<()>,
    pub on_export: Callback<Export>,
}

#[component]
pub fn Toolbar(props: &ToolbarProps) -> Html {
    let s = props.lang.strings();
    let menu_open = use_state(|| false);
    let toggle_menu = {
        let menu_open = menu_open.clone();
        Callback::from(move |_: MouseEvent| menu_open.set(!*menu_open))
    };
    let click = |cb: &Callback<()>| cb.reform(|_: MouseEvent| ());
    let export = |what: Export, class: &'static str, label: &'static str| {
        html! {
            <button type="button" {class} onclick={props.on_export.reform(move |_: MouseEvent| what)}>
                { label }
            </button>
        }
    };

    html! {
        <nav class="toolbar" aria-label={s.toolbar_label}>
            <div class="group">
                <button type="button" class="sample" onclick={click(&props.on_sample)}>
                    { s.sample }
                </button>
                <FilePicker label={s.open} class="open" multiple=true
                    accept=".txt,.text,.md,.html,.htm,text/plain,text/html"
                    on_files={props.on_open.clone()} />
                <button type="button" class="clear" disabled={!props.has_text}
                    onclick={click(&props.on_clear)}>
                    { s.clear }
                </button>
            </div>
            if props.has_cards {
                <button type="button" class="menu-toggle" aria-expanded={menu_open.to_string()}
                    aria-controls="export-group" onclick={toggle_menu}>
                    { s.menu }
                </button>
                <div id="export-group" class={classes!("group", "exports", menu_open.then_some("open"))}>
                    { export(Export::Markdown, "copy-md", s.copy_md) }
                    { export(Export::Csv, "csv", s.csv) }
                    { export(Export::Json, "json", s.json) }
                    { export(Export::Print, "print", s.print) }
                </div>
            }
        </nav>
    }
}
