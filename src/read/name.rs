//! Metric naming: the noun phrase before a quantity (or the words after a count) cleaned into
//! a name, without scope words, periods, light verbs, trailing verbs, fillers and parentheses.

use super::*;
use crate::quantity::scan::before_bound;

/// Pronoun-like metrics that name nothing alone: 数量居全省首位 (of what?).
pub(crate) fn is_anaphor(m: &str) -> bool {
    let w = &VOCAB.names;
    // The word alone, or with a short verb (数量实现): 规模以上工业增加值 names itself.
    let m = w
        .cumulative
        .iter()
        .find_map(|c| m.strip_prefix(c))
        .unwrap_or(m);
    w.anaphor.iter().any(|w| {
        m.strip_prefix(w)
            .is_some_and(|rest| rest.chars().count() <= 2)
    }) || m.chars().count() < 2
}

/// A metric made only of words that name nothing measured: a target word, a period, a
/// scope (预计明年, 力争全年).
pub(crate) fn names_nothing(m: &str) -> bool {
    let cs: Vec<char> = m.chars().collect();
    let mut i = 0;
    while i < cs.len() {
        let word = VOCAB
            .target
            .at(&cs, i)
            .or_else(|| VOCAB.period_words.at(&cs, i))
            .or_else(|| VOCAB.scope.at(&cs, i));
        match word {
            Some(w) => i += w.chars().count(),
            None => return false,
        }
    }
    !cs.is_empty()
}

/// Where the last day of the month written in `cs` (3月19日) ends.
fn last_day(cs: &[char]) -> Option<Day> {
    let m = &VOCAB.marks;
    let digits_before = |k: usize| {
        cs[..k]
            .iter()
            .rev()
            .take_while(|c| c.is_ascii_digit())
            .count()
    };
    (1..cs.len()).rev().find_map(|k| {
        if cs[k] != m.day {
            return None;
        }
        let d = digits_before(k);
        let month = k
            .checked_sub(d + 1)
            .filter(|&p| d > 0 && cs[p] == m.month)?;
        let n = digits_before(month);
        (n > 0).then_some(Day {
            start: month - n,
            end: k + 1,
        })
    })
}

/// Where a day of the calendar stands in a name's words.
struct Day {
    start: usize,
    end: usize,
}

pub(crate) fn find_last(hay: &[char], needle: &str) -> Option<usize> {
    let n = needle.chars().count();
    (0..=hay.len().saturating_sub(n))
        .rev()
        .find(|&i| starts_with(hay, i, needle))
}

pub(crate) fn clean(cs: &[char]) -> String {
    cs.iter()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .trim_matches(|c: char| !(han(c) || c.is_alphanumeric() || c == '”' || c == '“'))
        .to_string()
}

/// Fillers between a verb and its number: 了, 达到, 为, 分别, 均.
pub(crate) fn strip_fillers(c: &[char], s: usize, mut e: usize) -> usize {
    loop {
        let before = e;
        while e > s && c[e - 1].is_whitespace() {
            e -= 1;
        }
        if let Some(w) = VOCAB.fillers.ending(&c[s..e], e - s) {
            e -= w.chars().count();
        }
        if let Some((w, _)) = before_bound(&c[s..e], e - s) {
            e -= w.chars().count();
        }
        if e == before {
            return e;
        }
    }
}

/// The end of `c[s..e]` without a bound word before the number (超过, 约).
pub(crate) fn strip_bounds(c: &[char], s: usize, e: usize) -> usize {
    before_bound(&c[s..e], e - s).map_or(e, |(w, _)| e - w.chars().count())
}

/// A growth or decline verb of two chars or more leading `c[s..e]`: where it ends and whether
/// it points down (压减公用经费15%).
pub(crate) fn lead_verb(c: &[char], s: usize, e: usize) -> Option<(usize, bool)> {
    let mut i = s;
    while i < e && !han(c[i]) {
        i += 1;
    }
    let (w, down) = VOCAB
        .growth
        .at(c, i)
        .map(|w| (w, false))
        .or_else(|| VOCAB.decline.at(c, i).map(|w| (w, true)))?;
    let end = i + w.chars().count();
    // 2019年增速: the 年 of a date, not the verb 年增.
    let dated = w.starts_with(VOCAB.marks.year) && i > 0 && c[i - 1].is_ascii_digit();
    (w.chars().count() >= 2 && end < e && !dated).then_some((end, down))
}

/// Trailing verbs, adverbs and comparisons that are not part of a name.
pub(crate) fn strip_back(cs: &[char], s: usize, mut e: usize) -> usize {
    loop {
        let before = e;
        e = strip_fillers(cs, s, e);
        for list in [&VOCAB.growth, &VOCAB.decline, &VOCAB.basis, &VOCAB.target] {
            if let Some(w) = list.ending(&cs[s..e], e - s) {
                e -= w.chars().count();
            }
        }
        if let Some(w) = VOCAB.gap_falls.ending(&cs[s..e], e - s) {
            e -= w.chars().count();
        }
        if let Some(w) = VOCAB.gap_verbs.ending(&cs[s..e], e - s) {
            e -= w.chars().count();
        }
        if e == before || e <= s {
            return e.max(s);
        }
    }
}

/// The verb after a gap's reference (高于全省平均…, 比1-6月加快…, 拉动进出口增长…), which
/// is not part of the reference.
pub(crate) fn strip_comparison(cs: &[char], s: usize, mut e: usize) -> usize {
    loop {
        let before = e;
        for list in [
            &VOCAB.growth,
            &VOCAB.decline,
            &VOCAB.gap_falls,
            &VOCAB.gap_verbs,
        ] {
            if let Some(w) = list.ending(&cs[s..e], e - s) {
                e -= w.chars().count();
            }
        }
        if e == before || e <= s {
            return e.max(s);
        }
    }
}

/// The basis written before a change's verb, and where it starts.
pub(crate) fn basis_before(c: &[char], s: usize, e: usize) -> (Option<String>, usize) {
    let e = {
        // 按年应跌: a modal between the basis and the verb.
        let mut e = e;
        while e > s && VOCAB.names.modal.has(c[e - 1]) {
            e -= 1;
        }
        e
    };
    // 与去年同期比较, 与上年相比: the whole comparison is the basis.
    for tail in VOCAB.names.compared.iter() {
        let n = tail.chars().count();
        if e >= s + n && starts_with(c, e - n, tail) {
            if let Some(p) = (s..e - n)
                .rev()
                .take(12)
                .find(|&i| VOCAB.names.compared_with.has(c[i]))
            {
                return (Some(c[p..e].iter().collect()), p);
            }
        }
    }
    if let Some(w) = VOCAB.basis.ending(&c[s..e], e - s) {
        let b = e - w.chars().count();
        // 较2022年同比: a comparison before the basis word belongs to it.
        return match comparison_before(c, s, b) {
            Some(p) => (Some(c[p..e].iter().collect()), p),
            None => (Some(w.to_string()), b),
        };
    }
    match comparison_before(c, s, e) {
        Some(p) => (Some(c[p..e].iter().collect()), p),
        None => (None, e),
    }
}

/// Where a short comparison with a period or a place (比2019年1-7月, 较2021年末,
/// 环比2021年12月) right before `e` starts. 比重 and 比例 are words, not comparisons.
pub(crate) fn comparison_before(c: &[char], s: usize, e: usize) -> Option<usize> {
    let from = e.saturating_sub(14).max(s);
    let w = &VOCAB.names;
    let p = (from..e).rev().find(|&i| {
        w.comparison.has(c[i]) && !c.get(i + 1).is_some_and(|&n| w.not_comparison.has(n))
    })?;
    let p = if p > s && w.comparison_basis.has(c[p - 1]) {
        p - 1
    } else {
        p
    };
    let tail = &c[p..e];
    let of = VOCAB.marks.of;
    (tail.len() >= 2 && !tail.iter().any(|&ch| ch == of || matches!(ch, '，' | '、'))).then_some(p)
}

pub(crate) fn trim_parens_back(c: &[char], s: usize, mut e: usize) -> usize {
    if e > s && c[e - 1] == ')' {
        if let Some(p) = (s..e).rev().find(|&i| c[i] == '(') {
            e = p;
        }
    }
    e
}

/// The words after a count that name what is counted (17家企业入选省级智能工厂 → 企业入选…).
pub(crate) fn clean_post(c: &[char], s: usize, e: usize) -> String {
    let text: String = remove_parens(&c[s..e]);
    let t =
        text.trim_matches(|ch: char| !(han(ch) || ch.is_alphanumeric() || ch == '“' || ch == '”'));
    // 以上/以下 that belonged to the bound are gone; particles are not names.
    let t = t.trim_start_matches([VOCAB.marks.of, '，', '、']);
    // 50万吨光伏铝边框项目”等重大项目: the named thing, not the category after 等.
    let t = t.split(VOCAB.marks.etc).next().unwrap_or(t);
    let t = t.trim_end_matches(|ch| VOCAB.names.post_trailing.has(ch));
    balance_quotes(t).to_string()
}

pub(crate) fn remove_parens(cs: &[char]) -> String {
    outside_parens(cs).collect()
}

/// The chars of `cs` outside parentheses, without whitespace.
fn outside_parens(cs: &[char]) -> impl Iterator<Item = char> + '_ {
    let mut depth = 0usize;
    cs.iter().filter_map(move |&ch| match ch {
        '(' => {
            depth += 1;
            None
        }
        ')' => {
            depth = depth.saturating_sub(1);
            None
        }
        _ if depth == 0 && !ch.is_whitespace() => Some(ch),
        _ => None,
    })
}

/// A metric name from `c[s..e]`: without scope words, periods, light verbs, trailing verbs,
/// fillers and parentheses.
pub(crate) fn clean_metric(c: &[char], s: usize, e: usize) -> String {
    // Only the words nearest the number can name it (Chinese names end in their head noun):
    // a page-long run of words before the first number, named again for every fact after it,
    // made long texts quadratic.
    let s = s.max(e.saturating_sub(MAX_NAME));
    let e = strip_back(c, s, e);
    // Sized at once: collected through a filter, it grew several times.
    let mut cs: Vec<char> = Vec::with_capacity(e - s);
    cs.extend(outside_parens(&c[s..e]));
    // Words of another script (Cyrillic, Arabic, emoji…) end a Chinese name: it starts after them.
    if let Some(last) = cs.iter().rposition(|&ch| foreign(ch)) {
        cs.drain(..=last);
    }
    // A day (于3月19日创下…最低点) is when, not what: the name starts after the last one.
    if let Some(day) = last_day(&cs) {
        // 成交额于11月6日达…: with nothing after the day, the name is before it.
        if cs[day.end..].iter().any(|&ch| han(ch)) {
            cs.drain(..day.end);
        } else {
            cs.truncate(day.start);
            while let Some(w) = VOCAB.context.day_lead.ending(&cs, cs.len()) {
                cs.truncate(cs.len() - w.chars().count());
            }
        }
    }
    // A list's enumerator (7. , 3、) is not part of the name.
    let digits = cs.iter().take_while(|ch| ch.is_ascii_digit()).count();
    let mut i = if digits > 0 && digits <= 2 && matches!(cs.get(digits), Some('.' | '、')) {
        digits + 1
    } else {
        0
    };
    loop {
        let before = i;
        while i < cs.len() && !(han(cs[i]) || cs[i].is_alphanumeric() || cs[i] == '“') {
            i += 1;
        }
        if let Some(p) = period_at(&cs, i) {
            i = p;
        }
        let lists = [
            &VOCAB.scope,
            &VOCAB.context.breakdown,
            &VOCAB.lead,
            &VOCAB.target,
        ];
        for list in lists {
            if let Some(w) = list.at(&cs, i) {
                // Keep a light verb when too little would be left (新增就业, 完成投资); a scope
                // or a 其中 always goes.
                let n = w.chars().count();
                let light = std::ptr::eq(list, &VOCAB.lead) || std::ptr::eq(list, &VOCAB.target);
                if cs.len() - i - n >= 3 || !light {
                    i += n;
                }
            }
        }
        if i == before || i >= cs.len() {
            break;
        }
    }
    let mut out = text_of(&cs, i.min(cs.len()), cs.len());
    // 分别 and the verb after it are never part of a name (…利用率分别稳定在).
    let respectively = &VOCAB.context.respectively;
    // The matcher first: most names hold none, and a search for each word costs more.
    if let Some(p) = respectively
        .find_in(&out)
        .and_then(|_| respectively.iter().find_map(|r| out.find(r)))
    {
        out.truncate(p);
    }
    for suffix in [VOCAB.marks.etc, VOCAB.marks.of] {
        if let Some(r) = out.strip_suffix(suffix) {
            out = r.to_string();
        }
    }
    if let Some(r) = VOCAB.names.total.iter().find_map(|t| out.strip_suffix(t)) {
        out = r.to_string();
    }
    let out = category(&out);
    let out =
        out.trim_matches(|ch: char| !(han(ch) || ch.is_alphanumeric() || ch == '”' || ch == '“'));
    balance_quotes(out).to_string()
}

/// Drop a quote mark left unpaired at an end by a clause or list split.
pub(crate) fn balance_quotes(s: &str) -> &str {
    if !s.contains(['“', '”']) {
        return s;
    }
    let opens = s.matches('“').count();
    let closes = s.matches('”').count();
    if opens > closes {
        s.trim_end_matches('“').trim_start_matches('“')
    } else if closes > opens {
        s.trim_start_matches('”').trim_end_matches('”')
    } else {
        s
    }
}

/// 制造业创新中心等省级以上创新平台 → 省级以上创新平台: examples before 等, the category after.
pub(crate) fn category(name: &str) -> &str {
    let etc = VOCAB.marks.etc;
    match name.rfind(etc) {
        Some(p) if name[p + etc.len_utf8()..].chars().count() >= 2 => &name[p + etc.len_utf8()..],
        _ => name,
    }
}

/// Does a name measure growth (增速, 增长率…), so that a rate of it stays a change?
pub(crate) fn names_growth(name: &str) -> bool {
    VOCAB.rate_names.find_in(name).is_some()
}
