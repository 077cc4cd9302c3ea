//! Text normalisation with a map back to the input.
//!
//! Everything the rules read goes through here first: HTML and Markdown are reduced to text
//! with paragraph breaks, width and script variants are folded, pinyin readings and stray line
//! breaks are dropped. Every output character remembers the code point of the input it came
//! from, so a span found in the normalised text can be reported in the input's coordinates.
//!
//! The work is a pipeline of small passes over one buffer of `(char, origin)` pairs: decoding
//! (BOM, line ends, control chars), page furniture, front matter, HTML, entities, Markdown,
//! width and punctuation folding (which also drops pinyin readings), lines and spaces, and
//! last Traditional to Simplified. Each pass rewrites the buffer in place, never writing more
//! pairs than it has read, and looks ahead only a bounded distance (or searches forward once
//! and jumps past what it found), so the whole is linear in the input. Passes keep the order
//! of the pairs, so origins stay non-decreasing.
//!
//! Markup that matters for line handling is carried between passes as two noncharacters
//! (which the first pass removes from the input, so they cannot be forged): [`HEADING`] at the
//! start of a heading line and [`HARD`] after a break the markup made (`<p>`, a list bullet),
//! which the line pass must not join away. The line pass removes both.
//!
//! The passes, in order (each a module with its contract and its cases):
//! [`decode`], [`pages`], [`front_matter`], [`html`], [`entities`], [`markdown`], [`fold`] (with
//! [`pinyin`]), [`lines`], [`simplify`].

mod decode;
mod entities;
mod fold;
mod front_matter;
mod html;
mod lines;
mod markdown;
mod pages;
mod pinyin;
mod simplify;

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

/// A character and the code-point index in the input it came from.
type Pair = (char, u32);

/// Marks the start of a heading line between passes; never in the output.
const HEADING: char = '\u{FDD0}';
/// Follows a line break made by markup, which the line pass must keep; never in the output.
const HARD: char = '\u{FDD1}';

/// Normalise `input`.
pub fn normalize(input: &str) -> Normalized {
    // One buffer for all passes: each pass writes no more pairs than it has read, so it
    // rewrites the buffer in place. Fresh memory is slow to touch; a second buffer would
    // cost more than the passes themselves.
    let mut v: Vec<Pair> = Vec::with_capacity(input.chars().count());
    let n = decode::decode(input, &mut v);
    // Page furniture first: a page break may fall inside anything, front matter too.
    run(&mut v, pages::pages);
    run(&mut v, front_matter::front_matter);
    if html::has_markup(&v) {
        run(&mut v, html::html);
    }
    if v.iter().any(|&(c, _)| c == '&') {
        run(&mut v, entities::entities);
    }
    run(&mut v, markdown::markdown);
    run(&mut v, fold::fold);
    let mut headings = Vec::new();
    let w = lines::lines(&mut v, &mut headings);
    v.truncate(w);

    let text = simplify::simplify(&v);
    let mut origin = Vec::with_capacity(v.len() + 1);
    origin.extend(v.iter().map(|&(_, o)| o));
    origin.push(n);
    Normalized {
        text,
        origin,
        headings,
    }
}

/// Run an in-place pass, which returns the length of what it wrote.
fn run(v: &mut Vec<Pair>, f: fn(&mut [Pair]) -> usize) {
    let w = f(v);
    v.truncate(w);
}

/// Write `p` at `*w` in a pass that has read up to and including index `r`: writing never
/// overtakes reading, so nothing unread is overwritten.
#[inline]
fn put(v: &mut [Pair], w: &mut usize, r: usize, p: Pair) {
    debug_assert!(*w <= r, "write {} overtakes read {r}", *w);
    v[*w] = p;
    *w += 1;
}

/// The char at `i`, or NUL past the end (NUL never survives [`decode`], so it matches nothing).
#[inline]
fn ch(v: &[Pair], i: usize) -> char {
    v.get(i).map_or('\0', |p| p.0)
}

/// Index of the `\n` ending the line that holds `i`, or `v.len()`.
fn line_end(v: &[Pair], i: usize) -> usize {
    v[i.min(v.len())..]
        .iter()
        .position(|&(c, _)| c == '\n')
        .map_or(v.len(), |k| i + k)
}

pub(crate) fn is_marker(c: char) -> bool {
    c == HEADING || c == HARD
}

fn is_digit_like(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// Run each of `cases` (input, expected text) through [`normalize`]; report every miss.
#[cfg(test)]
fn assert_cases(cases: &[(&str, &str)]) {
    let failed: Vec<String> = cases
        .iter()
        .filter_map(|&(input, want)| {
            let got = normalize(input).text;
            (got != want).then(|| format!("{input:?}\n   want {want:?}\n    got {got:?}"))
        })
        .collect();
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The input chars that `needle`, found in the output, came from.
    fn source_of(input: &str, needle: &str) -> String {
        let n = normalize(input);
        let byte = n
            .text
            .find(needle)
            .unwrap_or_else(|| panic!("{needle:?} not in {:?}", n.text));
        let start = n.text[..byte].chars().count();
        let [s, e] = n.input_span(start, start + needle.chars().count());
        input.chars().skip(s).take(e - s).collect()
    }

    #[test]
    fn spans_point_back_into_the_input() {
        let cases: &[(&str, &str, &str)] = &[
            ("同比增长８．４％，高于全国", "8.4%", "８．４％"),
            ("\u{FEFF}第一段。\r\n同比增长8.4%", "8.4%", "8.4%"),
            (
                "部分产品，工业<span id=\"s\"><a href=\"x\">机器人</a></span>产量",
                "机器人产量",
                "机器人</a></span>产量",
            ),
            ("國內生產總值26450億元", "26450亿元", "26450億元"),
            ("增长&#56;.4%", "8.4%", "&#56;.4%"),
            ("---\ntitle: '广东经济'\n---\n正文", "广东经济", "广东经济"),
            (
                "导语。\n新增人才13人，数量较去年翻\n\n倍，入选",
                "翻倍",
                "翻\n\n倍",
            ),
            ("同比(tóngbǐ)增长8.4%", "同比增长", "同比(tóngbǐ)增长"),
            ("详见[查看原文](https://a.cn)。", "查看原文", "查看原文"),
            ("## 工业运行\n\n正文", "工业运行", "工业运行"),
            ("上半年总收入9.712亿元,同比增长20.5%", "，同比", ",同比"),
            ("推动1000余家 中小企业", "余家中小", "余家 中小"),
        ];
        for &(input, needle, want) in cases {
            assert_eq!(source_of(input, needle), want, "{input:?}");
        }
    }

    #[test]
    fn inserted_breaks_map_to_their_markup() {
        let input = "<p>第一段。</p><p>第二段。</p>";
        let n = normalize(input);
        let nl = n.text.chars().position(|c| c == '\n').unwrap();
        let [s, _] = n.input_span(nl, nl + 1);
        assert_eq!(input.chars().nth(s), Some('<'));
    }

    #[test]
    fn headings_are_recorded() {
        let cases: &[(&str, &[usize])] = &[
            ("## 工业运行\n\n正文。\n### 第二节\n正文", &[0, 9]),
            ("<h1>标题</h1><p>正文</p><h3> <b>小节</b></h3>", &[0, 6]),
            ("---\ntitle: 标题\n---\n# 一级\n正文", &[0, 3]),
            ("<h2></h2><p>正文</p>", &[]),
            ("#话题#正文", &[]),
        ];
        for &(input, want) in cases {
            let n = normalize(input);
            assert_eq!(n.headings, want, "{input:?} → {:?}", n.text);
        }
    }

    /// What holds for the output of any input: the crate's one checker.
    fn check_invariants(input: &str) -> Result<(), TestCaseError> {
        crate::check::normalized(input).map_err(TestCaseError::fail)?;
        Ok(())
    }

    const PIECES: &[&str] = &[
        "<",
        ">",
        "<p>",
        "</p>",
        "<h2>",
        "</h2>",
        "<span>",
        "<!--",
        "-->",
        "<script>",
        "</script>",
        "&",
        "&#",
        "&#x",
        ";",
        "amp",
        "123",
        "\n",
        "\r",
        "\n\n",
        "(",
        ")",
        "[",
        "]",
        "(x)",
        "ā",
        "de",
        "國",
        "１",
        "％",
        "．",
        " ",
        "\u{3000}",
        ",",
        ":",
        "-",
        "—",
        "~",
        "#",
        "## ",
        "- ",
        "*",
        "**",
        "0",
        "5",
        "9",
        "增长",
        "同比",
        "，",
        "。",
        "---\n",
        "title: ",
        "'",
        "\"",
        "\u{FEFF}",
        "\0",
        "A",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(384))]

        #[test]
        fn any_string(input in any::<String>()) {
            check_invariants(&input)?;
        }

        #[test]
        fn any_chars(chars in prop::collection::vec(any::<char>(), 0..200)) {
            check_invariants(&chars.into_iter().collect::<String>())?;
        }

        #[test]
        fn tricky_pieces(pieces in prop::collection::vec(prop::sample::select(PIECES), 0..80)) {
            check_invariants(&pieces.concat())?;
        }
    }

    /// Inputs that would take quadratic time with unbounded or overlapping scans; each must
    /// finish quickly (a quadratic pass would take minutes here).
    #[test]
    fn pathological_inputs_stay_linear() {
        let n = 200_000;
        let inputs = [
            "<a ".repeat(n),
            "<p".repeat(n),
            format!("<{}", "x".repeat(n * 3)),
            "<div>".repeat(n) + &"</div>".repeat(n),
            "<!--".repeat(n),
            "<!-- -->".repeat(n),
            "<script>".repeat(n),
            "<style>x".repeat(n),
            "&#".repeat(n),
            "&amp".repeat(n),
            "[x](".repeat(n),
            "[".repeat(n),
            "![a](b".repeat(n),
            "国(".repeat(n),
            "国(de".repeat(n),
            "\n".repeat(n * 5),
            "增长，".repeat(n * 2),
            "增长\n".repeat(n),
            " ".repeat(n * 5),
            "# ".repeat(n),
            format!("---\n{}", "a\n".repeat(n)),
            "1,2".repeat(n),
            "a ,".repeat(n),
        ];
        for input in &inputs {
            let t = std::time::Instant::now();
            let out = normalize(input);
            assert!(out.origin.len() == out.text.chars().count() + 1);
            assert!(
                t.elapsed().as_secs() < 20,
                "{:?}… took {:?}",
                &input[..12],
                t.elapsed()
            );
        }
    }
}
