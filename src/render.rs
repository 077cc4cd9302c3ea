//! Output formats shared by the CLI and the app: JSON (the machine format the scorer reads),
//! CSV and Markdown (one row per fact), and an aligned plain-text view for people.
//!
//! The app exports through these same functions, so a file saved in the browser and one
//! printed by the CLI for the same text are interchangeable.

use crate::model::{Article, Card, Fact, Kind, Report};
/// Re-exported: the renderers and the app write values the way the scan does.
pub use crate::quantity::format::number;
use std::fmt::Write as _;

/// The report as pretty JSON, or why it cannot be written (never an empty report instead).
pub fn json(report: &Report) -> Result<String, serde_json::Error> {
    let mut out = Vec::new();
    json_to(&mut out, report)?;
    String::from_utf8(out).map_err(|e| serde_json::Error::io(std::io::Error::other(e)))
}

/// [`json`] written straight to `out` (the CLI's buffered stdout), without the whole text in
/// memory first. An error [`serde_json::Error::is_io`] is `out`'s.
pub fn json_to<W: std::io::Write>(out: W, report: &Report) -> Result<(), serde_json::Error> {
    pretty(out, report)
}

/// `value` in [`Pretty`]'s layout.
fn pretty<W: std::io::Write, T: serde::Serialize + ?Sized>(
    out: W,
    value: &T,
) -> Result<(), serde_json::Error> {
    let mut ser = serde_json::Serializer::with_formatter(out, Pretty::default());
    value.serialize(&mut ser)
}

/// `serde_json`'s pretty layout (two spaces an indent), byte for byte, but each line break and
/// its indent written at once instead of one write per level: most of the output is indent.
#[derive(Default)]
struct Pretty {
    depth: usize,
    has_value: bool,
}

/// `,` then a line break and the indents [`Pretty`] writes, sliced to the depth.
const BREAKS: &[u8; 2 + 2 * 32] =
    b",\n                                                                ";

impl Pretty {
    /// A line break (after a `,` unless `first`) and the indent of the current depth.
    fn break_line<W: ?Sized + std::io::Write>(
        &self,
        out: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        let from = usize::from(first);
        match BREAKS.get(from..2 + 2 * self.depth) {
            Some(line) => out.write_all(line),
            None => {
                out.write_all(&BREAKS[from..2])?;
                (0..self.depth).try_for_each(|_| out.write_all(b"  "))
            }
        }
    }

    fn open<W: ?Sized + std::io::Write>(
        &mut self,
        out: &mut W,
        mark: &[u8],
    ) -> std::io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        out.write_all(mark)
    }

    fn close<W: ?Sized + std::io::Write>(
        &mut self,
        out: &mut W,
        mark: &[u8],
    ) -> std::io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            self.break_line(out, true)?;
        }
        out.write_all(mark)
    }
}

impl serde_json::ser::Formatter for Pretty {
    fn begin_array<W: ?Sized + std::io::Write>(&mut self, out: &mut W) -> std::io::Result<()> {
        self.open(out, b"[")
    }

    fn end_array<W: ?Sized + std::io::Write>(&mut self, out: &mut W) -> std::io::Result<()> {
        self.close(out, b"]")
    }

    fn begin_array_value<W: ?Sized + std::io::Write>(
        &mut self,
        out: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.break_line(out, first)
    }

    fn end_array_value<W: ?Sized + std::io::Write>(&mut self, _: &mut W) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + std::io::Write>(&mut self, out: &mut W) -> std::io::Result<()> {
        self.open(out, b"{")
    }

    fn end_object<W: ?Sized + std::io::Write>(&mut self, out: &mut W) -> std::io::Result<()> {
        self.close(out, b"}")
    }

    fn begin_object_key<W: ?Sized + std::io::Write>(
        &mut self,
        out: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.break_line(out, first)
    }

    fn begin_object_value<W: ?Sized + std::io::Write>(
        &mut self,
        out: &mut W,
    ) -> std::io::Result<()> {
        out.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + std::io::Write>(&mut self, _: &mut W) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

/// The words of the CSV and Markdown exports: column names and kind names. [`MACHINE`] is the
/// CLI's; the app passes its own, in the language of its UI.
pub struct Labels {
    pub columns: [&'static str; 18],
    pub markdown: [&'static str; 10],
    pub kind: fn(Kind) -> &'static str,
}

/// The CLI's labels: English column names, kinds as in JSON.
pub const MACHINE: Labels = Labels {
    columns: [
        "source", "metric", "key", "subject", "kind", "value", "unit", "display", "basis",
        "versus", "bound", "target", "period", "when", "from", "text", "start", "end",
    ],
    markdown: [
        "metric", "subject", "kind", "value", "basis", "versus", "period", "when", "target", "text",
    ],
    kind: Kind::as_str,
};

/// One row per fact, RFC 4180 quoting, with a header.
pub fn csv(report: &Report) -> String {
    csv_with(report, &MACHINE)
}

/// [`csv`] with other column and kind names.
pub fn csv_with(report: &Report, labels: &Labels) -> String {
    let mut out = String::new();
    csv_record(&mut out, &labels.columns.map(String::from));
    for article in &report.articles {
        for card in &article.cards {
            for fact in &card.facts {
                let mut row = row(article, card, fact);
                row[4] = (labels.kind)(fact.kind).to_string();
                csv_record(&mut out, &row);
            }
        }
    }
    out
}

/// One CSV record: each cell as [`csv_cell`] writes it, then CRLF (the cards' and the compare
/// table's CSV alike).
pub fn csv_record(out: &mut String, cells: &[String]) {
    let cells: Vec<String> = cells.iter().map(|c| csv_cell(c)).collect();
    out.push_str(&cells.join(","));
    out.push_str("\r\n");
}

/// One Markdown table row of cells already escaped ([`md_cell`]).
pub fn markdown_row(out: &mut String, cells: &[String]) {
    let _ = writeln!(out, "| {} |", cells.join(" | "));
}

/// A Markdown table's header: its names, and the rule under them.
pub fn markdown_head(out: &mut String, names: &[String]) {
    markdown_row(out, names);
    let _ = writeln!(out, "|{}", "---|".repeat(names.len()));
}

/// One Markdown table per report, one row per fact.
pub fn markdown(report: &Report) -> String {
    markdown_with(report, &MACHINE)
}

/// [`markdown`] with other column and kind names.
pub fn markdown_with(report: &Report, labels: &Labels) -> String {
    let mut out = String::new();
    markdown_head(&mut out, &labels.markdown.map(String::from));
    for (card, fact) in report.facts() {
        let cells = [
            card.metric.clone(),
            card.subject.clone().unwrap_or_default(),
            (labels.kind)(fact.kind).to_string(),
            headline(fact),
            fact.basis.clone().unwrap_or_default(),
            fact.versus.clone().unwrap_or_default(),
            fact.period.clone().unwrap_or_default(),
            fact.when.clone().unwrap_or_default(),
            if fact.target {
                "目标".into()
            } else {
                String::new()
            },
            fact.text.clone(),
        ];
        let cells: Vec<String> = cells.iter().map(|c| md_cell(c)).collect();
        markdown_row(&mut out, &cells);
    }
    out
}

/// Aligned blocks for reading in a terminal: one block per card.
pub fn text(report: &Report) -> String {
    let mut out = String::new();
    for article in &report.articles {
        let _ = writeln!(
            out,
            "== {}{} ({} cards, {} facts)",
            article.source,
            article
                .title
                .as_deref()
                .map(|t| format!(": {t}"))
                .unwrap_or_default(),
            article.cards.len(),
            article.fact_count()
        );
        if article.cards.is_empty() {
            out.push_str("   (no indicators found)\n");
        }
        let mut section: Option<&str> = None;
        for card in &article.cards {
            if card.section.as_deref() != section {
                section = card.section.as_deref();
                if let Some(s) = section {
                    let _ = writeln!(out, "\n## {s}");
                }
            }
            out.push('\n');
            let subject = card
                .subject
                .as_deref()
                .map(|s| format!("  [{s}]"))
                .unwrap_or_default();
            let _ = writeln!(out, "{}{}", card.metric, subject);
            let lines: Vec<(String, String)> = card
                .facts
                .iter()
                .map(|f| {
                    let mut left = format!("{}  {}", f.kind.label_zh(), headline(f));
                    if f.target {
                        left.push_str("  [目标]");
                    }
                    match (&f.period, &f.when) {
                        (Some(p), Some(w)) => {
                            let _ = write!(left, "  ({p} = {w})");
                        }
                        (Some(p), None) => {
                            let _ = write!(left, "  ({p})");
                        }
                        _ => {}
                    }
                    (left, quote(f))
                })
                .collect();
            let widest = lines.iter().map(|(l, _)| width(l)).max().unwrap_or(0);
            for (left, quote) in lines {
                let pad = " ".repeat(widest - width(&left));
                let _ = writeln!(out, "  {left}{pad}  {quote}");
            }
        }
        out.push('\n');
    }
    out
}

/// The words a fact was read from, for the text view: a table's cell with its row and
/// column (`«-9.3»  [行 国有企业 | 列 比上年增长(%)]`), since the cell alone is a bare number.
fn quote(f: &Fact) -> String {
    let mut out = format!("«{}»", f.text);
    if let Some(cell) = &f.cell {
        let parts: Vec<String> = [("行", &cell.row), ("列", &cell.column)]
            .iter()
            .filter(|(_, t)| !t.is_empty())
            .map(|(what, t)| format!("{what} {t}"))
            .collect();
        if !parts.is_empty() {
            let _ = write!(out, "  [{}]", parts.join(" | "));
        }
    }
    out
}

/// The fact as a person states it: `同比 +8.4%`, `全国 +2.6个百分点`, `全省第3`, `≥7%`.
pub fn headline(fact: &Fact) -> String {
    let signed = || {
        if fact.value > 0.0 && !fact.display.starts_with(['+', '-', '≥', '≤', '约']) {
            format!("+{}", fact.display)
        } else {
            fact.display.clone()
        }
    };
    let with = |prefix: Option<&str>, body: String| match prefix {
        Some(p) if !p.is_empty() => format!("{p} {body}"),
        _ => body,
    };
    match fact.kind {
        Kind::Change => with(fact.basis.as_deref(), signed()),
        Kind::Gap => with(fact.versus.as_deref(), signed()),
        Kind::Contribution => match &fact.versus {
            Some(v) => format!("拉动{v} {}", fact.display),
            None => format!("拉动 {}", fact.display),
        },
        Kind::Rank | Kind::Streak => fact.display.clone(),
        Kind::Level | Kind::Share => match &fact.from_display {
            Some(from) => format!("{from} → {}", fact.display),
            None => fact.display.clone(),
        },
    }
}

fn row(article: &Article, card: &Card, fact: &Fact) -> [String; 18] {
    let opt = |o: &Option<String>| o.clone().unwrap_or_default();
    [
        article.source.clone(),
        card.metric.clone(),
        card.key.clone(),
        opt(&card.subject),
        fact.kind.as_str().to_string(),
        number(fact.value),
        fact.unit.clone(),
        fact.display.clone(),
        opt(&fact.basis),
        opt(&fact.versus),
        fact.bound
            .map(|b| b.as_str().to_string())
            .unwrap_or_default(),
        if fact.target {
            "true".into()
        } else {
            String::new()
        },
        opt(&fact.period),
        opt(&fact.when),
        fact.from.map(number).unwrap_or_default(),
        fact.text.clone(),
        fact.span[0].to_string(),
        fact.span[1].to_string(),
    ]
}

pub fn csv_cell(s: &str) -> String {
    // A leading = + - @ would run as a formula in a spreadsheet; a quote mark defuses it.
    let signed_number = s.strip_prefix('-').is_some_and(|r| {
        !r.is_empty()
            && r.chars()
                .all(|c| c.is_ascii_digit() || matches!(c, '.' | '%'))
    });
    let s = if s.starts_with(['=', '+', '@']) || (s.starts_with('-') && !signed_number) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

/// A Markdown table cell: pipes and backslashes escaped, line breaks as spaces.
pub fn md_cell(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace(['\n', '\r'], " ")
}

/// Terminal columns of a string: CJK and full-width forms take two.
pub fn width(s: &str) -> usize {
    s.chars()
        .map(|c| {
            let u = c as u32;
            let wide = (0x1100..=0x115F).contains(&u)
                || (0x2E80..=0xA4CF).contains(&u)
                || (0xAC00..=0xD7A3).contains(&u)
                || (0xF900..=0xFAFF).contains(&u)
                || (0xFE30..=0xFE4F).contains(&u)
                || (0xFF00..=0xFF60).contains(&u)
                || (0xFFE0..=0xFFE6).contains(&u)
                || (0x20000..=0x3FFFD).contains(&u);
            if wide {
                2
            } else {
                1
            }
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_is_laid_out_as_serde_json_pretty() {
        let deep = (0..40).fold(serde_json::json!([1, "a\n\"b\"", 2.5e-7]), |inner, depth| {
            serde_json::json!({ "depth": depth, "empty": [], "none": {}, "inner": [inner, null] })
        });
        let report = Report {
            articles: vec![crate::analyze(
                "a.txt",
                "国内生产总值26450亿元，同比增长5.2%。",
            )],
        };
        let values = [
            deep,
            serde_json::json!([]),
            serde_json::json!({}),
            serde_json::json!([[], {}, [[]]]),
            serde_json::to_value(&report).unwrap(),
        ];
        for value in &values {
            let mut out = Vec::new();
            pretty(&mut out, value).unwrap();
            let want = serde_json::to_string_pretty(value).unwrap();
            assert_eq!(String::from_utf8(out).unwrap(), want);
        }
        assert_eq!(
            json(&report).unwrap(),
            serde_json::to_string_pretty(&report).unwrap()
        );
    }

    #[test]
    fn csv_cells_are_quoted_and_defused() {
        // (cell, as written to CSV)
        let cases = [
            ("汽车", "汽车"),
            ("-7.2%", "-7.2%"),
            ("-15", "-15"),
            ("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\""),
            ("-1+1", "'-1+1"),
            ("+1", "'+1"),
            ("a,b", "\"a,b\""),
            ("第一行\n第二行", "\"第一行\n第二行\""),
            ("", ""),
            ("-", "'-"),
        ];
        for (cell, want) in cases {
            assert_eq!(csv_cell(cell), want, "{cell}");
        }
    }

    #[test]
    fn table_cells_read_with_their_row_and_column() {
        let article = crate::analyze(
            "t.html",
            "<p>表2 2024年某市主要产品产量</p><table><tr><td>产品名称</td><td>单位</td>\
             <td>产量</td><td>比上年增长(%)</td></tr><tr><td>水泥</td><td>万吨</td>\
             <td>612.8</td><td>-4.6</td></tr><tr><td>服装</td><td>万件</td>\
             <td>35.2</td><td>3.1</td></tr></table>",
        );
        let out = text(&Report {
            articles: vec![article],
        });
        for line in [
            "规模  612.8万吨  (2024年 = 2024)     «612.8»  [行 水泥 | 列 产量]",
            "增长  比上年 -4.6%  (2024年 = 2024)  «-4.6»  [行 水泥 | 列 比上年增长(%)]",
            "增长  比上年 +3.1%  (2024年 = 2024)  «3.1»  [行 服装 | 列 比上年增长(%)]",
        ] {
            assert!(out.contains(line), "{line:?} not in\n{out}");
        }
        // Prose facts quote their words alone.
        let prose = text(&Report {
            articles: vec![crate::analyze("p.txt", "全市地区生产总值752.1亿元。")],
        });
        assert!(prose.contains("«全市地区生产总值752.1亿元»\n"), "{prose}");
    }

    #[test]
    fn markdown_cells_escape_pipes_and_breaks() {
        assert_eq!(md_cell("a|b\nc"), "a\\|b c");
    }
}
