//! A reader is answered in the language of the article they comment on, and an editor in the
//! language their area speaks: field messages, the form token's problems, a refused draft.

use crate::common;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use common::editors::{call, premoderated, sign_in};
use serde_json::json;

const RU: &str = "astana-2017-indiya-i-pakistan";
const ZH: &str = "astana-2017-yindu-bajisitan-zh";

#[tokio::test]
async fn a_comment_on_a_russian_article_is_refused_in_russian_and_a_chinese_one_in_chinese() {
    let s = common::server().await;
    let uri = format!("/api/articles/{RU}/comments");
    let refused = s.post_json(&uri, &json!({"name": " ", "text": "ой"})).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    let body = refused.json();
    assert_eq!(body["error"], "Проверьте отмеченные поля.");
    assert_eq!(body["fields"]["name"], "Заполните это поле.");
    assert_eq!(body["fields"]["text"], "Напишите хотя бы 3 символа.");

    // The same text twice: the second is refused, in Chinese on a Chinese article.
    let uri = format!("/api/articles/{ZH}/comments");
    let comment = json!({"name": "李明", "text": "很好的文章，谢谢。"});
    assert_eq!(
        s.post_json(&uri, &comment).await.status,
        StatusCode::CREATED
    );
    let again = s.post_json(&uri, &comment).await;
    assert_eq!(again.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        again.json()["fields"]["text"],
        "您刚刚在这里发过同样的评论。"
    );

    // A form without its token: the reader is told to reload, in Russian.
    let uri = format!("/api/articles/{RU}/comments");
    let no_token = s
        .post_json(
            &uri,
            &json!({"name": "Ая", "text": "Спасибо за статью.", "token": null}),
        )
        .await;
    assert_eq!(no_token.status, StatusCode::BAD_REQUEST);
    assert!(
        no_token.json()["error"]
            .as_str()
            .unwrap()
            .starts_with("У формы нет защитного ключа."),
        "{}",
        no_token.json()
    );
}

#[tokio::test]
async fn a_wrong_token_or_password_and_a_refused_draft_are_answered_in_the_editors_language() {
    let s = premoderated(false).await;
    let answer = |uri: &'static str, body: &'static str| {
        let request = Request::post(uri)
            .header(header::CONTENT_TYPE, "application/json")
            .header(header::COOKIE, "lang=zh")
            .header(header::ACCEPT_LANGUAGE, "ru")
            .body(Body::from(body))
            .unwrap();
        s.send(request)
    };
    let body = r#"{"token":"not-it","username":"chief","password":"long enough passphrase"}"#;
    let wrong = answer("/api/admin/setup", body).await;
    assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
    assert_eq!(wrong.json()["error"], "这不是首次启动密钥。");
    let wrong = answer(
        "/api/admin/login",
        r#"{"username":"chief","password":"guess"}"#,
    )
    .await;
    assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
    assert_eq!(wrong.json()["error"], "用户名或密码错误。");

    let cookie = format!("{}; lang=ru", sign_in(&s).await);
    let draft = json!({
        "title": "Заголовок", "summary": "Лид.", "body": "<script>x</script>",
        "lang": "ru", "countries": ["FR"], "section": "politics", "slug": "Плохой адрес"
    });
    let refused = call(
        &s,
        "POST",
        "/api/admin/articles",
        Some(&cookie),
        Some(draft),
    )
    .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    let body = refused.json();
    assert_eq!(body["error"], "Проверьте отмеченные поля.");
    assert!(
        body["fields"]["slug"]
            .as_str()
            .unwrap()
            .starts_with("От 1 до 100")
    );
    assert_eq!(
        body["fields"]["body"],
        "После удаления скриптов и неподдерживаемой разметки не осталось текста."
    );
}
