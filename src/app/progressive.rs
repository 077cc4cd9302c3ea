//! Long lists put on the page a slice per frame, so no frame waits for all of them.
//!
//! [`use_progressive`] says how many items of a list to render now: a first screenful at
//! once, then a slice more each frame until all are in; it starts again when the list is
//! another (its key changes). The components it serves decide what an item is (a card, a
//! block of the article's text).

use super::browser;
use std::cell::Cell;
use std::rc::Rc;
use yew::platform::spawn_local;
use yew::prelude::*;

/// How many of `total` items to render: `first` at once, `step` more each frame after, for
/// the list named `key` (a new key starts from `first` again).
#[hook]
pub fn use_progressive<K>(key: K, first: usize, step: usize, total: usize) -> usize
where
    K: PartialEq + Clone + 'static,
{
    let shown = use_state(|| (key.clone(), first));
    let count = if shown.0 == key { shown.1 } else { first }.min(total);
    use_effect_with((key, count, total), move |(key, count, total)| {
        let live = Rc::new(Cell::new(true));
        if count < total {
            let (key, next, live) = (key.clone(), count + step, live.clone());
            spawn_local(async move {
                browser::next_frame().await;
                if live.get() {
                    shown.set((key, next));
                }
            });
        }
        move || live.set(false)
    });
    count
}
