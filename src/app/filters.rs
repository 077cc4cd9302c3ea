//! Narrowing the cards: toggle buttons per kind of fact, a search over metrics, the counts.
//!
//! Toggles are buttons with `aria-pressed`, so they read as switches; none pressed shows all.

use super::i18n::Lang;
use super::view::{Filter, Group};
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FiltersProps {
    pub lang: Lang,
    pub filter: Filter,
    pub shown: usize,
    pub cards: usize,
    pub facts: usize,
    pub on_toggle: Callback<Group>,
    pub on_all_kinds: Callback<()>,
    pub on_search: Callback<String>,
}

#[component]
pub fn Filters(props: &FiltersProps) -> Html {
    let lang = props.lang;
    let s = lang.strings();
    let label = |group: Group| match group {
        Group::Kind(kind) => lang.kind(kind),
        Group::Target => s.target,
    };
    let oninput = {
        let on_search = props.on_search.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            on_search.emit(input.value());
        })
    };
    let any = props.filter.any_group();

    html! {
        <section class="filters" aria-label={s.filters_label}>
            <div class="kinds" role="group" aria-label={s.kinds_label}>
                <button type="button" class="chip" data-group="all"
                    aria-pressed={(!any).to_string()}
                    onclick={props.on_all_kinds.reform(|_: MouseEvent| ())}>
                    { s.all }
                </button>
                { for Group::ALL.iter().map(|&group| {
                    let pressed = props.filter.has(group);
                    html! {
                        <button type="button"
                            class={classes!("chip", format!("chip-{}", group.key()))}
                            data-group={group.key()} aria-pressed={pressed.to_string()}
                            onclick={props.on_toggle.reform(move |_: MouseEvent| group)}>
                            { label(group) }
                        </button>
                    }
                }) }
            </div>
            <div class="search">
                <label for="metric-search" class="visually-hidden">{ s.search_label }</label>
                <input id="metric-search" type="search" placeholder={s.search_placeholder}
                    value={props.filter.query.clone()} {oninput} />
            </div>
            <p class="count" aria-live="polite">
                { lang.count(props.shown, props.cards, props.facts) }
            </p>
        </section>
    }
}
