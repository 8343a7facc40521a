//! One story in three editions (issue 33): while an article is open for a correction, its
//! story's other editions open from it, and "Write the Russian edition" (or Chinese, or
//! English) starts a new article in that edition, written from it. Its section and states are
//! carried over, and the article it is written from is shown above the form, read-only. The
//! form names it in its hidden `story` field. Published, the two are one story
//! (`Storage::join_story`), and each edition's language switcher leads to the other.

use infoshos_model::Lang;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::publish::{Desk, set_field};
use super::shared::t;

/// A new article in `lang`, written from the one open for a correction.
fn write_edition(desk: Desk, lang: Lang) {
    let Some(source) = desk.opened.get_untracked() else {
        return;
    };
    if let Some(form) = document().get_element_by_id("article-form") {
        form.unchecked_into::<web_sys::HtmlFormElement>().reset();
    }
    set_field("article-slug", "readOnly", false.into());
    desk.start(None);
    desk.lang.set(lang);
    set_field("article-lang", "value", lang.code().into());
    let section = source.section.map_or("", |s| s.key());
    set_field("article-section", "value", section.into());
    desk.filled_with(source.countries.clone());
    desk.source.set(Some(source));
    if let Some(title) = document().get_element_by_id("article-title") {
        let _ = title.unchecked_into::<web_sys::HtmlElement>().focus();
    }
}

/// While an article is open for a correction: each other edition of its story, opened by a
/// button if the story has it, or started by one if not.
#[component]
pub(super) fn OtherEditions(desk: Desk) -> impl IntoView {
    move || {
        let (own, editions) = desk
            .opened
            .with(|a| a.as_ref().map(|a| (a.lang, a.editions.clone())))?;
        let buttons = Lang::ALL
            .into_iter()
            .zip(t().edition_names)
            .filter(|(lang, _)| *lang != own)
            .map(|(lang, name)| {
                let there = editions.iter().find(|e| e.lang == lang).map(|e| e.slug.clone());
                let (label, act) = match there {
                    Some(slug) => (
                        t().open_edition,
                        Callback::new(move |()| super::publish::open_article(desk, slug.clone())),
                    ),
                    None => (t().write_edition, Callback::new(move |()| write_edition(desk, lang))),
                };
                let label = label.replacen("{}", name, 1);
                view! {
                    " "
                    <button type="button" class="link" on:click=move |_| act.run(())>{label}</button>
                }
            })
            .collect_view();
        Some(buttons)
    }
}

/// The article a new edition is written from, above the form, read-only; and the field that
/// names it.
#[component]
pub(super) fn SourcePane(desk: Desk) -> impl IntoView {
    let slug = move || desk.source.with(|s| s.as_ref().map(|a| a.slug.clone()));
    let error = move || {
        desk.errors
            .with(|e| e.get("story").cloned())
            .map(|m| view! { <p class="field-error" id="article-story-error">{m}</p> })
    };
    view! {
        <input type="hidden" id="article-story" name="story" prop:value=move || slug().unwrap_or_default() />
        {error}
        {move || desk.source.get().map(|a| view! {
            <aside class="admin-source" aria-labelledby="admin-source-title">
                <h3 id="admin-source-title">{t().written_from} " " {a.lang.endonym()}</h3>
                <p><strong>{a.title}</strong></p>
                <p>{a.summary}</p>
                // The stored body: cleaned by the server's allowlist when it was written.
                <div class="article-body" inner_html=a.body></div>
            </aside>
        })}
    }
}
