//! The editors' area (`/admin`, its own bundle; not linked for readers): set up the first
//! admin, join from an invitation or sign in by name; then, as the role allows, the comments
//! waiting for a decision, the articles and the publishing desk, people, one's own account, and
//! the audit of what everyone did. The session lives in an HttpOnly cookie the browser sends by
//! itself; nothing is stored here. The server checks every action's role itself: what this
//! page leaves out is only what the role could not use.

mod account;
mod address_preview;
mod articles;
mod audit;
mod autosave;
mod draft_field;
mod draft_form;
mod draft_read;
mod kept_draft;
mod lead_photo;
mod open_links;
mod other_edition;
mod people;
mod photos;
mod publish;
mod queue;
mod section_field;
mod sessions;
mod shared;
mod sign_in;
mod states_field;
mod story_flags;
mod writing;

use infoshos_model::Lang;
use infoshos_model::accounts::{Me, Power, SessionState};
use infoshos_model::admin::QueuedComment;
use infoshos_model::links;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api;
use crate::load::Load;
use shared::{lang, p, post_nothing, said, t};

#[derive(Clone, Copy, PartialEq, Eq)]
enum Section {
    Comments,
    Articles,
    Publish,
    Photos,
    Audit,
    People,
    Account,
}

impl Section {
    /// The power a section is for; `None` for what every signed-in person has.
    fn needs(self) -> Option<Power> {
        match self {
            Section::Comments => Some(Power::Moderate),
            Section::Articles | Section::Publish | Section::Photos => Some(Power::Write),
            Section::People => Some(Power::People),
            Section::Audit | Section::Account => None,
        }
    }
}

#[component]
pub fn AdminApp() -> impl IntoView {
    document().set_title(t().title);
    crate::time::write_dates_for(lang());
    let session = Load::new(|| api::get::<SessionState>("/api/admin/session".into()));
    let changed = Callback::new(move |()| session.refresh());
    let body = move || match session.get() {
        None => view! { <p aria-busy="true">"…"</p> }.into_any(),
        Some(Err(e)) => view! { <p class="failure" role="alert">{said(&e)}</p> }.into_any(),
        Some(Ok(SessionState { me: Some(me), .. })) => view! { <Desk me changed /> }.into_any(),
        Some(Ok(SessionState { set_up_needed, .. })) => {
            match (sign_in::invitation_code(), sign_in::reset_code()) {
                (Some(code), _) => view! { <sign_in::JoinForm code changed /> }.into_any(),
                (None, Some(code)) => view! { <sign_in::ResetForm code changed /> }.into_any(),
                _ if set_up_needed => view! { <sign_in::SetUpForm changed /> }.into_any(),
                _ => view! { <sign_in::SignInForm changed /> }.into_any(),
            }
        }
    };
    view! {
        <header class="header">
            <span class="brand-name">{t().title}</span>
            // Through the server, which keeps the choice and sends the page back in it.
            <nav class="lang-switch" aria-label=t().lang_label>
                {Lang::ALL.map(|l| {
                    let current = (l == lang()).then_some("page");
                    view! {
                        <a href=links::choose_edition(l, links::ADMIN) hreflang=l.code() lang=l.code()
                            aria-current=current>{l.endonym()}</a>
                    }
                })}
            </nav>
        </header>
        <main class="main admin">{body}</main>
    }
}

/// The signed-in desk: the sections the role allows.
#[component]
fn Desk(me: Me, changed: Callback<()>) -> impl IntoView {
    let role = me.role;
    let allowed = move |s: Section| s.needs().is_none_or(|power| role.may(power));
    let first = [Section::Comments, Section::Audit]
        .into_iter()
        .find(|s| allowed(*s))
        .unwrap_or(Section::Account);
    let message = RwSignal::new(None::<String>);
    let section = RwSignal::new(first);
    let status = RwSignal::new("pending");
    let queue = Load::new(move || {
        api::get::<Vec<QueuedComment>>(format!(
            "/api/admin/comments?status={}",
            status.get_untracked()
        ))
    });
    // An article picked in the list, for the publishing desk to open.
    let opening = RwSignal::new(None::<String>);
    let open = Callback::new(move |slug: String| {
        opening.set(Some(slug));
        section.set(Section::Publish);
    });
    let reload = Callback::new(move |()| queue.refresh());
    let sign_out = move |_| {
        spawn_local(async move {
            let _ = post_nothing("/api/admin/logout").await;
            changed.run(());
        });
    };
    let tab = move |which: Section, label: &'static str| {
        allowed(which).then(|| view! {
            <button type="button" class="button" aria-pressed=move || (section.get() == which).to_string()
                on:click=move |_| { message.set(None); section.set(which); }>{label}</button>
        })
    };
    let who = p()
        .signed_in_as
        .replacen("{}", &me.username, 1)
        .replacen("{}", p().role(role), 1);
    view! {
        <p class="form-notice" role="status">{move || message.get()}</p>
        <nav class="admin-tabs admin-sections">
            {tab(Section::Comments, t().comments)}
            {tab(Section::Articles, t().articles)}
            {tab(Section::Publish, t().new_article)}
            {tab(Section::Photos, crate::i18n::admin::photos::photos_ui(lang()).photos)}
            {tab(Section::Audit, t().audit)}
            {tab(Section::People, p().people)}
            {tab(Section::Account, p().my_account)}
            " "
            <span class="admin-who">{who}</span>
            " "
            <button type="button" class="link" on:click=sign_out>{t().sign_out}</button>
        </nav>
        {move || match section.get() {
            Section::Comments => view! { <queue::Queue status queue message reload /> }.into_any(),
            Section::Articles => view! { <articles::Articles open /> }.into_any(),
            Section::Publish => view! { <publish::Publish opening /> }.into_any(),
            Section::Photos => view! { <photos::Photos /> }.into_any(),
            Section::Audit => view! { <audit::Audit /> }.into_any(),
            Section::People => view! { <people::People /> }.into_any(),
            Section::Account => view! { <account::MyAccount me=me.clone() changed /> }.into_any(),
        }}
    }
}
