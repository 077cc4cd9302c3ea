//! Time: the words that state a period (2024年, 1-8月, 一季度, 去年 …), the article's date (a
//! dateline, the year of its title or of its 全年/年度 phrases), the period a heading or an
//! opening phrase sets for what follows it, and each fact's period normalised to `when`.
//!
//! `when` is a string that sorts and compares across articles: `2024`, `2024-Q1`, `2024-H1`,
//! `2024-03`, `2024-01..2024-08` (1-8月), `2024-12-31` (年末), `2021..2023`. A period that
//! cannot be placed in time (全年 in an article with no year) gets no `when` and a note that
//! says why.

use super::Span;
use crate::model::{Article, ArticleDate, DateFrom};
use crate::pattern::{Found, Pattern};
use crate::text::segment::Line;
use crate::vocab::{starts_with, VOCAB};
use std::sync::LazyLock;

/// A day of the calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Day {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

/// What an article's periods are resolved against.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Anchor {
    /// When it was published (its dateline): the reference of 今年 and 去年, and of a part of
    /// a year named without one.
    pub published: Option<Day>,
    /// The year it is about, from its title or its 全年/年度 phrases.
    pub year: Option<i32>,
    /// With neither: the year a reviewing article (一年来) is taken to be about.
    pub inferred: Option<Inferred>,
}

/// The year of an article with no date and no year of its own, inferred from its words: it
/// reviews a year (`review`, 一年来) and the latest year it names is `year`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Inferred {
    pub year: i32,
    pub review: &'static str,
}

impl Inferred {
    fn note(&self, what: &str) -> String {
        format!(
            "inferred: {what}; the article reviews a year ({}) and the latest year it names is {}",
            self.review, self.year
        )
    }
}

// ---------------------------------------------------------------------------------------------
// Recognising a period in running text.

/// A period at `cs[i..]` (2023年, 1-2月, 一季度, 去年, 2021年底 …): the index after it. A date
/// (3月20日, 2025年03月20日) and a span of years (3年, 近10年) are not periods.
pub fn period_at(cs: &[char], i: usize) -> Option<usize> {
    let j = one_period_at(cs, i)?;
    // 今年9月, 2024年一季度, 去年上半年: a year and a part of it are one period.
    if parse_chars(&cs[i..j]).year == Year::Unstated {
        return Some(j);
    }
    match one_period_at(cs, j) {
        Some(k) if parse_chars(&cs[j..k]).year == Year::Unstated => Some(k),
        _ => Some(j),
    }
}

/// One period word or number at `cs[i..]`.
fn one_period_at(cs: &[char], i: usize) -> Option<usize> {
    let c = *cs.get(i)?;
    if let Some(w) = VOCAB.period_words.at(cs, i) {
        return Some(i + w.chars().count());
    }
    let first_months = VOCAB.dates.first_months.has(c);
    if !(c.is_ascii_digit() || first_months) {
        return None;
    }
    let (year, month) = (VOCAB.marks.year, VOCAB.marks.month);
    // 前10月: the first ten months.
    let mut j = if first_months { i + 1 } else { i };
    let digits = |j: &mut usize| {
        let s = *j;
        while *j < cs.len() && cs[*j].is_ascii_digit() {
            *j += 1;
        }
        *j - s
    };
    let n = digits(&mut j);
    if n == 0 || (j > i + n && cs.get(j) != Some(&month)) {
        return None;
    }
    let mut m = 0;
    if cs.get(j) == Some(&'-') {
        j += 1;
        m = digits(&mut j);
    }
    match cs.get(j) {
        // A year has four digits: 3年 is a length of time.
        Some(&c) if c == year && n == 4 && (m == 0 || m == 4) => {
            j += 1;
            let mut k = j;
            if digits(&mut k) > 0 && cs.get(k) == Some(&month) {
                if is_day(cs, k + 1) {
                    return None;
                }
                j = k + 1;
            }
        }
        Some(&c) if c == month && n <= 2 && m <= 2 => {
            if is_day(cs, j + 1) {
                return None;
            }
            j += 1;
        }
        _ => return None,
    }
    for end in &VOCAB.dates.period_end {
        if starts_with(cs, j, end) {
            j += end.chars().count();
        }
    }
    Some(j)
}

/// The last day of the calendar (3月19日, 2019年12月27日) in `c[s..end]`: a fact's period when
/// its clause names the day it happened (于3月19日创下今年最低点8523点). A day is no period
/// of a sentence's other clauses, nor of the paragraphs after it.
pub fn find_day(c: &[char], s: usize, end: usize) -> Option<String> {
    let (year, month) = (VOCAB.marks.year, VOCAB.marks.month);
    let digits_back = |e: usize| (s..e).rev().take_while(|&i| c[i].is_ascii_digit()).count();
    (s..end).rev().find_map(|m| {
        // A month mark with a day after it, inside the range.
        if c[m] != month || !is_day(c, m + 1) {
            return None;
        }
        let n = digits_back(m);
        let mut start = m - n;
        if n == 0 || n > 2 || (start > s && c[start - 1].is_ascii_digit()) {
            return None;
        }
        if start > s && c[start - 1] == year && digits_back(start - 1) == 4 {
            start -= 5;
        }
        let mut e = m + 1;
        while c[e].is_ascii_digit() {
            e += 1;
        }
        (e < end).then(|| c[start..=e].iter().collect())
    })
}

/// Does a day of the month (20日, 20号) start at `i`?
fn is_day(cs: &[char], i: usize) -> bool {
    let mut j = i;
    while j < cs.len() && cs[j].is_ascii_digit() {
        j += 1;
    }
    j > i && cs.get(j).is_some_and(|&c| VOCAB.dates.day.has(c))
}

/// The first period named in `c[s..end]`, or the last with `last`. 上年 in 比上年 and 1-3月 in
/// 比1-3月 are a change's basis, 去年同期 in 由去年同期的 a start value's period, not the
/// fact's; 3月 in 1-3月 and 年初 in 上年年初 are parts of another.
pub fn find_period(c: &[char], s: usize, end: usize, last: bool) -> Option<String> {
    let mut found = None;
    let mut i = s;
    while i < end {
        let starts_word =
            i == 0 || !(c[i - 1].is_ascii_digit() || VOCAB.dates.not_after.has(c[i - 1]));
        // Only where a word starts: a period read from inside a run of digits reads to its
        // end, from every digit of it (quadratic; `scale` fuzz: 80 repeated).
        match starts_word.then(|| period_at(c, i)).flatten() {
            Some(j) if j <= end => {
                // Written out once, for the one kept (the last of a clause's several).
                found = Some(Span::new(i, j));
                if !last {
                    break;
                }
                i = j;
            }
            _ => i += 1,
        }
    }
    found.map(|Span { start, end }| {
        let mut text = super::text_of(c, start, end);
        // 今年以来 is a period of its own; 2021年以来 is read as 2021年.
        let junk: &[&str] = if VOCAB.period_words.is(&c[start..end]) {
            &[]
        } else {
            &VOCAB.dates.period_junk
        };
        for junk in junk {
            if let Some(t) = text.strip_suffix(junk) {
                text = t.to_string();
            }
        }
        text
    })
}

// ---------------------------------------------------------------------------------------------
// The period that a heading or an opening phrase sets for what follows.

/// The period set for facts whose sentence states none: by a heading (一、2023年工作回顾) for
/// its section, by a paragraph that opens with one (2023年，…) for the paragraphs after it, and
/// by a sentence that opens with one (1-3月份，…) for the rest of its paragraph.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Frame {
    /// A heading's period and the heading's level (`plan::heading_level`).
    heading: Option<(String, u8)>,
    paragraph: Option<String>,
    sentence: Option<String>,
}

impl Frame {
    /// A heading (`words`): its own period opens its section; one without a period ends what
    /// paragraphs set, and a heading's period at its level or above (三、 after 二、2026年目标),
    /// but not below it (二、2024年工作 → (一)工业).
    pub fn heading(&mut self, words: &[char]) {
        let level = super::plan::heading_level(words);
        if let Some((_, l)) = &self.heading {
            let ends = match level {
                0 => *l == 0,
                h => *l == 0 || h <= *l,
            };
            if ends {
                self.heading = None;
            }
        }
        if let Some(p) = find_period(words, 0, words.len(), false) {
            self.heading = Some((p, level));
        }
        self.paragraph = None;
        self.sentence = None;
    }

    /// A new paragraph: what a sentence set ends with its paragraph.
    pub fn paragraph(&mut self) {
        self.sentence = None;
    }

    /// A sentence opened with `period`; `first` when it opens its paragraph.
    pub fn opened(&mut self, period: &str, first: bool) {
        if first {
            self.paragraph = Some(period.to_string());
        }
        self.sentence = Some(period.to_string());
    }

    /// The year its heading names (2026 under 三、2026年主要任务). A paragraph's or a
    /// sentence's year (2019年，…) is a period of its own, not the year 今年 counts from.
    pub fn heading_year(&self) -> Option<i32> {
        let (period, _) = self.heading.as_ref()?;
        year_words(period)?.get(..4)?.parse().ok()
    }

    /// The period in force, nearest first.
    pub fn current(&self) -> Option<&str> {
        self.levels().next()
    }

    fn levels(&self) -> impl Iterator<Item = &str> {
        [
            self.sentence.as_deref(),
            self.paragraph.as_deref(),
            self.heading.as_ref().map(|(p, _)| p.as_str()),
        ]
        .into_iter()
        .flatten()
    }

    /// `period` with the year in force written before it when it names a part of a year
    /// without one (全年 under 2024年 → 2024年全年), so its words say which year.
    pub fn with_year(&self, period: String) -> String {
        let parsed = parse(&period);
        if parsed.year != Year::Unstated {
            return period;
        }
        match self.levels().find_map(year_words) {
            Some(year) => format!("{year}{period}"),
            None => period,
        }
    }
}

/// The year as written at the start of a period (2024年 in 2024年一季度).
fn year_words(period: &str) -> Option<&str> {
    let n = period.chars().take_while(char::is_ascii_digit).count();
    let year = VOCAB.marks.year;
    (n == 4 && period[4..].starts_with(year)).then(|| &period[..4 + year.len_utf8()])
}

// ---------------------------------------------------------------------------------------------
// Reading a period's words.

/// Which year a period names.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Year {
    Unstated,
    Is(i32),
    Range(i32, i32),
    /// Relative to the article's: 去年 is -1.
    Relative(i32),
}

/// Which part of the year.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Part {
    Whole,
    Half(u32),
    Quarter(u32),
    Months(u32, u32),
    /// The last day of a month (3月末) or of the year (年末: month 12).
    End(u32),
    /// Its first month (年初).
    Start,
    /// From January to the article's date (今年以来).
    Since,
    /// The same part as elsewhere in the text (同期): not known alone.
    Same,
    /// A day: month and day (3月19日).
    Day(u32, u32),
}

#[derive(Debug, Clone, Copy, PartialEq)]
struct Parsed {
    year: Year,
    part: Part,
}

/// Read a period's words, as `period_at` found them or as a heading and a sentence joined them.
fn parse(text: &str) -> Parsed {
    let cs: Vec<char> = text.chars().collect();
    parse_chars(&cs)
}

/// [`parse`] of the chars of a period, as `period_at` has them.
fn parse_chars(cs: &[char]) -> Parsed {
    let mut out = Parsed {
        year: Year::Unstated,
        part: Part::Whole,
    };
    let mut i = 0;
    while i < cs.len() {
        // The indexed list finds the word; its meaning is that word's first entry.
        let word = VOCAB.period_words.at(cs, i);
        if let Some((w, meaning)) = word.and_then(|w| VOCAB.periods.iter().find(|(p, _)| *p == w)) {
            apply(&mut out, meaning);
            i += w.chars().count();
            continue;
        }
        let number = |i: &mut usize| -> Option<u32> {
            let s = *i;
            while *i < cs.len() && cs[*i].is_ascii_digit() {
                *i += 1;
            }
            // As `str::parse::<u32>` reads them: no digits, or too many, is no number.
            let digits = &cs[s..*i];
            if digits.is_empty() {
                return None;
            }
            digits
                .iter()
                .try_fold(0u32, |n, d| n.checked_mul(10)?.checked_add(d.to_digit(10)?))
        };
        let first_months = VOCAB.dates.first_months.has(cs[i]);
        if first_months {
            i += 1;
        }
        let s = i;
        let Some(a) = number(&mut i) else {
            i += 1;
            continue;
        };
        let b = if cs.get(i) == Some(&'-') {
            i += 1;
            number(&mut i)
        } else {
            None
        };
        let (year, month) = (VOCAB.marks.year, VOCAB.marks.month);
        match cs.get(i) {
            Some(&c) if c == year && i - s >= 4 => {
                out.year = match b {
                    Some(b) => Year::Range(a as i32, b as i32),
                    None => Year::Is(a as i32),
                };
                i += 1;
            }
            Some(&c)
                if c == month
                    && (1..=12).contains(&a)
                    && b.is_none_or(|b| (a..=12).contains(&b)) =>
            {
                i += 1;
                let (a, end) = if first_months {
                    (1, a)
                } else {
                    (a, b.unwrap_or(a))
                };
                let mut k = i;
                let day = number(&mut k).filter(|d| (1..=last_day(end).max(29)).contains(d));
                out.part = if cs.get(i).is_some_and(|&c| VOCAB.dates.end.has(c)) {
                    Part::End(end)
                } else if let Some(d) = day.filter(|_| is_day(cs, i) && b.is_none()) {
                    i = k + 1;
                    Part::Day(a, d)
                } else {
                    Part::Months(a, end)
                };
            }
            _ => {}
        }
        if cs.get(i).is_some_and(|&c| VOCAB.dates.end.has(c)) && out.part == Part::Whole {
            out.part = Part::End(12);
        }
        if VOCAB.dates.since.at(cs, i).is_some() && out.part == Part::Whole {
            out.part = Part::Since;
        }
    }
    out
}

/// Apply one vocabulary meaning (`-1`, `H1`, `months 1-9`, `0 since` …).
fn apply(out: &mut Parsed, meaning: &str) {
    let mut tokens = meaning.split_whitespace();
    while let Some(t) = tokens.next() {
        out.part = match t {
            "year" | "report" => Part::Whole,
            "H1" => Part::Half(1),
            "H2" => Part::Half(2),
            "Q1" => Part::Quarter(1),
            "Q2" => Part::Quarter(2),
            "Q3" => Part::Quarter(3),
            "Q4" => Part::Quarter(4),
            "end" => Part::End(12),
            "start" => Part::Start,
            "since" => Part::Since,
            "same" => Part::Same,
            "months" => match tokens.next().and_then(|r| r.split_once('-')) {
                Some((a, b)) => Part::Months(a.parse().unwrap_or(1), b.parse().unwrap_or(12)),
                None => Part::Whole,
            },
            offset => {
                if let Ok(k) = offset.parse::<i32>() {
                    out.year = Year::Relative(k);
                }
                continue;
            }
        };
    }
}

impl Part {
    /// The last month and day it covers.
    fn end(self, published: Option<Day>) -> (u32, u32) {
        let month = match self {
            Part::Whole | Part::Same => 12,
            Part::Half(h) => 6 * h,
            Part::Quarter(q) => 3 * q,
            Part::Months(_, b) | Part::End(b) => b,
            Part::Day(m, d) => return (m, d),
            Part::Start => 1,
            Part::Since => return published.map_or((12, 31), |d| (d.month, d.day)),
        };
        (month, last_day(month))
    }
}

fn last_day(month: u32) -> u32 {
    match month {
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// A fact's period in comparable form, or why it has none.
pub fn resolve(period: &str, anchor: &Anchor, target: bool) -> Result<String, String> {
    let p = parse(period);
    let year = match p.year {
        Year::Range(a, b) => return Ok(format!("{a}..{b}")),
        Year::Is(y) => y,
        Year::Relative(k) => match anchor.published.map(|d| d.year).or(anchor.year) {
            Some(y) => y + k,
            None => return Err(format!("{period}: the article's date is not known")),
        },
        Year::Unstated => match (anchor.year, anchor.published) {
            (Some(y), _) => y,
            // A part of the year not over when the article appeared is last year's, unless it
            // is a plan for this one.
            (None, Some(d)) if !target && p.part.end(Some(d)) > (d.month, d.day) => d.year - 1,
            (None, Some(d)) => d.year,
            (None, None) => match anchor.inferred {
                Some(inf) => inf.year,
                None => return Err(format!("{period}: the article states no year")),
            },
        },
    };
    Ok(match p.part {
        Part::Whole => format!("{year}"),
        Part::Half(h) => format!("{year}-H{h}"),
        Part::Quarter(q) => format!("{year}-Q{q}"),
        Part::Months(a, b) if a == b => format!("{year}-{a:02}"),
        Part::Months(a, b) => format!("{year}-{a:02}..{year}-{b:02}"),
        Part::End(m) => format!("{year}-{m:02}-{:02}", last_day(m)),
        Part::Day(m, d) => format!("{year}-{m:02}-{d:02}"),
        Part::Start => format!("{year}-01"),
        Part::Since => match anchor.published {
            Some(d) if d.year == year && d.month > 1 => {
                format!("{year}-01..{year}-{:02}", d.month)
            }
            _ => format!("{year}"),
        },
        Part::Same => return Err(format!("{period}: the period it matches is not stated")),
    })
}

/// A period relative to the article's year (今年, 去年) in an article with neither a date nor a
/// year of its own, placed by the `year` of the heading it stands under (今年
/// under 三、2026年主要任务 is 2026): a fact's `when` and the note that says how, both absent
/// when it does not apply.
pub fn by_frame(
    period: &Option<String>,
    anchor: &Anchor,
    year: Option<i32>,
    target: bool,
) -> (Option<String>, Option<String>) {
    let dated = anchor.published.is_some() || anchor.year.is_some();
    let (Some(period), Some(year), false) = (period.as_deref(), year, dated) else {
        return (None, None);
    };
    if !matches!(parse(period).year, Year::Relative(_)) {
        return (None, None);
    }
    let framed = Anchor {
        year: Some(year),
        ..*anchor
    };
    match resolve(period, &framed, target) {
        Ok(when) => (
            Some(when),
            Some(format!(
                "inferred: {period} counts from its heading's year, {year}"
            )),
        ),
        Err(_) => (None, None),
    }
}

/// Give every fact of `article` its `when`, or the reason it has none. 去年同期 is the
/// article's own period a year earlier; in an article whose year is inferred, a fact with no
/// period (and no year of its own) is that year's, and its note says so.
pub fn stamp(article: &mut Article, anchor: &Anchor) {
    let mut resolved = Resolved::default();
    let main = main_period(article, anchor, &mut resolved);
    // A `when` placed while reading ([`by_frame`]) stands.
    let facts = article.cards.iter_mut().flat_map(|c| c.facts.iter_mut());
    for fact in facts.filter(|f| f.when.is_none()) {
        let Some(period) = &fact.period else {
            if let Some(inf) = anchor.inferred.filter(|_| !fact.target) {
                fact.when = Some(inf.year.to_string());
                fact.when_note = Some(inf.note("no period is stated"));
            }
            continue;
        };
        match resolved.get(period, anchor, fact.target) {
            Ok(w) => fact.when = Some(w),
            Err(note) => match (parse(period), &main) {
                (
                    Parsed {
                        part: Part::Same,
                        year: Year::Relative(k),
                    },
                    Some(main),
                ) => {
                    fact.when = Some(shift_years(main, k));
                    fact.when_note = Some(format!(
                        "inferred: {period} is the article's own period ({main}) {} year earlier",
                        -k
                    ));
                }
                _ => fact.when_note = Some(note),
            },
        }
    }
}

/// [`resolve`] of each period of an article, worked out once for it (and for a target): its
/// facts state the same few periods again and again.
#[derive(Default)]
struct Resolved(rustc_hash::FxHashMap<String, [Option<Result<String, String>>; 2]>);

impl Resolved {
    fn get(&mut self, period: &str, anchor: &Anchor, target: bool) -> Result<String, String> {
        let as_target = usize::from(target);
        if let Some(r) = self.0.get(period).and_then(|rs| rs[as_target].as_ref()) {
            return r.clone();
        }
        let r = resolve(period, anchor, target);
        self.0.entry(period.to_string()).or_default()[as_target] = Some(r.clone());
        r
    }
}

/// The period most of an article's facts are about (`2024-01..2024-08` for a 1-8月 release),
/// what 去年同期 is the same part of.
fn main_period(article: &Article, anchor: &Anchor, resolved: &mut Resolved) -> Option<String> {
    let mut counts: Vec<(String, usize)> = Vec::new();
    let facts = article.cards.iter().flat_map(|c| c.facts.iter());
    for f in facts.filter(|f| !f.target) {
        let Some(Ok(w)) = f.period.as_deref().map(|p| resolved.get(p, anchor, false)) else {
            continue;
        };
        match counts.iter_mut().find(|(x, _)| *x == w) {
            Some((_, n)) => *n += 1,
            None => counts.push((w, 1)),
        }
    }
    // The first of the most frequent: the article's opening period wins a tie.
    let best = counts.iter().map(|(_, n)| *n).max()?;
    counts.into_iter().find(|(_, n)| *n == best).map(|(w, _)| w)
}

/// `when` with every year in it moved by `k` (`2024-01..2024-08`, -1 → `2023-01..2023-08`).
fn shift_years(when: &str, k: i32) -> String {
    let mut out = String::new();
    let mut digits = String::new();
    for ch in when.chars().chain(std::iter::once('\0')) {
        if ch.is_ascii_digit() {
            digits.push(ch);
            continue;
        }
        match digits.parse::<i32>() {
            Ok(y) if digits.len() == 4 => out.push_str(&(y + k).to_string()),
            _ => out.push_str(&digits),
        }
        digits.clear();
        if ch != '\0' {
            out.push(ch);
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// The article's date.

// The patterns of dates, compiled at build time (`build/patterns.rs` spells them); each starts
// with its year, and a full date's month and day are its next two runs of digits.
/// A date with a time: a stamp of publication wherever it stands (2025年03月20日18:32:04,
/// 2017-05-15 10:13:16).
static STAMP: LazyLock<Pattern> = LazyLock::new(|| Pattern::named("STAMP"));
/// A full date: in a short line of its own near the top or the foot, a dateline.
static DATE: LazyLock<Pattern> = LazyLock::new(|| Pattern::named("DATE"));
/// A year that the article is about: 2024年全年, 2024年度, in a title 2024年.
static YEAR_PHRASE: LazyLock<Pattern> = LazyLock::new(|| Pattern::named("YEAR_PHRASE"));
static YEAR: LazyLock<Pattern> = LazyLock::new(|| Pattern::named("YEAR"));

/// How far into the text a time stamp is looked for, in chars.
const STAMP_WITHIN: usize = 3000;
/// The longest line read as a dateline, and how many lines from each end are read.
const DATELINE_CHARS: usize = 40;
const DATELINE_LINES: usize = 8;

/// The day a [`STAMP`] or a [`DATE`] match names, if it is one of the calendar.
fn day_of(found: &Found) -> Option<Day> {
    let mut numbers = found.numbers();
    let (year, month, day) = (numbers.next()??, numbers.next()??, numbers.next()??);
    ((1..=12).contains(&month) && (1..=last_day(month).max(29)).contains(&day)).then_some(Day {
        year: year as i32,
        month,
        day,
    })
}

/// The year a [`YEAR`] or a [`YEAR_PHRASE`] match starts with.
fn year_of(found: &Found) -> Option<i32> {
    found.numbers().next()?.map(|y| y as i32)
}

/// The article's date and what it was read from, and the anchor its periods resolve against.
pub fn article_date(
    chars: &[char],
    lines: &[Line],
    title: Option<usize>,
) -> (Anchor, Option<ArticleDate>) {
    let text_of = |l: &Line| -> String { chars[l.start..l.end].iter().collect() };
    let head: String = chars.iter().take(STAMP_WITHIN).collect();
    let mut anchor = Anchor::default();
    let mut found: Option<ArticleDate> = None;
    let stamp = STAMP
        .find_iter(&head)
        .find_map(|f| Some((day_of(&f)?, f.text.to_string())));
    let near_ends = lines
        .iter()
        .take(DATELINE_LINES)
        .chain(lines.iter().rev().take(DATELINE_LINES));
    let dateline = stamp.or_else(|| {
        near_ends
            .filter(|l| l.end - l.start <= DATELINE_CHARS)
            .find_map(|l| {
                let t = text_of(l);
                // A date in a sentence (优惠期限至2024年3月31日。) is not when it was written.
                if t.contains(['。', '；', '，']) || t.contains(|c| VOCAB.dates.until.has(c)) {
                    return None;
                }
                let f = DATE.find(&t)?;
                Some((day_of(&f)?, f.text.to_string()))
            })
    });
    if let Some((d, text)) = dateline {
        anchor.published = Some(d);
        found = Some(ArticleDate {
            when: format!("{}-{:02}-{:02}", d.year, d.month, d.day),
            from: DateFrom::Dateline,
            text,
        });
    }
    let title_year = title.and_then(|i| {
        let t = text_of(&lines[i]);
        // 1992年有纪录以来: a year the title measures from, not the one it is about.
        let f = YEAR.find_iter(&t).find(|f| {
            let near: String = t[f.start..].chars().take(12).collect();
            !VOCAB.dates.since.iter().any(|w| near.contains(w))
        })?;
        let year = year_of(&f)?;
        Some((year, format!("{year}{}", VOCAB.marks.year)))
    });
    let body_year = || {
        lines.iter().filter(|l| !l.noise).find_map(|l| {
            let t = text_of(l);
            let f = YEAR_PHRASE.find(&t)?;
            Some((year_of(&f)?, f.text.to_string()))
        })
    };
    let (year, from) = match title_year {
        Some(y) => (Some(y), DateFrom::Title),
        None => (body_year(), DateFrom::Text),
    };
    if let Some((y, text)) = year {
        anchor.year = Some(y);
        found.get_or_insert(ArticleDate {
            when: y.to_string(),
            from,
            text,
        });
    }
    if found.is_none() {
        anchor.inferred = inferred_year(chars, lines);
    }
    (anchor, found)
}

/// A reviewing article's year: it says 一年来 (or another `review` phrase) and names years;
/// the latest it names is the one reviewed.
fn inferred_year(chars: &[char], lines: &[Line]) -> Option<Inferred> {
    let body = lines.iter().filter(|l| !l.noise);
    let review = body
        .clone()
        .find_map(|l| (l.start..l.end).find_map(|i| VOCAB.review.at(chars, i)))?;
    let year = body
        .flat_map(|l| {
            let t: String = chars[l.start..l.end].iter().collect();
            YEAR.find_iter(&t)
                .filter_map(|f| year_of(&f))
                .collect::<Vec<_>>()
        })
        .max()?;
    Some(Inferred { year, review })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(s: &str) -> Option<String> {
        let cs: Vec<char> = s.chars().collect();
        find_period(&cs, 0, cs.len(), false)
    }

    #[test]
    fn periods_are_found_and_dates_and_lengths_refused() {
        // (text, the first period in it)
        let cases = [
            ("2023年，全市规上工业增加值增长9%", Some("2023年")),
            ("1-8月份，投资增长5%", Some("1-8月")),
            ("增速比1-3月份加快0.2个百分点", None),
            ("3月20日，市政府召开发布会", None),
            ("2025年03月20日18:32:04 财经", None),
            ("近3年来，累计新增企业", None),
            ("2021年底的410家", Some("2021年底")),
            ("报告期内，公司实现营业收入", Some("报告期内")),
            ("与去年同期相比增长5%", None),
            ("比上年增长5%", None),
            ("2024年度净利润", Some("2024年度")),
            ("3月末，资产负债率为56.2%", Some("3月末")),
        ];
        for (text, want) in cases {
            assert_eq!(find(text).as_deref(), want, "{text}");
        }
    }

    #[test]
    fn frames_pass_their_year_to_parts_of_a_year() {
        let chars = |s: &str| s.chars().collect::<Vec<char>>();
        let mut f = Frame::default();
        f.heading(&chars("一、2024年工作回顾"));
        f.heading(&chars("（一）工业"));
        assert_eq!(f.current(), Some("2024年"));
        assert_eq!(f.with_year("全年".into()), "2024年全年");
        assert_eq!(f.with_year("去年".into()), "去年");
        f.opened("2025年", true);
        f.paragraph();
        assert_eq!(f.with_year("上半年".into()), "2025年上半年");
        f.heading(&chars("（二）服务业"));
        assert_eq!(f.current(), Some("2024年"));
        f.heading(&chars("二、政府建设"));
        assert_eq!(f.current(), None);
    }
}
