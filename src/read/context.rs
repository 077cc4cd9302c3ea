//! What a fact takes from around its clause: lists of values and of names, from-to changes,
//! periods, points of view, and the subject a clause opens with.

use super::*;

/// Group quantities into runs of values sharing one verb (16.2%、11.9%; 1.9和4.4个百分点).
pub(crate) fn group_values<'q>(chars: &[char], qs: &[&'q Quantity]) -> Vec<Vec<&'q Quantity>> {
    let mut groups: Vec<Vec<&Quantity>> = Vec::new();
    for &q in qs {
        if let Some(g) = groups.last_mut() {
            let prev = g[g.len() - 1];
            let between = &chars[prev.end..q.start];
            let joined = VOCAB.context.joined_values.is(between)
                && prev.unit.name() == q.unit.name()
                && prev.unit != Unit::Rank;
            if joined {
                g.push(q);
                continue;
            }
        }
        groups.push(vec![q]);
    }
    groups
}

/// Which groups are thresholds inside a noun phrase: a bounded amount or count (超10亿元,
/// 500万元以上, 过2000万元) followed by the noun it qualifies (的…, 企业…) or by another
/// threshold, inside a phrase that is counted (82个…过10亿元的增长点) or measured later in
/// the clause (…的项目28个, …村集体占比55%). A bounded value closing its clause stays a fact.
pub(crate) fn qualifiers(chars: &[char], groups: &[Vec<&Quantity>]) -> Vec<bool> {
    let mut out = vec![false; groups.len()];
    for gi in (0..groups.len()).rev() {
        let g = &groups[gi];
        // 超10万元、超30万元村集体: a run of thresholds qualifies as one. 500余家 is a count
        // told roughly, not a threshold.
        let threshold = g.iter().all(|q| {
            matches!(q.unit, Unit::Money(_) | Unit::Measure(_) | Unit::Percent)
                && ((matches!(q.bound, Some(Bound::AtLeast | Bound::AtMost))
                    && !chars[q.start..q.end]
                        .iter()
                        .any(|&c| VOCAB.scan.rough.has(c)))
                    || (q.start > 0 && VOCAB.context.over.has(chars[q.start - 1])))
        });
        if !threshold {
            continue;
        }
        let q = g[g.len() - 1];
        let next = chars.get(q.end).copied();
        let noun_follows = match next {
            Some(c) if c == VOCAB.marks.of => true,
            // A percent qualifies only with 的 (占比超过50%的企业).
            Some(c) if q.unit != Unit::Percent && han(c) => {
                VOCAB.growth.at(chars, q.end).is_none()
                    && VOCAB.decline.at(chars, q.end).is_none()
                    && VOCAB.basis.at(chars, q.end).is_none()
                    && VOCAB.target.at(chars, q.end).is_none()
                    && !VOCAB.context.conjunction.has(c)
            }
            _ => false,
        };
        let listed = next == Some('、');
        let later = groups.get(gi + 1);
        // A count just before, in the same list item: 82个预增产值过10亿元的….
        let after_count = gi > 0 && {
            let p = &groups[gi - 1];
            let prev = p[p.len() - 1];
            matches!(prev.unit, Unit::Measure(_))
                && !chars[prev.end..g[0].start]
                    .iter()
                    .any(|c| matches!(c, '、' | '，' | '；'))
        };
        let chained = listed && later.is_some_and(|l| l[0].start == q.end + 1) && out[gi + 1];
        // The later value must be in the same list item: 实施20项以上重大科技项目、转化100项
        // counts projects.
        let later_same_item = later.is_some_and(|l| !chars[q.end..l[0].start].contains(&'、'));
        out[gi] = (noun_follows && (later_same_item || after_count))
            || (listed && (chained || after_count));
    }
    out
}

/// 从2021年底的410家增加到2024年的918家: where 从 stands, and the end's period, when `a` and
/// `b` are the start and end of a change told as "from A to B".
pub(crate) fn from_to(
    c: &[char],
    pre_start: usize,
    a: &Quantity,
    b: &Quantity,
) -> Option<(usize, Option<String>)> {
    let w = &VOCAB.context;
    let same = a.unit.name() == b.unit.name();
    if !same || !matches!(a.unit, Unit::Money(_) | Unit::Measure(_) | Unit::Percent) {
        return None;
    }
    let from_pos = (pre_start..a.start).rev().find(|&i| w.from.has(c[i]))?;
    let mut i = a.end;
    if let Some(v) = w.from_to_adverb.at(c, i) {
        i += v.chars().count();
    }
    if let Some(v) = change_verb(c, i) {
        i += v.chars().count();
    }
    if !c.get(i).is_some_and(|&t| w.to.has(t)) {
        return None;
    }
    i += 1;
    let mut period = None;
    let of = VOCAB.marks.of;
    if i < b.start {
        let j = period_at(c, i)?;
        let text: String = c[i..j].iter().collect();
        period = Some(text.trim_end_matches(of).to_string());
        i = j;
        if c.get(i) == Some(&of) {
            i += 1;
        }
    }
    (i == b.start).then_some((from_pos, period))
}

/// The longest verb of a from-to change at `c[at..]`: a growth or decline word, or one of
/// `from_to_verb` (调整, 突破).
fn change_verb(c: &[char], at: usize) -> Option<&'static str> {
    [&VOCAB.growth, &VOCAB.decline, &VOCAB.context.from_to_verb]
        .iter()
        .filter_map(|w| w.at(c, at))
        .max_by_key(|v| v.chars().count())
}

/// The list items of a metric, when it is a list (工业投资、工业技改投资).
pub(crate) fn split_list(metric: &str) -> Vec<String> {
    let mut items: Vec<String> = metric
        .split(|c| VOCAB.context.list.has(c))
        .map(str::to_string)
        .filter(|s| !s.is_empty())
        .collect();
    if items.len() < 2 {
        // Not a list (most metrics): nothing to share.
        return items;
    }
    // 城镇和农村居民收入, 一、二、三产增加值: short modifiers share the last item's head;
    // unless the last item's own modifier before a measure is longer than theirs
    // (家电、新能源汽车零售额).
    let len = |s: &String| s.chars().count();
    if let Some((last, rest)) = items.split_last() {
        let l = rest.first().map_or(0, len);
        let n = rest.len();
        let measure = shared_head(last);
        let longer_modifier = measure.is_some_and(|h| len(last) - h.chars().count() > l + 1);
        if l > 0
            && l <= 3
            && rest.iter().all(|r| len(r) == l)
            && len(last) > l + 1
            && !longer_modifier
        {
            let head: String = last.chars().skip(l).collect();
            for item in items.iter_mut().take(n) {
                item.push_str(&head);
            }
        } else if let Some(head) = measure {
            // 规上工业企业、限上商贸企业数量: what is measured goes to every item that does not
            // name a measure of its own.
            for item in items.iter_mut().take(n) {
                if !names_a_measure(item) {
                    item.push_str(head);
                }
            }
        }
    }
    items
}

/// The measure a list's last item ends with (数量, 零售额), when more than it is written.
pub(crate) fn shared_head(last: &str) -> Option<&'static str> {
    let cs: Vec<char> = last.chars().collect();
    VOCAB
        .heads
        .ending(&cs, cs.len())
        .filter(|h| h.chars().count() < cs.len())
}

/// Does a name end in a measure of its own (…零售额, …利用率, …花费)?
pub(crate) fn names_a_measure(name: &str) -> bool {
    let cs: Vec<char> = name.chars().collect();
    VOCAB.heads.ending(&cs, cs.len()).is_some()
        || cs.last().is_some_and(|&c| VOCAB.context.measure_end.has(c))
}

/// 全省、全国平均 → 全省平均, 全国平均: a shared ending goes to every item.
pub(crate) fn split_versus(v: &str) -> Vec<String> {
    let w = &VOCAB.context;
    let v = w
        .respectively
        .iter()
        .fold(v, |v, r| v.trim_start_matches(r));
    let mut items: Vec<String> = v
        .split(|c| w.list.has(c))
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect();
    if items.len() > 1 {
        let last = items[items.len() - 1].clone();
        for ending in VOCAB.context.average.iter() {
            if last.ends_with(ending) {
                for it in items.iter_mut() {
                    if !it.ends_with(ending) {
                        it.push_str(ending);
                    }
                }
                break;
            }
        }
    }
    items
}

/// 从GDP同比增速来看 → GDP同比增速.
pub(crate) fn point_of_view(c: &[char], s: usize, e: usize) -> Option<String> {
    let open = VOCAB.context.view_open.at(c, s)?.chars().count();
    let close = VOCAB.context.view_close.ending(&c[..e], e)?.chars().count();
    if e < s + open + close + 1 {
        return None;
    }
    // As written: 同比增速 is what the values are, not a verb to strip.
    let view = clean(&c[s + open..e - close]);
    (view.chars().count() >= 2 && view.chars().count() <= 12).then_some(view)
}

/// 若与去年同期相比，年增率高达36.1%: a clause that only says what the next one is compared
/// with, a basis, never the topic a later value is named by.
pub(crate) fn compares_only(c: &[char], s: usize, e: usize) -> bool {
    let w = &VOCAB.names;
    let Some(tail) = w.compared.ending(&c[s..e], e - s) else {
        return false;
    };
    let end = e - tail.chars().count();
    (s..end)
        .rev()
        .take(MAX_COMPARED)
        .any(|i| w.compared_with.has(c[i]))
}

/// The longest reference between 与 and 相比, in chars (与2019年同期相比).
const MAX_COMPARED: usize = 12;

/// 从环比看 → 环比: a clause that takes a basis as its point of view.
pub(crate) fn basis_view(c: &[char], s: usize, e: usize) -> Option<String> {
    let view = VOCAB.context.view_open.at(c, s)?;
    let from = s + view.chars().count();
    let basis = VOCAB.basis.at(c, from)?;
    let end = from + basis.chars().count();
    let close = VOCAB.context.view_close.at(c, end)?;
    (end + close.chars().count() == e).then(|| basis.to_string())
}

/// A comparison's reference with its own value in brackets after it (比上年(5.2%)回落…,
/// 低于全国平均水平(5.8%)): what the value is of.
#[derive(Debug)]
pub(crate) struct Reference {
    /// Where the reference's words start.
    pub(crate) start: usize,
    /// The reference without the words naming its level (上年同期, 全国).
    pub(crate) words: String,
}

/// The longest reference whose bracketed value is read as its own, in chars (2019年1-7月).
const MAX_REFERENCE_WORDS: usize = 10;

/// The reference just before the bracketed value `q`, after a comparison in `c[ps..]`.
pub(crate) fn reference_before(c: &[char], ps: usize, q: &Quantity) -> Option<Reference> {
    if q.start <= ps || c[q.start - 1] != '(' || c.get(q.end) != Some(&')') {
        return None;
    }
    let open = q.start - 1;
    let start = VOCAB
        .comparators
        .iter()
        .filter_map(|(w, _)| {
            let p = ps + find_last(&c[ps..open], w)?;
            let end = p + w.chars().count();
            // 比重, 比例: a word, not a comparison.
            let word = c
                .get(end)
                .is_some_and(|&n| VOCAB.names.not_comparison.has(n));
            (!word).then_some(end)
        })
        .max()?;
    let mut end = open;
    if let Some(level) = VOCAB
        .context
        .reference_level
        .ending(&c[start..end], end - start)
    {
        end -= level.chars().count();
    }
    let words = clean(&c[start..end]);
    let n = words.chars().count();
    let plain = words
        .chars()
        .all(|ch| han(ch) || ch.is_ascii_digit() || ch == '-');
    ((1..=MAX_REFERENCE_WORDS).contains(&n) && plain).then_some(Reference { start, words })
}

/// The short name just before a parenthesised value: 江西 in 其中江西(6.9%).
pub(crate) fn entity_before(c: &[char], ps: usize, q: &Quantity) -> Option<String> {
    if q.start == 0 || c[q.start - 1] != '(' || c.get(q.end) != Some(&')') {
        return None;
    }
    let end = q.start - 1;
    let mut start = end;
    while start > ps && han(c[start - 1]) && end - start < 8 {
        start -= 1;
    }
    let mut name: String = c[start..end].iter().collect();
    for lead in VOCAB.context.entity_lead.iter() {
        if let Some(rest) = name.strip_prefix(lead) {
            name = rest.to_string();
        }
    }
    let n = name.chars().count();
    // 占GDP比重(52.1%): a measure's own value, not a place's.
    let measure = name
        .chars()
        .last()
        .is_some_and(|ch| VOCAB.context.measure_end.has(ch));
    let scoped = VOCAB.scope.iter().any(|w| name.starts_with(w));
    ((2..=5).contains(&n) && !scoped && !measure).then_some(name)
}

/// An organisation named at the start of a clause (山东金蔡伦纸业通过…).
pub(crate) fn subject_at(c: &[char], s: usize, e: usize) -> Option<String> {
    let mut start = s;
    for lead in VOCAB.context.subject_lead.iter() {
        if starts_with(c, start, lead) {
            start += lead.chars().count();
        }
    }
    let limit = e.min(start + 16);
    for i in start + 2..limit {
        if let Some(w) = VOCAB.subjects.at(c, i) {
            let end = i + w.chars().count();
            let follows_ok = end >= e
                || VOCAB.context.subject_follower.at(c, end).is_some()
                || VOCAB.period_words.at(c, end).is_some()
                || c[end].is_ascii_digit();
            let name: String = c[start..end].iter().collect();
            let scoped = VOCAB.scope.iter().any(|w| name.starts_with(w));
            if follows_ok && !scoped && name.chars().all(|ch| han(ch) || ch.is_alphanumeric()) {
                return Some(name);
            }
        }
    }
    None
}

/// Move a leading subject out of a metric: (subject, metric).
pub(crate) fn split_subject(metric: String, subject: Option<String>) -> (Option<String>, String) {
    if let Some(s) = &subject {
        if let Some(rest) = metric.strip_prefix(s.as_str()) {
            let rest = rest.trim_start_matches(|c| VOCAB.context.subject_glue.has(c));
            if rest.chars().count() >= 2 {
                return (subject.clone(), rest.to_string());
            }
        }
    }
    (subject, metric)
}
