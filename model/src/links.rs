//! Every address of the portal's pages, built here and read back here by the same rules.
//!
//! The reader's router parses what `Page::path` builds; the reader, the widgets, `/admin` and
//! the server (oEmbed, and the rendered pages, RSS and sitemap to come) write links only
//! through it. A path segment is percent-encoded on the way out and decoded on the way in, so
//! whatever a slug holds, the link leads back to it (a round-trip test below says so).

use crate::Lang;

/// A page of the portal, in one edition.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Page {
    /// The edition's front page: the news feed.
    Home(Lang),
    /// An article by its slug.
    Article(Lang, String),
    /// A state's page by its ISO code (`KZ`).
    Country(Lang, String),
    /// The articles kept for offline reading.
    Saved(Lang),
    /// Where partners pick a widget and copy its embed code.
    Widgets(Lang),
    /// Search results (the words in `?q=`, see `search`).
    Search(Lang),
}

impl Page {
    pub fn lang(&self) -> Lang {
        match self {
            Page::Home(l) | Page::Article(l, _) | Page::Country(l, _) => *l,
            Page::Saved(l) | Page::Widgets(l) | Page::Search(l) => *l,
        }
    }

    /// The path, from the root: `/en/`, `/en/article/laos-becomes-partner`.
    pub fn path(&self) -> String {
        let lang = self.lang().code();
        match self {
            Page::Home(_) => format!("/{lang}/"),
            Page::Article(_, slug) => format!("/{lang}/article/{}", encode(slug)),
            Page::Country(_, code) => format!("/{lang}/country/{}", encode(code)),
            Page::Saved(_) => format!("/{lang}/saved"),
            Page::Widgets(_) => format!("/{lang}/widgets"),
            Page::Search(_) => format!("/{lang}/search"),
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
            Page::Saved(_) => Page::Saved(lang),
            Page::Widgets(_) => Page::Widgets(lang),
            Page::Search(_) => Page::Search(lang),
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
            ["saved"] => Page::Saved(lang),
            ["widgets"] => Page::Widgets(lang),
            ["search"] => Page::Search(lang),
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

/// The RSS feed of a page that has one: an edition's front page, a state's page.
pub fn rss_path(page: &Page) -> Option<String> {
    match page {
        Page::Home(_) | Page::Country(..) => {
            Some(format!("{}/rss.xml", page.path().trim_end_matches('/')))
        }
        _ => None,
    }
}

/// A state's flag (`KZ` → `/flags/kz.svg`): an SVG file from the `flag-icons` set, 4:3, that
/// `make spa` copies into `dist/flags/` (scripts/flags.mjs). Emoji flags were letter pairs on
/// Windows and empty boxes on Linux without an emoji font. `None` for anything but two ASCII
/// letters, so no code can reach outside the folder.
pub fn flag_image(code: &str) -> Option<String> {
    (code.len() == 2 && code.bytes().all(|b| b.is_ascii_alphabetic()))
        .then(|| format!("/flags/{}.svg", code.to_ascii_lowercase()))
}

/// The edition a path is in, when it starts with one (`/ru/…` → ru), whatever page follows.
pub fn lang_of_path(path: &str) -> Option<Lang> {
    Lang::from_code(path.trim_start_matches('/').split('/').next()?)
}

/// The next page of a feed (the "More news" link): `/en/?cursor=…`, `/en/country/KZ?cursor=…`.
pub fn next_page(page: &Page, cursor: &str) -> String {
    format!("{}?cursor={}", page.path(), encode(cursor))
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

/// Percent-encoding of one path segment or query value: everything but RFC 3986's
/// unreserved characters is escaped, so `/`, `?`, `#`, `&` and spaces never change the path.
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            const HEX: &[u8; 16] = b"0123456789ABCDEF";
            out.push('%');
            out.push(HEX[usize::from(b >> 4)] as char);
            out.push(HEX[usize::from(b & 15)] as char);
        }
    }
    out
}

/// Percent-decoding; a malformed escape is kept as it is rather than failing the page, and
/// bytes that are not UTF-8 become U+FFFD.
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_name_pages() {
        let en = Lang::En;
        assert_eq!(Page::parse("/en/"), Some(Page::Home(en)));
        assert_eq!(Page::parse("/en"), Some(Page::Home(en)));
        assert_eq!(Page::parse("/zh/"), Some(Page::Home(Lang::Zh)));
        assert_eq!(
            Page::parse("/en/article/laos-becomes-partner"),
            Some(Page::Article(en, "laos-becomes-partner".into()))
        );
        assert_eq!(
            Page::parse("/en/article/a%20b/"),
            Some(Page::Article(en, "a b".into()))
        );
        assert_eq!(
            Page::parse("/ru/country/KZ"),
            Some(Page::Country(Lang::Ru, "KZ".into()))
        );
        assert_eq!(Page::parse("/en/saved/"), Some(Page::Saved(en)));
        assert_eq!(Page::parse("/en/widgets"), Some(Page::Widgets(en)));
        assert_eq!(Page::parse("/zh/search"), Some(Page::Search(Lang::Zh)));
        assert_eq!(
            search(Lang::Ru, "саммит & co", Some("s1.a.1.2")),
            "/ru/search?q=%D1%81%D0%B0%D0%BC%D0%BC%D0%B8%D1%82%20%26%20co&cursor=s1.a.1.2"
        );
    }

    #[test]
    fn a_flag_is_the_lower_case_code_in_the_flags_folder_and_nothing_else_leaves_it() {
        assert_eq!(flag_image("KZ").as_deref(), Some("/flags/kz.svg"));
        assert_eq!(flag_image("cn").as_deref(), Some("/flags/cn.svg"));
        for bad in ["", "K", "KZZ", "..", "K/", "К1", "Ж"] {
            assert_eq!(flag_image(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn the_edition_chooser_leads_only_to_pages_of_that_edition_and_the_editors_area() {
        let ru = Lang::Ru;
        assert_eq!(
            choose_edition(ru, "/ru/country/KZ"),
            "/edition/ru?to=%2Fru%2Fcountry%2FKZ"
        );
        assert_eq!(chosen_destination(ru, "/ru/country/KZ"), "/ru/country/KZ");
        assert_eq!(chosen_destination(ru, "/ru/search?q=a"), "/ru/search?q=a");
        assert_eq!(chosen_destination(ru, "/admin/"), "/admin/");
        assert_eq!(chosen_destination(ru, "/admin"), "/admin");
        for elsewhere in [
            "//evil.example/ru/",
            "https://evil.example/ru/",
            "/en/country/KZ",
            "/ru/nothing/here",
            "/administrator",
            "",
            "ru/",
            "/\\evil.example/",
            "/ru/\r\nSet-Cookie: x=1",
        ] {
            assert_eq!(chosen_destination(ru, elsewhere), "/ru/", "{elsewhere:?}");
        }
    }

    #[test]
    fn the_switcher_leads_to_the_same_page_in_the_other_edition_and_articles_to_its_front() {
        let country = Page::Country(Lang::En, "KZ".into());
        assert_eq!(
            country.in_edition(Lang::Ru),
            Page::Country(Lang::Ru, "KZ".into())
        );
        let article = Page::Article(Lang::En, "x".into());
        assert_eq!(
            article.in_edition(Lang::Zh),
            Page::Article(Lang::Zh, "x".into())
        );
        assert_eq!(
            Page::Search(Lang::Zh).in_edition(Lang::En),
            Page::Search(Lang::En)
        );
    }

    #[test]
    fn other_paths_are_no_page() {
        for other in [
            "",
            "/",
            "en/",
            "/fr/",
            "/EN/",
            "/en//",
            "/en/article/",
            "/en/article",
            "/en/nothing",
            "/en/article/a/b",
            "/english/",
            "/index.html",
            "/en/country/",
        ] {
            assert_eq!(Page::parse(other), None, "{other}");
        }
    }

    #[test]
    fn every_page_reads_back_from_its_own_path() {
        let slugs = [
            "laos-becomes-partner",
            "a b",
            "a/b",
            "?x=1#y",
            "саммит",
            "100%",
            "峰会",
        ];
        for lang in Lang::ALL {
            let mut pages = vec![
                Page::Home(lang),
                Page::Saved(lang),
                Page::Widgets(lang),
                Page::Search(lang),
            ];
            for s in slugs {
                pages.push(Page::Article(lang, s.into()));
                pages.push(Page::Country(lang, s.into()));
            }
            for page in pages {
                let path = page.path();
                assert_eq!(Page::parse(&path), Some(page.clone()), "{path}");
                assert_eq!(lang_of_path(&path), Some(lang));
            }
        }
    }

    #[test]
    fn feeds_sit_beside_the_pages_they_follow() {
        assert_eq!(
            rss_path(&Page::Home(Lang::Ru)).as_deref(),
            Some("/ru/rss.xml")
        );
        assert_eq!(
            rss_path(&Page::Country(Lang::En, "KZ".into())).as_deref(),
            Some("/en/country/KZ/rss.xml")
        );
        assert_eq!(rss_path(&Page::Article(Lang::En, "x".into())), None);
    }

    #[test]
    fn addresses_carry_the_origin_once() {
        let page = Page::Article(Lang::En, "x".into());
        assert_eq!(
            page.url("https://p.example/"),
            "https://p.example/en/article/x"
        );
        assert_eq!(
            page.url("http://127.0.0.1:8080"),
            "http://127.0.0.1:8080/en/article/x"
        );
    }

    #[test]
    fn the_next_feed_page_keeps_its_cursor_intact() {
        let home = Page::Home(Lang::Ru);
        assert_eq!(next_page(&home, "v1.17+5/="), "/ru/?cursor=v1.17%2B5%2F%3D");
        let kz = Page::Country(Lang::En, "KZ".into());
        assert_eq!(next_page(&kz, "v1.3"), "/en/country/KZ?cursor=v1.3");
        assert_eq!(decode("v1.17%2b5%2f%3d"), "v1.17+5/=");
        assert_eq!(decode("%zz%41"), "%zzA");
        assert_eq!(lang_of_path("/index.html"), None);
    }
}
