//! The router and the page frame: header, the feed or article in the middle, the columns of
//! clocks, rates and states beside it, and the footer.

use infoshos_model::{Lang, Membership, Rates, State};
use leptos::prelude::*;

use crate::api;
use crate::components::clocks::Clocks;
use crate::components::header::SiteHeader;
use crate::components::rates_table::RatesTable;
use crate::components::states_list::StatesList;
use crate::i18n::{Ui, lang_from_path, ui};
use crate::router::{Nav, Page};
use crate::routes::{
    article::ArticlePage, country::CountryPage, home::HomePage, not_found::NotFound,
    saved::SavedPage,
};

/// What every page of one edition shares: its language and the reference data the side
/// columns show, fetched once for the whole visit.
#[derive(Clone, Copy)]
pub struct Site {
    pub lang: Memo<Lang>,
    pub states: crate::load::Load<Vec<State>>,
    pub rates: crate::load::Load<Rates>,
}

impl Site {
    /// Starts the fetches of the reference data for an edition.
    pub fn new(lang: Memo<Lang>) -> Site {
        Site::with_rates(lang, crate::load::Load::new(api::rates))
    }

    /// For a widget that shows no rates: the states only, so a partner's page makes one
    /// request fewer (the rates stay unasked unless something calls `refetch`).
    pub fn without_rates(lang: Memo<Lang>) -> Site {
        Site::with_rates(lang, crate::load::Load::waiting(api::rates))
    }

    fn with_rates(lang: Memo<Lang>, rates: crate::load::Load<Rates>) -> Site {
        crate::time::write_dates_for(lang.get_untracked());
        Site {
            lang,
            states: crate::load::Load::new(move || api::states(lang.get_untracked())),
            rates,
        }
    }

    /// The members or the partners, in the order the API gives; none until the list arrives.
    pub fn states_in(&self, membership: Membership) -> Vec<State> {
        self.states.with(|o| match o {
            Some(Ok(states)) => states
                .iter()
                .filter(|s| s.status == membership)
                .cloned()
                .collect(),
            _ => Vec::new(),
        })
    }

    /// One state by its ISO code; none until the list arrives, or when no state has it.
    pub fn state(&self, code: &str) -> Option<State> {
        self.states.with(|o| match o {
            Some(Ok(states)) => states.iter().find(|s| s.code == code).cloned(),
            _ => None,
        })
    }

    pub fn ui(&self) -> &'static Ui {
        ui(self.lang.get())
    }
}

pub fn use_site() -> Site {
    expect_context::<Site>()
}

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
                Some(Page::Home(_)) => view! { <HomePage /> }.into_any(),
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
