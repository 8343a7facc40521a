//! Search: the articles of an edition that hold every word of a query, best first, with the
//! match marked in a snippet; the index follows every write; no query makes it fail.

use crate::common;
use crate::common::search::{article_at, q, slugs};

use axum::http::StatusCode;
use infoshos_model::Lang;
use infoshos_server::sanitize::paragraphs_html;
use infoshos_server::storage::NewArticle;
use proptest::prelude::*;
use serde_json::Value;

fn article(slug: &str, lang: Lang, title: &str, body: &str) -> NewArticle {
    article_at(slug, lang, title, body, 1_750_000_000_000)
}

/// The snippet as text, with its marked parts in brackets.
fn snippet(hit: &Value) -> String {
    hit["snippet"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            let text = s["text"].as_str().unwrap();
            if s["mark"] == true {
                format!("[{text}]")
            } else {
                text.to_string()
            }
        })
        .collect()
}

#[tokio::test]
async fn a_word_finds_the_articles_that_hold_it_with_the_title_first_and_the_match_marked() {
    let s = common::server().await;
    // "Tashkent" is in a title and in other articles' bodies.
    let results = s.get(&q("tashkent", "en")).await;
    assert_eq!(results.status, StatusCode::OK);
    let results = results.json();
    let items = results["items"].as_array().unwrap();
    assert!(items.len() >= 2, "{results}");
    assert!(
        items[0]["article"]["title"]
            .as_str()
            .unwrap()
            .contains("Tashkent"),
        "a title match ranks first: {results}"
    );
    for hit in items {
        assert!(snippet(hit).contains("[Tashkent]"), "{}", snippet(hit));
    }
    // Every word must be there; a word no article holds finds nothing.
    let both = s.get(&q("Tashkent anti-terrorism", "en")).await.json();
    assert!(!slugs(&both).is_empty() && slugs(&both).len() < items.len());
    let none = s.get(&q("zanzibar", "en")).await.json();
    assert_eq!(none["items"], serde_json::json!([]));
}

#[tokio::test]
async fn russian_word_forms_chinese_two_character_words_and_each_edition_alone() {
    let s = common::server().await;
    // Words the demo editions do not use, so only these articles can match.
    let ru = article(
        "ru-snegokhody",
        Lang::Ru,
        "Гонки снегоходов на Иссык-Куле",
        "Снегоходы прошли по льду озера.",
    );
    let zh = article(
        "zh-xiongmao",
        Lang::Zh,
        "熊猫馆在成都开放",
        "游客排队观看熊猫宝宝。",
    );
    s.storage.insert_article(&ru).await.unwrap();
    s.storage.insert_article(&zh).await.unwrap();

    let found = s.get(&q("снегоход", "ru")).await.json();
    assert_eq!(slugs(&found), ["ru-snegokhody"]);
    assert_eq!(
        snippet(&found["items"][0]),
        "Гонки [снегоходов] на Иссык-Куле."
    );
    assert_eq!(
        slugs(&s.get(&q("СНЕГОХОД", "ru")).await.json()),
        ["ru-snegokhody"]
    );
    assert_eq!(
        slugs(&s.get(&q("熊猫", "zh")).await.json()),
        ["zh-xiongmao"]
    );
    assert_eq!(
        slugs(&s.get(&q("排队", "zh")).await.json()),
        ["zh-xiongmao"]
    );
    assert_eq!(
        slugs(&s.get(&q("熊猫馆", "zh")).await.json()),
        ["zh-xiongmao"]
    );
    assert!(slugs(&s.get(&q("熊猫", "en")).await.json()).is_empty());
}

#[tokio::test]
async fn a_word_also_finds_its_other_forms_by_the_editions_stemmer_on_both_engines() {
    let s = common::server().await;
    let ru = article(
        "ru-snegokhody",
        Lang::Ru,
        "Гонки снегоходов на Иссык-Куле",
        "Снегоходы прошли по льду озера.",
    );
    let en = article(
        "en-kites",
        Lang::En,
        "Kite makers gather in Weifang",
        "The makers flew their largest kite over the river.",
    );
    s.storage.insert_article(&ru).await.unwrap();
    s.storage.insert_article(&en).await.unwrap();
    // Neither word is in the text as it is written: only a stemmer finds them (PostgreSQL's
    // configurations, the stems index on SQLite; decision 0021).
    for (word, lang, slug) in [
        ("снегоходами", "ru", "ru-snegokhody"),
        ("kiting", "en", "en-kites"),
    ] {
        assert_eq!(slugs(&s.get(&q(word, lang)).await.json()), [slug], "{word}");
    }
}

#[tokio::test]
async fn the_index_follows_publishing_corrections_taking_down_and_putting_back() {
    let s = common::server().await;
    let find = |word: &'static str| {
        let s = &s;
        async move { slugs(&s.get(&q(word, "en")).await.json()) }
    };
    let mut a = article(
        "kite-festival",
        Lang::En,
        "Kite festival",
        "Paper dragons over Dushanbe.",
    );
    s.storage.insert_article(&a).await.unwrap();
    assert_eq!(find("dragons").await, ["kite-festival"]);

    a.body_html = paragraphs_html(&["Balloons over Dushanbe.".into()]);
    s.storage.edit_article(&a, "test", 1).await.unwrap();
    assert!(find("dragons").await.is_empty(), "the old body is gone");
    assert_eq!(find("balloons").await, ["kite-festival"]);

    s.storage
        .set_article_visible("kite-festival", false, "test", 2)
        .await
        .unwrap();
    assert!(find("balloons").await.is_empty(), "taken down");
    s.storage
        .set_article_visible("kite-festival", true, "test", 3)
        .await
        .unwrap();
    assert_eq!(find("balloons").await, ["kite-festival"], "put back");
}

#[tokio::test]
async fn more_results_continue_where_a_page_ended_and_each_article_comes_once() {
    let s = common::server().await;
    let mut seen = Vec::new();
    let mut next = Some(q("the", "en"));
    let mut pages = 0;
    while let Some(url) = next {
        let page = s.get(&url).await.json();
        let items = slugs(&page);
        assert!(items.len() <= 20);
        seen.extend(items);
        pages += 1;
        next = page["nextCursor"]
            .as_str()
            .map(|c| format!("{}&cursor={}", q("the", "en"), c));
    }
    assert!(
        pages >= 2,
        "the demo content has more than 20 hits for 'the'"
    );
    let mut unique = seen.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), seen.len(), "no article twice");
    let all = s.get("/api/articles?lang=en&limit=50").await.json();
    assert_eq!(seen.len(), all["items"].as_array().unwrap().len());
}

#[tokio::test]
async fn odd_and_hostile_queries_get_results_or_a_clear_400_never_a_500() {
    let s = common::server().await;
    for query in [
        "\"",
        "\"\"\"",
        "*",
        "summit*",
        "NEAR(summit rates)",
        "summit AND OR NOT",
        "(((",
        ")",
        "a:b",
        "title:summit",
        "^summit",
        "-summit",
        "%",
        "_",
        "\\",
        "'; DROP TABLE articles; --",
        "\u{1}\u{7f}summit",
        "🙂🙂🙂",
        "a",
        "ab",
    ] {
        let answer = s.get(&q(query, "en")).await;
        assert_eq!(
            answer.status,
            StatusCode::OK,
            "{query:?}: {:?}",
            answer.json()
        );
    }
    for (query, message) in [
        ("", "Type a word to search for."),
        ("\u{0} \t", "Type a word to search for."),
        (&"x".repeat(10 * 1024), "Search for at most 200 characters."),
    ] {
        let answer = s.get(&q(query, "en")).await;
        assert_eq!(answer.status, StatusCode::BAD_REQUEST);
        assert_eq!(answer.json()["error"], message);
    }
    let bad_cursor = s.get(&format!("{}&cursor=v1.1.2", q("summit", "en"))).await;
    assert_eq!(bad_cursor.status, StatusCode::BAD_REQUEST);
    assert_eq!(
        s.get(&q("summit", "fr")).await.status,
        StatusCode::BAD_REQUEST
    );
    // "%" and "_" are characters to find, not LIKE's wildcards.
    assert!(slugs(&s.get(&q("%", "en")).await.json()).is_empty());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn no_query_string_makes_the_search_fail(query in "\\PC{0,40}|[\"*()^:%_\\\\ a-zA-Zа-я峰会-]{0,30}") {
        let (runtime, s) = common::shared();
        let status = runtime.block_on(s.get(&q(&query, "en"))).status;
        prop_assert!(
            status == StatusCode::OK || status == StatusCode::BAD_REQUEST,
            "{query:?}: {status}"
        );
    }
}
