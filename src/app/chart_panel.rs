//! A compare row's larger chart ([`super::row_chart::svg`] in the large frame: axes, the value
//! axis labelled at its ends and zero, each column labelled under its mark and each value
//! written over it), with its values as text; closed with its button or Escape. The compare
//! view gives its close button the focus when it opens.

use super::chart::{Point, Shape, LARGE};
use super::i18n::Lang;
use super::row_chart::svg;
use yew::prelude::*;

/// The id of the panel's close button, which takes the focus.
pub const CLOSE: &str = "chart-close";

pub fn chart_panel(
    lang: Lang,
    metric: &str,
    points: &[Point],
    shape: Shape,
    on_close: Callback<()>,
) -> Html {
    let (chart, values) = svg(lang, metric, points, shape, LARGE);
    let onkeydown = {
        let on_close = on_close.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                on_close.emit(());
            }
        })
    };
    html! {
        <section class="chart-panel" role="dialog" aria-labelledby="chart-title" {onkeydown}>
            <h3 id="chart-title">{ metric.to_string() }</h3>
            { chart }
            <p class="chart-values">{ values }</p>
            <button type="button" class="chart-close" id={CLOSE}
                onclick={on_close.reform(|_: MouseEvent| ())}>
                { lang.compare_words().close }
            </button>
        </section>
    }
}
