//! The draft's section: a select of the sections by name in the desk's language, required to
//! publish (the model's `validate_draft` says so, and the server again).

use infoshos_model::Section;
use leptos::prelude::*;

use super::publish::Desk;
use super::shared::{lang, t};

#[component]
pub(super) fn SectionField(desk: Desk) -> impl IntoView {
    let errors = desk.errors;
    let invalid = move || errors.with(|e| e.contains_key("section")).to_string();
    let names = crate::i18n::ui(lang());
    let error = move || {
        errors
            .with(|e| e.get("section").cloned())
            .map(|m| view! { <span class="field-error" id="article-section-error">{m}</span> })
    };
    view! {
        <div class="field">
            <label for="article-section">{t().section}</label>
            <select id="article-section" name="section" required aria-invalid=invalid
                aria-describedby="article-section-error">
                <option value="">{t().section_pick}</option>
                {Section::ALL.map(|s| view! {
                    <option value=s.key()>{crate::i18n::section_name(names, s)}</option>
                })}
            </select>
            {error}
        </div>
    }
}

/// The section the form's select holds, if one is picked.
pub(super) fn read(value: &str) -> Option<Section> {
    Section::from_key(value)
}
