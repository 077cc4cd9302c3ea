//! The first pass: every quantity in the normalised text (number, scale, unit, bound), and
//! the numbers that are not quantities at all (dates, times, ordinals, codes, ranges).
//!
//! What a quantity means (a change, a share, a gap) is the second pass's business
//! ([`crate::read`]); this pass only reads the words glued to the number.

use super::number::{arabic_at, chinese_at, cn_value, is_cn_digit, scale_at, Num};
use super::unit::Unit;
use crate::model::Bound;
use crate::text::script::{cn_power, han};
use crate::vocab::{starts_with, Words, VOCAB};
use std::sync::LazyLock;

/// One quantity found in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    /// Char range of everything read: bound words, sign, number, scale, unit.
    pub start: usize,
    pub end: usize,
    pub num: Num,
    pub unit: Unit,
    pub bound: Option<Bound>,
    /// Written with a minus sign (同比-4%).
    pub negative: bool,
    /// 翻番, 倍增: a change of +100% (or more) with no number written.
    pub doubling: bool,
}

impl Quantity {
    /// The value as a person writes it: `752.1亿元`, `8.4%`, `≥7%`.
    pub fn display(&self, negative: bool) -> String {
        let mut s = String::with_capacity(32);
        if let Some(b) = self.bound {
            s.push_str(b.prefix());
        }
        if negative {
            s.push('-');
        }
        match self.unit {
            Unit::Rank => {
                s.push(VOCAB.marks.ordinal);
                s.push_str(&self.num.mantissa);
            }
            _ => {
                s.push_str(&self.num.mantissa);
                s.push_str(self.num.scale);
                s.push_str(self.unit.name());
            }
        }
        s
    }
}

/// Does a rank lead or scope stand just before `at` (within a few chars of the clause)?
fn rank_context(chars: &[char], at: usize) -> bool {
    let from = at.saturating_sub(12);
    let window = &chars[from..at];
    if window
        .iter()
        .any(|c| matches!(c, '，' | '。' | '；' | '\n'))
    {
        let cut = window
            .iter()
            .rposition(|c| matches!(c, '，' | '。' | '；' | '\n'))
            .map_or(0, |p| p + 1);
        return rank_context_in(&window[cut..]);
    }
    rank_context_in(window)
}

fn rank_context_in(window: &[char]) -> bool {
    (0..window.len()).any(|i| {
        VOCAB.rank_scopes.at(window, i).is_some() || VOCAB.rank_leads.at(window, i).is_some()
    })
}

/// A number (Arabic or Chinese) at `at`.
fn number_at(chars: &[char], at: usize) -> Option<Num> {
    arabic_at(chars, at)
        .or_else(|| chinese_at(chars, at))
        .or_else(|| round_at(chars, at))
}

/// 百余个, 千余场, 万余人: a round number told roughly, with no digit before it (a bare 百 is
/// otherwise a word, as in 百强).
fn round_at(chars: &[char], at: usize) -> Option<Num> {
    if !round_lead(chars, at) {
        return None;
    }
    let (word, exp) = scale_at(chars, at)?;
    // 万余 is shown as 1万, 百余 as 100.
    let (mantissa, scale) = if exp == MYRIAD {
        ("1".to_string(), word)
    } else {
        (format!("{}", 10u32.pow(exp.unsigned_abs())), "")
    };
    let prev = at.checked_sub(1).map(|p| chars[p]);
    let rough = chars.get(at + 1).is_some_and(|&c| VOCAB.scan.rough.has(c));
    if prev
        .is_some_and(|c| c.is_ascii_digit() || is_cn_digit(c) || (rough && VOCAB.scan.vague.has(c)))
    {
        return None;
    }
    Some(Num {
        start: at,
        end: at + 1,
        value: 10f64.powi(exp),
        mantissa,
        scale,
        chinese: true,
    })
}

/// The power of ten of 万, the largest scale a round count is told in (万余人).
const MYRIAD: i32 = 4;

/// 百, 千 or 万 before a rough-count word (百余, 千多): a round number with no digit.
fn round_lead(chars: &[char], at: usize) -> bool {
    let round = chars
        .get(at)
        .and_then(|&c| cn_power(c))
        .is_some_and(|p| (2..=MYRIAD).contains(&p));
    // Asked at every char: most are no 百, 千 or 万, and need no look around.
    if !round {
        return false;
    }
    let rough = chars.get(at + 1).is_some_and(|&c| VOCAB.scan.rough.has(c));
    // 上百家, 近千人, 数万元: after a vague lead, with a unit straight after.
    let vague = at > 0
        && VOCAB.scan.vague_lead.has(chars[at - 1])
        && (VOCAB.units.at(chars, at + 1).is_some() || VOCAB.money.at(chars, at + 1).is_some());
    rough || vague
}

/// Scan `chars` for quantities.
pub fn scan(chars: &[char]) -> Vec<Quantity> {
    let mut out: Vec<Quantity> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let w = &VOCAB.scan;
        let found = if c == VOCAB.marks.ordinal {
            rank_ordinal(chars, i)
        } else if let Some(first) = w.rank_first.at(chars, i).filter(|_| rank_context(chars, i)) {
            Some(rank_of(i, i + first.chars().count(), 1.0, "1"))
        } else if w.rank_top.has(c) {
            rank_top(chars, i)
        } else if let Some(lead) = w.streak_lead.at(chars, i) {
            streak(chars, i, lead.chars().count())
        } else if w.doubling_lead.has(c) || w.doubling.at(chars, i).is_some() {
            doubling(chars, i)
        } else if let Some(lead) = w.percent_words.at(chars, i) {
            percent_words(chars, i, i + lead.chars().count())
        } else if chars.get(i + 1).is_some_and(|&n| w.tenth.has(n)) && is_cn_digit(c) {
            tenths(chars, i)
        } else if c.is_ascii_digit() || is_cn_digit(c) || round_lead(chars, i) {
            quantity_at(chars, i)
        } else {
            None
        };
        // Quantities never overlap: one whose lead words (上百家's 上) reach back into the
        // last one's words (1以上) is not a quantity (fuzz: 1以上三%).
        let floor = out.last().map_or(0, |q: &Quantity| q.end);
        match found.filter(|q| q.start >= floor) {
            Some(q) => {
                i = q.end.max(i + 1);
                out.push(q);
            }
            None => {
                // Skip the rest of a numeral we refused, so its tail is not read again.
                let mut j = i + 1;
                if c.is_ascii_digit() {
                    while j < chars.len() && (chars[j].is_ascii_alphanumeric() || chars[j] == '.') {
                        j += 1;
                    }
                }
                i = j;
            }
        }
    }
    lend_units(chars, &mut out);
    out
}

/// 1.9和4.4个百分点, 16.2、11.9%: a bare number in a list takes the unit of the last item.
fn lend_units(chars: &[char], qs: &mut [Quantity]) {
    for k in (0..qs.len().saturating_sub(1)).rev() {
        if qs[k].unit != Unit::Bare || qs[k + 1].unit == Unit::Bare {
            continue;
        }
        let between = &chars[qs[k].end..qs[k + 1].start];
        let joined = VOCAB.scan.joiner.is(between) || between == ['，'];
        if joined && !qs[k].num.chinese && qs[k].num.scale.is_empty() {
            let next = qs[k + 1].clone();
            let q = &mut qs[k];
            q.unit = next.unit;
            if !next.num.scale.is_empty() {
                if let Some(v) = scale_value(&q.num.mantissa, next.num.value, &next.num) {
                    q.num.value = v;
                    q.num.scale = next.num.scale;
                }
            }
        }
    }
}

fn scale_value(mantissa: &str, next_value: f64, next: &Num) -> Option<f64> {
    let m = super::decimal::parse(mantissa)?;
    let n = super::decimal::parse(&next.mantissa)?;
    (n != 0.0).then(|| m * next_value / n)
}

/// A plain quantity: optional bound words, sign, number, scale, unit, bound words.
fn quantity_at(chars: &[char], at: usize) -> Option<Quantity> {
    // 同比-4%, 为负0.6% (负 but not 负责).
    let negative = at > 0
        && ((chars[at - 1] == '-' && !(at > 1 && chars[at - 2].is_ascii_alphanumeric()))
            || VOCAB.scan.negative.has(chars[at - 1]));
    let mut num = number_at(chars, at)?;
    let streak_after = VOCAB.scan.streak.at(chars, num.end).is_some();
    let index = index_points(chars, num.end, &num);
    if index.is_none() && not_an_amount(chars, at, &num, streak_after) {
        return None;
    }
    // N年连续增长: a streak written the other way round.
    if streak_after {
        return Some(Quantity {
            start: at,
            end: num.end + 1,
            num,
            unit: Unit::Years,
            bound: None,
            negative: false,
            doubling: false,
        });
    }
    let prev = at.checked_sub(1).map(|p| chars[p]);
    let mut bound = before_bound(chars, at - usize::from(negative));
    // 数十家, 上百家, 几十万人: a round number told vaguely is at least that much.
    if bound.is_none() && (num.chinese || round_lead(chars, at)) {
        bound = prev
            .filter(|&c| VOCAB.scan.vague_lead.has(c))
            .and_then(|_| VOCAB.scan.vague_lead.at(chars, at - 1))
            .map(|w| (w, Bound::AtLeast));
    }
    let start = at - usize::from(negative) - bound.map_or(0, |(w, _)| w.chars().count());
    let mut i = num.end;
    let mid_bound = rough_count(chars, &mut i, &mut num);
    let (unit, unit_len) = match index {
        Some(w) => (Unit::Measure(w), w.chars().count()),
        None => unit_at(chars, i)?,
    };
    i += unit_len;
    if rhetoric(&num, unit, prev) {
        return None;
    }
    if let Some((w, b)) = VOCAB
        .bounds_after
        .iter()
        .find(|(w, _)| starts_with(chars, i, w))
    {
        // 余/多 after a unit belong to the next word (多元, 余额), not to the number.
        if !VOCAB.scan.rough.holds(w) {
            i += w.chars().count();
            bound = Some((w, *b));
        }
    }
    // “6个新”, “3个100”: a quantity that is the whole of a quoted name is a slogan.
    if prev == Some('“') && (i..(i + 3).min(chars.len())).any(|k| chars[k] == '”') {
        return None;
    }
    let bound = bound.map(|(_, b)| b).or(mid_bound);
    Some(Quantity {
        start,
        end: i,
        num,
        unit,
        bound,
        negative,
        doubling: false,
    })
}

/// A number at `at` that is no amount: a date, a time, a range, a code, an ordinal, or a
/// numeral inside a word.
fn not_an_amount(chars: &[char], at: usize, num: &Num, streak_after: bool) -> bool {
    let i = num.end;
    let next = chars.get(i).copied();
    let prev = at.checked_sub(1).map(|p| chars[p]);
    let digit = |c: char| c.is_ascii_digit() || is_cn_digit(c);
    (num.scale.is_empty() && VOCAB.scan.date.at(chars, i).is_some() && !streak_after)
        || (matches!(next, Some('-' | '~' | '/' | ':' | '.'))
            && chars.get(i + 1).is_some_and(|&c| digit(c)))
        || (matches!(prev, Some('-' | '~' | '/' | ':')) && at >= 2 && digit(chars[at - 2]))
        || prev == Some(VOCAB.marks.ordinal)
        || (num.chinese && is_han_word_inside(chars, at, num))
}

/// 十余万户, 100多家: a count told roughly, its bound; the scale may come after the rough
/// word. Moves `i` past them.
fn rough_count(chars: &[char], i: &mut usize, num: &mut Num) -> Option<Bound> {
    if !chars.get(*i).is_some_and(|&c| VOCAB.scan.rough.has(c))
        || VOCAB.scan.not_rough.at(chars, *i).is_some()
    {
        return None;
    }
    *i += 1;
    if num.scale.is_empty() {
        if let Some((w, exp)) = scale_at(chars, *i).filter(|(w, _)| VOCAB.scan.rough_scale.holds(w))
        {
            num.value *= 10f64.powi(exp);
            num.scale = w;
            *i += w.chars().count();
        }
    }
    Some(Bound::AtLeast)
}

/// The unit at `chars[at..]` and its length in chars: `Bare` when there is none, `None` when
/// the words after make the number no indicator (3个工作日, 95人死亡, a non-count noun).
fn unit_at(chars: &[char], at: usize) -> Option<(Unit, usize)> {
    let len = |w: &str| w.chars().count();
    let percent = VOCAB
        .scan
        .percent_sign
        .at(chars, at)
        .filter(|w| VOCAB.scan.percent_not.at(chars, at + len(w)).is_none());
    Some(if let Some(w) = percent {
        (Unit::Percent, len(w))
    } else if let Some(w) = VOCAB.scan.points.at(chars, at) {
        (Unit::Points, len(w))
    } else if let Some(w) = VOCAB.money.at(chars, at) {
        (Unit::Money(w), len(w))
    } else if let Some(w) = VOCAB.scan.times.at(chars, at) {
        (Unit::Times, len(w))
    } else if let Some(w) = VOCAB.units.at(chars, at) {
        let after = at + len(w);
        if VOCAB.noncount.at(chars, at).is_some()
            || VOCAB.noncount.at(chars, after).is_some()
            || not_an_indicator(chars, after, w)
        {
            return None;
        }
        (Unit::Measure(w), len(w))
    } else {
        (Unit::Bare, 0)
    })
}

/// Chinese numerals that are rhetoric, not indicators: small counts (两个中心, 四个特点), a
/// numeral with no unit, one opening a quoted name (“十项重大工程”, “八八战略”). A small share
/// or gap (两个百分点, 百分之四点二) is a figure all the same.
fn rhetoric(num: &Num, unit: Unit, prev: Option<char>) -> bool {
    let figure = matches!(unit, Unit::Times | Unit::Percent | Unit::Points);
    num.chinese
        && ((num.value < 10.0 && num.scale.is_empty() && !figure)
            || unit == Unit::Bare
            || (num.scale.is_empty() && matches!(prev, Some('“' | '「' | '"' | '《'))))
}

/// The smallest number of points read as an index's rather than an hour (12点 is noon).
const INDEX_MIN: f64 = 25.0;

/// 恒指跌120點, 收报8523.6点, 减息25点子: the unit of a number of index points at `at`, the
/// char after `num`. A 点 after a small whole number is an hour (3点, 12点).
fn index_points(chars: &[char], at: usize, num: &Num) -> Option<&'static str> {
    let w = &VOCAB.scan;
    let point = w.index_point.at(chars, at)?;
    // A unit that starts with 点 (点子) is one whatever the number.
    if let Some(unit) = VOCAB
        .units
        .at(chars, at)
        .filter(|u| u.starts_with(point) && *u != point)
    {
        return Some(unit);
    }
    let after = at + point.chars().count();
    let sized = num.mantissa.contains('.') || num.value >= INDEX_MIN;
    let hour = w.index_not.at(chars, after).is_some()
        || chars
            .get(after)
            .is_some_and(|c| c.is_ascii_digit() || is_cn_digit(*c));
    (sized && !num.chinese && num.scale.is_empty() && !hour).then_some(point)
}

/// 7个月, 3个工作日: durations; 95人死亡: casualties of an event, not an indicator. `unit` is
/// the measure word read, `at` the char after it.
fn not_an_indicator(chars: &[char], at: usize, unit: &str) -> bool {
    let w = &VOCAB.scan;
    (w.duration_unit.holds(unit) && w.duration.at(chars, at).is_some())
        || (w.casualty_unit.holds(unit) && w.casualty.at(chars, at).is_some())
}

/// A Chinese numeral that is part of a word (一批, 统一, 进一步, 三专, 一企一技术).
fn is_han_word_inside(chars: &[char], at: usize, num: &Num) -> bool {
    let prev = at.checked_sub(1).map(|p| chars[p]);
    // 统一, 唯一, 之一, 进一步: a numeral glued to a word before it that is not a verb of counting.
    prev.is_some_and(|c| VOCAB.scan.glued_before.has(c))
        || (num.end - num.start == 1
            && chars
                .get(num.end)
                .is_some_and(|&c| VOCAB.scan.glued_after.has(c)))
}

/// The bound words written before a number (超过, 约) as one matcher: asked at nearly every
/// number and name, a walk over the whole list each time was a hot spot.
static BEFORE_BOUNDS: LazyLock<Words> =
    LazyLock::new(|| Words::new(VOCAB.bounds_before.iter().map(|&(w, _)| w).collect()));

/// The bound word `chars[..at]` ends with (the longest), and its bound.
pub(crate) fn before_bound(chars: &[char], at: usize) -> Option<(&'static str, Bound)> {
    let w = BEFORE_BOUNDS.ending(chars, at)?;
    VOCAB.bounds_before.iter().copied().find(|&(b, _)| b == w)
}

fn rank_of(start: usize, end: usize, value: f64, mantissa: &str) -> Quantity {
    Quantity {
        start,
        end,
        num: Num {
            start,
            end,
            value,
            mantissa: mantissa.to_string(),
            scale: "",
            chinese: false,
        },
        unit: Unit::Rank,
        bound: None,
        negative: false,
        doubling: false,
    }
}

/// 第3位, 第一, 第十八届 (an event, not a rank: refused).
fn rank_ordinal(chars: &[char], at: usize) -> Option<Quantity> {
    let num = number_at(chars, at + 1)?;
    if !num.scale.is_empty() && !num.chinese {
        return None;
    }
    let mut end = num.end;
    let after = chars.get(end).copied();
    let explicit = after.is_some_and(|c| VOCAB.scan.rank_unit.has(c));
    if explicit {
        end += 1;
    }
    // 第三届, 第1季度, 第二批, 第18次: ordinals of events and periods.
    let ordinal_word = after.is_some_and(|c| VOCAB.scan.not_rank.has(c));
    if ordinal_word || !(explicit || rank_context(chars, at)) {
        return None;
    }
    if num.value < 1.0 || num.value > 10_000.0 || num.mantissa.contains('.') {
        return None;
    }
    Some(rank_of(at, end, num.value, &num.mantissa))
}

/// 前5, 前三, 前10位, after a rank word; never 前三季度 or 前两个月.
fn rank_top(chars: &[char], at: usize) -> Option<Quantity> {
    if !rank_context(chars, at) {
        return None;
    }
    let num = number_at(chars, at + 1)?;
    if !num.scale.is_empty() && !num.chinese {
        return None;
    }
    let mut end = num.end;
    match chars.get(end) {
        Some(&c) if VOCAB.scan.rank_unit.has(c) => end += 1,
        Some(&c) if VOCAB.scan.not_top.has(c) || c.is_ascii_digit() => return None,
        _ => {}
    }
    if num.value < 1.0 || num.value > 1000.0 || num.mantissa.contains('.') {
        return None;
    }
    Some(rank_of(at, end, num.value, &num.mantissa))
}

/// 连续三年, 连续3年; `lead` is the length of 连续.
fn streak(chars: &[char], at: usize, lead: usize) -> Option<Quantity> {
    let num = number_at(chars, at + lead)?;
    if chars.get(num.end) != Some(&VOCAB.marks.year) || !num.scale.is_empty() || num.value > 100.0 {
        return None;
    }
    Some(Quantity {
        start: at,
        end: num.end + 1,
        num,
        unit: Unit::Years,
        bound: None,
        negative: false,
        doubling: false,
    })
}

/// 翻番 (+100%), 翻两番 (+300%), 翻倍, 倍增.
fn doubling(chars: &[char], at: usize) -> Option<Quantity> {
    let w = &VOCAB.scan;
    let (times, len) = if let Some(word) = w.doubling.at(chars, at) {
        (1.0, word.chars().count())
    } else if w.doubling_lead.has(chars[at])
        && chars.get(at + 1).copied().is_some_and(is_cn_digit)
        && chars.get(at + 2).is_some_and(|&c| w.doubling_end.has(c))
    {
        let n = cn_value(&chars[at + 1..at + 2])?;
        (2f64.powf(n) - 1.0, 3)
    } else {
        return None;
    };
    let value = times * 100.0;
    Some(Quantity {
        start: at,
        end: at + len,
        num: Num {
            start: at,
            end: at + len,
            value,
            mantissa: super::format::number(value),
            scale: "",
            chinese: true,
        },
        unit: Unit::Percent,
        bound: None,
        negative: false,
        doubling: true,
    })
}

/// 四成 → 40%, 近八成 → about 80%; never 一成不变 or 三成为.
fn tenths(chars: &[char], at: usize) -> Option<Quantity> {
    let d = cn_value(&chars[at..at + 1])?;
    let w = &VOCAB.scan;
    // 增长三成, 下降一成: a verb of change may stand before it too.
    let after_verb =
        VOCAB.growth.ending(chars, at).is_some() || VOCAB.decline.ending(chars, at).is_some();
    if !(1.0..=10.0).contains(&d)
        || chars.get(at + 2).is_some_and(|&c| w.not_tenth.has(c))
        || at
            .checked_sub(1)
            .is_some_and(|p| han(chars[p]) && !w.tenth_before.has(chars[p]) && !after_verb)
    {
        return None;
    }
    let value = d * 10.0;
    let bound = before_bound(chars, at);
    let start = at - bound.map_or(0, |(w, _)| w.chars().count());
    let mut end = at + 2;
    let mut bound = bound.map(|(_, b)| b);
    if let Some(above) = w.tenth_above.at(chars, end) {
        end += above.chars().count();
        bound = Some(Bound::AtLeast);
    }
    Some(Quantity {
        start,
        end,
        num: Num {
            start: at,
            end: at + 2,
            value,
            mantissa: super::format::number(value),
            scale: "",
            chinese: true,
        },
        unit: Unit::Percent,
        bound,
        negative: false,
        doubling: false,
    })
}

/// 百分之三十 → 30%; `at` is the numeral's start, `start` that of 百分之.
fn percent_words(chars: &[char], start: usize, at: usize) -> Option<Quantity> {
    let num = number_at(chars, at)?;
    if !num.scale.is_empty() {
        return None;
    }
    let end = num.end;
    Some(Quantity {
        start,
        end,
        num,
        unit: Unit::Percent,
        bound: None,
        negative: false,
        doubling: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan_str(s: &str) -> Vec<(String, f64, &'static str, Option<Bound>)> {
        let chars: Vec<char> = s.chars().collect();
        scan(&chars)
            .into_iter()
            .map(|q| {
                let text: String = chars[q.start..q.end].iter().collect();
                (text, q.num.value, q.unit.name(), q.bound)
            })
            .collect()
    }

    #[test]
    fn finds_quantities_with_units_scales_and_bounds() {
        use Bound::*;
        // (sentence, [(text read, value, unit, bound)])
        type Case = (
            &'static str,
            &'static [(&'static str, f64, &'static str, Option<Bound>)],
        );
        let cases: &[Case] = &[
            (
                "地区生产总值752.1亿元，同比增长6.7%",
                &[("752.1亿元", 752.1e8, "元", None), ("6.7%", 6.7, "%", None)],
            ),
            (
                "高于全国2.6个百分点",
                &[("2.6个百分点", 2.6, "个百分点", None)],
            ),
            (
                "累计建成开通5G基站1.03万个",
                &[("1.03万个", 10300.0, "个", None)],
            ),
            ("力争全年增长7%以上", &[("7%以上", 7.0, "%", Some(AtLeast))]),
            (
                "超过50万吨",
                &[("超过50万吨", 500000.0, "吨", Some(AtLeast))],
            ),
            (
                "推动1800余个项目",
                &[("1800余个", 1800.0, "个", Some(AtLeast))],
            ),
            ("发放贷款7亿余元", &[("7亿余元", 7e8, "元", Some(AtLeast))]),
            ("百余个", &[("百余个", 100.0, "个", Some(AtLeast))]),
            (
                "新增十余万户",
                &[("十余万户", 100_000.0, "户", Some(AtLeast))],
            ),
            ("万余人", &[("万余人", 10_000.0, "人", Some(AtLeast))]),
            (
                "服务企业约1.3万家次",
                &[("约1.3万家次", 13000.0, "家次", Some(About))],
            ),
            ("占比30%左右", &[("30%左右", 30.0, "%", Some(About))]),
            (
                "分别高于全省、全国平均1.9和4.4个百分点",
                &[
                    ("1.9", 1.9, "个百分点", None),
                    ("4.4个百分点", 4.4, "个百分点", None),
                ],
            ),
            (
                "同比增长16.2%、11.9%",
                &[("16.2%", 16.2, "%", None), ("11.9%", 11.9, "%", None)],
            ),
            ("三千五百万元", &[("三千五百万元", 35e6, "元", None)]),
            ("增幅居全省第5位", &[("第5位", 5.0, "位", None)]),
            ("数量居全省首位", &[("首位", 1.0, "位", None)]),
            ("上海居榜首", &[("榜首", 1.0, "位", None)]),
            ("约占总规模的四成", &[("四成", 40.0, "%", None)]),
            ("近八成个体工商户", &[("近八成", 80.0, "%", Some(About))]),
            ("粮食总产达到557亿斤", &[("557亿斤", 557e8, "斤", None)]),
            ("新能源电池产能达38GWh", &[("38GWh", 38.0, "GWh", None)]),
            (
                "污水处理能力18.92万吨/日",
                &[("18.92万吨/日", 189200.0, "吨/日", None)],
            ),
            ("低保标准778元/月", &[("778元/月", 778.0, "元/月", None)]),
            ("排名全国第七", &[("第七", 7.0, "位", None)]),
            ("连续三年入选", &[("连续三年", 3.0, "年", None)]),
            ("数量实现三年连续增长", &[("三年", 3.0, "年", None)]),
            ("数量较去年翻倍", &[("翻倍", 100.0, "%", None)]),
            ("增长百分之三十", &[("百分之三十", 30.0, "%", None)]),
            ("同比-4%", &[("-4%", 4.0, "%", None)]),
            ("出口增长1.5倍", &[("1.5倍", 1.5, "倍", None)]),
        ];
        for (text, want) in cases {
            let got = scan_str(text);
            let got: Vec<(&str, f64, &str, Option<Bound>)> = got
                .iter()
                .map(|(t, v, u, b)| (t.as_str(), *v, *u, *b))
                .collect();
            let want: Vec<(&str, f64, &str, Option<Bound>)> = want.to_vec();
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn dates_ordinals_codes_and_rhetoric_are_not_quantities() {
        for text in [
            "2025年03月20日18:32:04",
            "3月20日，聊城市召开发布会",
            "1-2月",
            "2013-2018年",
            "第三届“聊城企业家日”",
            "聊城市第十八届人民代表大会第四次会议",
            "加快构建“453X”现代化工业体系",
            "深化“1143+N”中小企业志愿服务模式",
            "重点在八个方面奋力攻坚",
            "主要有稳、新、融、活四个特点",
            "客服电话95599",
            "PE估值区间为40-70x",
            "打造一批项目，统一标准，进一步提升",
            "前三季度",
            "5G基站",
            "深入实施“十项重大工程”",
            "全面贯彻党的二十大精神",
            "聊城工业凭这“6个新”强势出圈",
            "制度一成不变，三成为新",
            "前7个月，全市经济平稳",
            "爆炸已致95人死亡、超过200人受伤",
        ] {
            let got: Vec<_> = scan_str(text)
                .into_iter()
                .filter(|q| !q.2.is_empty())
                .collect();
            assert!(got.is_empty(), "{text}: {got:?}");
        }
    }
}
