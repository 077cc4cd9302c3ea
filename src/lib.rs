//! Zhibiao (指标): indicator cards from Chinese economic news.
//!
//! The core is pure Rust with no browser types. It is a pipeline; each stage is a module that
//! hands its output forward, never back:
//!
//! 1. [`text`]: the pasted input (HTML, full-width forms, Traditional script, broken lines) into
//!    one normalised text with a map back to every input char, cut into lines, sentences and
//!    clauses; page furniture is marked so it never becomes a card.
//! 2. [`quantity`]: every quantity in that text (number, scale, unit, bound), and how numbers are
//!    written back out.
//! 3. [`read`]: clause by clause, what each quantity means (kind, metric, basis, reference,
//!    period, subject, target), as facts tied to their words.
//! 4. [`cards`]: facts into cards, duplicates dropped.
//! 5. [`model`] holds the cards, [`render`] prints them (JSON, CSV, Markdown, text).
//!
//! Every word list the rules read is data in `src/vocab/*.txt`, read through [`vocab::Words`];
//! the few regex patterns (dates, addresses, markup) are compiled into DFAs by `build.rs` and
//! searched through [`pattern::Pattern`].
//! The CLI (native) and the Yew app (wasm32) are thin shells over the core, each behind its
//! platform's gate.
//!
//! ```
//! let article = zhibiao::analyze("example", "全市地区生产总值752.1亿元，同比增长6.7%。");
//! let growth = article.cards.iter().flat_map(|c| &c.facts).find(|f| f.value == 6.7).unwrap();
//! assert_eq!(growth.basis.as_deref(), Some("同比"));
//! ```

mod cards;
pub mod check;
pub mod compare;
mod key;
pub mod model;
mod pattern;
mod quantity;
mod read;
pub mod render;
pub mod text;
mod vocab;

// The modules' paths before the stages had folders, for code written against them.
pub use text::{normalize, segment};

#[cfg(not(target_arch = "wasm32"))]
mod analyze;
// Natively only its browser-free parts build, for their unit tests.
#[cfg(any(all(target_arch = "wasm32", feature = "app"), test))]
pub mod app;
#[cfg(not(target_arch = "wasm32"))]
pub mod cli;
#[cfg(not(target_arch = "wasm32"))]
pub mod parallel;

/// An example article written for the project (a city's quarterly statistics release), for the
/// app's "sample" button, the CLI's `--sample` and the benchmark.
pub const SAMPLE: &str = include_str!("sample.txt");
#[cfg(not(target_arch = "wasm32"))]
pub use analyze::{analyze_in_parts, analyze_on};
pub use model::{Article, Bound, Card, Excluded, Fact, Kind, Report};

/// The reader's choices for one analysis.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    /// Starts (input code points, as in [`model::Excluded::span`]) of parts left out as page
    /// furniture that the reader wants read after all.
    pub include: Vec<usize>,
}

/// Plain text with its paragraphs from pasted HTML (the clipboard's `text/html`), for the
/// app's input box.
pub fn html_to_text(html: &str) -> String {
    text::normalize::normalize(html).text
}

/// Analyse one article. `source` labels it in the report; `input` is the raw text or HTML.
pub fn analyze(source: &str, input: &str) -> Article {
    analyze_with_progress(source, input, &mut |_| {})
}

/// Share of the work done when normalising and scanning end, measured on the corpus: the
/// rules over the lines take the rest.
const NORMALIZED: f32 = 0.25;
const SCANNED: f32 = 0.4;

/// [`analyze`], telling `progress` how far it has got (0.0 to 1.0, about a hundred calls at
/// most), so a long text analysed in the background can show a progress bar. The stages run
/// in order, each on what the one before handed it.
pub fn analyze_with_progress(source: &str, input: &str, progress: &mut dyn FnMut(f32)) -> Article {
    analyze_with(source, input, &Options::default(), progress)
}

/// [`analyze_with_progress`] with the reader's [`Options`].
pub fn analyze_with(
    source: &str,
    input: &str,
    options: &Options,
    progress: &mut dyn FnMut(f32),
) -> Article {
    analyze_staged(source, input, options, progress, &mut |_| {})
}

/// The pipeline's stages in the order they run, as [`analyze_staged`] reports each one ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// HTML, full-width forms, Traditional script, broken lines into one text with its map.
    Normalize,
    /// Lines, sentences and page furniture.
    Segment,
    /// Every quantity in the text.
    Scan,
    /// Tables and clauses read into facts.
    Read,
    /// Facts into cards, the left-out parts and every period placed.
    Cards,
}

/// [`analyze_with`], calling `ended` as each [`Stage`] ends, so a benchmark can time each
/// one with its own clock (natively `Instant`, in wasm `performance.now()`).
pub fn analyze_staged(
    source: &str,
    input: &str,
    options: &Options,
    progress: &mut dyn FnMut(f32),
    ended: &mut dyn FnMut(Stage),
) -> Article {
    staged(source, input, options, progress, ended, read::Split::NONE).0
}

/// [`analyze_staged`], its lines read as `how` says; also how many lines were read twice.
fn staged(
    source: &str,
    input: &str,
    options: &Options,
    progress: &mut dyn FnMut(f32),
    ended: &mut dyn FnMut(Stage),
    how: read::Split,
) -> (Article, usize) {
    progress(0.0);
    let norm = text::normalize::normalize(input);
    let chars: Vec<char> = norm.text.chars().collect();
    ended(Stage::Normalize);
    progress(NORMALIZED);
    let included = |c: usize| options.include.contains(&norm.input_span(c, c + 1)[0]);
    let lines = text::segment::lines_including(&chars, &norm.headings, &included);
    ended(Stage::Segment);
    let quantities = quantity::scan(&chars);
    ended(Stage::Scan);
    progress(SCANNED);
    let read = read::read(
        input,
        &norm,
        &chars,
        &lines,
        &quantities,
        how,
        &mut |done| progress(SCANNED + (1.0 - SCANNED) * done),
    );
    ended(Stage::Read);
    let input_end = norm.origin.last().map_or(0, |&e| e as usize);
    let mut article = Article {
        source: source.to_string(),
        title: read.title,
        date: read.date,
        cards: cards::into_cards(read.facts),
        excluded: text::segment::excluded(&lines, &|s, e| norm.input_span(s, e), input_end),
    };
    read::when::stamp(&mut article, &read.anchor);
    ended(Stage::Cards);
    progress(1.0);
    (article, read.reread)
}
