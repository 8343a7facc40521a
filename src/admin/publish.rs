//! Publishing an article, or correcting a published one (opened by its address into the same
//! form). The form checks the draft with the model's rules first and shows the server's answer
//! beside each field; what was typed stays in the form until the article is out. The body is
//! HTML: the server cleans it with its allowlist, and the preview below shows exactly what
//! readers will get.
//!
//! The parts: `OpenArticle` (by its address), `DraftForm` (`draft_form.rs`, with
//! `VisibilityBar` while correcting and a `DraftField` per line), `PublishedPreview`; `Desk` is
//! what they share.

use std::collections::BTreeMap;

use infoshos_model::Lang;
use infoshos_model::editorial::{EditorArticle, Preview, Published};
use infoshos_model::links::Page;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::draft_form::DraftForm;
use super::draft_read::local_field;
pub(super) use super::draft_read::read_draft;
use super::shared::said;
use super::shared::t;
use crate::api;
use crate::submitted::Submitted;

/// What the publishing desk shows, shared by its parts.
#[derive(Clone, Copy)]
pub(super) struct Desk {
    /// The address of the article being corrected; None while writing a new one.
    pub(super) editing: RwSignal<Option<String>>,
    /// Whether that article is off the portal.
    pub(super) hidden: RwSignal<bool>,
    /// When that article goes on the portal, if it is scheduled.
    pub(super) scheduled: RwSignal<Option<chrono::DateTime<chrono::Utc>>>,
    /// The draft kept on the server for the new article being written, once saved there.
    pub(super) draft: RwSignal<Option<i64>>,
    /// When it was last saved there, in words.
    pub(super) saved: RwSignal<Option<String>>,
    pub(super) errors: RwSignal<BTreeMap<String, String>>,
    pub(super) notice: RwSignal<Option<String>>,
    pub(super) published: RwSignal<Option<Published>>,
    /// The draft as readers would get it, asked for before publishing.
    pub(super) preview: RwSignal<Option<Preview>>,
    pub(super) lang: RwSignal<Lang>,
    pub(super) sending: RwSignal<bool>,
    /// The lead photo picked from the library, with this article's texts for it.
    pub(super) lead: RwSignal<Option<infoshos_model::Photo>>,
    /// The article opened for a correction, as stored; and the one a new edition is written
    /// from (`other_edition`), shown beside the form and named in its `story` field.
    pub(super) opened: RwSignal<Option<EditorArticle>>,
    pub(super) source: RwSignal<Option<EditorArticle>>,
    /// The states the draft concerns, as the checklist shows them (`states_field`).
    pub(super) countries: RwSignal<Vec<String>>,
    /// Told when the form's fields were set all at once, not typed: the counts read them again.
    pub(super) filled: Trigger,
    /// Told at each keystroke in the form: the address shown as it will read follows.
    pub(super) typed: Trigger,
}

impl Desk {
    fn new() -> Desk {
        Desk {
            editing: RwSignal::new(None),
            hidden: RwSignal::new(false),
            scheduled: RwSignal::new(None),
            draft: RwSignal::new(None),
            saved: RwSignal::new(None),
            errors: RwSignal::new(BTreeMap::new()),
            notice: RwSignal::new(None),
            published: RwSignal::new(None),
            preview: RwSignal::new(None),
            lang: RwSignal::new(Lang::En),
            sending: RwSignal::new(false),
            lead: RwSignal::new(None),
            opened: RwSignal::new(None),
            source: RwSignal::new(None),
            countries: RwSignal::new(Vec::new()),
            filled: Trigger::new(),
            typed: Trigger::new(),
        }
    }

    /// The form's fields were set at once (an article opened, a draft brought back, the form
    /// emptied): the states' checklist shows `countries`, and the counts follow.
    pub(super) fn filled_with(&self, countries: Vec<String>) {
        self.countries.set(countries);
        self.filled.notify();
    }

    pub(super) fn say(&self, words: impl Into<String>) {
        self.notice.set(Some(words.into()));
    }

    /// A fresh start for the article at `editing` (None: a new one).
    pub(super) fn start(&self, editing: Option<String>) {
        self.errors.set(BTreeMap::new());
        self.published.set(None);
        self.preview.set(None);
        self.notice.set(None);
        self.saved.set(None);
        self.draft.set(None);
        self.source.set(None);
        self.editing.set(editing);
    }
}

/// Sets a property of the form field with `id` (`value`, `readOnly`): the fields are the
/// browser's own, read once on submit.
pub(super) fn set_field(id: &str, property: &str, value: wasm_bindgen::JsValue) {
    if let Some(el) = document().get_element_by_id(id) {
        let _ = js_sys::Reflect::set(&el, &property.into(), &value);
    }
}

#[component]
pub fn Publish(
    /// An article picked in the list: opened once the form is drawn.
    opening: RwSignal<Option<String>>,
) -> impl IntoView {
    let desk = Desk::new();
    // Once the form is drawn: the article picked in the list, or else a new article's draft
    // kept in this browser.
    if opening.get_untracked().is_none() {
        Effect::new(move || bring_back(desk));
    }
    Effect::new(move || {
        if let Some(slug) = opening.get() {
            opening.set(None);
            open_article(desk, slug);
        }
    });
    view! {
        <OpenArticle desk />
        <DraftForm desk />
        <DraftPreview desk />
        <PublishedPreview desk />
    }
}

/// A new article's draft kept in this browser, back in the form, and said so.
pub(super) fn bring_back(desk: Desk) {
    if let Some(draft) = super::kept_draft::restore() {
        desk.filled_with(draft.countries.clone());
        desk.lang.set(draft.lang);
        desk.draft.set(draft.draft_id);
        desk.say(t().draft_back);
    }
}

/// Opens the article at `slug` into the form, as it is stored (also one taken off the portal).
pub(super) fn open_article(desk: Desk, slug: String) {
    spawn_local(async move {
        let url = format!("/api/admin/articles/{}", api::encode(&slug));
        match api::get::<EditorArticle>(url).await {
            Ok(a) => {
                desk.opened.set(Some(a.clone()));
                for (field, value) in [
                    ("open", a.slug.clone()),
                    ("title", a.title),
                    ("summary", a.summary),
                    ("section", a.section.map_or("", |s| s.key()).to_string()),
                    ("slug", a.slug.clone()),
                    ("body", a.body),
                ] {
                    set_field(&format!("article-{field}"), "value", value.into());
                }
                // A draft gets its real address when it is published.
                set_field("article-slug", "readOnly", (!a.draft).into());
                if a.draft {
                    set_field("article-slug", "value", "".into());
                }
                let at = a.scheduled_for.map(local_field).unwrap_or_default();
                set_field("article-publishAt", "value", at.into());
                desk.filled_with(a.countries);
                desk.lang.set(a.lang);
                desk.lead.set(a.lead);
                desk.hidden.set(a.hidden);
                desk.scheduled.set(a.scheduled_for);
                if a.draft {
                    desk.start(None);
                    desk.draft.set(Some(a.id));
                    super::kept_draft::keep_id(Some(a.id));
                    // Another edition's draft: the article it is written from, beside it again.
                    if let Some(source) = a.written_from {
                        let url = format!("/api/admin/articles/{}", api::encode(&source));
                        if let Ok(source) = api::get::<EditorArticle>(url).await {
                            desk.source.set(Some(source));
                        }
                    }
                } else {
                    desk.start(Some(a.slug));
                }
            }
            Err(e) => desk.say(format!("{slug}: {}", said(&e))),
        }
    });
}

/// Opens an article by the address typed.
#[component]
fn OpenArticle(desk: Desk) -> impl IntoView {
    let open = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let slug = Submitted::of(&ev).field("open").trim().to_string();
        if !slug.is_empty() {
            open_article(desk, slug);
        }
    };
    view! {
        <form class="admin-open" on:submit=open>
            <label for="article-open">{t().open_label}</label>
            <input id="article-open" name="open" type="text" placeholder="rats-council-tashkent-autumn-2017" />
            <button type="submit" class="button">{t().open}</button>
        </form>
    }
}

/// The draft as readers would get it (the server's cleaning, the reader's markup and styles),
/// before anything is published.
#[component]
fn DraftPreview(desk: Desk) -> impl IntoView {
    move || {
        desk.preview.get().map(|p| {
            view! {
                <section class="admin-preview" aria-label=t().preview>
                    <p>{t().preview_note}</p>
                    <article class="article">
                        <h1 class="article-title">{p.title}</h1>
                        <p class="article-lead">{p.summary}</p>
                        // Cleaned by the server's allowlist, as publishing would store it.
                        <div class="article-body" inner_html=p.body></div>
                    </article>
                </section>
            }
        })
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
                <section class="admin-published" aria-label=t().published>
                    <p><a href=path.clone()>{path.clone()}</a></p>
                    <div class="article-body" inner_html=p.body></div>
                </section>
            }
        })
    }
}
