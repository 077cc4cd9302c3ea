//! Pinyin readings in parentheses after Han chars (`同比(tóngbǐ)`), which the folding pass
//! drops.
//!
//! Contract: [`pinyin_at`] finds a reading: letters, spaces and apostrophes only, with a tone mark
//! or else no capitals, within [`PINYIN_BOUND`] chars; `(GDP)`, `(Beijing)` and `(SZ300829)` are
//! not readings.

use super::Pair;

/// Longest pinyin reading in parentheses that is looked at.
const PINYIN_BOUND: usize = 64;

/// Whether `c` is a letter of pinyin, and whether it carries a tone mark.
fn pinyin_letter(c: char) -> Option<bool> {
    match c {
        'a'..='z' | 'A'..='Z' | 'ü' | 'Ü' | 'ê' | 'Ê' | 'ɑ' | 'ɡ' => Some(false),
        'ā' | 'á' | 'ǎ' | 'à' | 'ē' | 'é' | 'ě' | 'è' | 'ī' | 'í' | 'ǐ' | 'ì' | 'ō' | 'ó' | 'ǒ'
        | 'ò' | 'ū' | 'ú' | 'ǔ' | 'ù' | 'ǖ' | 'ǘ' | 'ǚ' | 'ǜ' | 'ń' | 'ň' | 'ǹ' | 'ḿ' | 'ế'
        | 'ề' | 'Ā' | 'Á' | 'Ǎ' | 'À' | 'Ē' | 'É' | 'Ě' | 'È' | 'Ī' | 'Í' | 'Ǐ' | 'Ì' | 'Ō'
        | 'Ó' | 'Ǒ' | 'Ò' | 'Ū' | 'Ú' | 'Ǔ' | 'Ù' | 'Ǖ' | 'Ǘ' | 'Ǚ' | 'Ǜ' => Some(true),
        // Combining tone marks, for pinyin typed with them.
        '\u{300}'..='\u{36F}' => Some(true),
        _ => None,
    }
}

/// The end (after `)`) of a pinyin reading whose `(` is at `i`: letters, spaces and
/// apostrophes only, with a tone mark or else no capitals (`(GDP)` is not a reading). Full-
/// width parentheses count too, as this runs while they are being folded.
pub(super) fn pinyin_at(v: &[Pair], i: usize) -> Option<usize> {
    let (mut letters, mut tone, mut upper) = (false, false, false);
    for (k, &(c, _)) in v.iter().enumerate().skip(i + 1).take(PINYIN_BOUND) {
        if matches!(c, ')' | '）') {
            return (letters && (tone || !upper)).then_some(k + 1);
        }
        match pinyin_letter(c) {
            Some(t) => {
                letters = true;
                tone |= t;
                upper |= c.is_ascii_uppercase();
            }
            None if matches!(c, ' ' | '\'' | '’') => {}
            None => return None,
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::super::assert_cases;

    #[test]
    fn cases() {
        assert_cases(&[
            ("同比(tóngbǐ)增长(zēngzhǎng)8.4%", "同比增长8.4%"),
            ("區(qū)", "区"),
            ("的(de)(de)", "的"),
            ("同比（tóngbǐ）增长", "同比增长"),
            ("北京(Běijīng)和(hé)上海", "北京和上海"),
            ("北京(Beijing)", "北京(Beijing)"),
            ("国内生产总值(GDP)", "国内生产总值(GDP)"),
            ("股份(SZ300829)", "股份(SZ300829)"),
            ("公众号(ID:excel-ers)", "公众号(ID:excel-ers)"),
            ("试点企业(全省仅5家)", "试点企业(全省仅5家)"),
            ("A(de)", "A(de)"),
        ]);
    }
}
