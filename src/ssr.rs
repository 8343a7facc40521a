//! The server's rendering of a reader page: the browser's own components, rendered to HTML
//! (Leptos `ssr`), so crawlers, link previews and readers without JavaScript get the content
//! and the first paint never waits for the wasm. The browser then mounts the app over it with
//! the same data (`carried`), so nothing on screen changes.

use leptos::prelude::*;

use crate::app::App;
use crate::carried::{Answers, PASS, Pass};
use crate::components::comment_post::Sent;
use crate::router::Nav;

/// One rendering pass: the app at `path` (`search` its query, `?…` or empty) with the answers
/// carried so far, for a reader `offset_east_min` minutes east of UTC (0 when unknown), and
/// what became of the comment they sent without JavaScript, if they just did.
/// Returns the HTML inside `<div id="app">` and the addresses the components asked for that
/// the pass did not carry (empty when the page is complete).
pub fn render_pass(
    path: &str,
    search: &str,
    answers: &Answers,
    offset_east_min: i32,
    sent: Option<&Sent>,
) -> (String, Vec<String>) {
    PASS.set(Some(Pass {
        answers: answers.clone(),
        asked: Vec::new(),
    }));
    crate::time::server_reader::OFFSET.set(offset_east_min);
    let owner = Owner::new();
    let html = owner.with(|| {
        provide_context(Nav::at(path, search));
        if let Some(sent) = sent {
            provide_context(sent.clone());
        }
        view! { <App /> }.to_html()
    });
    drop(owner);
    let asked = PASS.take().map(|pass| pass.asked).unwrap_or_default();
    crate::time::server_reader::OFFSET.set(0);
    (html, asked)
}
