use std::collections::BTreeMap;

use infoshos_model::{Comment, CommentProblems, CommentStatus, Lang, NewComment, validate_comment};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use crate::api::{self, FetchError};
use crate::app::use_site;
use crate::components::clocks::now_utc;
use crate::i18n::problem_message;

/// One message per field, from our own check or from the server's 422.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FieldMessages {
    pub name: Option<String>,
    pub email: Option<String>,
    pub text: Option<String>,
}

impl FieldMessages {
    pub fn from_problems(lang: Lang, p: &CommentProblems) -> Self {
        let msg = |p: Option<_>| p.map(|p| problem_message(lang, p));
        FieldMessages {
            name: msg(p.name),
            email: msg(p.email),
            text: msg(p.text),
        }
    }

    pub fn from_api(fields: &BTreeMap<String, String>) -> Self {
        FieldMessages {
            name: fields.get("name").cloned(),
            email: fields.get("email").cloned(),
            text: fields.get("text").cloned(),
        }
    }

    /// The id of the first field that needs attention, to move the focus there.
    pub fn first_invalid(&self) -> Option<&'static str> {
        [
            ("comment-name", &self.name),
            ("comment-email", &self.email),
            ("comment-text", &self.text),
        ]
        .into_iter()
        .find_map(|(id, m)| m.as_ref().map(|_| id))
    }
}

/// "Leave a comment": checked with the same rules as the server before it is sent, never
/// sent twice at once, and never clears what the reader typed when something is wrong.
#[component]
pub fn CommentForm(slug: String, on_published: Callback<Comment>) -> impl IntoView {
    let site = use_site();
    let t = site.ui();
    let lang = site.lang.get_untracked();
    let slug = StoredValue::new(slug);
    let errors = RwSignal::new(FieldMessages::default());
    let sending = RwSignal::new(false);
    // (accepted?, message) about the last attempt.
    let notice = RwSignal::new(None::<(bool, String)>);

    let show_problems = move |messages: FieldMessages, summary: String| {
        let first = messages.first_invalid();
        errors.try_set(messages);
        notice.try_set(Some((false, summary)));
        if let Some(el) = first.and_then(|id| document().get_element_by_id(id)) {
            let _ = el.unchecked_into::<web_sys::HtmlElement>().focus();
        }
    };

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if sending.get_untracked() {
            return;
        }
        // The fields are the browser's own: what the reader typed stays in them whatever
        // happens here, and is read once, on submit.
        let Some(form) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlFormElement>().ok())
        else {
            return;
        };
        let data = web_sys::FormData::new_with_form(&form).ok();
        let field = |name: &str| {
            data.as_ref()
                .and_then(|d| d.get(name).as_string())
                .unwrap_or_default()
        };
        let comment = NewComment {
            name: field("name"),
            email: Some(field("email")).filter(|e| !e.trim().is_empty()),
            text: field("text"),
            website: field("website"),
        };
        if let Err(problems) = validate_comment(&comment) {
            show_problems(
                FieldMessages::from_problems(lang, &problems),
                t.fix_fields.to_string(),
            );
            return;
        }
        errors.set(FieldMessages::default());
        notice.set(None);
        sending.set(true);
        spawn_local(async move {
            let result = api::post_comment(slug.get_value(), comment.clone()).await;
            sending.try_set(false);
            match result {
                Ok(created) => {
                    let message = if created.status == CommentStatus::Published {
                        on_published.run(Comment {
                            id: created.id,
                            name: comment.name.trim().to_string(),
                            text: comment.text.trim().to_string(),
                            created_at: now_utc(),
                        });
                        t.comment_published
                    } else {
                        t.comment_pending
                    };
                    if let Ok(Some(text)) = form.query_selector("#comment-text") {
                        text.unchecked_into::<web_sys::HtmlTextAreaElement>()
                            .set_value("");
                    }
                    notice.try_set(Some((true, message.to_string())));
                }
                Err(FetchError::Rejected(_, body)) if !body.fields.is_empty() => {
                    show_problems(FieldMessages::from_api(&body.fields), body.error);
                }
                Err(error) => {
                    notice.try_set(Some((false, error.to_string())));
                }
            }
        });
    };

    let field_error = move |id: &'static str, get: fn(&FieldMessages) -> Option<String>| {
        move || {
            errors
                .with(get)
                .map(|m| view! { <span class="field-error" id=id>{m}</span> })
        }
    };
    let invalid = move |get: fn(&FieldMessages) -> Option<String>| {
        move || errors.with(get).is_some().to_string()
    };

    view! {
        <form id="comment-form" class="comment-form" novalidate on:submit=submit aria-labelledby="comment-form-title">
            <h3 id="comment-form-title">{t.leave_comment}</h3>
            <div class="field">
                <label for="comment-name">{t.name}</label>
                <input id="comment-name" name="name" type="text" autocomplete="name" maxlength="200" aria-invalid=invalid(|e| e.name.clone()) aria-describedby="comment-name-error" />
                {field_error("comment-name-error", |e| e.name.clone())}
            </div>
            <div class="field">
                <label for="comment-email">{t.email}</label>
                <input id="comment-email" name="email" type="email" autocomplete="email" aria-invalid=invalid(|e| e.email.clone()) aria-describedby="comment-email-note comment-email-error" />
                <span class="field-note" id="comment-email-note">{t.email_note}</span>
                {field_error("comment-email-error", |e| e.email.clone())}
            </div>
            <div class="field">
                <label for="comment-text">{t.text}</label>
                <textarea id="comment-text" name="text" rows="5" aria-invalid=invalid(|e| e.text.clone()) aria-describedby="comment-text-error"></textarea>
                {field_error("comment-text-error", |e| e.text.clone())}
            </div>
            // People never see this field; bots fill it in.
            <div class="honeypot" aria-hidden="true">
                <label for="comment-website">{t.website}</label>
                <input id="comment-website" name="website" type="text" tabindex="-1" autocomplete="off" />
            </div>
            <button type="submit" class="button primary" disabled=move || sending.get() aria-busy=move || sending.get().to_string()>
                {move || if sending.get() { t.sending } else { t.send }}
            </button>
            <p class="form-notice" role="status" aria-live="polite">
                {move || notice.get().map(|(ok, m)| view! { <span class=if ok { "ok" } else { "bad" }>{m}</span> })}
            </p>
        </form>
    }
}
