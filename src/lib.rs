//! Zhibiao (指标): indicator cards from Chinese economic news.
//!
//! The core is pure Rust with no browser types: [`normalize`] reads messy text into a clean
//! form with a map back to the input, [`extract`] finds the indicators, [`model`] holds the
//! cards and [`render`] prints them. The CLI (native) and the Yew app (wasm32) are thin shells
//! over it, each behind its platform's gate.

pub mod extract;
pub mod model;
pub mod normalize;
pub mod number;
pub mod plan;
pub mod quantity;
pub mod render;
pub mod segment;
pub mod vocab;

// Natively only its browser-free parts build, for their unit tests.
#[cfg(any(all(target_arch = "wasm32", feature = "app"), test))]
pub mod app;
#[cfg(not(target_arch = "wasm32"))]
pub mod cli;
#[cfg(not(target_arch = "wasm32"))]
pub mod parallel;

pub use extract::{analyze, analyze_with_progress};

/// An example article written for the project (a city's quarterly statistics release), for the
/// app's "sample" button, the CLI's `--sample` and the benchmark.
pub const SAMPLE: &str = include_str!("sample.txt");
pub use model::{Article, Bound, Card, Fact, Kind, Report};

/// Plain text with its paragraphs from pasted HTML (the clipboard's `text/html`), for the
/// app's input box.
pub fn html_to_text(html: &str) -> String {
    normalize::normalize(html).text
}
