//! A compare row's small chart: its values in column order, a line or bars ([`super::chart`]),
//! named by its values for screen readers and written out as text beside it; a click opens
//! the larger chart. [`svg`] draws both sizes. Plain functions, not components: the compare
//! view re-renders them with its table, and each component would cost the page its own copy
//! of Yew's lifecycle code.

use super::chart::{layout, px, values_text, Frame, Point, Shape, LARGE, SMALL};
use super::i18n::Lang;
use yew::prelude::*;

/// The values of `metric` (`points`) as an SVG chart in `frame`, named by them, and as text:
/// the line and its dots or the bars (targets hollow) over the zero line; the larger frame adds
/// both axes, the value axis's labels, and each column's label and value.
pub fn svg(
    lang: Lang,
    metric: &str,
    points: &[Point],
    shape: Shape,
    frame: Frame,
) -> (Html, String) {
    let values = values_text(points, lang.strings().target);
    let label = lang.chart_label(metric, &values);
    let drawn = layout(points, shape, frame);
    let large = frame == LARGE;
    let (left, right, bottom) = (
        frame.left,
        frame.width - frame.right,
        frame.height - frame.bottom,
    );
    let line = |class: &'static str, x1: f64, x2: f64, y1: f64, y2: f64| {
        html! { <line {class} x1={px(x1)} x2={px(x2)} y1={px(y1)} y2={px(y2)} /> }
    };
    let text = |class: &'static str, x: f64, y: f64, anchor: &'static str, words: &str| {
        html! {
            <text {class} x={px(x)} y={px(y)} text-anchor={anchor}>{ words.to_string() }</text>
        }
    };
    let axes = if large {
        let ticks = drawn.ticks.iter().map(|(y, label)| {
            html! {
                <>
                    { line("tick", left - 4.0, right, *y, *y) }
                    { text("tick-label", left - 8.0, y + 4.0, "end", label) }
                </>
            }
        });
        html! {
            <>
                { line("axis", left, left, frame.top, bottom) }
                { line("axis", left, right, bottom, bottom) }
                { for ticks }
            </>
        }
    } else {
        let base = drawn.marks.first().map_or(bottom, |m| m.base);
        line("axis", 0.0, frame.width, base, base)
    };
    let marks = drawn.marks.iter().zip(points).map(|(m, p)| {
        let class = if m.target { "mark target" } else { "mark" };
        let mark = match shape {
            Shape::Line => html! { <circle {class} cx={px(m.x)} cy={px(m.y)} r="3" /> },
            Shape::Bars => {
                let (top, low) = (m.y.min(m.base), m.y.max(m.base));
                html! {
                    <rect {class} x={px(m.x - m.width / 2.0)} y={px(top)} width={px(m.width)}
                        height={px((low - top).max(1.0))} />
                }
            }
        };
        if !large {
            return mark;
        }
        html! {
            <>
                { mark }
                { text("value-label", m.x, m.y.min(m.base) - 6.0, "middle", &p.shown) }
                { text("column-label", m.x, bottom + 18.0, "middle", &p.column) }
            </>
        }
    });
    let chart = html! {
        <svg class={if large { "chart large" } else { "chart small" }} role="img"
            viewBox={format!("0 0 {} {}", px(frame.width), px(frame.height))} aria-label={label}>
            { axes }
            if shape == Shape::Line {
                <polyline class="line" points={drawn.line} />
            }
            { for marks }
        </svg>
    };
    (chart, values)
}

/// A row's small chart, named by its values, with a button that opens the larger one
/// (`on_open`) and the values written out under it. The chart is not inside the button: a
/// button's content is presentational, and the chart would lose its name.
pub fn row_chart(
    lang: Lang,
    metric: &str,
    points: &[Point],
    shape: Shape,
    on_open: Callback<()>,
) -> Html {
    let (chart, values) = svg(lang, metric, points, shape, SMALL);
    html! {
        <figure class="row-chart">
            { chart }
            <figcaption class="chart-values">{ values }</figcaption>
            <button type="button" class="chart-open" aria-label={lang.open_chart(metric)}
                onclick={on_open.reform(|_: MouseEvent| ())}>{ lang.compare_words().larger }</button>
        </figure>
    }
}
