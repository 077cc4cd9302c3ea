//! Decimal text to the nearest `f64`, as `str::parse::<f64>` gives it, without its tables.
//!
//! Contract: [`parse`] gives, bit for bit, what `s.parse::<f64>().ok()` gives for every text of
//! digits, one `.`, a sign and an `e` exponent (the forms the number readers write), and none
//! for any other text (std also reads `inf` and `NaN`, which no reader writes). Std's reader
//! carries a 9.5 KB table of powers of five that does not compress, a twentieth of the page's
//! wasm; here a short number (fifteen digits and a power of ten up to 22, nearly every number
//! of an article) is one exact float operation, and any other is rounded exactly with big
//! integers, which is slow but small.

use std::cmp::Ordering;

/// The text as the nearest float (ties to even), or none if it is not a decimal number.
pub fn parse(s: &str) -> Option<f64> {
    let d = Decimal::read(s)?;
    let magnitude = if d.digits.is_empty() {
        0.0
    } else {
        d.fast().unwrap_or_else(|| d.exact())
    };
    Some(if d.negative { -magnitude } else { magnitude })
}

/// The significant digits read, past the last one kept, mark a number as longer: a float is
/// decided by its first 768 digits and whether any later one is not zero.
const MAX_DIGITS: usize = 768;

/// A decimal number: `digits` (no leading or trailing zero) × 10^`exp`.
struct Decimal {
    negative: bool,
    digits: Vec<u8>,
    exp: i64,
}

impl Decimal {
    /// `[+-]digits[.digits][(e|E)[+-]digits]`, with a digit before or after the point.
    fn read(s: &str) -> Option<Decimal> {
        let b = s.as_bytes();
        let mut i = 0;
        let negative = b.first() == Some(&b'-');
        if matches!(b.first(), Some(b'-' | b'+')) {
            i = 1;
        }
        let (mut digits, mut exp, mut any, mut dropped) = (Vec::new(), 0i64, false, false);
        let mut point = false;
        while i < b.len() {
            match b[i] {
                c @ b'0'..=b'9' => {
                    any = true;
                    if point {
                        exp -= 1;
                    }
                    if digits.len() < MAX_DIGITS {
                        if c != b'0' || !digits.is_empty() {
                            digits.push(c - b'0');
                        }
                    } else {
                        // Past the digits kept: it only counts as a power of ten, and whether
                        // it is zero.
                        exp += 1;
                        dropped |= c != b'0';
                    }
                }
                b'.' if !point => point = true,
                _ => break,
            }
            i += 1;
        }
        if !any {
            return None;
        }
        if i < b.len() {
            if !matches!(b[i], b'e' | b'E') {
                return None;
            }
            exp = exp.saturating_add(exponent(&b[i + 1..])?);
        }
        if dropped {
            // A digit after the kept ones stands for all the dropped ones that are not zero.
            digits.push(1);
            exp -= 1;
        }
        while digits.last() == Some(&0) {
            digits.pop();
            exp += 1;
        }
        Some(Decimal {
            negative,
            digits,
            exp,
        })
    }

    /// Clinger's fast path: at most 15 digits (exact as a float) and a power of ten of at most
    /// 22 (exact too), so one multiplication or division rounds once, as the exact value would.
    fn fast(&self) -> Option<f64> {
        if self.digits.len() > 15 || self.exp.abs() > 22 {
            return None;
        }
        let w = self.digits.iter().fold(0u64, |w, &d| w * 10 + u64::from(d)) as f64;
        let p = POW10[self.exp.unsigned_abs() as usize];
        Some(if self.exp >= 0 { w * p } else { w / p })
    }

    /// The value rounded exactly: the 54 leading bits of digits × 10^exp by long division of
    /// big integers, and whether anything is left, then ties to even.
    fn exact(&self) -> f64 {
        let n = self.digits.len() as i64;
        if n + self.exp > 310 {
            return f64::INFINITY;
        }
        if n + self.exp < -325 {
            return 0.0;
        }
        let mut num = Big::from_digits(&self.digits);
        let mut den = Big::one();
        if self.exp >= 0 {
            num.mul_pow10(self.exp as u32);
        } else {
            den.mul_pow10(self.exp.unsigned_abs() as u32);
        }
        // 2^(k-1) < value < 2^(k+1); which side of 2^k decides its top bit.
        let k = num.bits() as i64 - den.bits() as i64;
        let top = if compare_scaled(&num, &den, k) == Ordering::Less {
            k - 1
        } else {
            k
        };
        // The last of the 54 bits taken (53 of the float and the rounding one), never below
        // half the least subnormal.
        let p = (top - 53).max(-1075);
        let (mut rest, den) = if p < 0 {
            (num.shl(p.unsigned_abs() as usize), den)
        } else {
            (num, den.shl(p as usize))
        };
        let mut q = 0u64;
        for i in (0..=54).rev() {
            let step = den.shl(i);
            if rest.cmp(&step) != Ordering::Less {
                rest.sub(&step);
                q |= 1 << i;
            }
        }
        let (mut m, half, sticky) = (q >> 1, q & 1 == 1, !rest.is_zero());
        let mut e = p + 1;
        if half && (sticky || m & 1 == 1) {
            m += 1;
        }
        if m == 1 << 53 {
            m >>= 1;
            e += 1;
        }
        if m < 1 << 52 {
            // Subnormal (e is -1074): the mantissa as is, no implicit bit.
            return f64::from_bits(m);
        }
        let biased = e + 1075;
        if biased >= 2047 {
            return f64::INFINITY;
        }
        f64::from_bits(((biased as u64) << 52) | (m - (1 << 52)))
    }
}

/// An exponent's `[+-]digits`, saturated far beyond any float's range.
fn exponent(b: &[u8]) -> Option<i64> {
    let (negative, b) = match b.first() {
        Some(b'-') => (true, &b[1..]),
        Some(b'+') => (false, &b[1..]),
        _ => (false, b),
    };
    if b.is_empty() || !b.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let e = b
        .iter()
        .fold(0i64, |e, &c| (e * 10 + i64::from(c - b'0')).min(1 << 40));
    Some(if negative { -e } else { e })
}

/// `num / den` against 2^`t`.
fn compare_scaled(num: &Big, den: &Big, t: i64) -> Ordering {
    if t >= 0 {
        num.cmp(&den.shl(t as usize))
    } else {
        num.shl(t.unsigned_abs() as usize).cmp(den)
    }
}

/// The powers of ten a float holds exactly.
const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// A natural number in 32-bit limbs, least significant first, without high zero limbs.
#[derive(PartialEq, Eq)]
struct Big(Vec<u32>);

impl Big {
    fn one() -> Big {
        Big(vec![1])
    }

    fn from_digits(digits: &[u8]) -> Big {
        let mut b = Big(Vec::new());
        for chunk in digits.chunks(9) {
            let v = chunk.iter().fold(0u32, |v, &d| v * 10 + u32::from(d));
            b.mul_add(10u32.pow(chunk.len() as u32), v);
        }
        b
    }

    /// self × `m` + `a`.
    fn mul_add(&mut self, m: u32, a: u32) {
        let mut carry = u64::from(a);
        for limb in &mut self.0 {
            let v = u64::from(*limb) * u64::from(m) + carry;
            *limb = v as u32;
            carry = v >> 32;
        }
        if carry > 0 {
            self.0.push(carry as u32);
        }
    }

    fn mul_pow10(&mut self, mut e: u32) {
        while e > 0 {
            let step = e.min(9);
            self.mul_add(10u32.pow(step), 0);
            e -= step;
        }
    }

    fn is_zero(&self) -> bool {
        self.0.is_empty()
    }

    /// How many bits it takes (0 for zero).
    fn bits(&self) -> usize {
        self.0
            .last()
            .map_or(0, |top| self.0.len() * 32 - top.leading_zeros() as usize)
    }

    /// self × 2^`n`.
    fn shl(&self, n: usize) -> Big {
        let (limbs, bits) = (n / 32, n % 32);
        let mut out = vec![0u32; limbs];
        let mut carry = 0u32;
        for &limb in &self.0 {
            if bits == 0 {
                out.push(limb);
            } else {
                out.push((limb << bits) | carry);
                carry = limb >> (32 - bits);
            }
        }
        if carry > 0 {
            out.push(carry);
        }
        let mut b = Big(out);
        b.trim();
        b
    }

    /// self − `other`, which is not larger.
    fn sub(&mut self, other: &Big) {
        let mut borrow = 0i64;
        for (i, limb) in self.0.iter_mut().enumerate() {
            let v = i64::from(*limb) - i64::from(other.0.get(i).copied().unwrap_or(0)) - borrow;
            borrow = i64::from(v < 0);
            *limb = v.rem_euclid(1 << 32) as u32;
        }
        self.trim();
    }

    fn trim(&mut self) {
        while self.0.last() == Some(&0) {
            self.0.pop();
        }
    }

    fn cmp(&self, other: &Big) -> Ordering {
        self.0
            .len()
            .cmp(&other.0.len())
            .then_with(|| self.0.iter().rev().cmp(other.0.iter().rev()))
    }
}

#[cfg(test)]
mod tests {
    use super::parse;
    use proptest::prelude::*;

    fn same(s: &str) {
        let theirs = s.parse::<f64>().ok();
        let ours = parse(s);
        assert_eq!(
            ours.map(f64::to_bits),
            theirs.map(f64::to_bits),
            "{s}: {ours:?} for {theirs:?}"
        );
    }

    #[test]
    fn cases() {
        for s in [
            "0",
            "1",
            "12",
            "113.6",
            "113.6e8",
            "0.1",
            "5.",
            ".5",
            "-3.25",
            "+7",
            "1e22",
            "1e23",
            "9007199254740993",
            "123456789012345678901234567890",
            "2.2250738585072011e-308",
            "2.2250738585072014e-308",
            "4.9e-324",
            "2.4703282292062327e-324",
            "2.4703282292062328e-324",
            "1.7976931348623157e308",
            "1.7976931348623159e308",
            "1e309",
            "1e-400",
            "0.000000000000000000000000000001",
            "1e-5",
            "00012.5000",
            "9999999999999999999",
            "0.30000000000000004",
            "1e0",
            "0e999999999999",
            "1e+2",
            "",
            ".",
            "-",
            "1.2.3",
            "1e",
            "e5",
            "1,000",
            "1e-",
            "--1",
            " 1",
        ] {
            same(s);
        }
        // More digits than are kept: only whether the dropped ones are zero counts.
        let long = format!("1.{}5{}", "0".repeat(800), "0".repeat(50));
        same(&long);
        same(&format!("{}e-400", "9".repeat(1200)));
        // A subnormal written out to more than 768 digits, and with a last 1 after them.
        let tie = "7.4109846876186981626485318930233205854758970392148714663837852375101326090531312779794975454245398856969484704316857659638998506553390969459816219401617281718945106978546710679176872575177347315553307795408549809608457500958111373034747658096871009590975442271004757307809711118935784838675653998783503015228055934046593739791790738723868299395818481660169122019456499931289798411362062484498678713572180352209017023903285791732520220528974020802906854021606612375549983402671300035812486479041385743401875520901590172592547146296175134159774938718574737870961645638908718119841271673056017045493004705269590165763776884908267986972573366521765567941072508764337560846003984904972149117463085539556354188641513168478436313080237596295773983001708984375e-324";
        same(tie);
        same(&format!("{tie}1"));
        // No reader writes these; std reads them, this does not.
        assert_eq!((parse("inf"), parse("NaN")), (None, None));
    }

    proptest! {
        #[test]
        fn parses_as_std_does(s in "[-+]?[0-9]{0,25}(\\.[0-9]{0,25})?([eE][-+]?[0-9]{1,3})?") {
            same(&s);
        }

        #[test]
        fn any_short_text_of_number_chars(s in "[0-9.eE+-]{0,12}") {
            same(&s);
        }

        #[test]
        fn every_float_written_shortest_or_long(bits in any::<u64>()) {
            let v = f64::from_bits(bits);
            if v.is_finite() {
                same(&format!("{v:e}"));
                same(&format!("{v:.30e}"));
                same(&format!("{v}"));
            }
        }
    }
}
