//! The compare view's charts as geometry: a row's values in column order, placed in a box.
//!
//! Levels, shares, ranks and streaks are a line (a value is read against the others); changes,
//! gaps and contributions are bars from zero (their sign is news). A target is drawn hollow.
//! Plain numbers, so the layout is tested natively; [`super::row_chart`] and
//! [`super::chart_panel`] only turn it into SVG.

use crate::compare::{Column, Row};
use crate::model::Kind;
use crate::render::number;

/// One value of a row, in its column.
#[derive(Debug, Clone, PartialEq)]
pub struct Point {
    /// The column's label (a period, or a period and an article).
    pub column: String,
    pub value: f64,
    /// The value as the table shows it (`同比 +9.0%`).
    pub shown: String,
    pub target: bool,
}

/// How a row is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    Line,
    Bars,
}

impl Shape {
    pub fn of(kind: Kind) -> Shape {
        match kind {
            Kind::Change | Kind::Gap | Kind::Contribution => Shape::Bars,
            _ => Shape::Line,
        }
    }
}

/// The row's values in column order (a column with two values gives two points).
pub fn points(row: &Row, columns: &[Column]) -> Vec<Point> {
    let cells = columns.iter().zip(&row.cells);
    cells
        .flat_map(|(col, cells)| {
            cells.iter().map(|c| Point {
                column: col.label.clone(),
                value: c.fact.value,
                shown: c.headline.clone(),
                target: c.fact.target,
            })
        })
        .collect()
}

/// The values as a sentence: `2023 同比 +9.0%; 2024 同比 +8.4%` (targets marked).
pub fn values_text(points: &[Point], target: &str) -> String {
    let one = |p: &Point| {
        let mark = if p.target {
            format!(" ({target})")
        } else {
            String::new()
        };
        format!("{} {}{mark}", p.column, p.shown)
    };
    points.iter().map(one).collect::<Vec<_>>().join("; ")
}

/// The box a chart is drawn in, and its margins for axes and labels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Frame {
    pub width: f64,
    pub height: f64,
    pub left: f64,
    pub right: f64,
    pub top: f64,
    pub bottom: f64,
}

/// The small chart in a row of the table.
pub const SMALL: Frame = Frame {
    width: 120.0,
    height: 32.0,
    left: 4.0,
    right: 4.0,
    top: 4.0,
    bottom: 4.0,
};

/// The larger chart, with room for the axes' labels.
pub const LARGE: Frame = Frame {
    width: 560.0,
    height: 280.0,
    left: 64.0,
    right: 16.0,
    top: 24.0,
    bottom: 48.0,
};

/// One drawn value: a dot on the line, or a bar from `base` to `y`.
#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    pub x: f64,
    pub y: f64,
    /// The y of zero (bars start there).
    pub base: f64,
    /// The bar's width (the slot's share of the width).
    pub width: f64,
    pub target: bool,
}

/// A chart laid out in a frame.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    pub marks: Vec<Mark>,
    /// The line's points (`x,y x,y …`), for a line chart.
    pub line: String,
    /// The value axis: y and label of its lowest, highest and zero values.
    pub ticks: Vec<(f64, String)>,
}

/// A coordinate for SVG: whole units are fine at these sizes, and cost the page less.
pub fn px(v: f64) -> String {
    (v.round() as i64).to_string()
}

/// Lay `points` out in `frame` as `shape`: slots of equal width, values scaled between their
/// lowest and highest (from zero for bars).
pub fn layout(points: &[Point], shape: Shape, frame: Frame) -> Layout {
    let values = points.iter().map(|p| p.value);
    let (mut low, mut high) = values.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
        (lo.min(v), hi.max(v))
    });
    if points.is_empty() {
        (low, high) = (0.0, 1.0);
    }
    if shape == Shape::Bars {
        (low, high) = (low.min(0.0), high.max(0.0));
    }
    if (high - low).abs() < f64::EPSILON {
        let pad = (high.abs() * 0.1).max(1.0);
        (low, high) = (low - pad, high + pad);
    }
    let inner_w = frame.width - frame.left - frame.right;
    let inner_h = frame.height - frame.top - frame.bottom;
    let y = |v: f64| frame.top + (high - v) / (high - low) * inner_h;
    let slot = inner_w / points.len().max(1) as f64;
    let base = y(0.0_f64.clamp(low, high));
    let marks: Vec<Mark> = points
        .iter()
        .enumerate()
        .map(|(i, p)| Mark {
            x: frame.left + slot * (i as f64 + 0.5),
            y: y(p.value),
            base,
            width: slot * 0.6,
            target: p.target,
        })
        .collect();
    let line = match shape {
        Shape::Line => marks
            .iter()
            .map(|m| format!("{},{}", px(m.x), px(m.y)))
            .collect::<Vec<_>>()
            .join(" "),
        Shape::Bars => String::new(),
    };
    let mut ticks = vec![(y(high), number(high)), (y(low), number(low))];
    if low < 0.0 && high > 0.0 {
        ticks.push((y(0.0), "0".to_string()));
    }
    Layout { marks, line, ticks }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn point(column: &str, value: f64, target: bool) -> Point {
        Point {
            column: column.into(),
            value,
            shown: format!("{value}%"),
            target,
        }
    }

    #[test]
    fn shapes_by_kind() {
        assert_eq!(Shape::of(Kind::Change), Shape::Bars);
        assert_eq!(Shape::of(Kind::Gap), Shape::Bars);
        assert_eq!(Shape::of(Kind::Level), Shape::Line);
        assert_eq!(Shape::of(Kind::Share), Shape::Line);
    }

    #[test]
    fn a_line_runs_from_the_lowest_to_the_highest_value() {
        let pts = [point("2023", 9.0, false), point("2024", 8.4, true)];
        let l = layout(&pts, Shape::Line, SMALL);
        assert_eq!(l.marks.len(), 2);
        assert!(l.marks[0].x < l.marks[1].x);
        assert_eq!(l.marks[0].y, SMALL.top, "the highest value at the top");
        assert_eq!(l.marks[1].y, SMALL.height - SMALL.bottom);
        assert!(l.marks[1].target && !l.marks[0].target);
        assert_eq!(l.line.split(' ').count(), 2);
        assert_eq!(values_text(&pts, "目标"), "2023 9%; 2024 8.4% (目标)");
    }

    #[test]
    fn bars_start_at_zero_on_either_side() {
        let pts = [point("a", 5.0, false), point("b", -5.0, false)];
        let l = layout(&pts, Shape::Bars, LARGE);
        let mid = LARGE.top + (LARGE.height - LARGE.top - LARGE.bottom) / 2.0;
        assert!((l.marks[0].base - mid).abs() < 1e-9);
        assert!(l.marks[0].y < l.marks[0].base && l.marks[1].y > l.marks[1].base);
        assert!(l.line.is_empty());
        let labels: Vec<&str> = l.ticks.iter().map(|t| t.1.as_str()).collect();
        assert_eq!(labels, ["5", "-5", "0"]);
        // All positive: the bars still start at zero, at the bottom.
        let l = layout(&[point("a", 2.0, false)], Shape::Bars, SMALL);
        assert_eq!(l.marks[0].base, SMALL.height - SMALL.bottom);
    }

    #[test]
    fn one_value_or_none_still_lays_out() {
        let l = layout(&[point("a", 3.0, false)], Shape::Line, SMALL);
        assert!(l.marks[0].y.is_finite() && l.marks[0].y > SMALL.top);
        assert!(layout(&[], Shape::Line, SMALL).marks.is_empty());
    }
}
