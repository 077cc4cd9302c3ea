//! Markdown reduced to its text.
//!
//! Contract: `#` headings (marked [`super::HEADING`], closing `###` cut), links and images,
//! `**`/`__` emphasis, bullets, quotes and thematic breaks (each a hard break, [`super::HARD`]).
//! A `#话题#` or a `-5%` at a line's start is text. Link scans are bounded and stop at brackets
//! and line ends, so they never overlap.

use super::{ch, is_marker, line_end, put, Pair, HARD, HEADING};

/// How far a Markdown link's text and target are looked for.
const LINK_TEXT_BOUND: usize = 500;
const LINK_URL_BOUND: usize = 2048;

/// A Markdown link `[text](url)` whose `[` is at `i`: the index of its `]` and the index after
/// its `)`. Scans stop at any bracket or line end, so they never overlap. A copy with
/// full-width forms writes the parentheses `（）`: then the target must be a web address, as
/// `[注1]（见附表）` is text.
fn md_link(v: &[Pair], i: usize) -> Option<(usize, usize)> {
    let text_end = v.len().min(i + 1 + LINK_TEXT_BOUND);
    let close = (i + 1..text_end).find(|&k| matches!(v[k].0, ']' | '[' | '\n'))?;
    let shut = match (v[close].0, ch(v, close + 1)) {
        (']', '(') => ')',
        (']', '\u{FF08}') if is_web_address(v, close + 2) => '\u{FF09}',
        _ => return None,
    };
    let url_end = v.len().min(close + 2 + LINK_URL_BOUND);
    let end = (close + 2..url_end)
        .find(|&m| v[m].0 == shut || matches!(v[m].0, ')' | '[' | ']' | '(' | '\n'))?;
    (v[end].0 == shut).then_some((close, end + 1))
}

/// Whether a web address (`http…`) starts at `k`.
fn is_web_address(v: &[Pair], k: usize) -> bool {
    "http".chars().enumerate().all(|(n, c)| ch(v, k + n) == c)
}

/// What the block syntax at the start of a line does.
struct Block {
    /// Where inline reading goes on.
    next: usize,
    /// A mark to write: HEADING for `#`, HARD for bullets, quotes and rules.
    mark: Option<Pair>,
    /// Where a heading's closing `###` starts (it runs to the end of the line).
    cut: Option<usize>,
}

/// Read the block syntax at `i`, the first non-space char of a line.
fn md_block(v: &[Pair], i: usize) -> Block {
    let plain = Block {
        next: i,
        mark: None,
        cut: None,
    };
    let Some(&(c, o)) = v.get(i) else {
        return plain;
    };
    match c {
        '#' => {
            let mut j = i;
            while ch(v, j) == '#' {
                j += 1;
            }
            if j - i > 6 || !matches!(ch(v, j), ' ' | '\n' | '\0') {
                return plain;
            }
            while ch(v, j) == ' ' {
                j += 1;
            }
            let mut t = line_end(v, j);
            while t > j && v[t - 1].0 == ' ' {
                t -= 1;
            }
            let mut h = t;
            while h > j && v[h - 1].0 == '#' {
                h -= 1;
            }
            Block {
                next: j,
                mark: Some((HEADING, o)),
                cut: (h < t && (h == j || v[h - 1].0 == ' ')).then_some(h),
            }
        }
        '-' | '*' | '_' | '+' | '>' => {
            if matches!(c, '-' | '*' | '_') {
                // A thematic break: three or more of one of `-*_`, spaces between.
                let e = line_end(v, i);
                let line = &v[i..e];
                if line.iter().all(|p| p.0 == c || p.0 == ' ')
                    && line.iter().filter(|p| p.0 == c).count() >= 3
                {
                    return Block {
                        next: e,
                        mark: Some((HARD, o)),
                        cut: None,
                    };
                }
            }
            let next = ch(v, i + 1);
            let bullet = matches!(c, '-' | '*' | '+') && next == ' ';
            let quote = c == '>' && matches!(next, ' ' | '\n' | '\0');
            if !(bullet || quote) {
                return plain;
            }
            let mut j = i + 1;
            while ch(v, j) == ' ' {
                j += 1;
            }
            Block {
                next: j,
                mark: Some((HARD, o)),
                cut: None,
            }
        }
        _ => plain,
    }
}

/// Reduce Markdown to its text: headings, links, images, emphasis, bullets, quotes, rules.
pub(super) fn markdown(v: &mut [Pair]) -> usize {
    let len = v.len();
    let (mut i, mut w) = (0, 0);
    let mut line_start = true;
    // Inside a link's text: the index of its `]` and where reading resumes after its `)`.
    let mut link: Option<(usize, usize)> = None;
    // Where a heading's closing `###` starts.
    let mut cut: Option<usize> = None;
    // The line is a pipe row, and its last char other than a space so far: a row left open
    // (no closing `|`) was wrapped, and its next line goes on with it, never a block (the
    // `- |` of a wrapped `| :-- | --: |`).
    let (mut row, mut last) = (false, ' ');
    while i < len {
        if line_start {
            line_start = false;
            let wrapped = row && last != '|';
            while i < len && (v[i].0 == ' ' || is_marker(v[i].0)) {
                put(v, &mut w, i, v[i]);
                i += 1;
            }
            if wrapped {
                continue;
            }
            row = ch(v, i) == '|';
            let block = md_block(v, i);
            if let Some(mark) = block.mark {
                put(v, &mut w, i, mark);
            }
            i = block.next;
            cut = block.cut;
            continue;
        }
        if let Some((close, resume)) = link {
            if i == close {
                link = None;
                i = resume;
                continue;
            }
        }
        if cut == Some(i) {
            cut = None;
            i = line_end(v, i);
            continue;
        }
        let (c, o) = v[i];
        match c {
            '!' if ch(v, i + 1) == '[' => {
                if let Some((_, end)) = md_link(v, i + 1) {
                    i = end;
                    continue;
                }
            }
            '[' if link.is_none() => {
                if let Some(l) = md_link(v, i) {
                    link = Some(l);
                    i += 1;
                    continue;
                }
            }
            '*' | '_' if ch(v, i + 1) == c => {
                while ch(v, i) == c {
                    i += 1;
                }
                continue;
            }
            '\n' => {
                line_start = true;
                link = None;
                cut = None;
            }
            ' ' => {}
            _ => last = c,
        }
        put(v, &mut w, i, (c, o));
        i += 1;
    }
    w
}

#[cfg(test)]
mod tests {
    use super::super::assert_cases;

    #[test]
    fn cases() {
        assert_cases(&[
            (
                "## 工业运行质效实现新提升 ##\n\n全市增长8.4%。",
                "工业运行质效实现新提升\n全市增长8.4%。",
            ),
            ("详见[查看原文](https://news.cn/a.html)。", "详见查看原文。"),
            ("![图片](https://a.cn/b.png)正文", "正文"),
            (
                "**全市**规上工业增加值__同比__增长",
                "全市规上工业增加值同比增长",
            ),
            (
                "- 贷款额度：最高100万元\n* 贷款期限：最长5年\n+ 利率低",
                "贷款额度：最高100万元\n贷款期限：最长5年\n利率低",
            ),
            ("> 引用的话。\n正文。", "引用的话。\n正文。"),
            ("第一行。  \n第二行。", "第一行。\n第二行。"),
            ("#两会#经济", "#两会#经济"),
            ("-5%的降幅", "-5%的降幅"),
            ("正文。\n\n---\n\n***\n\n下文。", "正文。\n下文。"),
            ("[不是链接] (x)", "[不是链接] (x)"),
            // metamorphic: fullwidth (the parentheses full-width; the address is dropped).
            ("[报导]（https：//a.cn/%E4%B8）增长", "报导增长"),
            ("[注1]（见附表）", "[注1](见附表)"),
            // A pipe row wrapped by a PDF copy goes on; metamorphic: pdf.
            (
                "| :-- | --: | :-\n- |\n- 要点",
                "| ：-- | --： | ：-- |\n要点",
            ),
        ]);
    }
}
