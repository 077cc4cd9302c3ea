//! The root component: owns the state, wires the panes together, does the side effects.
//!
//! Side effects live here (and in [`super::browser`] and [`super::worker`]) so the other
//! components only show props and call back: the typing pause, the background analysis of long
//! texts, saving the article, exports, file reading and drops.

use super::article_view::ArticleView;
use super::browser;
use super::card_list::CardList;
use super::filters::Filters;
use super::i18n::Lang;
use super::input_pane::InputPane;
use super::progress_panel::ProgressPanel;
use super::state::{Action, Notice, Origin, Page, State, TYPED_SOURCE};
use super::toolbar::Toolbar;
use super::view::{is_html_file, looks_undecodable, Group};
use super::worker;
use crate::model::Report;
use crate::render;
use std::time::Duration;
use yew::platform::{spawn_local, time::sleep};
use yew::prelude::*;

/// How long typing must pause before the text is analysed again.
const TYPING_PAUSE: Duration = Duration::from_millis(250);
/// How long a message stays on screen.
const NOTICE_TIME: Duration = Duration::from_secs(4);

/// The label of the sample article in exports.
const SAMPLE_SOURCE: &str = "sample";

/// The report of the current article, as the CLI would print it for one file.
fn report(state: &State) -> Report {
    Report {
        articles: vec![(*state.analysis.article).clone()],
    }
}

/// Read a dropped or opened file into the box; HTML is reduced to its text first.
fn open_file(file: web_sys::File, dispatcher: UseReducerDispatcher<State>) {
    spawn_local(async move {
        let name = file.name();
        let html = is_html_file(&name, &file.type_());
        match browser::read_file(file).await {
            Ok(text) if !looks_undecodable(&text) => {
                dispatcher.dispatch(Action::Load {
                    text,
                    source: name,
                    html,
                });
            }
            _ => dispatcher.dispatch(Action::Notify(Notice::FileError(name))),
        }
    });
}

/// The first file of a drag, if it carries files (text dragged inside the page does not).
fn dragged_file(event: &DragEvent) -> Option<web_sys::File> {
    event.data_transfer()?.files()?.get(0)
}

fn drags_files(event: &DragEvent) -> bool {
    event
        .data_transfer()
        .is_some_and(|dt| dt.types().includes(&"Files".into(), 0))
}

#[component]
pub fn App() -> Html {
    let state = use_reducer(|| State::new(browser::initial_lang(), browser::saved_article()));
    let dispatcher = state.dispatcher();

    // The page's language follows the UI's (fonts, screen readers).
    use_effect_with(state.lang, |lang| browser::apply_lang(*lang, false));

    // Typing: analyse once the text has not changed for a moment.
    {
        let dispatcher = dispatcher.clone();
        let pending = state.pending();
        use_effect_with(state.rev, move |rev| {
            if pending {
                let rev = *rev;
                spawn_local(async move {
                    sleep(TYPING_PAUSE).await;
                    dispatcher.dispatch(Action::Settle(rev));
                });
            }
        });
    }

    // A long text is analysed by a worker; a newer text, a cancel or the result ends it.
    {
        let dispatcher = dispatcher.clone();
        let running = state.running.map(|r| r.rev);
        let (text, source, html) = (state.input.clone(), state.source.clone(), state.raw_html);
        use_effect_with(running, move |running| {
            let job = running.and_then(|rev| worker::start(rev, &source, &text, html, dispatcher));
            move || drop(job)
        });
    }

    // Every analysed text is the one a reload brings back.
    {
        let text = state.analysis.text.clone();
        let source = state.source.clone();
        use_effect_with(state.analysis.rev, move |_| {
            browser::save_article(&text, &source)
        });
    }

    // Messages fade after a while.
    {
        let dispatcher = dispatcher.clone();
        let seq = state.notice.as_ref().map(|n| n.1);
        use_effect_with(seq, move |seq| {
            if let Some(seq) = *seq {
                spawn_local(async move {
                    sleep(NOTICE_TIME).await;
                    dispatcher.dispatch(Action::Dismiss(seq));
                });
            }
        });
    }

    let visible = use_memo(
        (state.analysis.clone(), state.filter.clone()),
        |(analysis, filter)| filter.visible(&analysis.article),
    );

    let d = dispatcher.clone();
    let on_edit = use_callback((), move |text: String, _| d.dispatch(Action::Edit(text)));
    let d = dispatcher.clone();
    let on_paste = use_callback((), move |(text, html): (String, bool), _| {
        d.dispatch(Action::Load {
            text,
            source: TYPED_SOURCE.into(),
            html,
        })
    });
    let d = dispatcher.clone();
    let on_sample = use_callback((), move |_: (), _| {
        d.dispatch(Action::Load {
            text: super::SAMPLE.into(),
            source: SAMPLE_SOURCE.into(),
            html: false,
        })
    });
    let d = dispatcher.clone();
    let on_open = use_callback((), move |file: web_sys::File, _| open_file(file, d.clone()));
    let d = dispatcher.clone();
    let on_clear = use_callback((), move |_: (), _| d.dispatch(Action::Clear));
    let d = dispatcher.clone();
    let on_notify = use_callback((), move |notice: Notice, _| {
        d.dispatch(Action::Notify(notice))
    });
    let d = dispatcher.clone();
    let on_select = use_callback(
        (),
        move |(card, fact, from): (usize, Option<usize>, Origin), _| {
            d.dispatch(Action::Select { card, fact, from })
        },
    );
    let d = dispatcher.clone();
    let on_more = use_callback((), move |_: (), _| d.dispatch(Action::MoreCards));
    let d = dispatcher.clone();
    let on_page = use_callback((), move |way: Page, _| d.dispatch(Action::TurnPage(way)));
    let d = dispatcher.clone();
    let on_cancel = use_callback((), move |_: (), _| d.dispatch(Action::Cancel));
    let d = dispatcher.clone();
    let on_restart = use_callback((), move |_: (), _| d.dispatch(Action::Restart));
    let d = dispatcher.clone();
    let on_toggle = use_callback((), move |group: Group, _| d.dispatch(Action::Toggle(group)));
    let d = dispatcher.clone();
    let on_all_kinds = use_callback((), move |_: (), _| d.dispatch(Action::AllKinds));
    let d = dispatcher.clone();
    let on_search = use_callback((), move |query: String, _| {
        d.dispatch(Action::Search(query))
    });

    let on_copy_md = {
        let d = dispatcher.clone();
        let state = state.clone();
        Callback::from(move |_: ()| {
            let d = d.clone();
            let markdown = render::markdown(&report(&state));
            spawn_local(async move {
                let ok = browser::copy(markdown).await;
                d.dispatch(Action::Notify(if ok {
                    Notice::Copied
                } else {
                    Notice::CopyFailed
                }));
            });
        })
    };
    let on_csv = {
        let d = dispatcher.clone();
        let state = state.clone();
        Callback::from(move |_: ()| {
            // The byte-order mark makes spreadsheet programs read the Chinese as UTF-8.
            let csv = format!("\u{FEFF}{}", render::csv(&report(&state)));
            if browser::download("zhibiao.csv", "text/csv;charset=utf-8", &csv).is_ok() {
                d.dispatch(Action::Notify(Notice::Downloaded));
            }
        })
    };
    let on_json = {
        let d = dispatcher.clone();
        let state = state.clone();
        Callback::from(move |_: ()| match render::json(&report(&state)) {
            Ok(json) => {
                if browser::download("zhibiao.json", "application/json", &json).is_ok() {
                    d.dispatch(Action::Notify(Notice::Downloaded));
                }
            }
            Err(e) => d.dispatch(Action::Notify(Notice::FileError(e.to_string()))),
        })
    };
    let on_print = Callback::from(|_: ()| browser::print());
    let on_lang = {
        let d = dispatcher.clone();
        let other = state.lang.other();
        Callback::from(move |_: MouseEvent| {
            browser::apply_lang(other, true);
            d.dispatch(Action::SetLang(other));
        })
    };

    let ondragover = {
        let d = dispatcher.clone();
        Callback::from(move |e: DragEvent| {
            if drags_files(&e) {
                // Without this the browser would open the file itself, leaving the app.
                e.prevent_default();
                d.dispatch(Action::Drag(true));
            }
        })
    };
    let ondragleave = {
        let d = dispatcher.clone();
        Callback::from(move |e: DragEvent| {
            // Leaving the window has no related target; moving between children has one.
            if e.related_target().is_none() {
                d.dispatch(Action::Drag(false));
            }
        })
    };
    let ondrop = {
        let d = dispatcher.clone();
        Callback::from(move |e: DragEvent| {
            d.dispatch(Action::Drag(false));
            if let Some(file) = dragged_file(&e) {
                e.prevent_default();
                open_file(file, d.clone());
            }
        })
    };

    let lang = state.lang;
    let s = lang.strings();
    let article = &state.analysis.article;
    let has_text = !state.input.trim().is_empty();
    // While a long text is being analysed (or was stopped) its cards are not there yet.
    let waiting = state.running.is_some() || state.halt.is_some();
    let has_cards = !article.cards.is_empty() && !waiting;
    let notice = state.notice.as_ref().map(|(n, _)| match n {
        Notice::Copied => s.copied.to_string(),
        Notice::CopyFailed => s.copy_failed.to_string(),
        Notice::Downloaded => s.downloaded.to_string(),
        Notice::Cleared => s.cleared.to_string(),
        Notice::FileError(name) => lang.file_error(name),
    });
    let other: Lang = lang.other();

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
            <Toolbar {lang} {has_text} {has_cards} on_sample={on_sample.clone()} {on_open} {on_clear}
                {on_copy_md} {on_csv} {on_json} {on_print} />
            <InputPane {lang} value={state.input.clone()}
                large={state.is_large().then_some(state.input.len())} {on_edit} {on_paste} />
            <p class="notice" role="status" aria-live="polite">
                { notice.unwrap_or_default() }
            </p>
            if !has_text {
                <section class="empty" aria-labelledby="empty-title">
                    <h2 id="empty-title">{ s.empty_title }</h2>
                    <p>{ s.empty_body }</p>
                    <button type="button" class="primary"
                        onclick={on_sample.reform(|_: MouseEvent| ())}>
                        { s.sample }
                    </button>
                </section>
            } else if waiting {
                <ProgressPanel {lang} progress={state.running.map(|r| r.progress)}
                    halt={state.halt.clone()} bytes={state.input.len()} {on_cancel} {on_restart} />
            } else {
                if has_cards {
                    <Filters {lang} filter={state.filter.clone()}
                        shown={visible.len()} cards={article.cards.len()}
                        facts={article.fact_count()}
                        {on_toggle} {on_all_kinds} {on_search} />
                }
                <div class="panes">
                    <section class="cards-pane" aria-labelledby="cards-title"
                        aria-busy={state.pending().to_string()}>
                        <h2 id="cards-title">{ s.cards_heading }</h2>
                        <CardList {lang} analysis={state.analysis.clone()}
                            visible={visible.clone()} selection={state.selection}
                            limit={state.card_limit} on_select={on_select.clone()}
                            {on_notify} {on_more} />
                    </section>
                    <section class="article-pane" aria-labelledby="article-title">
                        <h2 id="article-title">{ s.article_heading }</h2>
                        <p class="hint">{ s.article_hint }</p>
                        <ArticleView {lang} analysis={state.analysis.clone()}
                            page={state.page.clone()} page_turns={state.page_turns}
                            selection={state.selection} {on_select} {on_page} />
                    </section>
                </div>
            }
            <div class="drop-overlay" aria-hidden="true">{ s.drop_hint }</div>
        </div>
    }
}
