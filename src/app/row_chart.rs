//! A compare row's small chart: its values in column order, a line or bars ([`super::chart`]),
//! named by its values for screen readers and written out as text beside it; a click opens
//! the larger chart.

use super::chart::{layout, px, values_text, Layout, Point, Shape, SMALL};
use super::i18n::Lang;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct RowChartProps {
    pub lang: Lang,
    pub metric: AttrValue,
    pub points: Rc<Vec<Point>>,
    pub shape: Shape,
    pub on_open: Callback<()>,
}

/// The marks of `layout` as SVG: the line and its dots, or the bars; targets hollow.
pub fn marks(layout: &Layout, shape: Shape) -> Html {
    let dots = layout.marks.iter().map(|m| {
        let class = classes!("mark", m.target.then_some("target"));
        match shape {
            Shape::Line => html! {
                <circle {class} cx={px(m.x)} cy={px(m.y)} r="3" />
            },
            Shape::Bars => {
                let (top, bottom) = (m.y.min(m.base), m.y.max(m.base));
                html! {
                    <rect {class} x={px(m.x - m.width / 2.0)} y={px(top)} width={px(m.width)}
                        height={px((bottom - top).max(1.0))} />
                }
            }
        }
    });
    html! {
        <>
            if shape == Shape::Line {
                <polyline class="line" points={layout.line.clone()} />
            }
            { for dots }
        </>
    }
}

#[component]
pub fn RowChart(props: &RowChartProps) -> Html {
    let lang = props.lang;
    let values = values_text(&props.points, lang.strings().target);
    let drawn = layout(&props.points, props.shape, SMALL);
    let view_box = format!("0 0 {} {}", px(SMALL.width), px(SMALL.height));
    let base = px(drawn.marks.first().map_or(0.0, |m| m.base));
    html! {
        <figure class="row-chart">
            <button type="button" class="chart-open" aria-label={lang.open_chart(&props.metric)}
                onclick={props.on_open.reform(|_: MouseEvent| ())}>
                <svg class={classes!("chart", "small")} viewBox={view_box} role="img"
                    aria-label={lang.chart_label(&props.metric, &values)}>
                    <line class="axis" x1="0" x2={px(SMALL.width)} y1={base.clone()} y2={base} />
                    { marks(&drawn, props.shape) }
                </svg>
            </button>
            <figcaption class="chart-values">{ values }</figcaption>
        </figure>
    }
}
