//! What a quantity is counted in, as the scan reads it and the card model spells it.

/// What a number is counted in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Percent,
    /// 个百分点: a difference of percentages, never the same as `%`.
    Points,
    Money(&'static str),
    Measure(&'static str),
    /// N倍 (a multiple).
    Times,
    /// A position: 第3, 首位.
    Rank,
    /// Years of a run: 连续三年.
    Years,
    /// No unit: only useful when a list lends it one (1.9和4.4个百分点).
    Bare,
}

impl Unit {
    /// The unit as the card model spells it.
    pub fn name(self) -> &'static str {
        match self {
            Unit::Percent => "%",
            Unit::Points => "个百分点",
            Unit::Money(w) | Unit::Measure(w) => w,
            Unit::Times => "倍",
            Unit::Rank => "位",
            Unit::Years => "年",
            Unit::Bare => "",
        }
    }
}
