use infoshos_model::links::flag_image;
use leptos::prelude::*;

/// A state's flag as an image beside its name, which says the same in words (so `alt=""`: a
/// screen reader hears the name once). Its size is the stylesheet's (`img.flag`, in `em`), so
/// the row never shifts when the file arrives; `lazy` (set before `src`, or the browser has
/// already started) because most flags are below the first screen.
///
/// Measured: `width`, `height` and `decoding` attributes and drawing nothing for a bad code cost
/// the reader's wasm ~1 KB brotli (tachys code per attribute), so they are left out; a bad code
/// (never one of the states' own) gets an empty `src`, which asks for nothing.
#[component]
pub fn Flag(#[prop(into)] code: String) -> impl IntoView {
    let src = flag_image(&code).unwrap_or_default();
    view! { <img class="flag" loading="lazy" alt="" src=src /> }
}
