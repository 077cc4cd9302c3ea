//! The app's state and its reducer: every change the UI can make is an [`Action`].
//!
//! One reducer keeps the text, its analysis and the selection consistent: an analysis always
//! belongs to the exact text it was made from (its marks index into that text), and a selection
//! is dropped whenever the cards it points at are replaced.

use super::i18n::Lang;
use super::view::{segments, Filter, Group, Segment};
use crate::model::Article;
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
    fn of(rev: u64, text: Rc<str>, source: &str) -> Analysis {
        // Blank text has no indicators; skip the engine so "clear" is instant.
        let article = if text.trim().is_empty() {
            Article {
                source: source.to_string(),
                ..Article::default()
            }
        } else {
            crate::analyze(source, &text)
        };
        let segments = segments(&text, &article).into();
        Analysis {
            rev,
            text,
            article: Rc::new(article),
            segments,
        }
    }
}

/// Where a selection was made: the other pane scrolls to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    Card,
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
    Cleared,
    FileError(String),
}

#[derive(Debug, Clone, PartialEq)]
pub struct State {
    /// What the text box holds now.
    pub input: Rc<str>,
    /// Bumped on every change of `input`.
    pub rev: u64,
    /// The cards of the text as it was at `analysis.rev`.
    pub analysis: Analysis,
    /// Where the text came from: [`TYPED_SOURCE`], `sample` or a file name.
    pub source: Rc<str>,
    pub filter: Filter,
    pub selection: Option<Selection>,
    pub lang: Lang,
    /// The last message, with a counter so the same message is announced again.
    pub notice: Option<(Notice, u64)>,
    pub dragging: bool,
    seq: u64,
}

/// Everything that can happen to the state.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// The reader typed: the text is analysed after a pause (see [`Action::Settle`]).
    Edit(String),
    /// The typing pause after revision `rev` is over: analyse if nothing changed since.
    Settle(u64),
    /// A whole new text (paste, file, sample, saved article): analysed at once.
    Load {
        text: String,
        source: String,
    },
    /// Empty the box and forget the saved article.
    Clear,
    Toggle(Group),
    AllKinds,
    Search(String),
    Select {
        card: usize,
        fact: Option<usize>,
        from: Origin,
    },
    SetLang(Lang),
    Notify(Notice),
    /// Hide the message numbered `seq` (a newer one stays).
    Dismiss(u64),
    /// A file is being dragged over the page (or no longer is).
    Drag(bool),
}

impl State {
    /// The starting state: the saved article (if any) already analysed.
    pub fn new(lang: Lang, saved: Option<(String, String)>) -> State {
        let (text, source) = saved.unwrap_or_else(|| (String::new(), TYPED_SOURCE.to_string()));
        let input: Rc<str> = text.into();
        State {
            analysis: Analysis::of(1, input.clone(), &source),
            input,
            rev: 1,
            source: source.into(),
            filter: Filter::default(),
            selection: None,
            lang,
            notice: None,
            dragging: false,
            seq: 0,
        }
    }

    /// Whether the box holds text not yet analysed (the reader is typing).
    pub fn pending(&self) -> bool {
        self.analysis.rev != self.rev
    }

    /// The state after `action`, or `None` when nothing changes (so nothing re-renders);
    /// the reducer proper, free of browser calls so it is tested natively.
    pub fn apply(&self, action: Action) -> Option<State> {
        let mut next = self.clone();
        next.seq += 1;
        match action {
            Action::Edit(text) => {
                if *text == *self.input {
                    return None;
                }
                next.input = text.into();
                next.rev += 1;
                if self.input.is_empty() {
                    next.source = TYPED_SOURCE.into();
                }
            }
            Action::Settle(rev) => {
                if rev != self.rev || !self.pending() {
                    return None;
                }
                next.reanalyze();
            }
            Action::Load { text, source } => {
                next.input = text.into();
                next.source = source.into();
                next.rev += 1;
                next.reanalyze();
            }
            Action::Clear => {
                next.input = "".into();
                next.source = TYPED_SOURCE.into();
                next.rev += 1;
                next.reanalyze();
                next.notice = Some((Notice::Cleared, next.seq));
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
                next.selection = Some(Selection {
                    card,
                    fact,
                    from,
                    seq: next.seq,
                });
            }
            Action::SetLang(lang) => next.lang = lang,
            Action::Notify(notice) => next.notice = Some((notice, next.seq)),
            Action::Dismiss(seq) => {
                if self.notice.as_ref().map(|n| n.1) != Some(seq) {
                    return None;
                }
                next.notice = None;
            }
            Action::Drag(over) => {
                if over == self.dragging {
                    return None;
                }
                next.dragging = over;
            }
        }
        Some(next)
    }

    fn reanalyze(&mut self) {
        self.analysis = Analysis::of(self.rev, self.input.clone(), &self.source);
        self.selection = None;
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
            })
            .unwrap();
        assert!(!s.pending());
        assert_eq!(&*s.analysis.text, "新文");
        assert_eq!(s.analysis.article.source, "sample");
        let s = s.apply(Action::Clear).unwrap();
        assert_eq!(&*s.input, "");
        assert!(s.analysis.article.cards.is_empty());
        assert_eq!(s.notice.as_ref().map(|n| &n.0), Some(&Notice::Cleared));
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
}
