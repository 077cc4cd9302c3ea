//! The compare table: one metric across articles and periods. Rows are measures (a metric key
//! with the kind of fact, its unit and, for gaps and ranks, what it is measured against) found
//! in two or more articles; columns are periods in time order, split into one column per
//! article where several articles speak of the same period (cities side by side). Each cell
//! keeps the fact's value, kind, basis, target flag, article and the span of its words, so a
//! reader can always go back to the text.
//!
//! Pure data (serde): the CLI prints it (`zhibiao compare`), the app renders it and the npm
//! package returns it (`compare()`; with the `ts` feature each type is declared for TypeScript,
//! the table also as `CompareTable`).

use crate::model::{Article, Card, Fact, Kind};
use crate::render::{self, headline};
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;
use std::collections::HashMap;
use std::fmt::Write as _;

/// What the table holds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Options {
    /// Every measure, also those found in one article only.
    pub all: bool,
}

/// The compare table of a set of articles.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
pub struct Table {
    /// The articles compared, in the order given; cells refer to them by index.
    pub articles: Vec<Source>,
    /// `periods` when the columns run in time, `articles` when every value is of one period
    /// (or none is known) and the columns are the articles side by side.
    pub by: By,
    pub columns: Vec<Column>,
    pub rows: Vec<Row>,
}

/// What the columns are.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
pub enum By {
    #[default]
    Periods,
    Articles,
}

/// One compared article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
pub struct Source {
    pub source: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The article's date (`2025-03-20`, `2024`), when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
}

/// One column: a period, and the article when several speak of that period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
pub struct Column {
    pub label: String,
    /// The normalised period; absent for values whose period is not known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub article: Option<usize>,
}

/// One measure across the articles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
pub struct Row {
    pub key: String,
    /// The metric as most often written (the first seen on a tie).
    pub metric: String,
    /// Every other wording of it in the articles.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub also: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    pub kind: Kind,
    pub unit: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub versus: Option<String>,
    /// How many articles state it.
    pub articles: usize,
    /// One list of values per column (usually none or one).
    pub cells: Vec<Vec<Cell>>,
}

/// One value, tied to its words: the fact (value, kind, basis, bound, target, period, when,
/// its words and their span) and the article it is from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
pub struct Cell {
    /// Index into [`Table::articles`].
    pub article: usize,
    /// The fact as a person states it (`同比 +9.0%`), for display.
    pub headline: String,
    #[serde(flatten)]
    pub fact: Fact,
}

/// What makes two facts values of one measure.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Measure {
    key: String,
    subject: Option<String>,
    kind: Kind,
    unit: String,
    versus: Option<String>,
}

impl Measure {
    fn of(card: &Card, fact: &Fact, rekey: Rekey) -> Measure {
        let key = match rekey(card) {
            Some(key) => key,
            None if card.key.is_empty() => crate::key::key(&card.metric),
            None => card.key.clone(),
        };
        // A gap, a contribution or a rank is only comparable against the same reference.
        let relational = matches!(fact.kind, Kind::Gap | Kind::Contribution | Kind::Rank);
        Measure {
            key,
            subject: card.subject.clone(),
            kind: fact.kind,
            unit: fact.unit.clone(),
            versus: fact.versus.clone().filter(|_| relational),
        }
    }
}

/// A period's first and last month, each (year, month).
type Months = ((i32, u32), (i32, u32));

/// A period's place in time: its first and last month, for ordering columns.
fn time_order(when: &str) -> Option<Months> {
    let point = |s: &str, last: bool| -> Option<(i32, u32)> {
        let mut parts = s.split('-');
        let year: i32 = parts.next()?.parse().ok()?;
        let (first, end) = match parts.next() {
            None => (1, 12),
            Some(p) if p.starts_with('Q') => {
                let q: u32 = p[1..].parse().ok()?;
                (3 * q - 2, 3 * q)
            }
            Some(p) if p.starts_with('H') => {
                let h: u32 = p[1..].parse().ok()?;
                (6 * h - 5, 6 * h)
            }
            Some(p) => {
                let m: u32 = p.parse().ok()?;
                (m, m)
            }
        };
        Some((year, if last { end } else { first }))
    };
    match when.split_once("..") {
        Some((a, b)) => Some((point(a, false)?, point(b, true)?)),
        None => Some((point(when, false)?, point(when, true)?)),
    }
}

/// A reader's regrouping of the rows: the key a card is compared under instead of its own
/// (`None`: its own). The app's merge of two rows maps one row's wordings to the other's key.
pub type Rekey<'a> = &'a dyn Fn(&Card) -> Option<String>;

/// Build the table of `articles`.
pub fn table(articles: &[Article], options: Options) -> Table {
    let articles: Vec<&Article> = articles.iter().collect();
    table_with(&articles, options, &|_| None)
}

/// Build the table of `articles`, each card compared under the key `rekey` gives it (borrowed:
/// the app compares the articles its workspace holds, without copying them).
pub fn table_with(articles: &[&Article], options: Options, rekey: Rekey) -> Table {
    let mut order: Vec<Measure> = Vec::new();
    let mut found: HashMap<Measure, Vec<(Cell, String)>> = HashMap::new();
    for (ai, article) in articles.iter().enumerate() {
        for card in &article.cards {
            for fact in &card.facts {
                let m = Measure::of(card, fact, rekey);
                let cells = found.entry(m.clone()).or_insert_with(|| {
                    order.push(m);
                    Vec::new()
                });
                cells.push((cell(ai, fact), card.metric.clone()));
            }
        }
    }
    let kept: Vec<(Measure, Vec<(Cell, String)>)> = order
        .into_iter()
        .filter_map(|m| {
            let cells = found.remove(&m)?;
            let n = article_count(cells.iter().map(|(c, _)| c.article));
            (options.all || n >= 2).then_some((m, cells))
        })
        .collect();
    let columns = columns(
        kept.iter()
            .flat_map(|(_, cells)| cells.iter().map(|(c, _)| (c.fact.when.clone(), c.article))),
    );
    // A period's columns are side by side: counting changes counts periods.
    let mut distinct: Vec<&Option<String>> = columns.iter().map(|c| &c.when).collect();
    distinct.dedup();
    let by = if distinct.len() <= 1 && articles.len() > 1 {
        By::Articles
    } else {
        By::Periods
    };
    let rows = kept
        .into_iter()
        .map(|(m, cells)| row(m, cells, &columns))
        .collect();
    Table {
        articles: articles
            .iter()
            .map(|a| Source {
                source: a.source.clone(),
                title: a.title.clone(),
                date: a.date.as_ref().map(|d| d.when.clone()),
            })
            .collect(),
        by,
        columns,
        rows,
    }
}

fn cell(article: usize, fact: &Fact) -> Cell {
    Cell {
        article,
        headline: headline(fact),
        fact: fact.clone(),
    }
}

/// Where period `a` goes against period `b`: in time order, a period that does not parse
/// after those that do, values of no known period last.
fn period_order(a: &Option<String>, b: &Option<String>) -> Ordering {
    fn place(w: &Option<String>) -> Option<(Option<Months>, &str)> {
        w.as_deref()
            .map(|w| (time_order(w).map(|(s, e)| (e, s)), w))
    }
    match (place(a), place(b)) {
        (Some(x), Some(y)) => match (x.0, y.0) {
            (Some(p), Some(q)) => p.cmp(&q).then(x.1.cmp(y.1)),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => x.1.cmp(y.1),
        },
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// Put `article` in the sorted list `articles` unless it is there. The lists are short (the
/// articles of one period or one row), and this spares the page a sort's code.
fn add_article(articles: &mut Vec<usize>, article: usize) {
    if let Err(at) = articles.binary_search(&article) {
        articles.insert(at, article);
    }
}

/// The columns for values at (when, article): periods in time order, then values of no known
/// period; a period several articles speak of gets one column per article.
fn columns(slots: impl Iterator<Item = (Option<String>, usize)>) -> Vec<Column> {
    // Each period with its articles, both kept in order as they come.
    let mut by_when: Vec<(Option<String>, Vec<usize>)> = Vec::new();
    for (when, article) in slots {
        let at = by_when.partition_point(|(w, _)| period_order(w, &when) == Ordering::Less);
        if by_when.get(at).is_none_or(|(w, _)| *w != when) {
            by_when.insert(at, (when, Vec::new()));
        }
        add_article(&mut by_when[at].1, article);
    }
    let mut out = Vec::new();
    for (when, arts) in by_when {
        let label = when.clone().unwrap_or_else(|| "?".to_string());
        // Values of unknown period are never of one period: each article's stand apart.
        if arts.len() == 1 && when.is_some() {
            out.push(Column {
                label,
                when,
                article: None,
            });
            continue;
        }
        for a in arts {
            out.push(Column {
                label: format!("{label} [{}]", a + 1),
                when: when.clone(),
                article: Some(a),
            });
        }
    }
    out
}

/// How many different articles these are.
fn article_count(articles: impl Iterator<Item = usize>) -> usize {
    let mut seen = Vec::new();
    for a in articles {
        add_article(&mut seen, a);
    }
    seen.len()
}

fn row(m: Measure, cells: Vec<(Cell, String)>, columns: &[Column]) -> Row {
    let articles = article_count(cells.iter().map(|(c, _)| c.article));
    // The wording most used names the row.
    let mut names: Vec<(String, usize)> = Vec::new();
    for (_, name) in &cells {
        match names.iter_mut().find(|(n, _)| n == name) {
            Some((_, k)) => *k += 1,
            None => names.push((name.clone(), 1)),
        }
    }
    let top = names
        .iter()
        .enumerate()
        .max_by_key(|(i, (_, k))| (*k, std::cmp::Reverse(*i)))
        .map_or(0, |(i, _)| i);
    let metric = names[top].0.clone();
    let also = names
        .into_iter()
        .map(|(n, _)| n)
        .filter(|n| *n != metric)
        .collect();
    let mut slots: Vec<Vec<Cell>> = vec![Vec::new(); columns.len()];
    for (c, _) in cells {
        let at = columns
            .iter()
            .position(|col| col.when == c.fact.when && col.article.is_none_or(|a| a == c.article));
        if let Some(i) = at {
            slots[i].push(c);
        }
    }
    Row {
        key: m.key,
        metric,
        also,
        subject: m.subject,
        kind: m.kind,
        unit: m.unit,
        versus: m.versus,
        articles,
        cells: slots,
    }
}

impl Row {
    /// The row's name for people: subject, metric, kind and reference.
    pub fn label(&self) -> String {
        let mut s = String::new();
        if let Some(subject) = &self.subject {
            let _ = write!(s, "[{subject}] ");
        }
        s.push_str(&self.metric);
        let _ = write!(s, " · {}", self.kind.label_zh());
        if let Some(v) = &self.versus {
            let _ = write!(s, " ({v})");
        }
        s
    }
}

impl Cell {
    /// The value as shown in a table: its headline, marked when a target.
    pub fn shown(&self) -> String {
        if self.fact.target {
            format!("{} [目标]", self.headline)
        } else {
            self.headline.clone()
        }
    }
}

fn joined(cells: &[Cell]) -> String {
    cells.iter().map(Cell::shown).collect::<Vec<_>>().join("; ")
}

/// The table for a terminal: aligned columns, then every cell's words and where they are.
pub fn text(table: &Table) -> String {
    let mut out = String::new();
    for (i, a) in table.articles.iter().enumerate() {
        let _ = writeln!(
            out,
            "[{}] {}{}{}",
            i + 1,
            a.source,
            a.title
                .as_deref()
                .map(|t| format!(": {t}"))
                .unwrap_or_default(),
            a.date
                .as_deref()
                .map(|d| format!(" ({d})"))
                .unwrap_or_default()
        );
    }
    if table.rows.is_empty() {
        out.push_str("\n(no metric found in two or more articles)\n");
        return out;
    }
    let mut grid: Vec<Vec<String>> = vec![std::iter::once("metric".to_string())
        .chain(table.columns.iter().map(|c| c.label.clone()))
        .collect()];
    for row in &table.rows {
        grid.push(
            std::iter::once(row.label())
                .chain(row.cells.iter().map(|c| joined(c)))
                .collect(),
        );
    }
    let widths: Vec<usize> = (0..grid[0].len())
        .map(|j| grid.iter().map(|r| render::width(&r[j])).max().unwrap_or(0))
        .collect();
    out.push('\n');
    for r in &grid {
        let line: Vec<String> = r
            .iter()
            .zip(&widths)
            .map(|(c, w)| format!("{c}{}", " ".repeat(w - render::width(c))))
            .collect();
        let _ = writeln!(out, "{}", line.join("  ").trim_end());
    }
    out.push_str("\nwords:\n");
    for row in &table.rows {
        let _ = writeln!(out, "{}", row.label());
        for (col, cells) in table.columns.iter().zip(&row.cells) {
            for c in cells {
                let _ = writeln!(
                    out,
                    "  {}  [{}] {}-{}  «{}»",
                    col.label,
                    c.article + 1,
                    c.fact.span[0],
                    c.fact.span[1],
                    c.fact.text
                );
            }
        }
    }
    out
}

/// The table in Markdown: a cell's value with its article and span.
pub fn markdown(table: &Table) -> String {
    let md = render::md_cell;
    let mut out = String::new();
    let header: Vec<String> = std::iter::once("metric".to_string())
        .chain(table.columns.iter().map(|c| md(&c.label)))
        .collect();
    render::markdown_head(&mut out, &header);
    for row in &table.rows {
        let cells: Vec<String> = std::iter::once(md(&row.label()))
            .chain(row.cells.iter().map(|cs| {
                cs.iter()
                    .map(|c| {
                        format!(
                            "{} ([{}] {}-{})",
                            md(&c.shown()),
                            c.article + 1,
                            c.fact.span[0],
                            c.fact.span[1]
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("; ")
            }))
            .collect();
        render::markdown_row(&mut out, &cells);
    }
    out.push('\n');
    for (i, a) in table.articles.iter().enumerate() {
        let _ = writeln!(out, "[{}] {}", i + 1, md(&a.source));
    }
    out
}

/// The table in CSV, one line per cell (long form: any spreadsheet pivots it back).
pub fn csv(table: &Table) -> String {
    const COLUMNS: [&str; 18] = [
        "key", "metric", "subject", "kind", "unit", "versus", "column", "when", "period", "source",
        "value", "display", "basis", "bound", "target", "text", "start", "end",
    ];
    let mut out = String::new();
    render::csv_record(&mut out, &COLUMNS.map(String::from));
    for row in &table.rows {
        for (col, cells) in table.columns.iter().zip(&row.cells) {
            for c in cells {
                let opt = |o: &Option<String>| o.clone().unwrap_or_default();
                let f = &c.fact;
                let line = [
                    row.key.clone(),
                    row.metric.clone(),
                    opt(&row.subject),
                    row.kind.as_str().to_string(),
                    row.unit.clone(),
                    opt(&row.versus),
                    col.label.clone(),
                    opt(&f.when),
                    opt(&f.period),
                    table.articles[c.article].source.clone(),
                    render::number(f.value),
                    f.display.clone(),
                    opt(&f.basis),
                    f.bound.map(|b| b.as_str().to_string()).unwrap_or_default(),
                    if f.target {
                        "true".into()
                    } else {
                        String::new()
                    },
                    f.text.clone(),
                    f.span[0].to_string(),
                    f.span[1].to_string(),
                ];
                render::csv_record(&mut out, &line);
            }
        }
    }
    out
}

/// The table as pretty JSON.
pub fn json(table: &Table) -> String {
    serde_json::to_string_pretty(table).unwrap_or_else(|_| "{\"rows\":[]}".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_sort_in_time() {
        let mut ws = vec![
            "2024",
            "2024-Q1",
            "2023",
            "2024-01..2024-08",
            "2024-H1",
            "2024-12-31",
        ];
        ws.sort_by_key(|w| time_order(w).map(|(s, e)| (e, s)));
        assert_eq!(
            ws,
            [
                "2023",
                "2024-Q1",
                "2024-H1",
                "2024-01..2024-08",
                "2024",
                "2024-12-31"
            ]
        );
    }

    #[test]
    fn one_measure_across_two_articles_is_a_row_in_period_order() {
        let a = crate::analyze("a.txt", "2024年，全市规模以上工业增加值同比增长8.4%。");
        let b = crate::analyze("b.txt", "2023年，全市规上工业增加值同比增长9.0%。");
        let t = table(&[a.clone(), b.clone()], Options::default());
        assert_eq!(t.by, By::Periods);
        let labels: Vec<&str> = t.columns.iter().map(|c| c.label.as_str()).collect();
        assert_eq!(labels, ["2023", "2024"]);
        assert_eq!(t.rows.len(), 1);
        let shown: Vec<Vec<f64>> = t.rows[0]
            .cells
            .iter()
            .map(|cs| cs.iter().map(|c| c.fact.value).collect())
            .collect();
        assert_eq!(shown, [vec![9.0], vec![8.4]]);
        assert_eq!(t.rows[0].cells[0][0].article, 1);
        // The same period in two cities: the articles side by side.
        let c = crate::analyze("c.txt", "2024年，全市规上工业增加值同比增长6.1%。");
        let t = table(&[a, c], Options::default());
        assert_eq!(t.by, By::Articles);
        assert_eq!(t.columns.len(), 2);
        assert_eq!(t.columns[1].article, Some(1));
    }

    #[test]
    fn a_rekey_merges_the_rows_of_two_wordings() {
        let a = crate::analyze("a.txt", "2023年，全市粮食产量120万吨。");
        let b = crate::analyze("b.txt", "2024年，全市粮食总产量125万吨。");
        let all = Options { all: true };
        let apart = table(&[a.clone(), b.clone()], all);
        assert_eq!(apart.rows.len(), 2);
        assert!(table(&[a.clone(), b.clone()], Options::default())
            .rows
            .is_empty());
        let key = apart.rows[0].key.clone();
        let rekey = |card: &Card| (card.metric == "粮食总产量").then(|| key.clone());
        let merged = table_with(&[&a, &b], Options::default(), &rekey);
        assert_eq!(merged.rows.len(), 1);
        let row = &merged.rows[0];
        assert_eq!((row.key.as_str(), row.articles), (key.as_str(), 2));
        assert_eq!(row.also, ["粮食总产量"]);
        let values: Vec<Vec<f64>> = row
            .cells
            .iter()
            .map(|cs| cs.iter().map(|c| c.fact.value).collect())
            .collect();
        assert_eq!(values, [vec![120e4], vec![125e4]]);
    }
}
