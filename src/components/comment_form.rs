use std::collections::BTreeMap;

use infoshos_model::comments::reply_field;
use infoshos_model::validation::FIELDS;
use infoshos_model::{CommentCreated, CommentStatus, NewComment, validate_comment};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use crate::api;
use crate::components::comment_post::{self, FieldMessages};
use crate::fetch_error::FetchError;
use crate::i18n::{Ui, problem_message};
use crate::site::use_site;
use crate::submitted::Submitted;

/// A comment on its way: the article and what the reader wrote.
struct Queued {
    slug: String,
    comment: NewComment,
}

/// A new key for a comment, so the server stores it once however often it is sent: the time
/// and a random part, in hex.
fn new_key() -> String {
    let random = (js_sys::Math::random() * 4_503_599_627_370_496.0) as u64;
    format!("c{:x}-{random:x}", js_sys::Date::now() as u64)
}

fn from_api(fields: &BTreeMap<String, String>) -> FieldMessages {
    FIELDS.map(|f| fields.get(f).cloned())
}

/// The id of the first field that needs attention, to move the focus there.
fn first_invalid(messages: &FieldMessages) -> Option<String> {
    FIELDS
        .iter()
        .zip(messages)
        .find(|(_, m)| m.is_some())
        .map(|(f, _)| format!("comment-{f}"))
}

fn slot(field: &str) -> usize {
    FIELDS.iter().position(|f| *f == field).unwrap_or(0)
}

/// The form in view, with the focus in its first field: "Add comment" and each "Reply".
pub fn to_form() {
    if let Some(form) = document().get_element_by_id("comment-form") {
        form.scroll_into_view();
    }
    if let Some(input) = document().get_element_by_id("comment-name") {
        let _ = input.unchecked_into::<web_sys::HtmlElement>().focus();
    }
}

/// The fields as the reader typed them, with a new key and the article's token.
fn comment_from(typed: &Submitted, token: Option<String>) -> NewComment {
    NewComment {
        reply_to: reply_field(&typed.field("replyTo")),
        name: typed.field("name"),
        email: Some(typed.field("email")).filter(|e| !e.trim().is_empty()),
        text: typed.field("text"),
        website: typed.field("website"),
        key: Some(new_key()),
        token,
    }
}

/// What the form shows about the last attempt: a message per field, whether a send is under
/// way, and one notice (accepted?, words).
#[derive(Clone, Copy)]
struct FormState {
    errors: RwSignal<FieldMessages>,
    sending: RwSignal<bool>,
    notice: RwSignal<Option<(bool, String)>>,
    t: &'static Ui,
    on_stored: Callback<()>,
}

impl FormState {
    /// The fields' messages and a summary, with the focus on the first field to mend.
    fn show_problems(self, messages: FieldMessages, summary: String) {
        let first = first_invalid(&messages);
        self.errors.try_set(messages);
        self.notice.try_set(Some((false, summary)));
        if let Some(el) = first.and_then(|id| document().get_element_by_id(&id)) {
            let _ = el.unchecked_into::<web_sys::HtmlElement>().focus();
        }
    }

    /// Sends now, or (no connection) through pwa.js's outbox.
    fn send(self, item: Queued) {
        self.errors.set(FieldMessages::default());
        self.notice.set(None);
        if !crate::pwa::online() {
            self.send_later(item);
            return;
        }
        self.sending.set(true);
        spawn_local(async move {
            let result = api::post_comment(item.slug.clone(), item.comment.clone()).await;
            self.sending.try_set(false);
            if matches!(result, Err(FetchError::Network | FetchError::Offline)) {
                self.send_later(item);
            } else {
                self.answered(item, result, false);
            }
        });
    }

    /// No connection: the comment waits in pwa.js's outbox, the reader's text stays in the
    /// form, and the button stays busy until the server has answered.
    fn send_later(self, item: Queued) {
        self.notice
            .set(Some((true, self.t.comment_queued.to_string())));
        self.sending.set(true);
        spawn_local(async move {
            let result = api::post_comment_later(item.slug.clone(), item.comment.clone()).await;
            self.sending.try_set(false);
            self.answered(item, result, true);
        });
    }

    /// The server's answer: the comment shown (marked when it waits for an editor) and the
    /// text box emptied, or the reasons, kept beside what the reader typed.
    fn answered(self, item: Queued, result: Result<CommentCreated, FetchError>, late: bool) {
        let t = self.t;
        let comment = &item.comment;
        match result {
            Ok(created) => {
                let pending = created.status != CommentStatus::Published;
                // The list is fetched again: the reader sees their comment in its place (a
                // reply in its thread); one waiting for an editor is marked so, and only they
                // see it, here and on later visits (its key is kept).
                if created.id > 0 {
                    if let (true, Some(key)) = (pending, comment.key.as_deref()) {
                        crate::own_comments::remember(&item.slug, key);
                    }
                    self.on_stored.run(());
                }
                let message = if pending {
                    t.comment_pending
                } else {
                    t.comment_published
                };
                if let Some(text) = document().get_element_by_id("comment-text") {
                    text.unchecked_into::<web_sys::HtmlTextAreaElement>()
                        .set_value("");
                }
                // The next comment answers no one until the reader asks again.
                if let Some(line) = document().get_element_by_id("replying") {
                    line.set_text_content(None);
                }
                self.notice.try_set(Some((true, message.to_string())));
            }
            Err(FetchError::Rejected(_, body)) if !body.fields.is_empty() => {
                self.show_problems(from_api(&body.fields), body.error);
            }
            Err(error) if late => {
                self.notice.try_set(Some((
                    false,
                    format!("{} {}", t.comment_not_sent, error.message(t)),
                )));
            }
            Err(error) => {
                self.notice.try_set(Some((false, error.message(t))));
            }
        }
    }
}

/// "Leave a comment": checked with the same rules as the server before it is sent, never
/// sent twice at once, and never clears what the reader typed when something is wrong.
#[component]
pub fn CommentForm(
    slug: String,
    /// The server stored a comment (published, or waiting for an editor).
    on_stored: Callback<()>,
    /// The signed token the article came with; the server refuses a comment without it.
    #[prop(default = None)]
    token: Option<String>,
) -> impl IntoView {
    let site = use_site();
    let t = site.ui();
    let lang = site.lang.get_untracked();
    let slug = StoredValue::new(slug);
    let token = StoredValue::new(token);
    // (accepted?, message) about the last attempt: on the server's page, the last send
    // without JavaScript (`comment_post`); in the browser, nothing yet.
    let (first_errors, first_notice) = comment_post::first_state(lang, t);
    let state = FormState {
        errors: RwSignal::new(first_errors),
        sending: RwSignal::new(false),
        notice: RwSignal::new(first_notice),
        t,
        on_stored,
    };
    let FormState {
        errors,
        sending,
        notice,
        ..
    } = state;

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if sending.get_untracked() {
            return;
        }
        let comment = comment_from(&Submitted::of(&ev), token.get_value());
        match validate_comment(&comment) {
            Err(problems) => state.show_problems(
                problems
                    .in_field_order()
                    .map(|p| p.map(|p| problem_message(lang, p))),
                t.fix_fields.to_string(),
            ),
            Ok(()) => state.send(Queued {
                slug: slug.get_value(),
                comment,
            }),
        }
    };

    let message = move |field: &'static str| errors.with(|e| e[slot(field)].clone());
    let field_error = move |field: &'static str| {
        move || {
            message(field).map(|m| view! { <span class="field-error" id=format!("comment-{field}-error")>{m}</span> })
        }
    };
    let invalid = move |field: &'static str| move || message(field).is_some().to_string();

    view! {
        <form id="comment-form" class="comment-form" novalidate on:submit=submit aria-labelledby="comment-form-title" {..comment_post::form_method()}>
            <h3 id="comment-form-title">{t.leave_comment}</h3>
            // Whom the comment answers, with its hidden field: drawn by the server for
            // `?reply=` and by public/pwa-later.js for a "Reply" pressed; the app leaves it be.
            <p id="replying" class="replying" data-kept="">{comment_post::reply_line()}</p>
            <div class="field">
                <label for="comment-name">{t.name}</label>
                <input id="comment-name" name="name" type="text" autocomplete="name" maxlength="200" aria-invalid=invalid("name") aria-describedby="comment-name-error" {..comment_post::typed("name")} />
                {field_error("name")}
            </div>
            <div class="field">
                <label for="comment-email">{t.email}</label>
                <input id="comment-email" name="email" type="email" autocomplete="email" aria-invalid=invalid("email") aria-describedby="comment-email-note comment-email-error" {..comment_post::typed("email")} />
                <span class="field-note" id="comment-email-note">{t.email_note}</span>
                {field_error("email")}
            </div>
            <div class="field">
                <label for="comment-text">{t.text}</label>
                <textarea id="comment-text" name="text" rows="5" aria-invalid=invalid("text") aria-describedby="comment-text-error">{comment_post::typed_text()}</textarea>
                {field_error("text")}
            </div>
            // People never see this field; bots fill it in.
            <div class="honeypot" aria-hidden="true">
                <label for="comment-website">{t.website}</label>
                <input id="comment-website" name="website" type="text" tabindex="-1" autocomplete="off" />
            </div>
            {comment_post::hidden_fields(token.get_value())}
            <button type="submit" class="button primary" disabled=move || sending.get() aria-busy=move || sending.get().to_string()>
                {move || if sending.get() { t.sending } else { t.send }}
            </button>
            <p class="form-notice" role="status" aria-live="polite">
                {move || notice.get().map(|(ok, m)| view! { <span class=if ok { "ok" } else { "bad" }>{m}</span> })}
            </p>
        </form>
    }
}
