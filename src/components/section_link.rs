use infoshos_model::links::Page;
use infoshos_model::{Lang, Section};
use leptos::prelude::*;

use crate::i18n::section_name;
use crate::site::use_site;

/// The section a story belongs to, leading to the section's page, followed by `after` (" · "
/// before what the line says next); nothing for a copy saved before sections existed.
pub fn section_link(lang: Lang, section: Option<Section>, after: &'static str) -> impl IntoView {
    let t = use_site().ui();
    section.map(|s| {
        view! {
            <a class="section-link" href=Page::Section(lang, s).path()>{section_name(t, s)}</a>
            {after}
        }
    })
}
