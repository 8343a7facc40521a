//! A story's editions in the newsroom (issue 33): the articles list says which editions each
//! story has; an article opened in the desk names its other editions; a correction to one
//! edition can flag the others as needing the same correction, and correcting a flagged
//! edition clears its flag.

use crate::common;

use axum::http::StatusCode;
use common::editors::{call, premoderated, sign_in};
use serde_json::{Value, json};

fn draft(title: &str, lang: &str, slug: &str, story: Option<&str>) -> Value {
    let mut d = json!({"title": title, "summary": "A short lead.", "body": "<p>Text.</p>",
                       "countries": ["KZ"], "section": "economy", "lang": lang, "slug": slug});
    if let Some(story) = story {
        d["story"] = json!(story);
    }
    d
}

/// The list's rows for `slug`: its story, editions and whether it was asked to be checked.
async fn listed(s: &common::TestServer, cookie: &str, words: &str) -> Vec<Value> {
    let answer = call(
        s,
        "GET",
        &format!("/api/admin/articles?q={words}"),
        Some(cookie),
        None,
    )
    .await;
    assert_eq!(answer.status, StatusCode::OK);
    answer.json()["items"].as_array().unwrap().clone()
}

#[tokio::test]
async fn a_correction_flags_the_other_editions_and_their_own_correction_clears_it() {
    let s = premoderated(false).await;
    let cookie = sign_in(&s).await;
    for d in [
        draft("A ferry crosses the Caspian", "en", "caspian-ferry", None),
        draft(
            "Паром пересёк Каспий",
            "ru",
            "kaspiyskiy-parom",
            Some("caspian-ferry"),
        ),
    ] {
        let a = call(&s, "POST", "/api/admin/articles", Some(&cookie), Some(d)).await;
        assert_eq!(a.status, StatusCode::CREATED, "{:?}", a.json());
    }

    // The list: both rows tell one story, which has English and Russian, not Chinese.
    let rows = listed(&s, &cookie, "parom").await;
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["story"], "caspian-ferry");
    assert_eq!(rows[0]["editions"], json!(["en", "ru"]));
    assert_eq!(rows[0]["correctionAsked"], false);
    let rows = listed(&s, &cookie, "caspian-ferry").await;
    assert_eq!(rows[0]["editions"], json!(["en", "ru"]));
    // An article alone is its own story.
    let rows = listed(&s, &cookie, "chess-festival-tashkent-2025").await;
    assert_eq!(rows[0]["story"], "chess-festival-tashkent-2025");
    assert_eq!(rows[0]["editions"], json!(["en"]));

    // Opened in the desk, each names the other.
    let opened = call(
        &s,
        "GET",
        "/api/admin/articles/caspian-ferry",
        Some(&cookie),
        None,
    )
    .await
    .json();
    assert_eq!(
        opened["editions"],
        json!([{"lang": "ru", "slug": "kaspiyskiy-parom"}])
    );
    assert!(opened.get("correctionAsked").is_none());

    // The English edition corrected, the others flagged.
    let mut fixed = draft(
        "A ferry crosses the Caspian at last",
        "en",
        "caspian-ferry",
        None,
    );
    fixed["flagEditions"] = json!(true);
    let a = call(
        &s,
        "PUT",
        "/api/admin/articles/caspian-ferry",
        Some(&cookie),
        Some(fixed),
    )
    .await;
    assert_eq!(a.status, StatusCode::OK, "{:?}", a.json());
    let russian = call(
        &s,
        "GET",
        "/api/admin/articles/kaspiyskiy-parom",
        Some(&cookie),
        None,
    )
    .await
    .json();
    assert_eq!(
        russian["correctionAsked"]["from"],
        json!({"lang": "en", "slug": "caspian-ferry"})
    );
    assert!(russian["correctionAsked"]["at"].is_string());
    assert_eq!(
        listed(&s, &cookie, "parom").await[0]["correctionAsked"],
        true
    );
    // The corrected edition itself is not flagged.
    assert_eq!(
        listed(&s, &cookie, "caspian-ferry").await[0]["correctionAsked"],
        false
    );

    // The Russian edition corrected in its turn: its flag is gone.
    let a = call(
        &s,
        "PUT",
        "/api/admin/articles/kaspiyskiy-parom",
        Some(&cookie),
        Some(draft(
            "Паром наконец пересёк Каспий",
            "ru",
            "kaspiyskiy-parom",
            None,
        )),
    )
    .await;
    assert_eq!(a.status, StatusCode::OK, "{:?}", a.json());
    assert_eq!(
        listed(&s, &cookie, "parom").await[0]["correctionAsked"],
        false
    );
    // Corrected without the box ticked, nothing is flagged.
    assert_eq!(
        listed(&s, &cookie, "caspian-ferry").await[0]["correctionAsked"],
        false
    );
}
