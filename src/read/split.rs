//! One long text read in parts on several threads (native only), with the facts the whole
//! read gives, in its order.
//!
//! What one line hands the next ([`Carry`]: the section, the plan, the periods in force, the
//! point of view, the paragraph's basis and metric, a 其中 sentence's total, and the facts a
//! part of a total looks back to) is known only once the lines before are read. So each part
//! is read speculatively: from a few lines before its start, or from the nearest heading
//! before it, with the nearest point of view (a warm-up whose facts are not its own), noting
//! its state at each of its first lines. The parts are then joined in order: the state the
//! part before ended with is compared with the part's own at its first line; where they
//! differ (a point of view stated further back, a paragraph's period), that line is read
//! again from the true state, and the next compared, until the two agree, and the part's
//! facts from there on are taken as they are. A part that never agrees is read again whole.
//! The result is the whole read's by construction, whatever the text; speculation only
//! decides how much is read twice.
//!
//! It hands [`super::Read`] on, as [`super::read`] does.

use super::clause::{Total, MAX_TOTAL_BACK};
use super::context::point_of_view;
use super::plan::Plan;
use super::when::Frame;
use super::{Draft, Read, Split, Walk, Whole};
use crate::model::Kind;
use crate::parallel;
use crate::text::segment;
use std::ops::Range;

/// How far back a part's start the nearest heading and point of view are looked for, in
/// lines: further back costs more than reading the part again when the guess is wrong.
const LOOK_BACK: usize = 400;

/// How many of a part's first lines note their state: a part that does not agree with the one
/// before within them is read again whole.
const MARKS: usize = 64;

/// Everything one line hands the next, but the positions that follow from the line alone
/// (the next quantity, the next table) and the facts (compared by [`tail`]).
#[derive(Debug, Clone, PartialEq)]
struct Carry {
    section: Option<String>,
    plan: Plan,
    frame: Frame,
    view: Option<String>,
    basis: Option<String>,
    basis_sentence: Option<usize>,
    view_basis: Option<String>,
    last_metric: Option<String>,
    continues: bool,
    stated_period: Option<String>,
    total: Option<Total>,
}

impl Walk<'_> {
    /// The walk's state. Every field of the walk and its reader is named here, so a field
    /// added to either does not compile until it is carried or said to need no carrying.
    fn carry(&self) -> Carry {
        let Walk {
            whole: _,
            reader,
            section,
            plan,
            frame,
            // Follows from the line (see `resume`).
            next_table: _,
        } = self;
        let super::clause::Reader {
            // The text and what was read from it whole: the same for every walk.
            chars: _,
            input: _,
            offsets: _,
            norm: _,
            quantities: _,
            anchor: _,
            // Follows from the line (see `resume`).
            next_q: _,
            // Compared by `tail`.
            facts: _,
            view,
            basis,
            basis_sentence,
            last_metric,
            continues,
            view_basis,
            stated_period,
            total,
        } = reader;
        Carry {
            section: section.clone(),
            plan: plan.clone(),
            frame: frame.clone(),
            view: view.clone(),
            basis: basis.clone(),
            basis_sentence: *basis_sentence,
            view_basis: view_basis.clone(),
            last_metric: last_metric.clone(),
            continues: *continues,
            stated_period: stated_period.clone(),
            total: total.clone(),
        }
    }

    /// Take on `carry` as the state before line `li`.
    fn resume(&mut self, carry: Carry, li: usize) {
        let fresh = Walk::at(self.whole, li);
        (self.reader.next_q, self.next_table) = (fresh.reader.next_q, fresh.next_table);
        (self.section, self.plan, self.frame) = (carry.section, carry.plan, carry.frame);
        let r = &mut self.reader;
        (r.view, r.basis, r.basis_sentence) = (carry.view, carry.basis, carry.basis_sentence);
        (r.view_basis, r.last_metric) = (carry.view_basis, carry.last_metric);
        (r.continues, r.stated_period, r.total) =
            (carry.continues, carry.stated_period, carry.total);
    }
}

impl Whole<'_> {
    /// Whether line `li` is read as prose (the title, a heading or a paragraph), not skipped
    /// as furniture or read as a table's row.
    pub(crate) fn reads(&self, li: usize) -> bool {
        let tables = &self.tables;
        let in_table = tables
            .get(tables.partition_point(|t| t.end_line <= li))
            .is_some_and(|t| t.first_line <= li);
        !in_table && !self.lines[li].noise
    }
}

/// What a part of a total looks back to in the facts before: their last [`MAX_TOTAL_BACK`],
/// by sentence, metric, kind and unit.
fn tail(facts: &[Draft]) -> impl Iterator<Item = (usize, &str, Kind, &str)> + '_ {
    let from = facts.len().saturating_sub(MAX_TOTAL_BACK);
    facts[from..].iter().map(|d| {
        (
            d.sentence,
            d.metric.as_str(),
            d.fact.kind,
            d.fact.unit.as_str(),
        )
    })
}

/// The state before one of a part's first lines, and how many of the part's facts (warm-up
/// included) came before it.
struct Mark {
    carry: Carry,
    facts: usize,
}

/// One part read on its own: its facts (after the warm-up's), its state before each of its
/// first lines, and its state after its last.
struct Part {
    lines: Range<usize>,
    facts: Vec<Draft>,
    marks: Vec<Mark>,
    last: Carry,
}

/// A walk ready to read line `start`, its state guessed from the lines before: read from
/// `warm_up` lines before it, or from the nearest heading within [`LOOK_BACK`] lines (a
/// heading names the section and ends the paragraphs' periods), with the point of view the
/// nearest one within [`LOOK_BACK`] lines states. No warm-up is no guess (for tests).
fn guess<'w>(whole: &'w Whole<'w>, start: usize, warm_up: usize) -> Walk<'w> {
    if warm_up == 0 {
        return Walk::at(whole, start);
    }
    let floor = start.saturating_sub(LOOK_BACK);
    let read = |li: &usize| whole.reads(*li);
    let warm = (floor..start)
        .rev()
        .filter(read)
        .find(|&li| whole.lines[li].heading)
        .unwrap_or(start)
        .min(start.saturating_sub(warm_up));
    let mut walk = Walk::at(whole, warm);
    walk.reader.view = (floor..warm).rev().filter(read).find_map(|li| {
        let (chars, line) = (whole.chars, &whole.lines[li]);
        let clauses = segment::sentences(chars, line.start, line.end)
            .into_iter()
            .flat_map(|(ss, se)| segment::clauses(chars, ss, se));
        clauses
            .filter_map(|(cs, ce)| point_of_view(chars, cs, ce))
            .next_back()
    });
    for li in warm..start {
        walk.line(li);
    }
    walk
}

fn read_part(whole: &Whole, lines: &Range<usize>, warm_up: usize) -> Part {
    let mut walk = guess(whole, lines.start, warm_up);
    let mut marks = Vec::new();
    for li in lines.clone() {
        if li - lines.start < MARKS {
            marks.push(Mark {
                carry: walk.carry(),
                facts: walk.reader.facts.len(),
            });
        }
        walk.line(li);
    }
    Part {
        lines: lines.clone(),
        last: walk.carry(),
        facts: walk.reader.facts,
        marks,
    }
}

/// The whole read's walk, joined part by part.
struct Join<'w> {
    walk: Walk<'w>,
    /// Lines read again because a part's guess was wrong, for the tests and the bench.
    reread: usize,
}

impl Join<'_> {
    /// Go on with `part`: its lines' facts are the whole read's from the first line whose
    /// state agrees with the walk's.
    fn take(&mut self, mut part: Part) {
        let mut li = part.lines.start;
        for mark in &part.marks {
            let agrees = mark.carry == self.walk.carry()
                && tail(&part.facts[..mark.facts]).eq(tail(&self.walk.reader.facts));
            if agrees {
                self.walk
                    .reader
                    .facts
                    .extend(part.facts.drain(mark.facts..));
                self.walk.resume(part.last, part.lines.end);
                return;
            }
            self.walk.line(li);
            self.reread += 1;
            li += 1;
        }
        self.reread(li..part.lines.end);
    }

    fn reread(&mut self, lines: Range<usize>) {
        for li in lines {
            self.walk.line(li);
            self.reread += 1;
        }
    }
}

/// The parts' line ranges: about `part_chars` chars each, never cutting a table.
fn parts(whole: &Whole, part_chars: usize) -> Vec<Range<usize>> {
    let lines = whole.lines;
    let mut cuts = vec![0];
    let mut target = part_chars.max(1);
    let mut li = 0;
    while li < lines.len() {
        li += lines[li..].partition_point(|l| l.start < target);
        let tables = &whole.tables;
        if let Some(t) = tables
            .get(tables.partition_point(|t| t.end_line <= li))
            .filter(|t| t.first_line < li)
        {
            li = t.end_line;
        }
        if li < lines.len() && li > *cuts.last().unwrap_or(&0) {
            cuts.push(li);
        }
        target = lines.get(li).map_or(usize::MAX, |l| l.start) + part_chars.max(1);
    }
    cuts.push(lines.len());
    cuts.windows(2).map(|w| w[0]..w[1]).collect()
}

/// [`super::read`] in parts as `how` says.
pub(crate) fn read(whole: &Whole, how: &Split) -> Read {
    let ranges = parts(whole, how.part_chars);
    let mut join = Join {
        walk: Walk::at(whole, 0),
        reread: 0,
    };
    parallel::ordered(
        &ranges,
        how.threads,
        |lines| read_part(whole, lines, how.warm_up),
        |i, part| match part {
            Ok(part) => join.take(part),
            // A panic in a part (a bug in the rules, met from a guessed state) is not the
            // whole read's: its lines are read again from the true state.
            Err(_) => join.reread(ranges[i].clone()),
        },
    );
    let reread = join.reread;
    whole.finish(join.walk.reader.facts, reread)
}
