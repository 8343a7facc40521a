//! Three editions: `/` sends a reader to theirs, each edition's pages come from its own
//! reader build and speak its language, and every page links to the others.

use crate::common;

use axum::http::{StatusCode, header};

fn text(answer: &common::Answer) -> String {
    String::from_utf8(answer.body.clone()).unwrap()
}

async fn root(s: &common::TestServer, headers: &[(header::HeaderName, &str)]) -> common::Answer {
    s.get_with("/", headers).await
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
    // The switcher: this page in each edition (through the server, which keeps the choice),
    // the current one marked.
    for (lang, name) in [("en", "English"), ("zh", "中文")] {
        assert!(
            page.contains(&format!(
                "<a href=\"/edition/{lang}?to=%2F{lang}%2F\" hreflang=\"{lang}\" lang=\"{lang}\">{name}</a>"
            )),
            "{lang}"
        );
    }
    assert!(page.contains(
        "<a href=\"/edition/ru?to=%2Fru%2F\" hreflang=\"ru\" lang=\"ru\" aria-current=\"page\">Русский</a>"
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
    assert!(page.contains("<a href=\"/edition/en?to=%2Fen%2Fcountry%2FKZ\" hreflang=\"en\""));
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

#[tokio::test]
async fn each_edition_has_its_own_news_and_an_article_leads_to_its_translation_or_the_front_page() {
    let s = common::server().await;
    for (lang, at_least) in [("ru", 20), ("zh", 20)] {
        let feed = s
            .get(&format!("/api/articles?lang={lang}&limit=50"))
            .await
            .json();
        let items = feed["items"].as_array().unwrap();
        assert!(items.len() >= at_least, "{lang}: {}", items.len());
        assert!(items.iter().all(|a| a["lang"] == lang));
    }
    let to = |answer: &common::Answer| answer.header(header::LOCATION).to_string();
    // The switcher's link on an English article with a Russian translation…
    let story = "tianjin-summit-2025-partner-status";
    let ru = s.get(&format!("/ru/article/{story}")).await;
    assert_eq!(ru.status, StatusCode::FOUND);
    assert_eq!(to(&ru), "/ru/article/tyantszin-2025-status-partnera");
    // …and back from the Chinese one.
    let en = s.get("/en/article/tianjin-2025-huoban-diwei-zh").await;
    assert_eq!(to(&en), format!("/en/article/{story}"));
    // A story told only in English leads to the other edition's front page.
    let zh = s.get("/zh/article/energy-club-meeting-moscow-2018").await;
    assert_eq!(to(&zh), "/zh/");
    // The translation is its edition's own page, in its language.
    let page = text(&s.get("/ru/article/tyantszin-2025-status-partnera").await);
    assert!(page.contains("Саммит в Тяньцзине объединил наблюдателей"));
    assert!(page.contains("<body id=reader-ru>"));
    // Search engines learn each edition's article of the story.
    for (lang, slug) in [
        ("en", story),
        ("ru", "tyantszin-2025-status-partnera"),
        ("zh", "tianjin-2025-huoban-diwei-zh"),
    ] {
        assert!(page.contains(&format!(
            "<link rel=\"alternate\" hreflang=\"{lang}\" href=\"http://127.0.0.1:8080/{lang}/article/{slug}\">"
        )));
    }
    // An unknown article stays a 404 under every edition.
    assert_eq!(
        s.get("/ru/article/no-such-story").await.status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn russian_word_forms_and_chinese_words_are_found_in_the_demo_editions() {
    let s = common::server().await;
    let count = |path: &'static str| {
        let s = &s;
        async move { s.get(path).await.json()["items"].as_array().unwrap().len() }
    };
    // "саммит" finds "саммита", "саммите", "саммитов"…
    assert!(count("/api/search?lang=ru&q=%D1%81%D0%B0%D0%BC%D0%BC%D0%B8%D1%82").await >= 5);
    // 峰会 (summit), two characters.
    assert!(count("/api/search?lang=zh&q=%E5%B3%B0%E4%BC%9A").await >= 5);
}
