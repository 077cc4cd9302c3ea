//! The furniture and date patterns, compiled into DFAs at build time (`build/patterns.rs`
//! spells them from the vocab files) and only searched here: the page carries no regex parser
//! or compiler, and a pattern is ready in microseconds (its bytes are checked, not rebuilt).
//!
//! Hands on [`Pattern`], found by name ([`Pattern::named`]) by the rules that read one
//! (`text::segment`, `read::when`). A match is where it starts and the words it covers: a DFA
//! has no capture groups, so a rule reads a date's parts from the match's digits
//! ([`Found::numbers`]).

use regex_automata::dfa::{dense, regex::Regex};

/// Bytes aligned for reading as `u32`s, as a dense DFA is read in place.
#[repr(C, align(4))]
struct Aligned<T: ?Sized>(T);

/// One pattern as the build script wrote it.
struct Built {
    name: &'static str,
    /// The pattern, for the test that the DFAs match what `regex` compiles from it.
    #[cfg_attr(not(test), allow(dead_code))]
    source: &'static str,
    forward: &'static Aligned<[u8]>,
    reverse: &'static Aligned<[u8]>,
}

static BUILT: &[Built] = include!(concat!(env!("OUT_DIR"), "/patterns.rs"));

/// A pattern compiled at build time, searched with the `regex` crate's semantics (leftmost
/// first, non-overlapping).
pub struct Pattern(Regex<dense::DFA<&'static [u32]>>);

/// A match of a [`Pattern`] in a text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Found<'h> {
    /// Where it starts in the text, in bytes.
    pub start: usize,
    /// The words it covers.
    pub text: &'h str,
}

impl Found<'_> {
    /// The runs of ASCII digits in the match, in order, as numbers (a run too long for a
    /// `u32` is none): a date's year, month and day.
    pub fn numbers(&self) -> impl Iterator<Item = Option<u32>> + '_ {
        self.text
            .split(|c: char| !c.is_ascii_digit())
            .filter(|run| !run.is_empty())
            .map(|run| run.parse().ok())
    }
}

impl Pattern {
    /// The pattern the build script compiled under `name`. Both are this crate's, so a missing
    /// name or a DFA this target cannot read is a bug of the build, never of the input.
    pub fn named(name: &str) -> Pattern {
        let built = BUILT
            .iter()
            .find(|b| b.name == name)
            .unwrap_or_else(|| panic!("build/patterns.rs has no pattern {name}"));
        Pattern(Regex::builder().build_from_dfas(read(&built.forward.0), read(&built.reverse.0)))
    }

    /// Whether the pattern matches anywhere in `text`.
    pub fn is_match(&self, text: &str) -> bool {
        self.0.is_match(text)
    }

    /// The first match in `text`.
    pub fn find<'h>(&self, text: &'h str) -> Option<Found<'h>> {
        self.find_iter(text).next()
    }

    /// Every match in `text`, left to right, none overlapping another.
    pub fn find_iter<'p, 'h: 'p>(&'p self, text: &'h str) -> impl Iterator<Item = Found<'h>> + 'p {
        self.0.find_iter(text).map(move |m| Found {
            start: m.start(),
            text: &text[m.range()],
        })
    }
}

/// A DFA read in place from the build script's bytes.
fn read(bytes: &'static [u8]) -> dense::DFA<&'static [u32]> {
    dense::DFA::from_bytes(bytes)
        .unwrap_or_else(|e| panic!("a DFA of build/patterns.rs: {e}"))
        .0
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Every built pattern with the same pattern compiled by `regex` now.
    fn both() -> Vec<(&'static str, Pattern, regex::Regex)> {
        BUILT
            .iter()
            .map(|b| {
                (
                    b.name,
                    Pattern::named(b.name),
                    regex::Regex::new(b.source).unwrap(),
                )
            })
            .collect()
    }

    /// Each pattern's matches in `text` are those of `regex`, start and end.
    fn same_matches(text: &str) {
        for (name, built, re) in both() {
            let ours: Vec<(usize, &str)> =
                built.find_iter(text).map(|f| (f.start, f.text)).collect();
            let theirs: Vec<(usize, &str)> = re
                .find_iter(text)
                .map(|m| (m.start(), m.as_str()))
                .collect();
            assert_eq!(ours, theirs, "{name} in {text:?}");
            assert_eq!(
                built.is_match(text),
                re.is_match(text),
                "{name} in {text:?}"
            );
        }
    }

    #[test]
    fn every_pattern_the_rules_ask_for_is_built() {
        let names: Vec<&str> = BUILT.iter().map(|b| b.name).collect();
        for name in [
            "DATETIME",
            "COUNTERS",
            "ADDRESS",
            "CSS",
            "STAMP",
            "DATE",
            "YEAR_PHRASE",
            "YEAR",
        ] {
            assert!(names.contains(&name), "{name}");
        }
    }

    #[test]
    fn built_patterns_match_what_regex_compiles() {
        // Lines of each kind the patterns look for, and near misses.
        let cases = [
            "2025年03月20日18:32:04 财经",
            "2021-03-24 11:05",
            "2017/5/15 10:13:16 来源：本站",
            "2024.3.5 9：30",
            "发布时间：2024年3月5日",
            "2024-03-05",
            "2024.03.05。",
            "2023年12月31日24时",
            "财经 1699",
            "体育正文 248 0",
            "财经1699",
            "访问 http://www.example.com/a?b=1 了解",
            "邮箱：tj_office@stats.gov.cn。",
            "网址 example.cn/news",
            "a.cnb c.com",
            ".appendQr_wrap{border:1px solid #E6E6E6;}",
            "#nav a {color:red}",
            "margin: 12px",
            "2024年全年，全市地区生产总值增长5.1%",
            "2024年度报告",
            "2023年度净利润同比增长12%",
            "2024年政府工作报告",
            "2024年3月，出口增长",
            "1998年-2024年",
            "2024年",
            "３０２４年",
            "2099年全年 1899年度 2000年",
            "",
            "。",
        ];
        for text in cases {
            same_matches(text);
        }
    }

    proptest! {
        /// Any text of the chars the patterns read (digits, date marks, separators, Latin
        /// letters, braces, Chinese punctuation and words) gives the same matches.
        #[test]
        fn built_patterns_match_like_regex_on_any_text(
            text in "[0-9年月日号度全/.:： @{}#_a-zA-Z，。；增长财经\n-]{0,40}"
        ) {
            same_matches(&text);
        }
    }

    #[test]
    fn numbers_are_the_digit_runs() {
        let found = Found {
            start: 0,
            text: "2025年03月20日18:32",
        };
        let numbers: Vec<Option<u32>> = found.numbers().collect();
        assert_eq!(numbers, [Some(2025), Some(3), Some(20), Some(18), Some(32)]);
    }
}
