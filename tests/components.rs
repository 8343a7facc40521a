//! Components in a real headless Chromium (wasm-bindgen-test). Run by `make test-browser`.
#![cfg(target_arch = "wasm32")]

use chrono::{DateTime, TimeZone, Utc};
use infoshos::components::clocks::Clock;
use infoshos::components::comment_form::CommentForm;
use infoshos::site::Site;
use infoshos_model::{Lang, Membership, State};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlInputElement, HtmlTextAreaElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts a view in a fresh container with the context every page has.
fn mount(view: impl FnOnce() -> AnyView + 'static) -> HtmlElement {
    let container: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&container).unwrap();
    let handle = leptos::mount::mount_to(container.clone(), move || {
        provide_context(Site::new(Memo::new(|_| Lang::En)));
        view()
    });
    handle.forget();
    container
}

async fn settle(ms: u32) {
    gloo_timers::future::TimeoutFuture::new(ms).await;
}

/// Waits (up to 3 s) for a condition the UI reaches asynchronously.
async fn until(mut ok: impl FnMut() -> bool) -> bool {
    for _ in 0..60 {
        if ok() {
            return true;
        }
        settle(50).await;
    }
    false
}

fn state(capital: &str, zone: &str) -> State {
    State {
        code: "NP".into(),
        name: "Nepal".into(),
        capital: capital.into(),
        time_zone: zone.into(),
        currency: "NPR".into(),
        currency_name: "Nepalese rupee".into(),
        status: Membership::Partner,
        former_status: None,
        offsets: Vec::new(),
    }
}

fn text_of(root: &HtmlElement, selector: &str) -> String {
    root.query_selector(selector)
        .unwrap()
        .map(|e| e.text_content().unwrap_or_default())
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn a_clock_shows_the_capitals_time_and_follows_the_ticker() {
    let at =
        |h, m| -> DateTime<Utc> { Utc.with_ymd_and_hms(2026, 6, 1, h, m, 0).single().unwrap() };
    let (now, set_now) = signal(at(10, 0));
    let root = mount(move || {
        view! { <ul><Clock state=state("Kathmandu", "Asia/Kathmandu") now /></ul> }.into_any()
    });
    settle(10).await;
    assert_eq!(text_of(&root, ".clock-time"), "15:45");
    assert_eq!(text_of(&root, ".clock-city"), "Kathmandu");
    set_now.set(at(10, 16));
    settle(10).await;
    assert_eq!(text_of(&root, ".clock-time"), "16:01");
}

#[wasm_bindgen_test]
async fn a_clock_with_an_unknown_zone_shows_a_dash() {
    let (now, _) = signal(Utc::now());
    let root = mount(move || {
        view! { <ul><Clock state=state("Atlantis", "Ocean/Atlantis") now /></ul> }.into_any()
    });
    settle(10).await;
    assert_eq!(text_of(&root, ".clock-time"), "—");
}

fn input(root: &HtmlElement, id: &str) -> HtmlInputElement {
    root.query_selector(&format!("#{id}"))
        .unwrap()
        .unwrap()
        .unchecked_into()
}

fn textarea(root: &HtmlElement) -> HtmlTextAreaElement {
    root.query_selector("#comment-text")
        .unwrap()
        .unwrap()
        .unchecked_into()
}

fn type_into(el: &HtmlElement, value: &str) {
    js_sys::Reflect::set(el, &"value".into(), &value.into()).unwrap();
    el.dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
}

fn submit(root: &HtmlElement) {
    let button: HtmlElement = root
        .query_selector("button[type=submit]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    button.click();
}

fn mount_form() -> HtmlElement {
    mount(|| {
        view! { <CommentForm slug="no-such-article".to_string() on_stored=Callback::new(|_| {}) /> }
            .into_any()
    })
}

#[wasm_bindgen_test]
async fn the_form_shows_each_problem_beside_its_field_and_keeps_the_text() {
    let root = mount_form();
    settle(10).await;
    type_into(textarea(&root).unchecked_ref(), "hi");
    submit(&root);
    settle(10).await;
    assert!(text_of(&root, "#comment-name-error").contains("fill in"));
    assert!(text_of(&root, "#comment-text-error").contains("at least 3"));
    assert_eq!(text_of(&root, "#comment-email-error"), "");
    assert_eq!(
        input(&root, "comment-name")
            .get_attribute("aria-invalid")
            .as_deref(),
        Some("true")
    );
    assert_eq!(
        textarea(&root).value(),
        "hi",
        "what the reader typed is kept"
    );

    type_into(input(&root, "comment-name").unchecked_ref(), "Aigerim");
    type_into(
        input(&root, "comment-email").unchecked_ref(),
        "not an email",
    );
    submit(&root);
    settle(10).await;
    assert_eq!(text_of(&root, "#comment-name-error"), "");
    assert!(text_of(&root, "#comment-email-error").contains("email"));
}

#[wasm_bindgen_test]
async fn a_failed_send_keeps_everything_and_says_why() {
    let root = mount_form();
    settle(10).await;
    type_into(input(&root, "comment-name").unchecked_ref(), "Aigerim");
    type_into(textarea(&root).unchecked_ref(), "A thoughtful comment.");
    submit(&root);
    // While it is on its way the button cannot send it again. Looked at after the microtasks
    // that draw it, before any network answer can arrive: a timer's turn (`settle(0)`) let a
    // fast 404 come back first, and the button was enabled again when looked at.
    wasm_bindgen_futures::JsFuture::from(js_sys::Promise::resolve(&JsValue::NULL))
        .await
        .unwrap();
    let button = root.query_selector("button[type=submit]").unwrap().unwrap();
    assert!(
        button.has_attribute("disabled"),
        "a second click must not send twice"
    );
    // The test server has no API: the answer is a 404, said in words.
    assert!(until(|| !text_of(&root, ".form-notice").is_empty()).await);
    assert!(text_of(&root, ".form-notice").contains("Not found"));
    assert_eq!(textarea(&root).value(), "A thoughtful comment.");
    assert_eq!(input(&root, "comment-name").value(), "Aigerim");
    assert!(
        !root
            .query_selector("button[type=submit]")
            .unwrap()
            .unwrap()
            .has_attribute("disabled")
    );
}

#[wasm_bindgen_test]
async fn only_the_newest_request_of_a_load_may_answer() {
    use infoshos::fetch_error::FetchError;
    use infoshos::load::Load;
    use std::cell::Cell;
    use std::rc::Rc;
    let calls = Rc::new(Cell::new(0u32));
    // The first request is slow, the second (a Retry) quick: the slow answer comes last.
    let load = Load::new({
        let calls = calls.clone();
        move || {
            let n = calls.get() + 1;
            calls.set(n);
            async move {
                gloo_timers::future::TimeoutFuture::new(if n == 1 { 300 } else { 20 }).await;
                Ok::<u32, FetchError>(n)
            }
        }
    });
    settle(10).await;
    load.refetch();
    settle(500).await;
    assert_eq!(calls.get(), 2);
    assert!(
        matches!(load.get(), Some(Ok(2))),
        "{:?}",
        load.get().map(|r| r.ok())
    );
}

/// Clicks `anchor` as a person would, with `keys` held (or another `button`), and says whether
/// the router took the click (it cancels the browser's own navigation). A listener on the
/// window, after the router's, cancels any real navigation so the test page stays.
fn router_took(anchor: &str, init: &[(&str, wasm_bindgen::JsValue)]) -> bool {
    use js_sys::Reflect;
    let options = js_sys::Object::new();
    for (key, value) in [("bubbles", true.into()), ("cancelable", true.into())]
        .iter()
        .chain(init)
    {
        Reflect::set(&options, &(*key).into(), value).unwrap();
    }
    let class: js_sys::Function = Reflect::get(&window(), &"MouseEvent".into())
        .unwrap()
        .unchecked_into();
    let args = js_sys::Array::of2(&"click".into(), &options);
    let event: web_sys::Event = Reflect::construct(&class, &args).unwrap().unchecked_into();
    let took = std::rc::Rc::new(std::cell::Cell::new(false));
    let seen = took.clone();
    let stop =
        wasm_bindgen::closure::Closure::<dyn Fn(web_sys::Event)>::new(move |e: web_sys::Event| {
            seen.set(e.default_prevented());
            e.prevent_default();
        });
    window()
        .add_event_listener_with_callback("click", stop.as_ref().unchecked_ref())
        .unwrap();
    document()
        .get_element_by_id(anchor)
        .unwrap()
        .dispatch_event(&event)
        .unwrap();
    window()
        .remove_event_listener_with_callback("click", stop.as_ref().unchecked_ref())
        .unwrap();
    took.get()
}

#[wasm_bindgen_test]
async fn the_router_takes_plain_clicks_on_portal_links_and_leaves_the_rest_to_the_browser() {
    let nav = infoshos::router::Nav::start();
    let links: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    links.set_inner_html(concat!(
        r#"<a id="plain" href="/en/article/x">x</a><a id="blank" href="/en/article/y" target="_blank">y</a>"#,
        r#"<a id="own" href="/en/article/z" data-no-route>z</a><a id="file" href="/en/rss.xml" download>rss</a>"#,
        r#"<a id="away" href="https://elsewhere.example/en/">away</a><span><a id="nested" href="/en/country/KZ"><b id="inner">KZ</b></a></span>"#,
    ));
    document().body().unwrap().append_child(&links).unwrap();
    for key in ["ctrlKey", "metaKey", "shiftKey", "altKey"] {
        assert!(!router_took("plain", &[(key, true.into())]), "{key}");
    }
    assert!(
        !router_took("plain", &[("button", 1.into())]),
        "middle button"
    );
    for other in ["blank", "own", "file", "away"] {
        assert!(!router_took(other, &[]), "{other}");
    }
    assert!(router_took("plain", &[]));
    assert_eq!(nav.path.get_untracked(), "/en/article/x");
    assert_eq!(window().location().pathname().unwrap(), "/en/article/x");
    // A click on something inside a link counts as a click on the link.
    assert!(router_took("inner", &[]));
    assert_eq!(nav.path.get_untracked(), "/en/country/KZ");
    links.remove();
}
