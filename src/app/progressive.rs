//! Long lists put on the page a slice per frame, so no frame waits for all of them.
//!
//! [`use_progressive`] says how many items of a list to render now: a first screenful at
//! once, then a slice more each frame until all are in; it starts again when the list is
//! another (its key changes). A slice is sized by time: when rendering the last one took more
//! than [`SLICE_BUDGET`], the next is smaller, when it took much less, larger, so a slow
//! machine (or a busy one) still gets its frames. The components it serves decide what an
//! item is (a card, a block of the article's text).

use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;
use yew::platform::{spawn_local, time::sleep};
use yew::prelude::*;

/// How long (ms) rendering one slice may take: the browser still lays it out and paints it
/// within the same frame.
const SLICE_BUDGET: f64 = 8.0;

/// The time between slices: about a frame, so each is painted before the next.
const FRAME: Duration = Duration::from_millis(16);

/// Which list is being put on the page: an analysis' revision and where in it the list
/// starts (one list per revision and page).
pub type Key = (u64, usize);

/// The list being put on the page: its key, how many items are in, the next slice's size.
#[derive(Clone, PartialEq)]
struct Shown {
    key: Key,
    count: usize,
    step: usize,
}

/// The next slice's size after one of `step` items took `ms` to render.
fn next_step(step: usize, ms: f64, largest: usize) -> usize {
    if ms > SLICE_BUDGET {
        (step / 2).max(1)
    } else if ms < SLICE_BUDGET / 2.0 {
        (step * 2).min(largest)
    } else {
        step
    }
}

/// How many of `total` items to render: `first` at once, then slices of up to `first` more
/// each frame, for the list named `key` (a new key starts from `first` again).
#[hook]
pub fn use_progressive(key: Key, first: usize, total: usize) -> usize {
    let shown = use_state(|| Shown {
        key,
        count: first,
        step: first,
    });
    // When the last slice was asked for (ms), to time its rendering.
    let asked = use_mut_ref(|| None::<f64>);
    let (count, step) = if shown.key == key {
        (shown.count, shown.step)
    } else {
        (first, first)
    };
    let count = count.min(total);
    use_effect_with((key, count, total), move |(key, count, total)| {
        let live = Rc::new(Cell::new(true));
        let now = js_sys::Date::now();
        let step = match asked.borrow_mut().take() {
            Some(at) => next_step(step, now - at, first),
            None => step,
        };
        if count < total {
            let (key, count, live) = (*key, *count, live.clone());
            spawn_local(async move {
                sleep(FRAME).await;
                if live.get() {
                    *asked.borrow_mut() = Some(js_sys::Date::now());
                    shown.set(Shown {
                        key,
                        count: count + step,
                        step,
                    });
                }
            });
        }
        move || live.set(false)
    });
    count
}
