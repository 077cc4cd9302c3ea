//! A run over many articles: each one read, decoded and analysed on `--jobs` threads, the
//! output in input order (`jsonl` streamed line by line as each article's turn comes, the
//! other formats as one report at the end), every refused file named on stderr as its turn
//! comes, a progress bar on stderr only when it is a terminal, and a closing summary for a
//! batch. A file that gives no article never stops the run; it makes the exit code 1.

use super::input::{self, Input, Reason, Refusal};
use super::Format;
use crate::model::{Article, Report};
use crate::{analyze_on, parallel, render};
use std::collections::BTreeMap;
use std::ffi::OsString;
use std::io::{IsTerminal, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

/// How often the progress bar is redrawn at most.
const REDRAW: Duration = Duration::from_millis(100);

/// What one article gave.
struct Done {
    bytes: usize,
    facts: usize,
    /// Said on stderr without refusing the file (decoded from GB18030).
    note: Option<String>,
    out: Output,
}

enum Output {
    /// Kept for a format printed as one report at the end.
    Article(Article),
    /// Rendered by the worker, printed as soon as its turn comes.
    Line(String),
}

/// Read, decode and analyse one input (on a worker thread), its text itself on `threads`
/// threads when it is long (see [`analyze_on`]).
fn process(item: &Input, format: Format, threads: usize) -> Result<Done, Reason> {
    let read = input::read_text(item)?;
    let article = analyze_on(&item.label(), &read.text, threads);
    let facts = article.fact_count();
    let out = match format {
        Format::Jsonl => Output::Line(super::jsonl_line(&article).map_err(Reason::Engine)?),
        _ => Output::Article(article),
    };
    Ok(Done {
        bytes: read.bytes,
        facts,
        note: read.note,
        out,
    })
}

/// Counts for the closing summary.
#[derive(Debug, Default, PartialEq)]
struct Tally {
    articles: usize,
    facts: usize,
    bytes: usize,
    decoded: usize,
    refused: BTreeMap<&'static str, usize>,
}

impl Tally {
    fn refused(&self) -> usize {
        self.refused.values().sum()
    }

    /// One line: `26 articles, 1484 facts, 0.5 MB in 0.1 s (5.2 MB/s); 2 files refused (1 no
    /// such file, 1 not text)`.
    fn summary(&self, elapsed: Duration) -> String {
        let mb = self.bytes as f64 / 1e6;
        let secs = elapsed.as_secs_f64();
        let mut line = format!(
            "{}, {}, {mb:.1} MB in {secs:.1} s ({:.1} MB/s)",
            count(self.articles, "article"),
            count(self.facts, "fact"),
            mb / secs.max(1e-3)
        );
        if self.decoded > 0 {
            line += &format!("; {} decoded from a legacy encoding", self.decoded);
        }
        if self.refused() > 0 {
            let why: Vec<String> = self
                .refused
                .iter()
                .map(|(kind, n)| format!("{n} {kind}"))
                .collect();
            let files = count(self.refused(), "file");
            line += &format!("; {files} refused ({})", why.join(", "));
        }
        line
    }
}

/// `1 article`, `2 articles`.
fn count(n: usize, noun: &str) -> String {
    format!("{n} {noun}{}", if n == 1 { "" } else { "s" })
}

/// The bar on stderr, drawn only when stderr is a terminal.
struct Progress {
    shown: bool,
    total: usize,
    start: Instant,
    drawn: Option<Instant>,
}

impl Progress {
    fn new(total: usize) -> Progress {
        Progress {
            shown: total > 1 && std::io::stderr().is_terminal(),
            total,
            start: Instant::now(),
            drawn: None,
        }
    }

    fn tick(&mut self, done: usize, bytes: usize) {
        let now = Instant::now();
        if !self.shown || self.drawn.is_some_and(|t| now - t < REDRAW) {
            return;
        }
        self.drawn = Some(now);
        let rate = bytes as f64 / 1e6 / (now - self.start).as_secs_f64().max(1e-3);
        eprint!("\r{}\x1b[K", bar(done, self.total, rate));
    }

    /// A line on stderr, above the bar.
    fn say(&mut self, line: &str) {
        self.clear();
        eprintln!("zhibiao: {line}");
    }

    fn clear(&mut self) {
        if self.shown && self.drawn.take().is_some() {
            eprint!("\r\x1b[K");
        }
    }
}

/// `[#######.............] 3400/10000  21.3 MB/s`
fn bar(done: usize, total: usize, mb_per_s: f64) -> String {
    const WIDTH: usize = 30;
    let filled = (done * WIDTH)
        .checked_div(total)
        .unwrap_or(WIDTH)
        .min(WIDTH);
    format!(
        "[{}{}] {done}/{total}  {mb_per_s:.1} MB/s",
        "#".repeat(filled),
        ".".repeat(WIDTH - filled)
    )
}

/// Where the outcomes go, in input order, on the calling thread.
struct Sink<'a, W: Write> {
    out: W,
    format: Format,
    progress: Progress,
    tally: Tally,
    report: Report,
    /// Set when stdout is closed (zhibiao … | head): the rest of the work is skipped.
    closed: &'a AtomicBool,
}

impl<W: Write> Sink<'_, W> {
    fn take(&mut self, item: &Input, outcome: parallel::Outcome<Option<Result<Done, Reason>>>) {
        let done = match outcome {
            Ok(Some(Ok(done))) => done,
            Ok(Some(Err(reason))) => return self.refuse(item, reason),
            Err(panic) => return self.refuse(item, Reason::Engine(panic)),
            Ok(None) => return,
        };
        if let Some(note) = &done.note {
            self.progress.say(&format!("{}: {note}", item.label()));
            self.tally.decoded += 1;
        }
        self.tally.articles += 1;
        self.tally.facts += done.facts;
        self.tally.bytes += done.bytes;
        match done.out {
            Output::Article(article) => self.report.articles.push(article),
            Output::Line(line) => {
                if self.out.write_all(line.as_bytes()).is_err() {
                    self.closed.store(true, Ordering::Relaxed);
                }
            }
        }
    }

    fn refuse(&mut self, item: &Input, reason: Reason) {
        let refusal = Refusal {
            label: item.label(),
            reason,
        };
        let line = format!("{}: {}", refusal.label, refusal.reason.message());
        self.progress.say(&line);
        *self.tally.refused.entry(refusal.reason.kind()).or_default() += 1;
    }

    /// The report of a format printed whole, after the last article; false when it cannot
    /// be written (said on stderr).
    fn finish(&mut self) -> bool {
        self.progress.clear();
        let mut written = true;
        if self.format == Format::Json {
            // Streamed: a report of 100 MB of text is a gigabyte of JSON. A failed write is
            // ignored, as below (stdout closed); only a value JSON cannot hold is an error.
            if let Err(e) = render::json_to(&mut self.out, &self.report) {
                if !e.is_io() {
                    eprintln!("zhibiao: cannot write JSON: {e}");
                    written = false;
                }
            }
        } else if self.format != Format::Jsonl {
            match self.format.render(&self.report) {
                Ok(out) => {
                    let _ = self.out.write_all(out.as_bytes());
                }
                Err(e) => {
                    eprintln!("zhibiao: {e}");
                    written = false;
                }
            }
        }
        let _ = self.out.flush();
        written
    }
}

/// Analyse every input on `jobs` threads and print the output; returns the exit code.
pub fn run(args: &[OsString], format: Format, jobs: usize) -> i32 {
    let start = Instant::now();
    let inputs = input::expand(args);
    let closed = AtomicBool::new(false);
    let mut sink = Sink {
        out: std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock()),
        format,
        progress: Progress::new(inputs.len()),
        tally: Tally::default(),
        report: Report::default(),
        closed: &closed,
    };
    // Fewer inputs than threads: each long one is read on its share of the rest.
    let within = (jobs / inputs.len().max(1)).max(1);
    parallel::ordered(
        &inputs,
        jobs,
        |item| (!closed.load(Ordering::Relaxed)).then(|| process(item, format, within)),
        |i, outcome| {
            sink.take(&inputs[i], outcome);
            sink.progress.tick(i + 1, sink.tally.bytes);
        },
    );
    let written = sink.finish();
    if input::is_batch(args, &inputs) {
        eprintln!("zhibiao: {}", sink.tally.summary(start.elapsed()));
    }
    i32::from(!written || sink.tally.refused() > 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summary_counts_articles_rate_and_refusals() {
        let mut tally = Tally {
            articles: 26,
            facts: 1484,
            bytes: 2_000_000,
            decoded: 1,
            ..Tally::default()
        };
        assert_eq!(
            tally.summary(Duration::from_millis(500)),
            "26 articles, 1484 facts, 2.0 MB in 0.5 s (4.0 MB/s); 1 decoded from a legacy encoding"
        );
        tally.refused.insert("no such file", 2);
        tally.articles = 1;
        tally.refused.insert("not text", 1);
        let line = tally.summary(Duration::from_secs(1));
        assert!(line.starts_with("1 article, 1484 facts, "), "{line}");
        assert!(
            line.ends_with("; 3 files refused (2 no such file, 1 not text)"),
            "{line}"
        );
        // No time at all is no division by zero.
        assert!(Tally::default()
            .summary(Duration::ZERO)
            .contains("(0.0 MB/s)"));
    }

    #[test]
    fn bar_fills_in_proportion() {
        let cases = [
            (0, 10, "[..............................] 0/10  0.0 MB/s"),
            (5, 10, "[###############...............] 5/10  0.0 MB/s"),
            (10, 10, "[##############################] 10/10  0.0 MB/s"),
            (3, 0, "[##############################] 3/0  0.0 MB/s"),
        ];
        for (done, total, want) in cases {
            assert_eq!(bar(done, total, 0.0), want);
        }
    }
}
