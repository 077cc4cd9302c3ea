//! The workspace: the articles the reader has added, which one is open, and the rows of the
//! compare table she merged or split; with its saved form, the one JSON file the page exports,
//! imports and keeps for the next visit (versioned, and validated on the way in).
//!
//! Pure data: the reducer ([`super::state`]) keeps the open article's live text and analysis
//! and writes them back here; [`Workspace::compare`] hands the analysed articles to the core's
//! [`crate::compare`], so the page's table is the CLI's.

use super::intake::Handling;
use super::state::View;
use super::view::source_label;
use crate::compare::{self, Table};
use crate::model::{Article, Card};
use serde::{Deserialize, Serialize};
use std::rc::Rc;

/// What a workspace file says it is, in its `format` field.
pub const FORMAT: &str = "zhibiao-workspace";
/// The version of the saved form this page writes and reads.
pub const VERSION: u32 = 1;
/// The most articles a workspace file may hold (each is analysed when imported).
pub const MAX_ARTICLES: usize = 200;
/// The largest workspace file (bytes) an import reads.
pub const MAX_FILE: usize = 64 << 20;

/// One article of the workspace.
#[derive(Debug, Clone, PartialEq)]
pub struct Doc {
    /// Stable across renames, removals and reloads of the list (not saved).
    pub id: u64,
    /// The reader's name for it, else its title or source is shown.
    pub name: Option<String>,
    pub text: Rc<str>,
    /// A file name, [`super::state::TYPED_SOURCE`] or `sample`.
    pub source: Rc<str>,
    /// The page furniture the reader chose to read (see [`crate::Options::include`]).
    pub include: Rc<[usize]>,
    /// `text` is still a web page's markup (a long page, reduced in the background).
    pub html: bool,
    /// Its analysis, once made (a long text has none until its background analysis is done).
    pub article: Option<Rc<Article>>,
    /// Its analysis was cancelled or failed: not started again until it is opened.
    pub halted: bool,
}

impl Doc {
    /// What the list and the compare table call it: the reader's name, else the title or the
    /// file name, else `unnamed`.
    pub fn label(&self, unnamed: &str) -> String {
        if let Some(name) = &self.name {
            return name.clone();
        }
        match &self.article {
            Some(article) => source_label(article, unnamed),
            None if &*self.source == super::state::TYPED_SOURCE => unnamed.to_string(),
            None => self.source.to_string(),
        }
    }

    /// The article's date, else the period most of its facts are of.
    pub fn when(&self) -> Option<String> {
        let article = self.article.as_ref()?;
        if let Some(date) = &article.date {
            return Some(date.when.clone());
        }
        let mut counts: Vec<(&str, usize)> = Vec::new();
        let whens = article.cards.iter().flat_map(|c| &c.facts);
        for when in whens.filter_map(|f| f.when.as_deref()) {
            match counts.iter_mut().find(|(w, _)| *w == when) {
                Some((_, n)) => *n += 1,
                None => counts.push((when, 1)),
            }
        }
        let most = counts
            .iter()
            .enumerate()
            .max_by_key(|(i, (_, n))| (*n, usize::MAX - i));
        most.map(|(_, (w, _))| w.to_string())
    }

    /// How many facts its analysis holds.
    pub fn facts(&self) -> usize {
        self.article.as_ref().map_or(0, |a| a.fact_count())
    }

    pub fn is_empty(&self) -> bool {
        self.text.trim().is_empty()
    }
}

/// The reader's choice for one wording of a metric: compare it under `key` (a merge into the
/// row of that key, or a split from the row it would join).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Regroup {
    pub metric: String,
    pub key: String,
}

/// An article taken out of the list, kept for "undo".
#[derive(Debug, Clone, PartialEq)]
pub struct Removed {
    pub at: usize,
    pub doc: Doc,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Workspace {
    /// Never empty: a fresh page has one empty article.
    pub docs: Vec<Doc>,
    /// The index of the open article in `docs`.
    pub open: usize,
    pub regroups: Vec<Regroup>,
    /// The last article removed, until it is restored or another is removed.
    pub removed: Option<Removed>,
    /// Bumped on every change worth saving but the open text's (names, order, merges, view).
    pub edits: u64,
    /// What the page shows: the open article's cards or the compare table.
    pub view: View,
    /// The compare table shows every metric, also those of one article.
    pub compare_all: bool,
    next_id: u64,
}

/// An article as the list shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub id: u64,
    pub label: String,
    /// The file name, or `unnamed` for a pasted text.
    pub source: String,
    pub when: Option<String>,
    pub facts: usize,
}

/// The table the compare view shows, and for each of its articles the workspace article
/// it is (articles not analysed yet are left out).
#[derive(Debug, Clone)]
pub struct Compared {
    pub table: Table,
    /// `docs[i]` is the id of the article at `table.articles[i]`.
    pub docs: Vec<u64>,
    /// Articles with text whose analysis is still to come (long texts, analysed in the
    /// background).
    pub pending: usize,
}

impl Workspace {
    /// A workspace of one article.
    pub fn new(text: Rc<str>, source: Rc<str>) -> Workspace {
        let mut ws = Workspace {
            docs: Vec::new(),
            open: 0,
            regroups: Vec::new(),
            removed: None,
            edits: 0,
            view: View::Cards,
            compare_all: false,
            next_id: 0,
        };
        let doc = ws.doc(text, source, Rc::new([]), None);
        ws.docs.push(doc);
        ws
    }

    /// A new article with a fresh id.
    pub fn doc(
        &mut self,
        text: Rc<str>,
        source: Rc<str>,
        include: Rc<[usize]>,
        article: Option<Rc<Article>>,
    ) -> Doc {
        self.next_id += 1;
        Doc {
            id: self.next_id,
            name: None,
            text,
            source,
            include,
            html: false,
            article,
            halted: false,
        }
    }

    /// A new empty article, as a fresh page has.
    pub fn empty_doc(&mut self) -> Doc {
        self.doc(
            "".into(),
            super::state::TYPED_SOURCE.into(),
            Rc::new([]),
            None,
        )
    }

    pub fn index(&self, id: u64) -> Option<usize> {
        self.docs.iter().position(|d| d.id == id)
    }

    pub fn open_doc(&self) -> &Doc {
        &self.docs[self.open]
    }

    /// The list of articles as shown, `unnamed` naming pasted ones (none for a workspace
    /// of one empty article: there is nothing to list).
    pub fn items(&self, unnamed: &str) -> Vec<Item> {
        if self.docs.len() == 1 && self.docs[0].is_empty() {
            return Vec::new();
        }
        let source = |d: &Doc| match &*d.source {
            super::state::TYPED_SOURCE => unnamed.to_string(),
            other => other.to_string(),
        };
        self.docs
            .iter()
            .map(|d| Item {
                id: d.id,
                label: d.label(unnamed),
                source: source(d),
                when: d.when(),
                facts: d.facts(),
            })
            .collect()
    }

    /// Name article `id` (an empty name gives back its own title).
    pub fn rename(&mut self, id: u64, name: &str) -> Option<()> {
        let at = self.index(id)?;
        let name = Some(name.trim())
            .filter(|n| !n.is_empty())
            .map(str::to_string);
        if self.docs[at].name == name {
            return None;
        }
        self.docs[at].name = name;
        self.edits += 1;
        Some(())
    }

    /// Show `view` (the compare table of every metric when `all`); `None` when it already is.
    pub fn show(&mut self, view: View, all: bool) -> Option<()> {
        if (self.view, self.compare_all) == (view, all) {
            return None;
        }
        (self.view, self.compare_all) = (view, all);
        self.edits += 1;
        Some(())
    }

    /// Compare the wordings `metrics` under `key`: the rows they head join the row of `key`.
    pub fn merge(&mut self, metrics: &[String], key: &str) {
        self.regroups.retain(|r| !metrics.contains(&r.metric));
        self.regroups.extend(metrics.iter().map(|m| Regroup {
            metric: m.clone(),
            key: key.to_string(),
        }));
        self.edits += 1;
    }

    /// Split the row of `key` with the wordings `metrics`: a row the reader merged falls back
    /// into its rows; a row the core's keys merged gets one row per wording.
    pub fn split(&mut self, key: &str, metrics: &[String]) {
        let before = self.regroups.len();
        self.regroups.retain(|r| r.key != key);
        if self.regroups.len() == before {
            // Every wording but the first (the row's name) gets a key of its own.
            self.regroups
                .extend(metrics.iter().skip(1).map(|m| Regroup {
                    metric: m.clone(),
                    key: format!("{key}/{m}"),
                }));
        }
        self.edits += 1;
    }

    /// The key the reader chose for `card`'s wording, if any.
    fn rekey(&self, card: &Card) -> Option<String> {
        let chosen = self.regroups.iter().find(|r| r.metric == card.metric);
        chosen.map(|r| r.key.clone())
    }

    /// The compare table of the analysed articles (every measure when `all`), with the
    /// reader's merges and splits.
    pub fn compare(&self, all: bool, unnamed: &str) -> Compared {
        let analysed: Vec<(&Doc, &Rc<Article>)> = self
            .docs
            .iter()
            .filter_map(|d| Some((d, d.article.as_ref()?)))
            .filter(|(d, _)| !d.is_empty())
            .collect();
        let articles: Vec<&Article> = analysed.iter().map(|(_, a)| &***a).collect();
        let options = compare::Options { all };
        let mut table = compare::table_with(&articles, options, &|card| self.rekey(card));
        // The table names each article as the list does.
        for (source, (doc, _)) in table.articles.iter_mut().zip(&analysed) {
            source.source = doc.label(unnamed);
        }
        let pending = self.waiting().count();
        Compared {
            table,
            docs: analysed.iter().map(|(d, _)| d.id).collect(),
            pending,
        }
    }

    /// The articles with text still to be analysed (not those stopped), in order.
    pub fn waiting(&self) -> impl Iterator<Item = (usize, &Doc)> {
        let docs = self.docs.iter().enumerate();
        docs.filter(|(_, d)| d.article.is_none() && !d.halted && !d.is_empty())
    }

    /// The saved form, keeping the articles `keep` accepts (the open one stays open when kept).
    pub fn saved(&self, keep: impl Fn(&Doc) -> bool) -> Saved {
        let mut open = 0;
        let mut articles = Vec::new();
        for (i, doc) in self.docs.iter().enumerate() {
            if doc.is_empty() || !keep(doc) {
                continue;
            }
            if i == self.open {
                open = articles.len();
            }
            articles.push(SavedDoc {
                source: doc.source.to_string(),
                name: doc.name.clone(),
                text: doc.text.to_string(),
                include: doc.include.to_vec(),
            });
        }
        Saved {
            format: FORMAT.to_string(),
            version: VERSION,
            open,
            articles,
            merges: self.regroups.clone(),
            compare: self.view == View::Compare,
            compare_all: self.compare_all,
        }
    }

    /// The articles worth keeping for the next visit: the limits of a single saved article.
    pub fn keeps(doc: &Doc) -> bool {
        Handling::keep(&doc.text, doc.html)
    }

    /// The workspace a saved form describes; `analyse` gives each article's analysis (or none,
    /// for a long text analysed when opened).
    pub fn from_saved(
        saved: Saved,
        analyse: impl Fn(&str, &str, &[usize]) -> Option<Rc<Article>>,
    ) -> Workspace {
        let mut ws = Workspace::new("".into(), super::state::TYPED_SOURCE.into());
        ws.docs.clear();
        for a in saved.articles {
            let article = analyse(&a.text, &a.source, &a.include);
            let mut doc = ws.doc(a.text.into(), a.source.into(), a.include.into(), article);
            doc.name = a.name.filter(|n| !n.trim().is_empty());
            ws.docs.push(doc);
        }
        if ws.docs.is_empty() {
            let doc = ws.empty_doc();
            ws.docs.push(doc);
        }
        ws.open = saved.open.min(ws.docs.len() - 1);
        ws.regroups = saved.merges;
        ws.view = if saved.compare {
            View::Compare
        } else {
            View::Cards
        };
        ws.compare_all = saved.compare_all;
        ws
    }
}

/// The saved workspace: the exported file, and what is kept for the next visit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Saved {
    /// Always [`FORMAT`].
    pub format: String,
    pub version: u32,
    /// The index of the open article.
    #[serde(default)]
    pub open: usize,
    pub articles: Vec<SavedDoc>,
    /// The reader's merges and splits of compare rows.
    #[serde(default)]
    pub merges: Vec<Regroup>,
    /// The compare view is shown (else the open article's cards).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub compare: bool,
    /// The compare table shows every metric.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub compare_all: bool,
}

/// One saved article: its text and what the reader chose for it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SavedDoc {
    pub source: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    pub text: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub include: Vec<usize>,
}

/// Why a file is not a workspace this page can open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BadFile {
    /// Not JSON at all (the parser's message).
    NotJson(String),
    /// JSON, but not a workspace (another export, say the cards' JSON).
    NotWorkspace,
    /// A workspace of a version this page does not know.
    Version(u64),
    /// A workspace whose fields are wrong (the parser's message).
    Invalid(String),
    /// No article in it.
    Empty,
    /// More articles, or more bytes, than an import takes.
    TooLarge,
}

/// The fields a file names itself by; a non-object (`[]`, `3`) is no workspace either.
#[derive(Deserialize)]
struct Claim {
    #[serde(default)]
    format: Option<String>,
    #[serde(default)]
    version: Option<u64>,
}

impl Saved {
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Read a workspace file, checking what it claims to be before what it holds.
    pub fn parse(json: &str) -> Result<Saved, BadFile> {
        if json.len() > MAX_FILE {
            return Err(BadFile::TooLarge);
        }
        // What the file claims to be, read first (any JSON object passes this step).
        let claim: Claim = serde_json::from_str(json).map_err(|e| match e.classify() {
            serde_json::error::Category::Data => BadFile::NotWorkspace,
            _ => BadFile::NotJson(e.to_string()),
        })?;
        if claim.format.as_deref() != Some(FORMAT) {
            return Err(BadFile::NotWorkspace);
        }
        match claim.version {
            Some(v) if v == u64::from(VERSION) => {}
            Some(v) => return Err(BadFile::Version(v)),
            None => return Err(BadFile::Invalid("version".into())),
        }
        let saved: Saved =
            serde_json::from_str(json).map_err(|e| BadFile::Invalid(e.to_string()))?;
        if saved.articles.len() > MAX_ARTICLES {
            return Err(BadFile::TooLarge);
        }
        if saved.articles.iter().all(|a| a.text.trim().is_empty()) {
            return Err(BadFile::Empty);
        }
        Ok(saved)
    }
}

#[cfg(test)]
mod tests;
