//! How a text that arrives is handled: the one place that decides.
//!
//! A text arrives typed, pasted (plain or a web page's HTML), opened or dropped. Its size and
//! form decide whether it goes into the text box, whether its HTML is reduced to text now (on
//! the page) or later (in the background worker), whether it is analysed on the page or in the
//! worker, and whether it is kept for the next visit. The reducer ([`super::state`]), the text
//! box ([`super::input_pane`]), the worker ([`super::worker`]) and storage
//! ([`super::browser`]) all ask [`Handling::of`] instead of comparing sizes themselves.

/// Texts longer than this (bytes) are always analysed in the background, their markup (a
/// web page's) reduced there too.
pub const LARGE_TEXT: usize = 256 * 1024;

/// Texts longer than this (bytes) are not put in the text box: Chromium lays out a text box's
/// whole text when it changes, about 1.7 ms per KB on this project's loaded test machine
/// (0.43 s for a 250 KB paste), so a longer paste would block the page for more than a frame.
/// The box then says a long text is loaded; the article pane shows it.
pub const BOX_TEXT: usize = 32 * 1024;

/// The most work (estimated µs, [`work`]) a text may take to be analysed on the page: one
/// frame. A text that would take longer is analysed in the background (a Web Worker), so no
/// paste blocks the page for long.
pub const PAGE_WORK: u64 = 16_000;

/// Estimated µs of wasm work per byte of text (normalising, segmenting, scanning prose) and
/// per number in it (reading what it means: most of the rules' time), measured with
/// `node tests/browser/bench.mjs` (wasm stages: 2.2 ms for 4 KB of fact-dense articles, 0.16 s
/// for 250 KB).
const WORK_PER_BYTE: f64 = 0.1;
const WORK_PER_NUMBER: f64 = 12.0;

/// The estimated time (µs) analysing `text` takes on the page: it grows with the numbers the
/// rules read far more than with the prose around them. One pass over the bytes, no
/// allocation.
pub fn work(text: &str) -> u64 {
    let mut numbers = 0usize;
    let mut in_number = false;
    for c in text.chars() {
        let digit = c.is_ascii_digit() || ('０'..='９').contains(&c);
        numbers += usize::from(digit && !in_number);
        in_number = digit;
    }
    (text.len() as f64 * WORK_PER_BYTE + numbers as f64 * WORK_PER_NUMBER) as u64
}

/// The longest article (bytes) kept for the next visit: storage holds a few MB per site, and
/// reading a long one back would delay every start.
pub const SAVE_LIMIT: usize = 2 << 20;

/// The shortest paste (chars) that reads as a whole article rather than an edit: a paste this
/// long, or one of several lines, into a box that already holds an article replaces it (with
/// an offer to append instead, and an undo) rather than landing in the middle of it.
pub const ARTICLE_PASTE: usize = 80;

/// When a web page's markup is reduced to text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reduce {
    /// Plain text: nothing to reduce.
    No,
    /// Now, on the page (fast for a short page); the text box then shows the words.
    Now,
    /// In the background worker, along with the analysis (a long page).
    InWorker,
}

/// What happens to a text of a given size and form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Handling {
    pub reduce: Reduce,
    /// Analysed in the background worker rather than on the page.
    pub background: bool,
    /// Shown in the text box (a text over [`BOX_TEXT`] is kept out, with a note instead).
    pub in_box: bool,
    /// Kept in storage for the next visit.
    pub keep: bool,
}

impl Handling {
    /// The handling of `text`, `html` when it is still a web page's markup: analysed in the
    /// background when its [`work`] is more than a frame's; out of the box over [`BOX_TEXT`];
    /// its markup reduced in the background too when it is long.
    pub fn of(text: &str, html: bool) -> Handling {
        let bytes = text.len();
        let long = bytes > LARGE_TEXT;
        let background = long || work(text) > PAGE_WORK;
        Handling {
            reduce: match (html, long) {
                (false, _) => Reduce::No,
                (true, false) => Reduce::Now,
                (true, true) => Reduce::InWorker,
            },
            background,
            in_box: Handling::in_box(text),
            keep: Handling::keep(text, html),
        }
    }

    /// Whether `text` goes in the text box, by its size alone: the page asks on every render,
    /// where [`Handling::of`] would also run [`work`] over every character of a long text.
    pub fn in_box(text: &str) -> bool {
        text.len() <= BOX_TEXT
    }

    /// Whether `text` is kept for the next visit, likewise by its size alone.
    pub fn keep(text: &str, html: bool) -> bool {
        !html && text.len() <= SAVE_LIMIT
    }
}

/// Whether a paste is a whole article (rather than a word or a sentence added while editing):
/// long, or several lines.
pub fn is_article(text: &str) -> bool {
    let text = text.trim();
    let lines = text.lines().filter(|l| !l.trim().is_empty()).count();
    text.chars().count() >= ARTICLE_PASTE || (lines >= 2 && text.chars().count() >= 20)
}

/// Whether a paste of `pasted` into a box holding `current`, with the selection from `start`
/// to `end` (UTF-16 units, as the box reports them), needs the reader's intent: it is an
/// article, the box holds one, and the paste would not simply replace all of it.
pub fn needs_choice(current: &str, start: u32, end: u32, pasted: &str) -> bool {
    let all = current.encode_utf16().count() as u32;
    let replaces_all = start == 0 && end >= all;
    !current.trim().is_empty() && !replaces_all && is_article(pasted)
}

/// What becomes of a paste into the text box.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PasteAs {
    /// The browser inserts the plain text itself (an edit, or a first article in an empty box).
    Browser,
    /// The page's HTML, reduced to text, goes in at the selection.
    Insert(String),
    /// A whole article that replaces the text (undo, "append instead"); `html` when it is still
    /// markup (a long page, reduced in the worker).
    Article { text: String, html: bool },
}

/// What a paste of `plain` and `html` (the clipboard's two forms; `html` empty for plain text)
/// becomes in a box holding `current` with the selection `start..end` (UTF-16 units).
pub fn paste_as(plain: &str, html: &str, current: &str, start: u32, end: u32) -> PasteAs {
    let article = |text: String, html: bool| PasteAs::Article { text, html };
    if !html.trim().is_empty() {
        if Handling::of(html, true).reduce == Reduce::InWorker {
            return article(html.to_string(), true);
        }
        let text = crate::html_to_text(html);
        return if needs_choice(current, start, end, &text) {
            article(text, false)
        } else {
            PasteAs::Insert(text)
        };
    }
    if !Handling::in_box(plain) || needs_choice(current, start, end, plain) {
        article(plain.to_string(), false)
    } else {
        PasteAs::Browser
    }
}

/// A paste made outside the text box (nothing focused): always a whole article, reduced now
/// when it is a short web page. `None` when the clipboard holds no text.
pub fn page_paste(plain: &str, html: &str) -> Option<(String, bool)> {
    let pasted = if html.trim().is_empty() {
        (plain.to_string(), false)
    } else if Handling::of(html, true).reduce == Reduce::InWorker {
        (html.to_string(), true)
    } else {
        (crate::html_to_text(html), false)
    };
    Some(pasted).filter(|(text, _)| !text.trim().is_empty())
}

/// The legacy encodings a Chinese file may be in when it is not UTF-8, in the order tried;
/// the names are the browser's `TextDecoder` labels (the CLI detects the same ones).
pub const LEGACY_ENCODINGS: [&str; 2] = ["gb18030", "big5"];

/// Characters common in Chinese economic prose, in both scripts: a text decoded with the right
/// encoding is full of them, one decoded with the wrong one has almost none.
const COMMON: &str = "的一是在不了有和人这這中大为為上个個国國年月日增长長经經济濟业業发發亿億元比全市省同期产產总總额額率工投资資万萬进進出口场場务務企费費消营營";

/// Which of the texts a file decoded to (one per legacy encoding) is the right one: the one
/// with the most common Chinese characters; `None` when none has any.
pub fn likeliest(decoded: &[Option<String>]) -> Option<usize> {
    let score = |text: &str| text.chars().filter(|c| COMMON.contains(*c)).count();
    decoded
        .iter()
        .enumerate()
        .filter_map(|(i, text)| Some((i, score(text.as_deref()?))))
        .filter(|&(_, n)| n > 0)
        .max_by_key(|&(i, n)| (n, std::cmp::Reverse(i)))
        .map(|(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn handling_by_work_size_and_form() {
        let prose = |bytes: usize| "经济运行稳中有进。".repeat(bytes / 27 + 1);
        let facts = |bytes: usize| "全市规上工业增加值同比增长8.4%。".repeat(bytes / 44 + 1);
        let (no, now, worker) = (Reduce::No, Reduce::Now, Reduce::InWorker);
        // (text, html) → (reduce, background, in_box, keep)
        let cases = [
            ("增长8.4%".to_string(), false, (no, false, true, true)),
            ("<p>增长8.4%</p>".into(), true, (now, false, true, false)),
            // 30 KB of prose is quick to read; 30 KB of figures is not.
            (prose(30 << 10), false, (no, false, true, true)),
            (facts(30 << 10), false, (no, true, true, true)),
            (
                format!("<p>{}</p>", facts(30 << 10)),
                true,
                (now, true, true, false),
            ),
            // Over BOX_TEXT a text is kept out of the box; long prose is work too.
            (prose(BOX_TEXT - 64), false, (no, false, true, true)),
            (prose(BOX_TEXT + 1), false, (no, false, false, true)),
            (
                format!("<p>{}</p>", prose(BOX_TEXT)),
                true,
                (now, false, false, false),
            ),
            (prose(100 << 10), false, (no, false, false, true)),
            (prose(LARGE_TEXT - 64), false, (no, true, false, true)),
            (prose(LARGE_TEXT + 1), false, (no, true, false, true)),
            (prose(LARGE_TEXT + 1), true, (worker, true, false, false)),
            (prose(SAVE_LIMIT + 1), false, (no, true, false, false)),
        ];
        for (text, html, (reduce, background, in_box, keep)) in cases {
            let h = Handling::of(&text, html);
            assert_eq!(
                (h.reduce, h.background, h.in_box, h.keep),
                (reduce, background, in_box, keep),
                "{} bytes, html {html}",
                text.len()
            );
        }
    }

    #[test]
    fn work_counts_bytes_and_numbers() {
        assert_eq!(work(""), 0);
        assert_eq!(work("abcdefghij"), 1);
        // Two numbers (8.4 is 8 and 4 to the count, as the rules scan each), full width too.
        assert_eq!(
            work("增长8.4%"),
            (10.0 * WORK_PER_BYTE + 2.0 * WORK_PER_NUMBER) as u64
        );
        assert_eq!(
            work("１２３"),
            (9.0 * WORK_PER_BYTE + WORK_PER_NUMBER) as u64
        );
        // The sample article is read at once on the page.
        assert!(work(crate::SAMPLE) < PAGE_WORK);
    }

    #[test]
    fn a_whole_article_is_told_from_an_edit() {
        let article = "全市规上工业增加值同比增长8.4%。\n地区生产总值752.1亿元。";
        assert!(is_article(article));
        assert!(is_article(&"经济运行稳中有进".repeat(12)));
        assert!(!is_article("增长8.4%"));
        assert!(!is_article("一\n二"));
        // Into an empty box, or over a selection of everything: no question.
        assert!(!needs_choice("", 0, 0, article));
        assert!(!needs_choice("  \n", 0, 0, article));
        let old = "旧文章：工业增长5%。";
        let all = old.encode_utf16().count() as u32;
        assert!(!needs_choice(old, 0, all, article));
        // Anywhere else in a full box: the reader chooses.
        assert!(needs_choice(old, all, all, article));
        assert!(needs_choice(old, 0, 0, article));
        assert!(!needs_choice(old, all, all, "增长8.4%"));
    }

    #[test]
    fn what_a_paste_becomes() {
        let article = "全市规上工业增加值同比增长8.4%。\n地区生产总值752.1亿元。";
        let old = "旧文章：工业增长5%。";
        let end = old.encode_utf16().count() as u32;
        assert_eq!(paste_as(article, "", "", 0, 0), PasteAs::Browser);
        assert_eq!(paste_as("8.4%", "", old, end, end), PasteAs::Browser);
        assert_eq!(
            paste_as(article, "", old, end, end),
            PasteAs::Article {
                text: article.into(),
                html: false
            }
        );
        assert_eq!(
            paste_as("", "<p>增长<b>8.4%</b></p>", old, 0, 0),
            PasteAs::Insert("增长8.4%".into())
        );
        let long = "增".repeat(LARGE_TEXT);
        assert!(matches!(
            paste_as(&long, "", "", 0, 0),
            PasteAs::Article { html: false, .. }
        ));
        let page = format!("<p>{long}</p>");
        assert!(matches!(
            paste_as("", &page, "", 0, 0),
            PasteAs::Article { html: true, .. }
        ));
        // Outside the box every paste is an article; an empty clipboard is nothing.
        assert_eq!(page_paste("增长8.4%", ""), Some(("增长8.4%".into(), false)));
        assert_eq!(page_paste("", "<p>增长</p>"), Some(("增长".into(), false)));
        assert_eq!(page_paste(" ", ""), None);
    }

    #[test]
    fn the_legacy_encoding_with_chinese_in_it_wins() {
        let simplified = "全市规上工业增加值同比增长8.4%，经济运行总体平稳。";
        let traditional = "全市規上工業增加值同比增長8.4%，經濟運行總體平穩。";
        let decode = |bytes: &[u8]| -> Vec<Option<String>> {
            [encoding_rs::GB18030, encoding_rs::BIG5]
                .iter()
                .map(|enc| {
                    let (text, _, errors) = enc.decode(bytes);
                    (!errors).then(|| text.into_owned())
                })
                .collect()
        };
        let (gbk, _, _) = encoding_rs::GBK.encode(simplified);
        assert_eq!(likeliest(&decode(&gbk)), Some(0));
        let (big5, _, _) = encoding_rs::BIG5.encode(traditional);
        assert_eq!(likeliest(&decode(&big5)), Some(1));
        assert_eq!(likeliest(&[Some("abc".into()), None]), None);
    }
}
