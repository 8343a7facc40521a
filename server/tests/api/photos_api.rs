//! The newsroom's photos through the API: an upload becomes variants readers get under names
//! that never change, with nothing of the file's metadata; the same bytes are one photo; an
//! article's lead photo reaches the feed and the article; moderators cannot upload.

use crate::common;

use axum::http::{StatusCode, header};
use common::editors::{call, premoderated, publish, sign_in, sign_in_as};
use common::photos::{size_of, upload, uploaded_id};
use infoshos_server::media::test_pictures::{IDENTIFYING, halves_jpeg, with_identifying_exif};
use serde_json::json;

#[tokio::test]
async fn an_uploaded_photo_is_served_in_each_width_for_good_and_without_its_metadata() {
    let s = premoderated(false).await;
    let chief = sign_in(&s).await;
    let file = with_identifying_exif(&halves_jpeg(1000, 500));
    let a = upload(&s, &chief, &file, "Red and blue halves").await;
    assert_eq!(a.status, StatusCode::CREATED, "{:?}", a.json());
    let photo = a.json();
    assert_eq!(
        (photo["width"].clone(), photo["height"].clone()),
        (json!(1000), json!(500))
    );
    assert_eq!(photo["alt"], "Red and blue halves");
    assert_eq!(photo["new"], true);
    let id = photo["id"].as_str().unwrap().to_string();
    assert_eq!(id.len(), 16);

    let avif = s.get(&format!("/media/{id}-640.avif")).await;
    assert_eq!(avif.status, StatusCode::OK);
    assert_eq!(avif.header(header::CONTENT_TYPE), "image/avif");
    assert_eq!(&avif.body[4..12], b"ftypavif");
    assert!(!String::from_utf8_lossy(&avif.body).contains("SECRET"));
    let mut seen = Vec::new();
    for (name, kind, size) in [
        (format!("{id}-320.webp"), "image/webp", (320, 160)),
        (format!("{id}-640.jpg"), "image/jpeg", (640, 320)),
        (format!("{id}-960.webp"), "image/webp", (960, 480)),
        (format!("{id}-card.jpg"), "image/jpeg", (952, 500)),
    ] {
        let v = s.get(&format!("/media/{name}")).await;
        assert_eq!(v.status, StatusCode::OK, "{name}");
        assert_eq!(v.header(header::CONTENT_TYPE), kind, "{name}");
        assert_eq!(
            v.header(header::CACHE_CONTROL),
            "public, max-age=31536000, immutable",
            "{name}"
        );
        assert_eq!(v.header(header::ETAG), format!("\"{name}\""));
        assert_eq!(size_of(&v.body), size, "{name}");
        let text = String::from_utf8_lossy(&v.body);
        assert!(
            !text.contains("Jane Source") && !text.contains("SECRET"),
            "{name}"
        );
        assert!(!v.body.windows(4).any(|w| w == b"Exif"), "{name} has EXIF");
        seen.push(v.body);
    }
    assert!(IDENTIFYING.contains("SECRET") && String::from_utf8_lossy(&file).contains("SECRET"));

    // A second ask with the tag costs nothing; no width past the photo's own, and no original.
    let name = format!("{id}-320.webp");
    let again = s
        .get_with(
            &format!("/media/{name}"),
            &[(header::IF_NONE_MATCH, &format!("\"{name}\""))],
        )
        .await;
    assert_eq!(again.status, StatusCode::NOT_MODIFIED);
    assert!(again.body.is_empty());
    for missing in [
        format!("{id}-1280.webp"),
        format!("{id}-1000.jpg"),
        format!("{id}.jpg"),
        format!("{id}-original.jpg"),
        "../../etc/passwd".to_string(),
    ] {
        assert_eq!(
            s.get(&format!("/media/{missing}")).await.status,
            StatusCode::NOT_FOUND,
            "{missing}"
        );
    }
}

#[tokio::test]
async fn the_same_bytes_uploaded_twice_are_one_photo_and_both_uploads_are_in_the_audit() {
    let s = premoderated(false).await;
    let chief = sign_in(&s).await;
    let editor = sign_in_as(&s, "editor", "photo-desk").await;
    let file = halves_jpeg(400, 300);
    let first = upload(&s, &chief, &file, "First").await;
    assert_eq!(first.status, StatusCode::CREATED);
    let second = upload(&s, &editor, &file, "Second").await;
    assert_eq!(second.status, StatusCode::OK, "{:?}", second.json());
    assert_eq!(second.json()["new"], false);
    assert_eq!(second.json()["id"], first.json()["id"]);
    // The library's texts are the first upload's.
    assert_eq!(second.json()["alt"], "First");

    let library = call(&s, "GET", "/api/admin/photos", Some(&editor), None).await;
    assert_eq!(library.json().as_array().unwrap().len(), 1);
    let audit = call(
        &s,
        "GET",
        "/api/admin/audit?action=upload-photo",
        Some(&chief),
        None,
    )
    .await;
    let audit = audit.json();
    let actors: Vec<&str> = audit
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["actor"].as_str().unwrap())
        .collect();
    assert_eq!(actors.len(), 2, "{actors:?}");
    assert!(actors.contains(&"chief") && actors.contains(&"photo-desk"));
}

#[tokio::test]
async fn the_library_is_searched_by_caption_credit_or_alt_text() {
    let s = premoderated(false).await;
    let chief = sign_in(&s).await;
    upload(&s, &chief, &halves_jpeg(330, 200), "Summit hall in Astana").await;
    upload(
        &s,
        &chief,
        &halves_jpeg(340, 200),
        "Tea fields near Dushanbe",
    )
    .await;
    let found = call(&s, "GET", "/api/admin/photos?q=astana", Some(&chief), None).await;
    let found = found.json();
    let alts: Vec<&str> = found
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["alt"].as_str().unwrap())
        .collect();
    assert_eq!(alts, vec!["Summit hall in Astana"]);
    let none = call(&s, "GET", "/api/admin/photos?q=100%25", Some(&chief), None).await;
    assert_eq!(none.json(), json!([]));
}

#[tokio::test]
async fn moderators_cannot_upload_and_nobody_signed_out_can() {
    let s = premoderated(false).await;
    sign_in(&s).await;
    let moderator = sign_in_as(&s, "moderator", "queue-keeper").await;
    let a = upload(&s, &moderator, &halves_jpeg(400, 300), "A photo").await;
    assert_eq!(a.status, StatusCode::FORBIDDEN);
    let b = upload(
        &s,
        "infoshos_admin=forged",
        &halves_jpeg(400, 300),
        "A photo",
    )
    .await;
    assert_eq!(b.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn a_lead_photo_reaches_the_feed_and_the_article_with_its_caption_and_credit() {
    let s = premoderated(false).await;
    let chief = sign_in(&s).await;
    let id = uploaded_id(&s, &chief, &halves_jpeg(1400, 700), "Library alt").await;
    let draft = |lead: serde_json::Value| {
        json!({"slug": "photo-story", "title": "A story with a photo", "summary": "It has one.",
               "body": "<p>Words.</p>", "countries": ["KZ"], "section": "politics", "lead": lead})
    };
    let unknown = draft(json!({"id": "0000000000000000", "alt": "x"}));
    let refused = publish(&s, &chief, unknown).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        refused.json()["fields"]["lead"],
        "That photo is not in the library."
    );
    let no_alt = draft(json!({"id": id, "alt": " "}));
    let refused = publish(&s, &chief, no_alt).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused.json()["fields"]["leadAlt"].is_string(),
        "{:?}",
        refused.json()
    );

    let lead = json!({"id": id, "alt": "Two halves", "caption": "The halves, red and blue.", "credit": "Test desk"});
    let published = call(
        &s,
        "POST",
        "/api/admin/articles",
        Some(&chief),
        Some(draft(lead)),
    )
    .await;
    assert_eq!(
        published.status,
        StatusCode::CREATED,
        "{:?}",
        published.json()
    );

    let article = s.get("/api/articles/photo-story").await.json();
    assert_eq!(
        article["photo"],
        json!({"id": id, "width": 1400, "height": 700,
               "colour": article["photo"]["colour"], "alt": "Two halves",
               "caption": "The halves, red and blue.", "credit": "Test desk"})
    );
    // Red and blue halves average to a purple.
    let colour = article["photo"]["colour"].as_str().unwrap();
    let channel = |at: usize| u8::from_str_radix(&colour[at..at + 2], 16).unwrap();
    assert_eq!(colour.len(), 7, "{colour}");
    assert!(
        channel(1) > 80 && channel(5) > 80 && channel(3) < 60,
        "{colour}"
    );
    let feed = s.get("/api/articles?lang=en").await.json();
    let row = &feed["items"][0];
    assert_eq!(row["slug"], "photo-story");
    assert_eq!(row["photo"]["id"], id.as_str());
    assert_eq!(row["photo"]["alt"], "Two halves");
    assert!(row["photo"].get("caption").is_none(), "{row:?}");
    // The desk opens the article with its photo.
    let opened = call(
        &s,
        "GET",
        "/api/admin/articles/photo-story",
        Some(&chief),
        None,
    )
    .await;
    assert_eq!(opened.json()["lead"]["credit"], "Test desk");
}

#[tokio::test]
async fn a_photo_stored_before_avif_is_sent_as_webp_until_its_avif_is_made() {
    use infoshos_server::media::process::{Workers, made_before_avif, make_missing_avif, photo_id};
    use infoshos_server::media::variants::Focal;
    let s = premoderated(false).await;
    let original = halves_jpeg(700, 350);
    let id = photo_id(&original);
    let processed = made_before_avif(&id, &original, Focal::CENTRE).unwrap();
    assert!(!processed.variants.iter().any(|(n, _)| n.ends_with(".avif")));
    let photo = infoshos_server::storage::NewPhoto {
        alt: "Halves".into(),
        ..processed.into_photo(id.clone(), original, Focal::CENTRE)
    };
    s.storage.store_photo(&photo, "chief", 0).await.unwrap();

    let before = s.get(&format!("/media/{id}-640.avif")).await;
    assert_eq!(before.status, StatusCode::TEMPORARY_REDIRECT);
    assert_eq!(
        before.header(header::LOCATION),
        format!("/media/{id}-640.webp")
    );
    assert_eq!(before.header(header::CACHE_CONTROL), "no-store");
    // A width the photo does not have is not found in any format.
    let wider = s.get(&format!("/media/{id}-960.avif")).await;
    assert_eq!(wider.status, StatusCode::NOT_FOUND);

    let workers = Workers::default();
    assert_eq!(make_missing_avif(&s.storage, &workers).await.unwrap(), 1);
    assert_eq!(make_missing_avif(&s.storage, &workers).await.unwrap(), 0);
    let after = s.get(&format!("/media/{id}-640.avif")).await;
    assert_eq!(after.status, StatusCode::OK);
    assert_eq!(after.header(header::CONTENT_TYPE), "image/avif");
    assert_eq!(&after.body[4..12], b"ftypavif");
}
