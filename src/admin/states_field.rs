//! The draft's states: a checklist with each state's flag and name in the desk's language,
//! members first, then partners, narrowed as the editor types into its search box (a name's
//! letters, or a code). The form sends the picked codes in one hidden field, `countries`, as
//! the typed codes used to go, so the model's rules and the server read them as before. The
//! desk holds the picks (`Desk::countries`): an article opened or a draft brought back checks
//! its boxes.

use infoshos_model::links::flag_image;
use infoshos_model::{Membership, State};
use leptos::prelude::*;

use super::publish::{Desk, set_field};
use super::shared::{lang, t};
use crate::load::Load;

/// Whether `state` answers what the editor typed into the search box.
fn answers(state: &State, typed: &str) -> bool {
    let typed = typed.trim().to_lowercase();
    typed.is_empty()
        || state.name.to_lowercase().contains(&typed)
        || state.code.to_lowercase() == typed
}

#[component]
pub(super) fn StatesField(desk: Desk) -> impl IntoView {
    let (picked, errors) = (desk.countries, desk.errors);
    let find = RwSignal::new(String::new());
    let states = Load::new(move || crate::api::states(lang()));
    let reader_words = crate::i18n::ui(lang());
    let group = move |status: Membership, title: &'static str| {
        move || {
            let list = states.get().and_then(Result::ok)?;
            let boxes = list
                .into_iter()
                .filter(|s| s.status == status)
                .map(|s| {
                    let code = StoredValue::new(s.code.clone());
                    let flag = flag_image(&s.code).unwrap_or_default();
                    let name = s.name.clone();
                    let hidden = move || find.with(|f| !answers(&s, f));
                    // The hidden field is written here too, at once: the form's own change
                    // handler (the kept draft) reads the form in the same event.
                    let toggle = move |ev| {
                        let on = event_target_checked(&ev);
                        picked.update(|p| {
                            p.retain(|c| *c != code.get_value());
                            if on {
                                p.push(code.get_value());
                            }
                        });
                        set_field("article-countries", "value", picked.with_untracked(|p| p.join(", ")).into());
                    };
                    let checked = move || picked.with(|p| p.contains(&code.get_value()));
                    view! {
                        <li hidden=hidden>
                            <label>
                                <input type="checkbox" value=code.get_value() prop:checked=checked on:change=toggle />
                                " " <img class="flag" alt="" src=flag /> " " {name}
                            </label>
                        </li>
                    }
                })
                .collect_view();
            Some(
                view! { <p class="admin-states-group">{title}</p> <ul class="admin-states">{boxes}</ul> },
            )
        }
    };
    let error = move || {
        errors
            .with(|e| e.get("countries").cloned())
            .map(|m| view! { <span class="field-error" id="article-countries-error">{m}</span> })
    };
    view! {
        <fieldset class="field admin-states-field" aria-describedby="article-countries-error">
            <legend>{t().countries}</legend>
            <input type="search" id="article-states-find" aria-label=t().find_state
                placeholder=t().find_state prop:value=move || find.get()
                on:input=move |ev| find.set(event_target_value(&ev)) />
            // The picked codes, as the form sends them.
            <input type="hidden" id="article-countries" name="countries"
                prop:value=move || picked.with(|p| p.join(", ")) />
            {group(Membership::Member, reader_words.members)}
            {group(Membership::Partner, reader_words.partners)}
            {error}
        </fieldset>
    }
}
