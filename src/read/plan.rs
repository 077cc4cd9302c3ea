//! Plan sections: the part of a work report or a briefing that sets out what is to be done.
//!
//! Its values are targets even when their own sentence has no target word: under
//! "二、2025年主要预期目标" the line "地区生产总值增长6%左右" is a goal, not a result. A plan opens
//! at a heading with a plan word (目标, 工作安排 …) and runs to the next heading of its level or
//! above, or at a paragraph that looks ahead ("2024年，全市将…") and runs to the next heading or
//! a paragraph that looks back ("近日，…"). A sentence inside that tells what was done (去年,
//! 以来, an earlier year) stays a result.

use crate::text::script::{cn_digit, cn_power};
use crate::vocab::{Words, VOCAB};

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Plan {
    active: bool,
    /// The heading level that opened the plan: 1 for 一、, 2 for （一）, 3 for 1., 0 for a
    /// heading with no number; `None` for a paragraph.
    level: Option<u8>,
    /// The plan's year (2025年主要目标), when stated.
    year: Option<u32>,
}

impl Plan {
    /// A section heading: it may close the plan, and open one.
    pub fn heading(&mut self, chars: &[char]) {
        let level = heading_level(chars);
        if self.active {
            let ends = match (self.level, level) {
                (None, _) => true,
                // An unnumbered heading ends only a plan opened by one.
                (Some(l), 0) => l == 0,
                (Some(l), h) => l == 0 || h <= l,
            };
            if ends {
                *self = Plan::default();
            }
        }
        if any_in(&VOCAB.plan_heading, chars) && !any_in(&VOCAB.plan_review, chars) {
            *self = Plan {
                active: true,
                level: Some(level),
                year: year_in(chars),
            };
        }
    }

    /// A paragraph: one that looks back closes a plan it opened; one that looks ahead opens one.
    pub fn paragraph(&mut self, chars: &[char]) {
        if self.active && self.level.is_none() && closes(chars) {
            *self = Plan::default();
        }
        if !self.active {
            if let Some(year) = looks_ahead(chars) {
                *self = Plan {
                    active: true,
                    level: None,
                    year,
                };
            }
        }
    }

    /// Are the values of `sentence` planned: inside a plan, and not telling what was done?
    pub fn covers(&self, sentence: &[char]) -> bool {
        if !self.active {
            return false;
        }
        let looks_back = (0..sentence.len()).any(|i| {
            VOCAB.plan_past.at(sentence, i).is_some()
                && !(i > 0 && VOCAB.names.comparison.has(sentence[i - 1]))
        });
        if looks_back {
            return false;
        }
        // 2024年… in a plan for 2025: last year's result quoted as a starting point.
        match self.year {
            Some(y) => years(sentence).all(|s| s >= y),
            None => true,
        }
    }
}

fn any_in(words: &Words, chars: &[char]) -> bool {
    (0..chars.len()).any(|i| words.at(chars, i).is_some())
}

/// 一、 → 1, （一） → 2, 1. → 3, （1） → 4, anything else 0.
pub(crate) fn heading_level(chars: &[char]) -> u8 {
    let cn = |c: &char| cn_digit(*c).is_some_and(|d| d > 0) || cn_power(*c) == Some(1);
    let digits = |c: &char| c.is_ascii_digit();
    let run = |from: usize, f: &dyn Fn(&char) -> bool| {
        chars[from.min(chars.len())..]
            .iter()
            .take_while(|c| f(c))
            .count()
    };
    let open = matches!(chars.first(), Some('（' | '('));
    let close = |i: usize| matches!(chars.get(i), Some('）' | ')'));
    if open {
        let n = run(1, &cn);
        if n > 0 && close(1 + n) {
            return 2;
        }
        let n = run(1, &digits);
        if n > 0 && close(1 + n) {
            return 4;
        }
        return 0;
    }
    let n = run(0, &cn);
    if n > 0 && matches!(chars.get(n), Some('、')) {
        return 1;
    }
    let n = run(0, &digits);
    if n > 0 && matches!(chars.get(n), Some('.' | '、' | '．')) {
        return 3;
    }
    0
}

/// The four-digit years written in `chars` (2025年).
fn years(chars: &[char]) -> impl Iterator<Item = u32> + '_ {
    (0..chars.len().saturating_sub(4)).filter_map(move |i| {
        let w = &chars[i..i + 5];
        let fresh = i == 0 || !chars[i - 1].is_ascii_digit();
        (fresh && w[..4].iter().all(char::is_ascii_digit) && w[4] == VOCAB.marks.year)
            .then(|| w[..4].iter().collect::<String>().parse().ok())
            .flatten()
    })
}

fn year_in(chars: &[char]) -> Option<u32> {
    years(chars).next()
}

/// Does a paragraph's first sentence look ahead: a period ahead (2024年, 今年, 下一步) and a
/// modal soon after it (将), not a period up to now (今年以来)? Its year, if any.
fn looks_ahead(chars: &[char]) -> Option<Option<u32>> {
    let end = chars
        .iter()
        .position(|c| matches!(c, '。' | '；' | '！' | '？'))
        .unwrap_or(chars.len());
    let first = &chars[..end];
    for i in 0..first.len() {
        let after = if let Some(w) = VOCAB.plan_future.at(first, i) {
            i + w.chars().count()
        } else if i + 5 <= first.len()
            && (i == 0 || !first[i - 1].is_ascii_digit())
            && first[i..i + 4].iter().all(char::is_ascii_digit)
            && first[i + 4] == VOCAB.marks.year
        {
            i + 5
        } else {
            continue;
        };
        if any_in(
            &VOCAB.plan_past,
            &first[after..(after + 3).min(first.len())],
        ) {
            continue;
        }
        let window = &first[after..(after + 30).min(first.len())];
        let modal = (0..window.len()).any(|k| {
            VOCAB.plan_modal.at(window, k).is_some()
                && !window
                    .get(k + 1)
                    .is_some_and(|&c| VOCAB.plan_not_modal.has(c))
        });
        if modal {
            return Some(year_in(&first[i..]).filter(|_| first[i].is_ascii_digit()));
        }
    }
    None
}

/// Does a paragraph start by looking back (近日, 去年) or with a date (1月23日)?
fn closes(chars: &[char]) -> bool {
    if VOCAB.plan_close.at(chars, 0).is_some() {
        return true;
    }
    let m = chars.iter().take_while(|c| c.is_ascii_digit()).count();
    if (1..=2).contains(&m) && chars.get(m) == Some(&VOCAB.marks.month) {
        let d = chars[m + 1..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count();
        return (1..=2).contains(&d) && chars.get(m + 1 + d) == Some(&VOCAB.marks.day);
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cs(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn heading_levels() {
        for (h, l) in [
            ("二、2025年主要目标任务", 1),
            ("（一）着力扩大内需", 2),
            ("3.推进项目建设", 3),
            ("（2）稳住外贸", 4),
            ("打造先进制造业基地", 0),
        ] {
            assert_eq!(heading_level(&cs(h)), l, "{h}");
        }
    }

    #[test]
    fn plans_open_and_close() {
        let mut p = Plan::default();
        p.heading(&cs("一、2024年工作回顾"));
        assert!(!p.active);
        p.heading(&cs("二、2025年目标任务和重点工作"));
        assert!(p.active);
        assert_eq!(p.year, Some(2025));
        p.heading(&cs("（一）着力扩大有效需求"));
        assert!(p.active, "a sub-heading stays inside the plan");
        assert!(p.covers(&cs("地区生产总值增长5.5%左右")));
        assert!(!p.covers(&cs("去年地区生产总值增长5.4%")));
        assert!(p.covers(&cs("粮食产量比去年增长1%")));
        assert!(!p.covers(&cs("2024年地区生产总值增长5.4%")));
        p.heading(&cs("三、全面加强政府自身建设"));
        assert!(!p.active);

        let mut p = Plan::default();
        p.paragraph(&cs(
            "局长表示，2024年，全市工信系统将聚焦先进制造业，重点抓好八个方面。",
        ));
        assert!(p.active);
        p.paragraph(&cs("聚焦项目建设。实施技改项目600个以上。"));
        assert!(p.active);
        p.paragraph(&cs("1月23日，首场发布会举行。"));
        assert!(!p.active);
        for text in [
            "今年以来，全市将近一半的企业实现增长。",
            "2023年，全市规上工业增加值增长8.4%。",
            "去年，全市新增市场主体十余万户。",
        ] {
            let mut p = Plan::default();
            p.paragraph(&cs(text));
            assert!(!p.active, "{text}");
        }
    }
}
