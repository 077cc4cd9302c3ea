//! The cards in article order, under the article's section headings.
//!
//! Also says why there are none (no indicators, or none left by the filters), and brings the
//! card picked in the text into view. A long article's cards are listed a page at a time,
//! and a page is put on screen a screenful first, then a slice per frame
//! ([`use_progressive`]), so a long result never blocks a frame.

use super::browser;
use super::card_view::CardView;
use super::handlers::Pick;
use super::i18n::Lang;
use super::progressive::use_progressive;
use super::state::{Analysis, Notice, Origin, Selection};
use super::view::{distinctions, has_han, CARD_PAGE};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CardListProps {
    pub lang: Lang,
    pub analysis: Analysis,
    /// Indices of the cards the filters let through, in article order.
    pub visible: Rc<Vec<usize>>,
    pub selection: Option<Selection>,
    /// How many of the visible cards to list.
    pub limit: usize,
    pub on_select: Callback<Pick>,
    pub on_notify: Callback<Notice>,
    /// List the next page of cards.
    pub on_more: Callback<()>,
}

/// Cards put on screen at once (more than a screenful, quick to lay out), and the most added
/// in one frame after.
const FIRST_CARDS: usize = 8;

#[component]
pub fn CardList(props: &CardListProps) -> Html {
    let s = props.lang.strings();
    use_effect_with(props.selection, |selection| {
        if let Some(sel) = selection.filter(|sel| sel.from == Origin::Text) {
            browser::scroll_to(&format!("card-{}", sel.card));
        }
    });

    let article = &props.analysis.article;
    let listed = props.limit.min(props.visible.len());
    let arriving = use_progressive((props.analysis.rev, 0), FIRST_CARDS, listed);
    // More cards asked for ("more", print) are listed at once; a picked card always is.
    let picked = props.selection.and_then(|sel| {
        let at = props
            .visible
            .iter()
            .take(listed)
            .position(|&i| i == sel.card)?;
        Some(at + 1)
    });
    let shown = if props.limit > CARD_PAGE {
        listed
    } else {
        arriving.max(picked.unwrap_or(0))
    };
    let differs = use_memo(
        (props.analysis.clone(), props.visible.clone(), listed),
        |(analysis, visible, listed)| distinctions(&analysis.article, visible, *listed),
    );
    if article.cards.is_empty() {
        let chinese = has_han(&props.analysis.text);
        return html! { <p class="none">{ props.lang.none_found(chinese) }</p> };
    }
    if props.visible.is_empty() {
        return html! { <p class="none">{ s.none_match }</p> };
    }

    // Consecutive cards with the same heading form one group.
    let mut groups: Vec<(Option<&str>, Vec<usize>)> = Vec::new();
    for &i in props.visible.iter().take(shown) {
        let section = article.cards[i].section.as_deref();
        match groups.last_mut() {
            Some((last, cards)) if *last == section => cards.push(i),
            _ => groups.push((section, vec![i])),
        }
    }
    let selected = props.selection.map(|sel| sel.card);
    let more = props.visible.len().saturating_sub(props.limit);

    html! {
        // Busy while the rest of the page of cards is still arriving.
        <div class="card-list" aria-busy={(shown < listed).to_string()}>
            { for groups.into_iter().map(|(section, cards)| html! {
                <section class="card-group">
                    if let Some(section) = section {
                        <h3 class="section-title">{ section.to_string() }</h3>
                    }
                    <ul class="cards">
                        { for cards.into_iter().map(|i| html! {
                            <CardView key={i} index={i} analysis={props.analysis.clone()}
                                lang={props.lang} selected={selected == Some(i)}
                                distinction={differs.get(i).cloned().flatten()}
                                in_section={section.is_some()}
                                on_select={props.on_select.clone()}
                                on_notify={props.on_notify.clone()} />
                        }) }
                    </ul>
                </section>
            }) }
            if more > 0 {
                <button type="button" class="more-cards"
                    onclick={props.on_more.reform(|_: MouseEvent| ())}>
                    { props.lang.more_cards(more) }
                </button>
            }
        </div>
    }
}
