//! Traditional to Simplified script, the last pass.
//!
//! Contract: the text in Simplified script, char for char, so origins still line up;
//! the result equals one `fast2s` run over the whole text.

use super::{line_end, Pair};
use crate::vocab::VOCAB;

/// The text of `v` in Simplified script. `fast2s` maps char for char (it only swaps one Han
/// ideograph for another, looking at its neighbours), so the origins still line up. It runs
/// last, because no earlier pass depends on which ideograph a char is.
///
/// Only lines holding a char that `fast2s` may change go through it, each line whole: its
/// context is two adjacent ideographs, never a line break, so this gives what one run over
/// the whole text gives, without paying for its hash lookups on every char of Simplified
/// text. Should a line ever change its char count, its chars are converted one by one
/// instead, which cannot shift the map.
pub(super) fn simplify(v: &[Pair]) -> String {
    let touched = &T2S_TOUCHED;
    let may_change = |c: char| {
        let u = c as usize;
        u < 0x10000 && touched[u / 64] & (1 << (u % 64)) != 0
    };
    let mut text = String::with_capacity(v.iter().map(|p| p.0.len_utf8()).sum());
    let mut line = String::new();
    let mut start = 0;
    while start < v.len() {
        let end = line_end(v, start).min(v.len() - 1) + 1;
        let chars = v[start..end].iter().map(|p| p.0);
        if !chars.clone().any(may_change) {
            text.extend(chars);
        } else {
            line.clear();
            line.extend(chars);
            let converted = fast2s::convert(&line);
            if converted.chars().count() == end - start {
                text.push_str(&converted);
            } else {
                text.extend(v[start..end].iter().map(|p| convert_one(p.0)));
            }
        }
        start = end;
    }
    variants(text)
}

/// `text` with the variants `fast2s` leaves (`vocab/variants.txt`: 羣, 家俱) in their
/// Simplified form, each pair of one length, so the map still lines up.
fn variants(mut text: String) -> String {
    for &(variant, simplified) in &VOCAB.variants {
        if text.contains(variant) {
            text = text.replace(variant, simplified);
        }
    }
    text
}

/// Chars `fast2s` may change, as a bit set over the Basic Multilingual Plane (it changes no
/// others), found at compile time by `build.rs`: those it changes alone, and those it changes
/// only next to certain others (`vocab/t2s_context.txt`).
static T2S_TOUCHED: [u64; 0x10000 / 64] = include!(concat!(env!("OUT_DIR"), "/t2s_touched.rs"));

/// One char converted without context; kept as is unless it converts to exactly one char.
pub(super) fn convert_one(c: char) -> char {
    let mut buf = [0u8; 4];
    let s = fast2s::convert(c.encode_utf8(&mut buf));
    let mut it = s.chars();
    match (it.next(), it.next()) {
        (Some(d), None) => d,
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::super::assert_cases;

    #[test]
    fn cases() {
        assert_cases(&[
            // Variants fast2s leaves; metamorphic: trad.
            (
                "產業集羣，傢俱製造投資增長139%",
                "产业集群，家具制造投资增长139%",
            ),
            (
                "國內生產總值26450億元，按年下降6.8%",
                "国内生产总值26450亿元，按年下降6.8%",
            ),
            ("高達27個百分點，43.65萬億元", "高达27个百分点，43.65万亿元"),
        ]);
    }

    #[test]
    fn the_compile_time_table_holds_every_char_fast2s_changes_alone() {
        for c in ('\u{800}'..='\u{FFFF}').filter(|&c| super::convert_one(c) != c) {
            let u = c as usize;
            assert!(super::T2S_TOUCHED[u / 64] & (1 << (u % 64)) != 0, "{c}");
        }
        // Changed only beside another char (t2s_context.txt): 著 alone stays, 看著 changes.
        assert_eq!(super::convert_one('著'), '著');
        let pairs: Vec<super::Pair> = "看著".chars().map(|c| (c, 0)).collect();
        assert_eq!(super::simplify(&pairs), fast2s::convert("看著"));
    }

    #[test]
    fn fast2s_is_char_for_char() {
        // Every char fast2s can change, in context and alone.
        let all: String = ('\u{800}'..='\u{FFFF}').collect();
        assert_eq!(fast2s::convert(&all).chars().count(), all.chars().count());
        for s in [
            "乾隆的乾兒子一邊乾淨利落地擲出了一個乾卦",
            "企畫 計畫 畫圖",
            "憑藉 藉口 慰藉 看著 苧麻 樊於期 闔家",
        ] {
            assert_eq!(fast2s::convert(s).chars().count(), s.chars().count());
        }
    }

    #[test]
    fn simplify_matches_one_whole_text_run() {
        let text = "乾隆的乾兒子一邊乾淨利落地擲出了一個乾卦。\n企畫 計畫 畫圖\n憑藉，藉口，慰藉，看著，苧麻，樊於期，闔家，鍾書\n简体不变，國家統計局\n答覆";
        let pairs: Vec<super::Pair> = text.chars().map(|c| (c, 0)).collect();
        assert_eq!(super::simplify(&pairs), fast2s::convert(text));
        assert_eq!(super::convert_one('國'), '国');
    }
}
