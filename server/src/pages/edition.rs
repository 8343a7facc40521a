//! Which edition `/` sends a reader to (and `/admin` speaks): the one they chose (the `lang`
//! cookie `choose` sets when they use the language switcher), else the first of ours their
//! browser asks for (`Accept-Language`, by weight), else English. The redirect varies on both
//! headers.

use axum::extract::{FromRequestParts, Path, Query};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use cookie::time::Duration;
use cookie::{Cookie, SameSite};
use infoshos_model::{Lang, links};
use serde::Deserialize;

use crate::pages::text::reader_cookie;

/// The cookie the reader's chosen edition is kept in.
pub const LANG_COOKIE: &str = "lang";

#[derive(Deserialize)]
pub struct To {
    #[serde(default)]
    to: String,
}

/// `GET /edition/{lang}?to=…`, the language switcher's link: keeps the choice for a year and
/// sends the reader on (`links::chosen_destination` says where). A link, not a script, so a
/// reader without JavaScript is remembered too. Never cached: each answer sets a cookie.
pub async fn choose(Path(code): Path<String>, Query(To { to }): Query<To>) -> Response {
    let Some(lang) = Lang::from_code(&code) else {
        return (StatusCode::NOT_FOUND, "No such edition.").into_response();
    };
    let cookie = Cookie::build((LANG_COOKIE, lang.code()))
        .path("/")
        .max_age(Duration::days(365))
        .same_site(SameSite::Lax)
        .build();
    let to = ascii(&links::chosen_destination(lang, &to));
    let mut response = StatusCode::SEE_OTHER.into_response();
    let headers = response.headers_mut();
    for (name, value) in [
        (header::LOCATION, to),
        (header::SET_COOKIE, cookie.to_string()),
        (header::CACHE_CONTROL, "no-store".to_string()),
    ] {
        if let Ok(value) = HeaderValue::from_str(&value) {
            headers.insert(name, value);
        }
    }
    response
}

pub fn for_reader(headers: &HeaderMap) -> Lang {
    let chosen = reader_cookie(headers, LANG_COOKIE).and_then(|v| Lang::from_code(&v));
    chosen
        .or_else(|| {
            headers
                .get(header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok())
                .and_then(from_accept_language)
        })
        .unwrap_or_default()
}

/// The language of the person asking, by the rule of `for_reader`: the editors' area's
/// answers are in it, as its page is.
pub struct Speaks(pub Lang);

impl<S: Send + Sync> FromRequestParts<S> for Speaks {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(Speaks(for_reader(&parts.headers)))
    }
}

/// A header may hold only visible ASCII: every other byte of an address percent-encoded.
fn ascii(to: &str) -> String {
    const NOT_VISIBLE: &percent_encoding::AsciiSet = &percent_encoding::CONTROLS.add(b' ');
    percent_encoding::utf8_percent_encode(to, NOT_VISIBLE).to_string()
}

/// A built page (`/admin`'s) set in `lang`: its `<html lang>`, which the page's app reads to
/// pick its strings (`src/admin/mod.rs`).
pub fn in_language(page: &str, lang: Lang) -> String {
    page.replacen(
        "<html lang=\"en\">",
        &format!("<html lang=\"{}\">", lang.code()),
        1,
    )
}

/// The edition of ours the browser weighs highest (`ru-RU;q=0.9` counts as `ru`); of equal
/// weights the first. `q=0` means "not this one"; a malformed weight counts as 0.
fn from_accept_language(value: &str) -> Option<Lang> {
    let mut best: Option<(Lang, f32)> = None;
    for item in value.split(',') {
        let mut parts = item.split(';');
        let tag = parts.next().unwrap_or_default().trim();
        let weight = parts
            .find_map(|p| p.trim().strip_prefix("q="))
            .map_or(Some(1.0), |q| q.trim().parse::<f32>().ok())
            .filter(|q| (0.0..=1.0).contains(q))
            .unwrap_or(0.0);
        let primary = tag
            .split('-')
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        if let Some(lang) = Lang::from_code(&primary)
            && weight > 0.0
            && best.is_none_or(|(_, w)| weight > w)
        {
            best = Some((lang, weight));
        }
    }
    best.map(|(lang, _)| lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_browsers_preferred_edition_of_ours_wins_by_weight_then_order() {
        let read = from_accept_language;
        assert_eq!(read("ru-RU,ru;q=0.9,en-US;q=0.8,en;q=0.7"), Some(Lang::Ru));
        assert_eq!(read("zh-CN,zh;q=0.9"), Some(Lang::Zh));
        assert_eq!(read("zh-Hant-TW"), Some(Lang::Zh));
        assert_eq!(read("de-DE,de;q=0.9,en;q=0.5,ru;q=0.6"), Some(Lang::Ru));
        assert_eq!(read("EN, ru"), Some(Lang::En));
        assert_eq!(read("fr, de"), None);
        assert_eq!(read("ru;q=0, en;q=0.1"), Some(Lang::En));
        assert_eq!(read("ru;q=banana, zh;q=0.2"), Some(Lang::Zh));
        assert_eq!(read(""), None);
        assert_eq!(read("*"), None);
    }

    #[test]
    fn a_chosen_edition_beats_the_browser_and_a_strange_cookie_is_ignored() {
        let with = |cookie: &str, accept: &str| {
            let mut headers = HeaderMap::new();
            headers.insert(header::COOKIE, cookie.parse().unwrap());
            headers.insert(header::ACCEPT_LANGUAGE, accept.parse().unwrap());
            for_reader(&headers)
        };
        assert_eq!(with("lang=zh", "ru"), Lang::Zh);
        assert_eq!(with("lang=xx", "ru"), Lang::Ru);
        assert_eq!(with("theme=dark", "fr"), Lang::En);
    }
}
