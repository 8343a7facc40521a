use infoshos_model::Membership;
use infoshos_model::links::Page;
use leptos::prelude::*;

use crate::components::flag::Flag;
use crate::site::use_site;

/// Member and partner states with their flags, each linking to its news.
#[component]
pub fn StatesList() -> impl IntoView {
    let site = use_site();
    let t = site.ui();
    let list = move |membership: Membership| {
        move || {
            let lang = site.lang.get();
            let states = site.states_in(membership);
            states
                .into_iter()
                .map(|s| {
                    view! {
                        <li>
                            <a href=Page::Country(lang, s.code.clone()).path()>
                                <Flag code=s.code.clone() />
                                " "
                                {s.name}
                            </a>
                            {s.former_status.map(|f| view! { " " <small class="former">{f}</small> })}
                        </li>
                    }
                })
                .collect_view()
        }
    };
    view! {
        <section class="states box" aria-labelledby="states-title">
            <h2 id="states-title">{t.states_title}</h2>
            {move || site.states.get().and_then(Result::err).map(|e| view! {
                <crate::components::failure::Failure what=t.states_title error=e retry=Callback::new(move |_| site.states.refetch()) />
            })}
            <h3>{t.member_states}</h3>
            <ul class="states-list">{list(Membership::Member)}</ul>
            <h3>{t.partner_states}</h3>
            <ul class="states-list">{list(Membership::Partner)}</ul>
        </section>
    }
}
