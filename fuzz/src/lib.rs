//! The invariants the fuzz targets assert after every run of the engine: the crate's one
//! checker (`zhibiao::check`, which `tests/robust.rs` and the unit tests call too: no panic,
//! spans inside the input and in order, quoted words the input's, finite values, the same
//! output twice, every format renders, the normaliser's map back to the input), plus JSON that
//! reads back exactly (this crate parses floats exactly).

use zhibiao::{Article, Report};

/// The fuzzer's bytes as text: valid UTF-8 as it is, anything else with U+FFFD for the bad
/// bytes, as the CLI's lossy reading would give.
pub fn text(data: &[u8]) -> std::borrow::Cow<'_, str> {
    String::from_utf8_lossy(data)
}

/// Analyse `input` and check everything the engine promises about the result (the crate's
/// one checker, `zhibiao::check`), and that its JSON reads back exactly.
pub fn check_analyze(input: &str) -> Article {
    let a = zhibiao::check::analysis(input).unwrap_or_else(|broken| panic!("{broken}"));
    let report = Report { articles: vec![a] };
    let json = zhibiao::render::json(&report).expect("JSON output");
    let back: Report = serde_json::from_str(&json).expect("JSON output reads back");
    assert_eq!(back, report, "JSON round trip");
    report.articles.into_iter().next().unwrap_or_default()
}

/// Check the normaliser's map back to the input (`zhibiao::check`); the normalised text.
pub fn check_normalize(input: &str) -> String {
    zhibiao::check::normalized(input)
        .unwrap_or_else(|broken| panic!("{broken}"))
        .text
}
