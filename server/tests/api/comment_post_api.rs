//! A reader without JavaScript comments through the article page's own form: a POST to the
//! article's address, answered with pages (a redirect, or the page again with what they
//! typed), never with JSON, and never with what they wrote in an address.

use crate::common;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use infoshos_server::middleware::rate_limit::Quota;
use serde_json::json;

const SLUG: &str = "rates-table-explained";

fn text(answer: &common::Answer) -> String {
    String::from_utf8(answer.body.clone()).unwrap()
}

/// Posts the article's form as a browser without JavaScript does, with a valid token unless
/// `fields` names one.
async fn post_form(s: &common::TestServer, slug: &str, fields: &[(&str, &str)]) -> common::Answer {
    common::article_form::post_to(s, &format!("/en/article/{slug}"), slug, fields).await
}

async fn comment_count(s: &common::TestServer) -> usize {
    s.get(&format!("/api/articles/{SLUG}/comments"))
        .await
        .json()
        .as_array()
        .unwrap()
        .len()
}

#[tokio::test]
async fn the_form_posts_to_the_article_and_the_reader_lands_on_it_with_their_comment_shown() {
    let s = common::server().await;
    let page = text(&s.get(&format!("/en/article/{SLUG}")).await);
    let form = &page[page.find("<form id=\"comment-form\"").unwrap()..];
    let form = &form[..form.find("</form>").unwrap()];
    assert!(form.contains("method=\"post\""), "{form}");
    assert!(
        form.contains("type=\"hidden\" name=\"token\" value=\""),
        "{form}"
    );

    let sent = post_form(
        &s,
        SLUG,
        &[
            ("name", "Ada"),
            ("email", "ada@example.org"),
            ("text", "Sent from a browser without scripts."),
        ],
    )
    .await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER);
    let to = sent.header(header::LOCATION);
    assert_eq!(
        to,
        format!("/en/article/{SLUG}?comment=published#comment-form")
    );
    assert!(
        !to.contains("ada"),
        "nothing the reader wrote is in the address"
    );

    let landed = s.get(to.split('#').next().unwrap()).await;
    assert_eq!(landed.status, StatusCode::OK);
    let landed = text(&landed);
    assert!(landed.contains("Sent from a browser without scripts."));
    assert!(landed.contains("Your comment is published."), "the notice");
    assert!(
        !landed.contains("ada@example.org"),
        "the email is never shown"
    );
}

#[tokio::test]
async fn a_refused_comment_comes_back_with_what_was_typed_and_why_and_no_cache_keeps_it() {
    let s = common::server().await;
    let before = comment_count(&s).await;
    let refused = post_form(
        &s,
        SLUG,
        &[
            ("name", "Ada <b>"),
            ("email", "not-an-address"),
            ("text", ""),
        ],
    )
    .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(refused.header(header::CACHE_CONTROL), "no-store");
    let page = text(&refused);
    assert!(
        page.contains("value=\"Ada &lt;b&gt;\""),
        "the name stays, as text"
    );
    assert!(page.contains("value=\"not-an-address\""), "the email stays");
    assert!(page.contains("This does not look like an email address."));
    assert!(
        page.contains("Please fill in this field."),
        "the text's message"
    );
    assert_eq!(page.matches("aria-invalid=\"true\"").count(), 2);
    assert!(page.contains("Please check the highlighted fields."));
    assert_eq!(comment_count(&s).await, before, "nothing stored");

    // A rule only the API checks (the token) also keeps the text, and says why.
    let typed = "A long thought that must not be lost </textarea><script>x</script>";
    let refused = post_form(
        &s,
        SLUG,
        &[("name", "Ada"), ("text", typed), ("token", "forged")],
    )
    .await;
    assert_eq!(refused.status, StatusCode::BAD_REQUEST);
    let page = text(&refused);
    assert!(
        page.contains("A long thought that must not be lost &lt;/textarea&gt;&lt;script&gt;"),
        "the text is back in its box, as text"
    );
    assert!(!page.contains("<script>x</script>"));
    assert!(page.contains("class=\"bad\""), "a notice says why");
    assert_eq!(comment_count(&s).await, before);
}

#[tokio::test]
async fn the_form_and_the_app_share_one_allowance_and_the_limit_keeps_the_text() {
    let mut s = common::server().await;
    s.serve(s.state().with_comment_quota(Quota::COMMENTS));
    for n in 0..2 {
        let posted = s
            .post_json(
                &format!("/api/articles/{SLUG}/comments"),
                &json!({"name": "Ada", "text": format!("Comment number {n} from the app.")}),
            )
            .await;
        assert_eq!(posted.status, StatusCode::CREATED);
    }
    let limited = post_form(&s, SLUG, &[("name", "Ada"), ("text", "One too many.")]).await;
    assert_eq!(limited.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(!limited.header(header::RETRY_AFTER).is_empty());
    let page = text(&limited);
    assert!(page.contains(">One too many.</textarea>"), "the text stays");
    assert!(page.contains("Too many attempts in a short time."));
}

#[tokio::test]
async fn a_bot_sees_its_form_accepted_but_nothing_is_stored_and_unknown_articles_are_404() {
    let s = common::server().await;
    let before = comment_count(&s).await;
    let bot = post_form(
        &s,
        SLUG,
        &[
            ("name", "Bot"),
            ("text", "Cheap watches here."),
            ("website", "x"),
        ],
    )
    .await;
    assert_eq!(bot.status, StatusCode::SEE_OTHER);
    assert_eq!(comment_count(&s).await, before);

    let missing = post_form(
        &s,
        "no-such-article",
        &[("name", "Ada"), ("text", "Hello there.")],
    )
    .await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    let nonsense = s
        .send(
            Request::post(format!("/en/article/{SLUG}"))
                .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                .body(Body::from("name=%ZZ&&="))
                .unwrap(),
        )
        .await;
    assert!(nonsense.status.is_client_error(), "{}", nonsense.status);
}
