//! Every reader page arrives with its content, rendered by the server from the reader app's
//! own components, and carries the API answers it was rendered from, so the browser's app
//! takes it over without asking again.

use crate::common;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use serde_json::{Value, json};

fn text(answer: &common::Answer) -> String {
    String::from_utf8(answer.body.clone()).unwrap()
}

/// The HTML the app was rendered into: between `<div id="app">` and the carried answers.
fn app_html(page: &str) -> &str {
    let from = page.find("<div id=\"app\">").expect("the app's root");
    let to = page
        .find("<script type=\"application/json\"")
        .unwrap_or(page.len());
    &page[from..to]
}

/// The answers the page carries, by API address.
fn carried(page: &str) -> Value {
    let open = "<script type=\"application/json\" id=\"carried\">";
    let from = page.find(open).expect("carried answers") + open.len();
    let to = from + page[from..].find("</script>").unwrap();
    serde_json::from_str(&page[from..to]).expect("the carried answers are JSON")
}

/// Whether the page shows `text`, as it is or HTML-escaped.
fn shows(html: &str, text: &str) -> bool {
    let escaped = text
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    html.contains(&escaped) || html.contains(text)
}

#[tokio::test]
async fn the_front_page_arrives_with_the_first_20_headlines_the_states_clocks_and_rates() {
    let s = common::server().await;
    let feed = s.get("/api/articles?lang=en&limit=20").await.json();
    let page = s.get("/en/").await;
    assert_eq!(page.status, StatusCode::OK);
    let page = text(&page);
    let html = app_html(&page);
    assert!(!html.contains("class=shell"), "the static shell gave way");
    assert!(
        !page.contains("rel=preload href=/api/"),
        "no preload of a carried answer"
    );
    let items = feed["items"].as_array().unwrap();
    assert_eq!(items.len(), 20);
    assert_eq!(html.matches("class=\"feed-row\"").count(), 20);
    for item in items {
        assert!(
            shows(html, item["title"].as_str().unwrap()),
            "{}",
            item["title"]
        );
    }
    // "More news" is a real link to the next page, for readers without JavaScript.
    let next = feed["nextCursor"].as_str().expect("a second page");
    assert!(
        html.contains(&format!("href=\"/en/?cursor={next}\"")),
        "{html}"
    );
    // The side columns: 27 clocks with the server's time, the states, the rates.
    assert_eq!(html.matches("class=\"clock\"").count(), 27);
    assert!(html.contains("Astana") && html.contains("Kazakhstan"));
    let rates = s.get("/api/rates").await.json();
    let first = rates["rates"][0]["currencyName"].as_str().unwrap();
    assert!(html.contains(first), "the rates table names {first}");

    let answers = carried(&page);
    assert_eq!(answers["/api/articles?lang=en&limit=20"], feed);
    assert_eq!(answers["/api/rates"], rates);
    assert_eq!(answers["/api/states"], s.get("/api/states").await.json());
}

#[tokio::test]
async fn a_more_news_link_opens_the_next_20_on_the_server_too() {
    let s = common::server().await;
    let feed = s.get("/api/articles?lang=en&limit=20").await.json();
    let next = feed["nextCursor"].as_str().unwrap();
    let second = s
        .get(&format!("/api/articles?lang=en&limit=20&cursor={next}"))
        .await
        .json();
    let page = text(&s.get(&format!("/en/?cursor={next}")).await);
    let html = app_html(&page);
    for item in second["items"].as_array().unwrap() {
        assert!(shows(html, item["title"].as_str().unwrap()));
    }
    assert!(!shows(html, feed["items"][0]["title"].as_str().unwrap()));
}

#[tokio::test]
async fn an_article_page_arrives_with_its_body_states_comments_related_news_and_form() {
    let s = common::server().await;
    let slug = "rates-table-explained";
    let posted = s
        .post_json(
            &format!("/api/articles/{slug}/comments"),
            &json!({"name": "Dana <b>", "text": "Rendered on the server & kept as text."}),
        )
        .await;
    assert_eq!(posted.status, StatusCode::CREATED);
    let article = s.get(&format!("/api/articles/{slug}")).await.json();
    let page = s.get(&format!("/en/article/{slug}")).await;
    assert_eq!(page.status, StatusCode::OK);
    let page = text(&page);
    let html = app_html(&page);
    assert!(shows(html, article["title"].as_str().unwrap()));
    assert!(shows(html, article["summary"].as_str().unwrap()));
    // The body is the cleaned HTML the API sends, as it is.
    assert!(html.contains(article["body"].as_str().unwrap()));
    assert!(html.contains("Rendered on the server &amp; kept as text."));
    assert!(html.contains("Dana &lt;b&gt;"), "reader input stays text");
    assert!(html.contains("id=\"comment-form\""));
    for related in article["related"].as_array().unwrap() {
        assert!(html.contains(&format!(
            "href=\"/en/article/{}\"",
            related["slug"].as_str().unwrap()
        )));
    }
    let answers = carried(&page);
    assert_eq!(
        answers[format!("/api/articles/{slug}")]["title"],
        article["title"]
    );
    let comments = answers[format!("/api/articles/{slug}/comments")]
        .as_array()
        .unwrap()
        .clone();
    assert!(comments.iter().any(|c| c["name"] == "Dana <b>"));
    // Posting needs a token the carried article has, valid for this article.
    let token = answers[format!("/api/articles/{slug}")]["formToken"]
        .as_str()
        .unwrap();
    assert!(token.contains('.'));
}

#[tokio::test]
async fn the_widgets_page_arrives_in_its_own_bundles_page_with_the_portals_frame() {
    let s = common::server().await;
    let page = s.get("/en/widgets").await;
    assert_eq!(page.status, StatusCode::OK);
    let page = text(&page);
    assert!(page.contains("<body id=occasional>"), "its own build");
    let html = app_html(&page);
    assert!(html.contains("id=\"widget-picker\""), "{html}");
    assert_eq!(html.matches("class=\"clock\"").count(), 27);
    assert!(
        html.contains("<option value=\"KZ\">"),
        "the states to pick from"
    );
    assert_eq!(
        carried(&page)["/api/states"],
        s.get("/api/states").await.json()
    );
    // Every other reader page stays in the reader's build.
    assert!(text(&s.get("/en/").await).contains("<body id=reader>"));
}

#[tokio::test]
async fn a_state_page_arrives_with_that_states_news() {
    let s = common::server().await;
    let feed = s
        .get("/api/articles?lang=en&limit=20&country=KZ")
        .await
        .json();
    let page = text(&s.get("/en/country/KZ").await);
    let html = app_html(&page);
    assert!(html.contains("News about Kazakhstan"), "{html}");
    let items = feed["items"].as_array().unwrap();
    assert!(!items.is_empty());
    assert_eq!(html.matches("class=\"feed-row\"").count(), items.len());
}

#[tokio::test]
async fn unknown_articles_states_editions_and_paths_are_rendered_not_found_pages_sent_as_404() {
    let s = common::server().await;
    for (path, says) in [
        (
            "/en/article/no-such-story",
            "We could not find this article",
        ),
        ("/en/country/FR", "No such SCO state"),
        ("/xx/", "There is no page at this address"),
        ("/en/nowhere/at/all", "There is no page at this address"),
    ] {
        let answer = s.get(path).await;
        assert_eq!(answer.status, StatusCode::NOT_FOUND, "{path}");
        let page = text(&answer);
        let html = app_html(&page);
        assert!(html.contains("class=\"not-found\""), "{path}: {html}");
        assert!(html.contains(says), "{path} says {says}: {html}");
        assert!(html.contains("href=\"/en/\""), "{path}: a way back");
    }
    let answers = carried(&text(&s.get("/en/article/no-such-story").await));
    assert!(
        answers["/api/articles/no-such-story"].is_null(),
        "a carried 404"
    );
}

#[tokio::test]
async fn the_root_sends_readers_to_the_front_page_and_the_shell_stays_as_built() {
    let s = common::server().await;
    let root = s.get("/").await;
    assert_eq!(root.status, StatusCode::FOUND);
    assert_eq!(root.header(header::LOCATION), "/en/");
    // The service worker keeps the shell for offline starts: it is not rendered.
    let shell = text(&s.get("/index.html").await);
    assert!(shell.contains("<p class=shell>Loading</p>"));
    assert!(!shell.contains("id=\"carried\""));
}

#[tokio::test]
async fn dates_are_written_in_the_time_the_readers_cookie_names() {
    let s = common::server().await;
    let feed = s.get("/api/articles?lang=en&limit=1").await.json();
    let at: chrono::DateTime<chrono::Utc> = feed["items"][0]["publishedAt"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    let page = |cookie: Option<&'static str>| {
        let mut request = Request::get("/en/");
        if let Some(c) = cookie {
            request = request.header(header::COOKIE, c);
        }
        s.send(request.body(Body::empty()).unwrap())
    };
    let written = |offset_min: i64| {
        (at + chrono::Duration::minutes(offset_min))
            .format("%d.%m.%Y %H:%M")
            .to_string()
    };
    let utc = text(&page(None).await);
    assert!(app_html(&utc).contains(&written(0)));
    let almaty = page(Some("tz=300")).await;
    assert!(app_html(&text(&almaty)).contains(&written(300)));
    // And in the encoding the browser accepts (a kept page holds each, `pages::finished`).
    assert_eq!(almaty.header(header::VARY), "Cookie, Accept-Encoding");
    // A value no zone has is ignored, not an error.
    let odd = page(Some("tz=99999")).await;
    assert_eq!(odd.status, StatusCode::OK);
    assert!(app_html(&text(&odd)).contains(&written(0)));
}
