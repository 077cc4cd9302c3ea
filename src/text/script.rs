//! The one set of character classes every stage reads: which chars are Han ideographs, which
//! sit without spaces in Chinese text, and which belong to neither Chinese nor ASCII. Normalising,
//! segmenting, scanning and reading all ask here, so they agree on what "Chinese" means.

/// A Han ideograph: the unified blocks with Extension A, the compatibility block, the
/// supplementary planes' extensions, and 〇 (the zero of 二〇二四年).
pub fn han(c: char) -> bool {
    matches!(c,
        '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{3134F}'
        | '\u{3007}')
}

/// A char set without spaces around it in Chinese: ideographs and Chinese punctuation.
pub fn wide(c: char) -> bool {
    han(c)
        || matches!(c,
            '\u{3001}'..='\u{303F}'
            | '\u{FF01}'..='\u{FF60}'
            | '\u{FE30}'..='\u{FE4F}'
            | '\u{2018}'..='\u{201F}'
            | '\u{2014}' | '\u{2015}' | '\u{2026}' | '\u{00B7}' | '\u{30FB}' | '\u{2236}')
}

/// A letter, digit or symbol that is neither Chinese nor ASCII (nor the punctuation and quotes
/// Chinese text uses), so it cannot be part of a Chinese metric's name.
pub fn foreign(c: char) -> bool {
    !(c.is_ascii()
        || han(c)
        || matches!(c, '\u{2000}'..='\u{206F}' | '\u{3000}'..='\u{303F}' | '\u{FF00}'..='\u{FFEF}'))
}

/// The value of a Chinese digit: 零 and 〇 are 0, 两 is 2 (the one table of Chinese digits;
/// the number reader, the enumerators and the plan headings all ask here).
pub fn cn_digit(c: char) -> Option<u64> {
    Some(match c {
        '零' | '〇' => 0,
        '一' => 1,
        '二' | '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

/// The power of ten of a Chinese place numeral: 十 1, 百 2, 千 3, 万 4, 亿 8.
pub fn cn_power(c: char) -> Option<i32> {
    Some(match c {
        '十' => 1,
        '百' => 2,
        '千' => 3,
        '万' => 4,
        '亿' => 8,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes() {
        // (char, han, wide, foreign)
        let cases = [
            ('国', true, true, false),
            ('㐀', true, true, false),
            ('〇', true, true, false),
            ('𠀀', true, true, false),
            ('，', false, true, false),
            ('“', false, true, false),
            ('a', false, false, false),
            ('5', false, false, false),
            ('é', false, false, true),
            ('한', false, false, true),
        ];
        for (c, h, w, f) in cases {
            assert_eq!((han(c), wide(c), foreign(c)), (h, w, f), "{c}");
        }
    }

    #[test]
    fn chinese_numerals() {
        let digits: Vec<_> = "〇一两三四五六七八九".chars().map(cn_digit).collect();
        assert_eq!(digits, (0..10).map(Some).collect::<Vec<_>>());
        assert_eq!(
            (cn_digit('零'), cn_digit('二'), cn_digit('十')),
            (Some(0), Some(2), None)
        );
        let powers: Vec<_> = "十百千万亿个".chars().map(cn_power).collect();
        assert_eq!(powers, [Some(1), Some(2), Some(3), Some(4), Some(8), None]);
    }
}
