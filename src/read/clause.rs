//! The clause walk: a line into sentences, sentences into clauses, and each clause's
//! quantities grouped and read (their kind from [`super::kinds`], their names from
//! [`super::name`], lists, periods and subjects from [`super::context`]) into [`Draft`] facts.

use super::*;
use std::cell::OnceCell;

/// The longest quote a fact keeps before its number, in chars.
pub(crate) const MAX_QUOTE: usize = 80;

/// The longest noun after a pointer that still points back (这一收入, 该指标); 该公司利息净收入
/// names its own metric.
const MAX_POINTED: usize = 3;

/// The longest name of a part of a total (商业营业用房) measured as the total.
const MAX_PART: usize = 6;

/// How many facts back a part's total is looked for: a long text stays linear.
pub(crate) const MAX_TOTAL_BACK: usize = 16;

/// The most chars a metric's name is read from, and has. Real names are far shorter; every
/// fact copies its name, so an unbounded one makes long texts quadratic.
pub(crate) const MAX_NAME: usize = 256;

/// The most input chars a dropped space between two table cells is looked for in (the space
/// and the inline tags around it), so each look stays short.
const GAP_LEN: usize = 256;

pub(crate) struct Reader<'a> {
    pub(crate) chars: &'a [char],
    pub(crate) input: &'a str,
    /// Byte offset in `input` of each code point, and one past the end.
    pub(crate) offsets: &'a [usize],
    pub(crate) norm: &'a Normalized,
    pub(crate) quantities: &'a [Quantity],
    /// Quantities before this index belong to lines already read.
    pub(crate) next_q: usize,
    pub(crate) facts: Vec<Draft>,
    /// The article's current point of view (从GDP同比增速来看 → GDP同比增速): what a list of
    /// places with a value each (江西(6.9%)、福建(6.7%)) measures.
    pub(crate) view: Option<String>,
    /// The basis of the first change of this sentence (or of the one a 其中 sentence goes on
    /// from): …同比增长5.6%，集体企业增长1.9% is 同比 too. A later change's own basis
    /// (…，两年平均增长4.4%) is its alone.
    pub(crate) basis: Option<String>,
    /// The sentence whose first change set `basis`.
    pub(crate) basis_sentence: Option<usize>,
    /// The metric the paragraph's previous sentence named last: what a sentence that names
    /// none (预计明年增长4%左右) or points back (这一收入, 该指标) is about.
    pub(crate) last_metric: Option<String>,
    /// The sentence follows a ；: it goes on with the one before.
    pub(crate) continues: bool,
    /// A basis the sentence opens with as its point of view (从环比看，…比上月增长0.56%): it
    /// names every change of the sentence.
    pub(crate) view_basis: Option<String>,
    /// The period the paragraph's previous sentence stated, for a 其中 sentence after it.
    pub(crate) stated_period: Option<String>,
    /// The total the parts of a 其中 sentence are measured as (see `part_of_total`).
    pub(crate) total: Option<Total>,
    /// What the article's periods are resolved against: a relative one (今年) in an article
    /// with no date is placed by its heading's year as it is read.
    pub(crate) anchor: when::Anchor,
}

/// A total whose parts follow (商品房销售面积 before 其中住宅…): its metric and unit, and
/// where the sentence that opens its parts starts.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Total {
    metric: String,
    unit: String,
    sentence: usize,
}

/// Where a line stands: in a heading, under which section, in a plan or not.
pub(crate) struct Place<'p> {
    pub(crate) heading: bool,
    pub(crate) section: Option<&'p str>,
    pub(crate) plan: &'p Plan,
}

/// What a sentence carries from clause to clause.
#[derive(Default)]
pub(crate) struct SentenceState {
    pub(crate) id: usize,
    /// The last metric named, with its card number and where it starts.
    pub(crate) metric: Option<Named>,
    /// The last clause without a quantity: the topic later clauses may refer back to.
    pub(crate) topic: Option<Span>,
    pub(crate) subject: Option<String>,
    pub(crate) cards: usize,
    /// A clause with a quantity has been read.
    pub(crate) quantified: bool,
    /// The names of the last list distributed over a list of values, for a later list of
    /// values with no names of its own (…分别增长A、B，两年平均增速分别为C、D).
    pub(crate) names: Vec<String>,
}

/// The first period a line names, for its facts that state none: looked for only when one
/// is wanted (most lines have no such fact, and the look reads the whole line).
pub(crate) struct ParagraphPeriod {
    line: Span,
    found: OnceCell<Option<String>>,
}

impl ParagraphPeriod {
    fn get(&self, chars: &[char]) -> Option<String> {
        self.found
            .get_or_init(|| find_period(chars, self.line.start, self.line.end, false))
            .clone()
    }
}

impl<'a> Reader<'a> {
    /// Read one line, sentence by sentence.
    pub(crate) fn read_line(&mut self, line: &Line, at: &Place, frame: &mut Frame) {
        // Skip quantities of noise lines before this one.
        while self.next_q < self.quantities.len() && self.quantities[self.next_q].start < line.start
        {
            self.next_q += 1;
        }
        let paragraph_period = ParagraphPeriod {
            line: Span::new(line.start, line.end),
            found: OnceCell::new(),
        };
        self.last_metric = None;
        self.stated_period = None;
        for (n, (ss, se)) in segment::sentences(self.chars, line.start, line.end)
            .into_iter()
            .enumerate()
        {
            self.continues = n > 0 && self.chars[ss - 1] == '；';
            if !self.basis_holds(n, ss) {
                self.basis = None;
            }
            let opening = self.read_sentence(Span::new(ss, se), at, frame, &paragraph_period);
            if let Some(p) = opening.filter(|_| !at.heading) {
                frame.opened(&p, n == 0);
            }
        }
    }

    /// Read one sentence, clause by clause; the period it opens with, if any.
    fn read_sentence(
        &mut self,
        sentence: Span,
        at: &Place,
        frame: &Frame,
        paragraph_period: &ParagraphPeriod,
    ) -> Option<String> {
        let Span { start: ss, end: se } = sentence;
        let mut st = SentenceState {
            id: ss,
            ..Default::default()
        };
        // The period stated so far in the sentence; each clause is searched once.
        let mut sentence_period: Option<String> = None;
        let sentence_target = self.target_before(ss, se);
        // 其中，中国预估衰退5%: the parts of the sentence before are of its period.
        let carried = std::mem::take(&mut self.stated_period)
            .filter(|_| VOCAB.basis_carriers.at(self.chars, ss).is_some());
        let planned = at.plan.covers(&self.chars[ss..se]);
        // A period stated before the sentence's first number, in its first two clauses,
        // opens it (2023年，…; 解志超表示，2024年，…): it holds for what follows.
        let mut opening: Option<String> = None;
        for (k, (cs, ce)) in segment::clauses(self.chars, ss, se).into_iter().enumerate() {
            let qs = self.clause_quantities(cs, ce);
            if st.subject.is_none() {
                st.subject = subject_at(self.chars, cs, ce);
            }
            if let Some(view) = point_of_view(self.chars, cs, ce) {
                self.view = Some(view);
            }
            if k == 0 {
                self.view_basis = basis_view(self.chars, cs, ce);
            }
            if qs.is_empty() && !compares_only(self.chars, cs, ce) {
                // Named lazily: most topics are never referred to.
                st.topic = Some(Span::new(cs, ce));
            }
            let stated_to = qs.first().map_or(ce, |q| q.start);
            if let Some(p) = find_period(self.chars, cs, stated_to, true) {
                if k < 2 && !st.quantified {
                    opening = Some(p.clone());
                }
                sentence_period = Some(p);
            }
            if qs.is_empty() {
                continue;
            }
            st.quantified = true;
            // 于3月19日创下…8523点: the day the clause names is its facts' period.
            let day = find_day(self.chars, cs, stated_to);
            let period = day
                .or_else(|| sentence_period.clone())
                .or_else(|| carried.clone())
                .or_else(|| frame.current().map(str::to_string))
                .or_else(|| paragraph_period.get(self.chars))
                .map(|p| frame.with_year(p));
            let ctx = ClauseCtx {
                start: cs,
                end: ce,
                target: planned || sentence_target.is_some_and(|t| t < qs[0].start),
                period,
                year: frame.heading_year(),
                heading: at.heading,
                section: at.section,
            };
            self.read_clause(&ctx, &qs, &mut st);
        }
        if let Some(named) = st.metric {
            self.last_metric = Some(named.name);
        }
        self.stated_period = sentence_period.or(carried);
        opening
    }

    /// The quantities of the clause `cs..ce` that have a unit, moving past them.
    fn clause_quantities(&mut self, cs: usize, ce: usize) -> Vec<&'a Quantity> {
        let first = self.next_q;
        while self.next_q < self.quantities.len() && self.quantities[self.next_q].start < ce {
            self.next_q += 1;
        }
        self.quantities[first..self.next_q]
            .iter()
            .filter(|q| q.start >= cs && q.end <= ce && q.unit != Unit::Bare)
            .collect()
    }

    /// Whether the basis stated so far holds for the sentence at `ss`, the `n`th of its
    /// paragraph: for a 其中 sentence, for one after a ；, and for any later one of the
    /// paragraph when it is a year-on-year basis (…同比增长8.9%。基础设施投资增长23.3%).
    fn basis_holds(&self, n: usize, ss: usize) -> bool {
        let carried = VOCAB.basis_carriers.at(self.chars, ss).is_some();
        let same_paragraph = n > 0
            && (ss.checked_sub(1).map(|p| self.chars[p]) == Some('；')
                || self
                    .basis
                    .as_deref()
                    .is_some_and(|b| VOCAB.paragraph_basis.contains(&b)));
        carried || same_paragraph
    }

    /// The position of the first target word of the sentence, if any. A target word that
    /// closes a name (双百计划等, “十四五”规划》) or means "obtained" (争取财政支持) is not one.
    pub(crate) fn target_before(&self, s: usize, e: usize) -> Option<usize> {
        let c = self.chars;
        (s..e).find(|&i| {
            let Some(w) = VOCAB.target.at(c, i) else {
                return false;
            };
            let end = i + w.chars().count();
            let names = c
                .get(end)
                .is_some_and(|&n| VOCAB.readings.name_close.has(n));
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

    /// Read one clause's quantities: group them, drop the thresholds inside names, and read
    /// each group as a list item of its own (or, with the next, as a change from A to B).
    pub(crate) fn read_clause(
        &mut self,
        ctx: &ClauseCtx,
        qs: &[&Quantity],
        st: &mut SentenceState,
    ) {
        let (groups, thresholds) = without_qualifiers(self.chars, qs);
        let mut walk = Walk {
            seg_start: ctx.start,
            prev_end: ctx.start,
            seen_count: false,
        };
        let mut skip_next = false;
        for (gi, group) in groups.iter().enumerate() {
            let item = self.item_of(ctx, &groups, gi, &thresholds, &mut walk);
            let (first, last) = (group[0], group[group.len() - 1]);
            if std::mem::take(&mut skip_next) {
                // The end of a from-to change, read with its start.
            } else if self.read_from_to(ctx, &groups, gi, &item, st, walk.seen_count) {
                skip_next = true;
            } else if self.read_reference(ctx, &item, group, st) {
                // The next value's words reach back over the brackets to the comparison.
                continue;
            } else {
                self.read_group(ctx, &item, group, st, walk.seen_count);
                if matches!(first.unit, Unit::Measure(_)) {
                    walk.seen_count = true;
                }
            }
            walk.prev_end = last.end;
        }
    }

    /// Where the words of group `gi` are, moving `walk` to a new list item at a 、.
    fn item_of(
        &self,
        ctx: &ClauseCtx,
        groups: &[Vec<&Quantity>],
        gi: usize,
        thresholds: &[&Quantity],
        walk: &mut Walk,
    ) -> Item {
        let group = &groups[gi];
        let (first, last) = (group[0], group[group.len() - 1]);
        // A list item boundary: a 、 between the previous group and this one.
        if gi > 0 {
            if let Some(p) = (walk.prev_end..first.start)
                .rev()
                .find(|&i| self.chars[i] == '、')
            {
                walk.seg_start = p + 1;
                // A new list item: 获得国家科技奖励19项、全国第2 ranks the metric.
                walk.seen_count = false;
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
        // 64个产值过10亿元、2334个过2000万元的增长点: an item ending in a threshold
        // shares the noun the list ends with.
        let head = thresholds
            .iter()
            .any(|t| t.end == post_end && post_end < next_start)
            .then(|| {
                let from = groups.get(gi + 1).map_or(post_end, |g| g[g.len() - 1].end);
                (from..ctx.end)
                    .find(|&i| self.chars[i] == VOCAB.marks.of)
                    .map(|p| Span::new(p + 1, groups.get(gi + 2).map_or(ctx.end, |g| g[0].start)))
            })
            .flatten();
        Item {
            pre: Span::new(walk.prev_end.max(walk.seg_start), first.start),
            post: Span::new(last.end, post_end),
            seg_start: walk.seg_start,
            head,
        }
    }

    /// 从2021年底的410家增加到2024年的918家: group `gi` and the next read as one fact, the
    /// end value with its start. Whether they were.
    fn read_from_to(
        &mut self,
        ctx: &ClauseCtx,
        groups: &[Vec<&Quantity>],
        gi: usize,
        item: &Item,
        st: &mut SentenceState,
        after_count: bool,
    ) -> bool {
        let group = &groups[gi];
        let Some(next) = groups
            .get(gi + 1)
            .filter(|n| n.len() == 1 && group.len() == 1)
        else {
            return false;
        };
        let (from, to) = (group[0], next[0]);
        let pre_start = item.pre.start;
        let Some((from_pos, period)) = from_to(self.chars, pre_start, from, to) else {
            return false;
        };
        let to_item = Item {
            pre: Span::new(pre_start, from_pos),
            post: Span::new(to.end, to.end),
            seg_start: item.seg_start,
            head: None,
        };
        let before = self.facts.len();
        self.read_group(ctx, &to_item, &[to], st, after_count);
        if let Some(d) = self.facts.get_mut(before) {
            d.fact.from = Some(from.num.value);
            d.fact.from_display = Some(from.display(false));
            d.fact.span[1] = d.fact.span[1].max(self.norm.input_span(to.start, to.end)[1]);
            if period.is_some() {
                let placed = when::by_frame(&period, &self.anchor, ctx.year, ctx.target);
                (d.fact.when, d.fact.when_note) = placed;
                d.fact.period = period;
            }
            // 增速由2.1%提高到5.6%: a growth rate's new level is still a change.
            if to.unit == Unit::Percent {
                let named: String = self.chars[pre_start..from_pos].iter().collect();
                let growth = names_growth(&named);
                d.fact.kind = if growth { Kind::Change } else { Kind::Share };
            }
        }
        true
    }

    /// 比上年(5.2%)回落0.6个百分点, 低于全国平均水平(5.8%): a bracketed value after a
    /// comparison's reference is the reference's value of what the sentence measured last, a
    /// fact of its own for that period (上年) or that place (全国, its subject). Whether it was.
    fn read_reference(
        &mut self,
        ctx: &ClauseCtx,
        item: &Item,
        group: &[&Quantity],
        st: &mut SentenceState,
    ) -> bool {
        let ([q], Some(named)) = (group, &st.metric) else {
            return false;
        };
        let Some(reference) = reference_before(self.chars, item.pre.start, q) else {
            return false;
        };
        let measured = self
            .facts
            .iter()
            .rev()
            .find(|d| d.sentence == st.id && d.card == named.card)
            .filter(|d| d.fact.unit == q.unit.name())
            .filter(|d| matches!(d.fact.kind, Kind::Change | Kind::Share | Kind::Level));
        let Some(measured) = measured else {
            return false;
        };
        let mut d = measured.clone();
        let words: Vec<char> = reference.words.chars().collect();
        let period = find_period(&words, 0, words.len(), false);
        if period.is_none() {
            st.cards += 1;
            d.card = st.cards;
            d.subject = Some(reference.words);
        }
        // The words quoted end with the bracket.
        let end = q.end + 1;
        let span = self.norm.input_span(reference.start, end);
        let f = &mut d.fact;
        f.value = q.num.value * if q.negative { -1.0 } else { 1.0 };
        f.display = q.display(q.negative);
        f.text = self.input_text(span, reference.start, end);
        f.span = span;
        f.versus = None;
        f.bound = q.bound;
        f.from = None;
        f.from_display = None;
        if period.is_some() {
            f.period = period;
        }
        (f.when, f.when_note) = when::by_frame(&f.period, &self.anchor, ctx.year, ctx.target);
        if d.card != named.card {
            d.card_start = span[0];
        }
        self.facts.push(d);
        true
    }

    /// Read one group of values sharing a verb: what they are (the [`Reading`]), the name of
    /// each, and a fact for each value that has a name.
    pub(crate) fn read_group(
        &mut self,
        ctx: &ClauseCtx,
        item: &Item,
        group: &[&Quantity],
        st: &mut SentenceState,
        after_count: bool,
    ) {
        let first = group[0];
        // 江西(6.9%): a place or company with its value, measured as the article's view says.
        let entity = (group.len() == 1 && first.unit == Unit::Percent)
            .then(|| entity_before(self.chars, item.pre.start, first))
            .flatten();
        let Some(reading) = self.reading_of(item, group, entity.is_some(), after_count) else {
            return;
        };
        let names = self.value_names(&reading, group, st);
        let versus_list = reading.versus.as_deref().map(split_versus);
        for (k, q) in group.iter().enumerate() {
            let own = if names.len() == group.len() {
                names[k].clone()
            } else {
                reading.metric.clone()
            };
            let versus = match &versus_list {
                Some(v) if v.len() == group.len() => Some(v[k].clone()),
                _ => reading.versus.clone(),
            };
            let (metric, card) = self.resolve_name(own, &reading, st);
            if metric.chars().count() < 2 {
                continue;
            }
            let metric = match card.is_none() && reading.kind == Kind::Level {
                true => self.part_of_total(&metric, q, st).unwrap_or(metric),
                false => metric,
            };
            let (subject, metric) = match &entity {
                Some(e) => (Some(e.clone()), metric),
                None => split_subject(metric, st.subject.clone()),
            };
            let slot = self.slot(st, card, &metric, entity.is_some(), item, q);
            if let Some(named) = st.metric.as_mut().filter(|_| card.is_none()) {
                // Not the streak's rank words: each streak after would carry them all.
                named.stem = metric
                    .strip_suffix(reading.tail.as_str())
                    .map_or(metric.len(), str::len);
            }
            let fact = self.fact_of(ctx, &reading, q, versus, &slot, st.id);
            self.facts.push(Draft {
                fact,
                metric,
                subject,
                sentence: st.id,
                card: slot.card,
                heading: ctx.heading,
                table: false,
                section: ctx.section.map(str::to_string),
                card_start: slot.card_start,
            });
        }
    }

    /// 其中住宅128.5万平方米 after 商品房销售面积156.3万平方米; 其中，城区实现472.6亿元 after
    /// 社会消费品零售总额562.4亿元: a part of a total named by a short noun with no measure of
    /// its own is measured as that total (住宅商品房销售面积). The total is the latest amount
    /// in the same unit, of this sentence or of the metric the sentence before named last.
    fn part_of_total(&mut self, part: &str, q: &Quantity, st: &SentenceState) -> Option<String> {
        let measured = names_a_measure;
        let n = part.chars().count();
        // 高出美国200亿元: a comparison, not a part.
        let compares = || VOCAB.comparators.iter().any(|(w, _)| part.contains(w));
        if n > MAX_PART || !part.chars().all(han) || measured(part) || compares() {
            return None;
        }
        // 其中 opens the parts; they go on over a ； (…；乡村实现89.8亿元). Looked for within
        // reach: from the text's start, a sentence that never ends made this quadratic.
        let stop = |i: &usize| matches!(self.chars[*i], '。' | '\n');
        let reach = q.start.saturating_sub(MAX_QUOTE);
        let from = (reach..q.start).rev().find(stop).map_or(reach, |i| i + 1);
        (from..q.start).find(|&i| VOCAB.context.breakdown.at(self.chars, i).is_some())?;
        let unit = q.unit.name();
        let total = match self.total.as_ref().filter(|t| t.sentence >= from) {
            Some(t) => t.clone(),
            None => {
                let found = self
                    .facts
                    .iter()
                    .rev()
                    .take(MAX_TOTAL_BACK)
                    .filter(|d| d.sentence == st.id || self.last_metric.as_ref() == Some(&d.metric))
                    .find(|d| d.fact.kind == Kind::Level && measured(&d.metric))?;
                Total {
                    metric: found.metric.clone(),
                    unit: found.fact.unit.clone(),
                    sentence: from,
                }
            }
        };
        // 其中出口…，进口… after 进出口值: a part written with the total's own words is a
        // measure already.
        if total.unit != unit || part.chars().all(|ch| total.metric.contains(ch)) {
            return None;
        }
        let named = format!("{part}{}", total.metric);
        self.total = Some(total);
        Some(named)
    }

    /// What a group's values are, read from the words around them by their unit; `None` for a
    /// group that gives no fact (a bare number, a multiple that is no change, the rank of
    /// counted items).
    fn reading_of(
        &self,
        item: &Item,
        group: &[&Quantity],
        entity: bool,
        after_count: bool,
    ) -> Option<Reading> {
        let c = self.chars;
        let Span { start: ps, end: pe } = item.pre;
        let first = group[0];
        Some(match first.unit {
            Unit::Percent if entity => {
                let view = self.view.clone().unwrap_or_else(default_view);
                let growth = names_growth(&view);
                Reading::new(if growth { Kind::Change } else { Kind::Share }, view)
            }
            // 10项工作位列全省首位: the rank is the counted items', not a metric's.
            Unit::Rank if after_count => return None,
            Unit::Rank => Reading::rank(c, item.pre),
            Unit::Years => Reading::streak(c, item.pre, first, item.post),
            Unit::Points => Reading::points(c, ps, pe),
            Unit::Percent => Reading::percent(c, item.pre, first, item.post),
            Unit::Times => Some(Reading::percent(c, item.pre, first, item.post))
                .filter(|r| r.kind == Kind::Change)?,
            Unit::Money(_) | Unit::Measure(_) => Reading::level(c, ps, pe, first, item),
            Unit::Bare => return None,
        })
    }

    /// The names of a list of values (工业投资、工业技改投资同比增长16.2%、11.9%): from the
    /// reading's metric, the sentence's earlier list, or the clause before.
    fn value_names(
        &self,
        reading: &Reading,
        group: &[&Quantity],
        st: &mut SentenceState,
    ) -> Vec<String> {
        let names = split_list(&reading.metric);
        if group.len() <= 1 {
            return names;
        }
        if names.len() == group.len() {
            st.names = names.clone();
            return names;
        }
        if st.names.len() == group.len() && names.len() <= 1 {
            // The values go to the names of the sentence's earlier list, with what this
            // clause adds (两年平均增速) left to the basis.
            return st.names.clone();
        }
        if names.len() <= 1 && (reading.metric.is_empty() || is_anaphor(&reading.metric)) {
            // 清理节庆、论坛、展会，数量分别压减…: the list is the clause before, the
            // measure this clause's word.
            let items = st
                .topic
                .map(|t| split_list(&clean_metric(self.chars, t.start, t.end)))
                .unwrap_or_default();
            if items.len() == group.len() {
                return items
                    .iter()
                    .map(|i| format!("{i}{}", reading.metric))
                    .collect();
            }
        }
        names
    }

    /// A value's metric from its own name: a clause with no name, or a pronoun-like one (数量,
    /// 增速), or a measure of the thing named before (占…的比重), is resolved against the
    /// sentence so far; with the card it joins when it names the sentence's metric.
    fn resolve_name(
        &self,
        mut metric: String,
        reading: &Reading,
        st: &SentenceState,
    ) -> (String, Option<usize>) {
        let mut card = None;
        // 占…的比重, 完成投资, 个数占比: measures of the thing named before them.
        let w = &VOCAB.readings;
        let relative = w.relative_lead.iter().any(|l| metric.starts_with(l))
            || VOCAB.relative.holds(&metric)
            || (w.relative_end.iter().any(|e| metric.ends_with(e)) && metric.chars().count() <= 4);
        // 这一收入, 该指标: the metric named last, whatever the short noun after the pointer;
        // 预计明年: no name at all; after a ；, a clause of the sentence before.
        let pointer = VOCAB.names.pointer.iter().any(|p| {
            metric
                .strip_prefix(p)
                .is_some_and(|rest| rest.chars().count() <= MAX_POINTED)
        });
        let goes_on = metric.is_empty() && self.continues && reading.kind == Kind::Change;
        let back = pointer || names_nothing(&metric) || goes_on;
        if back {
            metric.clear();
        }
        if metric.is_empty() || is_anaphor(&metric) || (relative && st.metric.is_some()) {
            let topic = st
                .topic
                .map(|t| clean_metric(self.chars, t.start, t.end))
                .filter(|t| !t.is_empty());
            match (&st.metric, &topic, &self.last_metric) {
                (Some(named), _, _) => {
                    metric = format!("{}{metric}", named.stem());
                    card = Some(named.card);
                }
                (None, Some(t), _) => metric = format!("{t}{metric}"),
                // The sentence names nothing: it goes on about the one before.
                (None, None, Some(last)) if back => metric = last.clone(),
                _ => {}
            }
        }
        if reading.kind == Kind::Streak && reading.metric_from_rank {
            if let Some(named) = &st.metric {
                metric = format!("{}{metric}", named.stem());
            }
        }
        let metric = metric.trim_matches(|c| c == ' ' || VOCAB.readings.metric_trim.has(c));
        // Bounded, keeping the head noun at the end: each lead-less streak would otherwise
        // carry every name before it in its sentence (连续…位居…，连续…位居…).
        let metric = metric
            .char_indices()
            .rev()
            .nth(MAX_NAME - 1)
            .map_or(metric, |(i, _)| &metric[i..])
            .to_string();
        (metric, card)
    }

    /// Which card a value goes on and the words it quotes; a new card's metric becomes the
    /// sentence's.
    fn slot(
        &self,
        st: &mut SentenceState,
        card: Option<usize>,
        metric: &str,
        entity: bool,
        item: &Item,
        q: &Quantity,
    ) -> Slot {
        let card_no = card.unwrap_or_else(|| match &st.metric {
            Some(named) if named.name == metric && !entity => named.card,
            _ => {
                st.cards += 1;
                st.cards
            }
        });
        let text_start = if card.is_some() {
            item.pre.start
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
            .filter(|named| named.card == card_no)
            .map_or(span[0], |named| named.input_start);
        if card.is_none() {
            st.metric = Some(Named {
                name: metric.to_string(),
                card: card_no,
                input_start: span[0],
                stem: metric.len(),
            });
        }
        Slot {
            card: card_no,
            card_start,
            span,
            text_start,
        }
    }

    /// The fact a value gives, as its reading says.
    fn fact_of(
        &mut self,
        ctx: &ClauseCtx,
        reading: &Reading,
        q: &Quantity,
        versus: Option<String>,
        slot: &Slot,
        sentence: usize,
    ) -> Fact {
        let negative = reading.negative ^ q.negative;
        let value = reading.scale * q.num.value * if negative { -1.0 } else { 1.0 };
        let display = match reading.kind {
            Kind::Rank => format!("{}{}", versus.clone().unwrap_or_default(), q.display(false)),
            Kind::Streak => streak_display(&q.num.mantissa),
            Kind::Change if q.unit == Unit::Times => {
                format!(
                    "{}{}%",
                    if negative { "-" } else { "" },
                    crate::quantity::format::number(value.abs())
                )
            }
            _ => q.display(negative),
        };
        let unit = match (reading.kind, q.unit) {
            (Kind::Change, Unit::Times) => "%".to_string(),
            _ => q.unit.name().to_string(),
        };
        let basis = match reading.kind {
            Kind::Change => {
                let own = self.carry_basis(sentence, &reading.basis);
                self.view_basis.clone().or(own)
            }
            _ => reading.basis.clone(),
        };
        let (when, when_note) = when::by_frame(&ctx.period, &self.anchor, ctx.year, ctx.target);
        Fact {
            kind: reading.kind,
            value,
            unit,
            display,
            text: self.input_text(slot.span, slot.text_start, q.end),
            span: slot.span,
            basis,
            versus,
            bound: q.bound,
            target: ctx.target,
            period: ctx.period.clone(),
            when,
            when_note,
            from: None,
            from_display: None,
            cell: None,
        }
    }

    /// A change's basis: its own, else the one its sentence's first change stated.
    fn carry_basis(&mut self, sentence: usize, own: &Option<String>) -> Option<String> {
        if self.basis_sentence != Some(sentence) {
            self.basis_sentence = Some(sentence);
            if own.is_some() {
                self.basis = own.clone();
            }
        }
        own.clone().or_else(|| self.basis.clone())
    }

    /// Whether the input had a space before char `i` that normalising dropped: a table's
    /// columns copied out of a PDF are told apart by such spaces, in Word's HTML too, where
    /// inline tags stand around them (`年 </span><span>2024`).
    pub(crate) fn gap_before(&self, i: usize) -> bool {
        let (Some(&a), Some(&b)) = (
            self.norm.origin.get(i.wrapping_sub(1)),
            self.norm.origin.get(i),
        ) else {
            return false;
        };
        let (a, b) = (a as usize + 1, b as usize);
        let at = |k: usize| self.offsets.get(k).copied().unwrap_or(self.input.len());
        if b <= a || b - a >= GAP_LEN {
            return false;
        }
        let (mut tag, mut space) = (false, false);
        for c in self.input[at(a)..at(b)].chars() {
            match c {
                '<' if !tag => tag = true,
                '>' if tag => tag = false,
                ' ' | '\u{3000}' | '\t' if !tag => space = true,
                _ if !tag => return false,
                _ => {}
            }
        }
        space && !tag
    }

    /// Facts of a table's cells (see [`super::table`]): a card for each row and metric.
    pub(crate) fn read_table(&mut self, table: &super::table::Table, section: Option<&str>) {
        for (k, f) in table.facts.iter().enumerate() {
            let span = self.norm.input_span(f.cell.start, f.cell.end);
            let row = self.norm.input_span(f.row_start, f.cell.end);
            let card = table.facts[..k]
                .iter()
                .rposition(|g| g.row == f.row && g.metric == f.metric)
                .map_or(k, |p| p);
            self.facts.push(Draft {
                fact: Fact {
                    kind: f.kind,
                    value: f.value,
                    unit: f.unit.clone(),
                    display: f.display.clone(),
                    // The cell's words, as the span: the row label is the metric already.
                    text: self.input_text(span, f.cell.start, f.cell.end),
                    span,
                    basis: f.basis.clone(),
                    versus: None,
                    bound: None,
                    target: false,
                    period: f.period.clone(),
                    when: None,
                    when_note: None,
                    from: None,
                    from_display: None,
                    cell: Some(crate::model::TableCell {
                        row: f.row_label.clone(),
                        column: f.column.clone(),
                    }),
                },
                metric: f.metric.clone(),
                subject: None,
                sentence: f.row_start,
                card,
                heading: false,
                table: true,
                section: section.map(str::to_string),
                card_start: row[0],
            });
        }
    }

    /// The words of the input at `span`, or the normalised words when the input there holds
    /// markup (a span across HTML tags reads badly).
    pub(crate) fn input_text(&self, span: [usize; 2], start: usize, end: usize) -> String {
        let at = |i: usize| self.offsets.get(i).copied().unwrap_or(self.input.len());
        let raw = &self.input[at(span[0])..at(span[1])];
        if raw.contains(['<', '\n', '&', '\r']) {
            text_of(self.chars, start, end)
        } else {
            raw.to_string()
        }
    }
}

/// Where the walk over a clause's groups is: the list item it is in, the end of the group
/// before, and whether that item has had a count yet.
struct Walk {
    seg_start: usize,
    prev_end: usize,
    seen_count: bool,
}

/// Where a value's fact goes: its card, where that card starts in the input, and the words
/// it quotes (input span, and their start in the text).
struct Slot {
    card: usize,
    card_start: usize,
    span: [usize; 2],
    text_start: usize,
}

/// Groups of values without the thresholds inside names (500万元以上工业项目1000个), and
/// the thresholds' first values: they are read as part of the counted noun's name, never as
/// facts.
fn without_qualifiers<'q>(
    chars: &[char],
    qs: &[&'q Quantity],
) -> (Vec<Vec<&'q Quantity>>, Vec<&'q Quantity>) {
    // Items of a list with a quantity each (新增A500家、B326家) are clauses of their own
    // sharing the clause's lead; a run of values (16.2%、11.9%) stays one group.
    let groups = group_values(chars, qs);
    let quals = qualifiers(chars, &groups);
    let mut kept = Vec::new();
    let mut thresholds = Vec::new();
    for (g, qualifies) in groups.into_iter().zip(quals) {
        if qualifies {
            thresholds.push(g[0]);
        } else {
            kept.push(g);
        }
    }
    (kept, thresholds)
}

/// Where a group's words are.
pub(crate) struct Item {
    /// The words before the group, back to the previous group or the clause start.
    pub(crate) pre: Span,
    /// The words after the group, up to the next group, list item or clause end.
    pub(crate) post: Span,
    /// Where the list item holding the group starts.
    pub(crate) seg_start: usize,
    /// The noun a list ends with, when this item's words stop at a threshold.
    pub(crate) head: Option<Span>,
}

pub(crate) struct ClauseCtx<'s> {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) target: bool,
    pub(crate) period: Option<String>,
    /// The year of the heading in force, for [`when::by_frame`].
    pub(crate) year: Option<i32>,
    pub(crate) heading: bool,
    pub(crate) section: Option<&'s str>,
}

/// What a bracketed value after a place measures when the article names no point of view.
fn default_view() -> String {
    VOCAB.readings.view.first().unwrap_or(&"").to_string()
}

/// A streak as a person writes it: 连续3年.
fn streak_display(count: &str) -> String {
    let lead = VOCAB.scan.streak_lead.first().unwrap_or(&"");
    format!("{lead}{count}{}", VOCAB.marks.year)
}
