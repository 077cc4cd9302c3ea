//! The clause walk: a line into sentences, sentences into clauses, and each clause's
//! quantities grouped and read (their kind from [`super::kinds`], their names from
//! [`super::name`], lists, periods and subjects from [`super::context`]) into [`Draft`] facts.

use super::*;

/// The longest quote a fact keeps before its number, in chars.
pub(crate) const MAX_QUOTE: usize = 80;

/// The most chars a metric's name is read from, and has. Real names are far shorter; every
/// fact copies its name, so an unbounded one makes long texts quadratic.
pub(crate) const MAX_NAME: usize = 256;

pub(crate) struct Reader<'a> {
    pub(crate) chars: &'a [char],
    pub(crate) input: &'a str,
    /// Byte offset in `input` of each code point, and one past the end.
    pub(crate) offsets: Vec<usize>,
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

impl<'a> Reader<'a> {
    pub(crate) fn read_line(&mut self, line: &Line, at: &Place, frame: &mut Frame) {
        // Skip quantities of noise lines before this one.
        while self.next_q < self.quantities.len() && self.quantities[self.next_q].start < line.start
        {
            self.next_q += 1;
        }
        let paragraph_period = find_period(self.chars, line.start, line.end, false);
        for (n, (ss, se)) in segment::sentences(self.chars, line.start, line.end)
            .into_iter()
            .enumerate()
        {
            // A basis holds for the sentence's later changes, and for a 其中 sentence's.
            if !VOCAB
                .basis_carriers
                .iter()
                .any(|w| starts_with(self.chars, ss, w))
            {
                self.basis = None;
            }
            let mut st = SentenceState {
                id: ss,
                ..Default::default()
            };
            // The period stated so far in the sentence; each clause is searched once.
            let mut sentence_period: Option<String> = None;
            let sentence_target = self.target_before(ss, se);
            let planned = at.plan.covers(&self.chars[ss..se]);
            // A period stated before the sentence's first number, in its first two clauses,
            // opens it (2023年，…; 解志超表示，2024年，…): it holds for what follows.
            let mut opening: Option<String> = None;
            for (k, (cs, ce)) in segment::clauses(self.chars, ss, se).into_iter().enumerate() {
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
                    st.topic = Some(Span::new(cs, ce));
                    if let Some(p) = find_period(self.chars, cs, ce, true) {
                        if k < 2 && !st.quantified {
                            opening = Some(p.clone());
                        }
                        sentence_period = Some(p);
                    }
                    continue;
                }
                if let Some(p) = find_period(self.chars, cs, qs[0].start, true) {
                    if k < 2 && !st.quantified {
                        opening = Some(p.clone());
                    }
                    sentence_period = Some(p);
                }
                st.quantified = true;
                let period = sentence_period
                    .clone()
                    .or_else(|| frame.current().map(str::to_string))
                    .or_else(|| paragraph_period.clone())
                    .map(|p| frame.with_year(p));
                let ctx = ClauseCtx {
                    start: cs,
                    end: ce,
                    target: planned || sentence_target.is_some_and(|t| t < qs[0].start),
                    period,
                    heading: at.heading,
                    section: at.section,
                };
                self.read_clause(&ctx, &qs, &mut st);
            }
            if let Some(p) = opening.filter(|_| !at.heading) {
                frame.opened(&p, n == 0);
            }
        }
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

    pub(crate) fn read_clause(
        &mut self,
        ctx: &ClauseCtx,
        qs: &[&Quantity],
        st: &mut SentenceState,
    ) {
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
                        .find(|&i| self.chars[i] == VOCAB.marks.of)
                        .map(|p| {
                            Span::new(p + 1, groups.get(gi + 2).map_or(ctx.end, |g| g[0].start))
                        })
                })
                .flatten();
            let item = Item {
                pre: Span::new(pre_start, first.start),
                post: Span::new(last.end, post_end),
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
                        pre: Span::new(pre_start, from_pos),
                        post: Span::new(to.end, to.end),
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
                            let growth = names_growth(&named);
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

    pub(crate) fn read_group(
        &mut self,
        ctx: &ClauseCtx,
        item: &Item,
        group: &[&Quantity],
        st: &mut SentenceState,
        after_count: bool,
    ) {
        let c = self.chars;
        let Span { start: ps, end: pe } = item.pre;
        let first = group[0];
        let unit = first.unit;
        // 江西(6.9%): a place or company with its value, measured as the article's view says.
        let entity = (group.len() == 1 && unit == Unit::Percent)
            .then(|| entity_before(c, ps, first))
            .flatten();
        let reading = match unit {
            Unit::Percent if entity.is_some() => {
                let view = self.view.clone().unwrap_or_else(default_view);
                let growth = names_growth(&view);
                Reading::new(if growth { Kind::Change } else { Kind::Share }, view)
            }
            Unit::Rank => {
                if after_count {
                    // 10项工作位列全省首位: the rank is the counted items', not a metric's.
                    return;
                }
                Reading::rank(c, item.pre)
            }
            Unit::Years => Reading::streak(c, item.pre, first, item.post),
            Unit::Points => Reading::points(c, ps, pe),
            Unit::Percent => Reading::percent(c, item.pre, first, item.post),
            Unit::Times => match Reading::percent(c, item.pre, first, item.post) {
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
                    .map(|t| split_list(&clean_metric(c, t.start, t.end)))
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
            let w = &VOCAB.readings;
            let relative = w.relative_lead.iter().any(|l| metric.starts_with(l))
                || VOCAB.relative.holds(&metric)
                || (w.relative_end.iter().any(|e| metric.ends_with(e))
                    && metric.chars().count() <= 4);
            if metric.is_empty() || is_anaphor(&metric) || (relative && st.metric.is_some()) {
                let topic = st
                    .topic
                    .map(|t| clean_metric(c, t.start, t.end))
                    .filter(|t| !t.is_empty());
                match (&st.metric, &topic) {
                    (Some(named), _) => {
                        metric = format!("{}{metric}", named.name);
                        card = Some(named.card);
                    }
                    (None, Some(t)) => metric = format!("{t}{metric}"),
                    _ => {}
                }
            }
            if reading.kind == Kind::Streak && reading.metric_from_rank {
                if let Some(named) = &st.metric {
                    metric = format!("{}{metric}", named.name);
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
            if metric.chars().count() < 2 {
                continue;
            }
            let (subject, metric) = match &entity {
                Some(e) => (Some(e.clone()), metric),
                None => split_subject(&metric, st.subject.clone()),
            };
            let card_no = card.unwrap_or_else(|| match &st.metric {
                Some(named) if named.name == metric && entity.is_none() => named.card,
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
                    name: metric.clone(),
                    card: card_no,
                    input_start: span[0],
                });
            }
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
                Kind::Change => self.carry_basis(st.id, &reading.basis),
                _ => reading.basis.clone(),
            };
            let fact = Fact {
                kind: reading.kind,
                value,
                unit,
                display,
                text: self.input_text(span, text_start, q.end),
                span,
                basis,
                versus,
                bound: q.bound,
                target: ctx.target,
                period: ctx.period.clone(),
                when: None,
                when_note: None,
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
                table: false,
                section: ctx.section.map(str::to_string),
                card_start,
            });
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
    /// columns copied out of a PDF are told apart by such spaces.
    pub(crate) fn gap_before(&self, i: usize) -> bool {
        let (Some(&a), Some(&b)) = (
            self.norm.origin.get(i.wrapping_sub(1)),
            self.norm.origin.get(i),
        ) else {
            return false;
        };
        let (a, b) = (a as usize + 1, b as usize);
        let at = |k: usize| self.offsets.get(k).copied().unwrap_or(self.input.len());
        b > a
            && b - a < 16
            && self.input[at(a)..at(b)]
                .chars()
                .all(|c| c == ' ' || c == '\u{3000}' || c == '\t')
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
                    text: self.input_text(row, f.row_start, f.cell.end),
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
