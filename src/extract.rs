//! The second pass: clause-level rules that turn quantities into facts (kind, metric, basis,
//! reference, bound, target, period, subject), then facts into cards.
//!
//! A sentence is read clause by clause. Each quantity takes its meaning from the words just
//! before it in its clause (the verb, a comparison, a share word) and its metric from the
//! noun phrase there, or, for counted things (17家企业入选…), from the words after it. A clause
//! with no name of its own continues the previous clause's metric (…752.1亿元，同比增长6.7%).

use crate::model::{Article, Bound, Card, Fact, Kind};
use crate::normalize::{normalize, Normalized};
use crate::quantity::{han, scan, Quantity, Unit};
use crate::segment::{self, Line};
use crate::vocab::{ends_with_any, starts_with, starts_with_any, VOCAB};
use std::collections::{HashMap, HashSet};

/// Analyse one article. `source` labels it in the report; `input` is the raw text or HTML.
pub fn analyze(source: &str, input: &str) -> Article {
    let norm = normalize(input);
    let chars: Vec<char> = norm.text.chars().collect();
    let lines = segment::lines(&chars, &norm.headings);
    let quantities = scan(&chars);
    let mut reader = Reader {
        chars: &chars,
        input,
        norm: &norm,
        quantities: &quantities,
        next_q: 0,
        facts: Vec::new(),
    };
    let title = title_line(&lines);
    let mut section: Option<String> = None;
    for (li, line) in lines.iter().enumerate() {
        if line.noise {
            continue;
        }
        let is_title = Some(li) == title;
        if line.heading && !is_title {
            section = Some(text_of(&chars, line.start, line.end));
        }
        reader.read_line(line, line.heading || is_title, section.as_deref());
    }
    let title = title.map(|i| text_of(&chars, lines[i].start, lines[i].end));
    Article {
        source: source.to_string(),
        title,
        cards: into_cards(reader.facts),
    }
}

/// The article's title: its first line, when that reads as a heading.
fn title_line(lines: &[Line]) -> Option<usize> {
    let (i, first) = lines.iter().enumerate().find(|(_, l)| !l.noise)?;
    (first.heading || first.end - first.start <= 60).then_some(i)
}

fn text_of(chars: &[char], s: usize, e: usize) -> String {
    chars[s..e].iter().collect()
}

/// A fact while the article is read, before cards are formed.
#[derive(Debug, Clone)]
struct Draft {
    fact: Fact,
    metric: String,
    subject: Option<String>,
    /// Which sentence and which card within it: facts sharing both form one card.
    sentence: usize,
    card: usize,
    /// From a title or heading: dropped when the body states the same value.
    heading: bool,
    section: Option<String>,
    /// Where the card starts (the metric's first char) in the input.
    card_start: usize,
}

struct Reader<'a> {
    chars: &'a [char],
    input: &'a str,
    norm: &'a Normalized,
    quantities: &'a [Quantity],
    /// Quantities before this index belong to lines already read.
    next_q: usize,
    facts: Vec<Draft>,
}

/// What a sentence carries from clause to clause.
#[derive(Default)]
struct SentenceState {
    id: usize,
    /// The last metric named, with its card number and where it starts.
    metric: Option<(String, usize, usize)>,
    /// The last clause without a quantity: the topic later clauses may refer back to.
    topic: Option<String>,
    subject: Option<String>,
    cards: usize,
}

impl<'a> Reader<'a> {
    fn read_line(&mut self, line: &Line, heading: bool, section: Option<&str>) {
        // Skip quantities of noise lines before this one.
        while self.next_q < self.quantities.len() && self.quantities[self.next_q].start < line.start
        {
            self.next_q += 1;
        }
        let paragraph_period = find_period(self.chars, line.start, line.end);
        for (ss, se) in segment::sentences(self.chars, line.start, line.end) {
            let mut st = SentenceState {
                id: self.facts.last().map_or(0, |d| d.sentence + 1) + ss,
                ..Default::default()
            };
            let sentence_target = self.target_before(ss, se);
            for (cs, ce) in segment::clauses(self.chars, ss, se) {
                let first = self.next_q;
                while self.next_q < self.quantities.len() && self.quantities[self.next_q].start < ce
                {
                    self.next_q += 1;
                }
                let qs: Vec<&Quantity> = self.quantities[first..self.next_q]
                    .iter()
                    .filter(|q| q.start >= cs && q.end <= ce && q.unit != Unit::Bare)
                    .collect();
                if st.subject.is_none() {
                    st.subject = subject_at(self.chars, cs, ce);
                }
                if qs.is_empty() {
                    let topic = clean_metric(self.chars, cs, ce);
                    if !topic.is_empty() {
                        st.topic = Some(topic);
                    }
                    continue;
                }
                let period =
                    find_period(self.chars, ss, qs[0].start).or_else(|| paragraph_period.clone());
                let ctx = ClauseCtx {
                    start: cs,
                    end: ce,
                    target: sentence_target.is_some_and(|t| t < qs[0].start),
                    period,
                    heading,
                    section,
                };
                self.read_clause(&ctx, &qs, &mut st);
            }
        }
    }

    /// The position of the first target word of the sentence, if any.
    fn target_before(&self, s: usize, e: usize) -> Option<usize> {
        (s..e).find(|&i| {
            starts_with_any(self.chars, i, &VOCAB.target).is_some()
                && !VOCAB
                    .not_target
                    .iter()
                    .any(|w| (i.saturating_sub(3)..=i).any(|j| starts_with(self.chars, j, w)))
        })
    }

    fn read_clause(&mut self, ctx: &ClauseCtx, qs: &[&Quantity], st: &mut SentenceState) {
        // Items of a list with a quantity each (新增A500家、B326家) are clauses of their own
        // sharing the clause's lead; a run of values (16.2%、11.9%) stays one group.
        let groups = group_values(self.chars, qs);
        let mut seg_start = ctx.start;
        let mut prev_end = ctx.start;
        let mut seen_count = false;
        let mut skip_next = false;
        for (gi, group) in groups.iter().enumerate() {
            let first = group[0];
            let last = group[group.len() - 1];
            // A list item boundary: a 、 between the previous group and this one.
            if gi > 0 {
                if let Some(p) = (prev_end..first.start)
                    .rev()
                    .find(|&i| self.chars[i] == '、')
                {
                    seg_start = p + 1;
                }
            }
            let next_start = groups
                .get(gi + 1)
                .map_or(ctx.end, |g| g[0].start)
                .min(ctx.end);
            let post_end = (last.end..next_start)
                .find(|&i| self.chars[i] == '、')
                .unwrap_or(next_start);
            let pre_start = prev_end.max(seg_start);
            let item = Item {
                pre: (pre_start, first.start),
                post: (last.end, post_end),
                seg_start,
            };
            if skip_next {
                skip_next = false;
                prev_end = last.end;
                continue;
            }
            // 从2021年底的410家增加到2024年的918家: one fact, the end value with its start.
            if let Some(next) = groups
                .get(gi + 1)
                .filter(|n| n.len() == 1 && group.len() == 1)
            {
                if let Some((from_pos, period)) = from_to(self.chars, pre_start, first, next[0]) {
                    let to = next[0];
                    let to_item = Item {
                        pre: (pre_start, from_pos),
                        post: (to.end, to.end),
                        seg_start,
                    };
                    let before = self.facts.len();
                    self.read_group(ctx, &to_item, &[to], st, seen_count);
                    if let Some(d) = self.facts.get_mut(before) {
                        d.fact.from = Some(first.num.value);
                        d.fact.from_display = Some(first.display(false));
                        d.fact.span[1] =
                            d.fact.span[1].max(self.norm.input_span(to.start, to.end)[1]);
                        if period.is_some() {
                            d.fact.period = period;
                        }
                    }
                    skip_next = true;
                    prev_end = last.end;
                    continue;
                }
            }
            let qualifier = is_qualifier(self.chars, last, groups.get(gi + 1).is_some());
            if !qualifier {
                self.read_group(ctx, &item, group, st, seen_count);
            }
            if matches!(first.unit, Unit::Measure(_)) && !qualifier {
                seen_count = true;
            }
            prev_end = last.end;
        }
    }

    fn read_group(
        &mut self,
        ctx: &ClauseCtx,
        item: &Item,
        group: &[&Quantity],
        st: &mut SentenceState,
        after_count: bool,
    ) {
        let c = self.chars;
        let (ps, pe) = item.pre;
        let first = group[0];
        let unit = first.unit;
        let reading = match unit {
            Unit::Rank => {
                if after_count {
                    // 10项工作位列全省首位: the rank is the counted items', not a metric's.
                    return;
                }
                Reading::rank(c, ps, pe)
            }
            Unit::Years => Reading::streak(c, ps, pe, first, item.post),
            Unit::Points => Reading::points(c, ps, pe),
            Unit::Percent => Reading::percent(c, ps, pe, first),
            Unit::Times => match Reading::percent(c, ps, pe, first) {
                r if r.kind == Kind::Change => r,
                _ => return,
            },
            Unit::Money(_) | Unit::Measure(_) => Reading::level(c, ps, pe, first, item.post),
            Unit::Bare => return,
        };
        // The names of a list of values (工业投资、工业技改投资同比增长16.2%、11.9%).
        let names = split_list(&reading.metric);
        let versus_list = reading.versus.as_deref().map(split_versus);
        for (k, q) in group.iter().enumerate() {
            let mut metric = if names.len() == group.len() {
                names[k].clone()
            } else {
                reading.metric.clone()
            };
            let versus = match &versus_list {
                Some(v) if v.len() == group.len() => Some(v[k].clone()),
                _ => reading.versus.clone(),
            };
            // Resolve a clause with no name, or a pronoun-like one (数量, 增速), against the
            // sentence so far.
            let mut card = None;
            if metric.is_empty() || is_anaphor(&metric) {
                match (&st.metric, &st.topic) {
                    (Some((m, card_no, _)), _) => {
                        if metric.is_empty() {
                            card = Some(*card_no);
                        }
                        metric = format!("{m}{metric}");
                        if card.is_none() {
                            card = Some(*card_no);
                        }
                    }
                    (None, Some(t)) => metric = format!("{t}{metric}"),
                    _ => {}
                }
            }
            if reading.kind == Kind::Streak && reading.metric_from_rank {
                if let Some((m, _, _)) = &st.metric {
                    metric = format!("{m}{metric}");
                }
            }
            let metric = metric.trim_matches(['、', '和', '及', ' ']).to_string();
            if metric.chars().count() < 2 {
                continue;
            }
            let (subject, metric) = split_subject(&metric, st.subject.clone());
            let card_no = card.unwrap_or_else(|| match &st.metric {
                Some((m, n, _)) if *m == metric => *n,
                _ => {
                    st.cards += 1;
                    st.cards
                }
            });
            let text_start = if card.is_some() {
                item.pre.0
            } else {
                item.seg_start
            };
            let span = self.norm.input_span(text_start.min(q.start), q.end);
            let card_start = st
                .metric
                .as_ref()
                .filter(|(_, n, _)| *n == card_no)
                .map_or(span[0], |(_, _, s)| *s);
            if card.is_none() {
                st.metric = Some((metric.clone(), card_no, span[0]));
            }
            let negative = reading.negative ^ q.negative;
            let value = reading.scale * q.num.value * if negative { -1.0 } else { 1.0 };
            let display = match reading.kind {
                Kind::Rank => format!("{}{}", versus.clone().unwrap_or_default(), q.display(false)),
                Kind::Streak => format!("连续{}年", q.num.mantissa),
                Kind::Change if q.unit == Unit::Times => {
                    format!(
                        "{}{}%",
                        if negative { "-" } else { "" },
                        crate::render::number(value.abs())
                    )
                }
                _ => q.display(negative),
            };
            let unit = match (reading.kind, q.unit) {
                (Kind::Change, Unit::Times) => "%".to_string(),
                _ => q.unit.name().to_string(),
            };
            let fact = Fact {
                kind: reading.kind,
                value,
                unit,
                display,
                text: self.input_text(span),
                span,
                basis: reading.basis.clone(),
                versus,
                bound: q.bound,
                target: ctx.target,
                period: ctx.period.clone(),
                from: None,
                from_display: None,
            };
            self.facts.push(Draft {
                fact,
                metric,
                subject,
                sentence: st.id,
                card: card_no,
                heading: ctx.heading,
                section: ctx.section.map(str::to_string),
                card_start,
            });
        }
    }

    /// The words of the input at `span`, or the normalised words when the input there holds
    /// markup (a span across HTML tags reads badly).
    fn input_text(&self, span: [usize; 2]) -> String {
        let raw: String = self
            .input
            .chars()
            .skip(span[0])
            .take(span[1] - span[0])
            .collect();
        if raw.contains(['<', '\n', '&']) {
            raw.split('\n')
                .map(str::trim)
                .collect::<String>()
                .chars()
                .filter(|c| *c != '\r')
                .collect()
        } else {
            raw
        }
    }
}

/// Where a group's words are.
struct Item {
    /// The words before the group, back to the previous group or the clause start.
    pre: (usize, usize),
    /// The words after the group, up to the next group, list item or clause end.
    post: (usize, usize),
    /// Where the list item holding the group starts.
    seg_start: usize,
}

struct ClauseCtx<'s> {
    start: usize,
    end: usize,
    target: bool,
    period: Option<String>,
    heading: bool,
    section: Option<&'s str>,
}

/// What the words around a quantity make of it.
#[derive(Debug)]
struct Reading {
    kind: Kind,
    metric: String,
    basis: Option<String>,
    versus: Option<String>,
    negative: bool,
    /// Multiplies the number: 1.5倍 → 150 (%).
    scale: f64,
    /// A streak told as a rank (连续三年列全省第3位): its metric is the sentence's.
    metric_from_rank: bool,
}

impl Reading {
    fn new(kind: Kind, metric: String) -> Self {
        Reading {
            kind,
            metric,
            basis: None,
            versus: None,
            negative: false,
            scale: 1.0,
            metric_from_rank: false,
        }
    }

    /// 增速全省第3, 数量居全省首位, 在全省…评价中列第2位.
    fn rank(c: &[char], ps: usize, pe: usize) -> Reading {
        let mut end = pe;
        let mut versus = None;
        loop {
            let before = end;
            end = trim_parens_back(c, ps, end);
            if let Some(w) = ends_with_any(&c[..end], end, &RANK_WORDS) {
                end -= w.chars().count();
            }
            if let Some(w) = ends_with_any(&c[..end], end, &RANK_SCOPES) {
                versus.get_or_insert(w.to_string());
                end -= w.chars().count();
            }
            if end == before || end <= ps {
                break;
            }
        }
        if versus.is_none() {
            versus = RANK_SCOPES
                .iter()
                .find(|w| (ps..pe).any(|i| starts_with(c, i, w)))
                .map(|w| w.to_string());
        }
        let mut metric = clean_metric(c, ps, end.max(ps));
        // 在全省开放式大学科技园绩效评价中: the ranking, not the ranked.
        if let Some(rest) = metric.strip_suffix('中') {
            metric = rest.to_string();
        }
        let mut r = Reading::new(Kind::Rank, metric);
        r.versus = versus;
        r
    }

    /// 连续三年入选…, 数量实现三年连续增长.
    fn streak(c: &[char], ps: usize, pe: usize, q: &Quantity, post: (usize, usize)) -> Reading {
        let forward = starts_with(c, q.start, "连续");
        let tail = clean_post(c, post.0, post.1);
        let tail = if forward {
            tail
        } else {
            format!("连续{}", tail.trim_start_matches("连续"))
        };
        let mut lead = clean_metric(c, ps, pe);
        for verb in ["实现", "保持", "已"] {
            if let Some(l) = lead.strip_suffix(verb) {
                lead = l.to_string();
            }
        }
        let from_rank = lead.is_empty() && starts_with_any(c, post.0, &RANK_WORDS).is_some();
        let metric = if lead.is_empty() && tail.chars().count() <= 2 {
            String::new()
        } else {
            format!("{lead}{tail}")
        };
        let mut r = Reading::new(Kind::Streak, metric);
        r.metric_from_rank = from_rank;
        r
    }

    /// N个百分点: a gap against a reference, or a contribution (拉动…增长).
    fn points(c: &[char], ps: usize, pe: usize) -> Reading {
        let pre: Vec<char> = c[ps..pe].to_vec();
        if let Some(p) = find_last(&pre, "拉动") {
            let mut end = pre.len();
            end = strip_back(&pre, 0, end);
            let versus = clean(&pre[p + 2..end.max(p + 2)]);
            let mut r = Reading::new(Kind::Contribution, clean_metric(c, ps, ps + p));
            r.versus = (!versus.is_empty()).then_some(versus);
            return r;
        }
        let mut r = Reading::new(Kind::Gap, String::new());
        let found = COMPARATORS
            .iter()
            .filter_map(|(w, neg)| find_last(&pre, w).map(|p| (p, *w, *neg)))
            .max_by_key(|(p, w, _)| (*p, w.chars().count()));
        let tail_neg = ends_with_any(&pre, pre.len(), &GAP_DOWN).is_some()
            || ends_with_any(&pre, pre.len(), &VOCAB.decline).is_some();
        match found {
            Some((p, w, neg)) => {
                let after = p + w.chars().count();
                let end = strip_back(&pre, after, pre.len());
                let versus = clean(&pre[after..end.max(after)]);
                r.versus = (!versus.is_empty()).then_some(versus);
                r.negative = neg || tail_neg;
                r.metric = clean_metric(c, ps, ps + p);
            }
            None => {
                r.negative = tail_neg;
                r.metric = clean_metric(c, ps, pe);
            }
        }
        r
    }

    /// N%: a change (增长, 下降, 增速), or else a share.
    fn percent(c: &[char], ps: usize, pe: usize, q: &Quantity) -> Reading {
        let mut end = pe;
        // Words between the verb and the number: 了, 达, 为.
        end = strip_fillers(c, ps, end);
        let mut r = Reading::new(Kind::Share, String::new());
        if q.unit == Unit::Times {
            r.scale = 100.0;
        }
        let verb = ends_with_any(&c[..end], end, &VOCAB.growth)
            .map(|w| (w, false))
            .or_else(|| ends_with_any(&c[..end], end, &VOCAB.decline).map(|w| (w, true)))
            .or_else(|| ends_with_any(&c[..end], end, &RATE_WORDS).map(|w| (w, false)))
            .or_else(|| ends_with_any(&c[..end], end, &FALL_RATE_WORDS).map(|w| (w, true)));
        let basis_only = ends_with_any(&c[..end], end, &VOCAB.basis);
        if let Some((w, down)) = verb {
            r.kind = Kind::Change;
            r.negative = down;
            end -= w.chars().count();
            end = strip_fillers(c, ps, end);
        } else if q.doubling || q.negative || basis_only.is_some() {
            r.kind = Kind::Change;
        }
        if r.kind == Kind::Change {
            // 同比, 比上年, 两年平均, 比2019年同期: the basis, written before the verb.
            let (basis, b_start) = basis_before(c, ps, end);
            if basis.is_some() {
                end = b_start;
            }
            r.basis = basis;
        }
        r.metric = clean_metric(c, ps, end);
        r
    }

    /// An amount or a count: 752.1亿元, 新增…28家, 17家企业入选….
    fn level(c: &[char], ps: usize, pe: usize, q: &Quantity, post: (usize, usize)) -> Reading {
        let mut end = strip_fillers(c, ps, pe);
        let mut negative = false;
        if let Some(w) = ends_with_any(&c[..end], end, &VOCAB.decline) {
            negative = true;
            end -= w.chars().count();
        }
        let pre = clean_metric(c, ps, end);
        // A count followed by its noun names the counted thing after the number:
        // 17家企业入选省级智能工厂, 优化调整12条产业链, 选聘258名高层次人才.
        let counted = matches!(q.unit, Unit::Measure(_));
        let after = clean_post(c, post.0, post.1);
        let metric = if counted && after.chars().count() >= 2 {
            after
        } else {
            pre
        };
        let mut r = Reading::new(Kind::Level, metric);
        r.negative = negative;
        r
    }
}

/// Words that place a rank, stripped from the end of a rank's metric.
const RANK_WORDS: [&str; 16] = [
    "排名", "排在", "排第", "位列", "位居", "名列", "跃居", "稳居", "跻身", "保持", "继续", "居",
    "列", "排", "为", "均",
];
const RANK_SCOPES: [&str; 8] = [
    "全省",
    "全国",
    "全市",
    "全区",
    "全球",
    "世界",
    "全州",
    "同类城市",
];

/// Comparisons a gap is measured by, and whether the gap is negative.
const COMPARATORS: [(&str, bool); 13] = [
    ("高于", false),
    ("低于", true),
    ("快于", false),
    ("慢于", true),
    ("超过", false),
    ("超出", false),
    ("高出", false),
    ("领先", false),
    ("落后于", true),
    ("落后", true),
    ("优于", false),
    ("比", false),
    ("较", false),
];
/// A gap whose verb points down: 比1-6月回落0.7个百分点.
const GAP_DOWN: [&str; 6] = ["回落", "低", "慢", "收窄", "放缓", "减少"];
/// A change named by its rate: 增速为6.7%, 涨幅8%.
const RATE_WORDS: [&str; 10] = [
    "增速为",
    "增幅为",
    "增长率为",
    "增速达",
    "增幅达",
    "增长率",
    "增速",
    "增幅",
    "涨幅",
    "增长幅度",
];
const FALL_RATE_WORDS: [&str; 3] = ["降幅为", "降幅", "跌幅"];

/// Pronoun-like metrics that name nothing alone: 数量居全省首位 (of what?).
fn is_anaphor(m: &str) -> bool {
    const WORDS: [&str; 8] = ["数量", "总量", "增速", "增幅", "规模", "总数", "总额", "其"];
    WORDS.iter().any(|w| m.starts_with(w)) || m.chars().count() < 2
}

/// Group quantities into runs of values sharing one verb (16.2%、11.9%; 1.9和4.4个百分点).
fn group_values<'q>(chars: &[char], qs: &[&'q Quantity]) -> Vec<Vec<&'q Quantity>> {
    let mut groups: Vec<Vec<&Quantity>> = Vec::new();
    for &q in qs {
        if let Some(g) = groups.last_mut() {
            let prev = g[g.len() - 1];
            let between = &chars[prev.end..q.start];
            let joined = matches!(between, ['、'] | ['和'] | ['及'] | ['与'])
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

/// 500万元以上工业技改项目795个: an amount that qualifies a noun, not a fact.
fn is_qualifier(chars: &[char], q: &Quantity, more_follow: bool) -> bool {
    let bounded_after =
        chars[..q.end].ends_with(&['以', '上']) || chars[..q.end].ends_with(&['以', '下']);
    more_follow && bounded_after && chars.get(q.end).is_some_and(|&c| han(c) || c == '的')
}

/// 从2021年底的410家增加到2024年的918家: where 从 stands, and the end's period, when `a` and
/// `b` are the start and end of a change told as "from A to B".
fn from_to(
    c: &[char],
    pre_start: usize,
    a: &Quantity,
    b: &Quantity,
) -> Option<(usize, Option<String>)> {
    const VERBS: [&str; 12] = [
        "增加", "增长", "提高", "提升", "上升", "扩大", "下降", "减少", "降低", "跃升", "发展",
        "突破",
    ];
    if a.unit.name() != b.unit.name() || !matches!(a.unit, Unit::Money(_) | Unit::Measure(_)) {
        return None;
    }
    let from_pos = (pre_start..a.start).rev().find(|&i| c[i] == '从')?;
    let mut i = a.end;
    if let Some(v) = starts_with_any(c, i, &VERBS) {
        i += v.chars().count();
    }
    if !matches!(c.get(i), Some('到' | '至')) {
        return None;
    }
    i += 1;
    let mut period = None;
    if i < b.start {
        let j = period_at(c, i)?;
        let text: String = c[i..j].iter().collect();
        period = Some(text.trim_end_matches('的').to_string());
        i = j;
        if c.get(i) == Some(&'的') {
            i += 1;
        }
    }
    (i == b.start).then_some((from_pos, period))
}

/// The list items of a metric, when it is a list (工业投资、工业技改投资).
fn split_list(metric: &str) -> Vec<String> {
    metric
        .split(['、', '和'])
        .map(str::to_string)
        .filter(|s| !s.is_empty())
        .collect()
}

/// 全省、全国平均 → 全省平均, 全国平均: a shared ending goes to every item.
fn split_versus(v: &str) -> Vec<String> {
    let mut items: Vec<String> = v
        .trim_start_matches("分别")
        .split(['、', '和'])
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect();
    if items.len() > 1 {
        let last = items[items.len() - 1].clone();
        for ending in ["平均水平", "平均"] {
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

fn find_last(hay: &[char], needle: &str) -> Option<usize> {
    let n = needle.chars().count();
    (0..=hay.len().saturating_sub(n))
        .rev()
        .find(|&i| starts_with(hay, i, needle))
}

fn clean(cs: &[char]) -> String {
    cs.iter()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .trim_matches(|c: char| !(han(c) || c.is_alphanumeric() || c == '”' || c == '“'))
        .to_string()
}

/// Fillers between a verb and its number: 了, 达到, 为, 分别, 均.
fn strip_fillers(c: &[char], s: usize, mut e: usize) -> usize {
    const FILLERS: [&str; 14] = [
        "达到了",
        "达到",
        "分别为",
        "分别",
        "均为",
        "均",
        "为",
        "达",
        "了",
        "至",
        "到",
        "是",
        "约为",
        "共",
    ];
    loop {
        let before = e;
        while e > s && c[e - 1].is_whitespace() {
            e -= 1;
        }
        if let Some(w) = ends_with_any(&c[s..e], e - s, &FILLERS) {
            e -= w.chars().count();
        }
        if let Some((w, _)) = VOCAB
            .bounds_before
            .iter()
            .find(|(w, _)| c[s..e].ends_with(&w.chars().collect::<Vec<_>>()))
        {
            e -= w.chars().count();
        }
        if e == before {
            return e;
        }
    }
}

/// Trailing verbs, adverbs and comparisons that are not part of a name.
fn strip_back(cs: &[char], s: usize, mut e: usize) -> usize {
    loop {
        let before = e;
        e = strip_fillers(cs, s, e);
        for list in [&VOCAB.growth, &VOCAB.decline, &VOCAB.basis] {
            if let Some(w) = ends_with_any(&cs[s..e], e - s, list) {
                e -= w.chars().count();
            }
        }
        if let Some(w) = ends_with_any(&cs[s..e], e - s, &GAP_DOWN) {
            e -= w.chars().count();
        }
        if let Some(w) = ends_with_any(
            &cs[s..e],
            e - s,
            &["高", "快", "加快", "提高", "整体增速", "增速"],
        ) {
            e -= w.chars().count();
        }
        if e == before || e <= s {
            return e.max(s);
        }
    }
}

/// The basis written before a change's verb, and where it starts.
fn basis_before(c: &[char], s: usize, e: usize) -> (Option<String>, usize) {
    if let Some(w) = ends_with_any(&c[s..e], e - s, &VOCAB.basis) {
        let n = w.chars().count();
        // 比2019年同期, 较上年同期, 比上年: a comparison with a period.
        let b = e - n;
        if let Some(p) = (s..b).rev().take(10).find(|&i| matches!(c[i], '比' | '较')) {
            if w.ends_with("同期") || w == "同比" {
                let _ = p;
            }
        }
        return (Some(w.to_string()), b);
    }
    // 比2019年同期增长: 比 + a period + 同期.
    if e >= 2 && c[e - 2..e] == ['同', '期'] {
        if let Some(p) = (s..e - 2)
            .rev()
            .take(10)
            .find(|&i| matches!(c[i], '比' | '较'))
        {
            return (Some(c[p..e].iter().collect()), p);
        }
    }
    (None, e)
}

fn trim_parens_back(c: &[char], s: usize, mut e: usize) -> usize {
    if e > s && c[e - 1] == ')' {
        if let Some(p) = (s..e).rev().find(|&i| c[i] == '(') {
            e = p;
        }
    }
    e
}

/// The words after a count that name what is counted (17家企业入选省级智能工厂 → 企业入选…).
fn clean_post(c: &[char], s: usize, e: usize) -> String {
    let text: String = remove_parens(&c[s..e]);
    let t =
        text.trim_matches(|ch: char| !(han(ch) || ch.is_alphanumeric() || ch == '“' || ch == '”'));
    // 以上/以下 that belonged to the bound are gone; particles are not names.
    let t = t.trim_start_matches(['的', '，', '、']);
    let t = t.trim_end_matches(['到', '至', '在', '和', '及', '与', '的']);
    category(t).to_string()
}

fn remove_parens(cs: &[char]) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    for &ch in cs {
        match ch {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 && !ch.is_whitespace() => out.push(ch),
            _ => {}
        }
    }
    out
}

/// A metric name from `c[s..e]`: without scope words, periods, light verbs, trailing verbs,
/// fillers and parentheses.
fn clean_metric(c: &[char], s: usize, e: usize) -> String {
    let e = strip_back(c, s, e);
    let cs: Vec<char> = remove_parens(&c[s..e]).chars().collect();
    let mut i = 0;
    loop {
        let before = i;
        while i < cs.len() && !(han(cs[i]) || cs[i].is_alphanumeric() || cs[i] == '“') {
            i += 1;
        }
        if let Some(p) = period_at(&cs, i) {
            i = p;
        }
        for list in [&VOCAB.scope, &VOCAB.lead, &VOCAB.target] {
            if let Some(w) = starts_with_any(&cs, i, list) {
                // Keep a word that is the whole name (实现 alone is no name either).
                i += w.chars().count();
            }
        }
        if i == before || i >= cs.len() {
            break;
        }
    }
    let mut out: String = cs[i.min(cs.len())..].iter().collect();
    for suffix in ["等", "的", "共计"] {
        if let Some(r) = out.strip_suffix(suffix) {
            out = r.to_string();
        }
    }
    let out = category(&out);
    let out =
        out.trim_matches(|ch: char| !(han(ch) || ch.is_alphanumeric() || ch == '”' || ch == '“'));
    // An unbalanced quote left at an end by the clause split.
    let opens = out.matches('“').count();
    let closes = out.matches('”').count();
    let out = if opens > closes {
        out.trim_end_matches('“')
    } else if closes > opens {
        out.trim_start_matches('”')
    } else {
        out
    };
    out.to_string()
}

/// 制造业创新中心等省级以上创新平台 → 省级以上创新平台: examples before 等, the category after.
fn category(name: &str) -> &str {
    match name.rfind('等') {
        Some(p) if name[p + '等'.len_utf8()..].chars().count() >= 2 => {
            &name[p + '等'.len_utf8()..]
        }
        _ => name,
    }
}

/// A period word at `cs[i..]` (2023年, 1-2月, 一季度, 去年…): the index after it.
fn period_at(cs: &[char], i: usize) -> Option<usize> {
    const WORDS: [&str; 16] = [
        "前三季度",
        "上半年",
        "下半年",
        "一季度",
        "二季度",
        "三季度",
        "四季度",
        "第一季度",
        "首季",
        "去年",
        "今年",
        "上年",
        "明年",
        "全年",
        "年底",
        "年末",
    ];
    if let Some(w) = WORDS.iter().find(|w| starts_with(cs, i, w)) {
        return Some(i + w.chars().count());
    }
    // Digits then 年/月, with an optional range and an ending (2021年底, 1-8月, 2024年3月).
    let mut j = i;
    let digits = |j: &mut usize| {
        let s = *j;
        while *j < cs.len() && cs[*j].is_ascii_digit() {
            *j += 1;
        }
        *j > s
    };
    if !digits(&mut j) {
        return None;
    }
    if cs.get(j) == Some(&'-') {
        j += 1;
        digits(&mut j);
    }
    match cs.get(j) {
        Some('年') => {
            j += 1;
            let k = j;
            let mut m = j;
            if digits(&mut m) && cs.get(m) == Some(&'月') {
                j = m + 1;
            } else {
                j = k;
            }
        }
        Some('月') => j += 1,
        _ => return None,
    }
    for end in ["底", "末", "初", "以来", "的", "份"] {
        if starts_with(cs, j, end) {
            j += end.chars().count();
        }
    }
    Some(j)
}

/// The period nearest before `end` in `c[s..end]`.
fn find_period(c: &[char], s: usize, end: usize) -> Option<String> {
    let mut found = None;
    let mut i = s;
    while i < end {
        let starts_word = i == 0 || !c[i - 1].is_ascii_digit();
        match period_at(c, i).filter(|_| starts_word) {
            Some(j) if j <= end => {
                let mut text: String = c[i..j].iter().collect();
                for junk in ["的", "以来", "份"] {
                    if let Some(t) = text.strip_suffix(junk) {
                        text = t.to_string();
                    }
                }
                found = Some(text);
                i = j;
            }
            _ => i += 1,
        }
    }
    found
}

/// An organisation named at the start of a clause (山东金蔡伦纸业通过…).
fn subject_at(c: &[char], s: usize, e: usize) -> Option<String> {
    let mut start = s;
    for lead in ["例如", "比如", "其中", "如"] {
        if starts_with(c, start, lead) {
            start += lead.chars().count();
        }
    }
    let limit = e.min(start + 16);
    for i in start + 2..limit {
        if let Some(w) = starts_with_any(c, i, &VOCAB.subjects) {
            let end = i + w.chars().count();
            let follows_ok = end >= e
                || SUBJECT_FOLLOWERS.iter().any(|f| starts_with(c, end, f))
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

const SUBJECT_FOLLOWERS: [&str; 18] = [
    "通过",
    "实现",
    "在",
    "的",
    "以",
    "将",
    "已",
    "成功",
    "入选",
    "获",
    "是",
    "与",
    "上半年",
    "下半年",
    "今年",
    "去年",
    "全年",
    "前三季度",
];

/// Move a leading subject out of a metric: (subject, metric).
fn split_subject(metric: &str, subject: Option<String>) -> (Option<String>, String) {
    if let Some(s) = &subject {
        if let Some(rest) = metric.strip_prefix(s.as_str()) {
            let rest = rest.trim_start_matches(['的', '在']);
            if rest.chars().count() >= 2 {
                return (subject.clone(), rest.to_string());
            }
        }
    }
    (subject, metric.to_string())
}

/// Facts into cards: duplicates dropped, facts of one metric in one sentence together.
fn into_cards(drafts: Vec<Draft>) -> Vec<Card> {
    // The same statement twice (a title and the body, a repeated paragraph) is one fact.
    type Key = (Kind, String, u64, Option<Bound>, bool);
    let key = |d: &Draft| -> Key {
        (
            d.fact.kind,
            d.fact.unit.clone(),
            d.fact.value.to_bits(),
            d.fact.bound,
            d.fact.target,
        )
    };
    let mut body_values: HashSet<(Kind, String, u64)> = HashSet::new();
    for d in drafts.iter().filter(|d| !d.heading) {
        body_values.insert((d.fact.kind, d.fact.unit.clone(), d.fact.value.to_bits()));
    }
    let mut seen: HashMap<Key, Vec<String>> = HashMap::new();
    let mut kept: Vec<Draft> = Vec::new();
    for d in drafts {
        if d.heading
            && body_values.contains(&(d.fact.kind, d.fact.unit.clone(), d.fact.value.to_bits()))
        {
            continue;
        }
        let names = seen.entry(key(&d)).or_default();
        let full = format!("{}{}", d.subject.as_deref().unwrap_or(""), d.metric);
        // Bounded: a pathological input repeating one value a million times stays linear.
        if names.iter().take(16).any(|n| similar(n, &full)) {
            continue;
        }
        names.push(full);
        kept.push(d);
    }
    let mut cards: Vec<Card> = Vec::new();
    let mut last: Option<(usize, usize)> = None;
    for d in kept {
        let id = (d.sentence, d.card);
        if last == Some(id) {
            if let Some(card) = cards.last_mut() {
                card.span[1] = card.span[1].max(d.fact.span[1]);
                card.facts.push(d.fact);
                continue;
            }
        }
        last = Some(id);
        cards.push(Card {
            metric: d.metric,
            subject: d.subject,
            section: d.section,
            span: [d.card_start.min(d.fact.span[0]), d.fact.span[1]],
            facts: vec![d.fact],
        });
    }
    cards
}

/// Two names of one thing: one inside the other, or most character pairs shared.
pub fn similar(a: &str, b: &str) -> bool {
    if a == b
        || (a.chars().count() >= 2 && b.contains(a))
        || (b.chars().count() >= 2 && a.contains(b))
    {
        return true;
    }
    dice(a, b) >= 0.5
}

fn dice(a: &str, b: &str) -> f64 {
    let pairs = |s: &str| -> Vec<(char, char)> {
        let cs: Vec<char> = s.chars().collect();
        cs.windows(2).map(|w| (w[0], w[1])).collect()
    };
    let (x, y) = (pairs(a), pairs(b));
    if x.is_empty() || y.is_empty() {
        return 0.0;
    }
    let mut pool = y.clone();
    let mut common = 0;
    for g in &x {
        if let Some(p) = pool.iter().position(|h| h == g) {
            pool.swap_remove(p);
            common += 1;
        }
    }
    2.0 * common as f64 / (x.len() + y.len()) as f64
}
