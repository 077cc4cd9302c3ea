//! The furniture and date patterns, compiled into DFAs at build time (`build/patterns.rs`
//! spells them from the vocab files) and only searched here: the page carries no regex parser
//! or compiler, and a pattern is ready in microseconds (its bytes are read in place).
//!
//! Hands on [`Pattern`], found by name ([`Pattern::named`]) by the rules that find one
//! (`read::when`), and [`Matcher`], for the rules that only ask whether a line matches
//! (`text::segment`; the build gives those no reverse DFA). A match is where it starts and the
//! words it covers: a DFA has no capture groups, so a rule reads a date's parts from the
//! match's digits ([`Found::numbers`]).

use regex_automata::{
    dfa::{dense, regex::Regex, Automaton},
    Input,
};

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
    /// None for the patterns only matched (`MATCH_ONLY` in build/patterns.rs).
    reverse: Option<&'static Aligned<[u8]>>,
}

static BUILT: &[Built] = include!(concat!(env!("OUT_DIR"), "/patterns.rs"));

/// A pattern compiled at build time, searched with the `regex` crate's semantics (leftmost
/// first, non-overlapping).
pub struct Pattern(Regex<dense::DFA<&'static [u32]>>);

/// A pattern compiled at build time that a rule only matches: its forward DFA alone.
pub struct Matcher(dense::DFA<&'static [u32]>);

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

/// The entry the build script wrote under `name`. Both are this crate's, so a missing name is a
/// bug of the build, never of the input.
fn built(name: &str) -> &'static Built {
    BUILT
        .iter()
        .find(|b| b.name == name)
        .unwrap_or_else(|| panic!("build/patterns.rs has no pattern {name}"))
}

impl Pattern {
    /// The pattern the build script compiled under `name`, with both its DFAs (a name of
    /// `MATCH_ONLY` has no reverse one: a bug of the build, like a DFA this target cannot read).
    pub fn named(name: &str) -> Pattern {
        let built = built(name);
        let reverse = built
            .reverse
            .unwrap_or_else(|| panic!("build/patterns.rs: {name} is only matched, not found"));
        Pattern(Regex::builder().build_from_dfas(read(&built.forward.0), read(&reverse.0)))
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

impl Matcher {
    /// The forward DFA the build script compiled under `name`.
    pub fn named(name: &str) -> Matcher {
        Matcher(read(&built(name).forward.0))
    }

    /// Whether the pattern matches anywhere in `text`, as `regex`'s `is_match` (the first
    /// match's end is enough). The DFAs have no quit bytes, so the search cannot fail.
    pub fn is_match(&self, text: &str) -> bool {
        let input = Input::new(text).earliest(true);
        self.0.try_search_fwd(&input).is_ok_and(|m| m.is_some())
    }
}

/// A DFA read in place from the build script's bytes, without checking its transition table:
/// the check was 7 KB of the page's wasm and work on every start-up, for bytes that cannot
/// differ from the ones the test `every_dfa_passes_the_checked_read` checks. Its header (the
/// format, the byte order, the alignment) is still checked.
fn read(bytes: &'static [u8]) -> dense::DFA<&'static [u32]> {
    // SAFETY: the bytes are `to_bytes_*` output of build.rs (build/patterns.rs), written by the
    // same regex-automata (Cargo.lock holds one 0.4 for the build and the crate) for this
    // target's byte order, and included unchanged; the test reads each with `from_bytes`,
    // which checks the whole table.
    unsafe { dense::DFA::from_bytes_unchecked(bytes) }
        .unwrap_or_else(|e| panic!("a DFA of build/patterns.rs: {e}"))
        .0
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Each pattern matched and, unless only matched, found as `regex` matches and finds it.
    fn same_matches(text: &str) {
        for b in BUILT {
            let re = regex::Regex::new(b.source).unwrap();
            let name = b.name;
            let matched = Matcher::named(name).is_match(text);
            assert_eq!(matched, re.is_match(text), "{name} in {text:?}");
            if b.reverse.is_some() {
                let ours: Vec<(usize, &str)> = Pattern::named(name)
                    .find_iter(text)
                    .map(|f| (f.start, f.text))
                    .collect();
                let theirs: Vec<(usize, &str)> = re
                    .find_iter(text)
                    .map(|m| (m.start(), m.as_str()))
                    .collect();
                assert_eq!(ours, theirs, "{name} in {text:?}");
            }
        }
    }

    #[test]
    fn every_dfa_passes_the_checked_read() {
        for b in BUILT {
            for bytes in [Some(b.forward), b.reverse].into_iter().flatten() {
                let checked = dense::DFA::from_bytes(&bytes.0);
                assert!(checked.is_ok(), "{}: {:?}", b.name, checked.err());
            }
        }
    }

    #[test]
    fn every_pattern_the_rules_ask_for_is_built() {
        // Found (read::when): both DFAs; only matched (text::segment): the forward one.
        for name in ["STAMP", "DATE", "YEAR_PHRASE", "YEAR"] {
            assert!(built(name).reverse.is_some(), "{name}");
        }
        for name in ["DATETIME", "COUNTERS", "ADDRESS", "CSS"] {
            assert!(built(name).reverse.is_none(), "{name}");
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
