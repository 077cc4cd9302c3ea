//! The rules' vocabularies: word lists embedded from `src/vocab/*.txt`.
//!
//! The matcher never spells a word itself; it asks these lists, so adding a word is a one-line
//! change to a text file (and a test sentence). Each file has one entry a line; `#` starts a
//! comment line.

use crate::model::Bound;
use std::sync::LazyLock;

/// Every list, parsed once.
pub struct Vocab {
    pub growth: Words,
    pub decline: Words,
    pub basis: Words,
    pub share: Words,
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
    /// Fillers between a metric and its number (达到, 分别为, 稳定在).
    pub fillers: Words,
    /// Plan sections: heading words that open one, and their look-alikes (`plan.txt`).
    pub plan_heading: Words,
    pub plan_review: Words,
    pub plan_future: Words,
    pub plan_modal: Words,
    pub plan_past: Words,
    pub plan_close: Words,
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
    /// Period words and what each means (`periods.txt`), longest first.
    pub periods: Vec<(&'static str, &'static str)>,
    /// The words of `periods`, for finding them.
    pub period_words: Words,
    /// Names of newspapers and news services that make a short line a byline.
    pub press: Words,
    pub tail_markers: Words,
    pub line_markers: Words,
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

/// A word list, longest first, that answers "which word starts (or ends) here?" quickly: most
/// positions hold a char no word starts (or ends) with.
#[derive(Debug)]
pub struct Words {
    words: Vec<&'static str>,
    firsts: Vec<char>,
    lasts: Vec<char>,
}

impl Words {
    pub fn new(words: Vec<&'static str>) -> Words {
        let mut firsts: Vec<char> = words.iter().filter_map(|w| w.chars().next()).collect();
        let mut lasts: Vec<char> = words.iter().filter_map(|w| w.chars().last()).collect();
        firsts.sort_unstable();
        firsts.dedup();
        lasts.sort_unstable();
        lasts.dedup();
        Words {
            words,
            firsts,
            lasts,
        }
    }

    /// The longest word that `chars[at..]` starts with.
    pub fn at(&self, chars: &[char], at: usize) -> Option<&'static str> {
        let c = chars.get(at)?;
        if self.firsts.binary_search(c).is_err() {
            return None;
        }
        starts_with_any(chars, at, &self.words)
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
        if self.firsts.binary_search(&c).is_err() {
            return None;
        }
        let rest = &text[i..];
        self.words.iter().copied().find(|w| rest.starts_with(w))
    }

    /// The longest word that `chars[..end]` ends with.
    pub fn ending(&self, chars: &[char], end: usize) -> Option<&'static str> {
        let c = chars.get(end.checked_sub(1)?)?;
        if self.lasts.binary_search(c).is_err() {
            return None;
        }
        ends_with_any(chars, end, &self.words)
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

fn bounds(src: &'static str, position: &str) -> Vec<(&'static str, Bound)> {
    let mut v: Vec<(&'static str, Bound)> = lines(src)
        .filter_map(|l| {
            let mut parts = l.split_whitespace();
            let (pos, bound, word) = (parts.next()?, parts.next()?, parts.next()?);
            (pos == position).then_some((word, bound_of(bound)?))
        })
        .collect();
    v.sort_by_key(|(w, _)| std::cmp::Reverse(w.chars().count()));
    v
}

fn markers(src: &'static str, kind: &str) -> Vec<&'static str> {
    lines(src)
        .filter_map(|l| {
            let (k, m) = l.split_once(' ')?;
            (k == kind).then_some(m.trim())
        })
        .collect()
}

/// The words of one kind in a file of `kind word` lines, longest first.
pub fn kind_list(src: &'static str, kind: &str) -> Words {
    kinds_list(src, &[kind])
}

/// The words of any of `kinds` in a file of `kind word` lines, longest first.
fn kinds_list(src: &'static str, kinds: &[&str]) -> Words {
    Words::new(longest_first(
        kinds.iter().flat_map(|k| markers(src, k)).collect(),
    ))
}

pub static VOCAB: LazyLock<Vocab> = LazyLock::new(|| {
    let target_src = include_str!("vocab/target.txt");
    let plan_src = include_str!("vocab/plan.txt");
    Vocab {
        growth: list(include_str!("vocab/growth.txt")),
        decline: list(include_str!("vocab/decline.txt")),
        basis: list(include_str!("vocab/basis.txt")),
        share: list(include_str!("vocab/share.txt")),
        target: list(target_src),
        not_target: lines(target_src)
            .filter_map(|l| l.strip_prefix('!'))
            .collect(),
        scope: list(include_str!("vocab/scope.txt")),
        lead: list(include_str!("vocab/lead.txt")),
        units: list(include_str!("vocab/units.txt")),
        money: list(include_str!("vocab/money.txt")),
        bounds_before: bounds(include_str!("vocab/bounds.txt"), "before"),
        bounds_after: bounds(include_str!("vocab/bounds.txt"), "after"),
        noncount: list(include_str!("vocab/noncount.txt")),
        subjects: list(include_str!("vocab/subjects.txt")),
        relative: list(include_str!("vocab/relative.txt")),
        heads: list(include_str!("vocab/heads.txt")),
        places: list(include_str!("vocab/places.txt")),
        fillers: list(include_str!("vocab/fillers.txt")),
        plan_heading: kind_list(plan_src, "heading"),
        plan_review: kind_list(plan_src, "review"),
        plan_future: kind_list(plan_src, "future"),
        plan_modal: kind_list(plan_src, "modal"),
        plan_past: kind_list(plan_src, "past"),
        plan_close: kind_list(plan_src, "close"),
        obtain_verbs: kind_list(include_str!("vocab/funds.txt"), "verb"),
        funds: kind_list(include_str!("vocab/funds.txt"), "object"),
        aliases: lines(include_str!("vocab/aliases.txt"))
            .filter_map(|l| l.split_once(' '))
            .map(|(long, short)| (long, short.trim()))
            .collect(),
        rank_leads: kinds_list(include_str!("vocab/rank.txt"), &["both", "lead"]),
        rank_names: kinds_list(include_str!("vocab/rank.txt"), &["both", "name"]),
        comparators: lines(include_str!("vocab/gaps.txt"))
            .filter_map(|l| match l.split_once(' ')? {
                ("above", w) => Some((w.trim(), false)),
                ("below", w) => Some((w.trim(), true)),
                _ => None,
            })
            .collect(),
        gap_falls: kind_list(include_str!("vocab/gaps.txt"), "falls"),
        gap_verbs: kind_list(include_str!("vocab/gaps.txt"), "verb"),
        rate_up: kind_list(include_str!("vocab/rates.txt"), "up"),
        rate_down: kind_list(include_str!("vocab/rates.txt"), "down"),
        rate_names: kind_list(include_str!("vocab/rates.txt"), "name"),
        periods: {
            let mut v: Vec<(&str, &str)> = lines(include_str!("vocab/periods.txt"))
                .filter_map(|l| l.split_once(' '))
                .map(|(w, m)| (w, m.trim()))
                .collect();
            v.sort_by_key(|(w, _)| std::cmp::Reverse(w.chars().count()));
            v
        },
        period_words: Words::new(longest_first(
            lines(include_str!("vocab/periods.txt"))
                .filter_map(|l| l.split_once(' ').map(|(w, _)| w))
                .collect(),
        )),
        press: list(include_str!("vocab/press.txt")),
        verb_basis: lines(include_str!("vocab/verb_basis.txt"))
            .filter_map(|l| l.split_once(' '))
            .map(|(verb, basis)| (verb, basis.trim()))
            .collect(),
        basis_carriers: list(include_str!("vocab/carry.txt")),
        tail_markers: kind_list(include_str!("vocab/boilerplate.txt"), "tail"),
        line_markers: kind_list(include_str!("vocab/boilerplate.txt"), "line"),
    }
});

/// The longest word of `words` that `chars[at..]` starts with.
pub fn starts_with_any<'a>(chars: &[char], at: usize, words: &[&'a str]) -> Option<&'a str> {
    words.iter().copied().find(|w| starts_with(chars, at, w))
}

/// The longest word of `words` that `chars[..end]` ends with.
pub fn ends_with_any<'a>(chars: &[char], end: usize, words: &[&'a str]) -> Option<&'a str> {
    words.iter().copied().find(|w| {
        let n = w.chars().count();
        n <= end && starts_with(chars, end - n, w)
    })
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
            &v.share,
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
        ] {
            assert!(!list.is_empty());
            let lens: Vec<usize> = list.iter().map(|w| w.chars().count()).collect();
            assert!(lens.windows(2).all(|w| w[0] >= w[1]), "{list:?}");
            assert!(list.iter().all(|w| !w.starts_with('!') && !w.contains(' ')));
        }
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
    fn prefix_and_suffix_matching_prefer_the_longest_word() {
        let chars: Vec<char> = "2.6个百分点".chars().collect();
        assert_eq!(starts_with_any(&chars, 3, &VOCAB.units), Some("个百分点"));
        let chars: Vec<char> = "同比增长".chars().collect();
        assert_eq!(ends_with_any(&chars, 4, &VOCAB.growth), Some("增长"));
        assert_eq!(ends_with_any(&chars, 2, &VOCAB.basis), Some("同比"));
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
