//! A currency's history page (`/{lang}/rates/{code}`) arrives drawn by the server: one point
//! per day held, the lowest and highest marked and said in words, the figures as a table; in
//! the reader's language; from the occasional bundle; a 404 for the rouble or a currency of no
//! SCO state. The history here comes from a dynamic answer written for the test (made-up
//! numbers, never shown to readers).

use crate::common;

use axum::http::StatusCode;
use chrono::Utc;
use common::app_html;
use infoshos_server::rates::backfill::backfill_pass;

/// Four days of the tenge, 100 units quoted: 17.0, 16.5, 18.25 and 17.5 roubles.
async fn with_tenge_history(s: &common::TestServer) {
    let today = Utc::now().date_naive();
    let records: String = [(40, "0,17"), (20, "0,165"), (10, "0,1825"), (2, "0,175")]
        .iter()
        .map(|(ago, unit)| {
            let date = today - chrono::Duration::days(*ago);
            format!(
                "<Record Date=\"{}\" Id=\"R01335\"><Nominal>100</Nominal><Value>1</Value>\
                 <VunitRate>{unit}</VunitRate></Record>",
                date.format("%d.%m.%Y")
            )
        })
        .collect();
    let dir = s.dir.path().join("dynamic");
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(
        dir.join("R01335.xml"),
        format!("<?xml version=\"1.0\" encoding=\"windows-1251\"?><ValCurs ID=\"R01335\">{records}</ValCurs>"),
    )
    .unwrap();
    let template = format!("file://{}/{{id}}.xml", dir.display());
    let wanted = ["KZT".to_string()];
    let pass = backfill_pass(&s.storage, &template, &wanted, today, Default::default()).await;
    assert_eq!(pass.unwrap().filled, ["KZT"]);
}

#[tokio::test]
async fn the_history_page_arrives_drawn_with_its_extremes_in_words_and_its_figures() {
    let s = common::server().await;
    with_tenge_history(&s).await;
    let answer = s.get("/en/rates/KZT?days=90").await;
    assert_eq!(answer.status, StatusCode::OK);
    let page = answer.text();
    assert!(page.contains("<body id=occasional>"), "its own bundle");
    let html = app_html(&page);
    assert!(html.contains(" (KZT) against the rouble</h1>"), "{html}");
    assert!(html.contains("data-points=\"4\""), "{html}");
    let polyline = html.split("<polyline points=\"").nth(1).unwrap();
    let points: Vec<&str> = polyline[..polyline.find('"').unwrap()].split(' ').collect();
    assert_eq!(points.len(), 4, "one point a day");
    // The highest day (18.25) at the top of the box, the lowest (16.5) at the bottom.
    let y = |p: &str| p.split(',').nth(1).unwrap().parse::<f64>().unwrap();
    // Top to bottom: 18.25, 17.5, 17.0, 16.5.
    let heights = [2, 3, 0, 1].map(|i| y(points[i]));
    assert!(heights.is_sorted(), "{points:?}");
    assert!(html.contains("Lowest: 16,5000 ₽ / 100 KZT"), "{html}");
    assert!(html.contains("Highest: 18,2500 ₽ / 100 KZT"), "{html}");
    assert!(html.contains("Change over the period: +2.94 %"), "{html}");
    assert_eq!(html.matches("<tr><td><time").count(), 4, "the figures");

    let month = app_html(&s.get("/en/rates/KZT?days=30").await.text()).to_string();
    assert!(month.contains("data-points=\"3\""), "{month}");
    let russian = s.get("/ru/rates/KZT").await.text();
    assert!(app_html(&russian).contains("Минимум"));
}

#[tokio::test]
async fn a_currency_without_days_says_so_and_others_are_not_found() {
    let s = common::server().await;
    let none = s.get("/en/rates/MNT").await;
    assert_eq!(none.status, StatusCode::OK);
    assert!(app_html(&none.text()).contains("holds no day of this rate yet"));
    for path in ["/en/rates/RUB", "/en/rates/USD", "/en/rates/"] {
        assert_eq!(s.get(path).await.status, StatusCode::NOT_FOUND, "{path}");
    }
}

#[tokio::test]
async fn the_converter_answers_in_the_page_and_keeps_a_refused_amount_with_the_reason() {
    let s = common::server().await;
    let rates = s.get("/api/rates").await.json();
    let per_unit = |code: &str| {
        rates["rates"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["currency"] == code)
            .and_then(|r| r["perUnit"].as_f64())
            .unwrap()
    };
    let tenge = per_unit("KZT");
    let page = s
        .get("/en/rates/KZT?days=90&amount=5+000&from=KZT&to=RUB")
        .await
        .text();
    let html = app_html(&page);
    let roubles = infoshos_model::convert::format_amount(
        (5000.0 * tenge * 100.0).round() / 100.0,
        2,
        infoshos_model::Lang::En,
    );
    assert!(
        html.contains(&format!("5,000.00 KZT = {roubles} RUB")),
        "{html}"
    );
    assert!(html.contains("Through the official rouble rates"), "{html}");

    // A cross rate in Russian, typed with a decimal comma: yuan into tenge.
    let yuan = per_unit("CNY");
    let ru = s
        .get("/ru/rates/KZT?amount=5%2C5&from=CNY&to=KZT")
        .await
        .text();
    let tenge_amount = infoshos_model::convert::format_amount(
        (5.5 * yuan / tenge * 100.0).round() / 100.0,
        2,
        infoshos_model::Lang::Ru,
    );
    assert!(
        app_html(&ru).contains(&format!("5,50 CNY = {tenge_amount} KZT")),
        "{}",
        app_html(&ru)
    );

    let refused = s
        .get("/en/rates/KZT?amount=five+thousand&to=CNY")
        .await
        .text();
    let html = app_html(&refused);
    assert!(html.contains("Type the amount in figures"), "{html}");
    assert!(
        html.contains("value=\"five thousand\""),
        "what was typed stays: {html}"
    );
}
