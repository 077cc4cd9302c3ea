//! The one invariant checker: what the engine promises about any result, for any input. The
//! unit tests, the property tests (`tests/robust.rs`) and the fuzz targets (`fuzz/`) all call
//! [`analysis`] and [`normalized`], so the promises are written once.
//!
//! Each check returns the first broken promise as a readable reason instead of panicking, so a
//! property test can shrink on it and a fuzz target can assert on it.
//!
//! One promise is about cost, not results: work in proportion to the text, checked by
//! [`allocation_grows_linearly`] for `tests/scale.rs` and the `scale` fuzz target alike.

use crate::model::{Article, Report};
use crate::text::normalize::{is_marker, normalize, Normalized};
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::sync::{Mutex, Once, PoisonError};

/// A broken promise, in words.
pub type Broken = String;

fn ensure(ok: bool, reason: impl FnOnce() -> String) -> Result<(), Broken> {
    if ok {
        Ok(())
    } else {
        Err(reason())
    }
}

/// Analyse `input` twice and check the result: spans inside the input and in order (a card's
/// over its facts'), the quoted words the input's at their span, finite values, names on one
/// line, the same output both times, every format rendering it and the JSON valid. (The fuzz
/// crate, built with exact float parsing, also checks the JSON reads back to the same report.)
pub fn analysis(input: &str) -> Result<Article, Broken> {
    let article = crate::analyze("check", input);
    // Deterministic: the app re-analyses on every keystroke and must not flicker.
    ensure(article == crate::analyze("check", input), || {
        "not deterministic".into()
    })?;
    article_spans(input, &article)?;
    let report = Report {
        articles: vec![article],
    };
    let json = crate::render::json(&report).map_err(|e| format!("JSON: {e}"))?;
    serde_json::from_str::<serde_json::Value>(&json).map_err(|e| format!("invalid JSON: {e}"))?;
    for (format, out) in [
        ("csv", crate::render::csv(&report)),
        ("markdown", crate::render::markdown(&report)),
        ("text", crate::render::text(&report)),
    ] {
        ensure(!out.is_empty(), || format!("empty {format} output"))?;
    }
    compared(&report.articles[0])?;
    Ok(report.articles.into_iter().next().unwrap_or_default())
}

/// The compare table of `article` beside itself, every measure shown: each fact in it twice,
/// once per copy, and every format rendering it.
pub fn compared(article: &Article) -> Result<(), Broken> {
    use crate::compare;
    let pair = [article.clone(), article.clone()];
    let table = compare::table(&pair, compare::Options { all: true });
    let cells = table
        .rows
        .iter()
        .flat_map(|r| r.cells.iter().flatten())
        .count();
    ensure(cells == 2 * article.fact_count(), || {
        format!("{cells} cells for 2 × {} facts", article.fact_count())
    })?;
    let json = compare::json(&table);
    serde_json::from_str::<serde_json::Value>(&json)
        .map_err(|e| format!("invalid compare JSON: {e}"))?;
    for (format, out) in [
        ("compare text", compare::text(&table)),
        ("compare markdown", compare::markdown(&table)),
        ("compare csv", compare::csv(&table)),
    ] {
        ensure(!out.is_empty(), || format!("empty {format} output"))?;
    }
    Ok(())
}

/// The spans, quotes and values of `article`, read from `input`.
pub fn article_spans(input: &str, article: &Article) -> Result<(), Broken> {
    let chars: Vec<char> = input.chars().collect();
    let len = chars.len();
    for card in &article.cards {
        let [start, end] = card.span;
        ensure(start <= end && end <= len, || {
            format!("card span {:?} of {len}", card.span)
        })?;
        ensure(!card.facts.is_empty(), || "card without facts".into())?;
        ensure(!card.metric.contains(['\n', '\r']), || {
            format!("metric {:?} spans lines", card.metric)
        })?;
        for f in &card.facts {
            let [fs, fe] = f.span;
            ensure(fs <= fe && fe <= len, || {
                format!("fact span {:?} of {len}", f.span)
            })?;
            ensure(start <= fs && fe <= end, || {
                format!("card span {:?} misses fact span {:?}", card.span, f.span)
            })?;
            // The words quoted are the input's at the span, unless markup or a line break
            // lies there (then the normalised words, which read better).
            let raw: String = chars[fs..fe].iter().collect();
            ensure(!f.text.is_empty(), || "empty quote".into())?;
            ensure(
                raw.contains(['<', '&', '\n', '\r']) || f.text == raw,
                || format!("quote {:?} is not the input's {raw:?}", f.text),
            )?;
            ensure(f.value.is_finite(), || format!("value {}", f.value))?;
            ensure(f.from.is_none_or(f64::is_finite), || {
                format!("from {:?}", f.from)
            })?;
            ensure(!f.unit.is_empty(), || "empty unit".into())?;
            ensure(!f.display.is_empty(), || "empty display".into())?;
        }
    }
    // The parts left out: inside the input, in order, never overlapping a fact.
    let mut last_end = 0;
    for part in &article.excluded {
        let [start, end] = part.span;
        ensure(last_end <= start && start <= end && end <= len, || {
            format!("excluded span {:?} after {last_end} of {len}", part.span)
        })?;
        ensure(!part.reason.is_empty(), || {
            "excluded without a reason".into()
        })?;
        let read = |s: [usize; 2]| s[0] < end && start < s[1];
        ensure(part.included || !article.facts_spans().any(read), || {
            format!("a fact inside the left-out {:?}", part.span)
        })?;
        last_end = end;
    }
    Ok(())
}

/// Normalise `input` (twice) and check the map back to it: one origin per output char plus
/// the input's length, never decreasing, never past the input; no marker, control char or
/// blank line left; headings at line starts, in order; the same result both times.
pub fn normalized(input: &str) -> Result<Normalized, Broken> {
    let n = normalize(input);
    let len = input.chars().count() as u32;
    let count = n.text.chars().count();
    ensure(n.origin.len() == count + 1, || {
        format!("{} origins for {count} chars", n.origin.len())
    })?;
    ensure(n.origin.last() == Some(&len), || {
        "last origin is not the input's length".into()
    })?;
    ensure(n.origin.windows(2).all(|w| w[0] <= w[1]), || {
        "origins go back".into()
    })?;
    ensure(n.origin[..count].iter().all(|&o| o < len), || {
        "origin past the input".into()
    })?;
    ensure(
        n.text
            .chars()
            .all(|c| !is_marker(c) && (c == '\n' || !c.is_control())),
        || "marker or control char left in the text".into(),
    )?;
    ensure(
        !n.text.contains("\n\n") && !n.text.starts_with('\n') && !n.text.ends_with('\n'),
        || "blank or edge line break left".into(),
    )?;
    let chars: Vec<char> = n.text.chars().collect();
    ensure(n.headings.windows(2).all(|w| w[0] < w[1]), || {
        "headings out of order".into()
    })?;
    ensure(
        n.headings
            .iter()
            .all(|&h| h < count && (h == 0 || chars[h - 1] == '\n')),
        || "heading not at a line start".into(),
    )?;
    ensure(normalize(input) == n, || {
        "normalising is not deterministic".into()
    })?;
    Ok(n)
}

/// The system allocator, counting the bytes asked for, for [`allocation_grows_linearly`]. A
/// test or fuzz binary installs it:
/// `#[global_allocator] static GLOBAL: zhibiao::check::Counting = zhibiao::check::Counting;`
pub struct Counting;

static ALLOCATED: AtomicUsize = AtomicUsize::new(0);
/// One measurement at a time: the threads of a test binary share the counter.
static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());
/// Word lists and patterns are built on first use: not part of any one analysis.
static WARM: Once = Once::new();

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATED.fetch_add(layout.size(), Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCATED.fetch_add(new_size, Relaxed);
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

/// Bytes allocated while analysing `text`.
fn allocated(text: &str) -> usize {
    let before = ALLOCATED.load(Relaxed);
    std::hint::black_box(crate::analyze("scale", text));
    ALLOCATED.load(Relaxed) - before
}

/// The bytes of text the shorter measurement reads (the unit repeated), and how many times
/// longer the longer one is: long enough for quadratic work to show.
const SHORT_BYTES: usize = 4096;
const LONGER: usize = 16;
/// How many times more the longer text may allocate: 16, 8 to 32 with the doubling of growing
/// buffers (quadratic work allocates up to 256 times more), and a fixed allowance.
const MAX_GROWTH: usize = 32;
const ALLOWANCE: usize = 1 << 20;

/// Work in proportion to the text, counted in bytes allocated (the same verdict on every
/// machine and every run, unlike a timing): `unit` repeated to about 4 KB and to 16 times that
/// may allocate at most 32 times as much for the longer text (plus 1 MiB); work that copies
/// the text per fact or per position allocates far more. [`Counting`] must be the global
/// allocator.
pub fn allocation_grows_linearly(unit: &str) -> Result<(), Broken> {
    let _one = ONE_AT_A_TIME.lock().unwrap_or_else(PoisonError::into_inner);
    WARM.call_once(|| {
        allocated(crate::SAMPLE);
    });
    let reps = (SHORT_BYTES / unit.len().max(1)).max(1);
    let short = allocated(&unit.repeat(reps));
    let long = allocated(&unit.repeat(reps * LONGER));
    ensure(short > 0, || {
        "no bytes counted: check::Counting is not the global allocator".into()
    })?;
    ensure(long <= MAX_GROWTH * short + ALLOWANCE, || {
        format!(
            "super-linear: {short} bytes allocated for {} bytes of text, {long} for {LONGER} times that",
            unit.len() * reps
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sample_keeps_every_promise() {
        let a = analysis(crate::SAMPLE).unwrap();
        assert!(!a.cards.is_empty());
        normalized(crate::SAMPLE).unwrap();
    }

    #[test]
    fn broken_promises_are_named() {
        let mut a = crate::analyze("t", "工业增加值同比增长8.4%。");
        assert_eq!(article_spans("工业增加值同比增长8.4%。", &a), Ok(()));
        a.cards[0].facts[0].span = [0, 99];
        let reason = article_spans("工业增加值同比增长8.4%。", &a).unwrap_err();
        assert!(reason.starts_with("fact span"), "{reason}");
        a.cards[0].facts[0].span = [0, 2];
        let reason = article_spans("工业增加值同比增长8.4%。", &a).unwrap_err();
        assert!(reason.starts_with("quote"), "{reason}");
        a.cards[0].facts[0].value = f64::NAN;
        a.cards[0].facts[0].text = "工业".into();
        assert_eq!(
            article_spans("工业增加值同比增长8.4%。", &a).unwrap_err(),
            "value NaN"
        );
    }
}
