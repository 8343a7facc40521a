//! Publishing an article, or correcting a published one (opened by its address into the same
//! form). The form checks the draft with the model's rules first and shows the server's answer
//! beside each field; what was typed stays in the form until the article is out. The body is
//! HTML: the server cleans it with its allowlist, and the preview below shows exactly what
//! readers will get.
//!
//! The parts: `OpenArticle` (by its address), `DraftForm` (with `VisibilityBar` while
//! correcting, and a `DraftField` per line), `PublishedPreview`; `Desk` is what they share.

use std::collections::BTreeMap;

use infoshos_model::Lang;
use infoshos_model::editorial::{
    Draft, EditorArticle, Published, Visibility, to_fields_en, validate_draft,
};
use infoshos_model::links::Page;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use super::{Submitted, post, put, said};
use crate::api::{self, FetchError};
use crate::i18n::admin::ADMIN_EN as T;

/// What the publishing desk shows, shared by its parts.
#[derive(Clone, Copy)]
struct Desk {
    /// The address of the article being corrected; None while writing a new one.
    editing: RwSignal<Option<String>>,
    /// Whether that article is off the portal.
    hidden: RwSignal<bool>,
    errors: RwSignal<BTreeMap<String, String>>,
    notice: RwSignal<Option<String>>,
    published: RwSignal<Option<Published>>,
    lang: RwSignal<Lang>,
    sending: RwSignal<bool>,
}

impl Desk {
    fn new() -> Desk {
        Desk {
            editing: RwSignal::new(None),
            hidden: RwSignal::new(false),
            errors: RwSignal::new(BTreeMap::new()),
            notice: RwSignal::new(None),
            published: RwSignal::new(None),
            lang: RwSignal::new(Lang::En),
            sending: RwSignal::new(false),
        }
    }

    fn say(&self, words: impl Into<String>) {
        self.notice.set(Some(words.into()));
    }

    /// A fresh start for the article at `editing` (None: a new one).
    fn start(&self, editing: Option<String>) {
        self.errors.set(BTreeMap::new());
        self.published.set(None);
        self.notice.set(None);
        self.editing.set(editing);
    }
}

/// Country codes as typed: separated by commas or spaces, any case.
fn codes(typed: &str) -> Vec<String> {
    typed
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|c| !c.is_empty())
        .map(str::to_uppercase)
        .collect()
}

/// The draft as typed into the form.
fn read_draft(form: &Submitted) -> Draft {
    Draft {
        slug: Some(form.field("slug").trim().to_string()).filter(|s| !s.is_empty()),
        lang: Lang::from_code(&form.field("lang")).unwrap_or_default(),
        title: form.field("title"),
        summary: form.field("summary"),
        body: form.field("body"),
        countries: codes(&form.field("countries")),
    }
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
    let desk = Desk::new();
    view! {
        <OpenArticle desk />
        <DraftForm desk />
        <PublishedPreview desk />
    }
}

/// Opens an article into the form, as it is stored (also one taken off the portal).
#[component]
fn OpenArticle(desk: Desk) -> impl IntoView {
    let open = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let slug = Submitted::of(&ev).field("open").trim().to_string();
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
                    desk.lang.set(a.lang);
                    desk.hidden.set(a.hidden);
                    desk.start(Some(a.slug));
                }
                Err(e) => desk.say(format!("{slug}: {}", said(&e))),
            }
        });
    };
    view! {
        <form class="admin-open" on:submit=open>
            <label for="article-open">{T.open_label}</label>
            <input id="article-open" name="open" type="text" placeholder="rats-council-tashkent-autumn-2017" />
            <button type="submit" class="button">{T.open}</button>
        </form>
    }
}

/// The draft: checked with the model's rules, then published (or, while correcting, saved).
#[component]
fn DraftForm(desk: Desk) -> impl IntoView {
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if desk.sending.get_untracked() {
            return;
        }
        let typed = Submitted::of(&ev);
        let draft = read_draft(&typed);
        if let Err(problems) = validate_draft(&draft) {
            desk.errors.set(to_fields_en(&problems));
            desk.say(T.fix_fields);
            return;
        }
        desk.errors.set(BTreeMap::new());
        desk.notice.set(None);
        desk.sending.set(true);
        spawn_local(send(desk, draft, typed.form));
    };
    let sending = desk.sending;
    let editing = desk.editing;
    let lang = desk.lang;
    view! {
        <form id="article-form" class="admin-publish comment-form" novalidate on:submit=submit>
            <h2>{move || match editing.get() {
                Some(slug) => format!("{} {slug}", T.correcting),
                None => T.new_article.to_string(),
            }}</h2>
            {move || editing.get().is_some().then(|| view! { <VisibilityBar desk /> })}
            <DraftField desk field="title" label=T.article_title />
            <DraftField desk field="summary" label=T.summary note=T.summary_note />
            <div class="field">
                <label for="article-lang">{T.language}</label>
                <select id="article-lang" name="lang">
                    {Lang::ALL.into_iter().map(|l| view! {
                        <option value=l.code() prop:selected=move || lang.get() == l>{l.code()}</option>
                    }).collect_view()}
                </select>
            </div>
            <DraftField desk field="countries" label=T.countries note=T.countries_note />
            <DraftField desk field="slug" label=T.slug note=T.slug_note />
            <DraftField desk field="body" label=T.body note=T.body_note multiline=true />
            <button type="submit" class="button primary" disabled=move || sending.get()>
                {move || if editing.get().is_some() { T.save_correction } else { T.publish }}
            </button>
            <p class="form-notice" role="status">{move || desk.notice.get()}</p>
        </form>
    }
}

/// Sends a checked draft: a new article, or the correction of the one being edited.
async fn send(desk: Desk, draft: Draft, form: Option<web_sys::HtmlFormElement>) {
    let target = desk.editing.get_untracked();
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
            }
            desk.lang.set(draft.lang);
            desk.published.set(Some(p));
            desk.say(if target.is_some() {
                T.corrected
            } else {
                T.published
            });
        }
        Err(FetchError::Rejected(_, body)) if !body.fields.is_empty() => {
            desk.errors.set(body.fields);
            desk.say(body.error);
        }
        Err(e) => desk.say(said(&e)),
    }
}

/// One field of the draft with its label, its note and the model's or the server's message.
#[component]
fn DraftField(
    desk: Desk,
    field: &'static str,
    label: &'static str,
    #[prop(default = "")] note: &'static str,
    #[prop(default = false)] multiline: bool,
) -> impl IntoView {
    let errors = desk.errors;
    let id = format!("article-{field}");
    let described = format!("{id}-note {id}-error");
    let invalid = move || errors.with(|e| e.contains_key(field)).to_string();
    let input = if multiline {
        view! {
            <textarea id=id.clone() name=field rows="14" aria-invalid=invalid
                aria-describedby=described></textarea>
        }
        .into_any()
    } else {
        view! {
            <input id=id.clone() name=field type="text" aria-invalid=invalid
                aria-describedby=described />
        }
        .into_any()
    };
    let error = move || {
        errors.with(|e| e.get(field).cloned()).map(
            |m| view! { <span class="field-error" id=format!("article-{field}-error")>{m}</span> },
        )
    };
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            {input}
            <span class="field-note" id=format!("{id}-note")>{note}</span>
            {error}
        </div>
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
                    desk.say(if visible { T.back_on } else { T.taken_off });
                }
                Err(e) => desk.say(said(&e)),
            }
        });
    };
    let write_new = move |_| {
        if let Some(form) = document().get_element_by_id("article-form") {
            form.unchecked_into::<web_sys::HtmlFormElement>().reset();
        }
        set_field("article-slug", "readOnly", false.into());
        desk.start(None);
    };
    view! {
        <p class="admin-visibility">
            {move || if hidden.get() { T.is_hidden } else { T.is_visible }} " "
            <button type="button" class="button" on:click=toggle>
                {move || if hidden.get() { T.put_back } else { T.take_off }}
            </button>
            " "
            <button type="button" class="link" on:click=write_new>{T.write_new}</button>
        </p>
    }
}

/// The article just published or corrected: its address, and its body as the server stored
/// it, after its allowlist: what readers see.
#[component]
fn PublishedPreview(desk: Desk) -> impl IntoView {
    move || {
        desk.published.get().map(|p| {
            let path = Page::Article(desk.lang.get_untracked(), p.slug).path();
            view! {
                <section class="admin-published" aria-label=T.published>
                    <p><a href=path.clone()>{path.clone()}</a></p>
                    <div class="article-body" inner_html=p.body></div>
                </section>
            }
        })
    }
}
