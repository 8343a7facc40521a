//! A correction to one edition of a story, told to the others (issue 33): while correcting, a
//! box flags the story's other editions as needing the same correction; an edition opened with
//! such a flag says which edition was corrected, and when, with a button to open it. The
//! flag goes when that edition is corrected in its turn (`Storage::corrected_in_story`).

use infoshos_model::Lang;
use leptos::prelude::*;

use super::publish::{Desk, open_article};
use super::shared::t;
use crate::time::reader_local;

/// The box, while the article open for a correction has other editions.
#[component]
pub(super) fn FlagEditions(desk: Desk) -> impl IntoView {
    move || {
        let names = desk.opened.with(|a| {
            a.as_ref()
                .filter(|a| desk.editing.get().is_some() && !a.editions.is_empty())
                .map(|a| {
                    a.editions
                        .iter()
                        .map(|e| e.lang.endonym())
                        .collect::<Vec<_>>()
                        .join(", ")
                })
        })?;
        Some(view! {
            <div class="field admin-flag-editions">
                <label>
                    <input type="checkbox" id="article-flag-editions" name="flagEditions" />
                    " " {t().flag_editions.replacen("{}", &names, 1)}
                </label>
            </div>
        })
    }
}

/// Another edition's correction flagged this one: which, when, and a way to it.
#[component]
pub(super) fn CorrectionAsked(desk: Desk) -> impl IntoView {
    move || {
        let asked = desk
            .opened
            .with(|a| a.as_ref().and_then(|a| a.correction_asked.clone()))?;
        let words = t()
            .correction_asked
            .replacen("{}", asked.from.lang.endonym(), 1)
            .replacen("{}", &reader_local(asked.at), 1);
        let slug = asked.from.slug;
        Some(view! {
            <p class="admin-correction-asked" role="note">
                {words} " "
                <button type="button" class="link" on:click=move |_| open_article(desk, slug.clone())>
                    {t().open_edition.replacen("{}", edition_name(asked.from.lang), 1)}
                </button>
            </p>
        })
    }
}

/// An edition's name as the desk's sentences use it ("Russian", "русскую", "俄文").
fn edition_name(lang: Lang) -> &'static str {
    let at = Lang::ALL
        .iter()
        .position(|l| *l == lang)
        .unwrap_or_default();
    t().edition_names[at]
}
