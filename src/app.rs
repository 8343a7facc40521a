//! The router and the page frame: header, the feed or article in the middle, the columns of
//! clocks, rates and states beside it, and the footer.

use infoshos_model::{Lang, Rates, State};
use leptos::prelude::*;
use leptos_router::components::{Outlet, ParentRoute, Redirect, Route, Router, Routes};
use leptos_router::hooks::use_params_map;
use leptos_router::path;

use crate::api::{self, FetchError};
use crate::components::clocks::Clocks;
use crate::components::header::SiteHeader;
use crate::components::rates_table::RatesTable;
use crate::components::states_list::StatesList;
use crate::i18n::{Ui, lang_from_path, ui};
use crate::routes::{
    article::ArticlePage, country::CountryPage, home::HomePage, not_found::NotFound,
};

/// What every page of one edition shares: its language and the reference data the side
/// columns show, fetched once for the whole visit.
#[derive(Clone, Copy)]
pub struct Site {
    pub lang: Memo<Lang>,
    pub states: LocalResource<Result<Vec<State>, FetchError>>,
    pub rates: LocalResource<Result<Rates, FetchError>>,
}

impl Site {
    /// Starts the fetches of the reference data for an edition.
    pub fn new(lang: Memo<Lang>) -> Site {
        Site {
            lang,
            states: LocalResource::new(api::states),
            rates: LocalResource::new(api::rates),
        }
    }

    pub fn ui(&self) -> &'static Ui {
        ui(self.lang.get())
    }
}

pub fn use_site() -> Site {
    expect_context::<Site>()
}

#[component]
pub fn App() -> impl IntoView {
    view! {
        <Router>
            <Routes fallback=|| view! { <Frame><NotFound /></Frame> }>
                <Route path=path!("/") view=|| view! { <Redirect path="/en/" /> } />
                <ParentRoute path=path!("/:lang") view=Edition>
                    <Route path=path!("") view=HomePage />
                    <Route path=path!("article/:slug") view=ArticlePage />
                    <Route path=path!("country/:code") view=CountryPage />
                </ParentRoute>
            </Routes>
        </Router>
    }
}

/// One edition (`/en/…`): the language comes from the path.
#[component]
fn Edition() -> impl IntoView {
    let params = use_params_map();
    let lang = Memo::new(move |_| lang_from_path(&params.read().get("lang").unwrap_or_default()));
    view! {
        <Frame lang=lang>
            <Outlet />
        </Frame>
    }
}

#[component]
fn Frame(#[prop(optional, into)] lang: Option<Memo<Lang>>, children: Children) -> impl IntoView {
    let lang = lang.unwrap_or_else(|| Memo::new(|_| Lang::En));
    let site = Site::new(lang);
    provide_context(site);
    let t = site.ui();
    crate::head::html_lang(move || lang.get().code());
    view! {
        <a class="skip" href="#content">"Skip to content"</a>
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
        </footer>
    }
}
