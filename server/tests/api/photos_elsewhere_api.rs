//! An article's lead photo wherever the article goes besides its API: its rendered page (the
//! `<picture>` and the head's previews), RSS (Media RSS), the sitemap (image entries) and
//! oEmbed (the thumbnail); library photos placed in the body; and the demo's drawn photos in
//! every edition.

use crate::common;

use axum::http::StatusCode;
use common::editors::{premoderated, publish, published, sign_in};
use common::photos::{size_of, uploaded_id};
use infoshos_server::media::test_pictures::halves_jpeg;
use serde_json::json;

/// A server with one article, `lead-story`, led by a 1400 × 700 photo; the photo's id.
async fn with_lead_story() -> (common::TestServer, String) {
    let s = premoderated(false).await;
    let chief = sign_in(&s).await;
    let id = uploaded_id(&s, &chief, &halves_jpeg(1400, 700), "Red and blue").await;
    let draft = json!({"slug": "lead-story", "title": "A story led by a photo",
        "summary": "It has one.", "body": "<p>Words.</p>", "countries": ["KZ"], "section": "politics",
        "lead": {"id": id, "alt": "Two halves, red and blue", "caption": "Halves.", "credit": "Desk"}});
    published(&s, &chief, draft).await;
    (s, id)
}

#[tokio::test]
async fn the_rendered_article_leads_with_a_picture_in_every_width_and_previews_show_its_crop() {
    let (s, id) = with_lead_story().await;
    let page = s.get("/en/article/lead-story").await.text();
    let webp = format!(
        "/media/{id}-320.webp 320w, /media/{id}-640.webp 640w, /media/{id}-960.webp 960w, \
         /media/{id}-1280.webp 1280w"
    );
    assert!(
        page.contains(&format!("<source type=\"image/webp\" srcset=\"{webp}\"")),
        "{page}"
    );
    for attribute in [
        "width=\"1400\"",
        "height=\"700\"",
        "fetchpriority=\"high\"",
        "loading=\"eager\"",
        "alt=\"Two halves, red and blue\"",
    ] {
        assert!(page.contains(attribute), "{attribute}");
    }
    let caption = page
        .split("<figcaption>")
        .nth(1)
        .unwrap()
        .split("</figcaption>")
        .next()
        .unwrap();
    // (Leptos marks where text meets an element with an empty comment.)
    assert_eq!(
        caption.replace("<!>", ""),
        "Halves. <span class=\"photo-credit\">Desk</span>"
    );
    assert!(page.contains(&format!(
        "<meta property=\"og:image\" content=\"http://127.0.0.1:8080/media/{id}-card.jpg\">"
    )));

    // The feed's row: a thumbnail, only the small widths, fetched when near.
    let front = s.get("/en/").await.text();
    let thumb = front
        .split("class=\"feed-thumb\"")
        .nth(1)
        .expect("a thumbnail in the feed");
    assert!(thumb.contains("loading=\"lazy\"") && !thumb.contains("fetchpriority"));
    assert!(
        thumb.contains(&format!("/media/{id}-320.webp 320w\"")),
        "{thumb}"
    );
}

#[tokio::test]
async fn rss_the_sitemap_and_oembed_name_the_lead_photo() {
    let (s, id) = with_lead_story().await;
    let rss = s.get("/en/rss.xml").await.text();
    assert!(
        rss.contains("xmlns:media=\"http://search.yahoo.com/mrss/\""),
        "{rss}"
    );
    let item = rss
        .split("<item>")
        .find(|i| i.contains("lead-story"))
        .unwrap();
    assert!(
        item.contains(&format!("url=\"http://127.0.0.1:8080/media/{id}-960.jpg\"")),
        "{item}"
    );
    assert!(
        item.contains("width=\"960\"") && item.contains("height=\"480\""),
        "{item}"
    );
    assert!(item.contains("Two halves, red and blue"), "{item}");

    let sitemap = s.get("/sitemap.xml").await.text();
    let entry = sitemap
        .split("<url>")
        .find(|u| u.contains("lead-story"))
        .unwrap();
    assert!(
        entry.contains(&format!(
            "<image:image>\n   <image:loc>http://127.0.0.1:8080/media/{id}-960.jpg</image:loc>"
        )),
        "{entry}"
    );

    let address = "http://127.0.0.1:8080/en/article/lead-story";
    let oembed = s
        .get(&format!("/api/oembed?url={address}&maxwidth=500"))
        .await
        .json();
    assert_eq!(
        oembed["thumbnail_url"],
        format!("http://127.0.0.1:8080/media/{id}-320.jpg")
    );
    assert_eq!(
        (
            oembed["thumbnail_width"].clone(),
            oembed["thumbnail_height"].clone()
        ),
        (json!(320), json!(160))
    );
    // An article without a photo has no thumbnail.
    let plain = s
        .get("/api/oembed?url=http://127.0.0.1:8080/en/article/astana-2017-summit")
        .await
        .json();
    assert!(plain.get("thumbnail_url").is_none(), "{plain}");
}

/// The size of a served picture, read from its bytes.

#[tokio::test]
async fn a_demo_story_gets_a_drawn_photo_in_every_edition_with_words_in_its_language() {
    let s = premoderated(false).await;
    let given = infoshos_server::seed::seed_demo_photos(&s.storage, Some(1))
        .await
        .unwrap();
    let first = infoshos_server::seed::demo_content()
        .unwrap()
        .article
        .remove(0);
    let translations = infoshos_server::seed::demo_translations().unwrap();
    let told: Vec<_> = translations
        .iter()
        .filter(|(_, t)| t.story == first.slug)
        .collect();
    assert_eq!(given, 1 + told.len());
    let english = s.get(&format!("/api/articles/{}", first.slug)).await.json();
    let photo = &english["photo"];
    assert_eq!(
        (photo["width"].clone(), photo["height"].clone()),
        (json!(1280), json!(720))
    );
    assert!(
        photo["alt"]
            .as_str()
            .unwrap()
            .starts_with("A drawn landscape"),
        "{photo:?}"
    );
    assert_eq!(photo["credit"], "Infoshos illustration, drawn by code");
    for (lang, t) in told {
        let there = s.get(&format!("/api/articles/{}", t.slug)).await.json();
        assert_eq!(there["photo"]["id"], photo["id"], "{lang:?}");
        assert_ne!(
            there["photo"]["alt"], photo["alt"],
            "{lang:?} has its own words"
        );
    }
    let v = s
        .get(&format!(
            "/media/{}-1280.webp",
            photo["id"].as_str().unwrap()
        ))
        .await;
    assert_eq!(size_of(&v.body), (1280, 720));
    // A second run finds nothing to do.
    let again = infoshos_server::seed::seed_demo_photos(&s.storage, Some(1))
        .await
        .unwrap();
    assert_eq!(again, 0);
}

#[tokio::test]
async fn a_body_places_library_photos_as_figures_and_no_other_picture() {
    let s = premoderated(false).await;
    let chief = sign_in(&s).await;
    let id = uploaded_id(&s, &chief, &halves_jpeg(800, 400), "Red beside blue").await;
    let body = format!(
        "<p>Words.</p><figure data-photo=\"{id}\" class=\"x\"><figcaption>Seen at noon</figcaption>\
         </figure><img src=\"https://elsewhere.example/p.jpg\"><p>More.</p>"
    );
    let draft = json!({"slug": "figure-story", "title": "A story with a figure",
        "summary": "It places one.", "body": body, "countries": ["KZ"], "section": "politics"});
    published(&s, &chief, draft).await;
    let article = s.get("/api/articles/figure-story").await.json();
    let html = article["body"].as_str().unwrap();
    assert!(
        html.contains(&format!(
            "<figure class=\"body-photo\" data-photo=\"{id}\"><picture><source type=\"image/avif\" \
             srcset=\"/media/{id}-320.avif 320w, /media/{id}-640.avif 640w\""
        )),
        "{html}"
    );
    assert!(
        html.contains(" alt=\"Red beside blue\" loading=\"lazy\""),
        "{html}"
    );
    assert!(html.contains("<figcaption>Seen at noon</figcaption></figure><p>More.</p>"));
    assert!(!html.contains("elsewhere.example"), "{html}");
    // The reader's page carries it as it is.
    let page = s.get("/en/article/figure-story").await;
    assert!(page.text().contains(&format!("/media/{id}-640.avif 640w")));

    // A figure naming a photo the library does not have is refused, with the body kept.
    let unknown = json!({"slug": "no-such-figure", "title": "A story with a missing figure",
        "summary": "It names one.", "countries": ["KZ"], "section": "politics",
        "body": "<p>Words.</p><figure data-photo=\"fedcba9876543210\"></figure>"});
    let refused = publish(&s, &chief, unknown).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        refused.json()["fields"]["body"],
        "That photo is not in the library."
    );
}
