//! Traditional to Simplified script, the last pass.
//!
//! Contract: the text in Simplified script, char for char, so origins still line up;
//! the result equals one `fast2s` run over the whole text.

use super::{line_end, Pair};
use crate::vocab::VOCAB;

/// The text of `v` in Simplified script, as `fast2s` gives it: char for char (it only swaps
/// one Han ideograph for another, looking at its neighbours), so the origins still line up.
/// It runs last, because no earlier pass depends on which ideograph a char is.
///
/// Each line is converted as one `fast2s` run over it would (its context is two adjacent
/// chars, never across a line break), which equals one run over the whole text; chars outside
/// the table are kept without a look-up.
pub(super) fn simplify(v: &[Pair]) -> String {
    variants(fast2s_like(v))
}

/// What one `fast2s` run over each line of `v` gives.
fn fast2s_like(v: &[Pair]) -> String {
    let mut text = String::with_capacity(v.iter().map(|p| p.0.len_utf8()).sum());
    let mut start = 0;
    while start < v.len() {
        let end = line_end(v, start).min(v.len() - 1) + 1;
        let line = &v[start..end];
        for (i, &(c, _)) in line.iter().enumerate() {
            if !may_change(c) {
                text.push(c);
                continue;
            }
            // fast2s's neighbour at either end of its run.
            let prev = if i == 0 { '0' } else { line[i - 1].0 };
            let next = line.get(i + 1).map_or('0', |p| p.0);
            text.push(simplified(prev, c, next));
        }
        start = end;
    }
    text
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

/// In `word`, `from` becomes `to` (`vocab/t2s_context.txt`).
struct InWord {
    word: [char; 2],
    from: char,
    to: char,
}

// The tables build.rs takes from fast2s (build/t2s.rs): `T2S_TOUCHED`, the chars that may
// change as a bit set over the Basic Multilingual Plane; `T2S_FROM`/`T2S_TO`, each char it
// changes alone and what it becomes, sorted by `T2S_FROM`; `T2S_CONTEXT`, the words in which
// a char becomes something else, or stays.
include!(concat!(env!("OUT_DIR"), "/t2s.rs"));

/// Whether `c` is in the table at all (most chars of Simplified text are not).
fn may_change(c: char) -> bool {
    let u = c as usize;
    u < 0x10000 && T2S_TOUCHED[u / 64] & (1 << (u % 64)) != 0
}

/// `cur` between `prev` and `next` in Simplified script: a word of `T2S_CONTEXT` that ends in
/// it, then one that starts with it, then the char alone.
fn simplified(prev: char, cur: char, next: char) -> char {
    let rule = |word: [char; 2]| T2S_CONTEXT.iter().find(|r| r.from == cur && r.word == word);
    if let Some(r) = rule([prev, cur]).or_else(|| rule([cur, next])) {
        return r.to;
    }
    convert_one(cur)
}

/// One char converted without context.
fn convert_one(c: char) -> char {
    u16::try_from(c as u32)
        .ok()
        .and_then(|u| T2S_FROM.binary_search(&u).ok())
        .and_then(|i| char::from_u32(T2S_TO[i].into()))
        .unwrap_or(c)
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

    /// Runs of `partner` and each of `chars`: every char of `chars` once after it and once
    /// before it.
    fn beside(partner: char, chars: &[char]) -> String {
        chars
            .iter()
            .flat_map(|&c| [partner, c])
            .chain([partner])
            .collect()
    }

    fn simplify(text: &str) -> String {
        let pairs: Vec<super::Pair> = text.chars().map(|c| (c, 0)).collect();
        super::simplify(&pairs)
    }

    /// The first char where the table and fast2s part, with its neighbours.
    fn first_difference(text: &str) -> Option<String> {
        let pairs: Vec<super::Pair> = text.chars().map(|c| (c, 0)).collect();
        let (ours, theirs) = (super::fast2s_like(&pairs), fast2s::convert(text));
        let (ours, theirs): (Vec<char>, Vec<char>) =
            (ours.chars().collect(), theirs.chars().collect());
        let at = (0..ours.len().max(theirs.len())).find(|&i| ours.get(i) != theirs.get(i))?;
        let near = |v: &[char]| {
            v[at.saturating_sub(1)..(at + 2).min(v.len())]
                .iter()
                .collect::<String>()
        };
        Some(format!("at {at}: {} for {}", near(&ours), near(&theirs)))
    }

    #[test]
    fn the_table_gives_what_fast2s_gives_for_every_char_alone() {
        let all: String = ('\u{800}'..='\u{FFFF}').flat_map(|c| [c, ' ']).collect();
        assert_eq!(first_difference(&all), None);
        for c in ('\u{800}'..='\u{FFFF}').filter(|&c| super::convert_one(c) != c) {
            assert!(super::may_change(c), "{c}");
        }
    }

    #[test]
    fn the_table_gives_what_fast2s_gives_next_to_every_han_char() {
        // Every char the table may change, and every char of its words, after and before each
        // ideograph of the plane: the words of t2s_context.txt are all fast2s has, and right.
        let mut chars: Vec<char> = ('\u{800}'..='\u{FFFF}')
            .filter(|&c| super::may_change(c))
            .chain(super::T2S_CONTEXT.iter().flat_map(|r| r.word))
            .collect();
        chars.sort_unstable();
        chars.dedup();
        let han = ('\u{3400}'..='\u{4DBF}')
            .chain('\u{4E00}'..='\u{9FFF}')
            .chain('\u{F900}'..='\u{FAFF}');
        for partner in han {
            assert_eq!(
                first_difference(&beside(partner, &chars)),
                None,
                "beside {partner}"
            );
        }
    }

    #[test]
    fn words_and_line_ends() {
        // Rules of t2s_context.txt at a line's start and end, and cut by a line break.
        let cases = [
            ("乾隆的乾兒子", "乾隆的干儿子"),
            ("看著\n著", "看着\n著"),
            ("企畫\n畫圖", "企划\n画图"),
            ("計\n畫", "计\n画"),
            ("答覆，覆蓋", "答覆，覆盖"),
        ];
        for (text, want) in cases {
            assert_eq!(simplify(text), want, "{text}");
            assert_eq!(first_difference(text), None, "{text}");
        }
    }

    #[test]
    fn simplify_matches_one_whole_text_run() {
        let text = "乾隆的乾兒子一邊乾淨利落地擲出了一個乾卦。\n企畫 計畫 畫圖\n憑藉，藉口，慰藉，看著，苧麻，樊於期，闔家，鍾書\n简体不变，國家統計局\n答覆";
        assert_eq!(first_difference(text), None);
        assert_eq!(super::convert_one('國'), '国');
        assert_eq!(super::convert_one('著'), '著');
    }
}
