//! Library photos placed in the text as figures: picked from the library, or dropped or pasted
//! into the surface, which adds the file to the library first (its alt text asked for, as
//! the library's own upload asks). The figure is `<figure data-photo="{id}">`: the server
//! adds the photo's picture and, unless the figure has a caption of its own, the library's
//! caption and credit (`server/src/media/figures.rs`). In the HTML view the figure is written
//! into the HTML where its cursor is.

use std::collections::BTreeMap;

use infoshos_model::photos::{LibraryPhoto, Uploaded};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::super::shared::field_value;
use super::caret::{self, Caret};
use super::surface::{self, surface};
use super::writing_words;
use crate::admin::photos::{Library, Progress, send};
use crate::api;
use crate::i18n::admin::photos::photos_ui;

/// A file dropped or pasted into the surface, waiting for its texts.
#[derive(Clone)]
pub(super) struct Offer {
    pub(super) file: web_sys::File,
    pub(super) at: Option<Caret>,
    pub(super) preview: String,
}

impl Offer {
    pub(super) fn new(file: web_sys::File, at: Option<Caret>) -> Offer {
        let preview = web_sys::Url::create_object_url_with_blob(&file).unwrap_or_default();
        Offer { file, at, preview }
    }
}

/// Puts a figure of `chosen` after the block at `at` (at the end without one), a paragraph
/// after it to write on in, and the caret there.
pub(super) fn place(chosen: &LibraryPhoto, at: Option<Caret>) {
    super::photo_previews::learn(std::slice::from_ref(chosen));
    let Some(root) = surface() else { return };
    let figure = surface::figure(&chosen.photo.id, None);
    let block = at
        .map(|c| caret::point_at(&root, c.focus).0)
        .and_then(|node| super::commands::top_block(&root, &node));
    let next = block.and_then(|b| b.next_sibling());
    let _ = root.insert_before(&figure, next.as_ref());
    let after = match figure.next_element_sibling() {
        Some(p) if p.local_name() == "p" => p,
        _ => {
            let p = document().create_element("p").expect("an element of HTML");
            let _ = p.append_child(&document().create_element("br").expect("an element"));
            let _ = root.insert_before(&p, figure.next_sibling().as_ref());
            p
        }
    };
    let _ = root.focus();
    if let Some(selection) = window().get_selection().ok().flatten() {
        let _ = selection.collapse_with_offset(Some(&after), 0);
    }
}

/// The library opened under the toolbar; the photo picked goes where the caret was.
#[component]
pub(super) fn FromLibrary(
    html_view: RwSignal<bool>,
    at: StoredValue<Option<Caret>>,
    changed: Callback<()>,
) -> impl IntoView {
    let w = photos_ui(super::super::shared::lang());
    let picking = RwSignal::new(false);
    let uploads = RwSignal::new(0u32);
    let pick = Callback::new(move |chosen: LibraryPhoto| {
        if html_view.get_untracked() {
            into_html(&format!(
                "<figure data-photo=\"{}\"></figure>",
                chosen.photo.id
            ));
        } else {
            place(&chosen, at.get_value());
            changed.run(());
        }
        picking.set(false);
    });
    view! {
        <div class="body-figure">
            <button type="button" class="button" aria-expanded=move || picking.get().to_string()
                on:click=move |_| picking.update(|p| *p = !*p)>
                {w.body_photo}
            </button>
            {move || picking.get().then(|| view! {
                <Library changed=uploads pick=Some(pick) pick_label=Some(w.place_in_text) />
            })}
        </div>
    }
}

/// Writes `html` over the HTML field's selection (at its cursor), and tells the form.
fn into_html(html: &str) {
    let Some(body) = document()
        .get_element_by_id(surface::BODY_ID)
        .and_then(|e| e.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
    else {
        return;
    };
    let _ = body.set_range_text(html);
    surface::write_field(&body.value(), true);
    let _ = body.focus();
}

/// A dropped or pasted file's texts asked for, then the file sent to the library and placed.
#[component]
pub(super) fn OfferedPhoto(
    offered: RwSignal<Option<Offer>, LocalStorage>,
    changed: Callback<()>,
    status: RwSignal<Option<&'static str>>,
) -> impl IntoView {
    let (w, p) = (writing_words(), photos_ui(super::super::shared::lang()));
    let progress = RwSignal::new(Progress::Idle);
    let errors = RwSignal::new(BTreeMap::<String, String>::new());
    let close = move || {
        if let Some(offer) = offered.get_untracked() {
            let _ = web_sys::Url::revoke_object_url(&offer.preview);
        }
        offered.set(None);
        errors.set(BTreeMap::new());
    };
    let upload = move || {
        let Some(offer) = offered.get_untracked() else {
            return;
        };
        if progress.get_untracked() != Progress::Idle {
            return;
        }
        let Ok(data) = web_sys::FormData::new() else {
            return;
        };
        let _ = data.append_with_blob("file", &offer.file);
        for (name, value) in [("focalX", "0.5".to_string()), ("focalY", "0.5".to_string())]
            .into_iter()
            .chain(["alt", "caption", "credit"].map(|f| (f, field_value(&format!("offered-{f}")))))
        {
            let _ = data.append_with_str(name, &value);
        }
        progress.set(Progress::Sending(0));
        send(data, progress, move |code, text| {
            progress.set(Progress::Idle);
            let answer = js_sys::JSON::parse(&text).ok();
            match (code, answer) {
                (200 | 201, Some(a)) => {
                    if let Ok(up) = api::decode::<Uploaded>(a) {
                        place(&up.photo, offer.at);
                        close();
                        status.set(Some(w.photo_placed));
                        changed.run(());
                    }
                }
                (_, answer) => {
                    let error = answer
                        .and_then(|a| api::decode::<infoshos_model::ApiError>(a).ok())
                        .unwrap_or_else(|| {
                            infoshos_model::ApiError::new(super::super::shared::t().fix_fields)
                        });
                    let mut fields: BTreeMap<_, _> = error.fields.into_iter().collect();
                    fields.entry("file".into()).or_insert(error.error);
                    errors.set(fields);
                }
            }
        });
    };
    // Enter in a field would send the article's form: it uploads instead.
    let keys = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Enter" {
            ev.prevent_default();
            upload();
        }
    };
    let field = move |name: &'static str, label: &'static str, note: Option<&'static str>| {
        let id = format!("offered-{name}");
        view! {
            <div class="field">
                <label for=id.clone()>{label}</label>
                <input id=id on:keydown=keys aria-invalid=move || errors.with(|e| e.contains_key(name)).to_string() />
                {note.map(|n| view! { <span class="field-note">{n}</span> })}
                <span class="field-error">{move || errors.with(|e| e.get(name).cloned())}</span>
            </div>
        }
    };
    move || {
        offered.get().map(|offer| {
            view! {
                <div class="writing-offer" role="group" aria-label=w.new_photo>
                    <p><strong>{w.new_photo}</strong></p>
                    <img src=offer.preview alt="" />
                    <span class="field-error" role="alert">{move || errors.with(|e| e.get("file").cloned())}</span>
                    {field("alt", p.alt, Some(p.alt_note))}
                    {field("caption", p.caption, None)}
                    {field("credit", p.credit, None)}
                    <button type="button" class="button primary" on:click=move |_| upload()
                        disabled=move || progress.get() != Progress::Idle>{w.place_photo}</button>
                    " "
                    <button type="button" class="link" on:click=move |_| close()>{w.cancel}</button>
                    <span role="status">{move || match progress.get() {
                        Progress::Idle => None,
                        Progress::Sending(n) => Some(p.sending.replacen("{}", &n.to_string(), 1)),
                        Progress::Processing => Some(p.processing.to_string()),
                    }}</span>
                </div>
            }
        })
    }
}
