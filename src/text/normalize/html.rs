//! HTML reduced to text with its paragraphs.
//!
//! Contract: tags, comments, doctypes, scripts and styles go; block tags become a hard break
//! (`\n` then [`super::HARD`]), `<h1>`…`<h6>` mark their first text with [`super::HEADING`],
//! a table row becomes one pipe row (`|水泥|万吨|612.8`), inline tags vanish so the text runs
//! on (`工业<span>机器人</span>`). A `<` that starts no tag is text. Scans are bounded
//! ([`TAG_BOUND`]) or jump past what they found, so the pass is linear.

use super::{ch, put, Pair, HARD, HEADING};
use crate::text::script::wide;

/// How far a tag's `>` is looked for: a lone `<` in prose must not cost more than this.
const TAG_BOUND: usize = 4096;

/// Whether the text holds anything that looks like a tag or comment; plain text skips the
/// HTML pass, so a `<` in prose is never at risk there.
pub(super) fn has_markup(v: &[Pair]) -> bool {
    (0..v.len()).any(|i| {
        v[i].0 == '<' && {
            let n = ch(v, i + 1);
            n.is_ascii_alphabetic()
                || (n == '/' && ch(v, i + 2).is_ascii_alphabetic())
                || comment_at(v, i)
        }
    })
}

/// Whether a comment opens at `i` (a `<`): `<!--`, or `<！--` as a copy with full-width forms
/// writes it.
fn comment_at(v: &[Pair], i: usize) -> bool {
    matches!(ch(v, i + 1), '!' | '\u{FF01}') && ch(v, i + 2) == '-' && ch(v, i + 3) == '-'
}

/// Index of the `>` closing a tag whose body starts at `from`: none when a `<` or the bound
/// comes first, so that scans stay disjoint and short.
fn find_gt(v: &[Pair], from: usize) -> Option<usize> {
    let end = v.len().min(from.saturating_add(TAG_BOUND));
    (from..end)
        .find(|&k| matches!(v[k].0, '>' | '<'))
        .filter(|&k| v[k].0 == '>')
}

/// Index of the `>` closing a tag whose attributes start at `from`, as [`find_gt`] except that
/// a quoted attribute value may hold `<` and `>` (`alt="a>b"`, `srcdoc="<script>…"`).
fn find_tag_end(v: &[Pair], from: usize) -> Option<usize> {
    let end = v.len().min(from.saturating_add(TAG_BOUND));
    let mut k = from;
    while k < end {
        match v[k].0 {
            '>' => return Some(k),
            '<' => return None,
            q @ ('"' | '\'')
                if v[from..k].iter().rev().find(|p| p.0 != ' ').map(|p| p.0) == Some('=') =>
            {
                // An unclosed quote means this was no tag after all.
                k = (k + 1..end).find(|&j| v[j].0 == q)?;
            }
            _ => {}
        }
        k += 1;
    }
    None
}

/// Index of the next `-->` from `from`.
fn find_comment_end(v: &[Pair], from: usize) -> Option<usize> {
    (from..v.len().saturating_sub(2))
        .find(|&k| v[k].0 == '-' && v[k + 1].0 == '-' && v[k + 2].0 == '>')
}

/// Index of the next `</name` (any case) from `from`.
fn find_close(v: &[Pair], from: usize, name: &str) -> Option<usize> {
    let n = name.len();
    (from..v.len()).find(|&k| {
        v[k].0 == '<'
            && ch(v, k + 1) == '/'
            && v.len() >= k + 2 + n
            && v[k + 2..k + 2 + n]
                .iter()
                .zip(name.chars())
                .all(|(p, c)| p.0.to_ascii_lowercase() == c)
            && !ch(v, k + 2 + n).is_ascii_alphanumeric()
    })
}

/// What a tag does to the text.
#[derive(Clone, Copy, PartialEq)]
enum TagKind {
    /// Content dropped with the element: an index into [`RAW_TAGS`].
    Raw(usize),
    /// A line that is a heading.
    Heading,
    /// A line break.
    Block,
    /// Nothing: the text runs on (`工业<span>机器人</span>`).
    Inline,
}

const RAW_TAGS: [&str; 2] = ["script", "style"];

fn tag_kind(name: &[Pair]) -> TagKind {
    let mut buf = [0u8; 12];
    if name.len() > buf.len() {
        return TagKind::Inline;
    }
    for (b, p) in buf.iter_mut().zip(name) {
        // Names are ASCII (checked by the caller), so the cast keeps them.
        *b = p.0.to_ascii_lowercase() as u8;
    }
    match &buf[..name.len()] {
        b"script" => TagKind::Raw(0),
        b"style" => TagKind::Raw(1),
        b"h1" | b"h2" | b"h3" | b"h4" | b"h5" | b"h6" => TagKind::Heading,
        b"p" | b"div" | b"br" | b"li" | b"ul" | b"ol" | b"dl" | b"dt" | b"dd" | b"tr" | b"td"
        | b"th" | b"table" | b"thead" | b"tbody" | b"tfoot" | b"caption" | b"section"
        | b"article" | b"aside" | b"nav" | b"main" | b"header" | b"footer" | b"figure"
        | b"figcaption" | b"hr" | b"blockquote" | b"pre" | b"address" | b"center" | b"form"
        | b"fieldset" | b"details" | b"summary" | b"title" | b"html" | b"head" | b"body"
        | b"iframe" | b"video" | b"audio" | b"canvas" | b"noscript" | b"option" | b"select"
        | b"textarea" => TagKind::Block,
        _ => TagKind::Inline,
    }
}

/// A tag at `i` (a `<`): its name's range and the index of its `>`.
fn tag_at(v: &[Pair], i: usize) -> Option<(usize, usize, usize)> {
    let name_start = i + 1 + usize::from(ch(v, i + 1) == '/');
    if !ch(v, name_start).is_ascii_alphabetic() {
        return None;
    }
    let mut k = name_start;
    while k - name_start < 32
        && matches!(ch(v, k), 'a'..='z' | 'A'..='Z' | '0'..='9' | '-' | ':' | '_')
    {
        k += 1;
    }
    if !matches!(ch(v, k), '>' | '/' | ' ' | '\n') {
        return None;
    }
    Some((name_start, k, find_tag_end(v, k)?))
}

/// Strip tags, comments, scripts and styles; block tags become hard breaks, `<h1>`…`<h6>`
/// mark their first text as a heading. A `<` that starts no tag is text.
pub(super) fn html(v: &mut [Pair]) -> usize {
    let len = v.len();
    let (mut i, mut w) = (0, 0);
    // Inside `<hN>` with no text yet: the next text char gets a HEADING before it.
    let mut heading = false;
    // Once a search for `</script` (or `</style`) failed, later ones would fail too.
    let mut no_close = [false; 2];
    // Inside a table row: its cells stay on one line (see [`table_tag`]).
    let mut row = false;
    // Inside a `<p>`: a line break in its text is white space (see [`soft_break`]).
    let mut para = false;
    while i < len {
        let (c, o) = v[i];
        if c == '<' {
            let next = ch(v, i + 1);
            if comment_at(v, i) {
                // An unclosed comment runs to the end, as in a browser.
                i = find_comment_end(v, i + 4).map_or(len, |k| k + 3);
                continue;
            }
            // `</` and a space or line break opens no tag but a bogus comment, which runs to
            // the next `>` (a PDF copy's `</` + `font>`).
            let bogus = next == '/' && matches!(ch(v, i + 2), ' ' | '\n');
            if next == '?' || bogus || (next == '!' && ch(v, i + 2).is_ascii_alphabetic()) {
                if let Some(gt) = find_gt(v, i + 2) {
                    i = gt + 1;
                    continue;
                }
            }
            if let Some((name_start, name_end, gt)) = tag_at(v, i) {
                let closing = name_start == i + 2;
                let kind = tag_kind(&v[name_start..name_end]);
                if let Some(cell) = table_tag(&v[name_start..name_end], closing, &mut row) {
                    if let Some(c) = cell {
                        put(v, &mut w, i, (c, o));
                    }
                    i = gt + 1;
                    continue;
                }
                match kind {
                    TagKind::Raw(r) if !closing && v[gt - 1].0 != '/' && !no_close[r] => {
                        match find_close(v, gt + 1, RAW_TAGS[r]) {
                            Some(cl) => {
                                i = find_gt(v, cl + 2).map_or(cl + 2, |g| g + 1);
                                continue;
                            }
                            // Unclosed: only the tag goes, the text after it stays.
                            None => no_close[r] = true,
                        }
                    }
                    TagKind::Raw(_) | TagKind::Inline => {}
                    TagKind::Heading | TagKind::Block => {
                        para = !closing && is_name(&v[name_start..name_end], "p");
                        // The tag has at least three chars: room for two.
                        put(v, &mut w, i, ('\n', o));
                        put(v, &mut w, i + 1, (HARD, o));
                        if kind == TagKind::Heading {
                            heading = !closing;
                        }
                    }
                }
                i = gt + 1;
                continue;
            }
        }
        let c = if row && c == '\n' { ' ' } else { c };
        let c = match c {
            '\n' if para => match soft_break(v, w, i) {
                Some(c) => c,
                None => {
                    i += 1;
                    continue;
                }
            },
            _ => c,
        };
        if heading && !matches!(c, ' ' | '\n' | '\u{3000}' | '\u{A0}') {
            // `<hN>` wrote two pairs for four chars, so there is room for the mark.
            put(v, &mut w, i - 1, (HEADING, o));
            heading = false;
        }
        put(v, &mut w, i, (c, o));
        i += 1;
    }
    w
}

/// What a line break at `i` inside a `<p>` becomes, as a browser shows it: nothing between
/// Chinese text (`增速下滑至` + `0.1%`, `辽宁` + `GDP`), a space between Latin words, and a
/// break before a blank line (which ends the paragraph in plain text). `w` is where the
/// pass writes next.
fn soft_break(v: &[Pair], w: usize, i: usize) -> Option<char> {
    let blank = |c: char| matches!(c, ' ' | '\u{3000}' | '\u{A0}');
    let next = v[i + 1..]
        .iter()
        .map(|p| p.0)
        .find(|&c| !blank(c))
        .unwrap_or('\n');
    let prev = v[..w].iter().rev().map(|p| p.0).find(|&c| !blank(c));
    match prev {
        _ if next == '\n' => Some('\n'),
        Some(p) if !(wide(p) || wide(next)) => Some(' '),
        _ => None,
    }
}

/// Whether a tag's name is `name` (ASCII, any case).
fn is_name(tag: &[Pair], name: &str) -> bool {
    tag.len() == name.len()
        && tag
            .iter()
            .zip(name.chars())
            .all(|(p, c)| p.0.to_ascii_lowercase() == c)
}

/// Table markup keeps a row's cells on one line as a pipe row (`|饲料|万吨|100.45`), the
/// form the table reader reads for Markdown too: `<tr>` and `</tr>` break the line, each
/// `<td>`/`<th>` writes `|`, and inside a row other block tags and line breaks are spaces.
/// `None` for a tag this leaves to the general rules; else the char to write, if any.
fn table_tag(name: &[Pair], closing: bool, row: &mut bool) -> Option<Option<char>> {
    let is = |t: &str| is_name(name, t);
    if is("tr") {
        *row = !closing;
        return Some(Some('\n'));
    }
    if is("table") {
        *row = false;
        return None;
    }
    if !*row {
        return None;
    }
    if is("td") || is("th") {
        return Some((!closing).then_some('|'));
    }
    (tag_kind(name) != TagKind::Inline && !matches!(tag_kind(name), TagKind::Raw(_)))
        .then_some(Some(' '))
}

#[cfg(test)]
mod tests {
    use super::super::assert_cases;

    #[test]
    fn cases() {
        assert_cases(&[
        ("<p>第一段。</p><p>第二段。</p>", "第一段。\n第二段。"),
        (
            "工业<span class=\"x\"><a href=\"https://a.cn/b?c=1\">机器人</a></span>产量",
            "工业机器人产量",
        ),
        (
            "<style>.a&#123;color:red&#125;</style><p>正文</p><SCRIPT>var a = \"<p>\";</SCRIPT>结束",
            "正文\n结束",
        ),
        ("正文<!-- 广告 <p>x</p>", "正文"),
            // metamorphic: fullwidth (a comment's `!` full-width).
            ("<p>正文</p><\u{FF01}-- 最后100米 --><p>完</p>", "正文\n完"),
        ("机器<!-- x -->人", "机器人"),
        ("<p>a < b，增长<5%</p>", "a < b，增长<5%"),
        (
            "<p>增长<img alt=\"a>b\" src=x>5%</p><iframe srcdoc=\"<script>x()</script>\"></iframe>完",
            "增长5%\n完",
        ),
        ("增长<5%，a<b", "增长<5%，a<b"),
        ("第一行<br/>第二行<BR>第三行", "第一行\n第二行\n第三行"),
        ("<div>   \n<p class=\"t\">　　原标题：增长8% </p>\n</div>", "原标题：增长8%"),
        (
            "<h2>工业 运行</h2><p>全市规上工业增加值同比增长8.4%。</p>",
            "工业运行\n全市规上工业增加值同比增长8.4%。",
        ),
        ("<!DOCTYPE html><html><body>正文</body></html>", "正文"),
        ("<style>unclosed 正文", "unclosed 正文"),
            // Line breaks inside a paragraph are white space (a PDF copy of a page's source);
            // metamorphic: pdf.
            (
                "<p class=\"x\">　　而天津一季度增速下滑至\n0.1%，辽宁\nGDP增速2.7%。The\nfirst。</p>\n<p>二</p>",
                "而天津一季度增速下滑至0.1%，辽宁GDP增速2.7%。The first。\n二",
            ),
            ("<p>甲\n\n乙</p><div>丙\n丁</div>", "甲\n乙\n丙\n丁"),
            ("<p>“国家线”</\nfont></p>", "“国家线”"),
            ("a</b 正文，a</ b", "a</b 正文，a</ b"),
        // Paragraphs made by tags are never joined.
        (
            "<p>原标题：工业、投资、消费同比增长均超三成</p>\n<p>2021年1-2月，广东经济持续稳定恢复。</p>",
            "原标题：工业、投资、消费同比增长均超三成\n2021年1-2月，广东经济持续稳定恢复。",
        ),
        ]);
    }
}
