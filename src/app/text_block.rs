//! One block of the article pane ([`super::view::blocks`]): its text nodes, `<mark>`s and
//! parts left out, in a `<div>`; the pane puts a few blocks on the page per frame.
//!
//! A block re-renders only when its own marks change (a new analysis, or the current card
//! entering or leaving it), so putting the next blocks on the page, or picking a card, does
//! not rebuild the rest. Clicks on marks are handled by the pane, once for all blocks.

use super::i18n::Lang;
use super::state::Analysis;
use super::view::Segment;
use std::rc::Rc;
use yew::prelude::*;

/// A block's segments, compared by identity: the pane makes them once per analysis and page.
#[derive(Clone)]
pub struct Block(pub Rc<[Segment]>);

impl PartialEq for Block {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Block {
    /// Whether a mark of card `card` is in this block.
    pub fn marks(&self, card: usize) -> bool {
        self.0
            .iter()
            .any(|s| matches!(s, Segment::Mark { card: c, .. } if *c == card))
    }
}

#[derive(Properties, PartialEq)]
pub struct TextBlockProps {
    pub lang: Lang,
    pub analysis: Analysis,
    pub block: Block,
    /// The card picked, when it has a mark in this block.
    pub current: Option<usize>,
    /// Analyse (true) or leave out again (false) the furniture starting at this code point.
    pub on_include: Callback<(usize, bool)>,
}

/// The id of the mark showing fact `fact` of card `card`.
pub fn mark_id(card: usize, fact: usize) -> String {
    format!("src-{card}-{fact}")
}

#[component]
pub fn TextBlock(props: &TextBlockProps) -> Html {
    let lang = props.lang;
    let s = lang.strings();
    let text = &props.analysis.text;
    let article = &props.analysis.article;
    let metric = |card: usize| article.cards.get(card).map_or("", |c| c.metric.as_str());
    let include =
        |start: usize, read: bool| props.on_include.reform(move |_: MouseEvent| (start, read));
    html! {
        <div class="text-block">
            { for props.block.0.iter().map(|segment| match segment {
                Segment::Plain(range) => html! { { &text[range.clone()] } },
                Segment::Mark { range, card, fact, kind } => html! {
                    <mark id={mark_id(*card, *fact)} role="button" tabindex="0"
                        aria-label={lang.mark_label(&text[range.clone()], metric(*card))}
                        class={classes!(format!("kind-{}", kind.as_str()),
                            (props.current == Some(*card)).then_some("current"))}
                        data-card={card.to_string()} data-fact={fact.to_string()}>
                        { &text[range.clone()] }
                    </mark>
                },
                Segment::Left { range, region } => {
                    let Some(part) = article.excluded.get(*region) else {
                        return html! { { &text[range.clone()] } };
                    };
                    html! {
                        <span class="left-out" data-region={region.to_string()}>
                            <span class="left-out-why" lang={lang.tag()}>
                                { lang.left_out(part) }
                                <button type="button" class="include-back"
                                    onclick={include(part.span[0], true)}>
                                    { s.include_back }
                                </button>
                            </span>
                            { &text[range.clone()] }
                        </span>
                    }
                }
            }) }
        </div>
    }
}
