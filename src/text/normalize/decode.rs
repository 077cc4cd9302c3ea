//! The first pass: the input's chars into the buffer of `(char, origin)` pairs.
//!
//! Contract: line ends become `\n` (`\r\n` one), tabs a space; control chars, BOM, zero-width
//! and direction marks, soft hyphens and noncharacters are dropped, so no later pass meets them
//! and the markers [`super::HEADING`] and [`super::HARD`] cannot be forged by the input. Each pair
//! holds the code-point index of its input char.

use super::Pair;

/// Copy `input` into `v` with line ends unified and invisible junk dropped; returns the
/// input's length in code points.
pub(super) fn decode(input: &str, v: &mut Vec<Pair>) -> u32 {
    let mut n: u32 = 0;
    let mut after_cr = false;
    for c in input.chars() {
        let o = n;
        n = n.saturating_add(1);
        if kept_as_is(c) {
            after_cr = false;
            v.push((c, o));
            continue;
        }
        if c == '\n' && after_cr {
            after_cr = false;
            continue;
        }
        after_cr = c == '\r';
        if let Some(c) = clean_char(c) {
            v.push((c, o));
        }
    }
    n
}

/// Printable ASCII and the CJK blocks, most of any text here, which [`clean_char`] keeps as
/// they are: checked first, so they skip its match.
#[inline]
fn kept_as_is(c: char) -> bool {
    matches!(c, ' '..='~' | '\u{3000}'..='\u{D7FF}')
}

/// What one input char becomes: `\r` and the Unicode line separators a `\n`, a tab a space;
/// control chars, BOM, zero-width and direction marks, soft hyphens and noncharacters (which
/// would forge [`HEADING`] and [`HARD`]) nothing. Also applied to chars entities decode to.
#[inline]
pub(super) fn clean_char(c: char) -> Option<char> {
    match c {
        ' '..='~' => Some(c),
        '\n' | '\r' | '\u{2028}' | '\u{2029}' => Some('\n'),
        '\t' => Some(' '),
        '\0'..='\u{1F}' | '\u{7F}'..='\u{9F}' => None,
        '\u{AD}'
        | '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{2069}'
        | '\u{FEFF}' => None,
        '\u{FDD0}'..='\u{FDEF}' | '\u{FFFE}' | '\u{FFFF}' => None,
        _ => Some(c),
    }
}

#[cfg(test)]
mod tests {
    use super::super::assert_cases;

    #[test]
    fn cases() {
        assert_cases(&[
            ("\u{FEFF}同比增长8.4%", "同比增长8.4%"),
            (
                "第一段。\r\n第二段。\r第三段。",
                "第一段。\n第二段。\n第三段。",
            ),
            ("增\0长\u{1}8.4%\u{85}\u{7F}", "增长8.4%"),
            ("GDP\tgrowth", "GDP growth"),
            ("增长\u{200B}8.4%\u{FDD0}", "增长8.4%"),
        ]);
    }

    #[test]
    fn chars_kept_as_is_are_those_clean_char_keeps() {
        for c in ('\0'..=char::MAX).filter(|&c| super::kept_as_is(c)) {
            assert_eq!(super::clean_char(c), Some(c), "{c:?}");
        }
    }
}
