//! The Yew app: a thin shell over the core (placeholder until the app lands).

/// Mount the app on the page.
pub fn start() {}
