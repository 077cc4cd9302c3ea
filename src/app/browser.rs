//! The few browser calls the app makes: storage, clipboard, downloads, files, scrolling.
//!
//! Kept in one place so the components read as UI, and so it is easy to check that nothing
//! here talks to the network: every call stays inside the page.

use super::i18n::Lang;
use super::intake::{likeliest, LEGACY_ENCODINGS};
use super::view::looks_undecodable;
use super::workspace::{Saved, Workspace};
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

const ARTICLE_KEY: &str = "zhibiao.article";
const SOURCE_KEY: &str = "zhibiao.source";
const LANG_KEY: &str = "zhibiao.lang";
const WORKSPACE_KEY: &str = "zhibiao.workspace";

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

fn storage() -> Option<web_sys::Storage> {
    // Storage can be missing or refused (private mode, file://): the app works without it.
    window()?.local_storage().ok().flatten()
}

/// The article and its source label kept by versions before the workspace.
pub fn saved_article() -> Option<(String, String)> {
    let storage = storage()?;
    let text = storage.get_item(ARTICLE_KEY).ok().flatten()?;
    let source = storage
        .get_item(SOURCE_KEY)
        .ok()
        .flatten()
        .unwrap_or_else(|| super::state::TYPED_SOURCE.to_string());
    (!text.is_empty()).then_some((text, source))
}

/// The workspace kept from the last visit (a bad copy is ignored).
pub fn saved_workspace() -> Option<Saved> {
    let json = storage()?.get_item(WORKSPACE_KEY).ok().flatten()?;
    Saved::parse(&json).ok()
}

/// Keep the workspace for the next visit: the articles a single saved article could be (not
/// over [`super::intake::SAVE_LIMIT`], not a web page still to reduce); when storage is full,
/// the longest are left out until it fits.
pub fn save_workspace(workspace: &Workspace) {
    let Some(storage) = storage() else { return };
    // The article kept by earlier versions is now in the workspace.
    let _ = storage.remove_item(ARTICLE_KEY);
    let _ = storage.remove_item(SOURCE_KEY);
    let mut saved = workspace.saved(Workspace::keeps);
    loop {
        if saved.articles.is_empty() {
            let _ = storage.remove_item(WORKSPACE_KEY);
            return;
        }
        if storage.set_item(WORKSPACE_KEY, &saved.to_json()).is_ok() {
            return;
        }
        let longest = (0..saved.articles.len()).max_by_key(|&i| saved.articles[i].text.len());
        if let Some(i) = longest {
            saved.articles.remove(i);
            saved.open = saved.open.min(saved.articles.len().saturating_sub(1));
        }
    }
}

/// The language chosen before, else the browser's.
pub fn initial_lang() -> Lang {
    let saved = storage().and_then(|s| s.get_item(LANG_KEY).ok().flatten());
    let tag = saved.or_else(|| window()?.navigator().language());
    Lang::from_tag(tag.as_deref().unwrap_or("en"))
}

/// Remember the language and tell the page (`<html lang>` picks fonts and screen-reader voice).
pub fn apply_lang(lang: Lang, remember: bool) {
    if remember {
        if let Some(storage) = storage() {
            let _ = storage.set_item(LANG_KEY, lang.tag());
        }
    }
    if let Some(root) = window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("lang", lang.tag());
    }
}

/// Save `content` as a file named `name` through a temporary object URL (no network).
pub fn download(name: &str, mime: &str, content: &str) -> Result<(), JsValue> {
    let document = window()
        .and_then(|w| w.document())
        .ok_or_else(|| JsValue::from_str("no document"))?;
    let parts = js_sys::Array::of1(&JsValue::from_str(content));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let link: web_sys::HtmlAnchorElement = document.create_element("a")?.unchecked_into();
    link.set_href(&url);
    link.set_download(name);
    // A detached link is enough to start a download; nothing is added to the page.
    link.click();
    web_sys::Url::revoke_object_url(&url)?;
    Ok(())
}

/// Put `text` on the clipboard; false when the browser refuses.
pub async fn copy(text: String) -> bool {
    let Some(window) = window() else { return false };
    let clipboard = window.navigator().clipboard();
    if clipboard.is_undefined() {
        return false;
    }
    JsFuture::from(clipboard.write_text(&text)).await.is_ok()
}

/// `bytes` decoded as `label` (a `TextDecoder` encoding), or `None` on any invalid byte.
fn decode(bytes: &js_sys::Uint8Array, label: &str) -> Option<String> {
    let options = web_sys::TextDecoderOptions::new();
    options.set_fatal(true);
    let decoder = web_sys::TextDecoder::new_with_label_and_options(label, &options).ok()?;
    decoder.decode_with_js_u8_array(bytes).ok()
}

/// The text of an opened or dropped file: UTF-8 (a BOM is read as one), else GB18030 (GBK) or
/// Big5, whichever reads as Chinese, as the CLI does. Binary or other encodings are refused.
pub async fn read_file(file: web_sys::File) -> Result<String, JsValue> {
    let buffer = JsFuture::from(file.array_buffer()).await?;
    let bytes = js_sys::Uint8Array::new(&buffer);
    let text = decode(&bytes, "utf-8").or_else(|| {
        let decoded: Vec<Option<String>> =
            LEGACY_ENCODINGS.iter().map(|l| decode(&bytes, l)).collect();
        let best = likeliest(&decoded)?;
        decoded.into_iter().nth(best).flatten()
    });
    text.filter(|t| !looks_undecodable(t))
        .ok_or_else(|| JsValue::from_str("not text"))
}

/// The plain text and the web page's HTML (if any) of a paste.
pub fn clipboard_texts(event: &web_sys::ClipboardEvent) -> Option<(String, String)> {
    let data = event.clipboard_data()?;
    let html = data.get_data("text/html").unwrap_or_default();
    let plain = data.get_data("text/plain").unwrap_or_default();
    Some((plain, html))
}

/// Move the keyboard focus to the element with `id`.
pub fn focus(id: &str) {
    if let Some(element) = element(id).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = element.focus();
    }
}

fn element(id: &str) -> Option<web_sys::Element> {
    window()?.document()?.get_element_by_id(id)
}

/// Bring the element with `id` into view inside its scrolling `container` only (a third of
/// the way down), never scrolling the page; where the container does not scroll (phones),
/// nothing moves.
pub fn scroll_within(container: &str, id: &str) {
    let (Some(element), Some(pane)) = (element(id), element(container)) else {
        return;
    };
    let (at, top) = (
        element.get_bounding_client_rect(),
        pane.get_bounding_client_rect(),
    );
    let offset = at.top() - top.top() - f64::from(pane.client_height()) / 3.0;
    pane.set_scroll_top(pane.scroll_top() + offset as i32);
}

/// Whether the page has an element with `id`.
pub fn element_exists(id: &str) -> bool {
    element(id).is_some()
}

/// Bring the element with `id` into view, as little scrolling as needed.
pub fn scroll_to(id: &str) {
    let Some(element) = element(id) else {
        return;
    };
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Center);
    options.set_behavior(web_sys::ScrollBehavior::Auto);
    element.scroll_into_view_with_scroll_into_view_options(&options);
}

/// Open the browser's print dialog (the print stylesheet shows the cards only).
pub fn print() {
    if let Some(window) = window() {
        let _ = window.print();
    }
}

/// Show a panic in the page's fixed error box instead of leaving a dead page.
///
/// Writes text only (never markup); the box and its "clear and reload" button are in
/// `index.html`, and `boot.js` handles the button, since the wasm cannot run after a panic.
pub fn show_fatal(message: &str) {
    let Some(document) = window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(detail) = document.get_element_by_id("fatal-detail") {
        detail.set_text_content(Some(message));
    }
    if let Some(panel) = document.get_element_by_id("fatal") {
        let _ = panel.remove_attribute("hidden");
    }
}

/// What the reader typed or pasted into the page's plain text box (`index.html`) before the
/// app had loaded, and whether that box had the focus.
pub fn early_text() -> Option<(String, bool)> {
    let area = element("early-input")?
        .dyn_into::<web_sys::HtmlTextAreaElement>()
        .ok()?;
    let focused = window()?
        .document()?
        .active_element()
        .is_some_and(|e| e.id() == "early-input");
    Some((area.value(), focused))
}

/// Call `on_paste` with every paste made outside a text field: a paste anywhere on the page
/// reads an article. Returns the listener; dropping it removes it.
pub fn listen_for_pastes(
    on_paste: impl Fn(web_sys::ClipboardEvent) + 'static,
) -> Option<PasteListener> {
    let document = window()?.document()?;
    let closure = Closure::<dyn Fn(web_sys::Event)>::new(move |event: web_sys::Event| {
        let in_field = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|e| e.closest("textarea, input").ok().flatten().is_some());
        if let (false, Ok(paste)) = (in_field, event.dyn_into::<web_sys::ClipboardEvent>()) {
            on_paste(paste);
        }
    });
    document
        .add_event_listener_with_callback("paste", closure.as_ref().unchecked_ref())
        .ok()?;
    Some(PasteListener { document, closure })
}

/// A page-wide paste listener; dropping it removes it.
pub struct PasteListener {
    document: web_sys::Document,
    closure: Closure<dyn Fn(web_sys::Event)>,
}

impl Drop for PasteListener {
    fn drop(&mut self) {
        let _ = self
            .document
            .remove_event_listener_with_callback("paste", self.closure.as_ref().unchecked_ref());
    }
}
