//! The desk's form and a `Draft`, both ways: the fields as typed read into a draft, and the
//! editor's own time in a `datetime-local` field.

use infoshos_model::Lang;
use infoshos_model::editorial::Draft;

use crate::submitted::Submitted;

/// Country codes as typed: separated by commas or spaces, any case.
fn codes(typed: &str) -> Vec<String> {
    typed
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|c| !c.is_empty())
        .map(str::to_uppercase)
        .collect()
}

/// The draft as typed into the form.
pub(super) fn read_draft(form: &Submitted) -> Draft {
    Draft {
        slug: Some(form.field("slug").trim().to_string()).filter(|s| !s.is_empty()),
        lang: Lang::from_code(&form.field("lang")).unwrap_or_default(),
        title: form.field("title"),
        summary: form.field("summary"),
        body: form.field("body"),
        countries: codes(&form.field("countries")),
        section: super::section_field::read(&form.field("section")),
        publish_at: local_minute(&form.field("publishAt")),
        draft_id: None,
        lead: Some(form.field("leadId"))
            .filter(|id| !id.is_empty())
            .map(|id| infoshos_model::photos::Lead {
                id,
                alt: form.field("leadAlt"),
                caption: form.field("leadCaption"),
                credit: form.field("leadCredit"),
            }),
        story: Some(form.field("story")).filter(|s| !s.is_empty()),
        // A checkbox: sent as "on" only when ticked.
        flag_editions: form.field("flagEditions") == "on",
    }
}

/// An instant as a `datetime-local` field shows it: the minute in the editor's own time.
pub(super) fn local_field(at: chrono::DateTime<chrono::Utc>) -> String {
    let offset = chrono::Duration::minutes(crate::time::reader_offset_east_min(at).into());
    use chrono::{Datelike, Timelike};
    let local = at + offset;
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}",
        local.year(),
        local.month(),
        local.day(),
        local.hour(),
        local.minute()
    )
}

/// A `datetime-local` field's value (the editor's own time, `2026-12-01T09:30`) as an instant,
/// read by the browser's `Date`, which knows the editor's time zone; none when empty.
fn local_minute(typed: &str) -> Option<chrono::DateTime<chrono::Utc>> {
    if typed.is_empty() {
        return None;
    }
    let ms = js_sys::Date::new(&typed.into()).get_time();
    (!ms.is_nan()).then(|| chrono::DateTime::from_timestamp_millis(ms as i64))?
}
