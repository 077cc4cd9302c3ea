//! Page furniture of a text copied out of a PDF: the running header every page repeats (the
//! report's title) and page numbers (`— 3 —`, `第 3 页`, a bare `21`). They are never facts.
//!
//! Contract: [`mark`] sets `noise` on such lines and leaves every other line as it was. A
//! running header is a short line without clause punctuation that the text repeats at least
//! [`REPEATS`] times; one pass counts the lines, one marks them, so the work is linear.

use crate::text::segment::Line;
use crate::vocab::VOCAB;
use std::collections::HashMap;

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
    let mut seen: HashMap<&[char], usize> = HashMap::new();
    for l in lines.iter().filter(|l| short(l)) {
        *seen.entry(&chars[l.start..l.end]).or_default() += 1;
    }
    for l in lines.iter_mut() {
        let words = &chars[l.start..l.end];
        if page_number(words) || (short(l) && seen.get(words).is_some_and(|&n| n >= REPEATS)) {
            l.noise = true;
        }
    }
}

/// A page number line: `第 3 页`, `第3页 共20页`, `— 3 —`, `- 3 -`, `3`, `3 / 20`,
/// `===== PAGE 19 =====`.
pub fn page_number(words: &[char]) -> bool {
    // Checked first: most lines are longer, and the rest allocates.
    if words.len() > 24 {
        return false;
    }
    // The page words are `furniture.txt`'s (页, 共), the ordinal `marks.txt`'s (第).
    let (f, ordinal) = (&VOCAB.furniture, VOCAB.marks.ordinal);
    let text: String = words.iter().collect();
    let text = text.replace("PAGE", "").replace("Page", "");
    let rest: String = text
        .chars()
        .filter(|&c| {
            !(matches!(c, ' ' | '—' | '-' | '–' | '/' | '=')
                || c == ordinal
                || f.page.has(c)
                || f.page_total.has(c))
        })
        .collect();
    let digits = rest.chars().filter(char::is_ascii_digit).count();
    let paged = words.iter().any(|&c| f.page.has(c)) || words.first() != Some(&ordinal);
    paged && digits > 0 && digits == rest.chars().count() && digits <= 4
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_numbers() {
        for t in ["— 3 —", "第 3 页", "第3页 共20页", "- 12 -", "21", "3 / 20"] {
            let cs: Vec<char> = t.chars().collect();
            assert!(page_number(&cs), "{t}");
        }
        for t in ["第3", "2025年", "3.5%", "第三届", "12345678901234567"] {
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
