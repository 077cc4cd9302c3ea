//! The view model: what the components show, computed from an [`Article`] without a browser.
//!
//! Plain functions over the core's types, so they are unit-tested natively; the components only
//! turn their results into nodes. Nothing here finds indicators: that is the core's job.

use crate::model::{Article, Card, Fact, Kind, Report};
use std::collections::HashMap;
use std::ops::Range;

/// A run of the analysed text: plain, the words of one fact, or a part left out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Segment {
    Plain(Range<usize>),
    /// Byte range in the text, and which fact of which card it shows.
    Mark {
        range: Range<usize>,
        card: usize,
        fact: usize,
        kind: Kind,
    },
    /// Page furniture the engine did not read: `region` indexes `article.excluded`.
    Left {
        range: Range<usize>,
        region: usize,
    },
}

impl Segment {
    /// The segment's byte range in the text.
    pub fn range(&self) -> Range<usize> {
        match self {
            Segment::Plain(r) | Segment::Mark { range: r, .. } | Segment::Left { range: r, .. } => {
                r.clone()
            }
        }
    }
}

/// What a span of the text is, before it becomes a [`Segment`].
#[derive(Clone, Copy)]
enum Run {
    Mark {
        card: usize,
        fact: usize,
        kind: Kind,
    },
    Left {
        region: usize,
    },
}

/// How much of the article (bytes) the article pane shows at once: a page of text with its
/// marks renders in tens of milliseconds, while 10 MB of text takes seconds.
pub const TEXT_PAGE: usize = 128 * 1024;
/// How many cards are listed before a "show more" button, for the same reason.
pub const CARD_PAGE: usize = 200;
/// How far (bytes) a page edge may move to fall on a line break.
const LINE_SNAP: usize = 4096;

/// Cut `text` into plain runs, one marked run per fact span and one run per part left out
/// (furniture the reader has not included back).
///
/// Spans are code points of `text` (the core's contract); they are turned into byte offsets
/// here so the view can slice without copying. Overlapping spans are clipped so every character
/// is shown once, and spans outside the text are clamped rather than trusted.
pub fn segments(text: &str, article: &Article) -> Vec<Segment> {
    let facts = article.cards.iter().enumerate().flat_map(|(card, c)| {
        c.facts.iter().enumerate().map(move |(fact, f)| {
            let run = Run::Mark {
                card,
                fact,
                kind: f.kind,
            };
            (f.span[0], f.span[1], run)
        })
    });
    let left = article
        .excluded
        .iter()
        .enumerate()
        .filter(|(_, e)| !e.included)
        .map(|(region, e)| (e.span[0], e.span[1], Run::Left { region }));
    let mut spans: Vec<(usize, usize, Run)> = facts.chain(left).filter(|s| s.0 < s.1).collect();
    spans.sort_by_key(|s| (s.0, s.1));
    // Code points become byte offsets by walking the text once, alongside the sorted spans
    // (no table of every offset: a 50 MB text would need one of 70 MB).
    let mut walk = text.char_indices().map(|(b, _)| b).enumerate();
    let mut walked = (0, 0); // (code point, byte) of the last position found
    let mut byte_of = |cp: usize| -> Option<usize> {
        if cp == walked.0 {
            return Some(walked.1);
        }
        let found = walk.find(|&(c, _)| c == cp);
        walked = found.unwrap_or((usize::MAX, text.len()));
        found.map(|(_, b)| b)
    };
    let mut out = Vec::with_capacity(spans.len() * 2 + 1);
    let mut cursor = (0, 0); // (code point, byte) shown so far
    for (start, end, run) in spans {
        let start = start.max(cursor.0);
        if start >= end {
            continue;
        }
        let Some(start_byte) = byte_of(start) else {
            break; // past the end of the text, as every later span is
        };
        let end_byte = byte_of(end).unwrap_or(text.len());
        if start_byte > cursor.1 {
            out.push(Segment::Plain(cursor.1..start_byte));
        }
        let range = start_byte..end_byte;
        out.push(match run {
            Run::Mark { card, fact, kind } => Segment::Mark {
                range,
                card,
                fact,
                kind,
            },
            Run::Left { region } => Segment::Left { range, region },
        });
        cursor = (end, end_byte);
        if end_byte == text.len() {
            break;
        }
    }
    if cursor.1 < text.len() {
        out.push(Segment::Plain(cursor.1..text.len()));
    }
    out
}

/// The largest char boundary of `text` at or before `i`.
fn floor_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The page of `text` that starts at the line holding byte `start`.
pub fn page_at(text: &str, start: usize) -> Range<usize> {
    let start = floor_boundary(text, start);
    let bytes = text.as_bytes();
    let from = start.saturating_sub(LINE_SNAP);
    let start = match bytes[from..start].iter().rposition(|&b| b == b'\n') {
        Some(p) => from + p + 1,
        None if from == 0 => 0, // the first line
        None => start,
    };
    let end = floor_boundary(text, start + TEXT_PAGE);
    let limit = (end + LINE_SNAP).min(text.len());
    let end = bytes[end..limit]
        .iter()
        .position(|&b| b == b'\n')
        .map_or(end, |p| end + p + 1);
    start..end
}

/// The page of `text` that shows byte `at`, a third of the way down.
pub fn page_around(text: &str, at: usize) -> Range<usize> {
    page_at(text, at.saturating_sub(TEXT_PAGE / 3))
}

/// The page before `page` (or the first page).
pub fn page_before(text: &str, page: &Range<usize>) -> Range<usize> {
    page_at(text, page.start.saturating_sub(TEXT_PAGE))
}

/// The segments inside `page`, plain runs cut at its edges; a mark across an edge is kept
/// whole, so a fact's words are never split.
pub fn segments_in(segments: &[Segment], page: &Range<usize>) -> Vec<Segment> {
    let first = segments.partition_point(|s| s.range().end <= page.start);
    let clip = |r: &Range<usize>| r.start.max(page.start)..r.end.min(page.end);
    segments[first..]
        .iter()
        .take_while(|s| s.range().start < page.end)
        .map(|s| match s {
            Segment::Plain(r) => Segment::Plain(clip(r)),
            Segment::Left { range, region } => Segment::Left {
                range: clip(range),
                region: *region,
            },
            mark => mark.clone(),
        })
        .collect()
}

/// About how much text (bytes) one block of the article pane holds: the pane puts its page on
/// screen a few blocks per frame, and the browser lays out only the blocks near the screen
/// (`content-visibility` in the stylesheet), so a small block is less text shaped at once.
pub const BLOCK: usize = 1024;

/// `segments` (of `text`) in blocks of about [`BLOCK`] bytes, each ending at a line break, so
/// blocks stacked one under another show the text as one would: a plain run is cut after the
/// first line break past a block's size; marks and parts left out are never cut.
pub fn blocks(text: &str, segments: &[Segment]) -> Vec<Vec<Segment>> {
    let mut out = Vec::new();
    let mut block: Vec<Segment> = Vec::new();
    let mut began = segments.first().map_or(0, |s| s.range().start);
    for segment in segments {
        let Segment::Plain(range) = segment else {
            block.push(segment.clone());
            continue;
        };
        let mut from = range.start;
        loop {
            let look = floor_boundary(text, began + BLOCK).max(from).min(range.end);
            let Some(at) = text[look..range.end].find('\n') else {
                break;
            };
            let cut = look + at + 1;
            block.push(Segment::Plain(from..cut));
            out.push(std::mem::take(&mut block));
            (began, from) = (cut, cut);
        }
        if from < range.end {
            block.push(Segment::Plain(from..range.end));
        }
    }
    if !block.is_empty() {
        out.push(block);
    }
    out
}

/// Where (byte) the words of fact `fact` of card `card` begin, else those of its first
/// marked fact.
pub fn mark_start(segments: &[Segment], card: usize, fact: Option<usize>) -> Option<usize> {
    let mut first = None;
    for s in segments {
        if let Segment::Mark {
            range,
            card: c,
            fact: f,
            ..
        } = s
        {
            if *c == card {
                if fact.is_none_or(|want| want == *f) {
                    return Some(range.start);
                }
                first = first.or(Some(range.start));
            }
        }
    }
    first
}

/// A filter button: one kind of fact, or the facts that are targets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Group {
    Kind(Kind),
    Target,
}

impl Group {
    /// The buttons in the order shown: the kinds a reader looks for first come first.
    pub const ALL: [Group; 8] = [
        Group::Kind(Kind::Change),
        Group::Kind(Kind::Level),
        Group::Kind(Kind::Share),
        Group::Kind(Kind::Gap),
        Group::Kind(Kind::Contribution),
        Group::Kind(Kind::Rank),
        Group::Kind(Kind::Streak),
        Group::Target,
    ];

    fn bit(self) -> u8 {
        match self {
            Group::Kind(k) => 1 << (k as u8),
            Group::Target => 1 << 7,
        }
    }

    fn matches(self, fact: &Fact) -> bool {
        match self {
            Group::Kind(k) => fact.kind == k,
            Group::Target => fact.target,
        }
    }

    /// A stable name for test hooks and CSS.
    pub fn key(self) -> &'static str {
        match self {
            Group::Kind(k) => k.as_str(),
            Group::Target => "target",
        }
    }
}

/// Which cards to show: the chosen groups (none chosen = all) and a search over metrics.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    groups: u8,
    pub query: String,
}

impl Filter {
    pub fn has(&self, group: Group) -> bool {
        self.groups & group.bit() != 0
    }

    pub fn toggle(&mut self, group: Group) {
        self.groups ^= group.bit();
    }

    /// Forget the chosen groups: show every kind again.
    pub fn all_kinds(&mut self) {
        self.groups = 0;
    }

    pub fn any_group(&self) -> bool {
        self.groups != 0
    }

    /// A card is shown when one of its facts is in a chosen group and its metric or subject
    /// contains the search words (case-insensitive for Latin letters).
    pub fn shows(&self, card: &Card) -> bool {
        let kinds = !self.any_group()
            || card
                .facts
                .iter()
                .any(|f| Group::ALL.iter().any(|g| self.has(*g) && g.matches(f)));
        kinds && self.matches_query(card)
    }

    fn matches_query(&self, card: &Card) -> bool {
        let query = self.query.trim().to_lowercase();
        if query.is_empty() {
            return true;
        }
        query.split_whitespace().all(|word| {
            card.metric.to_lowercase().contains(word)
                || card
                    .subject
                    .as_deref()
                    .is_some_and(|s| s.to_lowercase().contains(word))
        })
    }

    /// Indices of the shown cards, in article order.
    pub fn visible(&self, article: &Article) -> Vec<usize> {
        article
            .cards
            .iter()
            .enumerate()
            .filter(|(_, c)| self.shows(c))
            .map(|(i, _)| i)
            .collect()
    }
}

/// Whether a change-like fact went up or down, for its arrow and colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Up,
    Down,
}

/// Up or down for facts whose sign is news (changes, gaps, pulls); none for amounts and ranks.
pub fn direction(fact: &Fact) -> Option<Direction> {
    match fact.kind {
        Kind::Change | Kind::Gap | Kind::Contribution if fact.value > 0.0 => Some(Direction::Up),
        Kind::Change | Kind::Gap | Kind::Contribution if fact.value < 0.0 => Some(Direction::Down),
        _ => None,
    }
}

/// The fact's value as the card shows it: the core's [`crate::render::headline`], except that a
/// bounded decrease states its magnitude (下降30%以上 is "≥30%" under the label 下降, never
/// "≥-30%", which would read as "a fall of at most 30%"). The JSON keeps the signed value; its
/// `bound` is about the magnitude the text states.
pub fn headline(fact: &Fact) -> String {
    let shown = crate::render::headline(fact);
    match fact.bound {
        Some(bound) if fact.value < 0.0 => {
            let signed = format!("{}-", bound.prefix());
            shown.replacen(&signed, bound.prefix(), 1)
        }
        _ => shown,
    }
}

/// The card as plain text for the clipboard: the metric, then one line per fact.
pub fn card_text(card: &Card, label: impl Fn(&Fact) -> &'static str, target: &str) -> String {
    let mut out = card.metric.clone();
    if let Some(subject) = &card.subject {
        out.push_str(&format!("（{subject}）"));
    }
    for fact in &card.facts {
        out.push_str(&format!("\n{}：{}", label(fact), headline(fact)));
        if let Some(period) = &fact.period {
            out.push_str(&format!("（{period}）"));
        }
        if fact.target {
            out.push_str(&format!(" [{target}]"));
        }
    }
    out
}

/// What tells apart visible cards that share a metric: for each such card, its subject,
/// periods and section where these differ within the group, else its place ("2/3") in it.
/// `None` for a card whose metric is unique among `visible`, and for every card past the
/// first `listed` of `visible`: only the listed cards are shown, and a long article has tens
/// of thousands of cards, so their words are made for those only (whether a part differs in
/// a group is still read from all of it, without making its words).
pub fn distinctions(article: &Article, visible: &[usize], listed: usize) -> Vec<Option<String>> {
    let mut out = vec![None; article.cards.len()];
    let mut shown = vec![false; article.cards.len()];
    for &i in visible.iter().take(listed) {
        shown[i] = true;
    }
    // One map, not a search per card.
    let mut groups: HashMap<&str, Vec<usize>> = HashMap::new();
    for &i in visible {
        let metric = article.cards[i].metric.as_str();
        groups.entry(metric).or_default().push(i);
    }
    let groups = groups
        .into_values()
        .filter(|cards| cards.len() > 1 && cards.iter().any(|&i| shown[i]));
    for cards in groups {
        let first = &article.cards[cards[0]];
        let others = || cards[1..].iter().map(|&i| &article.cards[i]);
        let differs = [
            others().any(|c| c.subject != first.subject),
            others().any(|c| !card_periods(c).eq(card_periods(first))),
            others().any(|c| c.section != first.section),
        ];
        for (n, &i) in cards.iter().enumerate().filter(|&(_, &i)| shown[i]) {
            let parts = context_parts(&article.cards[i]);
            let words: Vec<&str> = (0..3)
                .filter(|&p| differs[p] && !parts[p].is_empty())
                .map(|p| parts[p].as_str())
                .collect();
            out[i] = Some(if words.is_empty() {
                format!("{}/{}", n + 1, cards.len())
            } else {
                words.join(" · ")
            });
        }
    }
    out
}

/// A card's periods, each once, in the order its facts give them.
fn card_periods(card: &Card) -> impl Iterator<Item = &str> {
    let periods = card.facts.iter().filter_map(|f| f.period.as_deref());
    periods
        .clone()
        .enumerate()
        .filter(move |&(n, p)| !periods.clone().take(n).any(|q| q == p))
        .map(|(_, p)| p)
}

/// A card's subject, periods and section, each empty when absent.
fn context_parts(card: &Card) -> [String; 3] {
    let periods: Vec<&str> = card_periods(card).collect();
    [
        card.subject.clone().unwrap_or_default(),
        periods.join("、"),
        card.section.clone().unwrap_or_default(),
    ]
}

/// How far (chars) the source sentence reaches either side of a card's words.
const CONTEXT_REACH: usize = 80;

/// The sentence around code points `span` of `text`: the words before, the card's own words,
/// and the words after, each side cut at a sentence end or [`CONTEXT_REACH`] chars.
pub fn context(text: &str, span: [usize; 2]) -> (String, String, String) {
    let chars: Vec<char> = text.chars().collect();
    let end = span[1].min(chars.len());
    let start = span[0].min(end);
    let stop = |c: &char| matches!(c, '。' | '！' | '？' | '；' | '\n');
    let from = start.saturating_sub(CONTEXT_REACH);
    let before_at = chars[from..start]
        .iter()
        .rposition(stop)
        .map_or(from, |p| from + p + 1);
    let to = (end + CONTEXT_REACH).min(chars.len());
    let after_at = chars[end..to]
        .iter()
        .position(stop)
        .map_or(to, |p| end + p + 1);
    let take = |r: Range<usize>| chars[r].iter().collect::<String>();
    (
        take(before_at..start).trim_start().to_string(),
        take(start..end),
        take(end..after_at).trim_end().to_string(),
    )
}

/// Whether `text` has any Han character: without one it is not a Chinese article.
pub fn has_han(text: &str) -> bool {
    text.chars().any(|c| {
        matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}')
    })
}

/// The report an export holds: the shown cards of `article`, a typed text labelled by its
/// title (else `unnamed`) rather than "input".
pub fn export_report(article: &Article, visible: &[usize], unnamed: &str) -> Report {
    // Every other field as the engine gave it (an export runs on a click, not per render).
    let shown = Article {
        source: source_label(article, unnamed),
        cards: visible
            .iter()
            .filter_map(|&i| article.cards.get(i).cloned())
            .collect(),
        ..article.clone()
    };
    Report {
        articles: vec![shown],
    }
}

/// Where the article came from, for a reader: a file name, or for a typed or pasted text its
/// title (else `unnamed`) rather than "input".
pub fn source_label(article: &Article, unnamed: &str) -> String {
    if article.source == super::state::TYPED_SOURCE {
        article.title.clone().unwrap_or_else(|| unnamed.to_string())
    } else {
        article.source.clone()
    }
}

/// A file name from the article's title or source: letters, digits and Han kept, the rest
/// made dashes, at most 40 chars; "zhibiao" when nothing is left.
pub fn file_name(article: &Article, extension: &str) -> String {
    let label = match article.title.as_deref() {
        Some(title) => title,
        None if article.source != super::state::TYPED_SOURCE => article
            .source
            .rsplit_once('.')
            .map_or(&*article.source, |(stem, _)| stem),
        None => "",
    };
    let mut name = String::new();
    for c in label.chars().take(40) {
        if c.is_alphanumeric() {
            name.push(c);
        } else if !name.ends_with('-') && !name.is_empty() {
            name.push('-');
        }
    }
    let name = name.trim_end_matches('-');
    let name = if name.is_empty() { "zhibiao" } else { name };
    format!("{name}.{extension}")
}

/// Whether an opened or dropped file is HTML (by type, else by name) and needs
/// [`crate::html_to_text`].
pub fn is_html_file(name: &str, mime: &str) -> bool {
    let name = name.to_ascii_lowercase();
    mime.contains("html") || name.ends_with(".html") || name.ends_with(".htm")
}

/// Whether a file's text is really some other encoding (GBK is common for Chinese files) or
/// binary: decoding it as UTF-8 left NULs or many replacement characters.
pub fn looks_undecodable(text: &str) -> bool {
    let (mut chars, mut bad) = (0usize, 0usize);
    for c in text.chars() {
        chars += 1;
        match c {
            '\0' => return true,
            '\u{FFFD}' => bad += 1,
            _ => {}
        }
    }
    bad * 100 > chars
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_end_at_line_breaks_and_keep_every_segment() {
        let line = "全市工业增加值增长5%，经济运行稳中有进。\n";
        let text = line.repeat(BLOCK * 3 / line.len());
        let mark = line.find('5').unwrap();
        let mut segs = vec![Segment::Plain(0..mark)];
        segs.push(Segment::Mark {
            range: mark..mark + 2,
            card: 0,
            fact: 0,
            kind: Kind::Change,
        });
        segs.push(Segment::Plain(mark + 2..text.len()));
        let cut = blocks(&text, &segs);
        assert!(cut.len() >= 3, "{} blocks", cut.len());
        // Together the blocks are the segments, in order, with no byte lost or repeated.
        let ranges: Vec<_> = cut.iter().flatten().map(Segment::range).collect();
        assert_eq!(ranges.first().unwrap().start, 0);
        assert_eq!(ranges.last().unwrap().end, text.len());
        assert!(ranges.windows(2).all(|w| w[0].end == w[1].start));
        assert_eq!(cut[0][1], segs[1], "a mark is kept whole");
        for block in &cut[..cut.len() - 1] {
            let end = block.last().unwrap().range().end;
            assert!(text[..end].ends_with('\n'), "a block ends at a line break");
            let start = block[0].range().start;
            assert!(end - start >= BLOCK && end - start < BLOCK + line.len());
        }
        // No line break: one block, whatever its length; no segments: no block.
        let one = "增".repeat(BLOCK);
        assert_eq!(blocks(&one, &[Segment::Plain(0..one.len())]).len(), 1);
        assert!(blocks("", &[]).is_empty());
    }

    fn fact(kind: Kind, value: f64, span: [usize; 2]) -> Fact {
        Fact {
            kind,
            value,
            unit: "%".into(),
            display: format!("{value}%"),
            text: String::new(),
            span,
            basis: None,
            versus: None,
            bound: None,
            target: false,
            period: None,
            when: None,
            when_note: None,
            from: None,
            from_display: None,
            cell: None,
        }
    }

    fn card(metric: &str, facts: Vec<Fact>) -> Card {
        Card {
            metric: metric.into(),
            subject: None,
            key: String::new(),
            section: None,
            span: [0, 0],
            facts,
        }
    }

    fn article(cards: Vec<Card>) -> Article {
        Article {
            source: "t".into(),
            cards,
            ..Article::default()
        }
    }

    fn shown<'a>(text: &'a str, segs: &[Segment]) -> Vec<(&'a str, bool)> {
        segs.iter()
            .map(|s| (&text[s.range()], matches!(s, Segment::Mark { .. })))
            .collect()
    }

    #[test]
    fn segments_slice_by_code_points() {
        // 😀 is one code point and four bytes: a byte-based slice would split it.
        let text = "😀工业增长8.4%，高于全国2.6个百分点。";
        let a = article(vec![card(
            "工业",
            vec![
                fact(Kind::Change, 8.4, [5, 9]),
                fact(Kind::Gap, 2.6, [10, 21]),
            ],
        )]);
        let segs = segments(text, &a);
        assert_eq!(
            shown(text, &segs),
            vec![
                ("😀工业增长", false),
                ("8.4%", true),
                ("，", false),
                ("高于全国2.6个百分点", true),
                ("。", false),
            ]
        );
    }

    #[test]
    fn segments_clip_overlaps_and_clamp_bad_spans() {
        let text = "一二三四五";
        let a = article(vec![card(
            "m",
            vec![
                fact(Kind::Level, 1.0, [1, 3]),
                fact(Kind::Level, 1.0, [2, 4]),
                fact(Kind::Level, 1.0, [3, 99]),
                fact(Kind::Level, 1.0, [4, 2]),
            ],
        )]);
        let segs = segments(text, &a);
        let joined: String = shown(text, &segs).iter().map(|(s, _)| *s).collect();
        assert_eq!(joined, text);
        assert_eq!(
            shown(text, &segs),
            vec![("一", false), ("二三", true), ("四", true), ("五", true)]
        );
        assert_eq!(segments("", &a), vec![]);
    }

    #[test]
    fn filter_by_group_and_query() {
        let mut target = fact(Kind::Change, 6.0, [0, 1]);
        target.target = true;
        let a = article(vec![
            card("规上工业增加值", vec![fact(Kind::Change, 8.4, [0, 1])]),
            card("地区生产总值", vec![fact(Kind::Level, 1.0, [0, 1]), target]),
            card("GDP", vec![fact(Kind::Rank, 3.0, [0, 1])]),
        ]);
        let mut f = Filter::default();
        assert_eq!(f.visible(&a), vec![0, 1, 2]);
        f.toggle(Group::Kind(Kind::Change));
        assert_eq!(f.visible(&a), vec![0, 1]);
        f.toggle(Group::Kind(Kind::Change));
        f.toggle(Group::Target);
        assert_eq!(f.visible(&a), vec![1]);
        f.all_kinds();
        f.query = " 工业 ".into();
        assert_eq!(f.visible(&a), vec![0]);
        f.query = "gdp".into();
        assert_eq!(f.visible(&a), vec![2]);
    }

    #[test]
    fn directions_and_card_text() {
        assert_eq!(
            direction(&fact(Kind::Change, -1.5, [0, 1])),
            Some(Direction::Down)
        );
        assert_eq!(direction(&fact(Kind::Level, 5.0, [0, 1])), None);
        let mut f = fact(Kind::Change, 8.4, [0, 1]);
        f.basis = Some("同比".into());
        f.period = Some("前三季度".into());
        let text = card_text(&card("工业", vec![f]), |f| f.kind.label_zh(), "目标");
        assert_eq!(text, "工业\n增长：同比 +8.4%（前三季度）");
        assert!(is_html_file("a.HTM", ""));
        assert!(is_html_file("a", "text/html"));
        assert!(!is_html_file("a.txt", "text/plain"));
        assert!(looks_undecodable("\u{FFFD}\u{FFFD}abc"));
        assert!(looks_undecodable("a\0b"));
        assert!(!looks_undecodable(&format!(
            "{}\u{FFFD}",
            "增长".repeat(100)
        )));
    }

    #[test]
    fn segments_past_the_text_end_are_dropped() {
        let text = "增长8%";
        let a = article(vec![card(
            "m",
            vec![
                fact(Kind::Change, 8.0, [2, 4]),
                fact(Kind::Level, 1.0, [3, 9]),
                fact(Kind::Level, 1.0, [7, 9]),
            ],
        )]);
        assert_eq!(
            shown(text, &segments(text, &a)),
            vec![("增长", false), ("8%", true)]
        );
    }

    #[test]
    fn pages_end_on_line_breaks_and_cover_the_text() {
        let line = "全市规上工业增加值同比增长8.4%。\n";
        let text = line.repeat(TEXT_PAGE * 3 / line.len());
        let first = page_at(&text, 0);
        assert_eq!(first.start, 0);
        assert!(text[..first.end].ends_with('\n'));
        assert!(first.len() >= TEXT_PAGE && first.len() < TEXT_PAGE + line.len());
        // The next page starts where this one ends; the one before it is this one.
        let next = page_at(&text, first.end);
        assert_eq!(next.start, first.end);
        assert_eq!(page_before(&text, &next), first);
        // A page around a byte holds it, starting at a line; odd offsets are no problem.
        for at in [1, TEXT_PAGE + 7, text.len() - 1, text.len() + 5] {
            let page = page_around(&text, at);
            assert!(page.contains(&at.min(text.len() - 1)), "{at} in {page:?}");
            assert!(page.start == 0 || text[..page.start].ends_with('\n'));
        }
        // A text with no line break at all still pages on char boundaries.
        let flat = "增".repeat(TEXT_PAGE);
        let page = page_at(&flat, 5);
        assert!(flat.is_char_boundary(page.start) && flat.is_char_boundary(page.end));
        assert_eq!(page_at("", 0), 0..0);
    }

    #[test]
    fn segments_in_a_page_are_cut_at_its_edges() {
        let text = "一二三增长8%四五六";
        let a = article(vec![card("m", vec![fact(Kind::Change, 8.0, [5, 7])])]);
        let segs = segments(text, &a);
        // Bytes 3..17 run from 二 into the mark: the mark stays whole.
        let part = segments_in(&segs, &(3..17));
        assert_eq!(shown(text, &part), vec![("二三增长", false), ("8%", true)]);
        assert_eq!(mark_start(&segs, 0, None), Some(15));
        assert_eq!(mark_start(&segs, 0, Some(3)), Some(15));
        assert_eq!(mark_start(&segs, 1, None), None);
    }

    #[test]
    fn a_bounded_decrease_shows_its_magnitude() {
        let mut f = fact(Kind::Change, -30.0, [0, 1]);
        f.display = "≥-30%".into();
        f.bound = Some(crate::model::Bound::AtLeast);
        f.basis = Some("同比".into());
        assert_eq!(headline(&f), "同比 ≥30%");
        f.bound = None;
        f.display = "-30%".into();
        assert_eq!(headline(&f), "同比 -30%");
    }

    #[test]
    fn cards_sharing_a_metric_say_what_differs() {
        let mut a = card("载客率", vec![fact(Kind::Share, 80.0, [0, 1])]);
        let mut b = card("载客率", vec![fact(Kind::Share, 70.0, [2, 3])]);
        a.facts[0].period = Some("一季度".into());
        b.facts[0].period = Some("二季度".into());
        a.section = Some("一、民航".into());
        b.section = Some("一、民航".into());
        let c = card("载客率", vec![fact(Kind::Share, 60.0, [4, 5])]);
        let d = card("货运量", vec![fact(Kind::Level, 1.0, [6, 7])]);
        let art = article(vec![a.clone(), b.clone(), d.clone()]);
        assert_eq!(
            distinctions(&art, &[0, 1, 2], 3),
            [Some("一季度".into()), Some("二季度".into()), None]
        );
        // Only the listed cards get their words (the group is still all the visible ones).
        assert_eq!(
            distinctions(&art, &[0, 1, 2], 1),
            [Some("一季度".into()), None, None]
        );
        // Only the visible cards count; with nothing that differs, their place.
        assert_eq!(distinctions(&art, &[0, 2], 2), [None, None, None]);
        let same = article(vec![c.clone(), c]);
        assert_eq!(
            distinctions(&same, &[0, 1], 2),
            [Some("1/2".into()), Some("2/2".into())]
        );
    }

    #[test]
    fn the_source_sentence_around_a_card() {
        let text = "标题\n上半年，全市规上工业增加值同比增长8.4%，高于全国。下一句。";
        let start = text.chars().position(|c| c == '8').unwrap();
        let (before, words, after) = context(text, [start, start + 4]);
        assert_eq!(
            (before.as_str(), words.as_str(), after.as_str()),
            ("上半年，全市规上工业增加值同比增长", "8.4%", "，高于全国。")
        );
        assert_eq!(
            context("", [3, 9]),
            (String::new(), String::new(), String::new())
        );
        assert!(has_han("GDP增长") && !has_han("GDP grew 5% in 2024."));
    }

    #[test]
    fn left_out_parts_are_their_own_segments() {
        let text = "工业增长8%。\n相关阅读\n别的";
        let mut a = article(vec![card("m", vec![fact(Kind::Change, 8.0, [4, 6])])]);
        a.excluded.push(crate::model::Excluded {
            reason: "相关阅读".into(),
            tail: true,
            included: false,
            span: [8, 15],
        });
        let segs = segments(text, &a);
        assert_eq!(
            segs.last(),
            Some(&Segment::Left {
                range: 18..text.len(),
                region: 0
            })
        );
        a.excluded[0].included = true;
        assert!(!segments(text, &a)
            .iter()
            .any(|s| matches!(s, Segment::Left { .. })));
    }

    #[test]
    fn files_are_named_after_the_article() {
        let mut a = Article {
            source: super::super::state::TYPED_SOURCE.into(),
            ..Article::default()
        };
        assert_eq!(file_name(&a, "csv"), "zhibiao.csv");
        a.source = "report 2024.txt".into();
        assert_eq!(file_name(&a, "json"), "report-2024.json");
        a.title = Some("聊城市2024年上半年经济运行情况".into());
        assert_eq!(file_name(&a, "csv"), "聊城市2024年上半年经济运行情况.csv");
        a.title = Some("<<>>".into());
        assert_eq!(file_name(&a, "csv"), "zhibiao.csv");
    }

    #[test]
    fn exports_hold_the_shown_cards_labelled() {
        let a = Article {
            source: super::super::state::TYPED_SOURCE.into(),
            title: Some("标题".into()),
            cards: vec![card("甲", vec![]), card("乙", vec![])],
            ..Article::default()
        };
        let r = export_report(&a, &[1], "pasted");
        assert_eq!(r.articles[0].source, "标题");
        assert_eq!(r.articles[0].cards.len(), 1);
        assert_eq!(r.articles[0].cards[0].metric, "乙");
    }
}
