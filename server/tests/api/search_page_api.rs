//! The search results page: drawn by the server from the reader's components, with the matches
//! marked as elements around text and the words kept in the header's box.

use crate::common;

use axum::http::StatusCode;

fn q(query: &str, lang: &str) -> String {
    format!(
        "/api/search?lang={lang}&q={}",
        infoshos_model::links::encode(query)
    )
}

fn page_text(answer: &common::Answer) -> String {
    String::from_utf8(answer.body.clone()).unwrap()
}

#[tokio::test]
async fn the_results_page_arrives_rendered_with_marks_as_elements_and_the_words_as_text() {
    let s = common::server().await;
    let answer = s.get("/en/search?q=Tashkent").await;
    assert_eq!(answer.status, StatusCode::OK);
    let page = page_text(&answer);
    assert!(
        page.contains("<body id=occasional>"),
        "its own bundle's page"
    );
    assert!(page.contains("<meta name=\"robots\" content=\"noindex\">"));
    assert!(page.contains("Search: Tashkent"));
    assert!(page.contains("<mark>Tashkent</mark>"), "{page}");
    assert!(page.contains("id=\"search-q\""));
    assert!(
        page.contains("value=\"Tashkent\""),
        "the box keeps the words"
    );

    // More results is a real link, from the API's cursor.
    let api = s.get(&q("the", "en")).await.json();
    let next = api["nextCursor"].as_str().unwrap();
    let page = page_text(&s.get("/en/search?q=the").await);
    assert!(
        page.contains(&format!(
            "href=\"/en/search?q=the&amp;cursor={}\"",
            infoshos_model::links::encode(next)
        )),
        "{page}"
    );

    // Words that look like markup are text, in the box and in the heading.
    let page = page_text(
        &s.get("/en/search?q=%3Cscript%3Ealert(1)%3C/script%3E")
            .await,
    );
    assert!(!page.contains("<script>alert(1)"), "{page}");
    assert!(page.contains("&lt;script&gt;alert(1)"));
    assert!(page.contains("No article holds all of these words."));

    // No words: the page says what to do, and does not ask the API.
    let page = page_text(&s.get("/en/search").await);
    assert!(page.contains("Type one or more words"));
    assert!(!page.contains("/api/search"));
}
