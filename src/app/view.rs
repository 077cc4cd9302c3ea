//! The view model: what the components show, computed from an [`Article`] without a browser.
//!
//! Plain functions over the core's types, so they are unit-tested natively; the components only
//! turn their results into nodes. Nothing here finds indicators: that is the core's job.

use crate::model::{Article, Card, Fact, Kind};
use crate::render::headline;
use std::ops::Range;

/// A run of the analysed text: plain, or the words of one fact.
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
}

/// Cut `text` into plain runs and one marked run per fact span.
///
/// Spans are code points of `text` (the core's contract); they are turned into byte offsets
/// here so the view can slice without copying. Overlapping spans are clipped so every character
/// is shown once, and spans outside the text are clamped rather than trusted.
pub fn segments(text: &str, article: &Article) -> Vec<Segment> {
    let mut spans: Vec<(usize, usize, usize, usize, Kind)> = article
        .cards
        .iter()
        .enumerate()
        .flat_map(|(c, card)| {
            card.facts
                .iter()
                .enumerate()
                .map(move |(f, fact)| (fact.span[0], fact.span[1], c, f, fact.kind))
        })
        .filter(|s| s.0 < s.1)
        .collect();
    spans.sort_by_key(|s| (s.0, s.1));
    // Byte offset of every code point, plus the end, in one pass.
    let bytes: Vec<usize> = text
        .char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(text.len()))
        .collect();
    let chars = bytes.len() - 1;
    let mut out = Vec::with_capacity(spans.len() * 2 + 1);
    let mut cursor = 0; // code points
    for (start, end, card, fact, kind) in spans {
        let start = start.max(cursor).min(chars);
        let end = end.min(chars);
        if start >= end {
            continue;
        }
        if start > cursor {
            out.push(Segment::Plain(bytes[cursor]..bytes[start]));
        }
        out.push(Segment::Mark {
            range: bytes[start]..bytes[end],
            card,
            fact,
            kind,
        });
        cursor = end;
    }
    if cursor < chars {
        out.push(Segment::Plain(bytes[cursor]..text.len()));
    }
    out
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

/// The card as plain text for the clipboard: the metric, then one line per fact.
pub fn card_text(card: &Card, kind_name: impl Fn(Kind) -> &'static str, target: &str) -> String {
    let mut out = card.metric.clone();
    if let Some(subject) = &card.subject {
        out.push_str(&format!("（{subject}）"));
    }
    for fact in &card.facts {
        out.push_str(&format!("\n{}：{}", kind_name(fact.kind), headline(fact)));
        if let Some(period) = &fact.period {
            out.push_str(&format!("（{period}）"));
        }
        if fact.target {
            out.push_str(&format!(" [{target}]"));
        }
    }
    out
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
            from: None,
            from_display: None,
        }
    }

    fn card(metric: &str, facts: Vec<Fact>) -> Card {
        Card {
            metric: metric.into(),
            subject: None,
            section: None,
            span: [0, 0],
            facts,
        }
    }

    fn article(cards: Vec<Card>) -> Article {
        Article {
            source: "t".into(),
            title: None,
            cards,
        }
    }

    fn shown<'a>(text: &'a str, segs: &[Segment]) -> Vec<(&'a str, bool)> {
        segs.iter()
            .map(|s| match s {
                Segment::Plain(r) => (&text[r.clone()], false),
                Segment::Mark { range, .. } => (&text[range.clone()], true),
            })
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
        let text = card_text(&card("工业", vec![f]), |k| k.label_zh(), "目标");
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
}
