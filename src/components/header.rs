use infoshos_model::Lang;
use infoshos_model::links::{self, Page};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::site::use_site;

/// The masthead, with the sections on a line of their own at its foot. "Add to favourites" shares the page where the browser can (phones), and
/// otherwise says which keys bookmark it. "Install app" (the old "make it my homepage") opens
/// the browser's install prompt, or says how where the browser has none; installed, it hides.
#[component]
pub fn SiteHeader() -> impl IntoView {
    let site = use_site();
    let t = site.ui();
    let home = move || Page::Home(site.lang.get()).path();
    let (note, set_note) = signal(None::<&'static str>);

    let favourites = move |_| {
        if !share_page() {
            set_note.set(Some(t.favourites_help));
        }
    };
    let install = move |_| {
        if !crate::pwa::install() {
            set_note.set(Some(t.install_help));
        }
    };
    view! {
        <header class="header">
            <a class="brand" href=home>
                <span class="brand-name">"Infoshos"</span>
                <span class="brand-tagline">{t.tagline}</span>
            </a>
            <nav class="nav" aria-label=t.nav_label>
                <a href=home>{t.home}</a>
                <a href=t.contact_href>{t.contact}</a>
                <a href=move || Page::Saved(site.lang.get()).path()>{t.saved}</a>
                <button type="button" class="link" on:click=favourites>{t.favourites}</button>
                <button type="button" class="link install" on:click=install>{t.install}</button>
                // public/pwa.js switches the theme (no wasm for it): see `.theme-toggle` there.
                <button type="button" class="link theme-toggle">{t.theme}</button>
            </nav>
            // A plain GET form: it works without JavaScript, and the results page is drawn by
            // the server (and by its own bundle, not the reader's).
            <form class="search-form" role="search" action=move || Page::Search(site.lang.get()).path()>
                <input id="search-q" type="search" name="q" maxlength="200" aria-label=t.search_label
                    {..crate::on_server(|| leptos::attr::value(searched()))} />
                <button type="submit" class="button">{t.search}</button>
            </form>
            // To the same page in the other editions (each a page load: every edition's reader
            // has its own strings), through the server, which remembers the choice for `/`.
            <nav class="lang-switch" aria-label=t.lang_label>
                {move || {
                    let here = Page::parse(&crate::router::use_nav().path.get());
                    Lang::ALL.map(|l| {
                        let to = here.as_ref().map_or(Page::Home(l), |p| p.in_edition(l)).path();
                        let href = links::choose_edition(l, &to);
                        let current = (l == site.lang.get()).then_some("page");
                        view! { <a href=href hreflang=l.code() lang=l.code() aria-current=current>{l.endonym()}</a> }
                    })
                }}
            </nav>
            <crate::components::server_drawn::SectionsNav />
            <Show when=move || note.get().is_some()>
                <p class="header-note" role="status">
                    {move || note.get()}
                    " "
                    <button type="button" class="link" aria-label=t.close on:click=move |_| set_note.set(None)>"×"</button>
                </p>
            </Show>
        </header>
    }
}

/// The words of the search being shown, for the server's copy of the search box.
fn searched() -> Option<String> {
    crate::router::query_param(&crate::router::use_nav().search.get_untracked(), "q")
}

/// Opens the system share sheet when the browser has one. Returns false when it does not.
fn share_page() -> bool {
    let window = window();
    let navigator = window.navigator();
    let has_share = js_sys::Reflect::has(&navigator, &"share".into()).unwrap_or(false);
    if !has_share {
        return false;
    }
    let data = web_sys::ShareData::new();
    data.set_title(&document().title());
    data.set_url(&window.location().href().unwrap_or_default());
    // The reader may cancel the sheet; that is not an error worth showing.
    let _ = navigator
        .share_with_data(&data)
        .dyn_into::<js_sys::Promise>();
    true
}
