//! The app's side effects, one effect each: the typing pause, the background analysis, saving
//! the workspace, fading messages, moving the focus, and pastes made anywhere on the page.
//!
//! Each effect watches one part of the [`State`] and acts when it changes; none changes the
//! state but through an [`Action`].

use super::browser;
use super::handlers::Pasted;
use super::intake::page_paste;
use super::state::{Action, State};
use super::worker;
use std::time::Duration;
use yew::platform::{spawn_local, time::sleep};
use yew::prelude::*;

type Dispatcher = UseReducerDispatcher<State>;

/// How long typing must pause before the text is analysed again.
const TYPING_PAUSE: Duration = Duration::from_millis(250);
/// How long a message stays on screen.
const NOTICE_TIME: Duration = Duration::from_secs(4);

/// Dispatch `action` after `wait`.
fn later(d: &Dispatcher, wait: Duration, action: Action) {
    let d = d.clone();
    spawn_local(async move {
        sleep(wait).await;
        d.dispatch(action);
    });
}

/// Every side effect of the app, for the state `state`.
#[hook]
pub fn use_effects(state: &UseReducerHandle<State>, on_paste: Callback<Pasted>) {
    let d = state.dispatcher();

    // The page's language follows the UI's (fonts, screen readers).
    use_effect_with(state.lang, |lang| browser::apply_lang(*lang, false));

    // Typing: analyse once the text has not changed for a moment.
    let pending = state.pending();
    let typing = d.clone();
    use_effect_with(state.rev, move |rev| {
        if pending {
            later(&typing, TYPING_PAUSE, Action::Settle(*rev));
        }
    });

    // A long text is analysed by a worker; a newer text, a cancel or the result ends it.
    let job = worker::Request {
        source: state.source.to_string(),
        text: state.input.clone(),
        html: state.raw_html,
        include: state.include.to_vec(),
        progress: state.running.is_some_and(|r| r.long),
    };
    let background = d.clone();
    use_effect_with(state.running.map(|r| r.rev), move |running| {
        let job = running.and_then(|rev| worker::start(rev, &job, background));
        move || drop(job)
    });

    // So is a workspace article waiting for its analysis, one at a time (its own revisions).
    let waiting = state.waiting.as_ref().and_then(|w| {
        let doc = &state.workspace.docs[state.workspace.index(w.id)?];
        let request = worker::Request {
            source: doc.source.to_string(),
            text: doc.text.clone(),
            html: doc.html,
            include: doc.include.to_vec(),
            progress: false,
        };
        Some((w.rev, request))
    });
    let aside = d.clone();
    use_effect_with(state.waiting.as_ref().map(|w| w.rev), move |_| {
        let job = waiting.and_then(|(rev, request)| worker::start(rev, &request, aside));
        move || drop(job)
    });

    // The workspace a reload brings back: saved with every analysis and every change to it,
    // in a task of its own after the cards are on screen (a long article takes a while to
    // write out).
    let kept = state.clone();
    use_effect_with((state.analysis.rev, state.workspace.edits), move |_| {
        spawn_local(async move {
            sleep(Duration::ZERO).await;
            browser::save_workspace(&kept.workspace);
        });
    });

    // Messages fade after a while.
    let fading = d.clone();
    use_effect_with(state.notice.as_ref().map(|n| n.1), move |seq| {
        if let Some(seq) = *seq {
            later(&fading, NOTICE_TIME, Action::Dismiss(seq));
        }
    });

    // After clear, undo or append the box has the focus, ready for the next paste.
    use_effect_with(state.focus_input, |moves| {
        if *moves > 0 {
            browser::focus("article-input");
        }
    });

    // A paste outside the box (nothing focused, a fresh page) reads the article.
    use_effect_with((), move |_| {
        let listener = browser::listen_for_pastes(move |event| {
            let Some((plain, html)) = browser::clipboard_texts(&event) else {
                return;
            };
            if let Some((text, html)) = page_paste(&plain, &html) {
                event.prevent_default();
                on_paste.emit(Pasted::Article { text, html });
            }
        });
        move || drop(listener)
    });
}
