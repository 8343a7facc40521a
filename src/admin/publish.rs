//! Publishing an article, or correcting a published one (opened by its address into the same
//! form). The form checks the draft with the model's rules first and shows the server's answer
//! beside each field; what was typed stays in the form until the article is out. The body is
//! HTML: the server cleans it with its allowlist, and the preview below shows exactly what
//! readers will get.

use std::collections::BTreeMap;

use infoshos_model::Lang;
use infoshos_model::editorial::{
    Draft, EditorArticle, Published, Visibility, to_fields_en, validate_draft,
};
use infoshos_model::links::Page;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use super::{post, put, said, submitted};
use crate::api::{self, FetchError};
use crate::i18n::admin::ADMIN_EN as T;

/// Country codes as typed: separated by commas or spaces, any case.
fn codes(typed: &str) -> Vec<String> {
    typed
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|c| !c.is_empty())
        .map(str::to_uppercase)
        .collect()
}

/// Sets a property of the form field with `id` (`value`, `readOnly`): the fields are the
/// browser's own, read once on submit.
fn set_field(id: &str, property: &str, value: wasm_bindgen::JsValue) {
    if let Some(el) = document().get_element_by_id(id) {
        let _ = js_sys::Reflect::set(&el, &property.into(), &value);
    }
}

#[component]
pub fn Publish() -> impl IntoView {
    // The address of the article being corrected; None while writing a new one.
    let editing = RwSignal::new(None::<String>);
    // Whether that article is off the portal.
    let hidden = RwSignal::new(false);
    let errors = RwSignal::new(BTreeMap::<String, String>::new());
    let notice = RwSignal::new(None::<String>);
    let published = RwSignal::new(None::<Published>);
    let lang = RwSignal::new(Lang::En);
    let sending = RwSignal::new(false);

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if sending.get_untracked() {
            return;
        }
        let form: web_sys::HtmlFormElement = ev.target().unwrap().unchecked_into();
        let data = web_sys::FormData::new_with_form(&form).ok();
        let field = |name: &str| {
            data.as_ref()
                .and_then(|d| d.get(name).as_string())
                .unwrap_or_default()
        };
        let draft_lang = Lang::from_code(&field("lang")).unwrap_or_default();
        let draft = Draft {
            slug: Some(field("slug").trim().to_string()).filter(|s| !s.is_empty()),
            lang: draft_lang,
            title: field("title"),
            summary: field("summary"),
            body: field("body"),
            countries: codes(&field("countries")),
        };
        if let Err(problems) = validate_draft(&draft) {
            errors.set(to_fields_en(&problems));
            notice.set(Some(T.fix_fields.into()));
            return;
        }
        errors.set(BTreeMap::new());
        notice.set(None);
        sending.set(true);
        let target = editing.get_untracked();
        spawn_local(async move {
            let answer = match &target {
                Some(slug) => {
                    put(
                        &format!("/api/admin/articles/{}", api::encode(slug)),
                        &draft,
                    )
                    .await
                }
                None => post("/api/admin/articles", &draft).await,
            };
            sending.try_set(false);
            match answer.and_then(api::decode::<Published>) {
                Ok(p) => {
                    // A correction stays in the form for the next one; a new article is out.
                    if target.is_none() {
                        form.reset();
                    }
                    lang.set(draft_lang);
                    published.set(Some(p));
                    let said = if target.is_some() {
                        T.corrected
                    } else {
                        T.published
                    };
                    notice.set(Some(said.into()));
                }
                Err(FetchError::Rejected(_, body)) if !body.fields.is_empty() => {
                    errors.set(body.fields);
                    notice.set(Some(body.error));
                }
                Err(e) => notice.set(Some(said(&e))),
            }
        });
    };
    let error = move |field: &'static str| {
        move || {
            errors.with(|e| e.get(field).cloned()).map(
                |m| view! { <span class="field-error" id=format!("article-{field}-error")>{m}</span> },
            )
        }
    };
    let invalid =
        move |field: &'static str| move || errors.with(|e| e.contains_key(field)).to_string();
    let line = move |field: &'static str, label: &'static str, note: &'static str| {
        view! {
            <div class="field">
                <label for=format!("article-{field}")>{label}</label>
                <input id=format!("article-{field}") name=field type="text" aria-invalid=invalid(field)
                    aria-describedby=format!("article-{field}-note article-{field}-error") />
                <span class="field-note" id=format!("article-{field}-note")>{note}</span>
                {error(field)}
            </div>
        }
    };
    // Takes the article being corrected off the portal, or puts it back.
    let toggle = move |_| {
        let (Some(slug), visible) = (editing.get_untracked(), hidden.get_untracked()) else {
            return;
        };
        spawn_local(async move {
            let url = format!("/api/admin/articles/{}/visibility", api::encode(&slug));
            match post(&url, &Visibility { visible }).await {
                Ok(_) => {
                    hidden.set(!visible);
                    notice.set(Some(if visible { T.back_on } else { T.taken_off }.into()));
                }
                Err(e) => notice.set(Some(said(&e))),
            }
        });
    };
    // Opens an article into the form, as it is stored (also one taken off the portal).
    let open = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let slug = submitted(&ev, "open").trim().to_string();
        if slug.is_empty() {
            return;
        }
        spawn_local(async move {
            let url = format!("/api/admin/articles/{}", api::encode(&slug));
            match api::get::<EditorArticle>(url).await {
                Ok(a) => {
                    for (field, value) in [
                        ("title", a.title),
                        ("summary", a.summary),
                        ("countries", a.countries.join(", ")),
                        ("slug", a.slug.clone()),
                        ("body", a.body),
                    ] {
                        set_field(&format!("article-{field}"), "value", value.into());
                    }
                    set_field("article-slug", "readOnly", true.into());
                    lang.set(a.lang);
                    hidden.set(a.hidden);
                    errors.set(BTreeMap::new());
                    published.set(None);
                    notice.set(None);
                    editing.set(Some(a.slug));
                }
                Err(e) => notice.set(Some(format!("{slug}: {}", said(&e)))),
            }
        });
    };
    let write_new = move |_| {
        if let Some(form) = document().get_element_by_id("article-form") {
            form.unchecked_into::<web_sys::HtmlFormElement>().reset();
        }
        set_field("article-slug", "readOnly", false.into());
        editing.set(None);
        published.set(None);
        notice.set(None);
    };
    view! {
        <form class="admin-open" on:submit=open>
            <label for="article-open">{T.open_label}</label>
            <input id="article-open" name="open" type="text" placeholder="rats-council-tashkent-autumn-2017" />
            <button type="submit" class="button">{T.open}</button>
        </form>
        <form id="article-form" class="admin-publish comment-form" novalidate on:submit=submit>
            <h2>{move || match editing.get() {
                Some(slug) => format!("{} {slug}", T.correcting),
                None => T.new_article.to_string(),
            }}</h2>
            {move || editing.get().is_some().then(|| view! {
                <p class="admin-visibility">
                    {move || if hidden.get() { T.is_hidden } else { T.is_visible }} " "
                    <button type="button" class="button" on:click=toggle>
                        {move || if hidden.get() { T.put_back } else { T.take_off }}
                    </button>
                    " "
                    <button type="button" class="link" on:click=write_new>{T.write_new}</button>
                </p>
            })}
            {line("title", T.article_title, "")}
            {line("summary", T.summary, T.summary_note)}
            <div class="field">
                <label for="article-lang">{T.language}</label>
                <select id="article-lang" name="lang">
                    {Lang::ALL.into_iter().map(|l| view! {
                        <option value=l.code() prop:selected=move || lang.get() == l>{l.code()}</option>
                    }).collect_view()}
                </select>
            </div>
            {line("countries", T.countries, T.countries_note)}
            {line("slug", T.slug, T.slug_note)}
            <div class="field">
                <label for="article-body">{T.body}</label>
                <textarea id="article-body" name="body" rows="14" aria-invalid=invalid("body")
                    aria-describedby="article-body-note article-body-error"></textarea>
                <span class="field-note" id="article-body-note">{T.body_note}</span>
                {error("body")}
            </div>
            <button type="submit" class="button primary" disabled=move || sending.get()>
                {move || if editing.get().is_some() { T.save_correction } else { T.publish }}
            </button>
            <p class="form-notice" role="status">{move || notice.get()}</p>
        </form>
        {move || published.get().map(|p| {
            let path = Page::Article(lang.get_untracked(), p.slug).path();
            view! {
                <section class="admin-published" aria-label=T.published>
                    <p><a href=path.clone()>{path.clone()}</a></p>
                    // The body as the server stored it, after its allowlist: what readers see.
                    <div class="article-body" inner_html=p.body></div>
                </section>
            }
        })}
    }
}
