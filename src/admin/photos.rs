//! The photo library in `/admin`: an upload (the file shown before it is sent, its focal point
//! picked by a click on it, alt text required, progress while it is sent and while the server
//! makes the sizes) and the library itself, searched by caption, credit or alt text. The
//! library also serves the publishing desk, which picks an article's lead photo from it
//! (`lead_photo.rs`).

use std::collections::BTreeMap;

use infoshos_model::photos::{LibraryPhoto, PhotoFormat, Uploaded, VariantSize, widths_of};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;

use crate::api;
use crate::i18n::admin::photos::{PhotosUi, photos_ui};
use crate::load::Load;
use crate::submitted::Submitted;

fn w() -> &'static PhotosUi {
    photos_ui(super::shared::lang())
}

/// How far an upload has come.
#[derive(Clone, PartialEq)]
pub(super) enum Progress {
    Idle,
    Sending(u32),
    Processing,
}

#[component]
pub(super) fn Photos() -> impl IntoView {
    let changed = RwSignal::new(0u32);
    view! {
        <UploadForm uploaded=Callback::new(move |()| changed.update(|n| *n += 1)) />
        <Library changed pick=None />
    }
}

#[component]
fn UploadForm(uploaded: Callback<()>) -> impl IntoView {
    let preview = RwSignal::new(None::<String>);
    let focal = RwSignal::new((0.5f64, 0.5f64));
    let progress = RwSignal::new(Progress::Idle);
    let errors = RwSignal::new(BTreeMap::<String, String>::new());
    let notice = RwSignal::new(None::<String>);
    let chosen = move |ev: leptos::ev::Event| {
        let file = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            .and_then(|input| input.files())
            .and_then(|files| files.get(0));
        if let Some(old) = preview.get_untracked() {
            let _ = web_sys::Url::revoke_object_url(&old);
        }
        preview.set(file.and_then(|f| web_sys::Url::create_object_url_with_blob(&f).ok()));
        focal.set((0.5, 0.5));
    };
    let pick_focal = move |ev: leptos::ev::MouseEvent| {
        if let Some(img) = ev
            .current_target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let (width, height) = (
                f64::from(img.offset_width()),
                f64::from(img.offset_height()),
            );
            if width > 0.0 && height > 0.0 {
                let x = (f64::from(ev.offset_x()) / width).clamp(0.0, 1.0);
                let y = (f64::from(ev.offset_y()) / height).clamp(0.0, 1.0);
                focal.set((x, y));
            }
        }
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if progress.get_untracked() != Progress::Idle {
            return;
        }
        let typed = Submitted::of(&ev);
        let Some(data) = typed.data() else { return };
        errors.set(BTreeMap::new());
        notice.set(None);
        progress.set(Progress::Sending(0));
        send(data, progress, move |status, text| {
            progress.set(Progress::Idle);
            let answer = js_sys::JSON::parse(&text).ok();
            match status {
                200 | 201 => {
                    let new = answer
                        .and_then(|a| api::decode::<Uploaded>(a).ok())
                        .is_some_and(|u| u.new);
                    notice.set(Some(
                        if new { w().uploaded } else { w().already_there }.into(),
                    ));
                    // Only now, with the photo stored, is what was typed let go.
                    if let Some(form) = &typed.form {
                        form.reset();
                    }
                    preview.set(None);
                    uploaded.run(());
                }
                _ => {
                    let error = answer
                        .and_then(|a| api::decode::<infoshos_model::ApiError>(a).ok())
                        .unwrap_or_else(|| {
                            infoshos_model::ApiError::new(super::shared::t().fix_fields)
                        });
                    errors.set(error.fields.into_iter().collect());
                    notice.set(Some(error.error));
                }
            }
        });
    };
    let error_of = move |field: &'static str| {
        move || {
            errors
                .get()
                .get(field)
                .map(|m| view! { <span class="field-error">{m.clone()}</span> })
        }
    };
    let state = move || match progress.get() {
        Progress::Idle => None,
        Progress::Sending(per_cent) => Some(w().sending.replacen("{}", &per_cent.to_string(), 1)),
        Progress::Processing => Some(w().processing.to_string()),
    };
    view! {
        <form class="admin-publish comment-form photo-upload" novalidate on:submit=submit>
            <h2>{w().upload_title}</h2>
            <div class="field">
                <label for="photo-file">{w().file}</label>
                <input id="photo-file" name="file" type="file" accept="image/jpeg,image/png,image/webp"
                    on:change=chosen />
                <span class="field-note">{w().file_note}</span>
                {error_of("file")}
            </div>
            {move || preview.get().map(|url| view! {
                <p class="field-note">{w().focal_note}</p>
                <div class="photo-focal">
                    <img src=url alt="" on:click=pick_focal />
                    <span class="focal-mark" aria-hidden="true"
                        style:left=move || format!("{}%", focal.get().0 * 100.0)
                        style:top=move || format!("{}%", focal.get().1 * 100.0)></span>
                </div>
            })}
            <input type="hidden" name="focalX" prop:value=move || focal.get().0.to_string() />
            <input type="hidden" name="focalY" prop:value=move || focal.get().1.to_string() />
            <div class="field">
                <label for="photo-alt">{w().alt}</label>
                <input id="photo-alt" name="alt" required />
                <span class="field-note">{w().alt_note}</span>
                {error_of("alt")}
            </div>
            <div class="field">
                <label for="photo-caption">{w().caption}</label>
                <input id="photo-caption" name="caption" />
                {error_of("caption")}
            </div>
            <div class="field">
                <label for="photo-credit">{w().credit}</label>
                <input id="photo-credit" name="credit" />
                {error_of("credit")}
            </div>
            <button type="submit" class="button primary" disabled=move || progress.get() != Progress::Idle>
                {w().upload}
            </button>
            <p class="form-notice" role="status">{move || state().or_else(|| notice.get())}</p>
        </form>
    }
}

/// Sends the form with `XMLHttpRequest`, which reports the bytes sent (`fetch` does not), and
/// calls `done` with the status and the answer's text.
pub(super) fn send(
    data: web_sys::FormData,
    progress: RwSignal<Progress>,
    done: impl FnOnce(u16, String) + 'static,
) {
    let Ok(xhr) = web_sys::XmlHttpRequest::new() else {
        return;
    };
    if xhr.open("POST", "/api/admin/photos").is_err() {
        return;
    }
    let sending =
        Closure::<dyn FnMut(web_sys::ProgressEvent)>::new(move |e: web_sys::ProgressEvent| {
            if e.length_computable() && e.total() > 0.0 {
                let per_cent = (e.loaded() / e.total() * 100.0).round() as u32;
                // All sent: the server is making the sizes now.
                progress.set(if per_cent >= 100 {
                    Progress::Processing
                } else {
                    Progress::Sending(per_cent)
                });
            }
        });
    if let Ok(upload) = xhr.upload() {
        upload.set_onprogress(Some(sending.as_ref().unchecked_ref()));
    }
    // Kept as long as the request: one upload at a time, so one small closure a photo.
    sending.forget();
    let finished = xhr.clone();
    let mut done = Some(done);
    let ended = Closure::<dyn FnMut()>::new(move || {
        if let Some(done) = done.take() {
            let text = finished.response_text().ok().flatten().unwrap_or_default();
            done(finished.status().unwrap_or(0), text);
        }
    });
    xhr.set_onloadend(Some(ended.as_ref().unchecked_ref()));
    ended.forget();
    if xhr.send_with_opt_form_data(Some(&data)).is_err() {
        progress.set(Progress::Idle);
    }
}

/// The library, newest first, searched as the editor types; with `pick`, each photo offers
/// to become the article's lead (or what `pick_label` says).
#[component]
pub(super) fn Library(
    changed: RwSignal<u32>,
    pick: Option<Callback<LibraryPhoto>>,
    #[prop(default = None)] pick_label: Option<&'static str>,
) -> impl IntoView {
    let words = RwSignal::new(String::new());
    let photos = Load::waiting(move || {
        let q = words.get_untracked();
        api::get::<Vec<LibraryPhoto>>(format!("/api/admin/photos?q={}", api::encode(&q)))
    });
    // Asked again for each new upload and as the words change (the first time too).
    Effect::new(move || {
        changed.track();
        words.track();
        photos.refetch();
    });
    let list = move || {
        match photos.get() {
        None => view! { <p aria-busy="true">"…"</p> }.into_any(),
        Some(Err(e)) => view! { <p class="failure" role="alert">{super::shared::said(&e)}</p> }.into_any(),
        Some(Ok(found)) if found.is_empty() => view! { <p>{w().none_found}</p> }.into_any(),
        Some(Ok(found)) => view! {
            <ul class="photo-library">
                {found.into_iter().map(|p| {
                    let smallest = widths_of(p.photo.width)[0];
                    let src = p.photo.src(VariantSize::Width(smallest), PhotoFormat::Jpeg);
                    let chosen = p.clone();
                    view! {
                        <li>
                            <img src=src alt=p.photo.alt.clone() width="160" loading="lazy" />
                            <span>{p.photo.caption.clone()}</span>
                            <span class="photo-credit">{p.photo.credit.clone()}</span>
                            {pick.map(|pick| view! {
                                <button type="button" class="button"
                                    on:click=move |_| pick.run(chosen.clone())>{pick_label.unwrap_or(w().use_as_lead)}</button>
                            })}
                        </li>
                    }
                }).collect_view()}
            </ul>
        }
        .into_any(),
    }
    };
    view! {
        <section class="photo-library-section" aria-label=w().photos>
            <input type="search" aria-label=w().search placeholder=w().search
                on:input=move |ev| words.set(event_target_value(&ev)) />
            {list}
        </section>
    }
}
