//! The router and the page frame: header, the feed or article in the middle, the columns of
//! clocks, rates and states beside it, and the footer.

use infoshos_model::Lang;
use leptos::prelude::*;

use crate::components::clocks::Clocks;
use crate::components::header::SiteHeader;
use crate::components::rates_table::RatesTable;
use crate::components::states_list::StatesList;
use crate::i18n::lang_from_path;
use crate::router::{Nav, Page};
use crate::routes::{
    article::ArticlePage, country::CountryPage, home::NewsPage, not_found::NotFound,
    saved::SavedPage,
};
use crate::site::Site;

/// The reader app. The server renders it at the address it provides (`Nav::at`); in the
/// browser it follows the address bar.
#[component]
pub fn App() -> impl IntoView {
    let nav = use_context::<Nav>().unwrap_or_else(Nav::start);
    provide_context(nav);
    let lang = Memo::new(move |_| lang_from_path(&nav.path.read()));
    // Only a change of page re-renders the middle; a new query (a feed page) does not.
    let page = Memo::new(move |_| Page::parse(&nav.path.read()));
    view! {
        <Frame lang>
            {move || match page.get() {
                Some(feed @ (Page::Home(_) | Page::Section(..))) => {
                    view! { <NewsPage feed /> }.into_any()
                }
                Some(Page::Article(_, slug)) => view! { <ArticlePage slug /> }.into_any(),
                Some(Page::Country(_, code)) => view! { <CountryPage code /> }.into_any(),
                Some(Page::Saved(_)) => view! { <SavedPage /> }.into_any(),
                Some(page @ (Page::Widgets(_) | Page::Search(_) | Page::Rates(..))) => {
                    crate::occasional::in_reader_app(page)
                }
                None => view! { <NotFound /> }.into_any(),
            }}
        </Frame>
    }
}

/// The page around every route, for one edition: the language comes from the path.
#[component]
pub fn Frame(lang: Memo<Lang>, children: Children) -> impl IntoView {
    let site = Site::new(lang);
    provide_context(site);
    let t = site.ui();
    crate::head::html_lang(move || lang.get().code());
    view! {
        <a class="skip" href="#content">{t.skip_to_content}</a>
        <SiteHeader />
        <div class="page">
            <main id="content" class="main" tabindex="-1">
                {children()}
            </main>
            <aside class="side side-left" aria-label=t.clocks_title>
                <StatesList />
                <Clocks />
            </aside>
            <aside class="side side-right" aria-label=t.rates_title>
                <crate::components::server_drawn::MostRead />
                <RatesTable />
            </aside>
        </div>
        <footer class="footer">
            <p>{t.footer_about}</p>
            <p class="footer-credit">{t.footer_credit}</p>
            <p><a href=move || Page::Widgets(lang.get()).path()>{t.widgets_link}</a></p>
        </footer>
    }
}
