//! The reading stage: clause-level rules that turn quantities into facts (kind, metric, basis,
//! reference, bound, target, period, subject). It takes the normalised text, its lines and its
//! quantities, and hands [`Draft`] facts, in text order, to [`crate::cards`].
//!
//! A sentence is read clause by clause. Each quantity takes its meaning from the words just
//! before it in its clause (the verb, a comparison, a share word) and its metric from the
//! noun phrase there, or, for counted things (17家企业入选…), from the words after it. A clause
//! with no name of its own continues the previous clause's metric (…752.1亿元，同比增长6.7%).
//!
//! - [`clause`]: the walk over lines, sentences and clauses.
//! - [`kinds`]: what the words before a quantity make of it.
//! - [`name`]: metric names cleaned from the words around a quantity.
//! - [`context`]: lists, from-to changes, periods, points of view, subjects.
//! - [`plan`]: which sentences state plans and targets.
//! - [`table`]: tables read as grids, one fact per numeric cell.

mod clause;
mod context;
mod kinds;
mod name;
pub mod plan;
#[cfg(not(target_arch = "wasm32"))]
pub(crate) mod split;
pub mod table;
pub mod when;

use crate::model::{Bound, Fact, Kind};
use crate::quantity::{Quantity, Unit};
use crate::text::normalize::Normalized;
use crate::text::script::{foreign, han};
use crate::text::segment::{self, Line};
use crate::vocab::{ends_with_any, starts_with, starts_with_any, VOCAB};
use clause::*;
use context::*;
use kinds::*;
use name::*;
use plan::Plan;
use when::{find_day, find_period, period_at, Frame};

/// A fact while the article is read, before cards are formed.
#[derive(Debug, Clone)]
pub(crate) struct Draft {
    pub(crate) fact: Fact,
    pub(crate) metric: String,
    pub(crate) subject: Option<String>,
    /// Which sentence and which card within it: facts sharing both form one card.
    pub(crate) sentence: usize,
    pub(crate) card: usize,
    /// From a title or heading: dropped when the body states the same value.
    pub(crate) heading: bool,
    /// From a table's cell: dropped when the prose states the same fact, however rounded.
    pub(crate) table: bool,
    pub(crate) section: Option<String>,
    /// Where the card starts (the metric's first char) in the input.
    pub(crate) card_start: usize,
}

/// A char range `start..end` of the normalised text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Span {
    pub(crate) start: usize,
    pub(crate) end: usize,
}

impl Span {
    pub(crate) fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }
}

/// The last metric a sentence named: the name, its card, and where the card starts in the
/// input.
#[derive(Debug, Clone)]
pub(crate) struct Named {
    pub(crate) name: String,
    pub(crate) card: usize,
    pub(crate) input_start: usize,
    /// How much of `name` (bytes) a later value of the sentence takes as its own: all of it,
    /// but for a streak's rank words (连续十年位居全省首位 → 位居全省), which are the rank's.
    pub(crate) stem: usize,
}

impl Named {
    /// The name a later value of the sentence builds on.
    pub(crate) fn stem(&self) -> &str {
        &self.name[..self.stem]
    }
}

/// What the reading stage hands on: the article's title, its date, what its periods are
/// resolved against, and its facts.
pub(crate) struct Read {
    pub(crate) title: Option<String>,
    pub(crate) date: Option<crate::model::ArticleDate>,
    pub(crate) anchor: when::Anchor,
    pub(crate) facts: Vec<Draft>,
    /// Lines read twice because a part's guess of what the lines before hand it was wrong
    /// (see the `split` module).
    pub(crate) reread: usize,
}

/// How the lines are read: in one walk, or natively in parts of about `part_chars` chars on
/// `threads` threads (see the `split` module), with the same facts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Split {
    pub(crate) threads: usize,
    pub(crate) part_chars: usize,
    /// Lines read before a part's start to learn what they hand it.
    pub(crate) warm_up: usize,
}

impl Split {
    pub(crate) const NONE: Split = Split {
        threads: 1,
        part_chars: usize::MAX,
        warm_up: 0,
    };
}

/// Read every line of `chars` (the normalised text of `input`) that is not page furniture,
/// telling `progress` the share of the text read so far (0.0 to 1.0) when it is read in one
/// walk (in parts, only at the end).
pub(crate) fn read(
    input: &str,
    norm: &Normalized,
    chars: &[char],
    lines: &[Line],
    quantities: &[Quantity],
    how: Split,
    progress: &mut dyn FnMut(f32),
) -> Read {
    let whole = Whole::new(input, norm, chars, lines, quantities);
    #[cfg(not(target_arch = "wasm32"))]
    if how.part_chars < chars.len() {
        return split::read(&whole, &how);
    }
    let _ = how;
    // Report each further hundredth of the text's lines.
    let step = (chars.len() / 100).max(1);
    let mut next_report = step;
    let mut walk = Walk::at(&whole, 0);
    for (li, line) in lines.iter().enumerate() {
        if line.start >= next_report {
            next_report = line.start + step;
            progress(line.start as f32 / chars.len() as f32);
        }
        walk.line(li);
    }
    let facts = walk.reader.facts;
    whole.finish(facts, 0)
}

/// What is decided over the whole text before its lines are read (its title, its date, its
/// tables, where each char starts in the input), shared by every [`Walk`] over its lines.
pub(crate) struct Whole<'a> {
    pub(crate) input: &'a str,
    pub(crate) norm: &'a Normalized,
    pub(crate) chars: &'a [char],
    pub(crate) lines: &'a [Line],
    pub(crate) quantities: &'a [Quantity],
    offsets: Vec<usize>,
    title: Option<usize>,
    anchor: when::Anchor,
    date: Option<crate::model::ArticleDate>,
    tables: Vec<table::Table>,
}

impl<'a> Whole<'a> {
    pub(crate) fn new(
        input: &'a str,
        norm: &'a Normalized,
        chars: &'a [char],
        lines: &'a [Line],
        quantities: &'a [Quantity],
    ) -> Whole<'a> {
        let title = title_line(lines);
        let (anchor, date) = when::article_date(chars, lines, title);
        let offsets = input
            .char_indices()
            .map(|(b, _)| b)
            .chain(std::iter::once(input.len()))
            .collect();
        let mut whole = Whole {
            input,
            norm,
            chars,
            lines,
            quantities,
            offsets,
            title,
            anchor,
            date,
            tables: Vec::new(),
        };
        let probe = Walk::at(&whole, 0);
        let gap = |i: usize| probe.reader.gap_before(i);
        let tables = table::read(chars, lines, &gap);
        whole.tables = tables;
        whole
    }

    /// The stage's output, with the facts its lines gave.
    pub(crate) fn finish(&self, facts: Vec<Draft>, reread: usize) -> Read {
        let (chars, lines) = (self.chars, self.lines);
        Read {
            title: self
                .title
                .map(|i| text_of(chars, lines[i].start, lines[i].end)),
            date: self.date.clone(),
            anchor: self.anchor,
            facts,
            reread,
        }
    }
}

/// A walk over the lines, in order, with what one line hands the next: the section, the plan,
/// the periods in force and the reader's own (see [`clause::Reader`]).
pub(crate) struct Walk<'w> {
    pub(crate) whole: &'w Whole<'w>,
    pub(crate) reader: Reader<'w>,
    pub(crate) section: Option<String>,
    pub(crate) plan: Plan,
    pub(crate) frame: Frame,
    /// Tables before this index end before the line read next.
    pub(crate) next_table: usize,
}

impl<'w> Walk<'w> {
    /// A walk that starts at line `li` knowing nothing of the lines before it.
    pub(crate) fn at(whole: &'w Whole<'w>, li: usize) -> Walk<'w> {
        let start = whole.lines.get(li).map_or(whole.chars.len(), |l| l.start);
        Walk {
            whole,
            reader: Reader {
                chars: whole.chars,
                input: whole.input,
                offsets: &whole.offsets,
                norm: whole.norm,
                quantities: whole.quantities,
                next_q: whole.quantities.partition_point(|q| q.start < start),
                facts: Vec::new(),
                view: None,
                basis: None,
                basis_sentence: None,
                view_basis: None,
                last_metric: None,
                continues: false,
                total: None,
                stated_period: None,
                anchor: whole.anchor,
            },
            section: None,
            plan: Plan::default(),
            frame: Frame::default(),
            next_table: whole.tables.partition_point(|t| t.end_line <= li),
        }
    }

    /// Read line `li`: the lines before it must have been read by this walk, or their state
    /// handed to it.
    pub(crate) fn line(&mut self, li: usize) {
        let (chars, line) = (self.whole.chars, &self.whole.lines[li]);
        let tables = &self.whole.tables;
        // A table's lines are its grid's, not prose.
        while tables
            .get(self.next_table)
            .is_some_and(|t| t.end_line <= li)
        {
            self.next_table += 1;
        }
        if let Some(t) = tables.get(self.next_table).filter(|t| t.first_line <= li) {
            if t.first_line == li {
                self.reader.read_table(t, self.section.as_deref());
            }
            return;
        }
        if line.noise {
            return;
        }
        let is_title = Some(li) == self.whole.title;
        let words = &chars[line.start..line.end];
        if line.heading && !is_title {
            self.section = Some(text_of(chars, line.start, line.end));
            self.plan.heading(words);
            self.frame.heading(words);
        } else if !line.heading {
            self.plan.paragraph(words);
            self.frame.paragraph();
        }
        let at = Place {
            heading: line.heading || is_title,
            section: self.section.as_deref(),
            plan: &self.plan,
        };
        self.reader.read_line(line, &at, &mut self.frame);
    }
}

/// The article's title: its first line, when that reads as a heading.
fn title_line(lines: &[Line]) -> Option<usize> {
    let mut body = lines.iter().enumerate().filter(|(_, l)| !l.noise);
    let (i, first) = body.next()?;
    // A lone line is the text itself, not a title over it.
    (first.heading && body.next().is_some()).then_some(i)
}

/// The chars `s..e` as a string, allocated once at its size (collecting chars reserves a
/// byte a char, and a Han char takes three: two reallocations of every name and line).
pub(crate) fn text_of(chars: &[char], s: usize, e: usize) -> String {
    let cs = &chars[s..e];
    let mut out = String::with_capacity(cs.iter().map(|c| c.len_utf8()).sum());
    out.extend(cs);
    out
}
