//! The kinds: what the words just before a quantity in its clause make of it (a level, a
//! change and its basis, a share, a gap against a reference, a rank, a multiple).

use super::*;

/// What the words around a quantity make of it.
#[derive(Debug)]
pub(crate) struct Reading {
    pub(crate) kind: Kind,
    pub(crate) metric: String,
    pub(crate) basis: Option<String>,
    pub(crate) versus: Option<String>,
    pub(crate) negative: bool,
    /// Multiplies the number: 1.5倍 → 150 (%).
    pub(crate) scale: f64,
    /// A streak told as a rank (连续三年列全省第3位): its metric is the sentence's.
    pub(crate) metric_from_rank: bool,
    /// A streak's words after it (位居全省), which end its metric but are the rank's.
    pub(crate) tail: String,
}

impl Reading {
    pub(crate) fn new(kind: Kind, metric: String) -> Self {
        Reading {
            kind,
            metric,
            basis: None,
            versus: None,
            negative: false,
            scale: 1.0,
            metric_from_rank: false,
            tail: String::new(),
        }
    }

    /// 增速全省第3, 数量居全省首位, 在全省…评价中列第2位.
    pub(crate) fn rank(c: &[char], pre: Span) -> Reading {
        let Span { start: ps, end: pe } = pre;
        let mut end = pe;
        let mut versus = None;
        loop {
            let before = end;
            end = trim_parens_back(c, ps, end);
            if let Some(w) = VOCAB.rank_names.ending(c, end) {
                end -= w.chars().count();
            }
            if let Some(w) = VOCAB.rank_scopes.ending(&c[..end], end) {
                versus.get_or_insert(w.to_string());
                end -= w.chars().count();
            }
            if end == before || end <= ps {
                break;
            }
        }
        if versus.is_none() {
            versus = VOCAB
                .rank_scopes
                .iter()
                .find(|w| (ps..pe).any(|i| starts_with(c, i, w)))
                .map(|w| w.to_string());
        }
        let mut metric = clean_metric(c, ps, end.max(ps));
        // 在全省开放式大学科技园绩效评价中: the ranking, not the ranked.
        if let Some(rest) = VOCAB
            .readings
            .ranked_in
            .iter()
            .find_map(|w| metric.strip_suffix(w))
        {
            metric = rest.to_string();
        }
        let mut r = Reading::new(Kind::Rank, metric);
        r.versus = versus;
        r
    }

    /// 连续三年入选…, 数量实现三年连续增长.
    pub(crate) fn streak(c: &[char], pre: Span, q: &Quantity, post: Span) -> Reading {
        let Span { start: ps, end: pe } = pre;
        let forward = VOCAB.scan.streak_lead.at(c, q.start).is_some();
        let tail = clean_post(c, post.start, post.end);
        let tail = match VOCAB.scan.streak_lead.first().filter(|_| !forward) {
            Some(lead) => format!("{lead}{}", tail.trim_start_matches(lead)),
            None => tail,
        };
        let mut lead = clean_metric(c, ps, pe);
        for verb in &VOCAB.readings.streak_verb {
            if let Some(l) = lead.strip_suffix(verb) {
                lead = l.to_string();
            }
        }
        let from_rank =
            lead.is_empty() && starts_with_any(c, post.start, &VOCAB.rank_names).is_some();
        let metric = if lead.is_empty() && tail.chars().count() <= 2 {
            String::new()
        } else {
            format!("{lead}{tail}")
        };
        let mut r = Reading::new(Kind::Streak, metric);
        r.metric_from_rank = from_rank;
        r.tail = tail;
        r
    }

    /// N个百分点: a gap against a reference, or a contribution (拉动…增长).
    pub(crate) fn points(c: &[char], ps: usize, pe: usize) -> Reading {
        let pre: Vec<char> = c[ps..pe].to_vec();
        if let Some((p, n)) = VOCAB
            .readings
            .contribution
            .iter()
            .find_map(|w| Some((find_last(&pre, w)?, w.chars().count())))
        {
            let end = strip_comparison(&pre, p + n, pre.len());
            let versus = clean(&pre[p + n..end.max(p + n)]);
            let mut r = Reading::new(Kind::Contribution, clean_metric(c, ps, ps + p));
            r.versus = (!versus.is_empty()).then_some(versus);
            return r;
        }
        let mut r = Reading::new(Kind::Gap, String::new());
        let found = VOCAB
            .comparators
            .iter()
            .filter_map(|(w, neg)| find_last(&pre, w).map(|p| (p, *w, *neg)))
            .max_by_key(|(p, w, _)| (*p, w.chars().count()));
        let tail_neg = VOCAB.gap_falls.ending(&pre, pre.len()).is_some()
            || VOCAB.decline.ending(&pre, pre.len()).is_some();
        match found {
            Some((p, w, neg)) => {
                let after = p + w.chars().count();
                let end = strip_comparison(&pre, after, pre.len());
                // 比上年(5.2%)回落: the reference's value is a fact of its own.
                let versus = remove_parens(&pre[after..end.max(after)]);
                r.versus = (!versus.is_empty()).then_some(versus);
                r.negative = neg || tail_neg;
                r.metric = clean_metric(c, ps, ps + p);
            }
            None => {
                r.negative = tail_neg;
                r.metric = clean_metric(c, ps, pe);
            }
        }
        // 同比提高0.68个百分点: a basis word stands for its reference.
        if let Some(abs) = absolute_change(c, ps, pe).filter(|_| r.versus.is_none()) {
            r.versus = Some(abs.versus);
            r.metric = clean_metric(c, ps, abs.metric_end);
        }
        // 降幅收窄0.7个百分点: a falling rate narrowing is the rate rising.
        if let Some((fall, rise)) = VOCAB.rate_flips.iter().find(|(f, _)| r.metric.ends_with(f)) {
            r.metric = format!("{}{rise}", &r.metric[..r.metric.len() - fall.len()]);
            r.negative = !r.negative;
        }
        r
    }

    /// N%: a change (增长, 下降, 增速), or else a share.
    pub(crate) fn percent(c: &[char], pre: Span, q: &Quantity, post: Span) -> Reading {
        let Span { start: ps, end: pe } = pre;
        // 下滑至0.1%, 提高到67%: the number is the new level, not the size of the change.
        let raw_end = strip_bounds(c, ps, pe);
        let to_level = raw_end > ps && VOCAB.readings.new_level.has(c[raw_end - 1]);
        let mut end = strip_fillers(c, ps, pe);
        // 经济增长预期目标为5%: the growth is what the target is set on.
        while let Some(w) = VOCAB.target.ending(&c[ps..end], end - ps) {
            end = strip_fillers(c, ps, end - w.chars().count());
        }
        let mut r = Reading::new(Kind::Share, String::new());
        if q.unit == Unit::Times {
            r.scale = 100.0;
        }
        // The verb, and whether it points down: growth and decline verbs, then rate words.
        let verb = [
            (&VOCAB.growth, false),
            (&VOCAB.decline, true),
            (&VOCAB.rate_up, false),
            (&VOCAB.rate_down, true),
        ]
        .into_iter()
        .find_map(|(list, down)| list.ending(&c[ps..end], end - ps).map(|w| (w, down)));
        let basis_only = VOCAB.basis.ending(&c[ps..end], end - ps);
        let post_text: String = c[post.start..post.end].iter().take(4).collect();
        if let Some((w, down)) = verb {
            end -= w.chars().count();
            // 年均 ends in a filler (均): look for a basis before dropping fillers.
            if VOCAB.basis.ending(&c[ps..end], end - ps).is_none() {
                end = strip_fillers(c, ps, end);
            }
            let falling = VOCAB
                .rate_flips
                .iter()
                .find(|(f, _)| ends_with_any(&c[ps..end], end - ps, &[f]).is_some());
            if let Some((fall, _)) = falling.filter(|_| to_level) {
                // 降幅收窄至2.1%: the new rate of a fall is a fall of that much.
                end -= fall.chars().count();
                r.kind = Kind::Change;
                r.negative = true;
            } else if to_level && !VOCAB.rate_up.contains(&w) {
                // A rate moved to a new level: a growth rate stays a change, a ratio a share.
                let name: String = c[ps..end].iter().collect();
                let growth = names_growth(&name);
                r.kind = if growth { Kind::Change } else { Kind::Share };
            } else {
                r.kind = Kind::Change;
                r.negative = down;
            }
            if let Some((_, b)) = VOCAB.verb_basis.iter().find(|(v, _)| *v == w) {
                r.basis = Some(b.to_string());
            }
        } else if q.doubling || q.negative || basis_only.is_some() {
            r.kind = Kind::Change;
        } else if post_text
            .strip_prefix(VOCAB.marks.of)
            .is_some_and(|rest| VOCAB.rate_names.iter().any(|w| rest.starts_with(w)))
        {
            // 实现38.6%的增长.
            r.kind = Kind::Change;
        } else if let Some((verb_end, down)) = lead_verb(c, ps, end) {
            // 压减公用经费15%: the verb leads, its object is the metric.
            r.kind = Kind::Change;
            r.negative = down;
            r.metric = clean_metric(c, verb_end, end);
            return r;
        }
        if r.kind == Kind::Change && r.basis.is_none() {
            // 同比, 比上年, 两年平均, 比2019年1-7月: the basis, written before the verb.
            let (basis, b_start) = basis_before(c, ps, end);
            if basis.is_some() {
                end = b_start;
            }
            r.basis = basis;
        }
        r.metric = clean_metric(c, ps, end);
        if r.metric.is_empty() && post_text.starts_with(VOCAB.marks.of) {
            // 80%的中小学纳入教联体: the share's noun follows it.
            r.metric = clean_post(c, post.start + 1, post.end);
        }
        r
    }

    /// An amount or a count: 752.1亿元, 新增…28家, 17家企业入选…; or an absolute change
    /// against a reference (比年初增加128亿元), a gap in the amount's unit.
    pub(crate) fn level(c: &[char], ps: usize, pe: usize, q: &Quantity, item: &Item) -> Reading {
        let post = item.post;
        let mut end = strip_fillers(c, ps, pe);
        // 增加 is also a filler (累计增加12家): look for the verb before dropping fillers.
        if let Some(abs) = absolute_change(c, ps, pe).or_else(|| absolute_change(c, ps, end)) {
            let mut r = Reading::new(Kind::Gap, clean_metric(c, ps, abs.metric_end));
            r.versus = Some(abs.versus);
            r.negative = abs.negative;
            return r;
        }
        let mut negative = false;
        if let Some(w) = VOCAB.decline.ending(&c[..end], end) {
            negative = true;
            end -= w.chars().count();
        }
        // 恒指跌120点, 下调25点子: a move of an index or a rate is a gap in its points.
        if negative || VOCAB.growth.ending(&c[..end], end).is_some() {
            let moved = matches!(q.unit, Unit::Measure(u) if VOCAB.absolute_moved.holds(u));
            if moved {
                let verb = VOCAB.growth.ending(&c[..end], end).filter(|_| !negative);
                let mut r = Reading::new(
                    Kind::Gap,
                    clean_metric(c, ps, end - verb.map_or(0, |w| w.chars().count())),
                );
                r.negative = negative;
                return r;
            }
        }
        let pre = clean_metric(c, ps, end);
        // A count followed by its noun names the counted thing after the number:
        // 17家企业入选省级智能工厂, 优化调整12条产业链, 选聘258名高层次人才.
        // An index's points count nothing (创下14427.41点新纪录).
        let counted = matches!(q.unit, Unit::Measure(u) if !VOCAB.absolute_moved.holds(u));
        let mut after = clean_post(c, post.start, post.end);
        if let Some(Span { start: hs, end: he }) = item.head {
            after = format!("{after}{}{}", VOCAB.marks.of, clean_post(c, hs, he));
        }
        let metric = if counted && after.chars().count() >= 2 {
            after
        } else if pre.chars().count() <= 2
            && post.end > post.start
            && c[post.start] == VOCAB.marks.of
        {
            // 超4.2万亿元的新增减税降费: the amount's noun follows it.
            clean_post(c, post.start + 1, post.end)
        } else {
            pre
        };
        let mut r = Reading::new(Kind::Level, metric);
        r.negative = negative;
        r
    }
}

/// An absolute change read from the words before its number: what it is against, whether
/// it is a fall, and where the metric's words end.
pub(crate) struct Absolute {
    pub(crate) versus: String,
    pub(crate) negative: bool,
    pub(crate) metric_end: usize,
}

/// 比年初增加, 比上年同期多增, 同比减少, 多增 (alone): `c[ps..end]` ends in a verb of an
/// absolute change after a reference. A verb with no reference is no gap (增加128亿元 is
/// the amount added), except a comparative one (多增).
pub(crate) fn absolute_change(c: &[char], ps: usize, end: usize) -> Option<Absolute> {
    // The longer verb of either list: 少增 is a fall, though it ends in 增.
    let up = VOCAB.absolute_up.ending(&c[ps..end], end - ps);
    let down = VOCAB.absolute_down.ending(&c[ps..end], end - ps);
    let (verb, negative) = match (up, down) {
        (Some(u), Some(d)) if d.chars().count() > u.chars().count() => (d, true),
        (Some(u), _) => (u, false),
        (None, Some(d)) => (d, true),
        (None, None) => return None,
    };
    let v = end - verb.chars().count();
    let found = |versus: &str, metric_end: usize| {
        Some(Absolute {
            versus: versus.to_string(),
            negative,
            metric_end,
        })
    };
    // A basis word: 比上年同期 names its reference, 同比 stands for one.
    if let Some(b) = VOCAB.basis.ending(&c[ps..v], v - ps) {
        let at = v - b.chars().count();
        if let Some((_, versus)) = VOCAB.basis_versus.iter().find(|(w, _)| *w == b) {
            return found(versus, at);
        }
        if let Some(versus) = b.strip_prefix(|ch| VOCAB.names.comparison.has(ch)) {
            return found(versus, at);
        }
    }
    // 比年初, 较3月末: a comparison with an earlier time, just before the verb, or before the
    // reference's value in brackets (较上年(80.5亿元)增加).
    let r = trim_parens_back(c, ps, v);
    let from = r.saturating_sub(MAX_REFERENCE + 1).max(ps);
    if let Some(p) = (from..r).rev().find(|&i| VOCAB.names.comparison.has(c[i])) {
        let reference = clean(&c[p + 1..r]);
        let timely = (p + 1..r).any(|i| VOCAB.absolute_time.at(c, i).is_some());
        if timely
            && !reference.is_empty()
            && reference
                .chars()
                .all(|ch| han(ch) || ch.is_ascii_alphanumeric() || ch == '-')
        {
            return found(&reference, p);
        }
    }
    if VOCAB.absolute_alone.contains(&verb) {
        return found(VOCAB.absolute_default, v);
    }
    None
}

/// The longest reference of an absolute change, in chars (比2019年同期).
const MAX_REFERENCE: usize = 8;
