//! The workspace's articles: each with its title, source, date or period and fact count; open
//! one, rename it in place (Enter or leaving the field keeps the name, Escape drops it), remove
//! it (with undo); add a new one; export the workspace as one JSON file or import one.

use super::file_picker::FilePicker;
use super::i18n::Lang;
use super::workspace::Item;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ArticleListProps {
    pub lang: Lang,
    pub items: Rc<Vec<Item>>,
    /// The id of the open article.
    pub open: u64,
    /// The label of the article just removed, while it can be restored.
    pub removed: Option<AttrValue>,
    pub on_open: Callback<u64>,
    pub on_rename: Callback<(u64, String)>,
    pub on_remove: Callback<u64>,
    pub on_restore: Callback<()>,
    pub on_add: Callback<()>,
    pub on_export: Callback<()>,
    pub on_import: Callback<web_sys::File>,
}

#[component]
pub fn ArticleList(props: &ArticleListProps) -> Html {
    let lang = props.lang;
    let s = lang.strings();
    let editing = use_state(|| None::<u64>);
    // The name field takes the focus when it opens.
    let field = use_node_ref();
    {
        let field = field.clone();
        use_effect_with(*editing, move |editing| {
            if let (Some(_), Some(input)) = (editing, field.cast::<HtmlInputElement>()) {
                let _ = input.focus();
                input.select();
            }
        });
    }

    let commit = |id: u64| {
        let (on_rename, editing) = (props.on_rename.clone(), editing.clone());
        move |input: HtmlInputElement| {
            on_rename.emit((id, input.value()));
            editing.set(None);
        }
    };
    let item = |item: &Item| {
        let id = item.id;
        let open = id == props.open;
        let meta = lang.article_meta(&item.source, item.when.as_deref(), item.facts);
        let body = if *editing == Some(id) {
            let (on_blur, on_enter) = (commit(id), commit(id));
            let (cancel, label) = (editing.clone(), item.label.clone());
            let onkeydown = Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
                "Enter" => on_enter(e.target_unchecked_into()),
                "Escape" => {
                    // The old name back first, in case the field's blur still commits it.
                    let input: HtmlInputElement = e.target_unchecked_into();
                    input.set_value(&label);
                    cancel.set(None);
                }
                _ => {}
            });
            html! {
                <input class="rename-input" type="text" aria-label={s.rename_label}
                    value={item.label.clone()} ref={field.clone()} {onkeydown}
                    onblur={Callback::from(move |e: FocusEvent| on_blur(e.target_unchecked_into()))} />
            }
        } else {
            html! {
                <button type="button" class="article-open"
                    aria-current={open.then_some("true")}
                    onclick={props.on_open.reform(move |_: MouseEvent| id)}>
                    <span class="article-title">{ item.label.clone() }</span>
                    <span class="article-meta">{ meta }</span>
                </button>
            }
        };
        let rename = {
            let editing = editing.clone();
            Callback::from(move |_: MouseEvent| editing.set(Some(id)))
        };
        html! {
            <li class={classes!("article-item", open.then_some("open"))} key={id}
                data-id={id.to_string()}>
                { body }
                <button type="button" class="article-rename" onclick={rename}
                    aria-label={lang.for_card(s.rename, &item.label)}>{ s.rename }</button>
                <button type="button" class="article-remove"
                    aria-label={lang.for_card(s.remove, &item.label)}
                    onclick={props.on_remove.reform(move |_: MouseEvent| id)}>{ s.remove }</button>
            </li>
        }
    };
    // A workspace file is one file: the first chosen.
    let on_import = {
        let on_import = props.on_import.clone();
        Callback::from(move |files: Vec<web_sys::File>| {
            if let Some(file) = files.into_iter().next() {
                on_import.emit(file);
            }
        })
    };
    let click = |cb: &Callback<()>| cb.reform(|_: MouseEvent| ());

    html! {
        <nav class="articles" aria-label={s.articles_label}>
            <ul class="article-list">
                { for props.items.iter().map(item) }
            </ul>
            <div class="article-actions">
                <button type="button" class="add-article" onclick={click(&props.on_add)}>
                    { s.add_article }
                </button>
                <button type="button" class="export-workspace" onclick={click(&props.on_export)}>
                    { s.export_workspace }
                </button>
                <FilePicker label={s.import_workspace} class="import-workspace"
                    input_class="workspace-file" accept=".json,application/json"
                    on_files={on_import} />
            </div>
            if let Some(label) = &props.removed {
                <p class="removed-bar" role="status">
                    <span>{ lang.removed(label) }</span>
                    <button type="button" class="restore" onclick={click(&props.on_restore)}>
                        { s.undo }
                    </button>
                </p>
            }
        </nav>
    }
}
