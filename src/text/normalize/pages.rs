//! Page furniture of a PDF copy, dropped before lines are joined.
//!
//! Contract: the lines a copy repeats on every page (its running header, [`page::REPEATS`]
//! times or more, but the first, which is the title) and its page numbers go, with their line
//! breaks, so a sentence broken over a page joins up again in [`super::lines`]. A text without
//! either is left as it was.

use super::{is_marker, line_end, put, Pair};
use crate::text::page;

/// Drop the lines a PDF copy repeats on every page (its running header) and its page numbers
/// (see [`page`]), with their line breaks and the blank lines around them, so that a
/// sentence or a table row broken over a page joins up again in the line pass. Two passes
/// over the lines: one counts the short ones, one writes the rest.
pub(super) fn pages(v: &mut [Pair]) -> usize {
    let len = v.len();
    let content = |v: &[Pair], s: usize, e: usize| -> Vec<char> {
        v[s..e]
            .iter()
            .map(|p| p.0)
            .filter(|&c| c != ' ' && !is_marker(c))
            .collect()
    };
    let mut ranges = Vec::new();
    let mut i = 0;
    while i < len {
        let e = line_end(v, i);
        ranges.push((i, e));
        i = e + 1;
    }
    let mut counts: std::collections::HashMap<Vec<char>, usize> = Default::default();
    for &(s, e) in &ranges {
        if e - s <= 2 * page::HEADER_LEN {
            let t = content(v, s, e);
            // Markup repeats (`<tr>`, `<td>万吨</td>`) and is no header.
            if page::may_repeat(&t) && !t.iter().any(|&c| matches!(c, '<' | '>' | '|')) {
                *counts.entry(t).or_default() += 1;
            }
        }
    }
    if counts.values().all(|&n| n < page::REPEATS)
        && !ranges
            .iter()
            .any(|&(s, e)| e - s <= 2 * page::HEADER_LEN && page::page_number(&content(v, s, e)))
    {
        return len;
    }
    let mut w = 0;
    // The header atop the first page is the text's title: it stays (and stays the first
    // line, which never runs on into the next).
    let mut top = true;
    // Where the blank lines written last start, and whether furniture came after the last
    // line written.
    let mut blanks = 0;
    let mut after_furniture = false;
    for (s, e) in ranges {
        let t = if e - s <= 2 * page::HEADER_LEN {
            content(v, s, e)
        } else {
            Vec::new()
        };
        let header = counts.get(&t).is_some_and(|&n| n >= page::REPEATS);
        let furniture = !t.is_empty() && (page::page_number(&t) || (header && !top));
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
