//! The Yew app: a thin shell over the core, one component per file.
//!
//! [`root`] owns the state ([`state`], a reducer); the other components receive what they
//! show as props and report what the reader does through `on_*` callbacks. [`view`] computes
//! what to show (marks, filters) without a browser, [`browser`] holds the browser calls and
//! [`i18n`] the words. The extraction itself is [`crate::analyze`]; nothing here finds facts.

#[cfg(feature = "compare-view")]
pub mod chart;
pub mod i18n;
pub mod intake;
pub mod state;
pub mod view;
pub mod workspace;

#[cfg(target_arch = "wasm32")]
mod article_list;
#[cfg(target_arch = "wasm32")]
mod article_view;
#[cfg(target_arch = "wasm32")]
mod browser;
#[cfg(target_arch = "wasm32")]
mod card_list;
#[cfg(target_arch = "wasm32")]
mod card_view;
#[cfg(all(target_arch = "wasm32", feature = "compare-view"))]
mod chart_panel;
#[cfg(all(target_arch = "wasm32", feature = "compare-view"))]
mod compare_view;
#[cfg(target_arch = "wasm32")]
mod effects;
#[cfg(target_arch = "wasm32")]
mod exports;
#[cfg(target_arch = "wasm32")]
mod file_picker;
#[cfg(target_arch = "wasm32")]
mod filters;
#[cfg(target_arch = "wasm32")]
mod handlers;
#[cfg(target_arch = "wasm32")]
mod input_pane;
#[cfg(target_arch = "wasm32")]
mod progress_panel;
#[cfg(target_arch = "wasm32")]
mod progressive;
#[cfg(target_arch = "wasm32")]
mod root;
#[cfg(all(target_arch = "wasm32", feature = "compare-view"))]
mod row_chart;
#[cfg(target_arch = "wasm32")]
mod text_block;
#[cfg(target_arch = "wasm32")]
mod toolbar;
#[cfg(target_arch = "wasm32")]
mod undo_bar;
#[cfg(target_arch = "wasm32")]
mod worker;

/// The example article behind the "sample" button (the core's, shared with the CLI).
pub use crate::SAMPLE;

/// Mount the app on the page's `#app` element; in the background worker (no page), nothing.
#[cfg(target_arch = "wasm32")]
pub fn start() {
    if web_sys::window().is_none() {
        return;
    }
    // Yew installs its own console-only hook unless given one: ours also tells the reader.
    yew::set_custom_panic_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        browser::show_fatal(&info.to_string());
    }));
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"));
    match root {
        Some(root) => {
            // What was typed or pasted in the page's plain box while the wasm loaded is read
            // first; then the box and the loading message are replaced by the app.
            let (early, focused) = browser::early_text().unwrap_or_default();
            root.set_text_content(None);
            let props = root::AppProps {
                early: early.into(),
                focused,
            };
            yew::Renderer::<root::App>::with_root_and_props(root, props).render();
            // The rules build their word lists and patterns on first use: in the worker that
            // will read the first text, never here (a page without a worker reads its texts
            // on its own thread, slowly).
            worker::warm_up();
        }
        None => browser::show_fatal("index.html has no #app element"),
    }
}
