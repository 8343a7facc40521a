//! A photo as pages show it: `<picture>` with WebP and JPEG in every width made, the photo's
//! own proportions reserved (`width`/`height`: the page never shifts when it arrives), fetched
//! first when it is the page's lead and only when scrolled near otherwise. The markup is the
//! model's (`Photo::picture_html`, every text in it escaped), one string for the server's page
//! and the app alike. `data-colour` is the photo's average colour: the stylesheet paints it
//! behind the photo while it loads (`attr()`; a `style` attribute the page's CSP would refuse,
//! and a script that painted it cost 0.3 KB of `pwa.js`).

use infoshos_model::Photo;
use leptos::prelude::*;

/// `sizes` of the lead photo: the main column's width (660 px beside both side columns, the
/// window's below 1 000 px).
pub const LEAD_SIZES: &str = "(min-width: 1001px) 660px, 100vw";
/// `sizes` of a feed row's thumbnail, and the widest variant it needs (2× its 120 px).
pub const THUMB_SIZES: &str = "120px";
const THUMB_MAX: u32 = 320;

/// A row's thumbnail. (Plain functions, not components: no props to build.)
pub fn thumb(photo: Photo) -> impl IntoView {
    view! { <div class="feed-thumb" inner_html=photo.picture_html(THUMB_SIZES, false, Some(THUMB_MAX))></div> }
}

/// The article's lead photo with its caption and credit.
pub fn lead_photo(photo: Photo) -> impl IntoView {
    view! { <figure class="lead-photo" inner_html=photo.lead_html(LEAD_SIZES)></figure> }
}
