//! YAML front matter (an archive's `---` block with `title:`, `date:` …) at the start.
//!
//! Contract: a front-matter block at the start (after blank lines and up to four `key: value`
//! header lines) is dropped; its `title:` value stays as the first line, marked a heading.
//! Anything else is left as it was.

use super::{line_end, put, Pair, HARD, HEADING};

/// A line that is exactly three `c` (trailing spaces allowed): a YAML fence.
fn is_fence(line: &[Pair], c: char) -> bool {
    let mut end = line.len();
    while end > 0 && line[end - 1].0 == ' ' {
        end -= 1;
    }
    end == 3 && line[..3].iter().all(|p| p.0 == c)
}

/// A YAML key's colon: ASCII, or full-width as a copy with full-width forms has it.
fn is_colon(c: char) -> bool {
    matches!(c, ':' | '\u{FF1A}')
}

/// The value of a `title:` line at `j` without quotes: where it starts, where it ends and the
/// `\n` after it. A quoted value a copy wrapped (`title: "…` + `…"`) runs on over the lines
/// up to its closing quote, as YAML reads it.
fn title_at(v: &[Pair], j: usize) -> Option<(usize, usize, usize)> {
    let e = line_end(v, j);
    let (s, t) = title_value(v, j, e)?;
    let quote = v[s].0;
    let open = matches!(quote, '"' | '\'') && (t - s < 2 || v[t - 1].0 != quote);
    if !open {
        return Some((s, t, e));
    }
    // The lines up to the one that ends with the closing quote (a few at most).
    let mut end = e;
    for _ in 0..MAX_TITLE_LINES {
        if end >= v.len() {
            break;
        }
        let next = line_end(v, end + 1);
        if is_fence(&v[end + 1..next], '-') || is_fence(&v[end + 1..next], '.') {
            break;
        }
        let last = v[end + 1..next].iter().rposition(|p| p.0 != ' ');
        if let Some(k) = last.filter(|&k| v[end + 1 + k].0 == quote) {
            return Some((s + 1, end + 1 + k, next));
        }
        end = next;
    }
    Some((s, t, e))
}

/// The most lines a wrapped title is looked for over.
const MAX_TITLE_LINES: usize = 4;

/// The value of a `title:` line `j..e` without quotes, as a range.
fn title_value(v: &[Pair], j: usize, e: usize) -> Option<(usize, usize)> {
    let line = &v[j..e];
    if line.len() <= 6 || !line[..5].iter().map(|p| p.0).eq("title".chars()) || !is_colon(line[5].0)
    {
        return None;
    }
    let (mut s, mut t) = (j + 6, e);
    while s < t && v[s].0 == ' ' {
        s += 1;
    }
    while t > s && v[t - 1].0 == ' ' {
        t -= 1;
    }
    if t - s >= 2 && matches!(v[s].0, '"' | '\'') && v[t - 1].0 == v[s].0 {
        s += 1;
        t -= 1;
    }
    (t > s).then_some((s, t))
}

/// `source: repo/path`: an ASCII key, a colon and a space.
fn is_header_line(line: &[Pair]) -> bool {
    let key = line
        .iter()
        .take_while(|p| p.0.is_ascii_alphanumeric() || matches!(p.0, '_' | '-'))
        .count();
    key > 0
        && line.get(key).is_some_and(|p| is_colon(p.0))
        && line.get(key + 1).map(|p| p.0) == Some(' ')
}

/// Drop a YAML front-matter block at the start (after blank lines), keeping its `title:` as a
/// heading line.
pub(super) fn front_matter(v: &mut [Pair]) -> usize {
    let len = v.len();
    let mut i = 0;
    // Blank lines, and a few `key: value` header lines (an archive's `source: …`), may come
    // before the opening fence.
    let mut headers = 0;
    let open_end = loop {
        let e = line_end(v, i);
        let blank = v[i..e].iter().all(|p| p.0 == ' ');
        if e < len && (blank || (headers < 4 && is_header_line(&v[i..e]))) {
            headers += usize::from(!blank);
            i = e + 1;
            continue;
        }
        break e;
    };
    if open_end >= len || !is_fence(&v[i..open_end], '-') {
        return len;
    }
    // Start and end of the title's value, and its line's `\n`.
    let mut title: Option<(usize, usize, usize)> = None;
    let mut j = open_end + 1;
    while j < len {
        let e = line_end(v, j);
        if is_fence(&v[j..e], '-') || is_fence(&v[j..e], '.') {
            // The title moves to the front over the opening fence; the text after the
            // closing fence follows it.
            let mut w = 0;
            if let Some((s, t, nl)) = title {
                put(v, &mut w, s - 1, (HEADING, v[s].1));
                // A wrapped title's lines join without their breaks and indents.
                let mut line_start = false;
                for k in s..t {
                    line_start = v[k].0 == '\n' || (line_start && v[k].0 == ' ');
                    if !line_start {
                        put(v, &mut w, k, v[k]);
                    }
                }
                let brk = v[nl].1;
                put(v, &mut w, nl - 1, ('\n', brk));
                put(v, &mut w, nl, (HARD, brk));
            }
            let rest = (e + 1).min(len);
            v.copy_within(rest.., w);
            return w + (len - rest);
        }
        if title.is_none() && e < len {
            title = title_at(v, j);
            if let Some((_, _, nl)) = title {
                j = nl + 1;
                continue;
            }
        }
        j = e + 1;
    }
    len
}

#[cfg(test)]
mod tests {
    use super::super::assert_cases;

    #[test]
    fn cases() {
        assert_cases(&[
            (
                "---\ntitle: '1-2月广东经济数据出炉'\nauthor: 新浪财经\n---\n\n正文。",
                "1-2月广东经济数据出炉\n正文。",
            ),
            (
                "\n\n---\ntitle: \"标题\"\ndate: 2020\n---\n正文。",
                "标题\n正文。",
            ),
            (
                "source: a/b.md\n\n---\ntitle: 标题\n---\n正文。",
                "标题\n正文。",
            ),
            ("source: a/b.md\n\n正文。", "source: a/b.md\n正文。"),
            ("---\ntitle: 標題 甲\n...\n正文。", "标题甲\n正文。"),
            ("---\nauthor: x\n---\n正文。", "正文。"),
            // Full-width colons (a copy with full-width forms): metamorphic: fullwidth.
            (
                "source： a/b.md\n\n---\ntitle： '经济数据出炉'\ndate： Wed， ２７ Apr\n---\n正文。",
                "经济数据出炉\n正文。",
            ),
            ("---\ntitle: x\n正文", "title: x\n正文"),
            // A quoted title a copy wrapped runs on to its closing quote; metamorphic: pdf
            // (js-news, cn-hknews-gdp).
            (
                "---\ntitle: '江苏外贸同增17.1%，民企拉动进出口增长9.6个百\n分点'\ndate: 2021\n---\n正文。",
                "江苏外贸同增17.1%，民企拉动进出口增长9.6个百分点\n正文。",
            ),
            ("---\ntitle: \"标题\n---\n正文", "\"标题\n正文"),
            ("---\ntitle: \"标题\n---\n他说“好”\"", "\"标题\n他说“好”\""),
            ("正文。\n---\ntitle: x\n---\n", "正文。\ntitle: x"),
        ]);
    }
}
