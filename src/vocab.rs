//! The rules' vocabularies: word lists embedded from `src/vocab/*.txt`.
//!
//! The matcher never spells a word itself; it asks these lists, so adding a word is a one-line
//! change to a text file (and a test sentence). Each file has one entry a line, or a kind and an
//! entry where a file holds several lists (a struct from `kinds!` has a field per kind);
//! `#` starts a comment line. Single chars that are structure rather than words (第, 年, 的)
//! are named in `marks.txt` ([`Marks`]). Every stage reads [`VOCAB`]; nothing is handed on.

use crate::model::Bound;
use std::sync::LazyLock;

/// The entries of `src/vocab/NAME` (`vocab_file!("vocab/NAME")`): the file as build.rs writes
/// it, without the comments and blank lines that `lines` skips anyway.
macro_rules! vocab_file {
    ($file:literal) => {
        include_str!(concat!(env!("OUT_DIR"), "/", $file))
    };
}

/// A struct of word lists, one per kind, read from a file of `kind word` lines: each field is
/// the kind of the same name, so a list is added by naming it here and in the file.
/// Kinds listed after `in_order` keep the file's order instead (for words tried one after the
/// other, each on what the one before left).
macro_rules! kinds {
    ($(#[$doc:meta])* $ty:ident from $file:literal { $($kind:ident),* $(,)? }
        $(in_order { $($seq:ident),* $(,)? })?) => {
        $(#[$doc])*
        pub struct $ty {
            $(pub $kind: Words,)*
            $($(pub $seq: Vec<&'static str>,)*)?
        }

        impl $ty {
            fn load() -> $ty {
                let kinds = Kinds::of(vocab_file!($file));
                $ty {
                    $($kind: kinds.words(stringify!($kind)),)*
                    $($($seq: kinds.entries(stringify!($seq)),)*)?
                }
            }

            /// Every list with its kind, for the test that none is empty.
            #[cfg(test)]
            pub fn all(&self) -> Vec<(&'static str, &[&'static str])> {
                vec![
                    $((stringify!($kind), &self.$kind[..]),)*
                    $($((stringify!($seq), &self.$seq[..]),)*)?
                ]
            }
        }
    };
}

/// A struct of single characters read from a file of `name char` lines (`marks.txt`).
macro_rules! marks {
    ($(#[$doc:meta])* $ty:ident from $file:literal { $($name:ident),* $(,)? }) => {
        $(#[$doc])*
        pub struct $ty {
            $(pub $name: char,)*
        }

        impl $ty {
            fn load() -> $ty {
                let kinds = Kinds::of(vocab_file!($file));
                $ty { $($name: mark(&kinds, stringify!($name)),)* }
            }
        }
    };
}

kinds! {
    /// The words glued to a number that the scan reads to decide what it is (`scan.txt`).
    ScanWords from "vocab/scan.txt" {
        points, times, rough, not_rough, rough_scale, vague, date, streak, streak_lead,
        glued_before, glued_after, duration_unit, duration, casualty_unit, casualty, rank_unit,
        rank_first, rank_top, not_rank, not_top, doubling, doubling_lead, doubling_end,
        percent_words, tenth, not_tenth, tenth_before, tenth_above, joiner, trillion,
        trillion_before, negative, index_point, index_not, percent_sign, percent_not, decimal,
        vague_lead,
    }
}

kinds! {
    /// What a fact takes from around its clause: lists, from-to changes, subjects (`context.txt`).
    ContextWords from "vocab/context.txt" {
        joined_values, conjunction, over, from, to, from_to_adverb, from_to_verb, list,
        measure_end, breakdown, day_lead, respectively, average, reference_level, view_open,
        view_close, entity_lead, subject_lead, subject_follower, subject_glue,
    }
}

kinds! {
    /// How a metric is named from the words before its number (`names.txt`).
    NameWords from "vocab/names.txt" {
        anaphor, cumulative, pointer, modal, compared, compared_with, comparison,
        not_comparison, comparison_basis, post_trailing, total, place_end, place_suffix,
    }
}

kinds! {
    /// How periods and dates are written around their numbers (`dates.txt`).
    DateWords from "vocab/dates.txt" {
        first_months, day, end, since, not_after, until,
    }
    in_order { period_end, period_junk }
}

kinds! {
    /// What a clause's words make of its quantities (`readings.txt`).
    ReadingWords from "vocab/readings.txt" {
        ranked_in, contribution, new_level, relative_lead, relative_end, view, name_close,
        metric_trim,
    }
    in_order { streak_verb }
}

kinds! {
    /// Page furniture known by its shape: bylines and page numbers (`furniture.txt`).
    FurnitureWords from "vocab/furniture.txt" {
        byline_lead, byline_end, page, page_total,
    }
}

marks! {
    /// Single characters the rules read as structure (`marks.txt`).
    Marks from "vocab/marks.txt" {
        ordinal, year, month, day, of, etc,
    }
}

/// The char named `name` in a file of `name char` lines. The files are part of the build and
/// tested, so a missing name is a bug in this crate, never in the input.
fn mark(kinds: &Kinds, name: &str) -> char {
    kinds
        .entries(name)
        .first()
        .and_then(|m| m.chars().next())
        .unwrap_or_else(|| panic!("vocab: no mark {name}"))
}

/// Every list, parsed once.
pub struct Vocab {
    pub scan: ScanWords,
    pub context: ContextWords,
    pub names: NameWords,
    pub dates: DateWords,
    pub readings: ReadingWords,
    pub marks: Marks,
    pub furniture: FurnitureWords,
    /// Scale words with their power of ten (`scales.txt`), longest first.
    pub scales: Vec<(&'static str, i32)>,
    /// Where a rank is taken (全省第3), also a rank's `versus` (`rank.txt`).
    pub rank_scopes: Words,
    pub growth: Words,
    pub decline: Words,
    pub basis: Words,
    pub target: Words,
    /// Phrases that contain a target word without being a target (计划单列市).
    pub not_target: Vec<&'static str>,
    pub scope: Words,
    pub lead: Words,
    pub units: Words,
    pub money: Words,
    pub bounds_before: Vec<(&'static str, Bound)>,
    pub bounds_after: Vec<(&'static str, Bound)>,
    pub noncount: Words,
    pub subjects: Words,
    /// Metrics that measure the thing named before them (完成投资).
    pub relative: Words,
    /// What a list's items share when it is written once after the last (数量, 零售额).
    pub heads: Words,
    /// Provinces and regions that may lead a metric (广东).
    pub places: Words,
    /// Long and short forms of one name (规模以上, 规上).
    pub aliases: Vec<(&'static str, &'static str)>,
    /// Verbs that state their basis (年增率 → 年增率, 同增 → 同比).
    pub verb_basis: Vec<(&'static str, &'static str)>,
    /// Sentence openers that go on from the sentence before, keeping its basis (其中).
    pub basis_carriers: Words,
    /// Bases a paragraph's later sentences share (同比, 比上年), unlike 年均 or 比上月.
    pub paragraph_basis: Words,
    /// Absolute changes (`absolute.txt`): verbs up and down, the comparative ones that need no
    /// reference, the chars of a time reference, what a basis stands for, the default.
    pub absolute_up: Words,
    pub absolute_down: Words,
    pub absolute_time: Words,
    pub absolute_alone: Words,
    pub absolute_moved: Words,
    pub basis_versus: Vec<(&'static str, &'static str)>,
    pub absolute_default: &'static str,
    /// Fillers between a metric and its number (达到, 分别为, 稳定在).
    pub fillers: Words,
    /// Plan sections: heading words that open one, and their look-alikes (`plan.txt`).
    pub plan_heading: Words,
    pub plan_review: Words,
    pub plan_future: Words,
    pub plan_modal: Words,
    pub plan_past: Words,
    pub plan_close: Words,
    /// After a modal, makes it another word (将近).
    pub plan_not_modal: Words,
    /// Target words that mean "obtained" before funds (争取财政支持), and the funds.
    pub obtain_verbs: Words,
    pub funds: Words,
    /// Words that mark a number as a rank, and those stripped from a rank's metric (`rank.txt`).
    pub rank_leads: Words,
    pub rank_names: Words,
    /// Comparisons a gap is measured by, with whether the gap is negative (`gaps.txt`).
    pub comparators: Vec<(&'static str, bool)>,
    pub gap_falls: Words,
    pub gap_verbs: Words,
    /// Rate words before a number, rising and falling, and the names that measure growth.
    pub rate_up: Words,
    pub rate_down: Words,
    pub rate_names: Words,
    /// Falling rates and the rising rate each is told as in a gap (降幅 → 增速).
    pub rate_flips: Vec<(&'static str, &'static str)>,
    /// Period words and what each means (`periods.txt`), longest first.
    pub periods: Vec<(&'static str, &'static str)>,
    /// The words of `periods`, for finding them.
    pub period_words: Words,
    /// Phrases reviewing the year just past (一年来), for an article's inferred year.
    pub review: Words,
    /// Names of newspapers and news services that make a short line a byline.
    pub press: Words,
    pub tail_markers: Words,
    pub line_markers: Words,
    /// Variants `fast2s` leaves and their Simplified form, of one length (`variants.txt`).
    pub variants: Vec<(&'static str, &'static str)>,
    pub table: TableWords,
}

/// The words of table headers, row labels and titles (`table.txt`).
pub struct TableWords {
    /// A column header that makes its numbers changes (比上年增长(%)).
    pub change: Words,
    /// A column header that makes its numbers shares (占营业收入比重).
    pub share: Words,
    /// A column measure that names nothing alone (金额).
    pub generic: Words,
    /// A row whose label follows the measure (总计).
    pub total: Words,
    /// The header of the column of row names.
    pub label: Words,
    /// The header of a unit column, and the word of a unit line.
    pub unit: Words,
    /// The header of a column of periods.
    pub period: Words,
    /// What a table's title ends with that is not its topic (构成).
    pub title: Words,
    /// What a table's title starts with (表5 2025年周口市…).
    pub title_lead: Words,
}

impl TableWords {
    fn load(src: &'static str) -> TableWords {
        let kinds = Kinds::of(src);
        TableWords {
            change: kinds.words("change"),
            share: kinds.words("share"),
            generic: kinds.words("generic"),
            total: kinds.words("total"),
            label: kinds.words("label"),
            unit: kinds.words("unit"),
            period: kinds.words("period"),
            title: kinds.words("title"),
            title_lead: kinds.words("title_lead"),
        }
    }
}

fn lines(src: &'static str) -> impl Iterator<Item = &'static str> {
    src.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// Longest first, so a prefix match finds 个百分点 before 个.
fn longest_first(mut v: Vec<&'static str>) -> Vec<&'static str> {
    v.sort_by_key(|w| std::cmp::Reverse(w.chars().count()));
    v
}

fn list(src: &'static str) -> Words {
    Words::new(longest_first(
        lines(src).filter(|l| !l.starts_with('!')).collect(),
    ))
}

/// A word list, longest first, that answers "which word starts (or ends) here?" quickly: the
/// words are indexed by their first and their last char, so a position is checked only
/// against the words that could match there (most positions hold a char no word starts or
/// ends with).
#[derive(Debug)]
pub struct Words {
    words: Vec<&'static str>,
    /// Each word's chars, for comparing without decoding it again.
    spelt: Vec<Box<[char]>>,
    /// For each char a word starts with, sorted: the words that start with it, longest first
    /// (indices into `words`).
    starting: Vec<(char, Box<[u32]>)>,
    /// The same for the char a word ends with.
    ending: Vec<(char, Box<[u32]>)>,
    /// The one-char words, sorted, for [`Words::has`].
    singles: Vec<char>,
    /// Which chars some word starts with, ends with, or is, as [`CharSet`]s: most positions
    /// of a text hold a char that none does, and are turned away without a search.
    firsts: CharSet,
    lasts: CharSet,
    single_set: CharSet,
}

/// A set of chars that may hold more than its members: a bit per char's hash, so a char whose
/// bit is clear is surely no member. Answers in one load what a binary search answers in
/// several (the matcher is asked about nearly every char of the text, many times).
#[derive(Debug, Default)]
struct CharSet([u64; CharSet::WORDS]);

impl CharSet {
    const WORDS: usize = 16;

    fn of(chars: impl Iterator<Item = char>) -> CharSet {
        let mut set = CharSet::default();
        for c in chars {
            let (w, b) = CharSet::bit(c);
            set.0[w] |= 1 << b;
        }
        set
    }

    #[inline(always)]
    fn bit(c: char) -> (usize, u32) {
        // CJK chars are one block of consecutive code points: their low bits spread them.
        let h = c as usize % (CharSet::WORDS * 64);
        (h / 64, (h % 64) as u32)
    }

    /// False only when `c` is surely not in the set.
    #[inline(always)]
    fn may_hold(&self, c: char) -> bool {
        let (w, b) = CharSet::bit(c);
        self.0[w] & (1 << b) != 0
    }
}

/// The words of `spelt` (longest first) grouped by the char `key` picks, in that order.
fn index_by(
    spelt: &[Box<[char]>],
    key: impl Fn(&[char]) -> Option<char>,
) -> Vec<(char, Box<[u32]>)> {
    let mut keyed: Vec<(char, u32)> = spelt
        .iter()
        .enumerate()
        .filter_map(|(i, w)| Some((key(w)?, i as u32)))
        .collect();
    // Stable: each char's words stay longest first.
    keyed.sort_by_key(|&(c, _)| c);
    let mut index: Vec<(char, Vec<u32>)> = Vec::new();
    for (c, i) in keyed {
        match index.last_mut() {
            Some((last, words)) if *last == c => words.push(i),
            _ => index.push((c, vec![i])),
        }
    }
    index.into_iter().map(|(c, v)| (c, v.into())).collect()
}

/// Whether `chars` starts with `word`, compared char by char: a word is a few chars, too short
/// for the call to `memcmp` that `<[char]>::starts_with` makes to pay.
#[inline(always)]
fn begins_with(chars: &[char], word: &[char]) -> bool {
    chars.len() >= word.len() && chars.iter().zip(word).all(|(a, b)| a == b)
}

/// Whether `chars` ends with `word`, as [`begins_with`].
#[inline(always)]
fn closes_with(chars: &[char], word: &[char]) -> bool {
    chars.len() >= word.len()
        && chars
            .iter()
            .rev()
            .zip(word.iter().rev())
            .all(|(a, b)| a == b)
}

/// The entry of `c` in an index made by [`index_by`].
fn lookup(index: &[(char, Box<[u32]>)], c: char) -> &[u32] {
    index
        .binary_search_by_key(&c, |(k, _)| *k)
        .map_or(&[], |at| &index[at].1)
}

impl Words {
    pub fn new(words: Vec<&'static str>) -> Words {
        let spelt: Vec<Box<[char]>> = words.iter().map(|w| w.chars().collect()).collect();
        let starting = index_by(&spelt, |w| w.first().copied());
        let ending = index_by(&spelt, |w| w.last().copied());
        let mut singles: Vec<char> = spelt
            .iter()
            .filter_map(|w| match **w {
                [c] => Some(c),
                _ => None,
            })
            .collect();
        singles.sort_unstable();
        singles.dedup();
        Words {
            firsts: CharSet::of(starting.iter().map(|(c, _)| *c)),
            lasts: CharSet::of(ending.iter().map(|(c, _)| *c)),
            single_set: CharSet::of(singles.iter().copied()),
            words,
            spelt,
            starting,
            ending,
            singles,
        }
    }

    /// The longest word that `chars[at..]` starts with.
    #[inline(always)]
    pub fn at(&self, chars: &[char], at: usize) -> Option<&'static str> {
        let first = *chars.get(at)?;
        if !self.firsts.may_hold(first) {
            return None;
        }
        self.at_searched(&chars[at..], first)
    }

    /// [`Words::at`] past its filter: the words starting with `first`, longest first.
    fn at_searched(&self, rest: &[char], first: char) -> Option<&'static str> {
        lookup(&self.starting, first)
            .iter()
            .find(|&&i| begins_with(rest, &self.spelt[i as usize]))
            .map(|&i| self.words[i as usize])
    }

    /// The first word found in `text` (the leftmost; of those starting there, the longest).
    pub fn find_in(&self, text: &str) -> Option<&'static str> {
        text.char_indices()
            .find_map(|(i, c)| self.str_at(text, i, c))
    }

    /// The longest word that `text` starts with.
    pub fn prefix_of(&self, text: &str) -> Option<&'static str> {
        self.str_at(text, 0, text.chars().next()?)
    }

    /// The longest word that `text[i..]` starts with, `c` being the char at `i`.
    fn str_at(&self, text: &str, i: usize, c: char) -> Option<&'static str> {
        if !self.firsts.may_hold(c) {
            return None;
        }
        let rest = &text[i..];
        lookup(&self.starting, c)
            .iter()
            .map(|&i| self.words[i as usize])
            .find(|w| rest.starts_with(w))
    }

    /// Whether `c` is one of the list's one-char words.
    #[inline(always)]
    pub fn has(&self, c: char) -> bool {
        self.single_set.may_hold(c) && self.singles.binary_search(&c).is_ok()
    }

    /// Whether `chars` is, whole, one of the list's words.
    pub fn is(&self, chars: &[char]) -> bool {
        self.at(chars, 0)
            .is_some_and(|w| w.chars().count() == chars.len())
    }

    /// Whether `word` is one of the list's words.
    pub fn holds(&self, word: &str) -> bool {
        self.words.contains(&word)
    }

    /// The longest word that `chars[..end]` ends with.
    #[inline(always)]
    pub fn ending(&self, chars: &[char], end: usize) -> Option<&'static str> {
        let head = chars.get(..end)?;
        let last = *head.last()?;
        if !self.lasts.may_hold(last) {
            return None;
        }
        self.ending_searched(head, last)
    }

    /// [`Words::ending`] past its filter: the words ending with `last`, longest first.
    fn ending_searched(&self, head: &[char], last: char) -> Option<&'static str> {
        lookup(&self.ending, last)
            .iter()
            .find(|&&i| closes_with(head, &self.spelt[i as usize]))
            .map(|&i| self.words[i as usize])
    }
}

impl std::ops::Deref for Words {
    type Target = [&'static str];
    fn deref(&self) -> &[&'static str] {
        &self.words
    }
}

fn bound_of(s: &str) -> Option<Bound> {
    match s {
        ">=" => Some(Bound::AtLeast),
        "~" => Some(Bound::About),
        "<=" => Some(Bound::AtMost),
        _ => None,
    }
}

/// The `position bound word` lines of `bounds.txt` at `position`, longest word first.
fn bounds(kinds: &Kinds, position: &str) -> Vec<(&'static str, Bound)> {
    let mut v: Vec<(&'static str, Bound)> = kinds
        .pairs(position)
        .into_iter()
        .filter_map(|(bound, word)| Some((word, bound_of(bound)?)))
        .collect();
    v.sort_by_key(|(w, _)| std::cmp::Reverse(w.chars().count()));
    v
}

/// A file of `kind entry` lines read once, its entries grouped by kind in the file's order: a
/// file of many kinds is not read again for each (that was most of the rules' start-up).
struct Kinds(Vec<(&'static str, Vec<&'static str>)>);

impl Kinds {
    fn of(src: &'static str) -> Kinds {
        let mut kinds: Vec<(&'static str, Vec<&'static str>)> = Vec::new();
        for (kind, entry) in lines(src).filter_map(two_words) {
            match kinds.iter_mut().find(|(k, _)| *k == kind) {
                Some((_, entries)) => entries.push(entry),
                None => kinds.push((kind, vec![entry])),
            }
        }
        Kinds(kinds)
    }

    /// The entries of `kind`, in the file's order.
    fn entries(&self, kind: &str) -> Vec<&'static str> {
        self.0
            .iter()
            .find(|(k, _)| *k == kind)
            .map_or_else(Vec::new, |(_, entries)| entries.clone())
    }

    /// The words of `kind`, longest first.
    fn words(&self, kind: &str) -> Words {
        self.words_of(&[kind])
    }

    /// The words of any of `kinds`, longest first.
    fn words_of(&self, kinds: &[&str]) -> Words {
        Words::new(longest_first(
            kinds.iter().flat_map(|k| self.entries(k)).collect(),
        ))
    }

    /// The `kind a b` lines as pairs (a, b): 降幅 → 增速, 同比 → 上年同期.
    fn pairs(&self, kind: &str) -> Vec<(&'static str, &'static str)> {
        self.entries(kind)
            .into_iter()
            .filter_map(two_words)
            .collect()
    }
}

/// A line of two words, `a b`: (a, b).
fn two_words(line: &'static str) -> Option<(&'static str, &'static str)> {
    line.split_once(' ').map(|(a, b)| (a, b.trim()))
}

pub static VOCAB: LazyLock<Vocab> = LazyLock::new(|| {
    let target_src = vocab_file!("vocab/target.txt");
    // Files of several kinds, each read once.
    let plan = Kinds::of(vocab_file!("vocab/plan.txt"));
    let rank = Kinds::of(vocab_file!("vocab/rank.txt"));
    let bound_words = Kinds::of(vocab_file!("vocab/bounds.txt"));
    let funds = Kinds::of(vocab_file!("vocab/funds.txt"));
    let gaps = Kinds::of(vocab_file!("vocab/gaps.txt"));
    let rates = Kinds::of(vocab_file!("vocab/rates.txt"));
    let absolute = Kinds::of(vocab_file!("vocab/absolute.txt"));
    let boilerplate = Kinds::of(vocab_file!("vocab/boilerplate.txt"));
    // 上半年 → H1, longest first: read as a list of words and as their meanings.
    let mut periods: Vec<(&str, &str)> = lines(vocab_file!("vocab/periods.txt"))
        .filter_map(two_words)
        .collect();
    periods.sort_by_key(|(w, _)| std::cmp::Reverse(w.chars().count()));
    Vocab {
        scan: ScanWords::load(),
        context: ContextWords::load(),
        names: NameWords::load(),
        dates: DateWords::load(),
        readings: ReadingWords::load(),
        marks: Marks::load(),
        furniture: FurnitureWords::load(),
        scales: {
            let mut v: Vec<(&str, i32)> = lines(vocab_file!("vocab/scales.txt"))
                .filter_map(|l| {
                    let (w, p) = l.split_once(' ')?;
                    Some((w, p.trim().parse().ok()?))
                })
                .collect();
            v.sort_by_key(|(w, _)| std::cmp::Reverse(w.chars().count()));
            v
        },
        rank_scopes: rank.words("scope"),
        growth: list(vocab_file!("vocab/growth.txt")),
        decline: list(vocab_file!("vocab/decline.txt")),
        basis: list(vocab_file!("vocab/basis.txt")),
        target: list(target_src),
        not_target: lines(target_src)
            .filter_map(|l| l.strip_prefix('!'))
            .collect(),
        scope: list(vocab_file!("vocab/scope.txt")),
        lead: list(vocab_file!("vocab/lead.txt")),
        units: list(vocab_file!("vocab/units.txt")),
        money: list(vocab_file!("vocab/money.txt")),
        bounds_before: bounds(&bound_words, "before"),
        bounds_after: bounds(&bound_words, "after"),
        noncount: list(vocab_file!("vocab/noncount.txt")),
        subjects: list(vocab_file!("vocab/subjects.txt")),
        relative: list(vocab_file!("vocab/relative.txt")),
        heads: list(vocab_file!("vocab/heads.txt")),
        places: list(vocab_file!("vocab/places.txt")),
        fillers: list(vocab_file!("vocab/fillers.txt")),
        plan_heading: plan.words("heading"),
        plan_review: plan.words("review"),
        plan_future: plan.words("future"),
        plan_modal: plan.words("modal"),
        plan_past: plan.words("past"),
        plan_close: plan.words("close"),
        plan_not_modal: plan.words("not_modal"),
        obtain_verbs: funds.words("verb"),
        funds: funds.words("object"),
        aliases: lines(vocab_file!("vocab/aliases.txt"))
            .filter_map(two_words)
            .collect(),
        rank_leads: rank.words_of(&["both", "lead"]),
        rank_names: rank.words_of(&["both", "name"]),
        comparators: lines(vocab_file!("vocab/gaps.txt"))
            .filter_map(|l| match l.split_once(' ')? {
                ("above", w) => Some((w.trim(), false)),
                ("below", w) => Some((w.trim(), true)),
                _ => None,
            })
            .collect(),
        gap_falls: gaps.words("falls"),
        gap_verbs: gaps.words("verb"),
        rate_up: rates.words("up"),
        rate_down: rates.words("down"),
        rate_names: rates.words("name"),
        rate_flips: rates.pairs("flip"),
        period_words: Words::new(periods.iter().map(|(w, _)| *w).collect()),
        periods,
        press: list(vocab_file!("vocab/press.txt")),
        review: list(vocab_file!("vocab/review.txt")),
        verb_basis: lines(vocab_file!("vocab/verb_basis.txt"))
            .filter_map(two_words)
            .collect(),
        basis_carriers: list(vocab_file!("vocab/carry.txt")),
        paragraph_basis: list(vocab_file!("vocab/paragraph_basis.txt")),
        absolute_up: absolute.words("up"),
        absolute_down: absolute.words("down"),
        absolute_time: absolute.words("time"),
        absolute_alone: absolute.words("alone"),
        absolute_moved: absolute.words("moved"),
        basis_versus: absolute.pairs("basis"),
        absolute_default: absolute
            .entries("default")
            .first()
            .copied()
            .unwrap_or_default(),
        tail_markers: boilerplate.words("tail"),
        line_markers: boilerplate.words("line"),
        variants: lines(vocab_file!("vocab/variants.txt"))
            .filter_map(two_words)
            .filter(|(variant, simplified)| variant.chars().count() == simplified.chars().count())
            .collect(),
        table: TableWords::load(vocab_file!("vocab/table.txt")),
    }
});

/// The longest word of `words` that `chars[at..]` starts with.
pub fn starts_with_any<'a>(chars: &[char], at: usize, words: &[&'a str]) -> Option<&'a str> {
    words.iter().copied().find(|w| starts_with(chars, at, w))
}

/// The longest word of `words` that `chars[..end]` ends with.
pub fn ends_with_any<'a>(chars: &[char], end: usize, words: &[&'a str]) -> Option<&'a str> {
    let head = chars.get(..end)?;
    words.iter().copied().find(|w| ends_with(head, w))
}

/// Whether `head` ends with `word`, compared from the end (no count of the word's chars).
pub fn ends_with(head: &[char], word: &str) -> bool {
    let mut rest = head.iter().rev();
    word.chars().rev().all(|c| rest.next() == Some(&c))
}

/// Whether `chars[at..]` starts with `word`.
pub fn starts_with(chars: &[char], at: usize, word: &str) -> bool {
    (at..)
        .zip(word.chars())
        .all(|(i, c)| chars.get(i) == Some(&c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_list_loads_and_is_longest_first() {
        let v = &*VOCAB;
        for list in [
            &v.growth,
            &v.decline,
            &v.basis,
            &v.target,
            &v.scope,
            &v.lead,
            &v.units,
            &v.money,
            &v.noncount,
            &v.subjects,
            &v.relative,
            &v.heads,
            &v.places,
            &v.fillers,
            &v.plan_heading,
            &v.plan_review,
            &v.plan_future,
            &v.plan_modal,
            &v.plan_past,
            &v.plan_close,
            &v.obtain_verbs,
            &v.funds,
            &v.press,
            &v.table.change,
            &v.table.share,
            &v.table.generic,
            &v.table.total,
            &v.table.label,
            &v.table.unit,
            &v.table.period,
            &v.table.title,
            &v.table.title_lead,
        ] {
            assert!(!list.is_empty());
            let lens: Vec<usize> = list.iter().map(|w| w.chars().count()).collect();
            assert!(lens.windows(2).all(|w| w[0] >= w[1]), "{list:?}");
            assert!(list.iter().all(|w| !w.starts_with('!') && !w.contains(' ')));
        }
        for (kind, list) in v
            .scan
            .all()
            .into_iter()
            .chain(v.context.all())
            .chain(v.names.all())
            .chain(v.dates.all())
            .chain(v.readings.all())
            .chain(v.furniture.all())
        {
            assert!(!list.is_empty(), "no {kind} words");
        }
        assert_eq!(v.marks.ordinal, '第');
        assert_eq!(v.scales.first(), Some(&("万亿", 12)));
        assert!(v.rank_scopes.holds("全国城市"));
        assert!(v.not_target.contains(&"计划单列"));
        assert!(v.aliases.contains(&("规模以上", "规上")));
        assert!(v
            .bounds_before
            .iter()
            .any(|(w, b)| *w == "超过" && *b == Bound::AtLeast));
        assert!(v
            .bounds_after
            .iter()
            .any(|(w, b)| *w == "左右" && *b == Bound::About));
        assert!(v.tail_markers.contains(&"资讯推荐"));
        assert!(v.line_markers.contains(&"责任编辑"));
    }

    #[test]
    fn one_char_whole_word_and_member_tests() {
        let w = Words::new(vec!["个百分点", "和", "、"]);
        assert!(w.has('和') && w.has('、') && !w.has('个'));
        let points: Vec<char> = "个百分点".chars().collect();
        assert!(w.is(&points) && w.is(&['和']));
        assert!(!w.is(&points[..2]) && !w.is(&['和', '和']) && !w.is(&[]));
        assert!(w.holds("个百分点") && !w.holds("百分点"));
    }

    #[test]
    fn prefix_and_suffix_matching_prefer_the_longest_word() {
        let chars: Vec<char> = "2.6个百分点".chars().collect();
        assert_eq!(starts_with_any(&chars, 3, &VOCAB.units), Some("个百分点"));
        let chars: Vec<char> = "同比增长".chars().collect();
        assert_eq!(ends_with_any(&chars, 4, &VOCAB.growth), Some("增长"));
        assert_eq!(ends_with_any(&chars, 2, &VOCAB.basis), Some("同比"));
    }

    #[test]
    fn the_indexed_matcher_finds_what_a_scan_of_every_word_finds() {
        let v = &*VOCAB;
        let text = format!(
            "{}{}",
            crate::SAMPLE,
            "同比增长个百分点规模以上增速为达到计划单列市"
        );
        let chars: Vec<char> = text.chars().collect();
        for list in [
            &v.growth, &v.decline, &v.basis, &v.units, &v.scope, &v.fillers, &v.target,
        ] {
            for i in 0..=chars.len() + 1 {
                assert_eq!(
                    list.at(&chars, i),
                    starts_with_any(&chars, i, list),
                    "at {i}"
                );
                let scanned = (i <= chars.len()).then(|| ends_with_any(&chars, i, list));
                assert_eq!(list.ending(&chars, i), scanned.flatten(), "ending {i}");
            }
        }
    }

    #[test]
    fn a_char_sharing_a_members_bit_is_still_no_member() {
        // 和 and the char 1024 code points on share a bit of every CharSet.
        let twin = char::from_u32('和' as u32 + 1024).unwrap();
        let w = Words::new(vec!["和平", "和"]);
        assert!(w.has('和') && !w.has(twin));
        let text = ['和', twin, '和', '平'];
        assert_eq!(w.at(&text, 0), Some("和"));
        assert_eq!(w.at(&text, 1), None);
        assert_eq!(w.at(&text, 2), Some("和平"));
        assert_eq!(w.at(&text, 4), None);
        assert_eq!(w.ending(&text, 2), None);
        assert_eq!(w.ending(&text, 3), Some("和"));
        assert_eq!(w.ending(&text, 4), Some("和平"));
        assert_eq!(w.ending(&text, 5), None);
        assert_eq!(ends_with_any(&text, 4, &["和平", "平"]), Some("和平"));
        assert_eq!(ends_with_any(&text, 5, &["平"]), None);
        assert_eq!(ends_with_any(&text, 2, &["和和"]), None);
    }

    #[test]
    fn words_found_in_a_str_leftmost_then_longest() {
        let words = Words::new(longest_first(vec![
            "订户",
            "月费订户",
            "编辑：",
            "责任编辑",
        ]));
        assert_eq!(words.find_in("本报月费订户专享"), Some("月费订户"));
        assert_eq!(words.find_in("责任编辑：张三"), Some("责任编辑"));
        assert_eq!(words.find_in("张三 编辑：李四"), Some("编辑："));
        assert_eq!(words.find_in("没有"), None);
        assert_eq!(words.prefix_of("订户须知"), Some("订户"));
        assert_eq!(words.prefix_of("本报订户"), None);
        assert_eq!(words.prefix_of(""), None);
    }
}
