//! Throughput and scaling of the whole engine (normalise, scan, rules, cards) on one core.
//!
//! `cargo bench --bench throughput`: MB/s over the corpus (../shared/corpus when present, else
//! the built-in sample), then the time for 1 KB … 10 MB of concatenated articles, which must
//! grow linearly (10 MB ≤ 12 × 1 MB).

use std::time::{Duration, Instant};

fn corpus() -> Vec<String> {
    let mut texts = Vec::new();
    for dir in ["../shared/corpus/seeds", "../shared/corpus/public"] {
        let Ok(entries) = std::fs::read_dir(dir) else {
            continue;
        };
        let mut paths: Vec<_> = entries.flatten().map(|e| e.path()).collect();
        paths.sort();
        for path in paths {
            if path.extension().is_some_and(|e| e == "txt") {
                if let Ok(t) = std::fs::read_to_string(&path) {
                    texts.push(t);
                }
            }
        }
    }
    if texts.is_empty() {
        texts.push(zhibiao::SAMPLE.to_string());
    }
    texts
}

/// Best of `runs` timings of analysing `text`, and the facts found.
fn time(text: &str, runs: usize) -> (Duration, usize) {
    let mut best = Duration::MAX;
    let mut facts = 0;
    for _ in 0..runs {
        let t = Instant::now();
        let a = zhibiao::analyze("bench", std::hint::black_box(text));
        best = best.min(t.elapsed());
        facts = a.fact_count();
    }
    (best, facts)
}

/// The first `bytes` of the corpus repeated, cut at a char boundary.
fn sized(all: &str, bytes: usize) -> String {
    let mut s = String::with_capacity(bytes + 8);
    while s.len() < bytes {
        s.push_str(all);
        s.push('\n');
    }
    let mut end = bytes;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    s.truncate(end);
    s
}

/// Like [`sized`], but each copy's decimals carry the copy's number (8.4% → 8.174%), so
/// every copy states new facts, as a year of different reports would: repeats are merged
/// into one card, which hides the cost of many cards.
fn varied(all: &str, bytes: usize) -> String {
    let mut s = String::with_capacity(bytes + 8);
    let mut copy = 0;
    while s.len() < bytes {
        copy += 1;
        let mut prev = ' ';
        let mut chars = all.chars().peekable();
        while let Some(c) = chars.next() {
            s.push(c);
            if c == '.' && prev.is_ascii_digit() && chars.peek().is_some_and(char::is_ascii_digit) {
                s.push_str(&copy.to_string());
            }
            prev = c;
        }
        s.push('\n');
    }
    let mut end = bytes;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    s.truncate(end);
    s
}

fn main() {
    let texts = corpus();
    let total: usize = texts.iter().map(String::len).sum();
    let start = Instant::now();
    let mut rounds = 0;
    let mut facts = 0;
    while start.elapsed() < Duration::from_secs(2) || rounds == 0 {
        facts = texts
            .iter()
            .map(|t| zhibiao::analyze("b", t).fact_count())
            .sum();
        rounds += 1;
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "corpus: {} articles, {:.1} KB, {facts} facts; {:.1} MB/s ({:.2} ms per pass)",
        texts.len(),
        total as f64 / 1024.0,
        (total * rounds) as f64 / secs / 1e6,
        secs * 1000.0 / rounds as f64
    );
    let all = texts.join("\n");
    let mut per_mb = Vec::new();
    println!(
        "{:>10} {:>12} {:>10} {:>8}",
        "size", "time", "MB/s", "facts"
    );
    for (label, bytes, runs) in [
        ("1 KB", 1 << 10, 200),
        ("10 KB", 10 << 10, 50),
        ("100 KB", 100 << 10, 10),
        ("1 MB", 1 << 20, 5),
        ("10 MB", 10 << 20, 2),
    ] {
        let text = sized(&all, bytes);
        let (t, n) = time(&text, runs);
        let mbs = bytes as f64 / t.as_secs_f64() / 1e6;
        println!(
            "{label:>10} {:>10.3}ms {mbs:>10.1} {n:>8}",
            t.as_secs_f64() * 1e3
        );
        per_mb.push((bytes, t));
    }
    for (label, bytes) in [("1 MB", 1 << 20), ("10 MB", 10 << 20)] {
        let (t, n) = time(&varied(&all, bytes), 2);
        println!(
            "{label:>10} {:>10.3}ms {:>10.1} {n:>8}  (every copy new facts)",
            t.as_secs_f64() * 1e3,
            bytes as f64 / t.as_secs_f64() / 1e6
        );
    }
    let one = per_mb[3].1.as_secs_f64();
    let ten = per_mb[4].1.as_secs_f64();
    println!(
        "scaling: 10 MB takes {:.2}× the time of 1 MB (linear is 10×, the bar is ≤ 12×)",
        ten / one
    );
}
