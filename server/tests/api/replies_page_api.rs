//! Replies without JavaScript: each comment's "Reply" link asks for the article with
//! `?reply=`, whose form says whom it answers and carries the answered comment; the page after
//! the send shows the reply under that comment, and a refused one keeps the reply and the text.
//! (With JavaScript, public/pwa.js draws the same line in place: tests/e2e/replies.spec.js.)

use crate::common;

use axum::http::{StatusCode, header};
use common::article_form::post_to;
use common::{TestServer, server};
use serde_json::json;

const SLUG: &str = "rates-table-explained";
const PAGE: &str = "/en/article/rates-table-explained";

/// The id of the demo's comment on the article (Li Wei's).
async fn first_comment(s: &TestServer) -> i64 {
    let list = s
        .get(&format!("/api/articles/{SLUG}/comments"))
        .await
        .json();
    assert_eq!(list[0]["name"], "Li Wei");
    list[0]["id"].as_i64().unwrap()
}

/// The form as the page draws it.
fn form_of(page: &str) -> &str {
    let form = &page[page.find("<form id=\"comment-form\"").unwrap()..];
    &form[..form.find("</form>").unwrap()]
}

#[tokio::test]
async fn the_reply_link_opens_a_form_that_says_whom_it_answers() {
    let s = server().await;
    let li = first_comment(&s).await;
    let article = s.get(PAGE).await.text();
    assert!(
        article.contains(&format!("href=\"?reply={li}#comment-form\"")),
        "each comment has its link"
    );
    assert!(
        !form_of(&article).contains("replyTo"),
        "no reply until asked"
    );

    let page = s.get(&format!("{PAGE}?reply={li}")).await;
    assert_eq!(page.status, StatusCode::OK);
    let page = page.text();
    let form = form_of(&page);
    assert!(form.contains("in reply to"), "{form}");
    assert!(form.contains("<strong>Li Wei</strong>"), "{form}");
    assert!(form.contains(">Cancel reply</a>"), "{form}");
    assert!(
        form.contains(&format!("type=\"hidden\" name=\"replyTo\" value=\"{li}\"")),
        "{form}"
    );
    assert!(
        form.contains(&format!("href=\"{PAGE}#comment-form\"")),
        "Cancel reply is the article without the reply: {form}"
    );
    // A comment that is not there answers nothing: the plain form.
    let page = s.get(&format!("{PAGE}?reply=987654")).await.text();
    assert!(!form_of(&page).contains("replyTo"));
}

#[tokio::test]
async fn a_reply_sent_without_javascript_lands_under_its_comment() {
    let s = server().await;
    let li = first_comment(&s).await;
    let id = li.to_string();
    let fields = [
        ("name", "Nurlan"),
        ("text", "The column confused me too, thanks."),
        ("replyTo", id.as_str()),
    ];
    let sent = post_to(&s, &format!("{PAGE}?reply={li}"), SLUG, &fields).await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER);
    let to = sent.header(header::LOCATION).to_string();
    assert_eq!(to, format!("{PAGE}?comment=published#comment-form"));

    let page = s.get(to.split('#').next().unwrap()).await.text();
    // Li Wei's comment, then the reply, indented, naming whom it answers.
    let li_at = page
        .find(&format!("data-id=\"{li}\""))
        .expect("Li Wei's comment");
    let reply_at = page.find("class=\"comment reply\"").expect("a reply");
    let reply = &page[reply_at..];
    let reply = &reply[..reply.find("</li>").unwrap()];
    assert!(reply_at > li_at);
    assert!(reply.contains("Nurlan"), "{reply}");
    assert!(reply.contains(" · in reply to Li Wei"), "{reply}");
    assert!(reply.contains("The column confused me too, thanks."));
    assert!(
        !form_of(&page).contains("replyTo"),
        "the form is plain again"
    );
}

#[tokio::test]
async fn a_refused_reply_keeps_its_comment_and_what_was_typed() {
    let s = server().await;
    let li = first_comment(&s).await;
    let id = li.to_string();
    let address = format!("{PAGE}?reply={li}");
    let fields = [("name", ""), ("text", "Forgot my name."), ("replyTo", &id)];
    let refused = post_to(&s, &address, SLUG, &fields).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    let page = refused.text();
    let form = form_of(&page);
    assert!(form.contains("Forgot my name."), "{form}");
    assert!(form.contains(&format!("name=\"replyTo\" value=\"{li}\"")));

    // A tampered field answers nothing that is shown: said, and the text kept.
    let fields = [
        ("name", "Olzhas"),
        ("text", "Answer to a mangled id."),
        ("replyTo", "1; DROP"),
    ];
    let refused = post_to(&s, &address, SLUG, &fields).await;
    assert_eq!(refused.status, StatusCode::CONFLICT);
    let page = refused.text();
    assert!(page.contains("The comment you are replying to is no longer shown."));
    assert!(form_of(&page).contains("Answer to a mangled id."));
    let list = s
        .get(&format!("/api/articles/{SLUG}/comments"))
        .await
        .json();
    assert_eq!(list, json!([list[0].clone()]), "nothing was stored");
}
