//! Throughput and scaling of the whole engine (normalise, scan, rules, cards) on one core.
//!
//! `cargo bench --bench throughput`: MB/s over the corpus (../shared/corpus when present, else
//! the built-in sample); each stage's MB/s (normalise, segment, scan, read, cards, render to
//! JSON) on mixed articles; the time for 1 KB … 10 MB of concatenated articles, which must
//! grow linearly (10 MB ≤ 12 × 1 MB); and the CLI end to end (`--format json`, on one thread
//! and on every core, where one long file is read in parts) on 10 MB and 100 MB of mixed
//! articles, as one file and as a folder of articles, and how 100 MB scales against 10 MB.
//! The same stages, and the CLI on 10 MB, on the shared corpus's real articles repeated, when
//! it is there (`ZHIBIAO_SHARED`, else `../shared`): they state about a quarter as many figures
//! a KB. `cargo bench --bench throughput -- stages` prints only the stages.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};
use zhibiao::Stage;

/// The fixture article of the browser tests, the second kind of article in the mix.
const ARTICLE: &str = include_str!("../tests/browser/fixtures/article.txt");

/// The shared material's folder: `ZHIBIAO_SHARED` (as for `scripts/score.sh`), else
/// `../shared`.
fn shared() -> String {
    std::env::var("ZHIBIAO_SHARED").unwrap_or_else(|_| "../shared".to_string())
}

fn corpus() -> Vec<String> {
    let mut texts = Vec::new();
    let shared = shared();
    for dir in ["corpus/seeds", "corpus/public", "corpus/genres"] {
        let Ok(entries) = std::fs::read_dir(Path::new(&shared).join(dir)) else {
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

/// Copy `i` of the two articles (the sample and the fixture in turn), its years and decimals
/// shifted by `i` so that every copy states new facts, as `tests/browser/bench.mjs` does.
fn mixed_copy(i: usize) -> String {
    let src = if i % 2 == 1 { ARTICLE } else { zhibiao::SAMPLE };
    let src = src.replace("2024", &(1900 + i % 120).to_string());
    let chars: Vec<char> = src.chars().collect();
    let mut out = String::with_capacity(src.len() + 64);
    let mut at = 0;
    while at < chars.len() {
        let c = chars[at];
        let starts_int = c.is_ascii_digit() && (at == 0 || !chars[at - 1].is_ascii_digit());
        if starts_int {
            let end = (at..chars.len())
                .find(|&j| !chars[j].is_ascii_digit())
                .unwrap_or(chars.len());
            let decimal = chars.get(end) == Some(&'.')
                && chars.get(end + 1).is_some_and(char::is_ascii_digit)
                && (at == 0 || chars[at - 1] != '.');
            let digits: String = chars[at..end].iter().collect();
            match digits.parse::<u64>() {
                Ok(n) if decimal => out.push_str(&(n + (i % 997) as u64).to_string()),
                _ => out.push_str(&digits),
            }
            at = end;
        } else {
            out.push(c);
            at += 1;
        }
    }
    out
}

/// At least `bytes` of mixed articles, each one new (see [`mixed_copy`]).
fn mixed(bytes: usize) -> Vec<String> {
    let mut parts = Vec::new();
    let mut size = 0;
    while size < bytes {
        let part = mixed_copy(parts.len());
        size += part.len() + 1;
        parts.push(part);
    }
    parts
}

/// Seconds spent in each stage of analysing `text` (best of `runs`), and in rendering it to
/// JSON.
fn stage_times(text: &str, runs: usize) -> Vec<(&'static str, f64)> {
    let names = ["normalise", "segment", "scan", "read", "cards", "render"];
    let mut best = vec![f64::MAX; names.len()];
    for _ in 0..runs {
        let mut times = Vec::new();
        let mut last = Instant::now();
        let article = zhibiao::analyze_staged(
            "bench",
            std::hint::black_box(text),
            &zhibiao::Options::default(),
            &mut |_| {},
            &mut |_: Stage| {
                times.push(last.elapsed().as_secs_f64());
                last = Instant::now();
            },
        );
        let report = zhibiao::Report {
            articles: vec![article],
        };
        let t = Instant::now();
        std::hint::black_box(zhibiao::render::json(&report).expect("json"));
        times.push(t.elapsed().as_secs_f64());
        for (b, t) in best.iter_mut().zip(times) {
            *b = b.min(t);
        }
    }
    names.into_iter().zip(best).collect()
}

fn print_stages(label: &str, text: &str, runs: usize) {
    let times = stage_times(text, runs);
    let total: f64 = times.iter().map(|(_, t)| t).sum();
    let mb = text.len() as f64 / 1e6;
    print!("stages, {label}:");
    for (name, t) in &times {
        print!(" {name} {:.0}", mb / t);
    }
    println!(
        " MB/s; all {:.1} MB/s; slowest: {}",
        mb / total,
        times
            .iter()
            .max_by(|a, b| a.1.total_cmp(&b.1))
            .map_or("", |(n, _)| n)
    );
}

/// Seconds the CLI takes for `--format json --jobs N` over `path`.
fn cli(path: &Path, jobs: usize) -> f64 {
    let t = Instant::now();
    let out = Command::new(env!("CARGO_BIN_EXE_zhibiao"))
        .args(["--format", "json", "--jobs", &jobs.to_string()])
        .arg(path)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .expect("run the CLI");
    assert!(out.success(), "the CLI failed on {}", path.display());
    t.elapsed().as_secs_f64()
}

/// The CLI end to end on `mb` MB of mixed articles, as one file and as a folder of articles,
/// on one thread and on every core (a long file read in parts); the seconds of the one file on
/// every core.
fn print_cli(dir: &Path, mb: usize) -> f64 {
    let parts = mixed(mb << 20);
    let bytes: usize = parts.iter().map(|p| p.len() + 1).sum();
    let one = dir.join(format!("mixed-{mb}.txt"));
    std::fs::write(&one, parts.join("\n")).expect("write");
    let folder = dir.join(format!("mixed-{mb}"));
    std::fs::create_dir_all(&folder).expect("mkdir");
    for (i, p) in parts.iter().enumerate() {
        std::fs::write(folder.join(format!("{i:06}.txt")), p).expect("write");
    }
    let mbs = |secs: f64| bytes as f64 / secs / 1e6;
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut every_core = 0.0;
    for jobs in [1, cores] {
        let (t1, t2) = (cli(&one, jobs), cli(&folder, jobs));
        every_core = t1;
        println!(
            "cli, {mb} MB of mixed articles to JSON ({jobs} thread{}): one file {:.2} s ({:.1} MB/s); {} articles {:.2} s ({:.1} MB/s)",
            if jobs == 1 { "" } else { "s" },
            t1,
            mbs(t1),
            parts.len(),
            t2,
            mbs(t2)
        );
    }
    std::fs::remove_dir_all(&folder).ok();
    every_core
}

fn main() {
    let only_stages = std::env::args().any(|a| a == "stages");
    for (label, kb, runs) in [("4 KB", 4, 50), ("250 KB", 250, 10), ("10 MB", 10 << 10, 2)] {
        let text = mixed(kb << 10).join("\n");
        print_stages(label, &text, runs);
    }
    let texts = corpus();
    let all = texts.join("\n");
    if texts.len() > 1 {
        // Real articles, about a quarter as dense in figures as the mixed ones.
        print_stages("real articles 10 MB", &sized(&all, 10 << 20), 2);
    }
    if only_stages {
        return;
    }
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
    let dir = std::env::temp_dir().join(format!("zhibiao-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let ten = print_cli(&dir, 10);
    let hundred = print_cli(&dir, 100);
    println!(
        "cli scaling, one file on every core: 100 MB takes {:.2}× the time of 10 MB (linear is 10×)",
        hundred / ten
    );
    if texts.len() > 1 {
        let real = dir.join("real-10.txt");
        std::fs::write(&real, sized(&all, 10 << 20)).expect("write");
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        for jobs in [1, cores] {
            let t = cli(&real, jobs);
            println!(
                "cli, 10 MB of real articles (the corpus, repeated) to JSON ({jobs} thread{}): {t:.2} s ({:.1} MB/s)",
                if jobs == 1 { "" } else { "s" },
                (10 << 20) as f64 / t / 1e6
            );
        }
    }
    std::fs::remove_dir_all(&dir).ok();
}
