//! One indicator card: the metric and each fact as a person writes it.
//!
//! Values come from the core ([`render::headline`] over `fact.display`), never re-formatted
//! here, so the card, the CLI and the exports agree. Changes carry an arrow and a colour for
//! their direction; targets carry a badge, since "力争增长6%" is not a result.

use super::browser;
use super::i18n::Lang;
use super::state::{Analysis, Notice, Origin};
use super::view::{card_text, direction, Direction};
use crate::render;
use yew::platform::spawn_local;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CardViewProps {
    pub analysis: Analysis,
    /// The card's index in the article.
    pub index: usize,
    pub lang: Lang,
    pub selected: bool,
    pub on_select: Callback<(usize, Option<usize>, Origin)>,
    pub on_notify: Callback<Notice>,
}

#[component]
pub fn CardView(props: &CardViewProps) -> Html {
    let lang = props.lang;
    let s = lang.strings();
    let index = props.index;
    let Some(card) = props.analysis.article.cards.get(index) else {
        return Html::default();
    };

    let select = |fact: Option<usize>| {
        props.on_select.reform(move |e: MouseEvent| {
            // The card's own handler would select the whole card again.
            e.stop_propagation();
            (index, fact, Origin::Card)
        })
    };
    let on_copy = {
        let analysis = props.analysis.clone();
        let on_notify = props.on_notify.clone();
        Callback::from(move |e: MouseEvent| {
            e.stop_propagation();
            let Some(card) = analysis.article.cards.get(index) else {
                return;
            };
            let text = card_text(card, |k| lang.kind(k), lang.strings().target);
            let on_notify = on_notify.clone();
            spawn_local(async move {
                let ok = browser::copy(text).await;
                on_notify.emit(if ok {
                    Notice::Copied
                } else {
                    Notice::CopyFailed
                });
            });
        })
    };
    let has_target = card.facts.iter().any(|f| f.target);
    let title_id = format!("card-{index}-metric");

    html! {
        <li id={format!("card-{index}")} data-card={index.to_string()}
            class={classes!("card", props.selected.then_some("selected"),
                has_target.then_some("has-target"))}
            aria-current={props.selected.then_some("true")}
            onclick={select(None)}>
            <article aria-labelledby={title_id.clone()}>
                <header class="card-head">
                    <h4 class="metric" id={title_id}>{ card.metric.clone() }</h4>
                    if let Some(subject) = &card.subject {
                        <span class="subject" title={s.subject}>{ subject.clone() }</span>
                    }
                    if has_target {
                        <span class="badge target">{ s.target }</span>
                    }
                    <span class="card-actions">
                        <button type="button" class="locate" onclick={select(None)}>
                            { s.locate }
                        </button>
                        <button type="button" class="copy-card" onclick={on_copy}>
                            { s.copy_card }
                        </button>
                    </span>
                </header>
                <ul class="facts">
                    { for card.facts.iter().enumerate().map(|(f, fact)| {
                        let dir = direction(fact);
                        let (arrow, dir_class, dir_label) = match dir {
                            Some(Direction::Up) => ("▲", "up", s.up),
                            Some(Direction::Down) => ("▼", "down", s.down),
                            None => ("", "", ""),
                        };
                        html! {
                            <li class={classes!("fact", format!("kind-{}", fact.kind.as_str()),
                                    (f == 0).then_some("lead"), dir.map(|_| dir_class),
                                    fact.target.then_some("is-target"))}
                                data-kind={fact.kind.as_str()} onclick={select(Some(f))}>
                                <span class="kind">{ lang.kind(fact.kind) }</span>
                                <span class="value">
                                    if dir.is_some() {
                                        <span class="arrow" aria-hidden="true">{ arrow }</span>
                                        <span class="visually-hidden">{ dir_label }</span>
                                    }
                                    <span class="headline">{ render::headline(fact) }</span>
                                </span>
                                if let Some(period) = &fact.period {
                                    <span class="period" title={s.period}>{ period.clone() }</span>
                                }
                                if fact.target {
                                    <span class="badge target">{ s.target }</span>
                                }
                            </li>
                        }
                    }) }
                </ul>
            </article>
        </li>
    }
}
