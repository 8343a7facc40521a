//! The photo rules (`model::photos`).
use super::*;
use crate::validation::Problem;

fn photo(width: u32, height: u32) -> Photo {
    Photo {
        id: "0123456789abcdef".into(),
        width,
        height,
        colour: String::new(),
        alt: "a hill".into(),
        caption: String::new(),
        credit: String::new(),
    }
}

#[test]
fn a_photo_is_offered_in_every_width_up_to_its_own_and_never_wider() {
    assert_eq!(widths_of(4000), vec![320, 640, 960, 1280, 1920]);
    assert_eq!(widths_of(1000), vec![320, 640, 960]);
    assert_eq!(widths_of(200), vec![200]);
    assert_eq!(
        photo(1000, 500).srcset(PhotoFormat::WebP, None),
        "/media/0123456789abcdef-320.webp 320w, /media/0123456789abcdef-640.webp 640w, \
         /media/0123456789abcdef-960.webp 960w"
    );
    assert_eq!(
        photo(1000, 500).srcset(PhotoFormat::Jpeg, Some(640)),
        "/media/0123456789abcdef-320.jpg 320w, /media/0123456789abcdef-640.jpg 640w"
    );
}

#[test]
fn variant_names_read_back_and_nothing_else_is_one() {
    for (size, format) in [
        (VariantSize::Width(640), PhotoFormat::WebP),
        (VariantSize::Width(1920), PhotoFormat::Avif),
        (VariantSize::Width(320), PhotoFormat::Jpeg),
        (VariantSize::Crop(Crop::Card), PhotoFormat::Jpeg),
        (VariantSize::Crop(Crop::Square), PhotoFormat::Jpeg),
    ] {
        let name = variant_name("0123456789abcdef", size, format);
        assert_eq!(
            parse_variant_name(&name),
            Some(("0123456789abcdef", size, format))
        );
    }
    for bad in [
        "0123456789abcdef-640.png",
        "0123456789ABCDEF-640.jpg",
        "0123456789abcde-640.jpg",
        "0123456789abcdef-0640.jpg",
        "0123456789abcdef-card.webp",
        "0123456789abcdef-card.avif",
        "0123456789abcdef-1x1.webp",
        "0123456789abcdef-2x1.jpg",
        "0123456789abcdef-.jpg",
        "0123456789abcdef-640",
        "../etc/passwd",
        "0123456789abcdef-original.jpg",
    ] {
        assert_eq!(parse_variant_name(bad), None, "{bad}");
    }
}

#[test]
fn alt_text_is_required_and_every_text_has_its_limit() {
    assert!(text_problems("A hill at dawn", "", "").is_empty());
    assert_eq!(
        text_problems("  ", "", "").get("alt"),
        Some(&Problem::Required)
    );
    let long = "x".repeat(CREDIT_MAX + 1);
    assert!(matches!(
        text_problems("a", "", &long).get("credit"),
        Some(Problem::TooLong { .. })
    ));
    assert_eq!(
        text_problems("a", "two\nlines", "").get("caption"),
        Some(&Problem::ControlCharacters)
    );
}

#[test]
fn each_crop_is_the_largest_of_its_proportions_and_never_made_larger() {
    assert_eq!(Crop::Card.frame(4000, 3000), (4000, 2100));
    assert_eq!(Crop::Square.frame(4000, 3000), (3000, 3000));
    assert_eq!(Crop::Wide.made_size(4000, 3000), (1200, 675));
    assert_eq!(Crop::Standard.made_size(1000, 500), (666, 500));
    assert_eq!(Crop::Card.made_size(1000, 500), (952, 500));
}

#[test]
fn the_picture_is_every_width_with_its_size_kept_and_every_text_escape_html() {
    let mut p = photo(1000, 500);
    p.alt = "A \"hall\" <script>alert(1)</script> & 'more'".into();
    p.colour = "#a0b1c2".into();
    let html = p.picture_html("100vw", true, None);
    assert!(
        html.starts_with(
            "<picture><source type=\"image/avif\" srcset=\"/media/0123456789abcdef-320.avif 320w, \
         /media/0123456789abcdef-640.avif 640w, /media/0123456789abcdef-960.avif 960w\" \
         sizes=\"100vw\"><source type=\"image/webp\" srcset=\"/media/0123456789abcdef-320.webp 320w, \
         /media/0123456789abcdef-640.webp 640w, /media/0123456789abcdef-960.webp 960w\" \
         sizes=\"100vw\"><img src=\"/media/0123456789abcdef-320.jpg\""
        ),
        "{html}"
    );
    assert!(html.contains(" width=\"1000\" height=\"500\" "), "{html}");
    assert!(
        html.contains(
            " alt=\"A &quot;hall&quot; &lt;script&gt;alert(1)&lt;/script&gt; &amp; &#39;more&#39;\""
        ),
        "{html}"
    );
    assert!(
        html.contains("loading=\"eager\" fetchpriority=\"high\""),
        "{html}"
    );
    assert!(html.contains("data-colour=\"#a0b1c2\""), "{html}");
    assert!(!html.contains("<script"), "{html}");
    let thumb = p.picture_html("120px", false, Some(320));
    assert!(thumb.contains("loading=\"lazy\"") && !thumb.contains("fetchpriority"));
    assert!(
        !thumb.contains("-640."),
        "a thumbnail needs no wider: {thumb}"
    );
    p.caption = "<b>Noon</b>".into();
    assert!(p.lead_html("100vw").ends_with(
        "<figcaption>&lt;b&gt;Noon&lt;/b&gt; <span class=\"photo-credit\"></span></figcaption>"
    ));
}

#[test]
fn a_variants_height_keeps_the_photos_proportions() {
    assert_eq!(photo(4000, 3000).height_at(640), 480);
    assert_eq!(photo(1920, 1080).height_at(320), 180);
}
