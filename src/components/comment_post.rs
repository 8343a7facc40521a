//! The comment form as the server draws it, for a reader without JavaScript (or one who sends
//! before the app has taken the page over): a real POST to the article's own address, which
//! `server/src/pages/comment_post.rs` answers through the same API the app uses, with the article's
//! signed token as a hidden field. When the server draws the page again after a send, the form
//! says what became of it, and a refused one keeps what the reader typed.
//!
//! In the browser's build every part here is `()` or empty, so the one form markup in
//! `comment_form` serves both and the wasm carries none of it (the app sends comments itself).

use infoshos_model::{CommentStatus, Lang};

use crate::i18n::Ui;

/// What the address says of a comment the server stored: its answer to a send without
/// JavaScript is a 303 to `?comment=published` (or `pending`), read here by the server's
/// drawing and, after the takeover, by the app, so the reader's notice stays.
pub fn stored_as(search: &str) -> Option<CommentStatus> {
    match crate::router::query_param(search, "comment").as_deref() {
        Some("published") => Some(CommentStatus::Published),
        Some("pending") => Some(CommentStatus::Pending),
        _ => None,
    }
}

/// The form's notice for a stored comment.
fn stored_notice(status: CommentStatus, t: &'static Ui) -> (bool, String) {
    let message = match status {
        CommentStatus::Published => t.comment_published,
        _ => t.comment_pending,
    };
    (true, message.to_string())
}

/// One message per field, in the order of the model's `FIELDS`: from the model's rules or the
/// server's 422. (An array, not a map: the wasm carries less code for it.)
pub type FieldMessages = [Option<String>; 3];

pub use drawn::*;

#[cfg(not(feature = "ssr"))]
mod drawn {
    use super::*;

    /// In the browser only a stored comment's notice is carried over, from the address (a
    /// refused send is answered by a page the app does not take over differently).
    pub fn first_state(_: Lang, t: &'static Ui) -> (FieldMessages, Option<(bool, String)>) {
        let search = leptos::prelude::window()
            .location()
            .search()
            .unwrap_or_default();
        let notice = stored_as(&search).map(|status| stored_notice(status, t));
        (Default::default(), notice)
    }

    pub fn form_method() {}

    pub fn typed(_: &'static str) {}

    pub fn typed_text() {}

    pub fn hidden_fields(_: Option<String>) {}

    pub fn reply_line() {}
}

#[cfg(feature = "ssr")]
mod drawn {
    use std::collections::BTreeMap;

    use infoshos_model::comments::reply_field;
    use infoshos_model::validation::FIELDS;
    use infoshos_model::{Comment, CommentProblems, NewComment};
    use leptos::prelude::*;

    use super::*;
    use crate::i18n::problem_message;
    use crate::i18n::server_drawn::server_drawn;
    use crate::load::Load;
    use crate::router::{query_param, use_nav};
    use crate::site::use_site;

    /// What became of a comment sent without JavaScript, for the page the server draws next
    /// (given to the rendering as context).
    #[derive(Clone, Debug)]
    pub enum Sent {
        /// Stored: the page after the redirect (`?comment=pending` or `published`).
        Accepted(CommentStatus),
        /// Not stored.
        Refused(Box<Refused>),
    }

    /// A comment not stored: what the reader typed, and why.
    #[derive(Clone, Debug, Default)]
    pub struct Refused {
        pub typed: NewComment,
        /// The model's rules, broken before anything was sent.
        pub problems: Option<CommentProblems>,
        /// Field messages from the API's 422 (a rule only the server can check).
        pub fields: BTreeMap<String, String>,
        /// What the API said, when it was not about the fields.
        pub message: Option<String>,
    }

    fn sent() -> Option<Sent> {
        use_context::<Sent>()
    }

    /// The form's first field messages and notice: what became of the last send.
    pub fn first_state(lang: Lang, t: &'static Ui) -> (FieldMessages, Option<(bool, String)>) {
        match sent() {
            None => Default::default(),
            Some(Sent::Accepted(status)) => (Default::default(), Some(stored_notice(status, t))),
            Some(Sent::Refused(refused)) => {
                let Refused {
                    problems,
                    fields,
                    message,
                    ..
                } = *refused;
                let messages = match problems {
                    Some(p) => p
                        .in_field_order()
                        .map(|p| p.map(|p| problem_message(lang, p))),
                    None => FIELDS.map(|f| fields.get(f).cloned()),
                };
                let notice = message.unwrap_or_else(|| t.fix_fields.to_string());
                (messages, Some((false, notice)))
            }
        }
    }

    fn typed_comment() -> Option<NewComment> {
        match sent() {
            Some(Sent::Refused(refused)) => Some(refused.typed),
            _ => None,
        }
    }

    /// Without JavaScript the browser sends the form itself: by POST, so what the reader wrote
    /// (their email too) never goes into an address, a history or a log line.
    pub fn form_method() -> impl leptos::attr::Attribute {
        leptos::attr::method("post")
    }

    /// What the reader typed into `field` (`name` or `email`), back in it after a refused send.
    pub fn typed(field: &'static str) -> impl leptos::attr::Attribute {
        let value = typed_comment().map(|c| match field {
            "name" => c.name,
            _ => c.email.unwrap_or_default(),
        });
        leptos::attr::value(value)
    }

    /// The comment's text, back in its box after a refused send. Escaped here: Leptos writes a
    /// textarea's text as it is (tachys counts it raw text, like a script's), so a typed
    /// `</textarea><script>` would otherwise end the box and run. The browser decodes the
    /// entities back into what the reader typed.
    pub fn typed_text() -> impl IntoView {
        typed_comment().map(|c| html_escape::encode_text(&c.text).into_owned())
    }

    /// The signed token the API asks for, which the app otherwise sends in its JSON.
    pub fn hidden_fields(token: Option<String>) -> impl IntoView {
        view! { <input type="hidden" name="token" value=token /> }
    }

    /// The comments of the article whose form this is, for `reply_line` (the page gives them
    /// as context).
    #[derive(Clone, Copy)]
    pub struct Answerable(pub Load<Vec<Comment>>);

    /// Whom the comment answers: the comment `?reply=` names (a refused send's own, on the
    /// page drawn again), while it is shown; with "Cancel reply" (the article without the
    /// query) and the hidden field the form sends. public/pwa-later.js draws the same line when a
    /// "Reply" is pressed in the browser.
    pub fn reply_line() -> impl IntoView {
        let nav = use_nav();
        let id = match typed_comment() {
            Some(typed) => typed.reply_to,
            None => query_param(&nav.search.get_untracked(), "reply").and_then(|v| reply_field(&v)),
        };
        let site = use_site();
        let t = site.ui();
        let cancel_reply = server_drawn(site.lang.get_untracked()).cancel_reply;
        let cancel = format!("{}#comment-form", nav.path.get_untracked());
        let comments = use_context::<Answerable>();
        move || {
            let (id, Answerable(comments)) = (id?, comments?);
            let name = comments.with(|list| {
                let list = list.as_ref()?.as_ref().ok()?;
                let answered = list.iter().find(|c| c.id == id && !c.pending)?;
                Some(answered.name.clone())
            })?;
            Some(view! {
                {t.in_reply_to} " " <strong>{name}</strong> " · "
                <a class="cancel-reply" href=cancel.clone()>{cancel_reply}</a>
                <input type="hidden" name="replyTo" value=id />
            })
        }
    }
}
