//! A small router of our own: the portal has four kinds of page, and leptos_router cost more
//! wasm than everything else we wrote (see `make size`). Links stay real `<a href>`; a click on
//! one inside the portal becomes a history entry, and back/forward replay them.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

/// The page a path names. The language segment is read apart (see `lang_segment`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    Home,
    Article(String),
    Country(String),
    /// The articles kept for offline reading.
    Saved,
    /// Where partners pick a widget and copy its embed code.
    Widgets,
    NotFound,
}

/// Where `/` sends a reader.
pub const FRONT: &str = "/en/";

pub fn route(path: &str) -> Route {
    let parts: Vec<&str> = path.trim_start_matches('/').split('/').collect();
    match parts.as_slice() {
        [lang] | [lang, ""] if is_lang(lang) => Route::Home,
        [lang, "article", slug] | [lang, "article", slug, ""]
            if is_lang(lang) && !slug.is_empty() =>
        {
            Route::Article(decode(slug))
        }
        [lang, "saved"] | [lang, "saved", ""] if is_lang(lang) => Route::Saved,
        [lang, "widgets"] | [lang, "widgets", ""] if is_lang(lang) => Route::Widgets,
        [lang, "country", code] | [lang, "country", code, ""]
            if is_lang(lang) && !code.is_empty() =>
        {
            Route::Country(decode(code))
        }
        _ => Route::NotFound,
    }
}

/// The first path segment when it looks like a language code (`en`, `ru`, …).
pub fn lang_segment(path: &str) -> &str {
    let first = path
        .trim_start_matches('/')
        .split('/')
        .next()
        .unwrap_or_default();
    if is_lang(first) { first } else { "" }
}

fn is_lang(s: &str) -> bool {
    s.len() == 2 && s.bytes().all(|b| b.is_ascii_lowercase())
}

/// One query parameter, percent-decoded.
pub fn query_param(search: &str, name: &str) -> Option<String> {
    search
        .trim_start_matches('?')
        .split('&')
        .filter_map(|pair| pair.split_once('=').or(Some((pair, ""))))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| decode(&v.replace('+', " ")))
}

/// Every query parameter, percent-decoded, in order.
pub fn query_pairs(search: &str) -> Vec<(String, String)> {
    search
        .trim_start_matches('?')
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            (decode(&k.replace('+', " ")), decode(&v.replace('+', " ")))
        })
        .collect()
}

/// Percent-decoding; a malformed escape is kept as it is rather than failing the page.
pub fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (
            bytes[i],
            bytes.get(i + 1).copied().and_then(hex),
            bytes.get(i + 2).copied().and_then(hex),
        ) {
            (b'%', Some(h), Some(l)) => {
                out.push((h * 16 + l) as u8);
                i += 3;
            }
            (b, _, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The current path and query, as signals every page can read.
#[derive(Clone, Copy)]
pub struct Nav {
    pub path: RwSignal<String>,
    pub search: RwSignal<String>,
}

pub fn use_nav() -> Nav {
    expect_context::<Nav>()
}

impl Nav {
    /// Reads the address bar, sends `/` to the front page, and follows link clicks and
    /// back/forward for the rest of the visit.
    pub fn start() -> Nav {
        let nav = Nav {
            path: RwSignal::new(String::new()),
            search: RwSignal::new(String::new()),
        };
        if current_path() == "/" {
            replace(FRONT);
        }
        nav.sync();
        let on_pop = Closure::<dyn Fn()>::new(move || nav.sync());
        let _ =
            window().add_event_listener_with_callback("popstate", on_pop.as_ref().unchecked_ref());
        on_pop.forget();
        let on_click = Closure::<dyn Fn(web_sys::MouseEvent)>::new(move |ev| nav.follow(ev));
        let _ =
            document().add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref());
        on_click.forget();
        nav
    }

    fn sync(&self) {
        let location = window().location();
        self.path.set(location.pathname().unwrap_or_default());
        self.search.set(location.search().unwrap_or_default());
    }

    /// A plain left click on a link to another page of the portal: no reload, a new history
    /// entry, and the top of the new page. Everything else is left to the browser.
    fn follow(&self, ev: web_sys::MouseEvent) {
        if ev.default_prevented()
            || ev.button() != 0
            || ev.meta_key()
            || ev.ctrl_key()
            || ev.shift_key()
            || ev.alt_key()
        {
            return;
        }
        let Some(anchor) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest("a[href]").ok().flatten())
            .and_then(|el| el.dyn_into::<web_sys::HtmlAnchorElement>().ok())
        else {
            return;
        };
        let location = window().location();
        let same_origin = anchor.origin() == location.origin().unwrap_or_default();
        let own_handler = anchor.has_attribute("download")
            || anchor.has_attribute("data-no-route")
            || !matches!(anchor.target().as_str(), "" | "_self");
        let same_page = anchor.pathname() == location.pathname().unwrap_or_default()
            && anchor.search() == location.search().unwrap_or_default();
        if !same_origin || own_handler || (same_page && !anchor.hash().is_empty()) {
            return;
        }
        ev.prevent_default();
        let url = format!("{}{}{}", anchor.pathname(), anchor.search(), anchor.hash());
        if let Ok(history) = window().history() {
            let _ = history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
        }
        self.sync();
        window().scroll_to_with_x_and_y(0.0, 0.0);
    }
}

fn current_path() -> String {
    window().location().pathname().unwrap_or_default()
}

fn replace(url: &str) {
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(url));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_name_pages() {
        assert_eq!(route("/en/"), Route::Home);
        assert_eq!(route("/en"), Route::Home);
        assert_eq!(route("/fr/"), Route::Home);
        assert_eq!(
            route("/en/article/laos-becomes-partner"),
            Route::Article("laos-becomes-partner".into())
        );
        assert_eq!(route("/en/article/a%20b/"), Route::Article("a b".into()));
        assert_eq!(route("/en/country/KZ"), Route::Country("KZ".into()));
        assert_eq!(route("/en/saved"), Route::Saved);
        assert_eq!(route("/en/saved/"), Route::Saved);
        assert_eq!(route("/en/widgets"), Route::Widgets);
        for other in [
            "/",
            "/EN/",
            "/en/article/",
            "/en/nothing",
            "/en/article/a/b",
            "/english/",
            "/index.html",
        ] {
            assert_eq!(route(other), Route::NotFound, "{other}");
        }
    }

    #[test]
    fn the_language_segment() {
        assert_eq!(lang_segment("/ru/article/x"), "ru");
        assert_eq!(lang_segment("/index.html"), "");
    }

    #[test]
    fn query_parameters_are_decoded() {
        assert_eq!(
            query_param("?cursor=v1.17%2E5&x=1", "cursor").as_deref(),
            Some("v1.17.5")
        );
        assert_eq!(query_param("?a=1&b", "b").as_deref(), Some(""));
        assert_eq!(query_param("", "cursor"), None);
        assert_eq!(decode("%zz%41"), "%zzA");
        assert_eq!(
            query_pairs("?limit=5&country=%3Cscript%3E&theme"),
            [
                ("limit".into(), "5".into()),
                ("country".into(), "<script>".into()),
                ("theme".into(), String::new())
            ]
        );
    }
}
