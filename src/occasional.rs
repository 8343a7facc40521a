//! The pages readers open now and then, search results, a currency's history and the widgets
//! page, live in a bundle
//! of their own (`occasional.html`, `src/bin/occasional.rs`; decision 0006): the server renders
//! them with the same components, and the reader's bundle does not carry them. Their app has no
//! client routing: every link in it loads its page anew, with that page's bundle.

use infoshos_model::links::Page;
use leptos::prelude::*;

use crate::app::Frame;
use crate::router::Nav;
use crate::routes::{rate_history::RateHistoryPage, search::SearchPage, widgets::WidgetsPage};

/// Whether `page` is one of this bundle's.
pub fn is_occasional(page: &Page) -> bool {
    matches!(page, Page::Widgets(_) | Page::Search(_) | Page::Rates(..))
}

/// Whether the reader's app leaves `page` to the browser: another bundle draws it (an
/// occasional page, or a page of another edition, whose reader has its own strings). On the
/// server every page is drawn.
pub fn drawn_elsewhere(page: &Page) -> bool {
    let other_edition = crate::i18n::EDITION.is_some_and(|e| e != page.lang());
    !cfg!(feature = "ssr") && (is_occasional(page) || other_edition)
}

/// The bundle's app: the portal's frame around the page at the address it was loaded at.
#[component]
pub fn OccasionalApp() -> impl IntoView {
    let location = window().location();
    let nav = Nav::at(
        &location.pathname().unwrap_or_default(),
        &location.search().unwrap_or_default(),
    );
    provide_context(nav);
    let lang = Memo::new(move |_| crate::i18n::lang_from_path(&nav.path.read()));
    let page = Page::parse(&nav.path.get_untracked());
    view! {
        <Frame lang>
            {match page {
                Some(Page::Search(_)) => view! { <SearchPage /> }.into_any(),
                Some(Page::Rates(_, code)) => view! { <RateHistoryPage code /> }.into_any(),
                _ => view! { <WidgetsPage /> }.into_any(),
            }}
        </Frame>
    }
}

/// One of these pages where the reader's app is asked for it. The server draws it (the same
/// components); the reader's bundle, which leaves them out (the widgets page alone was 5.4 KB
/// of brotli wasm), only lands here offline, from the service worker's shell, and says so.
pub fn in_reader_app(page: Page) -> AnyView {
    #[cfg(feature = "ssr")]
    return match page {
        Page::Search(_) => view! { <SearchPage /> }.into_any(),
        Page::Rates(_, code) => view! { <RateHistoryPage code /> }.into_any(),
        _ => view! { <WidgetsPage /> }.into_any(),
    };
    #[cfg(not(feature = "ssr"))]
    {
        use crate::components::failure::Failure;
        use crate::fetch_error::FetchError;
        let _ = page;
        let t = crate::site::use_site().ui();
        let reload = Callback::new(|_| {
            let _ = window().location().reload();
        });
        view! { <Failure what=t.this_page error=FetchError::Offline retry=reload /> }.into_any()
    }
}
