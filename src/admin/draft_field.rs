//! One line of the draft: its label, its input, its note, the model's or the server's message,
//! and for the headline and the lead, their length against where search results cut them.

use leptos::prelude::*;

use super::publish::Desk;

/// One field of the draft with its label, its note and the model's or the server's message.
#[component]
pub(super) fn DraftField(
    desk: Desk,
    field: &'static str,
    label: &'static str,
    #[prop(default = "")] note: &'static str,
    #[prop(default = false)] multiline: bool,
    /// The input's type, for a one-line field.
    #[prop(default = "text")]
    kind: &'static str,
    /// Where search results and link previews cut it: its length is shown against this, never
    /// enforced.
    #[prop(optional)]
    cut: Option<usize>,
) -> impl IntoView {
    let errors = desk.errors;
    let id = format!("article-{field}");
    let described = format!("{id}-note {id}-count {id}-error");
    let typed = Trigger::new();
    let count = cut.map(|cut| {
        let field_id = id.clone();
        let length = Memo::new(move |_| {
            typed.track();
            desk.filled.track();
            typed_length(&field_id)
        });
        let over = move || {
            if length.get() > cut {
                "field-count over"
            } else {
                "field-count"
            }
        };
        view! {
            <span id=format!("{id}-count") class=over>
                {move || format!("{} / {cut}", length.get())}
            </span>
        }
    });
    let invalid = move || errors.with(|e| e.contains_key(field)).to_string();
    let input = if multiline {
        view! {
            <textarea id=id.clone() name=field rows="14" aria-invalid=invalid
                aria-describedby=described on:input=move |_| typed.notify()></textarea>
        }
        .into_any()
    } else {
        view! {
            <input id=id.clone() name=field type=kind aria-invalid=invalid
                aria-describedby=described on:input=move |_| typed.notify() />
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
            {count}
            {error}
        </div>
    }
}

/// How many characters the field with `id` holds now.
fn typed_length(id: &str) -> usize {
    super::shared::field_value(id).chars().count()
}
