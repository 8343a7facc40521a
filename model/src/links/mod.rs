//! Every address of the portal's pages, built here and read back here by the same rules.
//!
//! The reader's router parses what `Page::path` builds; the reader, the widgets, `/admin` and
//! the server (oEmbed, and the rendered pages, RSS and sitemap to come) write links only
//! through it. A path segment is percent-encoded on the way out and decoded on the way in, so
//! whatever a slug holds, the link leads back to it (a round-trip test below says so).

use crate::{Lang, Section};

/// A page of the portal, in one edition.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Page {
    /// The edition's front page: the news feed.
    Home(Lang),
    /// An article by its slug.
    Article(Lang, String),
    /// A state's page by its ISO code (`KZ`).
    Country(Lang, String),
    /// A section's feed (`/en/section/economy`).
    Section(Lang, Section),
    /// The articles kept for offline reading.
    Saved(Lang),
    /// Where partners pick a widget and copy its embed code.
    Widgets(Lang),
    /// Search results (the words in `?q=`, see `search`).
    Search(Lang),
    /// A currency's official rate over the last days, by its code (`KZT`; `?days=`, see
    /// `rate_history`).
    Rates(Lang, String),
}

impl Page {
    pub fn lang(&self) -> Lang {
        match self {
            Page::Home(l) | Page::Article(l, _) | Page::Country(l, _) | Page::Rates(l, _) => *l,
            Page::Saved(l) | Page::Widgets(l) | Page::Search(l) | Page::Section(l, _) => *l,
        }
    }

    /// The path, from the root: `/en/`, `/en/article/laos-becomes-partner`.
    pub fn path(&self) -> String {
        let lang = self.lang().code();
        match self {
            Page::Home(_) => format!("/{lang}/"),
            Page::Article(_, slug) => format!("/{lang}/article/{}", encode(slug)),
            Page::Country(_, code) => format!("/{lang}/country/{}", encode(code)),
            Page::Section(_, section) => format!("/{lang}/section/{}", section.key()),
            Page::Saved(_) => format!("/{lang}/saved"),
            Page::Widgets(_) => format!("/{lang}/widgets"),
            Page::Search(_) => format!("/{lang}/search"),
            Page::Rates(_, code) => format!("/{lang}/rates/{}", encode(code)),
        }
    }

    /// The same page in another edition, for the language switcher. An article belongs to one
    /// edition: its address under another one is answered by the server with the story's
    /// translation there, or that edition's front page.
    pub fn in_edition(&self, lang: Lang) -> Page {
        match self {
            Page::Home(_) => Page::Home(lang),
            Page::Article(_, slug) => Page::Article(lang, slug.clone()),
            Page::Country(_, code) => Page::Country(lang, code.clone()),
            Page::Section(_, section) => Page::Section(lang, *section),
            Page::Saved(_) => Page::Saved(lang),
            Page::Widgets(_) => Page::Widgets(lang),
            Page::Search(_) => Page::Search(lang),
            Page::Rates(_, code) => Page::Rates(lang, code.clone()),
        }
    }

    /// The full address on the portal at `origin` (`https://infoshos.example`, no slash after).
    pub fn url(&self, origin: &str) -> String {
        format!("{}{}", origin.trim_end_matches('/'), self.path())
    }

    /// The page a path names; `None` for every path that is not one (an unknown edition, an
    /// empty slug, one segment too many). A trailing slash is allowed everywhere.
    pub fn parse(path: &str) -> Option<Page> {
        let path = path.strip_prefix('/')?;
        let path = path.strip_suffix('/').unwrap_or(path);
        let parts: Vec<&str> = path.split('/').collect();
        let lang = Lang::from_code(parts[0])?;
        let named = |s: &str| (!s.is_empty()).then(|| decode(s));
        Some(match parts[1..] {
            [] => Page::Home(lang),
            ["article", slug] => Page::Article(lang, named(slug)?),
            ["country", code] => Page::Country(lang, named(code)?),
            ["section", key] => Page::Section(lang, Section::from_key(key)?),
            ["saved"] => Page::Saved(lang),
            ["widgets"] => Page::Widgets(lang),
            ["search"] => Page::Search(lang),
            ["rates", code] => Page::Rates(lang, named(code)?),
            _ => return None,
        })
    }
}

/// The editors' area (its own bundle, not a reader page).
pub const ADMIN: &str = "/admin/";

/// The language switcher's link: the server keeps `lang` as the reader's choice (a cookie, so
/// `/` and `/admin` know it next time, with or without JavaScript) and sends them on to `to`,
/// a path of that edition or `/admin/`; anything else leads to the edition's front page.
pub fn choose_edition(lang: Lang, to: &str) -> String {
    format!("/edition/{}?to={}", lang.code(), encode(to))
}

/// Where the switcher's link for `lang` may lead: `to` itself when it is a page of that edition
/// (with its query) or the editors' area, else the edition's front page. Never another site:
/// `//elsewhere` and `https://…` are no page of ours.
pub fn chosen_destination(lang: Lang, to: &str) -> String {
    let path = to.split(['?', '#']).next().unwrap_or_default();
    let ours = path == ADMIN.trim_end_matches('/')
        || path.starts_with(ADMIN)
        || Page::parse(path).is_some_and(|p| p.lang() == lang);
    if ours && !to.starts_with("//") && !to.contains(['\\', '\r', '\n']) {
        to.to_string()
    } else {
        Page::Home(lang).path()
    }
}

/// The RSS feed of a page that has one: an edition's front page, a state's or a section's page.
pub fn rss_path(page: &Page) -> Option<String> {
    match page {
        Page::Home(_) | Page::Country(..) | Page::Section(..) => {
            Some(format!("{}/rss.xml", page.path().trim_end_matches('/')))
        }
        _ => None,
    }
}

/// A state's flag (`KZ` → `/flags/kz.png`): drawn from the `flag-icons` set's SVG, 4:3, by
/// `make spa` into `dist/flags/` (scripts/flags.mjs says why a PNG). Emoji flags were letter pairs on
/// Windows and empty boxes on Linux without an emoji font. `None` for anything but two ASCII
/// letters, so no code can reach outside the folder.
pub fn flag_image(code: &str) -> Option<String> {
    (code.len() == 2 && code.bytes().all(|b| b.is_ascii_alphabetic()))
        .then(|| format!("/flags/{}.png", code.to_ascii_lowercase()))
}

/// The edition a path is in, when it starts with one (`/ru/…` → ru), whatever page follows.
pub fn lang_of_path(path: &str) -> Option<Lang> {
    Lang::from_code(path.trim_start_matches('/').split('/').next()?)
}

/// The next page of a feed (the "More news" link): `/en/?cursor=…`, `/en/country/KZ?cursor=…`,
/// `/en/section/economy?cursor=…`.
pub fn next_page(page: &Page, cursor: &str) -> String {
    format!("{}?cursor={}", page.path(), encode(cursor))
}

/// A currency's history page over `days` days.
pub fn rate_history(lang: Lang, code: &str, days: u32) -> String {
    format!("{}?days={days}", Page::Rates(lang, code.to_string()).path())
}

/// The converter, on the page of the currency it shows first (the rates table's link).
pub fn converter(lang: Lang) -> String {
    let page = Page::Rates(lang, crate::convert::DEFAULT_FROM.to_string());
    format!("{}#converter-title", page.path())
}

/// A currency's last 30 days as a small SVG line (`/api/rates/{code}/sparkline.svg`).
pub fn rate_sparkline(code: &str) -> String {
    format!("/api/rates/{}/sparkline.svg", encode(code))
}

/// `?name=value&…` from `pairs` (a filter's `query()`), each value percent-encoded; empty for
/// none.
pub fn query_string(pairs: &[(&str, String)]) -> String {
    let joined: Vec<String> = pairs
        .iter()
        .map(|(name, value)| format!("{name}={}", encode(value)))
        .collect();
    if joined.is_empty() {
        String::new()
    } else {
        format!("?{}", joined.join("&"))
    }
}

/// Results for `query` in an edition (`/en/search?q=…`), from `cursor` on when given (the
/// "More results" link).
pub fn search(lang: Lang, query: &str, cursor: Option<&str>) -> String {
    let mut out = format!("{}?q={}", Page::Search(lang).path(), encode(query));
    if let Some(cursor) = cursor {
        out.push_str("&cursor=");
        out.push_str(&encode(cursor));
    }
    out
}

/// What `encode` escapes: everything but RFC 3986's unreserved characters.
const NOT_UNRESERVED: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// Percent-encoding of one path segment or query value: everything but RFC 3986's
/// unreserved characters is escaped, so `/`, `?`, `#`, `&` and spaces never change the path.
pub fn encode(s: &str) -> String {
    percent_encoding::utf8_percent_encode(s, NOT_UNRESERVED).to_string()
}

/// Percent-decoding; a malformed escape is kept as it is rather than failing the page, and
/// bytes that are not UTF-8 become U+FFFD.
pub fn decode(s: &str) -> String {
    percent_encoding::percent_decode_str(s)
        .decode_utf8_lossy()
        .into_owned()
}

#[cfg(test)]
mod tests;
