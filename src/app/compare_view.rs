//! The compare view: the core's compare table of the workspace's articles ([`crate::compare`],
//! the CLI's table), each cell a link to its article's words, each row with its chart; rows
//! picked with their boxes merge, a row of several wordings splits; the table exports as CSV,
//! Markdown and JSON (the CLI's own renderers) and prints.
//!
//! The root shows it through [`use_compare`], which a build without the `compare-view` feature
//! leaves out (`scripts/size-of-compare.sh` measures what the view costs the page that way).

use super::browser;
use super::chart::{points, Shape};
use super::chart_panel::{self, chart_panel};
use super::exports::Export;
use super::handlers::Handlers;
use super::i18n::Lang;
use super::row_chart::row_chart;
use super::state::{Action, Notice, State, View};
use super::workspace::Compared;
use crate::compare::{self, Column, Row, Table};
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// The table, told apart by identity: [`use_compare`]'s memo makes a new one only when the
/// workspace changes, and comparing two tables cell by cell would cost the page code for nothing.
#[derive(Clone)]
pub struct Shown(pub Rc<Compared>);

impl PartialEq for Shown {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// The switch between the cards and the compare view (when the workspace is listed), and the
/// view itself while it is chosen. The table is made only while shown, and again only when
/// the workspace or the open article's analysis changes.
#[hook]
pub fn use_compare(
    state: &UseReducerHandle<State>,
    on: &Handlers,
    listed: bool,
) -> (Html, Option<Html>) {
    let lang = state.lang;
    let ws = &state.workspace;
    let wanted = (listed && ws.view == View::Compare).then_some(ws.compare_all);
    let shape = (ws.edits, state.analysis.rev, state.running.is_some(), lang);
    let compared = {
        let state = state.clone();
        use_memo((shape, wanted), move |(_, all)| {
            all.map(|all| Rc::new(state.workspace.compare(all, lang.strings().unnamed)))
        })
    };
    if !listed {
        return (Html::default(), None);
    }
    let w = lang.compare_words();
    let button = |view: View, class: &'static str, label: &'static str| {
        html! {
            <button type="button" {class} aria-pressed={(ws.view == view).to_string()}
                onclick={on.act.reform(move |_: MouseEvent| Action::SetView(view))}>{ label }</button>
        }
    };
    let switch = html! {
        <div class="view-switch" role="group" aria-label={w.views_label}>
            { button(View::Cards, "view-cards", w.view_cards) }
            { button(View::Compare, "view-compare", w.view_compare) }
        </div>
    };
    let view = (*compared).clone().map(|compared| {
        html! {
            <CompareView {lang} compared={Shown(compared)} all={ws.compare_all}
                on_action={on.act.clone()} on_notify={on.notify.clone()} />
        }
    });
    (switch, view)
}

#[derive(Properties, PartialEq)]
pub struct CompareViewProps {
    pub lang: Lang,
    pub compared: Shown,
    pub all: bool,
    /// What the reader did: show every metric, open a cell's words, merge or split rows.
    pub on_action: Callback<Action>,
    pub on_notify: Callback<Notice>,
}

/// Every wording of a row, its name first.
fn wordings(row: &Row) -> Vec<String> {
    std::iter::once(row.metric.clone())
        .chain(row.also.iter().cloned())
        .collect()
}

/// The file name of the compare table's exports.
const COMPARE_FILE: &str = "zhibiao-compare";

/// Run export `what` of the compare table, in the CLI's formats (`zhibiao compare --format`).
fn export(what: Export, table: &Table, notify: &Callback<Notice>) {
    let (ext, mime, body) = match what {
        Export::Markdown => ("md", "text/markdown", compare::markdown(table)),
        // The byte-order mark, as for the cards' CSV, so spreadsheets read the Chinese.
        Export::Csv => (
            "csv",
            "text/csv",
            format!("\u{FEFF}{}", compare::csv(table)),
        ),
        Export::Json => ("json", "application/json", compare::json(table)),
        Export::Print => return browser::print(),
    };
    let mime = format!("{mime};charset=utf-8");
    if browser::download(&format!("{COMPARE_FILE}.{ext}"), &mime, &body).is_ok() {
        notify.emit(Notice::Downloaded);
    }
}

/// What the reader picked in one table: the rows to merge, and the row whose larger chart is
/// open. Picks made in another table (before a merge, or another article) count for nothing.
#[derive(Clone, Default)]
struct Picks {
    table: Option<Shown>,
    rows: Vec<usize>,
    chart: Option<usize>,
}

#[component]
pub fn CompareView(props: &CompareViewProps) -> Html {
    let lang = props.lang;
    let (s, w) = (lang.strings(), lang.compare_words());
    let compared = &props.compared.0;
    let (table, docs) = (&compared.table, &compared.docs);
    let state = use_state(Picks::default);
    let picks = match &state.table {
        Some(shown) if *shown == props.compared => (*state).clone(),
        _ => Picks {
            table: Some(props.compared.clone()),
            ..Picks::default()
        },
    };
    // Change the picks of this table.
    let pick = |change: fn(&mut Picks, usize), r: usize| {
        let (state, picks) = (state.clone(), picks.clone());
        Callback::from(move |()| {
            let mut next = picks.clone();
            change(&mut next, r);
            state.set(next);
        })
    };
    // The larger chart's panel takes the focus, so Escape closes it and it is read out.
    use_effect_with(picks.chart, |open| {
        if open.is_some() {
            browser::focus(chart_panel::CLOSE);
        }
    });
    let act = &props.on_action;
    let on_all = act.reform(|e: Event| {
        let input: HtmlInputElement = e.target_unchecked_into();
        Action::CompareAll(input.checked())
    });
    let merge = {
        let (shown, picked) = (props.compared.clone(), picks.rows.clone());
        let act = act.clone();
        Callback::from(move |_: MouseEvent| {
            let rows = &shown.0.table.rows;
            if let Some((&into, others)) = picked.split_first() {
                let metrics = others.iter().flat_map(|&r| wordings(&rows[r])).collect();
                let key = rows[into].key.clone();
                act.emit(Action::Merge { metrics, key });
            }
        })
    };
    let export = |what: Export, class: &'static str, label: &'static str| {
        let (compared, notify) = (props.compared.clone(), props.on_notify.clone());
        html! {
            <button type="button" {class}
                onclick={move |_: MouseEvent| export(what, &compared.0.table, &notify)}>
                { label }
            </button>
        }
    };
    let article_label = |a: usize| table.articles.get(a).map(|a| a.source.clone());
    let points_of = |r: usize| points(&table.rows[r], &table.columns);

    let row = |(r, row): (usize, &Row)| {
        let checked = picks.rows.contains(&r);
        let toggle = pick(
            |p, r| match p.rows.iter().position(|&x| x == r) {
                Some(at) => {
                    p.rows.remove(at);
                }
                None => p.rows.push(r),
            },
            r,
        );
        let split = {
            let (key, metrics) = (row.key.clone(), wordings(row));
            act.reform(move |_: MouseEvent| Action::Split {
                key: key.clone(),
                metrics: metrics.clone(),
            })
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
                                class={if c.fact.target { "cell target" } else { "cell" }}
                                onclick={act.reform(move |_: MouseEvent| Action::Jump { id, span })}>
                                <span class="cell-value">{ c.headline.clone() }</span>
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
        html! {
            <tr class="compare-row" key={row.key.clone()}>
                <td class="pick">
                    <input type="checkbox" class="row-select" aria-label={w.select_row}
                        checked={checked} onchange={toggle.reform(|_: Event| ())} />
                </td>
                <th scope="row" class="row-metric">
                    <span class="row-name">{ row.label() }</span>
                    if !row.also.is_empty() {
                        <span class="row-also">{ row.also.join("、") }</span>
                        <button type="button" class="split" onclick={split}>{ w.split }</button>
                    }
                </th>
                { for cells }
                <td class="row-chart-cell">
                    { row_chart(lang, &row.metric, &points_of(r), Shape::of(row.kind),
                        pick(|p, r| p.chart = Some(r), r)) }
                </td>
            </tr>
        }
    };
    let column = |c: &Column| {
        let label = c
            .when
            .clone()
            .unwrap_or_else(|| w.unknown_period.to_string());
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
            <h2 id="compare-title">{ w.heading }</h2>
            <p class="hint">{ w.hint }</p>
            <div class="compare-actions">
                <label class="compare-all">
                    <input type="checkbox" id="compare-all" checked={props.all} onchange={on_all} />
                    { w.all }
                </label>
                <button type="button" class="merge" disabled={picks.rows.len() < 2} onclick={merge}>
                    { w.merge }
                </button>
                { export(Export::Csv, "compare-csv", s.csv) }
                { export(Export::Markdown, "compare-md", w.md) }
                { export(Export::Json, "compare-json", s.json) }
                { export(Export::Print, "compare-print", s.print) }
            </div>
            if compared.pending > 0 {
                <p class="hint pending" role="status">{ lang.compare_pending(compared.pending) }</p>
            }
            if table.rows.is_empty() {
                <p class="none">{ w.none }</p>
            } else {
                <div class="compare-scroll">
                    <table class="compare-table">
                        <thead>
                            <tr>
                                <td></td>
                                <th scope="col">{ w.metric }</th>
                                { for table.columns.iter().map(column) }
                                <th scope="col">{ w.chart }</th>
                            </tr>
                        </thead>
                        <tbody>
                            { for table.rows.iter().enumerate().map(row) }
                        </tbody>
                    </table>
                </div>
            }
            if let Some(r) = picks.chart.filter(|&r| r < table.rows.len()) {
                { chart_panel(lang, &table.rows[r].metric, &points_of(r), Shape::of(table.rows[r].kind),
                    pick(|p, _| p.chart = None, r)) }
            }
        </section>
    }
}
