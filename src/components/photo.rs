//! A photo as pages show it: `<picture>` with WebP and JPEG in every width made, the photo's
//! own proportions reserved (`width`/`height`: the page never shifts when it arrives), fetched
//! first when it is the page's lead and only when scrolled near otherwise. `data-thumb` carries
//! its ThumbHash: `pwa.js` paints the photo's average colour behind it while it loads (a style
//! set by script, which the page's CSP allows where a `style` attribute would be refused).

use infoshos_model::Photo;
use infoshos_model::photos::{PhotoFormat, VariantSize, widths_of};
use leptos::prelude::*;

/// `sizes` of the lead photo: the main column's width (660 px beside both side columns, the
/// window's below 1 000 px).
pub const LEAD_SIZES: &str = "(min-width: 1001px) 660px, 100vw";
/// `sizes` of a feed row's thumbnail, and the widest variant it needs (2× its 120 px).
pub const THUMB_SIZES: &str = "120px";
const THUMB_MAX: u32 = 320;

#[component]
pub fn Picture(
    photo: Photo,
    sizes: &'static str,
    /// The page's lead: fetched at once and first.
    #[prop(optional)]
    lead: bool,
) -> impl IntoView {
    let max = (!lead).then_some(THUMB_MAX);
    // The fallback `src`: the smallest width, for a browser that reads no `srcset`.
    let smallest = widths_of(photo.width)[0];
    let src = photo.src(VariantSize::Width(smallest), PhotoFormat::Jpeg);
    view! {
        <picture>
            <source type="image/webp" srcset=photo.srcset(PhotoFormat::WebP, max) sizes=sizes />
            <img
                src=src
                srcset=photo.srcset(PhotoFormat::Jpeg, max)
                sizes=sizes
                width=photo.width
                height=photo.height
                alt=photo.alt
                loading=if lead { "eager" } else { "lazy" }
                fetchpriority=lead.then_some("high")
                decoding="async"
                data-thumb=photo.placeholder
            />
        </picture>
    }
}

/// The article's lead photo with its caption and credit.
#[component]
pub fn LeadPhoto(photo: Photo) -> impl IntoView {
    let caption = photo.caption.clone();
    let credit = photo.credit.clone();
    let words = !(caption.is_empty() && credit.is_empty());
    view! {
        <figure class="lead-photo">
            <Picture photo sizes=LEAD_SIZES lead=true />
            {words.then(|| view! {
                <figcaption>{caption} " " <span class="photo-credit">{credit}</span></figcaption>
            })}
        </figure>
    }
}
