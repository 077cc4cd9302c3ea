//! Lines, sentences and clauses of the normalised text, and which lines are page furniture
//! (counters, related-article lists, ads, comments, footers) rather than the article.

use crate::pattern::Matcher;
use crate::vocab::{Words, VOCAB};
use std::sync::LazyLock;

/// One line (paragraph) of the normalised text.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub start: usize,
    pub end: usize,
    /// Not the article: boilerplate of the page around it.
    pub noise: bool,
    /// A title or section heading rather than running prose.
    pub heading: bool,
    /// Why this line was found to be furniture (also when the reader included it back); none
    /// on the article's lines and on the lines after a marker that ended the article.
    pub left_out: Option<LeftOut>,
}

/// Why a line is page furniture: the marker or the kind of line found.
#[derive(Debug, Clone, PartialEq)]
pub struct LeftOut {
    /// The marker word (相关阅读, 责任编辑) or the kind of line (`date`, `counters`, `byline`,
    /// `address`, `markup`, `not-chinese`).
    pub reason: String,
    /// The marker ends the article: the lines after it are left out too.
    pub tail: bool,
    /// The reader chose to read it after all.
    pub included: bool,
}

// The patterns of furniture lines, compiled at build time (`build/patterns.rs` spells them).
/// A stamp like 2025年03月20日18:32:04 or 2021-03-24 11:05.
static DATETIME: LazyLock<Matcher> = LazyLock::new(|| Matcher::named("DATETIME"));
/// A page header with counters: 财经 1699, 体育正文 248 0.
static COUNTERS: LazyLock<Matcher> = LazyLock::new(|| Matcher::named("COUNTERS"));
/// Web addresses and e-mail.
static ADDRESS: LazyLock<Matcher> = LazyLock::new(|| Matcher::named("ADDRESS"));
/// Leftover CSS rules (`.appendQr_wrap{border:1px solid #E6E6E6;}`).
static CSS: LazyLock<Matcher> = LazyLock::new(|| Matcher::named("CSS"));

/// Is the line `text` page furniture? Why, and whether everything after it is too.
fn furniture(text: &str, at_top: bool) -> Option<LeftOut> {
    let short = text.chars().count() <= 40;
    // The markers of `boilerplate.txt`: anywhere in a short line, else at its start.
    let marked = |m: &Words| {
        if short {
            m.find_in(text)
        } else {
            m.prefix_of(text)
        }
    };
    let left_out = |reason: &str, tail: bool| {
        Some(LeftOut {
            reason: reason.to_string(),
            tail,
            included: false,
        })
    };
    if let Some(marker) = marked(&VOCAB.tail_markers) {
        return left_out(marker, !at_top);
    }
    if let Some(marker) = marked(&VOCAB.line_markers) {
        return left_out(marker, false);
    }
    let len = text.chars().count();
    let kind = if len <= 60 && DATETIME.is_match(text) {
        "date"
    } else if COUNTERS.is_match(text) {
        "counters"
    } else if len <= 25 && (byline(text) || names_press(text)) {
        "byline"
    } else if len <= 120 && ADDRESS.is_match(text) {
        "address"
    } else if len <= 120 && CSS.is_match(text) {
        "markup"
    } else if !text.chars().any(crate::text::script::han) && text.chars().any(char::is_alphabetic) {
        // No Han character at all but words: navigation, English furniture, code. A line of
        // numbers alone is a table's row (its label on the next line), not furniture.
        "not-chinese"
    } else {
        return None;
    };
    left_out(kind, false)
}

/// A byline: 记者 陶春燕, 陶春燕 聊城报道 (`furniture.txt`'s words at its start or its end).
fn byline(text: &str) -> bool {
    let cs: Vec<char> = text.chars().collect();
    let f = &VOCAB.furniture;
    f.byline_lead.at(&cs, 0).is_some() || f.byline_end.ending(&cs, cs.len()).is_some()
}

/// A short line naming a newspaper or news service with no number: a byline (齐鲁晚报·齐鲁壹点
/// 陶春燕), not a heading.
fn names_press(text: &str) -> bool {
    !text.chars().any(|c| c.is_ascii_digit()) && VOCAB.press.find_in(text).is_some()
}

/// A unit alone (万吨, 亿元, %): a table's or a chart's label, not a heading. Any chars of
/// `scales.txt`'s words before it (十, 百, 千, 万, 亿) are its scale.
fn bare_unit(text: &str) -> bool {
    let t = text
        .trim_matches(|c: char| c.is_whitespace() || "()（）".contains(c))
        .trim_start_matches(|c: char| VOCAB.scales.iter().any(|(w, _)| w.contains(c)));
    t == "%" || VOCAB.units.contains(&t) || VOCAB.money.contains(&t)
}

/// Longest line that markup (`#`, `<h1>`) can make a heading. A heading names the section of
/// every card under it, so a whole pasted page behind one `#` would be copied into each of its
/// cards: quadratic time and output. Real headings are far shorter.
const MAX_MARKED_HEADING: usize = 200;

/// Does a line read as a heading: short, with no full stop (a title may have commas)?
fn looks_like_heading(text: &str) -> bool {
    let len = text.chars().count();
    len > 0
        && len <= 40
        && !text.contains(['。', '；', '！', '？'])
        && !text.ends_with(['：', ':', '，', ','])
}

/// Split `chars` into lines and mark furniture and headings. `headings` are char offsets the
/// normaliser knew to be headings (Markdown, HTML).
pub fn lines(chars: &[char], headings: &[usize]) -> Vec<Line> {
    lines_including(chars, headings, &|_| false)
}

/// [`lines`], reading a furniture line as the article when `include(start)` says the reader
/// chose it (`start`: its first char); a marker that would end the article then does not.
pub fn lines_including(
    chars: &[char],
    headings: &[usize],
    include: &dyn Fn(usize) -> bool,
) -> Vec<Line> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, &c) in chars.iter().enumerate() {
        if c == '\n' {
            out.push((start, i));
            start = i + 1;
        }
    }
    out.push((start, chars.len()));
    let total = chars.len();
    let mut tail = false;
    let mut lines: Vec<Line> = Vec::with_capacity(out.len());
    for (s, e) in out {
        // Trim spaces at both ends.
        let mut s2 = s;
        let mut e2 = e;
        while s2 < e2 && chars[s2].is_whitespace() {
            s2 += 1;
        }
        while e2 > s2 && chars[e2 - 1].is_whitespace() {
            e2 -= 1;
        }
        if s2 == e2 {
            continue;
        }
        let text: String = chars[s2..e2].iter().collect();
        let at_top = s2 * 3 < total;
        let mut noise = tail;
        let mut left_out = None;
        if !noise {
            if let Some(mut why) = furniture(&text, at_top) {
                why.included = include(s2);
                noise = !why.included;
                tail = why.tail && noise;
                left_out = Some(why);
            }
        }
        let marked = headings
            .binary_search_by(|h| {
                if *h < s {
                    std::cmp::Ordering::Less
                } else if *h > e {
                    std::cmp::Ordering::Greater
                } else {
                    std::cmp::Ordering::Equal
                }
            })
            .is_ok();
        lines.push(Line {
            start: s2,
            end: e2,
            noise,
            heading: !bare_unit(&text)
                && ((marked && e2 - s2 <= MAX_MARKED_HEADING) || looks_like_heading(&text)),
            left_out,
        });
    }
    super::page::mark(chars, &mut lines);
    lines
}

/// The parts of the input left out as furniture, for the report: each furniture line (a
/// marker that ended the article runs to the input's end, `input_end`), with `span` giving a
/// line's input span from its char range.
pub fn excluded(
    lines: &[Line],
    span: &dyn Fn(usize, usize) -> [usize; 2],
    input_end: usize,
) -> Vec<crate::model::Excluded> {
    lines
        .iter()
        .filter_map(|line| {
            let why = line.left_out.as_ref()?;
            let mut at = span(line.start, line.end);
            if why.tail && !why.included {
                at[1] = input_end.max(at[1]);
            }
            Some(crate::model::Excluded {
                reason: why.reason.clone(),
                tail: why.tail,
                included: why.included,
                span: at,
            })
        })
        .collect()
}

/// Sentence ranges of `chars[start..end]`: split after 。！？； (and `!?;`).
pub fn sentences(chars: &[char], start: usize, end: usize) -> Vec<(usize, usize)> {
    split(chars, start, end, |c| {
        matches!(c, '。' | '！' | '？' | '；')
    })
}

/// Clause ranges of a sentence: split after ， and ： outside parentheses.
pub fn clauses(chars: &[char], start: usize, end: usize) -> Vec<(usize, usize)> {
    split(chars, start, end, |c| matches!(c, '，' | '：'))
}

fn split(
    chars: &[char],
    start: usize,
    end: usize,
    at: impl Fn(char) -> bool,
) -> Vec<(usize, usize)> {
    let paired = paired_brackets(chars, start, end);
    let mut out = Vec::new();
    let mut s = start;
    let mut depth = 0usize;
    for (i, &c) in (start..).zip(&chars[start..end]) {
        if !paired.flags.is_empty() && paired.contains(i) {
            if is_open(c) {
                depth += 1;
            } else {
                depth = depth.saturating_sub(1);
            }
        }
        if depth == 0 && at(c) {
            if i > s {
                out.push((s, i));
            }
            s = i + 1;
        }
    }
    if end > s {
        out.push((s, end));
    }
    out
}

fn is_open(c: char) -> bool {
    matches!(c, '(' | '（' | '【' | '[')
}

fn is_close(c: char) -> bool {
    matches!(c, ')' | '）' | '】' | ']')
}

/// The brackets of `start..end` that have their partner there. Only these hold a split back: a
/// stray `(` (a cut-off aside, a broken character's leftover) would otherwise make the rest of
/// the line one sentence, whose carried names then pile up with every repetition.
struct Paired {
    start: usize,
    /// One flag a char of the range; empty when the range has no bracket at all.
    flags: Vec<bool>,
}

impl Paired {
    fn contains(&self, i: usize) -> bool {
        self.flags.get(i - self.start).copied().unwrap_or(false)
    }
}

fn paired_brackets(chars: &[char], start: usize, end: usize) -> Paired {
    let range = &chars[start..end];
    if !range.iter().any(|&c| is_open(c)) {
        return Paired {
            start,
            flags: Vec::new(),
        };
    }
    let mut flags = vec![false; range.len()];
    let mut open = Vec::new();
    for (i, &c) in range.iter().enumerate() {
        if is_open(c) {
            open.push(i);
        } else if is_close(c) {
            if let Some(o) = open.pop() {
                flags[o] = true;
                flags[i] = true;
            }
        }
    }
    Paired { start, flags }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn noise_of(text: &str) -> Vec<(String, bool)> {
        let chars: Vec<char> = text.chars().collect();
        lines(&chars, &[])
            .into_iter()
            .map(|l| (chars[l.start..l.end].iter().collect(), l.noise))
            .collect()
    }

    #[test]
    fn furniture_lines_are_noise() {
        // (line, noise?) in a document with a long article body before the tail.
        let body = "全市规上工业增加值同比增长8.4%，高于全国2.6个百分点。".repeat(8);
        let cases: &[(&str, bool)] = &[
            ("2025年03月20日18:32:04 财经 1699", true),
            ("体育正文 248 0", true),
            ("责任编辑：王翔", true),
            ("海量资讯、精准解读，尽在新浪财经APP", true),
            (
                "你的专属投资礼包！更有百元京东卡、188元现金红包等你拿，100%中奖>>",
                true,
            ),
            (
                ".appendQr_wrap{border:1px solid #E6E6E6;padding:8px;}",
                true,
            ),
            (
                "INFORMATION OFFICE OF LIAOCHENG MUNICIPAL PEOPLE'S GOVERNMENT",
                true,
            ),
            ("www.abchina.com", true),
            ("工业运行质效实现新提升", false),
            ("陶春燕 聊城报道", true),
            ("记者 陶春燕", true),
        ];
        for (line, noise) in cases {
            let doc = format!("{body}\n{line}\n{body}");
            let got = noise_of(&doc);
            assert_eq!(got[1], (line.to_string(), *noise), "{line}");
            assert!(!got[0].1);
        }
    }

    #[test]
    fn a_tail_marker_ends_the_article() {
        let body = "全市规上工业增加值同比增长8.4%。".repeat(10);
        let doc = format!("{body}\n财经分类资讯推荐\n某公司营收增长20%\n又一条新闻");
        let got = noise_of(&doc);
        assert_eq!(
            got.iter().map(|l| l.1).collect::<Vec<_>>(),
            [false, true, true, true]
        );
        // Near the top the same marker is one line, not the rest of the page.
        let doc = format!("相关阅读\n{body}");
        assert_eq!(
            noise_of(&doc).iter().map(|l| l.1).collect::<Vec<_>>(),
            [true, false]
        );
    }

    #[test]
    fn left_out_lines_say_why_and_can_be_included() {
        let body = "全市规上工业增加值同比增长8.4%。".repeat(10);
        let doc = format!("{body}\n责任编辑：王翔\n{body}\n相关阅读\n某公司营收增长20%");
        let chars: Vec<char> = doc.chars().collect();
        let same = |s: usize, e: usize| [s, e];
        let found = lines(&chars, &[]);
        let out = excluded(&found, &same, chars.len());
        let reasons: Vec<(&str, bool, bool)> = out
            .iter()
            .map(|e| (e.reason.as_str(), e.tail, e.included))
            .collect();
        assert_eq!(
            reasons,
            [("责任编辑", false, false), ("相关阅读", true, false)]
        );
        assert_eq!(out[1].span[1], chars.len(), "a tail runs to the end");
        let tail_start = out[1].span[0];
        assert_eq!(chars[tail_start], '相');
        // Included back: the marker line and what follows are read.
        let read = lines_including(&chars, &[], &|s| s == tail_start);
        assert_eq!(
            read.iter().map(|l| l.noise).collect::<Vec<_>>(),
            [false, true, false, false, false]
        );
        let out = excluded(&read, &same, chars.len());
        assert!(out[1].included && out[1].span[1] < chars.len());
        let kinds: Vec<String> = ["2025年03月20日18:32:04", "www.abchina.com", "ENGLISH NAV"]
            .iter()
            .map(|l| {
                let doc = format!("{body}\n{l}\n{body}");
                let chars: Vec<char> = doc.chars().collect();
                excluded(&lines(&chars, &[]), &same, chars.len())[0]
                    .reason
                    .clone()
            })
            .collect();
        assert_eq!(kinds, ["date", "address", "not-chinese"]);
    }

    #[test]
    fn an_unclosed_bracket_does_not_hold_the_line_together() {
        // (sentence, the sentences it splits into): only brackets with a partner count.
        let cases: &[(&str, &[&str])] = &[
            ("增长5%(。增长6%。", &["增长5%(", "增长6%"]),
            ("增长5%)。增长6%。", &["增长5%)", "增长6%"]),
            (
                "增长5%(含某市。下同)。增长6%。",
                &["增长5%(含某市。下同)", "增长6%"],
            ),
            ("((增长5%)。增长6%。", &["((增长5%)", "增长6%"]),
        ];
        for (text, want) in cases {
            let s: Vec<char> = text.chars().collect();
            let got: Vec<String> = sentences(&s, 0, s.len())
                .into_iter()
                .map(|(a, b)| s[a..b].iter().collect())
                .collect();
            assert_eq!(&got, want, "{text}");
        }
    }

    #[test]
    fn clauses_do_not_split_inside_parentheses() {
        let s: Vec<char> = "累计数量居全省(计划单列市除外，含某市)第1位，增长5%"
            .chars()
            .collect();
        let got: Vec<String> = clauses(&s, 0, s.len())
            .into_iter()
            .map(|(a, b)| s[a..b].iter().collect())
            .collect();
        assert_eq!(
            got,
            ["累计数量居全省(计划单列市除外，含某市)第1位", "增长5%"]
        );
    }
}
