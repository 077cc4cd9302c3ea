//! The compare view: the core's compare table of the workspace's articles ([`crate::compare`],
//! the CLI's table), each cell a link to its article's words, each row with its chart; rows
//! picked with their boxes merge, a row of several wordings splits; the table exports as CSV,
//! Markdown and JSON and prints.

use super::chart::{points, Shape};
use super::chart_panel::ChartPanel;
use super::exports::Export;
use super::i18n::Lang;
use super::row_chart::RowChart;
use super::workspace::Compared;
use crate::compare::{Column, Row};
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// The table, told apart by identity: the root's memo makes a new one only when the workspace
/// changes, and comparing two tables cell by cell would cost the page code for nothing.
#[derive(Clone)]
pub struct Shown(pub Rc<Compared>);

impl PartialEq for Shown {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

#[derive(Properties, PartialEq)]
pub struct CompareViewProps {
    pub lang: Lang,
    pub compared: Shown,
    pub all: bool,
    pub on_all: Callback<bool>,
    /// Open article `id` at the words `span`.
    pub on_jump: Callback<(u64, [usize; 2])>,
    /// Compare these wordings under this key.
    pub on_merge: Callback<(Vec<String>, String)>,
    /// Split the row of this key, of these wordings.
    pub on_split: Callback<(String, Vec<String>)>,
    pub on_export: Callback<Export>,
}

/// Every wording of a row, its name first.
fn wordings(row: &Row) -> Vec<String> {
    std::iter::once(row.metric.clone())
        .chain(row.also.iter().cloned())
        .collect()
}

#[component]
pub fn CompareView(props: &CompareViewProps) -> Html {
    let lang = props.lang;
    let s = lang.strings();
    let compared = &props.compared.0;
    let (table, docs) = (&compared.table, &compared.docs);
    let picked = use_state(Vec::<usize>::new);
    let chart = use_state(|| None::<usize>);
    // A new table (a merge, another article) forgets the picks and the open chart.
    {
        let (picked, chart) = (picked.clone(), chart.clone());
        use_effect_with(props.compared.clone(), move |_| {
            picked.set(Vec::new());
            chart.set(None);
        });
    }
    let on_all = props.on_all.reform(|e: Event| {
        let input: HtmlInputElement = e.target_unchecked_into();
        input.checked()
    });
    let merge = {
        let (picked, rows, on_merge) = (picked.clone(), table.rows.clone(), props.on_merge.clone());
        Callback::from(move |_: MouseEvent| {
            let Some((&into, others)) = picked.split_first() else {
                return;
            };
            let metrics = others.iter().flat_map(|&r| wordings(&rows[r])).collect();
            on_merge.emit((metrics, rows[into].key.clone()));
        })
    };
    let export = |what: Export, class: &'static str, label: &'static str| {
        html! {
            <button type="button" {class} onclick={props.on_export.reform(move |_: MouseEvent| what)}>
                { label }
            </button>
        }
    };
    let article_label = |a: usize| table.articles.get(a).map(|a| a.source.clone());
    let points_of = |r: usize| Rc::new(points(&table.rows[r], &table.columns));

    let row = |(r, row): (usize, &Row)| {
        let checked = picked.contains(&r);
        let toggle = {
            let picked = picked.clone();
            Callback::from(move |_: Event| {
                let mut next = (*picked).clone();
                match next.iter().position(|&p| p == r) {
                    Some(at) => {
                        next.remove(at);
                    }
                    None => next.push(r),
                }
                picked.set(next);
            })
        };
        let split = {
            let (key, metrics) = (row.key.clone(), wordings(row));
            props
                .on_split
                .reform(move |_: MouseEvent| (key.clone(), metrics.clone()))
        };
        let cells = row.cells.iter().map(|cells| {
            html! {
                <td>
                    { for cells.iter().map(|c| {
                        let id = docs.get(c.article).copied().unwrap_or_default();
                        let span = c.fact.span;
                        let source = article_label(c.article).unwrap_or_default();
                        html! {
                            <button type="button"
                                class={classes!("cell", c.fact.target.then_some("target"))}
                                data-kind={c.fact.kind.as_str()}
                                title={c.fact.text.clone()}
                                onclick={props.on_jump.reform(move |_: MouseEvent| (id, span))}>
                                <span class="cell-value">{ c.headline.clone() }</span>
                                <span class="cell-kind">{ lang.kind(c.fact.kind) }</span>
                                if c.fact.target {
                                    <span class="badge target">{ s.target }</span>
                                }
                                <span class="visually-hidden">{ lang.cell_opens(&source) }</span>
                            </button>
                        }
                    }) }
                </td>
            }
        });
        let open_chart = {
            let chart = chart.clone();
            Callback::from(move |()| chart.set(Some(r)))
        };
        html! {
            <tr class="compare-row" data-key={row.key.clone()} key={row.key.clone()}>
                <td class="pick">
                    <input type="checkbox" class="row-select" aria-label={s.select_row}
                        checked={checked} onchange={toggle} />
                </td>
                <th scope="row" class="row-metric">
                    <span class="row-name">{ row.label() }</span>
                    if !row.also.is_empty() {
                        <span class="row-also">{ row.also.join("、") }</span>
                        <button type="button" class="split" onclick={split}>{ s.split }</button>
                    }
                </th>
                { for cells }
                <td class="row-chart-cell">
                    <RowChart {lang} metric={row.metric.clone()} points={points_of(r)}
                        shape={Shape::of(row.kind)} on_open={open_chart} />
                </td>
            </tr>
        }
    };
    let column = |c: &Column| {
        let label = c
            .when
            .clone()
            .unwrap_or_else(|| s.unknown_period.to_string());
        html! {
            <th scope="col" class="column">
                <span class="column-period">{ label }</span>
                if let Some(a) = c.article.and_then(article_label) {
                    <span class="column-article">{ a }</span>
                }
            </th>
        }
    };

    html! {
        <section class="compare-view" aria-labelledby="compare-title">
            <h2 id="compare-title">{ s.compare_heading }</h2>
            <p class="hint">{ s.compare_hint }</p>
            <div class="compare-actions">
                <label class="compare-all">
                    <input type="checkbox" id="compare-all" checked={props.all} onchange={on_all} />
                    { s.compare_all }
                </label>
                <button type="button" class="merge" disabled={picked.len() < 2} onclick={merge}>
                    { s.merge }
                </button>
                { export(Export::Csv, "compare-csv", s.csv) }
                { export(Export::Markdown, "compare-md", s.md) }
                { export(Export::Json, "compare-json", s.json) }
                { export(Export::Print, "compare-print", s.print) }
            </div>
            if compared.pending > 0 {
                <p class="hint">{ lang.compare_pending(compared.pending) }</p>
            }
            if table.rows.is_empty() {
                <p class="none">{ s.compare_none }</p>
            } else {
                <div class="compare-scroll">
                    <table class="compare-table">
                        <thead>
                            <tr>
                                <td></td>
                                <th scope="col">{ s.metric }</th>
                                { for table.columns.iter().map(column) }
                                <th scope="col">{ s.chart }</th>
                            </tr>
                        </thead>
                        <tbody>
                            { for table.rows.iter().enumerate().map(row) }
                        </tbody>
                    </table>
                </div>
            }
            if let Some(r) = (*chart).filter(|&r| r < table.rows.len()) {
                <ChartPanel {lang} metric={table.rows[r].metric.clone()} points={points_of(r)}
                    shape={Shape::of(table.rows[r].kind)}
                    on_close={{ let chart = chart.clone(); Callback::from(move |()| chart.set(None)) }} />
            }
        </section>
    }
}
