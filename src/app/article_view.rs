//! The article as read, with the words of every fact highlighted.
//!
//! The text is shown as text nodes and `<mark>` elements built from the analysis' segments
//! (sliced by code point in [`super::view::segments`]); it is never parsed as markup. One
//! click handler on the container serves all marks, since a long article has thousands.
//! A long article is shown a page at a time ([`super::view::TEXT_PAGE`]), with buttons to
//! the text before and after; picking a card turns to the page of its words. A page is cut
//! into blocks ([`TextBlock`]) put on screen a few per frame ([`use_progressive`]), the
//! block of the picked card's words at once.
//! Highlights are buttons for the keyboard and screen readers (named by their words and the
//! card they open). Page furniture the engine left out is shown greyed, with why, and a button
//! to analyse it after all.

use super::browser;
use super::handlers::Pick;
use super::i18n::Lang;
use super::progressive::use_progressive;
use super::state::{Analysis, Origin, Page, Selection};
use super::text_block::{mark_id, Block, TextBlock};
use super::view::{blocks, segments_in};
use std::ops::Range;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ArticleViewProps {
    pub lang: Lang,
    pub analysis: Analysis,
    /// The part of the text (bytes) to show.
    pub page: Range<usize>,
    /// Counts the reader's page turns: each one shows the new page from its top.
    pub page_turns: u64,
    pub on_page: Callback<Page>,
    pub selection: Option<Selection>,
    pub on_select: Callback<Pick>,
    /// Analyse (true) or leave out again (false) the furniture starting at this code point.
    pub on_include: Callback<(usize, bool)>,
}

/// Blocks put on screen at once (about 4 KB of text: a screenful of the pane), and the most
/// added in one frame after.
const FIRST_BLOCKS: usize = 4;

/// The card and fact of the mark at or around the event's target.
fn clicked_mark(e: &Event) -> Option<(usize, usize)> {
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
            let Some(sel) = selection.filter(|sel| sel.from != Origin::Text) else {
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
                let id = mark_id(sel.card, fact);
                if browser::element_exists(&id) {
                    // A click on a card never moves the page; "locate" does, with a way back.
                    if sel.from == Origin::Locate {
                        browser::scroll_to(&id);
                    } else {
                        browser::scroll_within("article-text", &id);
                    }
                    break;
                }
            }
        });
    }

    let text_ref = use_node_ref();
    {
        let text_ref = text_ref.clone();
        use_effect_with(props.page_turns, move |turns| {
            if *turns > 0 {
                if let Some(element) = text_ref.cast::<web_sys::Element>() {
                    element.set_scroll_top(0);
                    element.scroll_into_view();
                }
            }
        });
    }

    let shown = use_memo(
        (props.analysis.clone(), props.page.clone()),
        |(analysis, page)| {
            let segments = segments_in(&analysis.segments, page);
            let cut = blocks(&analysis.text, &segments);
            cut.into_iter()
                .map(|block| Block(Rc::from(block)))
                .collect::<Vec<_>>()
        },
    );
    let current = props.selection.map(|sel| sel.card);
    let arriving = use_progressive(
        (props.analysis.rev, props.page.start),
        FIRST_BLOCKS,
        shown.len(),
    );
    let picked = current.and_then(|card| shown.iter().position(|b| b.marks(card)));
    let count = arriving.max(picked.map_or(0, |at| at + 1));

    let pick = |on_select: &Callback<Pick>, e: &Event| {
        let picked = clicked_mark(e).map(|(card, fact)| Pick {
            card,
            fact: Some(fact),
            from: Origin::Text,
        });
        if let Some(picked) = picked {
            e.prevent_default();
            on_select.emit(picked);
        }
    };
    let onclick = {
        let on_select = props.on_select.clone();
        Callback::from(move |e: MouseEvent| pick(&on_select, &e))
    };
    let onkeydown = {
        let on_select = props.on_select.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" || e.key() == " " {
                pick(&on_select, &e);
            }
        })
    };
    let back = props
        .selection
        .filter(|sel| sel.from == Origin::Locate)
        .map(|sel| {
            Callback::from(move |_: MouseEvent| {
                browser::scroll_to(&format!("card-{}", sel.card));
                browser::focus(&format!("locate-{}", sel.card));
            })
        });
    let include =
        |start: usize, read: bool| props.on_include.reform(move |_: MouseEvent| (start, read));

    let lang = props.lang;
    let s = lang.strings();
    let text = &props.analysis.text;
    let article = &props.analysis.article;
    let included: Vec<_> = article.excluded.iter().filter(|e| e.included).collect();
    let page = &props.page;
    let whole = page.start == 0 && page.end >= text.len();
    let percent = |at: usize| (at * 100).checked_div(text.len()).unwrap_or(100);
    let turn = |way: Page, label: &'static str, enabled: bool| {
        html! {
            <button type="button" class={classes!("turn-page", if way == Page::Earlier { "earlier" } else { "later" })}
                disabled={!enabled} onclick={props.on_page.reform(move |_: MouseEvent| way)}>
                { label }
            </button>
        }
    };
    html! {
        <>
        <div class="article-tools">
            <button type="button" class="skip-link"
                onclick={Callback::from(|_: MouseEvent| browser::focus("cards-title"))}>
                { s.skip_to_cards }
            </button>
            if let Some(back) = back {
                <button type="button" class="back-to-card" onclick={back}>{ s.back_to_card }</button>
            }
        </div>
        if !included.is_empty() {
            <div class="included-note">
                { s.included_note }
                { for included.iter().map(|part| html! {
                    <span class="included-part">
                        { lang.left_out(part).replace(['（', '）', '(', ')'], " ") }
                        <button type="button" class="leave-out" onclick={include(part.span[0], false)}>
                            { s.leave_out }
                        </button>
                    </span>
                }) }
            </div>
        }
        if !whole {
            <div class="page-bar">
                { turn(Page::Earlier, s.earlier, page.start > 0) }
                <span class="page-info">{ props.lang.page_info(percent(page.start), percent(page.end)) }</span>
            </div>
        }
        <div class="article-text" id="article-text" tabindex="-1" lang="zh-CN" ref={text_ref}
            {onclick} {onkeydown}>
            { for shown.iter().take(count).enumerate().map(|(i, block)| html! {
                <TextBlock key={i} {lang} analysis={props.analysis.clone()} block={block.clone()}
                    current={current.filter(|&card| block.marks(card))}
                    on_include={props.on_include.clone()} />
            }) }
        </div>
        if !whole {
            <div class="page-bar">
                { turn(Page::Later, s.later, page.end < text.len()) }
            </div>
        }
        </>
    }
}
