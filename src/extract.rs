//! The second pass: clause-level rules that turn quantities into facts (kind, metric, basis,
//! reference, bound, target, period, subject), then facts into cards.
//!
//! A sentence is read clause by clause. Each quantity takes its meaning from the words just
//! before it in its clause (the verb, a comparison, a share word) and its metric from the
//! noun phrase there, or, for counted things (17家企业入选…), from the words after it. A clause
//! with no name of its own continues the previous clause's metric (…752.1亿元，同比增长6.7%).

use crate::model::{Article, Bound, Card, Fact, Kind};
use crate::normalize::{normalize, Normalized};
use crate::plan::Plan;
use crate::quantity::{han, scan, Quantity, Unit, RANK_SCOPES};
use crate::segment::{self, Line};
use crate::vocab::{ends_with_any, starts_with, starts_with_any, VOCAB};
use std::cell::OnceCell;
use std::collections::HashMap;

/// Analyse one article. `source` labels it in the report; `input` is the raw text or HTML.
pub fn analyze(source: &str, input: &str) -> Article {
    analyze_with_progress(source, input, &mut |_| {})
}

/// Share of the work done when normalising and scanning end, measured on the corpus: the
/// rules over the lines take the rest.
const NORMALIZED: f32 = 0.25;
const SCANNED: f32 = 0.4;

/// [`analyze`], telling `progress` how far it has got (0.0 to 1.0, about a hundred calls at
/// most), so a long text analysed in the background can show a progress bar.
pub fn analyze_with_progress(source: &str, input: &str, progress: &mut dyn FnMut(f32)) -> Article {
    analyze_with(source, input, &crate::Options::default(), progress)
}

/// [`analyze_with_progress`] with the reader's [`crate::Options`].
pub fn analyze_with(
    source: &str,
    input: &str,
    options: &crate::Options,
    progress: &mut dyn FnMut(f32),
) -> Article {
    progress(0.0);
    let norm = normalize(input);
    progress(NORMALIZED);
    let chars: Vec<char> = norm.text.chars().collect();
    let included = |c: usize| options.include.contains(&norm.input_span(c, c + 1)[0]);
    let lines = segment::lines_including(&chars, &norm.headings, &included);
    let quantities = scan(&chars);
    progress(SCANNED);
    // Report each further hundredth of the text's lines.
    let step = (chars.len() / 100).max(1);
    let mut next_report = step;
    let mut reader = Reader {
        chars: &chars,
        input,
        offsets: input
            .char_indices()
            .map(|(b, _)| b)
            .chain(std::iter::once(input.len()))
            .collect(),
        norm: &norm,
        quantities: &quantities,
        next_q: 0,
        facts: Vec::new(),
        view: None,
    };
    let title = title_line(&lines);
    let mut section: Option<String> = None;
    let mut plan = Plan::default();
    for (li, line) in lines.iter().enumerate() {
        if line.start >= next_report {
            next_report = line.start + step;
            progress(SCANNED + (1.0 - SCANNED) * line.start as f32 / chars.len() as f32);
        }
        if line.noise {
            continue;
        }
        let is_title = Some(li) == title;
        let words = &chars[line.start..line.end];
        if line.heading && !is_title {
            section = Some(text_of(&chars, line.start, line.end));
            plan.heading(words);
        } else if !line.heading {
            plan.paragraph(words);
        }
        reader.read_line(line, line.heading || is_title, section.as_deref(), &plan);
    }
    let title = title.map(|i| text_of(&chars, lines[i].start, lines[i].end));
    let input_end = norm.origin.last().map_or(0, |&e| e as usize);
    let article = Article {
        source: source.to_string(),
        title,
        cards: into_cards(reader.facts),
        excluded: segment::excluded(&lines, &|s, e| norm.input_span(s, e), input_end),
    };
    progress(1.0);
    article
}

/// The article's title: its first line, when that reads as a heading.
fn title_line(lines: &[Line]) -> Option<usize> {
    let mut body = lines.iter().enumerate().filter(|(_, l)| !l.noise);
    let (i, first) = body.next()?;
    // A lone line is the text itself, not a title over it.
    (first.heading && body.next().is_some()).then_some(i)
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

/// The longest quote a fact keeps before its number, in chars.
const MAX_QUOTE: usize = 80;
/// The most chars a metric's name is read from, and has. Real names are far shorter; every
/// fact copies its name, so an unbounded one makes long texts quadratic.
const MAX_NAME: usize = 256;

struct Reader<'a> {
    chars: &'a [char],
    input: &'a str,
    /// Byte offset in `input` of each code point, and one past the end.
    offsets: Vec<usize>,
    norm: &'a Normalized,
    quantities: &'a [Quantity],
    /// Quantities before this index belong to lines already read.
    next_q: usize,
    facts: Vec<Draft>,
    /// The article's current point of view (从GDP同比增速来看 → GDP同比增速): what a list of
    /// places with a value each (江西(6.9%)、福建(6.7%)) measures.
    view: Option<String>,
}

/// What a sentence carries from clause to clause.
#[derive(Default)]
struct SentenceState {
    id: usize,
    /// The last metric named, with its card number and where it starts.
    metric: Option<(String, usize, usize)>,
    /// The last clause without a quantity: the topic later clauses may refer back to.
    topic: Option<(usize, usize)>,
    subject: Option<String>,
    cards: usize,
    /// The names of the last list distributed over a list of values, for a later list of
    /// values with no names of its own (…分别增长A、B，两年平均增速分别为C、D).
    names: Vec<String>,
}

impl<'a> Reader<'a> {
    fn read_line(&mut self, line: &Line, heading: bool, section: Option<&str>, plan: &Plan) {
        // Skip quantities of noise lines before this one.
        while self.next_q < self.quantities.len() && self.quantities[self.next_q].start < line.start
        {
            self.next_q += 1;
        }
        let paragraph_period = find_period_at(self.chars, line.start, line.end, true);
        for (ss, se) in segment::sentences(self.chars, line.start, line.end) {
            let mut st = SentenceState {
                id: ss,
                ..Default::default()
            };
            // The period stated so far in the sentence; each clause is searched once.
            let mut sentence_period: Option<String> = None;
            let sentence_target = self.target_before(ss, se);
            let planned = plan.covers(&self.chars[ss..se]);
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
                if let Some(view) = point_of_view(self.chars, cs, ce) {
                    self.view = Some(view);
                }
                if qs.is_empty() {
                    // Named lazily: most topics are never referred to.
                    st.topic = Some((cs, ce));
                    if let Some(p) = find_period(self.chars, cs, ce) {
                        sentence_period = Some(p);
                    }
                    continue;
                }
                if let Some(p) = find_period(self.chars, cs, qs[0].start) {
                    sentence_period = Some(p);
                }
                let period = sentence_period.clone().or_else(|| paragraph_period.clone());
                let ctx = ClauseCtx {
                    start: cs,
                    end: ce,
                    target: planned || sentence_target.is_some_and(|t| t < qs[0].start),
                    period,
                    heading,
                    section,
                };
                self.read_clause(&ctx, &qs, &mut st);
            }
        }
    }

    /// The position of the first target word of the sentence, if any. A target word that
    /// closes a name (双百计划等, “十四五”规划》) or means "obtained" (争取财政支持) is not one.
    fn target_before(&self, s: usize, e: usize) -> Option<usize> {
        let c = self.chars;
        (s..e).find(|&i| {
            let Some(w) = VOCAB.target.at(c, i) else {
                return false;
            };
            let end = i + w.chars().count();
            let names = matches!(c.get(end), Some('等' | '、' | '”' | '》' | '）' | ')'));
            let obtained = VOCAB.obtain_verbs.contains(&w) && {
                let stop = (end..e).find(|&j| c[j] == '，').unwrap_or(e);
                (end..stop).any(|j| VOCAB.funds.at(c, j).is_some())
            };
            !names
                && !obtained
                && !VOCAB
                    .not_target
                    .iter()
                    .any(|w| (i.saturating_sub(3)..=i).any(|j| starts_with(c, j, w)))
        })
    }

    fn read_clause(&mut self, ctx: &ClauseCtx, qs: &[&Quantity], st: &mut SentenceState) {
        // Items of a list with a quantity each (新增A500家、B326家) are clauses of their own
        // sharing the clause's lead; a run of values (16.2%、11.9%) stays one group.
        let groups = group_values(self.chars, qs);
        // Thresholds inside a noun phrase qualify the counted noun: they are read as part of
        // its name, never as facts (500万元以上工业项目1000个).
        let quals = qualifiers(self.chars, &groups);
        let thresholds: Vec<&Quantity> = groups
            .iter()
            .zip(&quals)
            .filter(|(_, &q)| q)
            .map(|(g, _)| g[0])
            .collect();
        let groups: Vec<Vec<&Quantity>> = groups
            .into_iter()
            .zip(quals)
            .filter(|(_, q)| !q)
            .map(|(g, _)| g)
            .collect();
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
                    // A new list item: 获得国家科技奖励19项、全国第2 ranks the metric.
                    seen_count = false;
                }
            }
            let next_start = groups
                .get(gi + 1)
                .map_or(ctx.end, |g| g[0].start)
                .min(ctx.end);
            // A 、 ends the words after a count only when another item with a quantity
            // follows (…500家、专精特新企业326家); else it is inside a name (多维度、立体化).
            let post_end = (last.end..next_start)
                .find(|&i| self.chars[i] == '、' && gi + 1 < groups.len())
                .unwrap_or(next_start);
            let pre_start = prev_end.max(seg_start);
            // 64个产值过10亿元、2334个过2000万元的增长点: an item ending in a threshold
            // shares the noun the list ends with.
            let head = thresholds
                .iter()
                .any(|t| t.end == post_end && post_end < next_start)
                .then(|| {
                    let from = groups.get(gi + 1).map_or(post_end, |g| g[g.len() - 1].end);
                    (from..ctx.end)
                        .find(|&i| self.chars[i] == '的')
                        .map(|p| (p + 1, groups.get(gi + 2).map_or(ctx.end, |g| g[0].start)))
                })
                .flatten();
            let item = Item {
                pre: (pre_start, first.start),
                post: (last.end, post_end),
                seg_start,
                head,
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
                        head: None,
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
                        // 增速由2.1%提高到5.6%: a growth rate's new level is still a change.
                        if to.unit == Unit::Percent {
                            let named: String = self.chars[pre_start..from_pos].iter().collect();
                            let growth = ["增长", "增速", "增幅"].iter().any(|g| named.contains(g));
                            d.fact.kind = if growth { Kind::Change } else { Kind::Share };
                        }
                    }
                    skip_next = true;
                    prev_end = last.end;
                    continue;
                }
            }
            self.read_group(ctx, &item, group, st, seen_count);
            if matches!(first.unit, Unit::Measure(_)) {
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
        // 江西(6.9%): a place or company with its value, measured as the article's view says.
        let entity = (group.len() == 1 && unit == Unit::Percent)
            .then(|| entity_before(c, ps, first))
            .flatten();
        let reading = match unit {
            Unit::Percent if entity.is_some() => {
                let view = self.view.clone().unwrap_or_else(|| "增速".to_string());
                let growth = ["增速", "增长", "增幅"].iter().any(|g| view.contains(g));
                Reading::new(if growth { Kind::Change } else { Kind::Share }, view)
            }
            Unit::Rank => {
                if after_count {
                    // 10项工作位列全省首位: the rank is the counted items', not a metric's.
                    return;
                }
                Reading::rank(c, ps, pe)
            }
            Unit::Years => Reading::streak(c, ps, pe, first, item.post),
            Unit::Points => Reading::points(c, ps, pe),
            Unit::Percent => Reading::percent(c, ps, pe, first, item.post),
            Unit::Times => match Reading::percent(c, ps, pe, first, item.post) {
                r if r.kind == Kind::Change => r,
                _ => return,
            },
            Unit::Money(_) | Unit::Measure(_) => Reading::level(c, ps, pe, first, item),
            Unit::Bare => return,
        };
        // The names of a list of values (工业投资、工业技改投资同比增长16.2%、11.9%).
        let mut names = split_list(&reading.metric);
        if group.len() > 1 {
            if names.len() == group.len() {
                st.names = names.clone();
            } else if st.names.len() == group.len() && names.len() <= 1 {
                // The values go to the names of the sentence's earlier list, with what this
                // clause adds (两年平均增速) left to the basis.
                names = st.names.clone();
            } else if names.len() <= 1 && (reading.metric.is_empty() || is_anaphor(&reading.metric))
            {
                // 清理节庆、论坛、展会，数量分别压减…: the list is the clause before, the
                // measure this clause's word.
                let items = st
                    .topic
                    .map(|(s, e)| split_list(&clean_metric(c, s, e)))
                    .unwrap_or_default();
                if items.len() == group.len() {
                    names = items
                        .iter()
                        .map(|i| format!("{i}{}", reading.metric))
                        .collect();
                }
            }
        }
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
            // 占…的比重, 完成投资, 个数占比: measures of the thing named before them.
            let relative = metric.starts_with('占')
                || VOCAB.relative.contains(&metric.as_str())
                || (metric.ends_with("占比") && metric.chars().count() <= 4);
            if metric.is_empty() || is_anaphor(&metric) || (relative && st.metric.is_some()) {
                let topic = st
                    .topic
                    .map(|(s, e)| clean_metric(c, s, e))
                    .filter(|t| !t.is_empty());
                match (&st.metric, &topic) {
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
            let metric = metric.trim_matches(['、', '和', '及', ' ']);
            // Bounded, keeping the head noun at the end: each lead-less streak would otherwise
            // carry every name before it in its sentence (连续…位居…，连续…位居…).
            let metric = metric
                .char_indices()
                .rev()
                .nth(MAX_NAME - 1)
                .map_or(metric, |(i, _)| &metric[i..])
                .to_string();
            if metric.chars().count() < 2 {
                continue;
            }
            let (subject, metric) = match &entity {
                Some(e) => (Some(e.clone()), metric),
                None => split_subject(&metric, st.subject.clone()),
            };
            let card_no = card.unwrap_or_else(|| match &st.metric {
                Some((m, n, _)) if *m == metric && entity.is_none() => *n,
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
            // The words quoted: back to the clause or list item, within reason.
            let text_start = text_start
                .min(q.start)
                .max(q.start.saturating_sub(MAX_QUOTE));
            let span = self.norm.input_span(text_start, q.end);
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
                text: self.input_text(span, text_start, q.end),
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
    fn input_text(&self, span: [usize; 2], start: usize, end: usize) -> String {
        let at = |i: usize| self.offsets.get(i).copied().unwrap_or(self.input.len());
        let raw = &self.input[at(span[0])..at(span[1])];
        if raw.contains(['<', '\n', '&', '\r']) {
            text_of(self.chars, start, end)
        } else {
            raw.to_string()
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
    /// The noun a list ends with, when this item's words stop at a threshold.
    head: Option<(usize, usize)>,
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
            let end = strip_comparison(&pre, p + 2, pre.len());
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
            || VOCAB.decline.ending(&pre, pre.len()).is_some();
        match found {
            Some((p, w, neg)) => {
                let after = p + w.chars().count();
                let end = strip_comparison(&pre, after, pre.len());
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
    fn percent(c: &[char], ps: usize, pe: usize, q: &Quantity, post: (usize, usize)) -> Reading {
        // 下滑至0.1%, 提高到67%: the number is the new level, not the size of the change.
        let raw_end = strip_bounds(c, ps, pe);
        let to_level = raw_end > ps && matches!(c[raw_end - 1], '至' | '到');
        let mut end = strip_fillers(c, ps, pe);
        // 经济增长预期目标为5%: the growth is what the target is set on.
        while let Some(w) = VOCAB.target.ending(&c[ps..end], end - ps) {
            end = strip_fillers(c, ps, end - w.chars().count());
        }
        let mut r = Reading::new(Kind::Share, String::new());
        if q.unit == Unit::Times {
            r.scale = 100.0;
        }
        let verb = VOCAB
            .growth
            .ending(&c[ps..end], end - ps)
            .map(|w| (w, false))
            .or_else(|| {
                VOCAB
                    .decline
                    .ending(&c[ps..end], end - ps)
                    .map(|w| (w, true))
            })
            .or_else(|| ends_with_any(&c[ps..end], end - ps, &RATE_WORDS).map(|w| (w, false)))
            .or_else(|| ends_with_any(&c[ps..end], end - ps, &FALL_RATE_WORDS).map(|w| (w, true)));
        let basis_only = VOCAB.basis.ending(&c[ps..end], end - ps);
        let post_text: String = c[post.0..post.1].iter().take(4).collect();
        if let Some((w, down)) = verb {
            end -= w.chars().count();
            // 年均 ends in a filler (均): look for a basis before dropping fillers.
            if VOCAB.basis.ending(&c[ps..end], end - ps).is_none() {
                end = strip_fillers(c, ps, end);
            }
            if to_level && !RATE_WORDS.contains(&w) {
                // A rate moved to a new level: a growth rate stays a change, a ratio a share.
                let name: String = c[ps..end].iter().collect();
                let growth = ["增速", "增幅", "增长", "涨幅"]
                    .iter()
                    .any(|g| name.contains(g));
                r.kind = if growth { Kind::Change } else { Kind::Share };
            } else {
                r.kind = Kind::Change;
                r.negative = down;
            }
            if w.starts_with('同') {
                r.basis = Some("同比".to_string());
            }
        } else if q.doubling || q.negative || basis_only.is_some() {
            r.kind = Kind::Change;
        } else if ["的增长", "的增速", "的增幅"]
            .iter()
            .any(|w| post_text.starts_with(w))
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
        if r.metric.is_empty() && post_text.starts_with('的') {
            // 80%的中小学纳入教联体: the share's noun follows it.
            r.metric = clean_post(c, post.0 + 1, post.1);
        }
        r
    }

    /// An amount or a count: 752.1亿元, 新增…28家, 17家企业入选….
    fn level(c: &[char], ps: usize, pe: usize, q: &Quantity, item: &Item) -> Reading {
        let post = item.post;
        let mut end = strip_fillers(c, ps, pe);
        let mut negative = false;
        if let Some(w) = VOCAB.decline.ending(&c[..end], end) {
            negative = true;
            end -= w.chars().count();
        }
        let pre = clean_metric(c, ps, end);
        // A count followed by its noun names the counted thing after the number:
        // 17家企业入选省级智能工厂, 优化调整12条产业链, 选聘258名高层次人才.
        let counted = matches!(q.unit, Unit::Measure(_));
        let mut after = clean_post(c, post.0, post.1);
        if let Some((hs, he)) = item.head {
            after = format!("{after}的{}", clean_post(c, hs, he));
        }
        let metric = if counted && after.chars().count() >= 2 {
            after
        } else if pre.chars().count() <= 2 && post.1 > post.0 && c[post.0] == '的' {
            // 超4.2万亿元的新增减税降费: the amount's noun follows it.
            clean_post(c, post.0 + 1, post.1)
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
    // The word alone, or with a short verb (数量实现): 规模以上工业增加值 names itself.
    let m = m.strip_prefix("累计").unwrap_or(m);
    WORDS.iter().any(|w| {
        m.strip_prefix(w)
            .is_some_and(|rest| rest.chars().count() <= 2)
    }) || m.chars().count() < 2
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

/// Which groups are thresholds inside a noun phrase: a bounded amount or count (超10亿元,
/// 500万元以上, 过2000万元) followed by the noun it qualifies (的…, 企业…) or by another
/// threshold, inside a phrase that is counted (82个…过10亿元的增长点) or measured later in
/// the clause (…的项目28个, …村集体占比55%). A bounded value closing its clause stays a fact.
fn qualifiers(chars: &[char], groups: &[Vec<&Quantity>]) -> Vec<bool> {
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
                        .any(|c| matches!(c, '余' | '多')))
                    || (q.start > 0 && chars[q.start - 1] == '过'))
        });
        if !threshold {
            continue;
        }
        let q = g[g.len() - 1];
        let next = chars.get(q.end).copied();
        let noun_follows = match next {
            Some('的') => true,
            // A percent qualifies only with 的 (占比超过50%的企业).
            Some(c) if q.unit != Unit::Percent && han(c) => {
                VOCAB.growth.at(chars, q.end).is_none()
                    && VOCAB.decline.at(chars, q.end).is_none()
                    && VOCAB.basis.at(chars, q.end).is_none()
                    && VOCAB.target.at(chars, q.end).is_none()
                    && !matches!(c, '和' | '及' | '与' | '或')
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
fn from_to(
    c: &[char],
    pre_start: usize,
    a: &Quantity,
    b: &Quantity,
) -> Option<(usize, Option<String>)> {
    const ADVERBS: [&str; 6] = ["大幅", "进一步", "逐步", "稳步", "分别", "快速"];
    const VERBS: [&str; 18] = [
        "增加", "增长", "提高", "提升", "上升", "扩大", "下降", "减少", "降低", "跃升", "发展",
        "突破", "上调", "下调", "调整", "增", "降", "升",
    ];
    let same = a.unit.name() == b.unit.name();
    if !same || !matches!(a.unit, Unit::Money(_) | Unit::Measure(_) | Unit::Percent) {
        return None;
    }
    let from_pos = (pre_start..a.start)
        .rev()
        .find(|&i| matches!(c[i], '从' | '由'))?;
    let mut i = a.end;
    if let Some(v) = starts_with_any(c, i, &ADVERBS) {
        i += v.chars().count();
    }
    if let Some(v) = starts_with_any(c, i, &VERBS) {
        i += v.chars().count();
    }
    if !matches!(c.get(i), Some('到' | '至' | '为')) {
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
    let mut items: Vec<String> = metric
        .split(['、', '和'])
        .map(str::to_string)
        .filter(|s| !s.is_empty())
        .collect();
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
fn shared_head(last: &str) -> Option<&'static str> {
    let cs: Vec<char> = last.chars().collect();
    VOCAB
        .heads
        .ending(&cs, cs.len())
        .filter(|h| h.chars().count() < cs.len())
}

/// Does a name end in a measure of its own (…零售额, …利用率, …花费)?
fn names_a_measure(name: &str) -> bool {
    let cs: Vec<char> = name.chars().collect();
    VOCAB.heads.ending(&cs, cs.len()).is_some()
        || cs
            .last()
            .is_some_and(|c| "额值量率数费入润资款价比重".contains(*c))
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
    loop {
        let before = e;
        while e > s && c[e - 1].is_whitespace() {
            e -= 1;
        }
        if let Some(w) = VOCAB.fillers.ending(&c[s..e], e - s) {
            e -= w.chars().count();
        }
        if let Some((w, _)) = VOCAB
            .bounds_before
            .iter()
            .find(|(w, _)| ends_with_any(&c[s..e], e - s, &[w]).is_some())
        {
            e -= w.chars().count();
        }
        if e == before {
            return e;
        }
    }
}

/// The end of `c[s..e]` without a bound word before the number (超过, 约).
fn strip_bounds(c: &[char], s: usize, e: usize) -> usize {
    VOCAB
        .bounds_before
        .iter()
        .find(|(w, _)| ends_with_any(&c[s..e], e - s, &[w]).is_some())
        .map_or(e, |(w, _)| e - w.chars().count())
}

/// A growth or decline verb of two chars or more leading `c[s..e]`: where it ends and whether
/// it points down (压减公用经费15%).
fn lead_verb(c: &[char], s: usize, e: usize) -> Option<(usize, bool)> {
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
    (w.chars().count() >= 2 && end < e).then_some((end, down))
}

/// Trailing verbs, adverbs and comparisons that are not part of a name.
fn strip_back(cs: &[char], s: usize, mut e: usize) -> usize {
    loop {
        let before = e;
        e = strip_fillers(cs, s, e);
        for list in [&VOCAB.growth, &VOCAB.decline, &VOCAB.basis, &VOCAB.target] {
            if let Some(w) = list.ending(&cs[s..e], e - s) {
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

/// The verb after a gap's reference (高于全省平均…, 比1-6月加快…, 拉动进出口增长…), which
/// is not part of the reference.
fn strip_comparison(cs: &[char], s: usize, mut e: usize) -> usize {
    const VERBS: [&str; 8] = ["整体增速", "增速", "加快", "提高", "高出", "高", "快", "了"];
    loop {
        let before = e;
        for list in [
            &VOCAB.growth[..],
            &VOCAB.decline[..],
            &GAP_DOWN[..],
            &VERBS[..],
        ] {
            if let Some(w) = ends_with_any(&cs[s..e], e - s, list) {
                e -= w.chars().count();
            }
        }
        if e == before || e <= s {
            return e.max(s);
        }
    }
}

/// The basis written before a change's verb, and where it starts.
fn basis_before(c: &[char], s: usize, e: usize) -> (Option<String>, usize) {
    let e = {
        // 按年应跌: a modal between the basis and the verb.
        let mut e = e;
        while e > s && matches!(c[e - 1], '应' | '将' | '再' | '仍') {
            e -= 1;
        }
        e
    };
    // 与去年同期比较, 与上年相比: the whole comparison is the basis.
    for tail in ["比较", "相比"] {
        let n = tail.chars().count();
        if e >= s + n && starts_with(c, e - n, tail) {
            if let Some(p) = (s..e - n)
                .rev()
                .take(12)
                .find(|&i| matches!(c[i], '与' | '和' | '跟'))
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
fn comparison_before(c: &[char], s: usize, e: usize) -> Option<usize> {
    let from = e.saturating_sub(14).max(s);
    let p = (from..e).rev().find(|&i| {
        matches!(c[i], '比' | '较') && !matches!(c.get(i + 1), Some('重' | '例' | '率' | '值'))
    })?;
    let p = if p > s && matches!(c[p - 1], '环' | '同') {
        p - 1
    } else {
        p
    };
    let tail = &c[p..e];
    (tail.len() >= 2 && !tail.iter().any(|ch| matches!(ch, '的' | '，' | '、'))).then_some(p)
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
    // 50万吨光伏铝边框项目”等重大项目: the named thing, not the category after 等.
    let t = t.split('等').next().unwrap_or(t);
    let t = t.trim_end_matches(['到', '至', '在', '和', '及', '与', '的']);
    balance_quotes(t).to_string()
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
/// A letter, digit or symbol that is neither Chinese nor ASCII (nor the punctuation and quotes
/// Chinese text uses), so it cannot be part of a Chinese metric's name.
fn foreign(ch: char) -> bool {
    !(ch.is_ascii()
        || han(ch)
        || matches!(ch, '\u{2000}'..='\u{206F}' | '\u{3000}'..='\u{303F}' | '\u{FF00}'..='\u{FFEF}'))
}

fn clean_metric(c: &[char], s: usize, e: usize) -> String {
    // Only the words nearest the number can name it (Chinese names end in their head noun):
    // a page-long run of words before the first number, named again for every fact after it,
    // made long texts quadratic.
    let s = s.max(e.saturating_sub(MAX_NAME));
    let e = strip_back(c, s, e);
    let mut cs: Vec<char> = remove_parens(&c[s..e]).chars().collect();
    // Words of another script (Cyrillic, Arabic, emoji…) end a Chinese name: it starts after them.
    if let Some(last) = cs.iter().rposition(|&ch| foreign(ch)) {
        cs.drain(..=last);
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
        for list in [&VOCAB.scope, &VOCAB.lead, &VOCAB.target] {
            if let Some(w) = list.at(&cs, i) {
                // Keep a light verb when too little would be left (新增就业, 完成投资).
                let n = w.chars().count();
                if cs.len() - i - n >= 3 || std::ptr::eq(list, &VOCAB.scope) {
                    i += n;
                }
            }
        }
        if i == before || i >= cs.len() {
            break;
        }
    }
    let mut out: String = cs[i.min(cs.len())..].iter().collect();
    // 分别 and the verb after it are never part of a name (…利用率分别稳定在).
    if let Some(p) = out.find("分别") {
        out.truncate(p);
    }
    for suffix in ["等", "的", "共计"] {
        if let Some(r) = out.strip_suffix(suffix) {
            out = r.to_string();
        }
    }
    let out = category(&out);
    let out =
        out.trim_matches(|ch: char| !(han(ch) || ch.is_alphanumeric() || ch == '”' || ch == '“'));
    balance_quotes(out).to_string()
}

/// Drop a quote mark left unpaired at an end by a clause or list split.
fn balance_quotes(s: &str) -> &str {
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
    // Most chars start no period: answer them at once.
    if !cs
        .get(i)
        .is_some_and(|c| c.is_ascii_digit() || "前上下一二三四第首去今明全年".contains(*c))
    {
        return None;
    }
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
/// The last period named in `c[s..end]`, or the first with `first`. 上年 in 比上年 is a
/// basis, not a period.
fn find_period_at(c: &[char], s: usize, end: usize, first: bool) -> Option<String> {
    let mut found = None;
    let mut i = s;
    while i < end {
        let starts_word =
            i == 0 || !(c[i - 1].is_ascii_digit() || matches!(c[i - 1], '比' | '较' | '于'));
        match period_at(c, i).filter(|_| starts_word) {
            Some(j) if j <= end => {
                let mut text: String = c[i..j].iter().collect();
                for junk in ["的", "以来", "份"] {
                    if let Some(t) = text.strip_suffix(junk) {
                        text = t.to_string();
                    }
                }
                found = Some(text);
                if first {
                    break;
                }
                i = j;
            }
            _ => i += 1,
        }
    }
    found
}

fn find_period(c: &[char], s: usize, end: usize) -> Option<String> {
    find_period_at(c, s, end, false)
}

/// 从GDP同比增速来看 → GDP同比增速.
fn point_of_view(c: &[char], s: usize, e: usize) -> Option<String> {
    if !starts_with(c, s, "从") || e < s + 4 || !starts_with(c, e - 2, "来看") {
        return None;
    }
    // As written: 同比增速 is what the values are, not a verb to strip.
    let view = clean(&c[s + 1..e - 2]);
    (view.chars().count() >= 2 && view.chars().count() <= 12).then_some(view)
}

/// The short name just before a parenthesised value: 江西 in 其中江西(6.9%).
fn entity_before(c: &[char], ps: usize, q: &Quantity) -> Option<String> {
    if q.start == 0 || c[q.start - 1] != '(' || c.get(q.end) != Some(&')') {
        return None;
    }
    let end = q.start - 1;
    let mut start = end;
    while start > ps && han(c[start - 1]) && end - start < 8 {
        start -= 1;
    }
    let mut name: String = c[start..end].iter().collect();
    for lead in ["还包括", "包括", "其中", "以及", "如"] {
        if let Some(rest) = name.strip_prefix(lead) {
            name = rest.to_string();
        }
    }
    let n = name.chars().count();
    ((2..=5).contains(&n) && !VOCAB.scope.iter().any(|w| name.starts_with(w))).then_some(name)
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
        if let Some(w) = VOCAB.subjects.at(c, i) {
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
    // The body's values by kind and unit, for headlines that restate them.
    let mut body_values: HashMap<(Kind, String), Vec<f64>> = HashMap::new();
    for d in drafts.iter().filter(|d| !d.heading) {
        let values = body_values
            .entry((d.fact.kind, d.fact.unit.clone()))
            .or_default();
        // Bounded: a huge paste keeps the check linear.
        if values.len() < 512 {
            values.push(d.fact.value);
        }
    }
    let mut seen: HashMap<Key, Vec<Name>> = HashMap::new();
    let mut kept: Vec<Draft> = Vec::new();
    for d in drafts {
        // Only headings are checked (checking every fact made long texts slow).
        let restated = d.heading
            && body_values
                .get(&(d.fact.kind, d.fact.unit.clone()))
                .is_some_and(|vs| vs.iter().any(|&v| restates(&d.fact, v)));
        if restated {
            continue;
        }
        let names = seen.entry(key(&d)).or_default();
        let name = Name::new(format!(
            "{}{}",
            d.subject.as_deref().unwrap_or(""),
            d.metric
        ));
        // Bounded: a pathological input repeating one value a million times stays linear.
        // In the body only the same name is the same fact (城镇居民收入 ≠ 居民收入), however
        // worded (规上/规模以上, 广东完成…); a heading restates loosely.
        let same = |n: &Name| {
            if d.heading {
                similar(&n.full, &name.full)
            } else {
                n.same(&name)
            }
        };
        if names.iter().take(16).any(same) {
            continue;
        }
        names.push(name);
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

/// A fact's name as the de-duplication compares it; its normal forms are worked out once, and
/// only when another fact has the same value.
struct Name {
    full: String,
    /// With short forms for long ones and without leading light verbs and enumerators.
    core: OnceCell<String>,
    /// The core of the name without a place leading it, when one does.
    placeless: OnceCell<Option<String>>,
}

impl Name {
    fn new(full: String) -> Name {
        Name {
            full,
            core: OnceCell::new(),
            placeless: OnceCell::new(),
        }
    }

    fn core(&self) -> &str {
        self.core.get_or_init(|| core_name(&self.full))
    }

    fn placeless(&self) -> Option<&str> {
        self.placeless
            .get_or_init(|| without_place(&self.full).map(core_name))
            .as_deref()
    }

    /// Two names of one fact in the body: equal once short forms are used and leading light
    /// verbs and enumerators dropped (一是规上工业增加值 = 规模以上工业增加值), or equal but
    /// for a place leading one of them (广东完成规模以上工业增加值 = 规模以上工业增加值). A
    /// place on both sides keeps them apart (甲区工业产值 ≠ 乙区工业产值).
    fn same(&self, other: &Name) -> bool {
        self.full == other.full
            || self.core() == other.core()
            || self.placeless() == Some(other.core())
            || other.placeless() == Some(self.core())
    }
}

/// A name with short forms for long ones and without leading light verbs.
fn core_name(name: &str) -> String {
    let mut s = name.to_string();
    for (long, short) in &VOCAB.aliases {
        if s.contains(long) {
            s = s.replace(long, short);
        }
    }
    let cs: Vec<char> = s.chars().collect();
    let mut i = 0;
    while let Some(w) = VOCAB.lead.at(&cs, i) {
        i += w.chars().count();
    }
    cs[i..].iter().collect()
}

/// The rest of a name led by a place: a province (广东) or a short name ending in 省, 市, 县,
/// 区, 州 or 盟 (聊城市).
fn without_place(name: &str) -> Option<&str> {
    let cs: Vec<char> = name.chars().collect();
    let n = VOCAB
        .places
        .at(&cs, 0)
        .map(|w| w.chars().count())
        .or_else(|| {
            (3..=4).find(|&k| {
                cs.get(k - 1).is_some_and(|c| "省市县区州盟".contains(*c))
                    && cs[..k].iter().all(|&c| han(c))
            })
        })?;
    let n = n + usize::from(cs.get(n).is_some_and(|c| "省市".contains(*c)));
    let byte = name.char_indices().nth(n).map_or(name.len(), |(b, _)| b);
    (n < cs.len()).then(|| &name[byte..])
}

/// Does a headline's `fact` restate the body's value `v`: the same, the same rounded to the
/// headline's precision (大增37% for 37.47%), or a bound the body's value meets (突破5000亿元
/// for 5313.8亿元)?
fn restates(fact: &Fact, v: f64) -> bool {
    let h = fact.value;
    if h == v {
        return true;
    }
    // Half a unit of the headline's last written digit, in the value's own scale.
    let written: String = fact
        .display
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    let rounded = match written.parse::<f64>() {
        Ok(m) if m != 0.0 => {
            let decimals = written.split('.').nth(1).map_or(0, str::len) as i32;
            let half = 0.5 * 10f64.powi(-decimals) * (h / m).abs();
            (v - h).abs() <= half * (1.0 + 1e-9)
        }
        _ => false,
    };
    let met = match fact.bound {
        Some(Bound::AtLeast) => v >= h && v < h * 1.5,
        Some(Bound::AtMost) => v <= h && v > h / 1.5,
        Some(Bound::About) => (v - h).abs() <= h.abs() * 0.1,
        None => false,
    };
    rounded || met
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
