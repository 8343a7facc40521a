use crate::common;

use axum::http::{StatusCode, header};
use common::server;
use infoshos_server::rates;
use serde_json::Value;

#[tokio::test]
async fn twenty_seven_states_whose_zones_resolve() {
    let s = server().await;
    let json = s.get("/api/states").await.json();
    let states = json.as_array().unwrap();
    assert_eq!(states.len(), 27);
    assert_eq!(
        states.iter().filter(|s| s["status"] == "member").count(),
        10
    );
    for st in states {
        let tz = st["timeZone"].as_str().unwrap();
        assert!(tz.parse::<chrono_tz::Tz>().is_ok(), "{tz}");
    }
    let kz = states.iter().find(|s| s["code"] == "KZ").unwrap();
    assert_eq!(kz["capital"], "Astana");
    let eg = states.iter().find(|s| s["code"] == "EG").unwrap();
    assert_eq!(eg["formerStatus"], "dialogue partner");
}

fn quoted(rates: &Value) -> Vec<&Value> {
    rates["rates"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| !r["value"].is_null())
        .collect()
}

#[tokio::test]
async fn a_first_start_offline_serves_the_dated_snapshot_marked_stale() {
    let s = server().await;
    let json = s.get("/api/rates").await.json();
    assert_eq!(json["source"], "snapshot");
    assert_eq!(json["stale"], true);
    assert_eq!(json["date"], "2018-12-26");
    assert!(quoted(&json).len() >= 10);
    let all = json["rates"].as_array().unwrap();
    assert_eq!(all.len(), 26, "every SCO currency but the rouble");
    assert!(all.iter().all(|r| r["currency"] != "RUB"));
    // The CBR set no rate for the Pakistani rupee that day: listed, with no number.
    let pkr = all.iter().find(|r| r["currency"] == "PKR").unwrap();
    assert!(pkr["value"].is_null() && pkr["perUnit"].is_null() && pkr["nominal"].is_null());
    let kzt = all.iter().find(|r| r["currency"] == "KZT").unwrap();
    assert_eq!(kzt["nominal"], 100);
    assert!((kzt["perUnit"].as_f64().unwrap() - 0.184907).abs() < 1e-9);
}

fn write_feed(dir: &std::path::Path, name: &str, xml: &str) -> String {
    let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(xml);
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    format!("file://{}", path.display())
}

#[tokio::test]
async fn a_refresh_stores_the_new_day_and_a_bad_feed_keeps_the_last_good_one() {
    let s = server().await;
    let good = write_feed(
        s.dir.path(),
        "good.xml",
        r#"<?xml version="1.0" encoding="windows-1251"?><ValCurs Date="27.12.2018" name="Foreign Currency Market">
        <Valute ID="R01335"><NumCode>398</NumCode><CharCode>KZT</CharCode><Nominal>100</Nominal><Name>Казахстанских тенге</Name><Value>18,6000</Value><VunitRate>0,186</VunitRate></Valute>
        <Valute ID="R01375"><NumCode>156</NumCode><CharCode>CNY</CharCode><Nominal>10</Nominal><Name>Китайских юаней</Name><Value>99,1000</Value></Valute>
        </ValCurs>"#,
    );
    rates::refresh_once(&s.storage, &good).await.unwrap();
    let json = s.get("/api/rates").await.json();
    assert_eq!(json["date"], "2018-12-27");
    assert_eq!(json["source"], "cbr");
    assert_eq!(json["stale"], false);
    let kzt = json["rates"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["currency"] == "KZT")
        .unwrap()
        .clone();
    assert!(
        (kzt["previous"].as_f64().unwrap() - 0.184907).abs() < 1e-9,
        "previous comes from the day before"
    );
    let cny = json["rates"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["currency"] == "CNY")
        .unwrap()
        .clone();
    assert!(cny["perUnit"].as_f64().unwrap() < cny["previous"].as_f64().unwrap());

    let bad = write_feed(
        s.dir.path(),
        "bad.xml",
        "<html>Service temporarily unavailable</html>",
    );
    assert!(rates::refresh_once(&s.storage, &bad).await.is_err());
    assert!(
        rates::refresh_once(&s.storage, "file:///no/such/file.xml")
            .await
            .is_err()
    );
    let after = s.get("/api/rates").await.json();
    assert_eq!(
        after["date"], "2018-12-27",
        "the last good day is still served"
    );
}

#[tokio::test]
async fn health_answers_ok() {
    let s = server().await;
    let a = s.get("/api/health").await;
    assert_eq!(a.status, StatusCode::OK);
    assert_eq!(a.json()["status"], "ok");
}

/// Every (path, method) the API's router is built from (`api::endpoints`, its route table).
fn routes_in_the_router(s: &common::TestServer) -> std::collections::BTreeSet<(String, String)> {
    let mut routes = std::collections::BTreeSet::new();
    for endpoint in infoshos_server::api::endpoints(&s.state()) {
        for method in &endpoint.methods {
            let method = method.as_str().to_ascii_lowercase();
            routes.insert((format!("/api{}", endpoint.path), method));
        }
    }
    assert!(
        routes.len() > 10,
        "the route table is nearly empty: {routes:?}"
    );
    routes
}

#[tokio::test]
async fn the_description_names_exactly_the_routes_the_router_serves() {
    let s = server().await;
    let doc = s.get("/api/openapi.json").await.json();
    let mut documented = std::collections::BTreeSet::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for method in item.as_object().unwrap().keys() {
            documented.insert((path.clone(), method.clone()));
        }
    }
    let served = routes_in_the_router(&s);
    let missing: Vec<_> = served.difference(&documented).collect();
    assert!(
        missing.is_empty(),
        "served but not described in openapi.json: {missing:?}"
    );
    let extra: Vec<_> = documented.difference(&served).collect();
    assert!(extra.is_empty(), "described but not served: {extra:?}");
    // The public GETs answer as described.
    for (path, method) in &served {
        if method != "get" || path.starts_with("/api/admin/") {
            continue;
        }
        let mut uri = path
            .replace("{slug}", "rates-table-explained")
            .replace("{code}", "KZT");
        if uri == "/api/search" {
            uri.push_str("?q=summit");
        }
        if uri == "/api/oembed" {
            uri.push_str(
                "?url=http%3A%2F%2F127.0.0.1%3A8080%2Fen%2Farticle%2Frates-table-explained",
            );
        }
        if uri == "/api/live" {
            // A stream never ends: its status, not its whole body.
            let stream = common::events::Events::open(&s, &uri, &[]).await;
            assert_eq!(stream.status, StatusCode::OK, "{uri}");
            continue;
        }
        assert_eq!(s.get(&uri).await.status, StatusCode::OK, "{uri}");
    }
}

#[tokio::test]
async fn client_routes_get_the_app_page_briefly_cached_and_hashed_assets_for_good() {
    let s = server().await;
    for uri in ["/en/", "/en/article/laos-becomes-partner", "/en/country/KZ"] {
        let a = s.get(uri).await;
        assert_eq!(a.status, StatusCode::OK, "{uri}");
        assert!(
            String::from_utf8_lossy(&a.body).contains("<body id=reader>"),
            "{uri}"
        );
        // The same for every reader in one time zone (Vary: Cookie): kept a minute, then
        // revalidated by its ETag.
        let cache = a.header(header::CACHE_CONTROL);
        assert!(cache.starts_with("public, max-age=60,"), "{uri}: {cache}");
        assert!(!a.header(header::ETAG).is_empty(), "{uri}");
    }
    let wasm = s.get("/infoshos-0123456789abcdef_bg.wasm").await;
    assert_eq!(wasm.status, StatusCode::OK);
    assert!(wasm.header(header::CACHE_CONTROL).contains("immutable"));
    // Flags keep their names across builds: kept a week, not for good.
    let flag = s.get("/flags/kz.svg").await;
    assert_eq!(flag.status, StatusCode::OK);
    assert_eq!(flag.header(header::CONTENT_TYPE), "image/svg+xml");
    assert!(
        flag.header(header::CACHE_CONTROL)
            .contains("max-age=604800")
    );
    assert_eq!(s.get("/flags/xx.svg").await.status, StatusCode::NOT_FOUND);
    assert_eq!(
        s.get("/missing-0123456789abcdef.js").await.status,
        StatusCode::NOT_FOUND
    );
}
