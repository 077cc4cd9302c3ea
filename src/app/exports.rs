//! Exports: the Markdown table (clipboard), CSV and JSON (downloads), print; the workspace as
//! one JSON file (the compare table's are the compare view's own).
//!
//! They hold the cards the filters show (every card when no filter is on, whatever the list
//! has paged), in the core's formats, so a file saved here and one printed by the CLI agree; a
//! typed or pasted text is labelled by its title rather than "input", and the file is named
//! after the article.

use super::browser;
use super::state::{Action, Notice, State};
use super::view::{export_report, file_name};
use super::workspace::Workspace;
use crate::render;
use std::time::Duration;
use yew::platform::{spawn_local, time::sleep};
use yew::prelude::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Export {
    Markdown,
    Csv,
    Json,
    Print,
}

/// Put `text` on the clipboard, then say whether it worked.
pub fn copy_and_tell(text: String, notify: Callback<Notice>) {
    spawn_local(async move {
        let ok = browser::copy(text).await;
        notify.emit(if ok {
            Notice::Copied
        } else {
            Notice::CopyFailed
        });
    });
}

/// Run export `what` for the cards `visible` of `state`'s article.
pub fn export(
    what: Export,
    state: &UseReducerHandle<State>,
    visible: &[usize],
    notify: &Callback<Notice>,
) {
    let article = &state.analysis.article;
    let s = state.lang.strings();
    let report = export_report(article, visible, s.unnamed);
    let download = |ext: &str, mime: &str, body: String| {
        if browser::download(&file_name(article, ext), mime, &body).is_ok() {
            notify.emit(Notice::Downloaded);
        }
    };
    match what {
        Export::Markdown => {
            let markdown = render::markdown_with(&report, state.lang.labels());
            copy_and_tell(markdown, notify.clone());
        }
        // The byte-order mark makes spreadsheet programs read the Chinese as UTF-8.
        Export::Csv => download(
            "csv",
            "text/csv;charset=utf-8",
            format!("\u{FEFF}{}", render::csv_with(&report, state.lang.labels())),
        ),
        Export::Json => match render::json(&report) {
            Ok(json) => download("json", "application/json", json),
            Err(e) => notify.emit(Notice::ExportFailed(e.to_string())),
        },
        Export::Print => {
            // Every shown card goes on paper, not only the first page of the list.
            state.dispatch(Action::ListAll);
            spawn_local(async {
                sleep(Duration::from_millis(50)).await;
                browser::print();
            });
        }
    }
}

/// The file name of an exported workspace.
const WORKSPACE_FILE: &str = "zhibiao-workspace.json";

/// Download the workspace as one JSON file (every article but a web page still to reduce).
pub fn export_workspace(workspace: &Workspace, notify: &Callback<Notice>) {
    let saved = workspace.saved(|doc| !doc.html);
    if browser::download(WORKSPACE_FILE, "application/json", &saved.to_json()).is_ok() {
        notify.emit(Notice::Downloaded);
    }
}
