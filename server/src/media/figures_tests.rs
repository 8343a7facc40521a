//! Figures in a body: only a library photo's id gets through the cleaning, the photo's markup
//! is added after it, and a body saved again comes out the same.

use infoshos_model::Photo;

use super::{photo_ids, with_pictures};
use crate::sanitize::article_html;

const ID: &str = "0123456789abcdef";

fn photo() -> Photo {
    Photo {
        id: ID.into(),
        width: 1000,
        height: 500,
        colour: "#102030".into(),
        alt: "A ridge at dusk".into(),
        caption: "The ridge <east>".into(),
        credit: "Desk & Co".into(),
    }
}

#[test]
fn a_figure_keeps_only_a_library_photos_id_and_its_caption() {
    let cleaned = article_html(&format!(
        "<figure class=\"wide\" lang=\"ru\" onclick=\"steal()\" data-photo=\"{ID}\">\
         <img src=\"https://evil.example/x.jpg\"><figcaption>Seen <em>here</em></figcaption>\
         </figure><figure data-photo=\"../../etc/passwd\"><figcaption>No</figcaption></figure>"
    ));
    assert_eq!(
        cleaned,
        format!(
            "<figure data-photo=\"{ID}\"><figcaption>Seen <em>here</em></figcaption></figure>\
             <figure><figcaption>No</figcaption></figure>"
        )
    );
    assert_eq!(photo_ids(&cleaned), [ID]);
}

#[test]
fn a_placed_photo_gets_its_picture_and_the_editors_caption_stays_the_only_one() {
    let cleaned = article_html(&format!(
        "<p>Before.</p><figure data-photo=\"{ID}\"><figcaption>Our words</figcaption></figure>"
    ));
    let html = with_pictures(&cleaned, &[photo()]);
    assert!(
        html.starts_with(&format!(
            "<p>Before.</p><figure class=\"body-photo\" data-photo=\"{ID}\"><picture>\
             <source type=\"image/avif\" srcset=\"/media/{ID}-320.avif 320w"
        )),
        "{html}"
    );
    assert!(
        html.contains(" alt=\"A ridge at dusk\" loading=\"lazy\""),
        "{html}"
    );
    assert!(
        html.ends_with("</picture><figcaption>Our words</figcaption></figure>"),
        "{html}"
    );
    assert_eq!(html.matches("<figcaption").count(), 1);
    // Opened and saved again: the same body.
    assert_eq!(with_pictures(&article_html(&html), &[photo()]), html);
}

#[test]
fn a_figure_without_a_caption_takes_the_librarys_escaped_and_stays_so() {
    let cleaned = article_html(&format!("<figure data-photo=\"{ID}\"></figure>"));
    let html = with_pictures(&cleaned, &[photo()]);
    assert!(
        html.ends_with(
            "</picture><figcaption>The ridge &lt;east&gt; — Desk &amp; Co</figcaption></figure>"
        ),
        "{html}"
    );
    assert_eq!(with_pictures(&article_html(&html), &[photo()]), html);
}

#[test]
fn a_figure_whose_photo_is_not_given_is_left_as_it_is() {
    let cleaned = article_html(&format!(
        "<figure data-photo=\"{ID}\"><figcaption>Alone</figcaption></figure><p>After</p>"
    ));
    assert_eq!(with_pictures(&cleaned, &[]), cleaned);
}
