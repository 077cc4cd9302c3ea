//! Numbers as written in Chinese text: Arabic (`1,234.5`), Chinese numerals (`三千五百万`,
//! `十二`, `两`), and scale words (`万`, `亿`, `万亿`) folded in without float noise.

use crate::text::script::{cn_digit, cn_power};
use crate::vocab::{Words, VOCAB};
use std::sync::LazyLock;

/// A number read from the text, before its unit.
#[derive(Debug, Clone, PartialEq)]
pub struct Num {
    /// Char range in the text (the numeral and its scale word).
    pub start: usize,
    pub end: usize,
    /// The value with the scale folded in: 752.1亿 → 75210000000.
    pub value: f64,
    /// The numeral as a person writes it, without separators: `752.1`, or the Arabic form of
    /// a Chinese numeral.
    pub mantissa: String,
    /// The scale word as written after the numeral (`亿`, `万`), or empty.
    pub scale: &'static str,
    /// Written in Chinese numerals (三年, 十二).
    pub chinese: bool,
}

/// A char a Chinese numeral may start with: a digit or 十.
pub fn is_cn_digit(c: char) -> bool {
    cn_digit(c).is_some() || cn_power(c) == Some(1)
}

fn is_cn_numeral(c: char) -> bool {
    cn_digit(c).is_some() || cn_power(c).is_some()
}

/// `digits` × 10^`exp` as the nearest float, computed from the decimal string so that
/// 113.6亿 is 11360000000 and not 11359999999.999998.
fn scaled(digits: &str, exp: i32) -> Option<f64> {
    // Unscaled (most numbers), the digits parse to the same float without the exponent.
    let v: f64 = if exp == 0 {
        super::decimal::parse(digits)?
    } else {
        super::decimal::parse(&format!("{digits}e{exp}"))?
    };
    v.is_finite().then_some(v)
}

/// The scale word at `chars[at..]` (`scales.txt`), if any.
pub fn scale_at(chars: &[char], at: usize) -> Option<(&'static str, i32)> {
    let w = SCALE_WORDS.at(chars, at)?;
    VOCAB.scales.iter().find(|&&(s, _)| s == w).copied()
}

/// The scale words as one matcher: asked after every number, a walk over the list each time
/// was a good part of reading one.
static SCALE_WORDS: LazyLock<Words> =
    LazyLock::new(|| Words::new(VOCAB.scales.iter().map(|&(w, _)| w).collect()));

/// More integer digits than this make an identifier, not an amount.
const MAX_DIGITS: usize = 16;

/// An Arabic number starting at `at` (digits, thousands separators, one decimal point), with
/// a scale word after it. `None` when `at` is not the start of a whole number (inside a
/// longer run of digits or letters, a dotted version like 1.2.3, a word like 5G).
pub fn arabic_at(chars: &[char], at: usize) -> Option<Num> {
    let prev = at.checked_sub(1).map(|p| chars[p]);
    if let Some(p) = prev {
        if p.is_ascii_alphanumeric() || p == '.' || p == '_' {
            return None;
        }
    }
    let mut i = at;
    // Sized for any amount, so that no digit reallocates.
    let mut mantissa = String::with_capacity(2 * MAX_DIGITS);
    while i < chars.len() && chars[i].is_ascii_digit() {
        mantissa.push(chars[i]);
        i += 1;
    }
    if mantissa.is_empty() {
        return None;
    }
    // Thousands separators: a comma followed by exactly three digits. Only while the number
    // can still be an amount (see below): 8,808,808,… must not be read to its end from every
    // comma, which is quadratic.
    while mantissa.len() <= MAX_DIGITS
        && i + 3 < chars.len() + 1
        && chars.get(i) == Some(&',')
        && chars[i + 1..]
            .iter()
            .take(3)
            .filter(|c| c.is_ascii_digit())
            .count()
            == 3
        && !chars.get(i + 4).is_some_and(|c| c.is_ascii_digit())
    {
        mantissa.extend(&chars[i + 1..i + 4]);
        i += 4;
    }
    // The integer digits (ASCII, a byte each).
    let digits = mantissa.len();
    if chars.get(i) == Some(&'.') && chars.get(i + 1).is_some_and(|c| c.is_ascii_digit()) {
        mantissa.push('.');
        i += 1;
        while i < chars.len() && chars[i].is_ascii_digit() {
            mantissa.push(chars[i]);
            i += 1;
        }
    }
    // 1.2.3 or 3.5.1: a version or a date, not a number.
    if chars.get(i) == Some(&'.') && chars.get(i + 1).is_some_and(|c| c.is_ascii_digit()) {
        return None;
    }
    // 5G, 453X, 20px are names and codes; 38GWh is a quantity in a Latin unit.
    let unit = VOCAB.units.at(chars, i);
    let latin_unit = unit.is_some_and(|u| u.starts_with(|c: char| c.is_ascii_alphabetic()))
        && !chars
            .get(i + unit.map_or(0, |u| u.len()))
            .is_some_and(|c| c.is_ascii_alphanumeric());
    if !latin_unit
        && chars
            .get(i)
            .is_some_and(|c| c.is_ascii_alphabetic() || *c == '_')
    {
        return None;
    }
    // Very long digit runs are identifiers (phone, licence, account numbers), never amounts.
    if digits > MAX_DIGITS {
        return None;
    }
    // 1200千瓦时, 300千克: a unit that starts with a scale's char is the unit, not a scale.
    let unit_here = unit.map_or(0, |u| u.chars().count());
    let scale_here = scale_at(chars, i).filter(|(w, _)| w.chars().count() >= unit_here);
    let (scale, exp) = match scale_here.or_else(|| trillion_at(chars, i)) {
        Some((w, e)) => {
            i += w.chars().count();
            (w, e)
        }
        None => ("", 0),
    };
    let value = scaled(&mantissa, exp)?;
    let num = Num {
        start: at,
        end: i,
        value,
        mantissa: trim_mantissa(mantissa),
        scale,
        chinese: false,
    };
    Some(compound(chars, num, exp))
}

/// 兆 as Taiwan writes 10¹² (43兆4428.26億元, 1.27兆元); before anything else it is "mega"
/// (兆瓦) and no scale.
fn trillion_at(chars: &[char], at: usize) -> Option<(&'static str, i32)> {
    let w = &VOCAB.scan;
    let next = chars.get(at + 1);
    let word = w.trillion.at(chars, at)?;
    next.is_some_and(|&c| c.is_ascii_digit() || w.trillion_before.has(c))
        .then_some((word, TRILLION))
}

/// The power of ten of 兆 where it is a scale.
const TRILLION: i32 = 12;

/// A number written in two scaled parts (43兆4428.26亿, 41万1930辆): the second part, smaller
/// than one unit of the first's scale, is added. The written form keeps both parts.
fn compound(chars: &[char], num: Num, exp: i32) -> Num {
    if exp < 4 || !chars.get(num.end).is_some_and(|c| c.is_ascii_digit()) {
        return num;
    }
    let Some(rest) = arabic_at(chars, num.end) else {
        return num;
    };
    let rest_exp = scale_at(chars, rest.end - rest.scale.chars().count())
        .filter(|_| !rest.scale.is_empty())
        .map_or(0, |(_, e)| e);
    if rest_exp >= exp || rest.value >= 10f64.powi(exp) || rest.value == 0.0 {
        return num;
    }
    Num {
        end: rest.end,
        value: num.value + rest.value,
        mantissa: format!("{}{}{}", num.mantissa, num.scale, rest.mantissa),
        scale: rest.scale,
        ..num
    }
}

/// Drop leading zeros (but keep `0.5`).
fn trim_mantissa(m: String) -> String {
    if !m.starts_with('0') {
        // Most numbers: nothing to trim, and no copy.
        return m;
    }
    let t = m.trim_start_matches('0');
    if t.is_empty() || t.starts_with('.') {
        format!("0{t}")
    } else {
        t.to_string()
    }
}

/// A Chinese numeral starting at `at`: it must start with a digit or 十 (a bare 百 or 亿 is
/// a word, as in 百强 or 亿元以上).
pub fn chinese_at(chars: &[char], at: usize) -> Option<Num> {
    if !chars.get(at).copied().is_some_and(is_cn_digit) {
        return None;
    }
    let mut end = at;
    while end < chars.len() && is_cn_numeral(chars[end]) && end - at < 24 {
        end += 1;
    }
    let run = &chars[at..end];
    let value = cn_value(run)?;
    let (scale, exp) = written_scale(run);
    if exp == 0 {
        if let Some(num) = cn_decimal(chars, at, end, value) {
            return Some(num);
        }
    }
    let shown = value / 10f64.powi(exp);
    Some(Num {
        start: at,
        end,
        value,
        mantissa: super::format::number(shown),
        scale,
        chinese: true,
    })
}

/// 四点二, 三点五亿: a Chinese numeral `chars[at..end]` (worth `whole`) with a decimal point
/// and plain digits after it, and a scale word after those. 十二点三十分 is a time: a digit
/// run that goes on with 十 or 百 is not a decimal part.
fn cn_decimal(chars: &[char], at: usize, end: usize, whole: f64) -> Option<Num> {
    let point = VOCAB.scan.decimal.at(chars, end)?;
    let from = end + point.chars().count();
    let mut to = from;
    let mut fraction = String::new();
    while let Some(d) = chars.get(to).and_then(|&c| cn_digit(c)) {
        fraction.push(char::from_digit(d as u32, 10)?);
        to += 1;
    }
    if fraction.is_empty()
        || chars
            .get(to)
            .is_some_and(|&c| cn_power(c).is_some_and(|p| p < 4))
    {
        return None;
    }
    let mantissa = format!("{}.{fraction}", super::format::number(whole));
    let (scale, exp) = scale_at(chars, to).unwrap_or(("", 0));
    Some(Num {
        start: at,
        end: to + scale.chars().count(),
        value: scaled(&mantissa, exp)?,
        mantissa,
        scale,
        chinese: true,
    })
}

/// The scale a Chinese numeral is shown in: the largest of 亿 and 万 it holds (三千五百万 is
/// shown as 3500万), or none.
fn written_scale(run: &[char]) -> (&'static str, i32) {
    VOCAB
        .scales
        .iter()
        .filter(|(_, exp)| *exp >= 4)
        .filter_map(|&(w, exp)| {
            let mut cs = w.chars();
            let c = cs.next().filter(|_| cs.next().is_none())?;
            run.contains(&c).then_some((w, exp))
        })
        .max_by_key(|&(_, exp)| exp)
        .unwrap_or(("", 0))
}

/// The value of a run of Chinese numerals: 三千五百万 → 35000000, 十二 → 12, 二〇二四 → 2024.
pub fn cn_value(run: &[char]) -> Option<f64> {
    if run.is_empty() {
        return None;
    }
    let has_unit = run.iter().any(|&c| cn_power(c).is_some());
    if !has_unit {
        // Read digit by digit: 二〇二四, or a single digit.
        let mut v: u64 = 0;
        for &c in run {
            v = v.checked_mul(10)?.checked_add(cn_digit(c)?)?;
        }
        return Some(v as f64);
    }
    let mut total: f64 = 0.0; // completed 亿 sections
    let mut section: f64 = 0.0; // completed 万 part within the current 亿 section
    let mut small: f64 = 0.0; // below 万
    let mut digit: Option<f64> = None;
    for &c in run {
        match cn_power(c) {
            Some(power @ 1..=3) => {
                small += digit.take().unwrap_or(1.0) * 10f64.powi(power);
            }
            Some(4) => {
                small += digit.take().unwrap_or(0.0);
                section += if small == 0.0 { 1.0 } else { small } * 1e4;
                small = 0.0;
            }
            Some(_) => {
                small += digit.take().unwrap_or(0.0);
                let part = section + small;
                total += if part == 0.0 { 1.0 } else { part } * 1e8;
                section = 0.0;
                small = 0.0;
            }
            _ => {
                let d = cn_digit(c)? as f64;
                digit = Some(digit.map_or(d, |p| p * 10.0 + d));
            }
        }
    }
    let v = total + section + small + digit.unwrap_or(0.0);
    v.is_finite().then_some(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn arabic_numbers_with_scale() {
        // (text, value, mantissa, scale, consumed chars)
        let cases: &[(&str, f64, &str, &str, usize)] = &[
            ("752.1亿元", 75_210_000_000.0, "752.1", "亿", 6),
            ("1.03万个", 10_300.0, "1.03", "万", 5),
            ("113.6亿元", 11_360_000_000.0, "113.6", "亿", 6),
            ("8.4%", 8.4, "8.4", "", 3),
            ("12,345,678元", 12_345_678.0, "12345678", "", 10),
            ("1.2万亿元", 1.2e12, "1.2", "万亿", 5),
            ("3180万元", 31_800_000.0, "3180", "万", 5),
            ("0.5个百分点", 0.5, "0.5", "", 3),
            ("007家", 7.0, "7", "", 3),
            (
                "9999999999999999亿元",
                9_999_999_999_999_999e8,
                "9999999999999999",
                "亿",
                17,
            ),
        ];
        for &(text, value, mantissa, scale, len) in cases {
            let n = arabic_at(&chars(text), 0).unwrap_or_else(|| panic!("{text}"));
            assert_eq!(n.value, value, "{text}");
            assert_eq!(n.mantissa, mantissa, "{text}");
            assert_eq!(n.scale, scale, "{text}");
            assert_eq!(n.end, len, "{text}");
        }
    }

    #[test]
    fn arabic_non_numbers() {
        for (text, at) in [
            ("5G基站", 0),
            ("453X体系", 0),
            ("1.2.3.4%", 0),
            ("SZ300829", 2),
            ("20px", 0),
            ("12345678901234567890123", 0),
        ] {
            assert_eq!(arabic_at(&chars(text), at), None, "{text}");
        }
        // A list is two numbers, never one.
        let c = chars("16.2%、11.9%");
        assert_eq!(arabic_at(&c, 0).unwrap().value, 16.2);
    }

    #[test]
    fn chinese_numerals() {
        let cases: &[(&str, f64, usize)] = &[
            ("三年", 3.0, 1),
            ("十二", 12.0, 2),
            ("两", 2.0, 1),
            ("一百二十", 120.0, 4),
            ("三千五百万元", 35_000_000.0, 5),
            ("二〇二四年", 2024.0, 4),
            ("十万", 100_000.0, 2),
            ("一万二千", 12_000.0, 4),
            ("三亿五千万", 350_000_000.0, 5),
            ("五十万亿", 5e13, 4),
        ];
        for &(text, value, len) in cases {
            let n = chinese_at(&chars(text), 0).unwrap_or_else(|| panic!("{text}"));
            assert_eq!(n.value, value, "{text}");
            assert_eq!(n.end, len, "{text}");
            assert!(n.chinese);
        }
        for text in ["百强市", "亿元以上", "千亿规模"] {
            assert_eq!(chinese_at(&chars(text), 0), None, "{text}");
        }
    }
}
