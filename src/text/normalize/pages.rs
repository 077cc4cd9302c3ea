//! Page furniture of a PDF copy, dropped before lines are joined.
//!
//! Contract: the lines a copy repeats on every page (its running header, [`page::REPEATS`]
//! times or more, but the first, which is the title) and its page numbers go, with their line
//! breaks, so a sentence broken over a page joins up again in [`super::lines`]. A text without
//! either is left as it was.

use super::{is_marker, line_end, put, Pair};
use crate::text::page::{self, LineKey};
use std::collections::HashMap;

/// Drop the lines a PDF copy repeats on every page (its running header) and its page numbers
/// (see [`page`]), with their line breaks and the blank lines around them, so that a
/// sentence or a table row broken over a page joins up again in the line pass. Two passes
/// over the lines: one counts the short ones, one writes the rest.
pub(super) fn pages(v: &mut [Pair]) -> usize {
    let len = v.len();
    let mut ranges = Vec::new();
    let mut i = 0;
    while i < len {
        let e = line_end(v, i);
        ranges.push((i, e));
        i = e + 1;
    }
    // Each short line's words (spaces and markers left out), one after another in one
    // buffer; a long line has none.
    let mut words = Vec::new();
    let spans: Vec<(usize, usize)> = ranges
        .iter()
        .map(|&(s, e)| {
            let from = words.len();
            if e - s <= 2 * page::HEADER_LEN {
                let kept = v[s..e].iter().map(|p| p.0);
                words.extend(kept.filter(|&c| c != ' ' && !is_marker(c)));
            }
            (from, words.len())
        })
        .collect();
    let texts: Vec<&[char]> = spans.iter().map(|&(a, b)| &words[a..b]).collect();
    let numbered: Vec<bool> = texts
        .iter()
        .map(|t| !t.is_empty() && page::page_number(t))
        .collect();
    let beside = beside_numbers(v, &ranges, &numbered);
    // How often each short line comes, and how often beside a page number.
    let mut counts: HashMap<LineKey, (usize, usize)> = HashMap::new();
    for (j, t) in texts.iter().enumerate() {
        if repeatable(t) {
            let c = counts.entry(LineKey(t)).or_default();
            c.0 += 1;
            c.1 += usize::from(beside[j]);
        }
    }
    if !numbered.iter().any(|&n| n) && counts.values().all(|&(n, _)| n < page::REPEATS) {
        return len;
    }
    let header = |t: &[char]| {
        counts.get(&LineKey(t)).is_some_and(|&(n, by_number)| {
            n >= page::REPEATS || (n >= BESIDE_REPEATS && by_number == n)
        })
    };
    let mut w = 0;
    // The header atop the first page is the text's title: it stays (and stays the first
    // line, which never runs on into the next).
    let mut top = true;
    // Where the blank lines written last start, and whether furniture came after the last
    // line written.
    let mut blanks = 0;
    let mut after_furniture = false;
    for (j, &(s, e)) in ranges.iter().enumerate() {
        let t = &texts[j];
        let furniture = !t.is_empty() && (numbered[j] || (header(t) && !top));
        let blank = v[s..e].iter().all(|p| p.0 == ' ');
        top &= t.is_empty();
        if furniture {
            w = blanks;
            after_furniture = true;
            continue;
        }
        if blank && after_furniture {
            continue;
        }
        if !blank {
            blanks = w + (e + 1).min(len) - s;
        }
        after_furniture = false;
        let end = (e + 1).min(len);
        for k in s..end {
            put(v, &mut w, k, v[k]);
        }
    }
    w
}

/// A line a PDF copy's running header may be: short, no clause punctuation, no markup
/// (`<tr>`, `<td>万吨</td>` repeat and are no header), some words (a `---` fence is none).
fn repeatable(t: &[char]) -> bool {
    page::may_repeat(t)
        && !t.iter().any(|&c| matches!(c, '<' | '>' | '|'))
        && t.iter().any(|c| c.is_alphanumeric())
}

/// A line that comes this often, each time beside a page number, is a running header too
/// (a short copy has few pages).
const BESIDE_REPEATS: usize = 2;

/// For each line of `ranges`, whether the line before or after it (blank lines aside) is a
/// page number: where a page's header and footer stand.
fn beside_numbers(v: &[Pair], ranges: &[(usize, usize)], numbered: &[bool]) -> Vec<bool> {
    let blank: Vec<bool> = ranges
        .iter()
        .map(|&(s, e)| v[s..e].iter().all(|p| p.0 == ' ' || is_marker(p.0)))
        .collect();
    let mut beside = vec![false; ranges.len()];
    // The last line that was not blank, forward then backward.
    let mut last: Option<usize> = None;
    for j in 0..ranges.len() {
        if blank[j] {
            continue;
        }
        if let Some(k) = last {
            beside[j] |= numbered[k];
            beside[k] |= numbered[j];
        }
        last = Some(j);
    }
    beside
}

#[cfg(test)]
mod tests {
    use super::super::assert_cases;

    #[test]
    fn cases() {
        assert_cases(&[
            // A page number between two halves of a sentence goes, and the halves join.
            (
                "导语。\n全市规模以上工业增加值比上年增长，其中高技术制造业增加值增长\n— 2 —\n8.4%。",
                "导语。\n全市规模以上工业增加值比上年增长，其中高技术制造业增加值增长8.4%。",
            ),
            (
                "导语。\n营业收入增长，利润总额增长\n第 3 页\n5%。",
                "导语。\n营业收入增长，利润总额增长5%。",
            ),
            // A running header: the first stays as the title, the repeats go.
            (
                "某市统计年报\n工业增加值增长8.4%，投资增\n某市统计年报\n长5%。\n某市统计年报\n完。",
                "某市统计年报\n工业增加值增长8.4%，投资增长5%。\n完。",
            ),
            // Twice, each time beside a page number, is a running header (a short copy has
            // few pages); metamorphic: pdf (cn-hknews-gdp).
            (
                "导语。\n营业收入增长，利润总额增长\n\n— 2 —\n某市统计资料\n5%，投资增\n— 3 —\n某市统计资料\n长3%。",
                "导语。\n营业收入增长，利润总额增长5%，投资增长3%。",
            ),
            // Twice is no running header.
            ("标题\n重要的话\n正文。\n重要的话\n2025年", "标题\n重要的话\n正文。\n重要的话\n2025年"),
            // Repeated table markup is no header.
            (
                "<tr><td>万吨</td></tr>\n<tr><td>万吨</td></tr>\n<tr><td>万吨</td></tr>",
                "|万吨\n|万吨\n|万吨",
            ),
        ]);
    }
}
