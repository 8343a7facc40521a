//! Publishing an article. The form checks the draft with the model's rules first and shows
//! the server's answer beside each field; what was typed stays in the form until the article
//! is out. The body is HTML: the server cleans it with its allowlist, and the preview below
//! shows exactly what readers will get.

use std::collections::BTreeMap;

use infoshos_model::Lang;
use infoshos_model::editorial::{Draft, Published, to_fields_en, validate_draft};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use super::post;
use crate::api::FetchError;
use crate::i18n::admin::ADMIN_EN as T;

/// Country codes as typed: separated by commas or spaces, any case.
fn codes(typed: &str) -> Vec<String> {
    typed
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|c| !c.is_empty())
        .map(str::to_uppercase)
        .collect()
}

#[component]
pub fn Publish() -> impl IntoView {
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
        spawn_local(async move {
            let answer = post("/api/admin/articles", &draft).await;
            sending.try_set(false);
            match answer.and_then(|v| {
                serde_wasm_bindgen::from_value::<Published>(v).map_err(|_| FetchError::Decode)
            }) {
                Ok(p) => {
                    form.reset();
                    lang.set(draft_lang);
                    published.set(Some(p));
                    notice.set(Some(T.published.into()));
                }
                Err(FetchError::Rejected(_, body)) if !body.fields.is_empty() => {
                    errors.set(body.fields);
                    notice.set(Some(body.error));
                }
                Err(e) => notice.set(Some(e.to_string())),
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
    view! {
        <form class="admin-publish comment-form" novalidate on:submit=submit>
            <h2>{T.new_article}</h2>
            {line("title", T.article_title, "")}
            {line("summary", T.summary, T.summary_note)}
            <div class="field">
                <label for="article-lang">{T.language}</label>
                <select id="article-lang" name="lang">
                    {Lang::ALL.into_iter().map(|l| view! {
                        <option value=l.code() selected=move || lang.get() == l>{l.code()}</option>
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
            <button type="submit" class="button primary" disabled=move || sending.get()>{T.publish}</button>
            <p class="form-notice" role="status">{move || notice.get()}</p>
        </form>
        {move || published.get().map(|p| {
            let lang = lang.get_untracked().code();
            view! {
                <section class="admin-published" aria-label=T.published>
                    <p><a href=format!("/{lang}/article/{}", p.slug)>{format!("/{lang}/article/{}", p.slug)}</a></p>
                    // The body as the server stored it, after its allowlist: what readers see.
                    <div class="article-body" inner_html=p.body></div>
                </section>
            }
        })}
    }
}
