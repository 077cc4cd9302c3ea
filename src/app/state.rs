//! The app's state and its reducer: every change the UI can make is an [`Action`].
//!
//! One reducer keeps the text, its analysis and the selection consistent: an analysis always
//! belongs to the exact text it was made from (its marks index into that text), and a selection
//! is dropped whenever the cards it points at are replaced. A long text is analysed in the
//! background: the state then says so ([`Running`]) and takes the result, or a cancel, as
//! actions like any other. A whole-text change (clear, sample, file, a pasted article) keeps
//! the text before it ([`Undo`]) until the reader types; the furniture the reader chose to read
//! ([`State::include`]) goes with the text it belongs to.
//!
//! The text being read is the open article of a [`Workspace`] of several: after every action
//! the open article's text and analysis are written back to it, and opening another puts its
//! text (and its analysis, when made) in their place.

use super::i18n::Lang;
use super::intake::{Handling, Reduce};
use super::view::{
    mark_start, page_around, page_at, page_before, segments, Filter, Group, Segment, CARD_PAGE,
};
use super::workspace::{BadFile, Removed, Saved, Workspace};
use crate::model::Article;
use std::ops::Range;
use std::rc::Rc;

/// The source label of text typed or pasted into the box (file names label opened files).
pub const TYPED_SOURCE: &str = "input";

/// The cards of one exact text, with the marks to show in it.
#[derive(Debug, Clone)]
pub struct Analysis {
    /// The input revision this analysis was made from.
    pub rev: u64,
    pub text: Rc<str>,
    pub article: Rc<Article>,
    pub segments: Rc<[Segment]>,
}

/// Analyses are compared by revision: cheap for props, and a new text is a new revision.
impl PartialEq for Analysis {
    fn eq(&self, other: &Self) -> bool {
        self.rev == other.rev && Rc::ptr_eq(&self.article, &other.article)
    }
}

impl Analysis {
    /// Analyse `text` here and now (short texts), reading back the furniture in `include`.
    fn of(rev: u64, text: Rc<str>, source: &str, include: &[usize]) -> Analysis {
        // Blank text has no indicators; skip the engine so "clear" is instant.
        let article = if text.trim().is_empty() {
            Article {
                source: source.to_string(),
                ..Article::default()
            }
        } else {
            let options = crate::Options {
                include: include.to_vec(),
            };
            crate::analyze_with(source, &text, &options, &mut |_| {})
        };
        Analysis::with(rev, text, Rc::new(article))
    }

    /// The analysis made elsewhere (the background worker) of `text`.
    fn with(rev: u64, text: Rc<str>, article: Rc<Article>) -> Analysis {
        let segments = segments(&text, &article).into();
        Analysis {
            rev,
            text,
            article,
            segments,
        }
    }
}

/// A text being analysed in the background.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Running {
    /// The input revision being analysed: results for any other are stale.
    pub rev: u64,
    /// How far it has got, 0.0 to 1.0.
    pub progress: f32,
    /// The text takes more than a frame ([`Handling::background`]): the reader sees a
    /// progress bar. A quicker one keeps the cards shown until its own arrive.
    pub long: bool,
}

/// A workspace article other than the open one being analysed in the background (a long text
/// brought back by a reload or an import), so the compare table fills in without opening it.
#[derive(Debug, Clone, PartialEq)]
pub struct Waiting {
    /// The revision its worker's messages carry: [`WAITING_REVS`] and its id, apart from the
    /// open text's revisions.
    pub rev: u64,
    pub id: u64,
    /// The text being analysed: a result for any other text of the article is stale.
    pub text: Rc<str>,
}

/// Where the revisions of background analyses of workspace articles start.
const WAITING_REVS: u64 = 1 << 62;

/// Why the current text has no analysis although nothing is running.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Halt {
    /// The reader cancelled it.
    Cancelled,
    /// The background analysis failed (the message says why).
    Failed(String),
}

/// Where a selection was made: the other pane scrolls to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// A click on a card: its words are brought into view inside the article pane only, so
    /// the page itself never jumps (on a phone the article is far below).
    Card,
    /// The card's "locate" button: the page goes to the words, with a way back to the card.
    Locate,
    /// A highlight in the article: the card is brought into view.
    Text,
}

/// The card (and fact) the reader picked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Selection {
    pub card: usize,
    pub fact: Option<usize>,
    pub from: Origin,
    /// Bumped on every pick, so picking the same card again scrolls again.
    pub seq: u64,
}

/// A short message for the live region.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    Copied,
    CopyFailed,
    Downloaded,
    FileError(String),
    /// The words a "locate" found, read out to a screen reader.
    Located(String),
    /// An export could not be written (the reason).
    ExportFailed(String),
    /// A workspace file could not be imported (why).
    ImportFailed(BadFile),
    /// A workspace file was imported (how many articles).
    Imported(usize),
}

/// What the main area shows: the open article's cards, or the compare table of them all (kept
/// with the workspace: `"compare": true`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum View {
    #[default]
    Cards,
    Compare,
}

/// What replaced the whole text, so it can be taken back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Replaced {
    /// "Clear".
    Cleared,
    /// The sample or a file replaced the text.
    Loaded,
    /// A pasted article replaced the text; it may be appended instead.
    Pasted,
    /// A pasted article was appended to the text.
    Appended,
}

/// The text before a whole-text change, kept until the reader types or takes it back.
#[derive(Debug, Clone, PartialEq)]
pub struct Undo {
    pub what: Replaced,
    pub input: Rc<str>,
    pub source: Rc<str>,
    pub include: Rc<[usize]>,
    /// The pasted article, for "append instead".
    pub pasted: Option<Rc<str>>,
}

/// Which way the article pane turns its page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page {
    Earlier,
    Later,
}

#[derive(Debug, Clone, PartialEq)]
pub struct State {
    /// The text being read: what the box holds, or a long text kept out of the box.
    pub input: Rc<str>,
    /// Bumped on every change of `input`.
    pub rev: u64,
    /// `input` is a web page's HTML still to be reduced to text (a long file, done in the
    /// background along with the analysis).
    pub raw_html: bool,
    /// The cards of the text as it was at `analysis.rev`.
    pub analysis: Analysis,
    /// The background analysis of a long `input`, while it runs.
    pub running: Option<Running>,
    /// Why `input` has no analysis, when it was stopped.
    pub halt: Option<Halt>,
    /// Where the text came from: [`TYPED_SOURCE`], `sample` or a file name.
    pub source: Rc<str>,
    pub filter: Filter,
    pub selection: Option<Selection>,
    /// How many of the shown cards are listed (a long article has thousands).
    pub card_limit: usize,
    /// The part of `analysis.text` (bytes) the article pane shows.
    pub page: Range<usize>,
    /// Bumped when the reader turns the page, so the pane goes back to the top of it.
    pub page_turns: u64,
    pub lang: Lang,
    /// The last message, with a counter so the same message is announced again.
    pub notice: Option<(Notice, u64)>,
    pub dragging: bool,
    /// The text before the last whole-text change (clear, sample, file, pasted article).
    pub undo: Option<Undo>,
    /// Starts (input code points) of the page furniture the reader chose to read.
    pub include: Rc<[usize]>,
    /// Counts the moves of the focus to the text box (after clear, undo, append).
    pub focus_input: u64,
    /// Every article added (the open one is the text above), and how they are shown.
    pub workspace: Workspace,
    /// The workspace article analysed in the background, one at a time while the open text
    /// is not.
    pub waiting: Option<Waiting>,
    /// Every text is analysed in the background worker (the page has one), so the page's
    /// thread never runs the rules during a paste or an edit; else only long texts are.
    pub offload: bool,
    seq: u64,
}

/// Everything that can happen to the state.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// The reader typed: the text is analysed after a pause (see [`Action::Settle`]).
    Edit(String),
    /// A paste the browser put in the box (an edit, or an article into the empty box): the
    /// box's whole text, analysed at once.
    PasteIn(String),
    /// The typing pause after revision `rev` is over: analyse if nothing changed since.
    Settle(u64),
    /// A whole new text (paste, file, sample, saved article): analysed at once, in the
    /// background when it is long. `html`: the text is a web page to reduce to text first.
    Load {
        text: String,
        source: String,
        html: bool,
    },
    /// The background analysis of revision `rev` got this far.
    Progress {
        rev: u64,
        progress: f32,
    },
    /// The background analysis of revision `rev` is done; `text` is the text it read, when
    /// that was reduced from HTML.
    Analysed {
        rev: u64,
        text: Option<String>,
        article: Rc<Article>,
    },
    /// The background analysis of revision `rev` failed.
    Failed {
        rev: u64,
        message: String,
    },
    /// Stop the background analysis.
    Cancel,
    /// Analyse the text again after a cancel or a failure.
    Restart,
    /// A whole article pasted into a box holding another: it replaces the text, and the
    /// reader may append it instead or undo.
    Paste {
        text: String,
        html: bool,
    },
    /// Append the article just pasted to the text it replaced, instead.
    Append,
    /// Take back the last whole-text change.
    Undo,
    /// Read (or leave out again) the page furniture starting at this input code point.
    Include {
        start: usize,
        read: bool,
    },
    /// Empty the box and forget the saved article (until undone).
    Clear,
    Toggle(Group),
    AllKinds,
    Search(String),
    Select {
        card: usize,
        fact: Option<usize>,
        from: Origin,
    },
    /// List the next page of cards.
    MoreCards,
    /// List every card (for print).
    ListAll,
    /// Show the next or the previous page of the article.
    TurnPage(Page),
    SetLang(Lang),
    Notify(Notice),
    /// Hide the message numbered `seq` (a newer one stays).
    Dismiss(u64),
    /// A file is being dragged over the page (or no longer is).
    Drag(bool),
    /// A new article beside the others (a file, or a paste "as a new article"), opened; into
    /// the open article instead when that is empty.
    AddArticle {
        text: String,
        source: String,
        html: bool,
    },
    /// The article just pasted over the text becomes a new article; the text comes back.
    AddPasted,
    /// Open the article with this id.
    OpenArticle(u64),
    /// Give the article `id` a name (an empty one gives back its title).
    Rename {
        id: u64,
        name: String,
    },
    /// Take the article out of the workspace (until restored).
    Remove(u64),
    /// Put the last removed article back.
    Restore,
    /// Replace the workspace with a workspace file's (its JSON, checked first).
    Import(String),
    /// Open article `id` with the words at `span` (code points) selected.
    Jump {
        id: u64,
        span: [usize; 2],
    },
    SetView(View),
    /// Show every metric in the compare table, or only those of two or more articles.
    CompareAll(bool),
    /// Compare the wordings `metrics` under `key` (a merge of their rows into its row).
    Merge {
        metrics: Vec<String>,
        key: String,
    },
    /// Split the row of `key`, whose wordings are `metrics`.
    Split {
        key: String,
        metrics: Vec<String>,
    },
}

impl State {
    /// The starting state: the saved article (if any) analysed, or being analysed.
    pub fn new(lang: Lang, saved: Option<(String, String)>) -> State {
        let (text, source) = saved.unwrap_or_else(|| (String::new(), TYPED_SOURCE.to_string()));
        let empty = Analysis::of(0, "".into(), &source, &[]);
        let mut state = State {
            page: 0..0,
            page_turns: 0,
            analysis: empty,
            input: text.into(),
            rev: 1,
            raw_html: false,
            running: None,
            halt: None,
            source: source.into(),
            filter: Filter::default(),
            selection: None,
            card_limit: CARD_PAGE,
            lang,
            notice: None,
            dragging: false,
            undo: None,
            include: Rc::new([]),
            focus_input: 0,
            workspace: Workspace::new("".into(), TYPED_SOURCE.into()),
            waiting: None,
            offload: false,
            seq: 0,
        };
        state.reanalyze();
        state.sync_open();
        state
    }

    /// The starting state of a saved workspace: its articles analysed (long ones in the
    /// background), the one open last opened.
    pub fn restore(lang: Lang, saved: Saved) -> State {
        let mut state = State::new(lang, None);
        state.workspace = Workspace::from_saved(saved, article_of);
        state.load_doc(state.workspace.open);
        state.sync_open();
        state.next_waiting();
        state
    }

    /// Whether the reader is typing: the text will be analysed after the pause.
    pub fn pending(&self) -> bool {
        self.analysis.rev != self.rev && self.running.is_none() && self.halt.is_none()
    }

    /// How the current text is handled (see [`Handling`]).
    pub fn handling(&self) -> Handling {
        Handling::of(&self.input, self.raw_html)
    }

    /// Whether the current text is too long for the text box.
    pub fn is_large(&self) -> bool {
        !Handling::in_box(&self.input)
    }

    /// Remember the current text as what `what` replaces, and forget the reader's furniture
    /// choices (they belong to the old text).
    fn keep_for_undo(&mut self, what: Replaced, pasted: Option<Rc<str>>) {
        self.undo = (!self.input.trim().is_empty()).then(|| Undo {
            what,
            input: self.input.clone(),
            source: self.source.clone(),
            include: self.include.clone(),
            pasted,
        });
        self.include = Rc::new([]);
    }

    /// Put `text` (from `source`) in place of the current one and analyse it.
    fn replace_text(&mut self, text: String, source: Rc<str>, html: bool) {
        let handling = Handling::of(&text, html);
        self.input = match handling.reduce {
            Reduce::Now => crate::html_to_text(&text).into(),
            Reduce::No | Reduce::InWorker => text.into(),
        };
        self.source = source;
        self.raw_html = handling.reduce == Reduce::InWorker;
        self.rev += 1;
        self.reanalyze();
    }

    /// The state after `action`, or `None` when nothing changes (so nothing re-renders);
    /// the reducer proper, free of browser calls so it is tested natively.
    pub fn apply(&self, action: Action) -> Option<State> {
        let mut next = self.step(action)?;
        next.sync_open();
        next.next_waiting();
        Some(next)
    }

    /// Choose the workspace article to analyse in the background: the one under way while it
    /// is still waiting and not opened, else the first waiting, started only while the open
    /// text is not being analysed (it comes first; typing never restarts one under way).
    fn next_waiting(&mut self) {
        let open = self.workspace.open;
        let under_way = |w: &Waiting| {
            let mut waiting = self.workspace.waiting();
            waiting.any(|(at, d)| at != open && d.id == w.id && Rc::ptr_eq(&d.text, &w.text))
        };
        if self.waiting.as_ref().is_some_and(under_way) {
            return;
        }
        if self.running.is_some() {
            self.waiting = None;
            return;
        }
        let mut waiting = self.workspace.waiting().filter(|(at, _)| *at != open);
        self.waiting = waiting.next().map(|(_, d)| Waiting {
            rev: WAITING_REVS + d.id,
            id: d.id,
            text: d.text.clone(),
        });
    }

    /// The background analysis of the waiting article is done (`Ok`: the text it read when
    /// reduced from a web page, and its analysis) or failed.
    fn take_waiting(&mut self, result: Result<(Option<String>, Rc<Article>), ()>) -> Option<()> {
        let waiting = self.waiting.take()?;
        let at = self.workspace.index(waiting.id)?;
        let doc = &mut self.workspace.docs[at];
        match result {
            Ok((text, article)) => {
                if let Some(text) = text {
                    (doc.text, doc.html) = (text.into(), false);
                }
                doc.article = Some(article);
            }
            Err(()) => doc.halted = true,
        }
        self.workspace.edits += 1;
        Some(())
    }

    /// Whether messages of revision `rev` are the waiting article's.
    fn is_waiting(&self, rev: u64) -> bool {
        self.waiting.as_ref().is_some_and(|w| w.rev == rev)
    }

    /// [`State::apply`] but for writing the open article back to the workspace.
    fn step(&self, action: Action) -> Option<State> {
        let mut next = self.clone();
        next.seq += 1;
        match action {
            Action::Edit(text) => {
                if *text == *self.input {
                    return None;
                }
                next.input = text.into();
                next.rev += 1;
                next.raw_html = false;
                next.running = None;
                next.halt = None;
                next.undo = None;
                if self.input.is_empty() {
                    next.source = TYPED_SOURCE.into();
                }
            }
            Action::PasteIn(text) => {
                let mut next = self.step(Action::Edit(text))?;
                next.reanalyze();
                return Some(next);
            }
            Action::Settle(rev) => {
                if rev != self.rev || !self.pending() {
                    return None;
                }
                next.reanalyze();
            }
            Action::Load { text, source, html } => {
                next.keep_for_undo(Replaced::Loaded, None);
                next.replace_text(text, source.into(), html);
            }
            Action::Paste { text, html } => {
                next.keep_for_undo(Replaced::Pasted, None);
                next.replace_text(text, TYPED_SOURCE.into(), html);
                // A long web page is still markup here: it can be undone, not appended.
                let pasted = (!next.raw_html).then(|| next.input.clone());
                if let Some(undo) = next.undo.as_mut() {
                    undo.pasted = pasted;
                }
            }
            Action::Append => {
                let undo = self.undo.as_ref().filter(|u| u.what == Replaced::Pasted)?;
                let pasted = undo.pasted.clone()?;
                let joined = format!("{}\n\n{}", undo.input.trim_end(), pasted);
                next.include = undo.include.clone();
                next.replace_text(joined, undo.source.clone(), false);
                next.undo = Some(Undo {
                    what: Replaced::Appended,
                    pasted: None,
                    ..undo.clone()
                });
                next.focus_input += 1;
            }
            Action::Undo => {
                let undo = self.undo.clone()?;
                next.include = undo.include.clone();
                next.replace_text(undo.input.to_string(), undo.source, false);
                next.undo = None;
                next.focus_input += 1;
            }
            Action::Include { start, read } => {
                let mut include: Vec<usize> = self
                    .include
                    .iter()
                    .copied()
                    .filter(|&s| s != start)
                    .collect();
                if read {
                    include.push(start);
                }
                next.include = include.into();
                next.rev += 1;
                next.reanalyze();
            }
            Action::Progress { rev, progress } => {
                let running = next.running.as_mut().filter(|r| r.rev == rev)?;
                if progress <= running.progress {
                    return None;
                }
                running.progress = progress.min(1.0);
            }
            Action::Analysed { rev, text, article } if self.is_waiting(rev) => {
                next.take_waiting(Ok((text, article)))?
            }
            Action::Failed { rev, .. } if self.is_waiting(rev) => next.take_waiting(Err(()))?,
            Action::Analysed { rev, text, article } => {
                self.running.filter(|r| r.rev == rev)?;
                if let Some(text) = text {
                    next.input = text.into();
                    next.raw_html = false;
                }
                next.running = None;
                next.show(Analysis::with(rev, next.input.clone(), article));
            }
            Action::Failed { rev, message } => {
                self.running.filter(|r| r.rev == rev)?;
                next.running = None;
                next.halt = Some(Halt::Failed(message));
            }
            Action::Cancel => {
                self.running?;
                next.running = None;
                next.halt = Some(Halt::Cancelled);
            }
            Action::Restart => {
                self.halt.as_ref()?;
                next.reanalyze();
            }
            Action::Clear => {
                next.keep_for_undo(Replaced::Cleared, None);
                next.replace_text(String::new(), TYPED_SOURCE.into(), false);
                next.focus_input += 1;
            }
            Action::Toggle(group) => next.filter.toggle(group),
            Action::AllKinds => next.filter.all_kinds(),
            Action::Search(query) => next.filter.query = query,
            Action::Select { card, fact, from } => {
                let chosen = self.analysis.article.cards.get(card)?;
                // A mark clicked in the text must find its card even if the filters hid it.
                if from == Origin::Text && !self.filter.shows(chosen) {
                    next.filter = Filter::default();
                }
                next.reveal(card, fact);
                if from == Origin::Locate {
                    next.notice = Some((Notice::Located(located_words(chosen, fact)), next.seq));
                }
                next.selection = Some(Selection {
                    card,
                    fact,
                    from,
                    seq: next.seq,
                });
            }
            Action::MoreCards => next.card_limit += CARD_PAGE,
            Action::ListAll => {
                if self.card_limit >= self.analysis.article.cards.len() {
                    return None;
                }
                next.card_limit = self.analysis.article.cards.len();
            }
            Action::TurnPage(way) => {
                let text = &self.analysis.text;
                next.page = match way {
                    Page::Earlier if self.page.start > 0 => page_before(text, &self.page),
                    Page::Later if self.page.end < text.len() => page_at(text, self.page.end),
                    _ => return None,
                };
                next.page_turns += 1;
            }
            Action::SetLang(lang) => next.lang = lang,
            Action::Notify(notice) => next.notice = Some((notice, next.seq)),
            Action::Dismiss(seq) => {
                if self.notice.as_ref().map(|n| n.1) != Some(seq) {
                    return None;
                }
                next.notice = None;
            }
            Action::Drag(over) => set(&mut next.dragging, over)?,
            Action::AddArticle { text, source, html } => next.add_article(text, source, html),
            Action::AddPasted => next.add_pasted()?,
            Action::OpenArticle(id) => {
                let at = self
                    .workspace
                    .index(id)
                    .filter(|&at| at != self.workspace.open)?;
                next.load_doc(at);
                next.workspace.view = View::Cards;
            }
            Action::Rename { id, name } => next.workspace.rename(id, &name)?,
            Action::Remove(id) => next.remove(id)?,
            Action::Restore => next.restore_removed()?,
            Action::Import(json) => match Saved::parse(&json) {
                Ok(saved) => {
                    next.notice = Some((Notice::Imported(saved.articles.len()), next.seq));
                    next.workspace = Workspace::from_saved(saved, article_of);
                    next.load_doc(next.workspace.open);
                }
                Err(why) => next.notice = Some((Notice::ImportFailed(why), next.seq)),
            },
            Action::Jump { id, span } => next.jump(id, span)?,
            Action::SetView(view) => next.workspace.show(view, self.workspace.compare_all)?,
            Action::CompareAll(all) => next.workspace.show(self.workspace.view, all)?,
            Action::Merge { metrics, key } => next.workspace.merge(&metrics, &key),
            Action::Split { key, metrics } => next.workspace.split(&key, &metrics),
        }
        Some(next)
    }

    /// Write the open article's text and analysis back to the workspace.
    fn sync_open(&mut self) {
        let ready = self.running.is_none() && self.halt.is_none();
        let article = ready.then(|| self.analysis.article.clone());
        let doc = &mut self.workspace.docs[self.workspace.open];
        doc.text = self.input.clone();
        doc.source = self.source.clone();
        doc.include = self.include.clone();
        doc.html = self.raw_html;
        doc.article = article;
        doc.halted = self.halt.is_some();
    }

    /// Put article `at` of the workspace in place of the text: its analysis when it has one,
    /// else analysed now (or in the background).
    fn load_doc(&mut self, at: usize) {
        self.workspace.open = at;
        self.workspace.edits += 1;
        let doc = self.workspace.docs[at].clone();
        self.input = doc.text;
        self.source = doc.source;
        self.include = doc.include;
        self.raw_html = doc.html;
        self.rev += 1;
        self.undo = None;
        match doc.article {
            Some(article) => {
                self.running = None;
                self.halt = None;
                self.show(Analysis::with(self.rev, self.input.clone(), article));
            }
            None => self.reanalyze(),
        }
    }

    /// A new article after the others, opened with `text`; an empty open article takes it.
    fn add_article(&mut self, text: String, source: String, html: bool) {
        if !self.workspace.open_doc().is_empty() {
            let doc = self.workspace.empty_doc();
            self.workspace.docs.push(doc);
            self.load_doc(self.workspace.docs.len() - 1);
        }
        self.undo = None;
        self.include = Rc::new([]);
        self.replace_text(text, source.into(), html);
        self.workspace.view = View::Cards;
    }

    /// The article pasted over the text becomes a new article beside it, and the text it
    /// replaced comes back to its own article.
    fn add_pasted(&mut self) -> Option<()> {
        let undo = self.undo.take().filter(|u| u.what == Replaced::Pasted)?;
        let open = self.workspace.open;
        let article = article_of(&undo.input, &undo.source, &undo.include);
        let old = &mut self.workspace.docs[open];
        (old.text, old.source, old.include) = (undo.input, undo.source, undo.include);
        (old.html, old.article) = (false, article);
        let doc = self.workspace.empty_doc();
        self.workspace.docs.insert(open + 1, doc);
        self.workspace.open = open + 1;
        self.workspace.edits += 1;
        self.focus_input += 1;
        Some(())
    }

    /// Take article `id` out, keeping it for "undo"; the next one opens (an empty one when
    /// it was the last).
    fn remove(&mut self, id: u64) -> Option<()> {
        let at = self.workspace.index(id)?;
        let doc = self.workspace.docs.remove(at);
        self.workspace.removed = Some(Removed { at, doc });
        if self.workspace.docs.is_empty() {
            let doc = self.workspace.empty_doc();
            self.workspace.docs.push(doc);
        }
        let open = self.workspace.open;
        if at == open {
            self.load_doc(at.min(self.workspace.docs.len() - 1));
        } else {
            self.workspace.open = if at < open { open - 1 } else { open };
            self.workspace.edits += 1;
        }
        Some(())
    }

    /// Put the last removed article back where it was, and open it.
    fn restore_removed(&mut self) -> Option<()> {
        let Removed { at, doc } = self.workspace.removed.take()?;
        // An empty article left in its place by the removal gives way.
        if self.workspace.docs.len() == 1 && self.workspace.docs[0].is_empty() {
            self.workspace.docs.clear();
        }
        let at = at.min(self.workspace.docs.len());
        self.workspace.docs.insert(at, doc);
        self.load_doc(at);
        Some(())
    }

    /// Open article `id` with the fact whose words are at `span` selected and in view.
    fn jump(&mut self, id: u64, span: [usize; 2]) -> Option<()> {
        let at = self.workspace.index(id)?;
        if at != self.workspace.open {
            self.load_doc(at);
        }
        self.workspace.view = View::Cards;
        // A long article still being analysed opens without a selection.
        let cards = &self.analysis.article.cards;
        let found = cards.iter().enumerate().find_map(|(c, card)| {
            let f = card.facts.iter().position(|f| f.span == span)?;
            Some((c, f, located_words(card, Some(f))))
        });
        if let Some((card, fact, words)) = found {
            self.filter = Filter::default();
            self.reveal(card, Some(fact));
            self.notice = Some((Notice::Located(words), self.seq));
            self.selection = Some(Selection {
                card,
                fact: Some(fact),
                from: Origin::Locate,
                seq: self.seq,
            });
        }
        Some(())
    }

    /// Start the background analysis of `input` (every text but a blank one when the page
    /// [offloads](State::offload), else a long one), or analyse it now.
    fn reanalyze(&mut self) {
        self.selection = None;
        self.halt = None;
        let long = self.handling().background;
        if long || (self.offload && !self.input.trim().is_empty()) {
            self.running = Some(Running {
                rev: self.rev,
                progress: 0.0,
                long,
            });
        } else {
            self.running = None;
            let analysis = Analysis::of(self.rev, self.input.clone(), &self.source, &self.include);
            self.show(analysis);
        }
    }

    /// Show a new analysis from its first card and its first page.
    fn show(&mut self, analysis: Analysis) {
        self.page = page_at(&analysis.text, 0);
        self.analysis = analysis;
        self.selection = None;
        self.card_limit = CARD_PAGE;
    }

    /// Make sure card `card` is listed and its words are on the article's page.
    fn reveal(&mut self, card: usize, fact: Option<usize>) {
        let article = &self.analysis.article;
        if let Some(at) = self.filter.visible(article).iter().position(|&c| c == card) {
            if at >= self.card_limit {
                self.card_limit = (at / CARD_PAGE + 1) * CARD_PAGE;
            }
        }
        if let Some(at) = mark_start(&self.analysis.segments, card, fact) {
            if !self.page.contains(&at) {
                self.page = page_around(&self.analysis.text, at);
            }
        }
    }
}

/// Set `field` to `value`; `None` when it already was (nothing changes, nothing re-renders).
fn set<T: PartialEq>(field: &mut T, value: T) -> Option<()> {
    (*field != value).then(|| *field = value)
}

/// The analysis of a workspace article's text when it is short enough to make here and now;
/// a long one is analysed in the background when opened.
fn article_of(text: &str, source: &str, include: &[usize]) -> Option<Rc<Article>> {
    if Handling::of(text, false).background {
        return None;
    }
    Some(Analysis::of(0, text.into(), source, include).article)
}

/// The words of fact `fact` of `card` (else of all its facts), for the live region.
fn located_words(card: &crate::model::Card, fact: Option<usize>) -> String {
    match fact.and_then(|f| card.facts.get(f)) {
        Some(fact) => fact.text.clone(),
        None => card
            .facts
            .iter()
            .map(|f| f.text.as_str())
            .collect::<Vec<_>>()
            .join("……"),
    }
}

#[cfg(target_arch = "wasm32")]
impl yew::Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match self.apply(action) {
            Some(next) => Rc::new(next),
            None => self,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::intake::LARGE_TEXT;

    #[test]
    fn typing_waits_for_the_pause_of_the_latest_revision() {
        let s = State::new(Lang::Zh, None);
        let s = s.apply(Action::Edit("增长8.4%".into())).unwrap();
        assert!(s.pending());
        let stale = s.rev;
        let s = s.apply(Action::Edit("增长8.4%。".into())).unwrap();
        assert!(
            s.apply(Action::Settle(stale)).is_none(),
            "an old pause must not analyse newer text"
        );
        let s = s.apply(Action::Settle(s.rev)).unwrap();
        assert!(!s.pending());
        assert_eq!(&*s.analysis.text, "增长8.4%。");
    }

    #[test]
    fn load_analyses_at_once_and_clear_empties() {
        let s = State::new(Lang::En, Some(("旧文".into(), "a.txt".into())));
        assert!(!s.pending());
        assert_eq!(&*s.analysis.text, "旧文");
        let s = s
            .apply(Action::Load {
                text: "新文".into(),
                source: "sample".into(),
                html: false,
            })
            .unwrap();
        assert!(!s.pending());
        assert_eq!(&*s.analysis.text, "新文");
        assert_eq!(s.analysis.article.source, "sample");
        let s = s.apply(Action::Clear).unwrap();
        assert_eq!(&*s.input, "");
        assert!(s.analysis.article.cards.is_empty());
        let undo = s.undo.as_ref().expect("a clear can be undone");
        assert_eq!(undo.what, Replaced::Cleared);
        assert_eq!(s.focus_input, 1, "the box takes the focus");
        let s = s.apply(Action::Undo).unwrap();
        assert_eq!(&*s.input, "新文");
        assert_eq!(s.analysis.article.source, "sample");
        assert!(s.undo.is_none() && s.focus_input == 2);
        assert!(s.apply(Action::Undo).is_none(), "nothing more to undo");
    }

    #[test]
    fn selection_needs_a_card() {
        let s = State::new(Lang::Zh, None);
        let none = s.apply(Action::Select {
            card: 0,
            fact: None,
            from: Origin::Card,
        });
        assert!(none.is_none());
        assert!(s.apply(Action::Drag(false)).is_none());
    }

    /// A text over [`LARGE_TEXT`] with one indicator per line.
    fn long_text() -> String {
        (0..)
            .map(|i| format!("第{i}行：全市工业增加值增长{}.{}%。\n", i / 10, i % 10))
            .scan(0, |len, line| {
                *len += line.len();
                (*len < LARGE_TEXT * 2).then_some(line)
            })
            .collect()
    }

    fn load(s: &State, text: &str, html: bool) -> State {
        s.apply(Action::Load {
            text: text.into(),
            source: "f.txt".into(),
            html,
        })
        .unwrap()
    }

    #[test]
    fn a_long_text_runs_in_the_background_and_takes_only_its_own_result() {
        let text = long_text();
        let s = load(&State::new(Lang::Zh, None), &text, false);
        let running = s
            .running
            .expect("a long text is not analysed in the reducer");
        assert_eq!(running.rev, s.rev);
        assert!(s.is_large() && !s.pending());
        let s = s
            .apply(Action::Progress {
                rev: s.rev,
                progress: 0.5,
            })
            .unwrap();
        assert_eq!(s.running.unwrap().progress, 0.5);
        assert!(
            s.apply(Action::Progress {
                rev: s.rev - 1,
                progress: 0.9
            })
            .is_none(),
            "progress of an older text is ignored"
        );
        let article = Rc::new(crate::analyze("f.txt", &text));
        assert!(s
            .apply(Action::Analysed {
                rev: s.rev - 1,
                text: None,
                article: article.clone(),
            })
            .is_none());
        let done = s
            .apply(Action::Analysed {
                rev: s.rev,
                text: None,
                article: article.clone(),
            })
            .unwrap();
        assert!(done.running.is_none() && !done.pending());
        assert_eq!(done.analysis.article.cards.len(), article.cards.len());
        assert!(done.analysis.article.cards.len() > CARD_PAGE);
        assert_eq!(done.card_limit, CARD_PAGE);
        assert!(
            done.page.end < text.len(),
            "the pane shows a page, not the whole text"
        );

        // Picking a card beyond the list and the page brings both to it.
        let last = done.analysis.article.cards.len() - 1;
        let picked = done
            .apply(Action::Select {
                card: last,
                fact: None,
                from: Origin::Text,
            })
            .unwrap();
        assert!(picked.card_limit > last);
        let at = mark_start(&picked.analysis.segments, last, None).unwrap();
        assert!(picked.page.contains(&at), "{at} in {:?}", picked.page);
        let earlier = picked.apply(Action::TurnPage(Page::Earlier)).unwrap();
        assert!(earlier.page.end <= picked.page.start + 4096);
        assert!(done.apply(Action::TurnPage(Page::Earlier)).is_none());
        let more = done.apply(Action::MoreCards).unwrap();
        assert_eq!(more.card_limit, 2 * CARD_PAGE);
    }

    #[test]
    fn an_offloading_page_analyses_every_text_in_the_background() {
        let s = State {
            offload: true,
            ..State::new(Lang::Zh, None)
        };
        let short = "全市工业增加值增长5%。";
        let s = s.apply(Action::PasteIn(short.into())).unwrap();
        let running = s.running.expect("a short text goes to the worker too");
        assert!(
            !running.long,
            "a quick text keeps the cards shown, no progress bar"
        );
        assert!(s.analysis.text.is_empty() && !s.pending());
        let done = s
            .apply(Action::Analysed {
                rev: s.rev,
                text: None,
                article: Rc::new(crate::analyze("input", short)),
            })
            .unwrap();
        assert_eq!(done.analysis.article.cards.len(), 1);
        assert_eq!(&*done.analysis.text, short);
        // A long text shows its progress; typing is analysed after the pause, in the worker.
        let long = load(&done, &long_text(), false);
        assert!(long.running.is_some_and(|r| r.long));
        let typed = long
            .apply(Action::Edit(format!("{short}\n{short}")))
            .unwrap();
        assert!(typed.running.is_none() && typed.pending());
        let settled = typed.apply(Action::Settle(typed.rev)).unwrap();
        assert!(settled
            .running
            .is_some_and(|r| !r.long && r.rev == typed.rev));
        // An article left while its analysis runs waits for its own, in the worker too.
        let two = settled
            .apply(Action::AddArticle {
                text: short.into(),
                source: "b.txt".into(),
                html: false,
            })
            .unwrap();
        assert_eq!(two.workspace.docs.len(), 2);
        assert!(two.workspace.docs[0].article.is_none());
        assert_eq!(two.workspace.waiting().count(), 2);
        // Blank text needs no worker: "clear" is instant.
        let cleared = settled.apply(Action::Clear).unwrap();
        assert!(cleared.running.is_none() && cleared.analysis.article.cards.is_empty());
    }

    #[test]
    fn cancel_restart_failure_and_typing_over_a_run() {
        let s = load(&State::new(Lang::En, None), &long_text(), false);
        let cancelled = s.apply(Action::Cancel).unwrap();
        assert!(cancelled.running.is_none());
        assert_eq!(cancelled.halt, Some(Halt::Cancelled));
        assert!(
            !cancelled.pending(),
            "a cancelled text is not re-analysed by a pause"
        );
        assert!(cancelled.apply(Action::Settle(cancelled.rev)).is_none());
        assert!(cancelled.apply(Action::Cancel).is_none());
        let again = cancelled.apply(Action::Restart).unwrap();
        assert_eq!(again.running.map(|r| r.rev), Some(s.rev));
        assert!(again.halt.is_none());
        let failed = again
            .apply(Action::Failed {
                rev: again.rev,
                message: "out of memory".into(),
            })
            .unwrap();
        assert_eq!(failed.halt, Some(Halt::Failed("out of memory".into())));
        // Typing replaces the long text: the run is dropped and the short text analysed.
        let typed = again
            .apply(Action::Edit("全市工业增加值增长5%。".into()))
            .unwrap();
        assert!(typed.running.is_none() && typed.pending());
        let typed = typed.apply(Action::Settle(typed.rev)).unwrap();
        assert_eq!(typed.analysis.article.cards.len(), 1);
    }

    #[test]
    fn web_pages_are_reduced_to_text_short_at_once_long_in_the_background() {
        let s = load(
            &State::new(Lang::Zh, None),
            "<p>工业增长5%。</p><script>x()</script>",
            true,
        );
        assert_eq!(&*s.input, "工业增长5%。");
        assert!(!s.raw_html && s.running.is_none());
        let page = format!("<html><body><p>{}</p></body></html>", long_text());
        let s = load(&s, &page, true);
        assert!(s.raw_html && s.running.is_some());
        let text = crate::html_to_text(&page);
        let article = Rc::new(crate::analyze("f.txt", &text));
        let s = s
            .apply(Action::Analysed {
                rev: s.rev,
                text: Some(text.clone()),
                article,
            })
            .unwrap();
        assert!(!s.raw_html);
        assert_eq!(&*s.input, text.as_str());
        assert_eq!(&*s.analysis.text, text.as_str());
    }

    #[test]
    fn a_pasted_article_replaces_and_can_be_appended_or_undone() {
        let first = "第一篇：全市规上工业增加值同比增长8.4%。\n相关阅读";
        let second = "第二篇：地区生产总值752.1亿元。";
        let s = load(&State::new(Lang::Zh, None), first, false);
        let s = s
            .apply(Action::Paste {
                text: second.into(),
                html: false,
            })
            .unwrap();
        assert_eq!(&*s.input, second, "replace is the default");
        assert_eq!(&*s.analysis.text, second);
        assert_eq!(s.analysis.article.cards[0].metric, "地区生产总值");
        let undo = s.undo.clone().unwrap();
        assert_eq!((undo.what, &*undo.input), (Replaced::Pasted, first));
        let appended = s.apply(Action::Append).unwrap();
        assert!(appended.input.starts_with("第一篇") && appended.input.ends_with(second));
        assert_eq!(appended.undo.as_ref().unwrap().what, Replaced::Appended);
        assert!(appended.apply(Action::Append).is_none(), "appended once");
        let back = appended.apply(Action::Undo).unwrap();
        assert_eq!(&*back.input, first);
        let back = s.apply(Action::Undo).unwrap();
        assert_eq!(&*back.input, first);
        // Typing ends the offer: the undo would lose the typing.
        let typed = s.apply(Action::Edit(format!("{second}。"))).unwrap();
        assert!(typed.undo.is_none() && typed.apply(Action::Append).is_none());
    }

    #[test]
    fn furniture_is_listed_and_read_back_on_request() {
        let body = "全市规上工业增加值同比增长8.4%。".repeat(10);
        let text = format!("{body}\n相关阅读\n地区生产总值752.1亿元，同比增长6.7%。");
        let s = load(&State::new(Lang::Zh, None), &text, false);
        let left = &s.analysis.article.excluded;
        assert_eq!(left.len(), 1);
        assert_eq!(left[0].reason, "相关阅读");
        assert!(!s
            .analysis
            .article
            .cards
            .iter()
            .any(|c| c.metric == "地区生产总值"));
        let start = left[0].span[0];
        let read = s.apply(Action::Include { start, read: true }).unwrap();
        assert!(read.analysis.article.excluded[0].included);
        assert!(read
            .analysis
            .article
            .cards
            .iter()
            .any(|c| c.metric == "地区生产总值"));
        let again = read.apply(Action::Include { start, read: false }).unwrap();
        assert_eq!(
            again.analysis.article.cards.len(),
            s.analysis.article.cards.len()
        );
        // A new text forgets the choice; undo brings it back with the old text.
        let other = load(&read, "工业增长5%。", false);
        assert!(other.include.is_empty());
        let back = other.apply(Action::Undo).unwrap();
        assert_eq!(&*back.include, &[start]);
    }

    #[test]
    fn locating_a_card_announces_its_words() {
        let s = load(
            &State::new(Lang::Zh, None),
            "全市规上工业增加值同比增长8.4%，高于全国2.6个百分点。",
            false,
        );
        let s = s
            .apply(Action::Select {
                card: 0,
                fact: None,
                from: Origin::Locate,
            })
            .unwrap();
        match &s.notice {
            Some((Notice::Located(words), _)) => assert!(words.contains("8.4%"), "{words}"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_paste_in_the_box_is_analysed_at_once_and_print_lists_every_card() {
        let s = State::new(Lang::Zh, None);
        let s = s.apply(Action::PasteIn("工业增长5%。".into())).unwrap();
        assert!(!s.pending(), "no typing pause for a paste");
        assert_eq!(s.analysis.article.cards.len(), 1);
        assert!(s.apply(Action::PasteIn("工业增长5%。".into())).is_none());
        let text = long_text();
        let article = Rc::new(crate::analyze("f.txt", &text));
        let s = load(&s, &text, false);
        let s = s
            .apply(Action::Analysed {
                rev: s.rev,
                text: None,
                article,
            })
            .unwrap();
        assert_eq!(s.card_limit, CARD_PAGE);
        let all = s.apply(Action::ListAll).unwrap();
        assert_eq!(all.card_limit, all.analysis.article.cards.len());
        assert!(all.apply(Action::ListAll).is_none());
    }
}
