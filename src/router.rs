//! A small router of our own: the portal has five kinds of page, and leptos_router cost more
//! wasm than everything else we wrote (see `make size`). Links stay real `<a href>`; a click on
//! one inside the portal becomes a history entry, and back/forward replay them.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

use infoshos_model::Lang;
use infoshos_model::links::decode;

/// The page at a path (`None`: not found). Paths are built and read by the model's one link
/// builder, so every link the portal writes routes back here.
pub use infoshos_model::links::Page;

/// Where `/` sends a reader.
pub fn front() -> String {
    Page::Home(Lang::default()).path()
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
    /// A page at a fixed address: the one the server renders.
    pub fn at(path: &str, search: &str) -> Nav {
        Nav {
            path: RwSignal::new(path.to_string()),
            search: RwSignal::new(search.to_string()),
        }
    }

    /// Reads the address bar, sends `/` to the front page, and follows link clicks and
    /// back/forward for the rest of the visit.
    pub fn start() -> Nav {
        let nav = Nav {
            path: RwSignal::new(String::new()),
            search: RwSignal::new(String::new()),
        };
        if current_path() == "/" {
            replace(&front());
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
        // Only the pages this bundle draws are followed here; the server's own addresses
        // (`/edition/…`, `/admin`, feeds) and other bundles' pages are loaded.
        let drawn_here = Page::parse(&anchor.pathname())
            .is_some_and(|p| !crate::occasional::drawn_elsewhere(&p));
        if !same_origin || own_handler || !drawn_here || (same_page && !anchor.hash().is_empty()) {
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
    fn query_parameters_are_decoded() {
        assert_eq!(
            query_param("?cursor=v1.17%2E5&x=1", "cursor").as_deref(),
            Some("v1.17.5")
        );
        assert_eq!(query_param("?a=1&b", "b").as_deref(), Some(""));
        assert_eq!(query_param("", "cursor"), None);
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
