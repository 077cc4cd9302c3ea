//! Page furniture of a text copied out of a PDF: the running header every page repeats (the
//! report's title) and page numbers (`— 3 —`, `第 3 页`, a bare `21`). They are never facts.
//!
//! Contract: [`mark`] sets `noise` on such lines and leaves every other line as it was. A
//! running header is a short line without clause punctuation that the text repeats at least
//! [`REPEATS`] times; one pass counts the lines, one marks them, so the work is linear.

use crate::text::segment::Line;
use crate::vocab::VOCAB;
use std::collections::HashMap;
use std::hash::{Hash, Hasher};

/// How often a line must recur to be a running header.
pub const REPEATS: usize = 3;
/// Longest line taken for a running header.
pub const HEADER_LEN: usize = 40;

/// A line that may be a running header: short, no clause punctuation.
pub fn may_repeat(words: &[char]) -> bool {
    !words.is_empty()
        && words.len() <= HEADER_LEN
        && !words
            .iter()
            .any(|c| matches!(c, '，' | '。' | '；' | '：' | '！' | '？' | ',' | ';' | ':'))
}

/// Mark running headers and page numbers in `lines` of `chars` as noise.
pub fn mark(chars: &[char], lines: &mut [Line]) {
    let short = |l: &Line| may_repeat(&chars[l.start..l.end]);
    let mut seen: HashMap<LineKey, usize> = HashMap::new();
    for l in lines.iter().filter(|l| short(l)) {
        *seen.entry(LineKey(&chars[l.start..l.end])).or_default() += 1;
    }
    for l in lines.iter_mut() {
        let words = &chars[l.start..l.end];
        let repeated = || seen.get(&LineKey(words)).is_some_and(|&n| n >= REPEATS);
        if page_number(words) || (short(l) && repeated()) {
            l.noise = true;
        }
    }
}

/// A line's chars as a hash key, hashed as bytes a block at a time: a `[char]` feeds the
/// hasher one char at a time, which made counting the lines cost more than reading them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct LineKey<'a>(pub(crate) &'a [char]);

impl Hash for LineKey<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_usize(self.0.len());
        let mut block = [0u8; 64];
        for chars in self.0.chunks(block.len() / 4) {
            for (bytes, &c) in block.chunks_exact_mut(4).zip(chars) {
                bytes.copy_from_slice(&u32::from(c).to_le_bytes());
            }
            state.write(&block[..chars.len() * 4]);
        }
    }
}

/// A page number line: `第 3 页`, `第3页 共20页`, `— 3 —`, `- 3 -`, `3`, `3 / 20`,
/// `===== PAGE 19 =====`: one to four digits and nothing but page furniture around them.
pub fn page_number(words: &[char]) -> bool {
    // Checked first: most lines are longer.
    if words.len() > 24 {
        return false;
    }
    // The page words are `furniture.txt`'s (页, 共), the ordinal `marks.txt`'s (第).
    let (f, ordinal) = (&VOCAB.furniture, VOCAB.marks.ordinal);
    let furniture = |c: char| {
        matches!(c, ' ' | '—' | '-' | '–' | '/' | '=')
            || c == ordinal
            || f.page.has(c)
            || f.page_total.has(c)
    };
    let paged = words.iter().any(|&c| f.page.has(c)) || words.first() != Some(&ordinal);
    if !paged {
        return false;
    }
    // `PAGE` and `Page` are furniture too; only a line with a `P` pays for removing them.
    let digits = if words.contains(&'P') {
        let text: String = words.iter().collect();
        let text = text.replace("PAGE", "").replace("Page", "");
        only_digits(text.chars(), furniture)
    } else {
        only_digits(words.iter().copied(), furniture)
    };
    digits.is_some_and(|n| (1..=4).contains(&n))
}

/// How many ASCII digits `chars` hold when all else is `furniture`; `None` when anything else
/// is there.
fn only_digits(
    chars: impl Iterator<Item = char>,
    furniture: impl Fn(char) -> bool,
) -> Option<usize> {
    let mut digits = 0;
    for c in chars.filter(|&c| !furniture(c)) {
        if !c.is_ascii_digit() {
            return None;
        }
        digits += 1;
    }
    Some(digits)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_numbers() {
        for t in [
            "— 3 —",
            "第 3 页",
            "第3页 共20页",
            "- 12 -",
            "21",
            "3 / 20",
            "===== PAGE 19 =====",
            "Page 3",
            "PPAGEage 7",
            "第 3 页 共 20 页",
        ] {
            let cs: Vec<char> = t.chars().collect();
            assert!(page_number(&cs), "{t}");
        }
        for t in [
            "第3",
            "2025年",
            "3.5%",
            "第三届",
            "12345678901234567",
            "PAGE",
            "Pages 3",
            "12345",
            "P 3",
        ] {
            let cs: Vec<char> = t.chars().collect();
            assert!(!page_number(&cs), "{t}");
        }
    }

    #[test]
    fn a_header_repeated_on_every_page_is_noise() {
        let text = "某公司2025年年度报告\n营业收入增长5%。\n某公司2025年年度报告\n利润增长3%。\n某公司2025年年度报告\n— 3 —";
        let chars: Vec<char> = text.chars().collect();
        let lines = crate::text::segment::lines(&chars, &[]);
        let noise: Vec<bool> = lines.iter().map(|l| l.noise).collect();
        assert_eq!(noise, [true, false, true, false, true, true]);
    }
}
