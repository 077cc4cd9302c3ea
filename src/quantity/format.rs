//! How a number is written back out: one form for the scan's mantissas, the rules' derived
//! values and every renderer, so a value reads the same wherever it is shown.

/// A float without noise or exponent: 75210000000, 8.4, -15.
pub fn number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}
