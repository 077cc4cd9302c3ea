//! The root component: owns the state and lays out the panes.
//!
//! The callbacks are in [`super::handlers`] (each written once), the side effects in
//! [`super::effects`], the exports in [`super::exports`]; this file only puts the pieces on the
//! page and derives what they show from the [`State`].

use super::article_list::ArticleList;
use super::article_view::ArticleView;
use super::browser;
use super::card_list::CardList;
use super::effects::use_effects;
use super::exports::{export, export_workspace, Export};
use super::filters::Filters;
use super::handlers::{open_files, Handlers};
use super::i18n::Lang;
use super::input_pane::InputPane;
use super::progress_panel::ProgressPanel;
use super::state::{Action, Notice, State};
use super::toolbar::Toolbar;
use super::undo_bar::UndoBar;
use super::view::source_label;
use yew::prelude::*;

/// The files of a drag (none for text dragged inside the page).
fn dragged_files(event: &DragEvent) -> Vec<web_sys::File> {
    let files = event.data_transfer().and_then(|dt| dt.files());
    files.map_or_else(Vec::new, |f| {
        (0..f.length()).filter_map(|i| f.get(i)).collect()
    })
}

fn drags_files(event: &DragEvent) -> bool {
    event
        .data_transfer()
        .is_some_and(|dt| dt.types().includes(&"Files".into(), 0))
}

/// What the page's plain box (`index.html`) held when the app arrived.
#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// The text typed or pasted there while the wasm loaded (empty when none).
    pub early: AttrValue,
    /// Whether that box had the focus, which the app's box then takes.
    pub focused: bool,
}

/// The starting state: the early text, else the saved workspace (or the article an earlier
/// version saved).
fn initial_state(early: &str) -> State {
    let lang = browser::initial_lang();
    if early.trim().is_empty() {
        if let Some(saved) = browser::saved_workspace() {
            return State::restore(lang, saved);
        }
    }
    let saved = if early.trim().is_empty() {
        browser::saved_article()
    } else {
        Some((early.to_string(), super::state::TYPED_SOURCE.to_string()))
    };
    State::new(lang, saved)
}

/// What the live region says for `notice`.
fn notice_text(lang: Lang, notice: &Notice) -> String {
    let s = lang.strings();
    match notice {
        Notice::Copied => s.copied.to_string(),
        Notice::CopyFailed => s.copy_failed.to_string(),
        Notice::Downloaded => s.downloaded.to_string(),
        Notice::FileError(name) => lang.file_error(name),
        Notice::Located(words) => lang.located(words),
        Notice::ExportFailed(why) => lang.export_failed(why),
        Notice::ImportFailed(why) => lang.import_failed(why),
        Notice::Imported(articles) => lang.imported(*articles),
    }
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let state = use_reducer(|| {
        let mut state = initial_state(&props.early);
        state.offload = super::worker::available();
        state
    });
    let dispatcher = state.dispatcher();
    let on = use_memo((), |_| Handlers::new(&dispatcher));
    use_effects(&state, on.paste.clone());
    // The early box's focus carries over to the app's box.
    use_effect_with(props.focused, |focused| {
        if *focused {
            browser::focus("article-input");
        }
    });

    let visible = use_memo(
        (state.analysis.clone(), state.filter.clone()),
        |(analysis, filter)| filter.visible(&analysis.article),
    );

    let on_export = {
        let (state, visible, notify) = (state.clone(), visible.clone(), on.notify.clone());
        Callback::from(move |what: Export| export(what, &state, &visible, &notify))
    };
    let on_lang = {
        let d = dispatcher.clone();
        let other = state.lang.other();
        Callback::from(move |_: MouseEvent| {
            browser::apply_lang(other, true);
            d.dispatch(Action::SetLang(other));
        })
    };
    let ondragover = on.drag.reform(|e: DragEvent| {
        if drags_files(&e) {
            // Without this the browser would open the file itself, leaving the app.
            e.prevent_default();
        }
        drags_files(&e)
    });
    // Leaving the window has no related target; moving between children has one.
    let ondragleave = {
        let drag = on.drag.clone();
        Callback::from(move |e: DragEvent| {
            if e.related_target().is_none() {
                drag.emit(false);
            }
        })
    };
    let ondrop = {
        let (drag, d) = (on.drag.clone(), dispatcher.clone());
        Callback::from(move |e: DragEvent| {
            drag.emit(false);
            let files = dragged_files(&e);
            if !files.is_empty() {
                e.prevent_default();
                open_files(files, d.clone());
            }
        })
    };

    let lang = state.lang;
    let s = lang.strings();
    // The list and the table change with the workspace and with the open article's analysis.
    let shape = (
        state.workspace.edits,
        state.analysis.rev,
        state.running.is_some(),
        lang,
    );
    let items = {
        let state = state.clone();
        use_memo(shape, move |_| state.workspace.items(s.unnamed))
    };
    let on_workspace_export = {
        let (state, notify) = (state.clone(), on.notify.clone());
        Callback::from(move |()| export_workspace(&state.workspace, &notify))
    };
    let workspace = &state.workspace;
    let show_list =
        workspace.docs.len() > 1 || !workspace.open_doc().is_empty() || workspace.removed.is_some();
    // The view switch, and the compare view when chosen (a build may leave them out).
    #[cfg(feature = "compare-view")]
    let (switch, compared) = super::compare_view::use_compare(&state, &on, show_list);
    #[cfg(not(feature = "compare-view"))]
    let (switch, compared) = (Html::default(), None::<Html>);
    let removed = workspace
        .removed
        .as_ref()
        .map(|r| AttrValue::from(r.doc.label(s.unnamed)));
    let article = &state.analysis.article;
    let has_text = !state.input.trim().is_empty();
    // While a long text is being analysed (or was stopped) its cards are not there yet; a
    // quick one keeps the cards shown until its own arrive (none, when there were none).
    let waiting = state.running.is_some_and(|r| r.long) || state.halt.is_some();
    let first = state.running.is_some() && state.analysis.text.trim().is_empty();
    let has_cards = !article.cards.is_empty() && !waiting;
    let notice = state.notice.as_ref().map(|(n, _)| notice_text(lang, n));
    let other: Lang = lang.other();
    let large = state.is_large().then_some(state.input.len());

    html! {
        <div class={classes!("app", state.dragging.then_some("dragging"))}
            {ondragover} {ondragleave} {ondrop}>
            <header class="masthead">
                <div class="brand">
                    <h1>{ s.title }</h1>
                    <p class="tagline">{ s.tagline }</p>
                </div>
                <button type="button" class="lang-switch" lang={other.tag()}
                    aria-label={s.switch_lang_label} onclick={on_lang}>
                    { s.switch_lang }
                </button>
            </header>
            if has_cards && compared.is_none() {
                // On paper: which article the cards are from.
                <div class="print-head">
                    <h2>{ article.title.clone().unwrap_or_default() }</h2>
                    <p>{ source_label(article, s.unnamed) }</p>
                </div>
            }
            // The compare view has its own exports: the cards' are not offered beside them.
            <Toolbar {lang} {has_text} has_cards={has_cards && compared.is_none()}
                on_sample={on.sample.clone()}
                on_open={on.open.clone()} on_clear={on.clear.clone()} {on_export} />
            if show_list {
                <ArticleList {lang} items={items.clone()} open={workspace.open_doc().id}
                    {removed} on_open={on.open_article.clone()} on_rename={on.rename.clone()}
                    on_remove={on.remove.clone()} on_restore={on.restore.clone()}
                    on_add={on.add.clone()} on_export={on_workspace_export}
                    on_import={on.import.clone()} />
                { switch }
            }
            <InputPane {lang} value={state.input.clone()} {large} compact={has_cards}
                on_edit={on.edit.clone()} on_paste={on.paste.clone()} />
            if let Some(undo) = &state.undo {
                <UndoBar {lang} what={undo.what} can_append={undo.pasted.is_some()}
                    on_undo={on.undo.clone()} on_append={on.append.clone()}
                    on_add={on.add_pasted.clone()} />
            }
            <p class="notice" role="status" aria-live="polite">
                { notice.unwrap_or_default() }
            </p>
            if let Some(compared) = compared.clone() {
                { compared }
            } else if !has_text {
                <section class="empty" aria-labelledby="empty-title">
                    <h2 id="empty-title">{ s.empty_title }</h2>
                    <p>{ s.empty_body }</p>
                    <button type="button" class="primary"
                        onclick={on.sample.reform(|_: MouseEvent| ())}>
                        { s.sample }
                    </button>
                </section>
            } else if waiting {
                <ProgressPanel {lang} progress={state.running.map(|r| r.progress)}
                    halt={state.halt.clone()} bytes={state.input.len()}
                    on_cancel={on.cancel.clone()} on_restart={on.restart.clone()} />
            } else if first {
            } else {
                if has_cards {
                    <Filters {lang} filter={state.filter.clone()}
                        shown={visible.len()} cards={article.cards.len()}
                        facts={article.fact_count()}
                        on_toggle={on.toggle.clone()} on_all_kinds={on.all_kinds.clone()}
                        on_search={on.search.clone()} />
                }
                <div class="panes">
                    <section class="cards-pane" aria-labelledby="cards-title"
                        aria-busy={state.pending().to_string()}>
                        <h2 id="cards-title" tabindex="-1">{ s.cards_heading }</h2>
                        if has_cards {
                            <button type="button" class="skip-link"
                                onclick={Callback::from(|_: MouseEvent| browser::focus("article-text"))}>
                                { s.skip_to_article }
                            </button>
                        }
                        <CardList {lang} analysis={state.analysis.clone()}
                            visible={visible.clone()} selection={state.selection}
                            limit={state.card_limit} on_select={on.select.clone()}
                            on_notify={on.notify.clone()} on_more={on.more.clone()} />
                    </section>
                    <section class="article-pane" aria-labelledby="article-title">
                        <h2 id="article-title">{ s.article_heading }</h2>
                        <p class="hint">{ s.article_hint }</p>
                        <ArticleView {lang} analysis={state.analysis.clone()}
                            page={state.page.clone()} page_turns={state.page_turns}
                            on_page={on.page.clone()} selection={state.selection}
                            on_select={on.select.clone()} on_include={on.include.clone()} />
                    </section>
                </div>
            }
            <div class="drop-overlay" aria-hidden="true">{ s.drop_hint }</div>
        </div>
    }
}
