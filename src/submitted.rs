//! The fields of a form being submitted, read once, as typed: the one way the portal's forms
//! are read, the reader's comment form and the editors' forms alike. The fields are the
//! browser's own, not signals, so what the reader typed stays in them whatever happens next.

use wasm_bindgen::JsCast;

pub struct Submitted {
    /// The form itself (the editors' draft form is reset through it once saved).
    pub form: Option<web_sys::HtmlFormElement>,
    data: Option<web_sys::FormData>,
}

impl Submitted {
    pub fn of(ev: &leptos::ev::SubmitEvent) -> Submitted {
        Submitted::of_form(
            ev.target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlFormElement>().ok()),
        )
    }

    /// The form as it holds now (also between submits: a draft kept as it is written).
    pub fn of_form(form: Option<web_sys::HtmlFormElement>) -> Submitted {
        let data = form
            .as_ref()
            .and_then(|f| web_sys::FormData::new_with_form(f).ok());
        Submitted { form, data }
    }

    /// The whole form as the browser would send it (a file with its texts).
    pub fn data(&self) -> Option<web_sys::FormData> {
        self.data.clone()
    }

    /// One field, as typed; empty when the form has none.
    pub fn field(&self, name: &str) -> String {
        self.data
            .as_ref()
            .and_then(|d| d.get(name).as_string())
            .unwrap_or_default()
    }
}
