//! The invariants the fuzz targets assert after every run of the engine: the same promises
//! `tests/robust.rs` checks natively (no panic, spans inside the input, finite values, the same
//! output twice, every format renders), plus a few that only a long search is likely to break:
//! the normaliser's map back to the input, a card's span over its facts', a fact's quoted words
//! being the input's, and JSON that reads back.

use zhibiao::normalize::normalize;
use zhibiao::{analyze, Article, Report};

/// The fuzzer's bytes as text: valid UTF-8 as it is, anything else with U+FFFD for the bad
/// bytes, as the CLI's lossy reading would give.
pub fn text(data: &[u8]) -> std::borrow::Cow<'_, str> {
    String::from_utf8_lossy(data)
}

/// Analyse `input` and check everything the engine promises about the result.
pub fn check_analyze(input: &str) -> Article {
    let a = analyze("fuzz", input);
    let chars: Vec<char> = input.chars().collect();
    let len = chars.len();
    for card in &a.cards {
        assert!(
            card.span[0] <= card.span[1] && card.span[1] <= len,
            "card span {:?} of {len}",
            card.span
        );
        assert!(!card.facts.is_empty(), "card without facts");
        assert!(
            !card.metric.contains(['\n', '\r']),
            "metric {:?}",
            card.metric
        );
        for f in &card.facts {
            assert!(
                f.span[0] <= f.span[1] && f.span[1] <= len,
                "fact span {:?} of {len}",
                f.span
            );
            assert!(
                card.span[0] <= f.span[0] && f.span[1] <= card.span[1],
                "card span {:?} misses fact span {:?}",
                card.span,
                f.span
            );
            // The words quoted are the input's at the span, unless markup or a line break
            // lies there (then the normalised words, which read better).
            let raw: String = chars[f.span[0]..f.span[1]].iter().collect();
            assert!(!f.text.is_empty(), "empty text");
            assert!(
                raw.contains(['<', '&', '\n', '\r']) || f.text == raw,
                "text {:?} is not the input's {:?}",
                f.text,
                raw
            );
            assert!(f.value.is_finite(), "value {}", f.value);
            assert!(f.from.is_none_or(f64::is_finite), "from {:?}", f.from);
            assert!(!f.unit.is_empty(), "empty unit");
            assert!(!f.display.is_empty(), "empty display");
        }
    }
    // Deterministic: the app re-analyses on every keystroke and must not flicker.
    assert_eq!(a, analyze("fuzz", input), "not deterministic");

    let report = Report { articles: vec![a] };
    let json = zhibiao::render::json(&report);
    let back: Report = serde_json::from_str(&json).expect("JSON output reads back");
    assert_eq!(back, report, "JSON round trip");
    for out in [
        zhibiao::render::csv(&report),
        zhibiao::render::markdown(&report),
        zhibiao::render::text(&report),
    ] {
        assert!(!out.is_empty());
    }
    report.articles.into_iter().next().unwrap_or_default()
}

/// Check the normaliser's map: one origin per output char plus the input's length, never
/// decreasing, never past the input; headings at char positions of the text.
pub fn check_normalize(input: &str) -> String {
    let n = normalize(input);
    let len = input.chars().count();
    let chars = n.text.chars().count();
    assert_eq!(
        n.origin.len(),
        chars + 1,
        "one origin per char, plus the end"
    );
    assert_eq!(
        *n.origin.last().unwrap() as usize,
        len,
        "last origin is the input's length"
    );
    assert!(n.origin.windows(2).all(|w| w[0] <= w[1]), "origins go back");
    assert!(
        n.origin[..chars].iter().all(|&o| (o as usize) < len),
        "origin past the input"
    );
    assert!(
        n.headings.iter().all(|&h| h <= chars),
        "heading past the text"
    );
    assert!(
        !n.text.contains(['\u{FDD0}', '\u{FDD1}', '\r']),
        "marker or CR left in the text"
    );
    n.text
}
