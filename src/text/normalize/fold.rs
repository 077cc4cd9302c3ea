//! Width and punctuation folding.
//!
//! Contract: full-width digits, letters, `％＋－（）` become ASCII, `．` and range dashes between
//! numbers become `.` and `-`, the odd spaces an ASCII space; ASCII `,;:?!` typed in Chinese text
//! become `，；：？！`, but stay in Latin text, in thousands separators (`12,345`) and clock
//! times. Pinyin readings after a Han char are dropped on the way ([`super::pinyin`]).

use super::pinyin::pinyin_at;
use super::{ch, is_digit_like, put, Pair};
use crate::text::script::han;

/// Whether the ASCII punctuation at `i` sits in Latin text (`Hello, world`, `http://`), where
/// it stays ASCII; in Chinese text it is Chinese punctuation typed half-width. What is
/// written so far (`..w`) is folded, what follows `i` is not yet.
fn in_latin(v: &[Pair], w: usize, i: usize) -> bool {
    let nonspace = |p: &Pair| p.0 != ' ';
    let prev = v[..w].iter().rev().take(8).find(|p| nonspace(p));
    if !prev.is_some_and(|p| p.0.is_ascii_alphabetic()) {
        return false;
    }
    let next = v[i + 1..]
        .iter()
        .take(8)
        .find(|p| nonspace(p))
        .map_or('\n', |p| p.0);
    next == '\n' || next.is_ascii_graphic()
}

/// Whether a `;` after `done` ends something written like an entity (`&#99999999999;`),
/// which the entity pass kept as written because it stands for no char; it stays as written.
fn after_entity_like(done: &[Pair]) -> bool {
    done.iter()
        .rev()
        .take(34)
        .map(|p| p.0)
        .find(|&c| !(c.is_ascii_alphanumeric() || c == '#'))
        == Some('&')
}

/// A thousands separator at `i`: a digit before, exactly three digits after.
fn is_thousands(v: &[Pair], i: usize, prev: char) -> bool {
    prev.is_ascii_digit()
        && (1..=3).all(|k| is_digit_like(ch(v, i + k)))
        && !is_digit_like(ch(v, i + 4))
}

/// Fold width variants and punctuation to the forms the rules expect: ASCII digits, letters,
/// `%`, `.` in numbers, `()`, `-` in ranges, ASCII spaces; Chinese `，；：？！`. Drops pinyin
/// readings on the way (one pass instead of two over the whole text).
pub(super) fn fold(v: &mut [Pair]) -> usize {
    let len = v.len();
    let (mut i, mut w) = (0, 0);
    while i < len {
        let (c, o) = v[i];
        if c.is_ascii_alphanumeric() || han(c) {
            put(v, &mut w, i, (c, o));
            i += 1;
            continue;
        }
        let prev = if w > 0 { v[w - 1].0 } else { '\0' };
        if matches!(c, '(' | '（') && han(prev) {
            if let Some(end) = pinyin_at(v, i) {
                i = end;
                continue;
            }
        }
        let next_digit = is_digit_like(ch(v, i + 1));
        let out = match c {
            '\u{FF10}'..='\u{FF19}' | '\u{FF21}'..='\u{FF3A}' | '\u{FF41}'..='\u{FF5A}' => {
                char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
            }
            '％' => '%',
            '＋' => '+',
            '－' | '−' => '-',
            '（' => '(',
            '）' => ')',
            '．' if prev.is_ascii_digit() && next_digit => '.',
            '～' | '〜' | '~' | '—' | '–' | '‐' | '‑' | '‒' | '―'
                if (prev.is_ascii_digit() || prev == '%') && next_digit =>
            {
                '-'
            }
            '，' if is_thousands(v, i, prev) => ',',
            ',' if is_thousands(v, i, prev) || in_latin(v, w, i) => ',',
            ',' => '，',
            ':' if (prev.is_ascii_digit() && next_digit) || in_latin(v, w, i) => ':',
            ':' => '：',
            ';' if after_entity_like(&v[..w]) => ';',
            ';' | '?' | '!' if in_latin(v, w, i) => c,
            ';' => '；',
            '?' => '？',
            '!' => '！',
            '\u{3000}'
            | '\u{A0}'
            | '\u{2000}'..='\u{200A}'
            | '\u{202F}'
            | '\u{205F}'
            | '\u{1680}' => ' ',
            _ => c,
        };
        put(v, &mut w, i, (out, o));
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
            ("同比增长８．４％", "同比增长8.4%"),
            (
                "上半年总收入人民币9.712亿元,同比增长20.5%;",
                "上半年总收入人民币9.712亿元，同比增长20.5%；",
            ),
            ("营收12,345,678元,增长1,234", "营收12,345,678元，增长1,234"),
            ("2020,2021年;1,2345", "2020，2021年；1，2345"),
            // metamorphic: fullwidth (a table's amounts with full-width digits and commas).
            ("２，４２６，７９４，６００.１ 元", "2,426,794,600.1元"),
            (
                "２０２０，２０２１年，１，２３４５，增长３，",
                "2020，2021年，1，2345，增长3，",
            ),
            (
                "2025年03月20日18:32:04 市场:好",
                "2025年03月20日18:32:04市场：好",
            ),
            ("怎么办?好!", "怎么办？好！"),
            (
                "Hello, world! Is it ok? Yes: see https://a.cn",
                "Hello, world! Is it ok? Yes: see https://a.cn",
            ),
            (
                "1月10日, 美图公司创始人兼CEO吴欣鸿",
                "1月10日，美图公司创始人兼CEO吴欣鸿",
            ),
            ("（全省仅5家）", "(全省仅5家)"),
            (
                "增长5%～8%，2019—2020年，3〜5个，4~6倍",
                "增长5%-8%，2019-2020年，3-5个，4-6倍",
            ),
            ("——经济总体回升向好", "——经济总体回升向好"),
            ("ＧＤＰ增长＋１２％，－３％", "GDP增长+12%，-3%"),
            ("　　全市　增长\u{A0}8%", "全市增长8%"),
            ("比例为5.7∶43.2∶51.1", "比例为5.7∶43.2∶51.1"),
        ]);
    }
}
