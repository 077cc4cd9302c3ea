//! A compare row's larger chart: axes, the value axis labelled at its ends (and zero), each
//! column labelled under its mark and each value written over it; closed with its button or
//! Escape.

use super::chart::{layout, px, values_text, Point, Shape, LARGE};
use super::i18n::Lang;
use super::row_chart::marks;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ChartPanelProps {
    pub lang: Lang,
    pub metric: AttrValue,
    pub points: Rc<Vec<Point>>,
    pub shape: Shape,
    pub on_close: Callback<()>,
}

#[component]
pub fn ChartPanel(props: &ChartPanelProps) -> Html {
    let lang = props.lang;
    let s = lang.strings();
    let drawn = layout(&props.points, props.shape, LARGE);
    let values = values_text(&props.points, s.target);
    let f = LARGE;
    let (left, bottom) = (f.left, f.height - f.bottom);
    let onkeydown = {
        let on_close = props.on_close.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                on_close.emit(());
            }
        })
    };
    // The panel takes the focus, so Escape closes it and a screen reader reads it.
    let close = use_node_ref();
    {
        let close = close.clone();
        use_effect_with((), move |_| {
            if let Some(button) = close.cast::<web_sys::HtmlElement>() {
                let _ = button.focus();
            }
        });
    }
    html! {
        <section class="chart-panel" role="dialog" aria-labelledby="chart-title" {onkeydown}>
            <h3 id="chart-title">{ props.metric.clone() }</h3>
            <svg class={classes!("chart", "large")} role="img"
                viewBox={format!("0 0 {} {}", px(f.width), px(f.height))}
                aria-label={lang.chart_label(&props.metric, &values)}>
                <line class="axis" x1={px(left)} x2={px(left)} y1={px(f.top)} y2={px(bottom)} />
                <line class="axis" x1={px(left)} x2={px(f.width - f.right)}
                    y1={px(bottom)} y2={px(bottom)} />
                { for drawn.ticks.iter().map(|(y, label)| html! {
                    <>
                        <line class="tick" x1={px(left - 4.0)} x2={px(f.width - f.right)}
                            y1={px(*y)} y2={px(*y)} />
                        <text class="tick-label" x={px(left - 8.0)} y={px(*y + 4.0)}
                            text-anchor="end">{ label.clone() }</text>
                    </>
                }) }
                { marks(&drawn, props.shape) }
                { for drawn.marks.iter().zip(props.points.iter()).map(|(m, p)| html! {
                    <>
                        <text class="value-label" x={px(m.x)} y={px(m.y.min(m.base) - 6.0)}
                            text-anchor="middle">{ p.shown.clone() }</text>
                        <text class="column-label" x={px(m.x)} y={px(bottom + 18.0)}
                            text-anchor="middle">{ p.column.clone() }</text>
                    </>
                }) }
            </svg>
            <p class="chart-values">{ values }</p>
            <button type="button" class="chart-close" ref={close}
                onclick={props.on_close.reform(|_: MouseEvent| ())}>
                { s.close }
            </button>
        </section>
    }
}
