//! The draft of an article in `/admin`: its fields, checked with the model's rules, then sent
//! as a new article or as the correction of the one being edited (see `publish.rs`).

use std::collections::BTreeMap;

use infoshos_model::Lang;
use infoshos_model::editorial::{
    ArticleVersion, Draft, Preview, Published, Visibility, validate_draft,
};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use super::draft_field::DraftField;
use super::publish::{Desk, read_draft, set_field};
use super::shared::t;
use super::shared::{post, put, said};
use crate::api;
use crate::fetch_error::FetchError;
use crate::load::Load;
use crate::submitted::Submitted;
use crate::time::{iso, reader_local};

/// The form's draft if the model's rules pass it (its old messages cleared); else none, with
/// each field's problem beside it.
fn checked(desk: Desk, typed: &Submitted) -> Option<Draft> {
    let draft = read_draft(typed);
    if let Err(problems) = validate_draft(&draft) {
        desk.errors.set(crate::i18n::admin::draft_fields(
            super::shared::lang(),
            &problems,
        ));
        desk.say(t().fix_fields);
        return None;
    }
    desk.errors.set(BTreeMap::new());
    desk.notice.set(None);
    Some(draft)
}

/// About what search results show of a headline, and of a lead as the page's description.
const TITLE_CUT: usize = 60;
const SUMMARY_CUT: usize = 160;

/// The draft: checked with the model's rules, then published (or, while correcting, saved).
#[component]
pub(super) fn DraftForm(desk: Desk) -> impl IntoView {
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if desk.sending.get_untracked() {
            return;
        }
        let typed = Submitted::of(&ev);
        let Some(draft) = checked(desk, &typed) else {
            return;
        };
        desk.sending.set(true);
        spawn_local(send(desk, draft, typed.form));
    };
    // A new article is kept in this browser as it is written (`kept_draft`).
    let keep = move |ev: leptos::ev::Event| {
        desk.typed.notify();
        if desk.editing.get_untracked().is_none() {
            let form = ev.current_target().and_then(|t| t.dyn_into().ok());
            super::kept_draft::keep(&Submitted::of_form(form));
            super::autosave::soon(desk);
        }
    };
    // The same checks, then the server's cleaning, stored nowhere.
    let preview = move |_| {
        let form = document()
            .get_element_by_id("article-form")
            .and_then(|f| f.dyn_into().ok());
        let Some(draft) = checked(desk, &Submitted::of_form(form)) else {
            return;
        };
        spawn_local(async move {
            match post("/api/admin/preview", &draft)
                .await
                .and_then(api::decode::<Preview>)
            {
                Ok(p) => desk.preview.set(Some(p)),
                Err(FetchError::Rejected(_, body)) if !body.fields.is_empty() => {
                    desk.errors.set(body.fields);
                    desk.say(body.error);
                }
                Err(e) => desk.say(said(&e)),
            }
        });
    };
    let sending = desk.sending;
    let editing = desk.editing;
    // The body as HTML, for those who want it, instead of the writing surface.
    let html_view = RwSignal::new(false);
    let lang = desk.lang;
    view! {
        <form id="article-form" class="admin-publish comment-form" novalidate on:submit=submit
            on:input=keep on:change=keep>
            <h2>{move || match editing.get() {
                Some(slug) => format!("{} {slug}", t().correcting),
                None => t().new_article.to_string(),
            }}</h2>
            {move || editing.get().is_some().then(|| view! { <VisibilityBar desk /> })}
            <super::story_flags::CorrectionAsked desk />
            <super::other_edition::SourcePane desk />
            // Asked again after each saved correction.
            {move || {
                desk.published.track();
                editing.get().map(|slug| view! { <EarlierVersions slug /> })
            }}
            <DraftField desk field="title" label=t().article_title note=t().title_note cut=TITLE_CUT />
            <DraftField desk field="summary" label=t().summary note=t().summary_note cut=SUMMARY_CUT />
            <div class="field">
                <label for="article-lang">{t().language}</label>
                <select id="article-lang" name="lang">
                    {Lang::ALL.into_iter().map(|l| view! {
                        <option value=l.code() prop:selected=move || lang.get() == l>{l.endonym()}</option>
                    }).collect_view()}
                </select>
            </div>
            <super::section_field::SectionField desk />
            <super::states_field::StatesField desk />
            <DraftField desk field="slug" label=t().slug note=t().slug_note />
            <super::address_preview::AddressPreview desk />
            <super::writing::Writing desk html_view />
            <div hidden=move || !html_view.get()>
                <DraftField desk field="body" label=t().body note=t().body_note multiline=true />
            </div>
            <super::lead_photo::LeadField desk />
            <DraftField desk field="publishAt" label=t().publish_at kind="datetime-local" />
            <super::story_flags::FlagEditions desk />
            <button type="submit" class="button primary" disabled=move || sending.get()>
                {move || if editing.get().is_some() { t().save_correction } else { t().publish }}
            </button>
            " "
            <button type="button" class="button" on:click=preview>{t().preview}</button>
            <p class="form-notice" role="status">{move || desk.notice.get()}</p>
            <p class="admin-saved" aria-live="polite">{move || desk.saved.get()}</p>
        </form>
    }
}

/// Sends a checked draft: a new article (the draft kept on the server becoming it, if there
/// is one), or the correction of the one being edited.
async fn send(desk: Desk, mut draft: Draft, form: Option<web_sys::HtmlFormElement>) {
    let target = desk.editing.get_untracked();
    if target.is_none() {
        super::autosave::cancel();
        draft.draft_id = desk.draft.get_untracked();
    }
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
    desk.sending.try_set(false);
    match answer.and_then(api::decode::<Published>) {
        Ok(p) => {
            // A correction stays in the form for the next one; a new article is out.
            if let (None, Some(form)) = (&target, form) {
                form.reset();
                desk.filled_with(Vec::new());
                desk.source.set(None);
                super::kept_draft::forget();
                desk.draft.set(None);
                desk.saved.set(None);
            }
            desk.lang.set(draft.lang);
            desk.preview.set(None);
            let scheduled = p.scheduled_for;
            desk.published.set(Some(p));
            desk.say(match (scheduled, &target) {
                (Some(at), _) => t().scheduled_for.replacen("{}", &reader_local(at), 1),
                (None, Some(_)) if draft.flag_editions => {
                    format!("{} {}", t().corrected, t().editions_flagged)
                }
                (None, Some(_)) => t().corrected.to_string(),
                (None, None) => t().published.to_string(),
            });
            if target.is_some() {
                // Corrected: a flag another edition put on it is gone, and the box is let go.
                desk.opened.update(|a| {
                    if let Some(a) = a {
                        a.correction_asked = None;
                    }
                });
                set_field("article-flag-editions", "checked", false.into());
            }
        }
        Err(FetchError::Rejected(_, body)) if !body.fields.is_empty() => {
            desk.errors.set(body.fields);
            desk.say(body.error);
        }
        Err(e) => desk.say(said(&e)),
    }
}

/// What the corrections of the article being corrected replaced, newest first: when, who and
/// the headline then (nothing while it has none).
#[component]
fn EarlierVersions(slug: String) -> impl IntoView {
    let versions = Load::new(move || {
        api::get::<Vec<ArticleVersion>>(format!(
            "/api/admin/articles/{}/versions",
            api::encode(&slug)
        ))
    });
    move || {
        versions
            .get()
            .and_then(Result::ok)
            .filter(|v| !v.is_empty())
            .map(|list| {
                let rows = list
                .into_iter()
                .map(|v| {
                    view! {
                        <li>
                            <time datetime=iso(v.replaced_at)>{reader_local(v.replaced_at)}</time>
                            " · " {v.actor} ": " <strong>{v.title}</strong>
                        </li>
                    }
                })
                .collect_view();
                view! {
                    <details class="admin-versions">
                        <summary>{t().versions}</summary>
                        <ol>{rows}</ol>
                    </details>
                }
            })
    }
}

/// While correcting: whether the article is on the portal, with the button that changes it.
#[component]
fn VisibilityBar(desk: Desk) -> impl IntoView {
    let hidden = desk.hidden;
    let toggle = move |_| {
        let (Some(slug), visible) = (desk.editing.get_untracked(), hidden.get_untracked()) else {
            return;
        };
        spawn_local(async move {
            let url = format!("/api/admin/articles/{}/visibility", api::encode(&slug));
            match post(&url, &Visibility { visible }).await {
                Ok(_) => {
                    hidden.set(!visible);
                    desk.say(if visible { t().back_on } else { t().taken_off });
                }
                Err(e) => desk.say(said(&e)),
            }
        });
    };
    let write_new = move |_| {
        if let Some(form) = document().get_element_by_id("article-form") {
            form.unchecked_into::<web_sys::HtmlFormElement>().reset();
        }
        desk.filled_with(Vec::new());
        set_field("article-slug", "readOnly", false.into());
        desk.start(None);
        super::publish::bring_back(desk);
    };
    view! {
        <p class="admin-visibility">
            {move || if hidden.get() { t().is_hidden } else { t().is_visible }} " "
            <button type="button" class="button" on:click=toggle>
                {move || if hidden.get() { t().put_back } else { t().take_off }}
            </button>
            " "
            <button type="button" class="link" on:click=write_new>{t().write_new}</button>
            <super::other_edition::OtherEditions desk />
        </p>
    }
}
