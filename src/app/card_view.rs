//! One indicator card: the metric and each fact as a person writes it.
//!
//! Values come from the core ([`render::headline`] over `fact.display`, through
//! [`super::view::headline`]), never re-formatted here, so the card, the CLI and the exports
//! agree. A change is labelled by its direction (增长, 下降) and carries an arrow and a colour;
//! targets carry a badge, since "力争增长6%" is not a result. A click on the card picks it
//! (its words light up, and come into view inside the article pane only); "locate" goes to the
//! words; "sentence" opens the words around the fact in place.
//!
//! [`render::headline`]: crate::render::headline

use super::exports::copy_and_tell;
use super::handlers::Pick;
use super::i18n::Lang;
use super::state::{Analysis, Notice, Origin};
use super::view::{card_text, context, direction, headline, Direction};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CardViewProps {
    pub analysis: Analysis,
    /// The card's index in the article.
    pub index: usize,
    pub lang: Lang,
    pub selected: bool,
    /// What tells this card from others with the same metric (subject, period, section).
    pub distinction: Option<String>,
    /// The card stands under a section heading (`h3`): its metric is then an `h4`, else `h3`.
    pub in_section: bool,
    pub on_select: Callback<Pick>,
    pub on_notify: Callback<Notice>,
}

/// The source sentence of a card, opened in place.
#[derive(Properties, PartialEq)]
struct SentenceProps {
    analysis: Analysis,
    span: [usize; 2],
    id: String,
}

#[component]
fn Sentence(props: &SentenceProps) -> Html {
    let (before, words, after) = context(&props.analysis.text, props.span);
    html! {
        <p class="source-sentence" id={props.id.clone()} lang="zh-CN">
            { before }<strong>{ words }</strong>{ after }
        </p>
    }
}

#[component]
pub fn CardView(props: &CardViewProps) -> Html {
    let open = use_state(|| false);
    let lang = props.lang;
    let s = lang.strings();
    let index = props.index;
    let Some(card) = props.analysis.article.cards.get(index) else {
        return Html::default();
    };

    let select = |fact: Option<usize>, from: Origin| {
        props.on_select.reform(move |e: MouseEvent| {
            // The card's own handler would select the whole card again.
            e.stop_propagation();
            Pick {
                card: index,
                fact,
                from,
            }
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
            let text = card_text(card, |f| lang.fact_label(f), lang.strings().target);
            copy_and_tell(text, on_notify.clone());
        })
    };
    let on_sentence = {
        let open = open.clone();
        Callback::from(move |e: MouseEvent| {
            e.stop_propagation();
            open.set(!*open);
        })
    };
    let has_target = card.facts.iter().any(|f| f.target);
    let title_id = format!("card-{index}-metric");
    let sentence_id = format!("card-{index}-sentence");
    let metric = &card.metric;

    html! {
        <li id={format!("card-{index}")} data-card={index.to_string()}
            class={classes!("card", props.selected.then_some("selected"),
                has_target.then_some("has-target"))}
            aria-current={props.selected.then_some("true")}
            onclick={select(None, Origin::Card)}>
            <article aria-labelledby={title_id.clone()}>
                <header class="card-head">
                    <@{if props.in_section { "h4" } else { "h3" }} class="metric" id={title_id}>
                        { metric.clone() }
                    </@>
                    if let Some(subject) = &card.subject {
                        <span class="subject" title={s.subject}>{ subject.clone() }</span>
                    }
                    if has_target {
                        <span class="badge target">{ s.target }</span>
                    }
                    <span class="card-actions">
                        <button type="button" class="sentence" aria-expanded={open.to_string()}
                            aria-controls={open.then(|| sentence_id.clone())}
                            aria-label={lang.for_card(s.source_sentence, metric)}
                            onclick={on_sentence}>
                            { s.source_sentence }
                        </button>
                        <button type="button" class="locate" id={format!("locate-{index}")}
                            aria-label={lang.for_card(s.locate, metric)}
                            onclick={select(None, Origin::Locate)}>
                            { s.locate }
                        </button>
                        <button type="button" class="copy-card"
                            aria-label={lang.for_card(s.copy_card, metric)} onclick={on_copy}>
                            { s.copy_card }
                        </button>
                    </span>
                </header>
                if let Some(distinction) = &props.distinction {
                    <p class="distinction">{ distinction.clone() }</p>
                }
                if *open {
                    <Sentence analysis={props.analysis.clone()} span={card.span}
                        id={sentence_id.clone()} />
                }
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
                                data-kind={fact.kind.as_str()} onclick={select(Some(f), Origin::Card)}>
                                <span class="kind">{ lang.fact_label(fact) }</span>
                                <span class="value">
                                    if dir.is_some() {
                                        <span class="arrow" aria-hidden="true">{ arrow }</span>
                                        <span class="visually-hidden">{ dir_label }</span>
                                    }
                                    <span class="headline">{ headline(fact) }</span>
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
