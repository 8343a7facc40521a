//! The draft's lead photo: picked from the library, with the alt text, caption and credit this
//! article gives it (the library's offered first, to be said in the article's language). Its
//! fields are the form's own (`leadId`, `leadAlt`, `leadCaption`, `leadCredit`), read with the
//! rest on submit (`publish::read_draft`).

use infoshos_model::Photo;
use infoshos_model::photos::{PhotoFormat, VariantSize, widths_of};
use leptos::prelude::*;

use super::photos::Library;
use super::publish::Desk;
use crate::i18n::admin::photos::photos_ui;

#[component]
pub(super) fn LeadField(desk: Desk) -> impl IntoView {
    let w = photos_ui(super::shared::lang());
    let picking = RwSignal::new(false);
    let library_changed = RwSignal::new(0u32);
    let pick = Callback::new(move |chosen: infoshos_model::photos::LibraryPhoto| {
        desk.lead.set(Some(chosen.photo));
        picking.set(false);
    });
    let error = move |field: &'static str| {
        move || {
            desk.errors
                .get()
                .get(field)
                .map(|m| view! { <span class="field-error">{m.clone()}</span> })
        }
    };
    let text = move |f: fn(&Photo) -> &String| {
        move || desk.lead.get().map(|p| f(&p).clone()).unwrap_or_default()
    };
    let chosen = move || {
        desk.lead.get().map(|p| {
            let smallest = widths_of(p.width)[0];
            view! {
                <img class="lead-chosen" src=p.src(VariantSize::Width(smallest), PhotoFormat::Jpeg)
                    alt="" width="160" />
                " "
                <button type="button" class="link" on:click=move |_| desk.lead.set(None)>
                    {w.remove_lead}
                </button>
            }
        })
    };
    view! {
        <fieldset class="field lead-field">
            <legend>{w.lead}</legend>
            <span class="field-note">{w.lead_note}</span>
            <input type="hidden" name="leadId" prop:value=move || desk.lead.get().map(|p| p.id).unwrap_or_default() />
            {chosen}
            {error("lead")}
            {move || desk.lead.get().is_some().then(|| view! {
                <label for="article-leadAlt">{w.alt}</label>
                <input id="article-leadAlt" name="leadAlt" prop:value=text(|p| &p.alt) />
                {error("leadAlt")}
                <label for="article-leadCaption">{w.caption}</label>
                <input id="article-leadCaption" name="leadCaption" prop:value=text(|p| &p.caption) />
                {error("leadCaption")}
                <label for="article-leadCredit">{w.credit}</label>
                <input id="article-leadCredit" name="leadCredit" prop:value=text(|p| &p.credit) />
                {error("leadCredit")}
            })}
            <button type="button" class="button" on:click=move |_| picking.update(|p| *p = !*p)>
                {w.photos}
            </button>
            {move || picking.get().then(|| view! { <Library changed=library_changed pick=Some(pick) /> })}
        </fieldset>
    }
}
