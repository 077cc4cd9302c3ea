//! The article as read, with the words of every fact highlighted.
//!
//! The text is shown as text nodes and `<mark>` elements built from the analysis' segments
//! (sliced by code point in [`super::view::segments`]); it is never parsed as markup. One
//! click handler on the container serves all marks, since a long article has thousands.

use super::browser;
use super::state::{Analysis, Origin, Selection};
use super::view::Segment;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ArticleViewProps {
    pub analysis: Analysis,
    pub selection: Option<Selection>,
    pub on_select: Callback<(usize, Option<usize>, Origin)>,
}

/// The id of the mark showing fact `fact` of card `card`.
fn mark_id(card: usize, fact: usize) -> String {
    format!("src-{card}-{fact}")
}

/// The card and fact of the mark at or around the event's target.
fn clicked_mark(e: &MouseEvent) -> Option<(usize, usize)> {
    let target = e.target()?.dyn_into::<web_sys::Element>().ok()?;
    let mark = target.closest("mark[data-card]").ok()??;
    let card = mark.get_attribute("data-card")?.parse().ok()?;
    let fact = mark.get_attribute("data-fact")?.parse().ok()?;
    Some((card, fact))
}

#[component]
pub fn ArticleView(props: &ArticleViewProps) -> Html {
    {
        let analysis = props.analysis.clone();
        use_effect_with(props.selection, move |selection| {
            let Some(sel) = selection.filter(|sel| sel.from == Origin::Card) else {
                return;
            };
            let facts = analysis
                .article
                .cards
                .get(sel.card)
                .map_or(0, |c| c.facts.len());
            // The picked fact first; a fact whose words overlap another's may have no mark.
            let order = sel.fact.into_iter().chain(0..facts);
            for fact in order {
                if browser::element_exists(&mark_id(sel.card, fact)) {
                    browser::scroll_to(&mark_id(sel.card, fact));
                    break;
                }
            }
        });
    }

    let onclick = {
        let on_select = props.on_select.clone();
        Callback::from(move |e: MouseEvent| {
            if let Some((card, fact)) = clicked_mark(&e) {
                on_select.emit((card, Some(fact), Origin::Text));
            }
        })
    };

    let text = &props.analysis.text;
    let current = props.selection.map(|sel| sel.card);
    html! {
        <div class="article-text" lang="zh-CN" {onclick}>
            { for props.analysis.segments.iter().map(|segment| match segment {
                Segment::Plain(range) => html! { { &text[range.clone()] } },
                Segment::Mark { range, card, fact, kind } => html! {
                    <mark id={mark_id(*card, *fact)}
                        class={classes!(format!("kind-{}", kind.as_str()),
                            (current == Some(*card)).then_some("current"))}
                        data-card={card.to_string()} data-fact={fact.to_string()}>
                        { &text[range.clone()] }
                    </mark>
                },
            }) }
        </div>
    }
}
