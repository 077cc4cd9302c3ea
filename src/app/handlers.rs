//! Every callback the components call, each written once: what the reader did, turned into an
//! [`Action`] for the reducer (files and drops are read first, then dispatched).
//!
//! [`Handlers`] is built once per app (the dispatcher never changes), so the callbacks keep
//! their identity across renders and the components they are passed to do not re-render for
//! them.

use super::browser;
use super::state::{Action, Notice, Origin, Page, State};
use super::view::{is_html_file, Group};
use yew::platform::spawn_local;
use yew::prelude::*;

type Dispatcher = UseReducerDispatcher<State>;

/// The label of the sample article in exports.
const SAMPLE_SOURCE: &str = "sample";

/// A paste, as the text box or the page saw it.
#[derive(Debug, Clone, PartialEq)]
pub enum Pasted {
    /// The browser put it in the box: the box's whole text now (analysed at once).
    InBox(String),
    /// A whole article (or a text too long for the box): it replaces the text, with undo and
    /// "append instead". `html`: still a web page's markup.
    Article { text: String, html: bool },
}

/// What the reader picked: a card, and maybe one of its facts, and where.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Pick {
    pub card: usize,
    pub fact: Option<usize>,
    pub from: Origin,
}

#[derive(Clone, PartialEq)]
pub struct Handlers {
    pub edit: Callback<String>,
    pub paste: Callback<Pasted>,
    pub sample: Callback<()>,
    /// Files opened or dropped: each a new article (the empty open one takes the first).
    pub open: Callback<Vec<web_sys::File>>,
    pub clear: Callback<()>,
    pub undo: Callback<()>,
    pub append: Callback<()>,
    pub include: Callback<(usize, bool)>,
    pub notify: Callback<Notice>,
    pub select: Callback<Pick>,
    pub more: Callback<()>,
    pub page: Callback<Page>,
    pub cancel: Callback<()>,
    pub restart: Callback<()>,
    pub toggle: Callback<Group>,
    pub all_kinds: Callback<()>,
    pub search: Callback<String>,
    pub drag: Callback<bool>,
    pub add: Callback<()>,
    pub add_pasted: Callback<()>,
    pub open_article: Callback<u64>,
    pub rename: Callback<(u64, String)>,
    pub remove: Callback<u64>,
    pub restore: Callback<()>,
    pub import: Callback<web_sys::File>,
    /// Any action as it is (the compare view's: switch, jump, merge, split).
    pub act: Callback<Action>,
}

/// A callback that dispatches what `action` makes of its argument.
fn send<T: 'static>(d: &Dispatcher, action: impl Fn(T) -> Action + 'static) -> Callback<T> {
    let d = d.clone();
    Callback::from(move |value: T| d.dispatch(action(value)))
}

impl Handlers {
    pub fn new(d: &Dispatcher) -> Handlers {
        let (reader, importer) = (d.clone(), d.clone());
        Handlers {
            edit: send(d, Action::Edit),
            paste: send(d, |pasted| match pasted {
                Pasted::InBox(text) => Action::PasteIn(text),
                Pasted::Article { text, html } => Action::Paste { text, html },
            }),
            sample: send(d, |()| Action::Load {
                text: super::SAMPLE.into(),
                source: SAMPLE_SOURCE.into(),
                html: false,
            }),
            open: Callback::from(move |files| open_files(files, reader.clone())),
            clear: send(d, |()| Action::Clear),
            undo: send(d, |()| Action::Undo),
            append: send(d, |()| Action::Append),
            include: send(d, |(start, read)| Action::Include { start, read }),
            notify: send(d, Action::Notify),
            select: send(d, |p: Pick| Action::Select {
                card: p.card,
                fact: p.fact,
                from: p.from,
            }),
            more: send(d, |()| Action::MoreCards),
            page: send(d, Action::TurnPage),
            cancel: send(d, |()| Action::Cancel),
            restart: send(d, |()| Action::Restart),
            toggle: send(d, Action::Toggle),
            all_kinds: send(d, |()| Action::AllKinds),
            search: send(d, Action::Search),
            drag: send(d, Action::Drag),
            add: send(d, |()| Action::AddArticle {
                text: String::new(),
                source: super::state::TYPED_SOURCE.into(),
                html: false,
            }),
            add_pasted: send(d, |()| Action::AddPasted),
            open_article: send(d, Action::OpenArticle),
            rename: send(d, |(id, name)| Action::Rename { id, name }),
            remove: send(d, Action::Remove),
            restore: send(d, |()| Action::Restore),
            import: Callback::from(move |file| import_file(file, importer.clone())),
            act: send(d, |action| action),
        }
    }
}

/// Read dropped or opened files, in order, each into an article of its own (decoded as the CLI
/// does: UTF-8, else GB18030 or Big5); HTML is reduced to its text first.
pub fn open_files(files: Vec<web_sys::File>, dispatcher: Dispatcher) {
    spawn_local(async move {
        for file in files {
            let name = file.name();
            let html = is_html_file(&name, &file.type_());
            match browser::read_file(file).await {
                Ok(text) => dispatcher.dispatch(Action::AddArticle {
                    text,
                    source: name,
                    html,
                }),
                Err(_) => dispatcher.dispatch(Action::Notify(Notice::FileError(name))),
            }
        }
    });
}

/// Read a workspace file and import it (the reducer checks it).
fn import_file(file: web_sys::File, dispatcher: Dispatcher) {
    spawn_local(async move {
        let name = file.name();
        match browser::read_file(file).await {
            Ok(json) => dispatcher.dispatch(Action::Import(json)),
            Err(_) => dispatcher.dispatch(Action::Notify(Notice::FileError(name))),
        }
    });
}
