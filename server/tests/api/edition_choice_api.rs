//! The language switcher's links go through the server, which keeps the choice in a cookie:
//! so `/` and `/admin` know it next time, with or without JavaScript in the reader's browser.

use crate::common;

use axum::http::{StatusCode, header};

#[tokio::test]
async fn choosing_russian_is_kept_for_a_year_and_leads_on_to_the_same_page_in_russian() {
    let s = common::server().await;
    let answer = s.get("/edition/ru?to=%2Fru%2Fcountry%2FKZ").await;
    assert_eq!(answer.status, StatusCode::SEE_OTHER);
    assert_eq!(answer.header(header::LOCATION), "/ru/country/KZ");
    assert_eq!(answer.header(header::CACHE_CONTROL), "no-store");
    let cookie = answer.header(header::SET_COOKIE).to_string();
    for part in ["lang=ru", "Path=/", "Max-Age=31536000", "SameSite=Lax"] {
        assert!(cookie.contains(part), "{cookie}");
    }
    // The browser sends it back: `/` now leads to the Russian edition, whatever it asks for.
    let kept = cookie.split(';').next().unwrap();
    let root = s
        .get_with(
            "/",
            &[(header::COOKIE, kept), (header::ACCEPT_LANGUAGE, "zh-CN")],
        )
        .await;
    assert_eq!(root.header(header::LOCATION), "/ru/");
    // A search keeps its words.
    let search = s
        .get("/edition/zh?to=%2Fzh%2Fsearch%3Fq%3D%E5%B3%B0%E4%BC%9A")
        .await;
    assert_eq!(
        search.header(header::LOCATION),
        "/zh/search?q=%E5%B3%B0%E4%BC%9A"
    );
}

#[tokio::test]
async fn the_chooser_never_leads_off_the_portal_and_an_unknown_edition_is_not_found() {
    let s = common::server().await;
    for to in [
        "%2F%2Fevil.example%2F",
        "https%3A%2F%2Fevil.example%2Fru%2F",
        "%2Fen%2Fcountry%2FKZ",
        "%2F%5Cevil.example",
        "",
    ] {
        let answer = s.get(&format!("/edition/ru?to={to}")).await;
        assert_eq!(answer.status, StatusCode::SEE_OTHER, "{to}");
        assert_eq!(answer.header(header::LOCATION), "/ru/", "{to}");
    }
    assert_eq!(s.get("/edition/ru").await.header(header::LOCATION), "/ru/");
    let unknown = s.get("/edition/xx?to=%2Fxx%2F").await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
    assert!(unknown.header(header::SET_COOKIE).is_empty());
}

#[tokio::test]
async fn the_editors_area_speaks_the_chosen_edition_else_the_browsers_language() {
    let s = common::server().await;
    for (headers, lang) in [
        (vec![], "en"),
        (vec![(header::ACCEPT_LANGUAGE, "ru-RU,ru;q=0.9")], "ru"),
        (
            vec![(header::ACCEPT_LANGUAGE, "ru"), (header::COOKIE, "lang=zh")],
            "zh",
        ),
    ] {
        let answer = s.get_with("/admin/", &headers).await;
        assert_eq!(answer.status, StatusCode::OK);
        let page = String::from_utf8(answer.body.clone()).unwrap();
        assert!(
            page.contains(&format!("<html lang=\"{lang}\">")),
            "{headers:?}"
        );
        assert_eq!(answer.header(header::VARY), "Accept-Language, Cookie");
    }
    // The switcher in /admin leads back to it.
    let back = s.get("/edition/zh?to=%2Fadmin%2F").await;
    assert_eq!(back.header(header::LOCATION), "/admin/");
}
