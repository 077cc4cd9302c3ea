//! Tables: a statistical communiqué's 主要产品产量 (an HTML `<table>`, which the normaliser
//! turns into pipe rows), a Markdown table, an annual report's space-aligned table copied out
//! of a PDF. Each is read as a grid, not as prose: one fact per numeric cell, its metric the
//! row's label with the column's measure (饲料 + 产量 → 饲料产量), its unit from the header
//! (`(万人)`), a unit column or a `单位：元` line, its kind from the header's words
//! (比上年增长 → a change, 占营业收入比重 → a share), its period from a year heading a column, a
//! column of years or the title (表5 2025年…).
//!
//! Contract: [`read`] takes the normalised chars and their lines and gives each table it
//! found with the lines it covers (which the prose reader then skips) and its facts, each
//! spanning its cell. Lines that are not a table are left alone. Work is linear in the text:
//! each line is split once and each table's header is looked for a bounded distance above it.

use super::Span;
use crate::model::Kind;
use crate::quantity::number::scale_at;
use crate::text::segment::Line;
use crate::vocab::{Words, VOCAB};

/// One numeric cell read as a fact.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct CellFact {
    pub(crate) metric: String,
    pub(crate) kind: Kind,
    pub(crate) value: f64,
    pub(crate) unit: String,
    pub(crate) display: String,
    pub(crate) basis: Option<String>,
    pub(crate) period: Option<String>,
    /// The number in the cell.
    pub(crate) cell: Span,
    /// The row's first char: the fact quotes its row up to the cell.
    pub(crate) row_start: usize,
    /// The row's index in its table: the facts of one row and metric form one card.
    pub(crate) row: usize,
    /// The row's label and the column's header as written, for a reader to find the cell.
    pub(crate) row_label: String,
    pub(crate) column: String,
}

/// A table: the lines it covers (indices into the lines given) and its facts.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Table {
    pub(crate) first_line: usize,
    pub(crate) end_line: usize,
    pub(crate) facts: Vec<CellFact>,
}

/// How far above a table its title, unit line and header lines are looked for.
const HEADER_LINES: usize = 6;
/// Longest line read as a header or a title: longer is prose.
const HEADER_LEN: usize = 60;
/// Longest row label: longer is prose with numbers in it.
const LABEL_LEN: usize = 24;

/// A number written in a cell.
#[derive(Debug, Clone, PartialEq)]
struct Number {
    /// The digits without separators, with its sign (`-9.3`, `10584.37`).
    digits: String,
    percent: bool,
    span: Span,
}

/// One cell of a row: its text and, when it is one, its number.
#[derive(Debug, Clone)]
struct Cell {
    text: String,
    number: Option<Number>,
}

/// A line split into cells.
#[derive(Debug, Clone)]
struct Row {
    start: usize,
    cells: Vec<Cell>,
    /// Written with pipes (Markdown, or HTML through the normaliser): its cells line up with
    /// the header's.
    piped: bool,
}

impl Row {
    fn numbers(&self) -> usize {
        self.cells.iter().filter(|c| c.number.is_some()).count()
    }
    fn label(&self) -> Option<&Cell> {
        self.cells.iter().find(|c| c.number.is_none())
    }
}

fn text(chars: &[char], s: Span) -> String {
    chars[s.start..s.end].iter().collect()
}

/// Trim spaces off a span.
fn trim(chars: &[char], mut s: Span) -> Span {
    while s.start < s.end && chars[s.start] == ' ' {
        s.start += 1;
    }
    while s.end > s.start && chars[s.end - 1] == ' ' {
        s.end -= 1;
    }
    s
}

/// The number a cell holds: sign, digits with thousands separators, a decimal part, `%`,
/// then nothing or a remark in parentheses (`18,892.83 (约1.89亿)`).
fn number(chars: &[char], s: Span) -> Option<Number> {
    let mut i = s.start;
    let mut digits = String::new();
    if i < s.end && matches!(chars[i], '-' | '+') {
        if chars[i] == '-' {
            digits.push('-');
        }
        i += 1;
    }
    let first = i;
    let mut point = false;
    while i < s.end {
        let c = chars[i];
        if c.is_ascii_digit() {
            digits.push(c);
        } else if c == ',' && i > first && chars.get(i + 1).is_some_and(char::is_ascii_digit) {
        } else if c == '.'
            && !point
            && i > first
            && chars.get(i + 1).is_some_and(char::is_ascii_digit)
        {
            point = true;
            digits.push('.');
        } else {
            break;
        }
        i += 1;
    }
    if i == first {
        return None;
    }
    let end = i;
    let percent = chars.get(i) == Some(&'%') && i < s.end;
    if percent {
        i += 1;
    }
    while i < s.end && chars[i] == ' ' {
        i += 1;
    }
    if i < s.end && chars[i] != '(' {
        return None;
    }
    Some(Number {
        digits,
        percent,
        span: Span {
            start: s.start,
            end: end + usize::from(percent),
        },
    })
}

/// A year or a span of years as a column heads or a row is labelled (2024年, 2017-2024年).
fn period(t: &str) -> Option<String> {
    let year_mark = VOCAB.marks.year;
    let t: String = t.chars().filter(|c| *c != ' ').collect();
    let body = t.strip_suffix(year_mark).unwrap_or(&t);
    let year = |y: &str| y.len() == 4 && y.chars().all(|c| c.is_ascii_digit());
    let ok = match body.split_once('-') {
        Some((a, b)) => year(a) && year(b),
        None => year(body),
    };
    (ok && t.ends_with(year_mark)).then(|| t.clone())
}

/// The first year named in a title (表5 2025年周口市…).
fn year_in(t: &str) -> Option<String> {
    let cs: Vec<char> = t.chars().collect();
    (0..cs.len().saturating_sub(4)).find_map(|i| {
        let four = cs[i..i + 4].iter().all(char::is_ascii_digit);
        let apart = i == 0 || !cs[i - 1].is_ascii_digit();
        (four && apart && cs[i + 4] == VOCAB.marks.year).then(|| cs[i..i + 5].iter().collect())
    })
}

/// Split a line into cells: at pipes when it has them, else at spaces, with a label glued to
/// its first number split off (`装备制造96.70%`).
impl Text<'_> {
    /// The line's text with the spaces the input had between its words.
    fn spaced(&self, li: usize) -> String {
        let l = &self.lines[li];
        let mut out = String::new();
        for i in l.start..l.end {
            if i > l.start && self.apart(i) {
                out.push(' ');
            }
            out.push(self.chars[i]);
        }
        out
    }

    /// Whether the input had a gap before char `i` that parts two cells: not between a number
    /// and the word after it (`2024 年`).
    fn apart(&self, i: usize) -> bool {
        let (a, b) = (self.chars[i - 1], self.chars[i]);
        let number_and_word = a.is_ascii_digit() && !b.is_ascii_digit();
        a != ' ' && b != ' ' && !number_and_word && (self.gap)(i)
    }

    /// Whether line `li` may be a table's row: piped, or ending in a cell that holds a
    /// number (a space-aligned row's last cell is one). Most lines are prose that is neither,
    /// and are passed over without building their cells.
    fn may_be_row(&self, li: usize) -> bool {
        let (chars, line) = (self.chars, &self.lines[li]);
        if line.start == line.end {
            return false;
        }
        if chars[line.start..line.end].contains(&'|') {
            return true;
        }
        // The last cell starts after the last space or gap, as `split` parts them.
        let from = (line.start..line.end)
            .rev()
            .find_map(|i| match chars[i] {
                ' ' => Some(i + 1),
                _ if i > line.start && self.apart(i) => Some(i),
                _ => None,
            })
            .unwrap_or(line.start);
        let last = trim(
            chars,
            Span {
                start: from,
                end: line.end,
            },
        );
        last.start == last.end || number(chars, last).is_some()
    }

    fn split(&self, li: usize) -> Row {
        let (chars, line) = (self.chars, &self.lines[li]);
        let s = Span {
            start: line.start,
            end: line.end,
        };
        let pipes = (s.start..s.end).filter(|&i| chars[i] == '|').count();
        let piped = chars[s.start] == '|' || pipes >= 2;
        let mut cells = Vec::new();
        let sep = if piped { '|' } else { ' ' };
        let mut from = s.start;
        for i in s.start..=s.end {
            let gap = !piped && i > from && i < s.end && self.apart(i);
            if i == s.end || chars[i] == sep || gap {
                let span = trim(
                    chars,
                    Span {
                        start: from,
                        end: i,
                    },
                );
                let edge = from == s.start || i == s.end;
                if span.start < span.end || (piped && !edge) {
                    cells.push(span);
                }
                from = if gap { i } else { i + 1 };
            }
        }
        let mut out = Vec::with_capacity(cells.len() + 1);
        for (k, span) in cells.into_iter().enumerate() {
            // A label and its first number with no space between (the normaliser drops it).
            let glued = (span.start..span.end)
                .find(|&i| chars[i].is_ascii_digit() || chars[i] == '-')
                .filter(|&i| i > span.start && crate::text::script::han(chars[i - 1]));
            match glued {
                Some(at)
                    if !piped && k == 0 && number(chars, Span { start: at, ..span }).is_some() =>
                {
                    let label = Span { end: at, ..span };
                    let num = Span { start: at, ..span };
                    out.push(cell(chars, label));
                    out.push(cell(chars, num));
                }
                _ => out.push(cell(chars, span)),
            }
        }
        Row {
            start: s.start,
            cells: out,
            piped,
        }
    }
}

fn cell(chars: &[char], span: Span) -> Cell {
    Cell {
        text: text(chars, span),
        number: number(chars, span),
    }
}

/// A Markdown rule row (`| :--- | ---: |`).
fn is_rule(row: &Row) -> bool {
    row.piped
        && !row.cells.is_empty()
        && row.cells.iter().all(|c| {
            !c.text.is_empty()
                && c.text
                    .chars()
                    .all(|ch| matches!(ch, '-' | ':' | '：' | ' '))
        })
}

/// Does a line read as prose rather than a table's header or title?
fn prose(t: &str) -> bool {
    t.chars().count() > HEADER_LEN || t.contains(['。', '，', '；', '！', '？'])
}

/// A data row of a space-aligned table: an optional short label then numbers only.
fn space_row(row: &Row) -> bool {
    let mut seen_number = false;
    for c in &row.cells {
        match &c.number {
            Some(_) => seen_number = true,
            None if seen_number || c.text.chars().count() > LABEL_LEN => return false,
            None => {}
        }
    }
    seen_number
}

/// Leftover digits of numbers a PDF broke over two lines, and page numbers: short digit
/// runs only (`2 7`, `19`).
fn is_tails(row: &Row) -> bool {
    row.cells.iter().all(|c| {
        c.number.as_ref().is_some_and(|n| {
            !n.percent && c.text.len() <= 3 && c.text.chars().all(|ch| ch.is_ascii_digit())
        })
    })
}

/// Whether a line of numbers alone is the tail of `row` wrapped onto the next line (a PDF
/// copy cut at a fixed width): the row is short of `width` cells and the two together are
/// not over it. Amounts before their label's line (a PDF's own layout) follow a full row.
fn wraps(row: &Row, next: &Row, width: usize) -> bool {
    next.label().is_none() && row.numbers() < width && row.numbers() + next.numbers() <= width
}

/// Where the input had spaces the normaliser dropped (between Han words: `金额 占营业收入比重`):
/// `gap(i)` tells whether one stood before char `i`. A table's columns are apart there.
pub(crate) type Gaps<'g> = &'g dyn Fn(usize) -> bool;

/// Find the tables among `lines`.
pub(crate) fn read(chars: &[char], lines: &[Line], gap: Gaps) -> Vec<Table> {
    let t = Text { chars, lines, gap };
    t.tables()
}

/// The text the tables are read from.
struct Text<'a> {
    chars: &'a [char],
    lines: &'a [Line],
    gap: Gaps<'a>,
}

impl Text<'_> {
    fn tables(&self) -> Vec<Table> {
        let lines = self.lines;
        let mut tables = Vec::new();
        let mut i = 0;
        while i < lines.len() {
            if !self.may_be_row(i) {
                i += 1;
                continue;
            }
            let row = self.split(i);
            let found = if row.piped {
                self.piped_table(i)
            } else if space_row(&row) && row.numbers() >= 2 && !is_tails(&row) {
                self.space_table(i)
            } else {
                None
            };
            match found {
                Some(t) if t.end_line > i => {
                    i = t.end_line;
                    if !t.facts.is_empty() {
                        tables.push(t);
                    }
                }
                _ => i += 1,
            }
        }
        tables
    }
}

/// What a table says above its grid: its title's topic and period, a unit for every cell.
#[derive(Default, Debug)]
struct Above {
    topic: Option<String>,
    period: Option<String>,
    unit: Option<String>,
    /// Header lines of a space-aligned table, top first.
    headers: Vec<String>,
    first_line: usize,
}

/// Read the lines above line `top` that belong to its table: a `单位：元` line, a title
/// (表4 …, （1）营业收入构成), and, for a table without pipes, its header lines.
impl Text<'_> {
    fn above(&self, top: usize, want_headers: bool) -> Above {
        let (chars, lines) = (self.chars, self.lines);
        let mut a = Above {
            first_line: top,
            ..Above::default()
        };
        let mut k = top;
        while k > 0 && top - k < HEADER_LINES {
            let l = &lines[k - 1];
            let t = text(
                chars,
                Span {
                    start: l.start,
                    end: l.end,
                },
            );
            if prose(&t) || t.contains('|') {
                break;
            }
            let cs: Vec<char> = t.chars().collect();
            if let Some(w) = VOCAB.table.unit.at(&cs, 0) {
                let rest: String = cs[w.chars().count()..]
                    .iter()
                    .skip_while(|c| matches!(c, '：' | ':' | ' '))
                    .collect();
                if !rest.is_empty() && rest.chars().count() <= 6 {
                    a.unit = Some(rest);
                    a.first_line = k - 1;
                    k -= 1;
                    continue;
                }
            }
            let titled = VOCAB.table.title_lead.at(&cs, 0).is_some()
                || (cs.first() == Some(&'(') && cs.get(2) == Some(&')'))
                || VOCAB.table.title.ending(&cs, cs.len()).is_some();
            if titled {
                a.period = year_in(&t);
                a.topic = topic(&cs);
                a.first_line = k - 1;
                break;
            }
            if !want_headers || l.noise && !cs.iter().any(|&c| crate::text::script::han(c)) {
                break;
            }
            if l.noise {
                k -= 1;
                continue;
            }
            a.headers.insert(0, self.spaced(k - 1));
            a.first_line = k - 1;
            k -= 1;
        }
        a
    }
}

/// What a title says the table is about: 营业收入构成 → 营业收入. Only a short topic, and only
/// after a title word, is one: a long title names the table, not a measure.
fn topic(cs: &[char]) -> Option<String> {
    let end = cs.len() - VOCAB.table.title.ending(cs, cs.len())?.chars().count();
    let start = cs[..end]
        .iter()
        .rposition(|c| !crate::text::script::han(*c))
        .map_or(0, |p| p + 1);
    let t: String = cs[start..end].iter().collect();
    (2..=8).contains(&t.chars().count()).then_some(t)
}

/// One column of a table.
#[derive(Debug, Clone, Default)]
struct Column {
    /// The header as written (比上年增长(%), 2025年 金额).
    header: String,
    /// The header's words without the unit (在校生人数, 比上年增长, 占营业收入比重).
    measure: String,
    /// Scale exponent and unit from the header (`(万人)` → 4, 人; `(%)` → 0, %).
    unit: Option<(i32, String)>,
    kind: Option<Kind>,
    basis: Option<String>,
    period: Option<String>,
    role: Role,
}

#[derive(Debug, Clone, Copy, Default, PartialEq)]
enum Role {
    #[default]
    Value,
    Label,
    Unit,
    Period,
}

/// A unit as written (万吨, 元, %): its scale exponent and the unit without it.
fn unit_of(t: &str) -> Option<(i32, String)> {
    let cs: Vec<char> = t.chars().filter(|c| *c != ' ').collect();
    if cs.is_empty()
        || cs.len() > 8
        || !cs.iter().all(|c| crate::text::script::han(*c) || *c == '%')
    {
        return None;
    }
    let (exp, skip) = scale_at(&cs, 0).map_or((0, 0), |(w, e)| (e, w.chars().count()));
    let rest: String = cs[skip..].iter().collect();
    (!rest.is_empty()).then_some((exp, rest))
}

/// A header cell into a column: `在校生人数 (万人)`, `比上年增长(%)`, `同比增长`.
fn column(t: &str) -> Column {
    let header = t.trim().to_string();
    let t: String = t.chars().filter(|c| *c != ' ').collect();
    let cs: Vec<char> = t.chars().collect();
    let mut col = Column {
        header,
        ..Column::default()
    };
    let open = t.find('(');
    let (measure, unit) = match open {
        Some(b) => {
            let inner = t[b + 1..].trim_end_matches(')');
            (t[..b].to_string(), unit_of(inner))
        }
        None => (t.clone(), None),
    };
    col.unit = unit;
    if VOCAB.table.label.is(&cs) {
        col.role = Role::Label;
    } else if VOCAB.table.unit.is(&cs) {
        col.role = Role::Unit;
    } else if VOCAB.table.period.is(&cs) {
        col.role = Role::Period;
    }
    col.period = period(&measure);
    let mcs: Vec<char> = measure.chars().collect();
    let has = |w: &Words| (0..mcs.len()).any(|i| w.at(&mcs, i).is_some());
    col.kind = if has(&VOCAB.table.change) {
        Some(Kind::Change)
    } else if has(&VOCAB.table.share) {
        Some(Kind::Share)
    } else if col.unit.as_ref().is_some_and(|(_, u)| u == "%") {
        None
    } else {
        Some(Kind::Level)
    };
    col.basis = (0..mcs.len()).find_map(|i| VOCAB.basis.at(&mcs, i).map(str::to_string));
    col.measure = measure;
    col
}

/// Read a table of pipe rows starting at line `top`.
impl Text<'_> {
    fn piped_table(&self, top: usize) -> Option<Table> {
        let lines = self.lines;
        let mut rows = Vec::new();
        let mut k = top;
        while k < lines.len() {
            let row = self.split(k);
            if !row.piped {
                break;
            }
            rows.push(row);
            k += 1;
        }
        if rows.len() < 2 {
            return None;
        }
        // The header: rows before the rule, or the first row when it holds no number.
        let rule = rows.iter().position(is_rule);
        let head = match rule {
            Some(r) if r > 0 => r - 1,
            _ if rows[0].numbers() == 0 => 0,
            _ => return Some(Table::empty(top, k)),
        };
        // A second header with its rule starts the next table (blank lines between are gone).
        if let Some(next) = rows.iter().skip(head + 2).position(is_rule) {
            let cut = head + 2 + next - 1;
            rows.truncate(cut);
            k = top + cut;
        }
        let columns: Vec<Column> = rows[head].cells.iter().map(|c| column(&c.text)).collect();
        let body: Vec<&Row> = rows[head + 1..].iter().filter(|r| !is_rule(r)).collect();
        let above = self.above(top, false);
        let mut grid = Grid::new(columns, above);
        grid.label_column(&body);
        let mut facts = Vec::new();
        for (ri, row) in body.iter().enumerate() {
            grid.read_row(row, ri, &row.cells.iter().collect::<Vec<_>>(), &mut facts);
        }
        Some(Table {
            first_line: grid.above.first_line.min(top),
            end_line: k,
            facts,
        })
    }
}

impl Table {
    fn empty(first_line: usize, end_line: usize) -> Table {
        Table {
            first_line,
            end_line,
            facts: Vec::new(),
        }
    }
}

/// A space-aligned table from its first data row at `top`: rows of a label and numbers, with
/// what a PDF copy breaks them into (a line of amounts before its label's line, the last
/// digits of long amounts on a line of their own, group labels like 分行业, page furniture).
impl Text<'_> {
    fn space_table(&self, top: usize) -> Option<Table> {
        let (chars, lines) = (self.chars, self.lines);
        let mut rows: Vec<Row> = Vec::new();
        let mut pending: Option<Row> = None;
        let mut k = top;
        let mut end = top;
        let above = self.above(top, true);
        // Cells a row should have: the header's columns, or the fullest row so far.
        let header_width = header_columns(&above.headers, usize::MAX).len() - 1;
        // The last line read was a row (page furniture aside): a line of numbers alone may be
        // its wrapped tail.
        let mut after_row = false;
        while k < lines.len() {
            let l = &lines[k];
            // Page furniture is never a row: its numbers are left out, not read (fuzz: a
            // Latin line under a one-word header gave a cell fact inside a left-out part).
            if l.noise {
                k += 1;
                continue;
            }
            let row = self.split(k);
            let was_row = std::mem::replace(&mut after_row, false);
            if is_tails(&row) {
                k += 1;
                continue;
            }
            if space_row(&row) {
                let width = rows.iter().map(Row::numbers).fold(header_width, usize::max);
                let last = rows.last_mut().filter(|_| was_row && pending.is_none());
                if let Some(last) = last.filter(|r| wraps(r, &row, width)) {
                    // A row a copy hard-wrapped: its tail goes back on it.
                    last.cells.extend(row.cells);
                    after_row = true;
                    end = k + 1;
                } else if row.label().is_none() {
                    // Amounts whose label is on the next line.
                    if pending.is_some() {
                        break;
                    }
                    pending = Some(row);
                } else {
                    let mut row = row;
                    if let Some(p) = pending.take() {
                        let label = row.cells.remove(0);
                        let mut cells = vec![label];
                        cells.extend(p.cells);
                        cells.extend(row.cells);
                        row.cells = cells;
                    }
                    rows.push(row);
                    after_row = true;
                    end = k + 1;
                }
                k += 1;
                continue;
            }
            let t = text(
                chars,
                Span {
                    start: l.start,
                    end: l.end,
                },
            );
            // Group labels (分行业) and page furniture between rows.
            let short_label = t.chars().count() <= 8 && !prose(&t) && pending.is_none();
            if l.noise || short_label {
                k += 1;
                continue;
            }
            break;
        }
        if rows.len() < 2 {
            return None;
        }
        let width = rows.iter().map(Row::numbers).max().unwrap_or(0);
        let columns = header_columns(&above.headers, width);
        let grid = Grid::new(columns, above);
        let mut facts = Vec::new();
        for (ri, row) in rows.iter().enumerate() {
            let cells = grid.assign(row);
            grid.read_row(row, ri, &cells, &mut facts);
        }
        Some(Table {
            first_line: grid.above.first_line.min(top),
            end_line: end,
            facts,
        })
    }
}

/// The columns of a space-aligned table from its header lines: the line with the most words
/// gives the leaf measures (金额 占营业收入比重 金额 占营业收入比重), a line of years groups
/// them (2025年 2024年), a line of one word adds a column after them (同比增减). The first
/// column is the rows' labels.
fn header_columns(headers: &[String], width: usize) -> Vec<Column> {
    let words = |h: &String| -> Vec<String> {
        h.split(' ')
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect()
    };
    let lines: Vec<Vec<String>> = headers.iter().map(words).collect();
    let years: Vec<String> = lines
        .iter()
        .find(|l| l.len() > 1 && l.iter().all(|w| period(w).is_some()))
        .cloned()
        .unwrap_or_default();
    let leaf = lines
        .iter()
        .filter(|l| l.iter().all(|w| period(w).is_none()))
        .max_by_key(|l| l.len())
        .cloned()
        .unwrap_or_default();
    let mut cols: Vec<Column> = leaf
        .iter()
        .enumerate()
        .map(|(i, w)| {
            let mut c = column(w);
            if !years.is_empty() {
                let year = years[i * years.len() / leaf.len()].clone();
                c.header = format!("{year} {}", c.header);
                c.period = Some(year);
            }
            c
        })
        .collect();
    for l in &lines {
        if l.len() == 1 && period(&l[0]).is_none() && Some(l) != Some(&leaf) {
            let mut c = column(&l[0]);
            c.period = years.first().cloned();
            cols.push(c);
        }
    }
    cols.truncate(width);
    let mut out = vec![Column {
        role: Role::Label,
        ..Column::default()
    }];
    out.extend(cols);
    out
}

/// A table's columns with what is known above it, reading rows into facts.
struct Grid {
    columns: Vec<Column>,
    above: Above,
    /// The measure of the table's first column of amounts: what its changes change.
    base: Option<String>,
    label: usize,
}

impl Grid {
    fn new(columns: Vec<Column>, above: Above) -> Grid {
        let label = columns
            .iter()
            .position(|c| c.role == Role::Label)
            .unwrap_or(0);
        let mut grid = Grid {
            columns,
            above,
            base: None,
            label,
        };
        grid.find_base();
        grid
    }

    /// The measure a change column changes: the first column of amounts'.
    fn find_base(&mut self) {
        self.base = self
            .columns
            .iter()
            .enumerate()
            .find(|(k, c)| *k != self.label && c.role == Role::Value && c.kind == Some(Kind::Level))
            .map(|(_, c)| c.measure.clone())
            .filter(|m| !m.is_empty() && !generic(m));
    }

    /// The label column of a pipe table: a header word says so, else the first column whose
    /// cells are words.
    fn label_column(&mut self, body: &[&Row]) {
        if self.columns.iter().any(|c| c.role == Role::Label) {
            return;
        }
        let words = |k: usize| {
            body.iter()
                .all(|r| r.cells.get(k).is_none_or(|c| c.number.is_none()))
        };
        let years = |k: usize| {
            body.iter()
                .all(|r| r.cells.get(k).is_none_or(|c| period(&c.text).is_some()))
        };
        for k in 0..self.columns.len() {
            if self.columns[k].role != Role::Value || !words(k) {
                continue;
            }
            if years(k) && k > 0 {
                self.columns[k].role = Role::Period;
            } else if k == 0 {
                self.columns[k].role = Role::Label;
                self.label = 0;
            } else if body
                .iter()
                .all(|r| r.cells.get(k).is_none_or(|c| unit_of(&c.text).is_some()))
            {
                self.columns[k].role = Role::Unit;
            } else {
                // Notes, sources: words that are no part of a fact.
                self.columns[k].role = Role::Unit;
                self.columns[k].measure.clear();
                self.columns[k].kind = None;
            }
        }
        self.find_base();
    }

    /// The cells of a space-aligned row, lined up with the columns: the label, then numbers
    /// in order; when a row has fewer or more numbers than columns (a broken line), amounts
    /// go to the amount columns and percentages to the percentage columns, in order.
    fn assign<'r>(&self, row: &'r Row) -> Vec<&'r Cell> {
        let label = row.cells.iter().find(|c| c.number.is_none());
        let nums: Vec<&Cell> = row.cells.iter().filter(|c| c.number.is_some()).collect();
        let values = self.columns.len() - 1;
        let mut out: Vec<Option<&Cell>> = vec![label];
        let rate = |c: &Column| c.kind != Some(Kind::Level);
        let percent = |n: &&Cell| n.number.as_ref().is_some_and(|n| n.percent);
        let in_order = nums.len() == values
            && (nums
                .iter()
                .zip(&self.columns[1..])
                .all(|(n, c)| percent(n) == rate(c))
                || !nums.iter().any(percent));
        if in_order {
            out.extend(nums.iter().map(|c| Some(*c)));
        } else {
            let mut pct = nums
                .iter()
                .filter(|c| c.number.as_ref().is_some_and(|n| n.percent));
            let mut plain = nums
                .iter()
                .filter(|c| c.number.as_ref().is_some_and(|n| !n.percent));
            for col in &self.columns[1..] {
                out.push(if rate(col) { pct.next() } else { plain.next() }.copied());
            }
        }
        // A missing cell stays a gap: an empty label keeps its place.
        let empty = &row.cells[0];
        out.into_iter()
            .map(|c| c.unwrap_or(empty))
            .collect::<Vec<_>>()
            .into_iter()
            .enumerate()
            .map(|(k, c)| {
                if k > 0 && c.number.is_none() {
                    empty
                } else {
                    c
                }
            })
            .collect()
    }

    fn read_row(&self, row: &Row, ri: usize, cells: &[&Cell], facts: &mut Vec<CellFact>) {
        let label_cell = cells.get(self.label).filter(|c| c.number.is_none());
        let raw_label = label_cell.map(|c| c.text.clone()).unwrap_or_default();
        let row_period = period(&raw_label).or_else(|| {
            self.columns
                .iter()
                .zip(cells)
                .find(|(col, _)| col.role == Role::Period)
                .and_then(|(_, c)| period(&c.text))
        });
        let label = if row_period.is_some() && period(&raw_label).is_some() {
            String::new()
        } else {
            clean_label(&raw_label)
        };
        let row_unit = self
            .columns
            .iter()
            .zip(cells)
            .find(|(col, _)| col.role == Role::Unit && !col.measure.is_empty())
            .and_then(|(_, c)| unit_of(&c.text));
        for (k, (col, cell)) in self.columns.iter().zip(cells).enumerate() {
            if col.role != Role::Value || k == self.label {
                continue;
            }
            let Some(num) = &cell.number else { continue };
            if let Some(f) = self.fact(col, num, &label, row_unit.as_ref(), &row_period) {
                facts.push(CellFact {
                    row_start: row.start,
                    row: ri,
                    row_label: raw_label.clone(),
                    column: col.header.clone(),
                    ..f
                });
            }
        }
    }

    fn fact(
        &self,
        col: &Column,
        num: &Number,
        label: &str,
        row_unit: Option<&(i32, String)>,
        row_period: &Option<String>,
    ) -> Option<CellFact> {
        let table_unit = self.above.unit.as_deref().and_then(unit_of);
        let kind = match col.kind {
            Some(k) => k,
            None if num.percent => Kind::Share,
            None => return None,
        };
        let (exp, unit) = if num.percent || kind != Kind::Level {
            (0, "%".to_string())
        } else {
            col.unit
                .clone()
                .or_else(|| row_unit.cloned())
                .or(table_unit)?
        };
        if unit == "%" && kind == Kind::Level {
            return None;
        }
        let measure = &col.measure;
        let total = |l: &str| {
            let cs: Vec<char> = l.chars().collect();
            VOCAB.table.total.is(&cs)
        };
        let topic = self.above.topic.clone().unwrap_or_default();
        let name_of = |m: &str| -> String {
            if label.is_empty() {
                m.to_string()
            } else if total(label) {
                format!("{m}{label}")
            } else if label.contains(m) {
                label.to_string()
            } else {
                format!("{label}{m}")
            }
        };
        let metric =
            match kind {
                Kind::Level if measure.is_empty() || generic(measure) => name_of(&topic),
                Kind::Level | Kind::Share => name_of(measure),
                _ => name_of(self.base.as_deref().unwrap_or(if topic.is_empty() {
                    ""
                } else {
                    &topic
                })),
            };
        if metric.chars().count() < 2 {
            return None;
        }
        let value = crate::quantity::decimal::parse(&format!("{}e{exp}", num.digits))?;
        let value = value.is_finite().then_some(value)?;
        // The scale word of that power of ten (`scales.txt`): 4 → 万, 12 → 万亿.
        let scale = VOCAB
            .scales
            .iter()
            .find(|&&(_, power)| power == exp)
            .map_or("", |&(w, _)| w);
        Some(CellFact {
            metric,
            kind,
            value,
            display: format!("{}{scale}{unit}", num.digits),
            unit,
            basis: (kind == Kind::Change).then(|| col.basis.clone()).flatten(),
            period: col
                .period
                .clone()
                .or_else(|| row_period.clone())
                .or_else(|| self.above.period.clone()),
            cell: num.span,
            row_start: 0,
            row: 0,
            row_label: String::new(),
            column: String::new(),
        })
    }
}

fn generic(m: &str) -> bool {
    let cs: Vec<char> = m.chars().collect();
    VOCAB.table.generic.is(&cs)
}

/// A row label without what only structures the table: `在总计中：轻工业` → 轻工业, `0岁 (婴儿)`
/// → 0岁.
fn clean_label(t: &str) -> String {
    let t = t.rsplit(['：', ':']).next().unwrap_or(t);
    let mut out = String::new();
    let mut depth = 0;
    for c in t.chars() {
        match c {
            '(' => depth += 1,
            ')' if depth > 0 => depth -= 1,
            ' ' => {}
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::normalize::normalize;
    use crate::text::segment;

    /// Each fact as `metric kind value unit basis period`.
    fn facts(input: &str) -> Vec<String> {
        let n = normalize(input);
        let chars: Vec<char> = n.text.chars().collect();
        let lines = segment::lines(&chars, &n.headings);
        let opt = |o: Option<String>| o.unwrap_or_else(|| "-".into());
        read(&chars, &lines, &|_| false)
            .into_iter()
            .flat_map(|t| t.facts)
            .map(|f| {
                let (kind, basis, period) = (f.kind.as_str(), opt(f.basis), opt(f.period));
                format!(
                    "{} {kind} {} {} {basis} {period}",
                    f.metric, f.value, f.unit
                )
            })
            .collect()
    }

    #[test]
    fn numbers_in_cells() {
        let cs: Vec<char> = "18,892.83 (约1.89亿)".chars().collect();
        let n = number(
            &cs,
            Span {
                start: 0,
                end: cs.len(),
            },
        )
        .unwrap();
        assert_eq!(n.digits, "18892.83");
        let cs: Vec<char> = "-9.3".chars().collect();
        assert_eq!(
            number(&cs, Span { start: 0, end: 4 }).unwrap().digits,
            "-9.3"
        );
        for t in ["2024年", "小学", "GB/T1", "3-6岁"] {
            let cs: Vec<char> = t.chars().collect();
            assert!(
                number(
                    &cs,
                    Span {
                        start: 0,
                        end: cs.len()
                    }
                )
                .is_none(),
                "{t}"
            );
        }
    }

    #[test]
    fn html_table_with_a_unit_column() {
        let got = facts(
            "<p>表2 2024年某市主要产品产量</p><table><tr><td>产品名称</td><td>单位</td>\
             <td>产 量</td><td>比上年增长（%）</td></tr>\n<tr><td>水泥</td><td>万吨</td>\
             <td>612.8</td><td>-4.6</td></tr>\n<tr><td>服装</td><td>万件</td>\
             <td>35.2</td><td>3.1</td></tr></table>",
        );
        assert_eq!(
            got,
            [
                "水泥产量 level 6128000 吨 - 2024年",
                "水泥产量 change -4.6 % 比上年 2024年",
                "服装产量 level 352000 件 - 2024年",
                "服装产量 change 3.1 % 比上年 2024年",
            ]
        );
    }
}
