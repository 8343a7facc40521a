//! What every page of one edition shares (`Site`): its language and the reference data the
//! side columns show, fetched once for the whole visit. A leaf the pages and components read
//! with `use_site`, apart from the router and the frame (`app`) that provide it.

use infoshos_model::{Lang, Membership, Rates, State};
use leptos::prelude::*;

use crate::api;
use crate::i18n::{Ui, ui};

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
