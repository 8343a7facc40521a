//! The page head's tags (`pages::head`).
use super::*;

#[test]
fn the_preview_card_is_a_png_of_the_size_the_head_names() {
    let png = include_bytes!("../../../public/icons/card.png");
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    let size = |at: usize| u32::from_be_bytes([png[at], png[at + 1], png[at + 2], png[at + 3]]);
    assert_eq!((size(16), size(20)), PREVIEW_SIZE, "IHDR width and height");
}

#[test]
fn json_in_a_script_cannot_close_it() {
    let safe = script_safe(r#"{"headline":"</script><script>alert(1)</script>"}"#);
    assert!(!safe.contains("</script") && !safe.contains('<'));
    let back: serde_json::Value = serde_json::from_str(&safe).unwrap();
    assert_eq!(back["headline"], "</script><script>alert(1)</script>");
}

#[test]
fn title_and_description_are_replaced_whichever_way_the_page_was_written() {
    let head = Head {
        title: Some("A & B".into()),
        description: Some("\"quoted\"".into()),
        ..Head::portal("https://p.example", &Page::Home(Lang::En))
    };
    for page in [
        "<head><title>Old</title><meta name=\"description\" content=\"old\"></head>",
        "<title>Old</title><meta content=old name=description></head>",
    ] {
        let mut fill = Fill::default();
        head.fill(&mut fill);
        let out = crate::pages::slots::Slotted::new(page.into()).write(&fill);
        assert!(out.contains("<title>A &amp; B — Infoshos</title>"), "{out}");
        assert!(out.contains("content=\"&quot;quoted&quot;\""), "{out}");
        assert!(!out.contains("Old") && !out.contains("old"), "{out}");
        assert_eq!(out.matches("</head>").count(), 1);
    }
}

#[test]
fn an_articles_previews_show_its_lead_photo_and_search_engines_get_three_proportions() {
    let summary = ArticleSummary {
        id: 1,
        slug: "summit".into(),
        title: "A summit".into(),
        summary: "It met.".into(),
        published_at: DateTime::from_timestamp(1_700_000_000, 0).unwrap(),
        lang: Lang::En,
        countries: vec!["KZ".into()],
        section: None,
        comment_count: 0,
        photo: Some(Photo {
            id: "0123456789abcdef".into(),
            width: 1000,
            height: 500,
            colour: String::new(),
            alt: "The hall \"at noon\"".into(),
            caption: String::new(),
            credit: String::new(),
        }),
    };
    let head = Head::article("https://p.example", &summary, summary.published_at);
    let tags = head.tags();
    let card = "https://p.example/media/0123456789abcdef-card.jpg";
    assert!(
        tags.contains(&format!("<meta property=\"og:image\" content=\"{card}\">")),
        "{tags}"
    );
    // A 1000 × 500 photo holds a 952 × 500 card: the size said is the size made.
    assert!(
        tags.contains("<meta property=\"og:image:width\" content=\"952\">"),
        "{tags}"
    );
    assert!(
        tags.contains("<meta property=\"og:image:height\" content=\"500\">"),
        "{tags}"
    );
    assert!(
        tags.contains("<meta property=\"og:image:alt\" content=\"The hall &quot;at noon&quot;\">"),
        "{tags}"
    );
    assert!(
        tags.contains(&format!("<meta name=\"twitter:image\" content=\"{card}\">")),
        "{tags}"
    );
    let ld = tags
        .split("application/ld+json\">")
        .nth(1)
        .unwrap()
        .split("</script>")
        .next()
        .unwrap();
    let ld: serde_json::Value = serde_json::from_str(ld).unwrap();
    assert_eq!(
        ld["image"],
        serde_json::json!([
            "https://p.example/media/0123456789abcdef-16x9.jpg",
            "https://p.example/media/0123456789abcdef-4x3.jpg",
            "https://p.example/media/0123456789abcdef-1x1.jpg"
        ])
    );
    // Without a photo, the portal's card, as before.
    let plain = Head::article(
        "https://p.example",
        &ArticleSummary {
            photo: None,
            ..summary
        },
        DateTime::from_timestamp(1_700_000_000, 0).unwrap(),
    );
    assert!(plain.tags().contains("https://p.example/icons/card.png"));
}
