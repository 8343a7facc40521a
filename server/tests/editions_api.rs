//! Three editions: `/` sends a reader to theirs, each edition's pages come from its own
//! reader build and speak its language, and every page links to the others.

mod common;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};

fn text(answer: &common::Answer) -> String {
    String::from_utf8(answer.body.clone()).unwrap()
}

async fn root(s: &common::TestServer, headers: &[(header::HeaderName, &str)]) -> common::Answer {
    let mut request = Request::get("/");
    for (name, value) in headers {
        request = request.header(name, *value);
    }
    s.send(request.body(Body::empty()).unwrap()).await
}

#[tokio::test]
async fn the_root_sends_a_reader_to_the_edition_they_chose_or_their_browser_asks_for() {
    let s = common::server().await;
    for (headers, to) in [
        (vec![], "/en/"),
        (
            vec![(header::ACCEPT_LANGUAGE, "ru-RU,ru;q=0.9,en;q=0.8")],
            "/ru/",
        ),
        (vec![(header::ACCEPT_LANGUAGE, "de-DE,zh-CN;q=0.5")], "/zh/"),
        (vec![(header::ACCEPT_LANGUAGE, "fr")], "/en/"),
        (
            vec![
                (header::ACCEPT_LANGUAGE, "ru"),
                (header::COOKIE, "theme=dark; lang=zh"),
            ],
            "/zh/",
        ),
    ] {
        let answer = root(&s, &headers).await;
        assert_eq!(answer.status, StatusCode::FOUND, "{headers:?}");
        assert_eq!(answer.header(header::LOCATION), to, "{headers:?}");
        assert_eq!(answer.header(header::VARY), "Accept-Language, Cookie");
    }
}

#[tokio::test]
async fn the_russian_front_page_comes_from_its_own_build_in_russian_with_russian_state_names() {
    let s = common::server().await;
    let answer = s.get("/ru/").await;
    assert_eq!(answer.status, StatusCode::OK);
    let page = text(&answer);
    assert!(
        page.contains("<body id=reader-ru>"),
        "the Russian reader's build"
    );
    assert!(page.contains("<html lang=\"ru\">"));
    for words in [
        "Последние новости",
        "Время в столицах ШОС",
        "Казахстан",
        "Астана",
    ] {
        assert!(page.contains(words), "{words}");
    }
    assert!(!page.contains("Latest news"));
    // The switcher: this page in each edition, the current one marked.
    for (lang, name) in [("en", "English"), ("zh", "中文")] {
        assert!(
            page.contains(&format!(
                "<a href=\"/{lang}/\" hreflang=\"{lang}\" lang=\"{lang}\">{name}</a>"
            )),
            "{lang}"
        );
    }
    assert!(page.contains(
        "<a href=\"/ru/\" hreflang=\"ru\" lang=\"ru\" aria-current=\"page\">Русский</a>"
    ));
    // Search engines learn the other editions of the page, and the root for everyone else.
    for lang in ["en", "ru", "zh"] {
        assert!(page.contains(&format!(
            "<link rel=\"alternate\" hreflang=\"{lang}\" href=\"http://127.0.0.1:8080/{lang}/\">"
        )));
    }
    assert!(page.contains("hreflang=\"x-default\" href=\"http://127.0.0.1:8080/\""));
    // The states the page carries are the Russian list's.
    assert!(page.contains("\"/api/states?lang=ru\""));
}

#[tokio::test]
async fn the_chinese_edition_writes_dates_its_way_and_a_state_page_switches_to_the_same_state() {
    let s = common::server().await;
    let page = text(&s.get("/zh/country/KZ").await);
    assert!(page.contains("<body id=reader-zh>"));
    assert!(page.contains("哈萨克斯坦"), "the state's name in Chinese");
    assert!(page.contains("<a href=\"/en/country/KZ\" hreflang=\"en\""));
    let rates = s.get("/api/rates").await.json();
    let date = rates["date"].as_str().unwrap();
    let (y, rest) = date.split_once('-').unwrap();
    let (m, d) = rest.split_once('-').unwrap();
    let written = format!(
        "{y}年{}月{}日",
        m.trim_start_matches('0'),
        d.trim_start_matches('0')
    );
    assert!(page.contains(&written), "the rates' day as {written}");
}

#[tokio::test]
async fn the_states_api_names_them_in_the_asked_language() {
    let s = common::server().await;
    let zh = s.get("/api/states?lang=zh").await.json();
    let kz = zh
        .as_array()
        .unwrap()
        .iter()
        .find(|st| st["code"] == "KZ")
        .unwrap();
    assert_eq!(kz["name"], "哈萨克斯坦");
    assert_eq!(kz["capital"], "阿斯塔纳");
    assert_eq!(
        kz["timeZone"], "Asia/Almaty",
        "facts that are not words stay"
    );
    let en = s.get("/api/states").await.json();
    assert_eq!(en[0]["name"], "China");
    let ru = s.get("/api/states?lang=ru").await.json();
    for (a, b) in en.as_array().unwrap().iter().zip(ru.as_array().unwrap()) {
        assert_ne!(a["name"], b["name"], "every state has its Russian name");
    }
    assert_eq!(
        s.get("/api/states?lang=fr").await.status,
        StatusCode::BAD_REQUEST
    );
}
