//! The patterns of the furniture and date rules (`text::segment`, `read::when`), spelt here
//! from `vocab/marks.txt` and `vocab/dates.txt` and compiled into DFAs at build time, so the
//! page carries only the regex engine's search (not its parser and compiler, a fifth of the
//! wasm) and compiles nothing when it starts.
//!
//! Hands on `OUT_DIR/patterns.rs`: a table of [`crate::pattern::Built`] (the runtime module
//! `src/pattern.rs`), one entry a pattern with its forward DFA (where a match ends) and, unless
//! it is only matched ([`MATCH_ONLY`]), its reverse DFA (where it starts), serialised in the
//! target's byte order next to it. A DFA has no capture groups: the rules read a date's parts
//! from the digits of the match.

use regex_automata::dfa::{dense, regex::Regex, StartKind};
use std::{fmt::Write as _, fs, path::Path};

/// The vocab files the patterns are spelt from.
pub const MARKS: &str = "src/vocab/marks.txt";
pub const DATES: &str = "src/vocab/dates.txt";

/// The patterns a rule only asks whether a line matches (`text::segment`, through
/// `pattern::Matcher`): they get no reverse DFA, which only finds where a match starts.
pub const MATCH_ONLY: [&str; 4] = ["DATETIME", "COUNTERS", "ADDRESS", "CSS"];

/// Every pattern with the name its rule asks for.
pub fn sources(marks: &str, dates: &str) -> Vec<(&'static str, String)> {
    let mark = |name: &str| {
        entries(marks, name)
            .first()
            .and_then(|m| m.chars().next())
            .unwrap_or_else(|| panic!("{MARKS}: no mark {name}"))
    };
    let (y, mo, d) = (mark("year"), mark("month"), mark("day"));
    let day_words = any_of(entries(dates, "day"));
    let whole_year = any_of(entries(dates, "whole_year"));
    vec![
        // segment.rs. A stamp like 2025年03月20日18:32:04 or 2021-03-24 11:05; the date's
        // marks are `marks.txt`'s (none is special in a regex).
        (
            "DATETIME",
            format!(
                r"[0-9]{{4}}({y}|-|/)[0-9]{{1,2}}({mo}|-|/)[0-9]{{1,2}}{d}? ?[0-9]{{1,2}}:[0-9]{{2}}"
            ),
        ),
        // A page header with counters: 财经 1699, 体育正文 248 0.
        ("COUNTERS", r"^[^，。；0-9]{1,12}( [0-9]+)+$".into()),
        // Web addresses and e-mail.
        (
            "ADDRESS",
            r"(https?://|www\.|[A-Za-z0-9._-]+@[A-Za-z0-9-]+\.[A-Za-z]|\.com|\.cn([^A-Za-z]|$))"
                .into(),
        ),
        // Leftover CSS rules (`.appendQr_wrap{border:1px solid #E6E6E6;}`).
        (
            "CSS",
            r"[{}]|^[.#]?[A-Za-z_-]+ ?[A-Za-z_ -]*\{|:[ ]?[0-9]+px".into(),
        ),
        // when.rs. A date with a time: a stamp of publication wherever it stands.
        (
            "STAMP",
            format!(
                r"((?:19|20)[0-9]{{2}})[{y}/.-]([0-9]{{1,2}})[{mo}/.-]([0-9]{{1,2}}){d}? ?[0-9]{{1,2}}[:：][0-9]{{2}}"
            ),
        ),
        // A full date: in a short line of its own near the top or the foot, a dateline.
        (
            "DATE",
            format!(
                r"((?:19|20)[0-9]{{2}})(?:{y}|-|/|\.)([0-9]{{1,2}})(?:{mo}|-|/|\.)([0-9]{{1,2}})(?:{day_words}|[^0-9]|$)"
            ),
        ),
        // A year that the article is about: 2024年全年, 2024年度.
        (
            "YEAR_PHRASE",
            format!(r"((?:19|20)[0-9]{{2}}){y}(?:{whole_year})"),
        ),
        // A year in a title: 2024年, not 2024年3月.
        (
            "YEAR",
            format!(r"((?:19|20)[0-9]{{2}}){y}(?:[^0-9{mo}-]|$)"),
        ),
    ]
}

/// The entries of one kind in a file of `kind entry` lines (`#` starts a comment), as
/// `vocab::markers` reads them.
fn entries<'a>(src: &'a str, kind: &str) -> Vec<&'a str> {
    src.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.split_once(' '))
        .filter(|(k, _)| *k == kind)
        .map(|(_, w)| w.trim())
        .collect()
}

/// A regex alternation of `words`, longest first as `vocab::Words` orders them (stable, so
/// words of one length keep the file's order).
fn any_of(mut words: Vec<&str>) -> String {
    assert!(
        !words.is_empty(),
        "{DATES}: a list a pattern reads is empty"
    );
    words.sort_by_key(|w| std::cmp::Reverse(w.chars().count()));
    words
        .iter()
        .map(|w| regex_syntax::escape(w))
        .collect::<Vec<_>>()
        .join("|")
}

/// Compiles every pattern into `out/patterns/NAME.{fwd,rev}` and writes `out/patterns.rs`,
/// the table that embeds them. `big_endian`: the target's byte order.
pub fn write(out: &Path, big_endian: bool) {
    let marks = fs::read_to_string(MARKS).expect("read src/vocab/marks.txt");
    let dates = fs::read_to_string(DATES).expect("read src/vocab/dates.txt");
    let dir = out.join("patterns");
    fs::create_dir_all(&dir).expect("create OUT_DIR/patterns");
    let mut table = String::from("&[\n");
    for (name, source) in sources(&marks, &dates) {
        let re = compile(&source);
        let path = |ext: &str| format!("{}/{name}.{ext}", dir.display());
        let write_dfa = |dfa: &dense::DFA<Vec<u32>>, ext: &str| {
            let (bytes, pad) = if big_endian {
                dfa.to_bytes_big_endian()
            } else {
                dfa.to_bytes_little_endian()
            };
            fs::write(path(ext), &bytes[pad..]).expect("write a DFA");
            format!("&Aligned(*include_bytes!({:?}))", path(ext))
        };
        let forward = write_dfa(re.forward(), "fwd");
        let reverse = if MATCH_ONLY.contains(&name) {
            "None".to_string()
        } else {
            format!("Some({})", write_dfa(re.reverse(), "rev"))
        };
        writeln!(
            table,
            "    Built {{ name: {name:?}, source: {source:?}, forward: {forward}, reverse: {reverse} }},"
        )
        .expect("write to a String");
    }
    table.push_str("]\n");
    fs::write(out.join("patterns.rs"), table).expect("write patterns.rs");
}

/// The forward and reverse DFAs of `source`, with the `regex` crate's semantics (leftmost
/// first, Unicode, UTF-8), minimised: size is paid on every page load, time only here.
fn compile(source: &str) -> Regex {
    Regex::builder()
        .dense(
            dense::Config::new()
                .minimize(true)
                .start_kind(StartKind::Unanchored),
        )
        .build(source)
        .unwrap_or_else(|e| panic!("pattern {source}: {e}"))
}
