//! The article's address as readers will find it, shown under the address field as the writer
//! types: the one typed, or the one made from the headline when none is; checked by the
//! model's rule (`is_slug`) at each keystroke, with the same words the server would answer.

use infoshos_model::Lang;
use infoshos_model::editorial::{DraftProblem, slug_from_title};
use infoshos_model::links::Page;
use infoshos_model::validation::is_slug;
use leptos::prelude::*;

use super::publish::Desk;
use super::shared::{field_value as value, lang, t};

#[component]
pub(super) fn AddressPreview(desk: Desk) -> impl IntoView {
    let shown = move || {
        desk.typed.track();
        desk.filled.track();
        let typed = value("article-slug").trim().to_string();
        let edition = Lang::from_code(&value("article-lang")).unwrap_or(desk.lang.get());
        if !typed.is_empty() && !is_slug(&typed) {
            let why = crate::i18n::admin::draft_problem_message(lang(), &DraftProblem::BadSlug);
            return view! { <span class="field-error">{why}</span> }.into_any();
        }
        let slug = Some(typed)
            .filter(|s| !s.is_empty())
            .or_else(|| slug_from_title(&value("article-title")));
        let words = match slug {
            Some(slug) => {
                let origin = window().location().origin().unwrap_or_default();
                let path = Page::Article(edition, slug).path();
                t().address_reads
                    .replacen("{}", &format!("{origin}{path}"), 1)
            }
            None => t().address_later.to_string(),
        };
        view! { <span>{words}</span> }.into_any()
    };
    view! { <p class="field-note admin-address" id="article-slug-reads" aria-live="polite">{shown}</p> }
}
