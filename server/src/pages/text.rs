//! Writing into the text of a built page: the rendered app in place of its static shell and
//! the answers it carries (`fill`), the reader's chosen theme on `<html>`, and the cookies
//! `public/pwa.js` keeps for the server (the reader's UTC offset, the theme).

use infoshos::carried::{Answers, ELEMENT_ID};

use crate::pages::head::script_safe;
use crate::pages::render::Rendered;
use crate::pages::slots::Fill;

/// The built page without the shell's preloads (a rendered page carries those answers) and
/// without trunk's preloads of the app: done once, when a page to render into is read.
pub fn without_preloads(page: &str) -> String {
    let page = without_section(page, "<!--preload-->", "<!--/preload-->");
    without_app_preloads(&page)
}

/// `page` without its first `open…close` section (as it was when there is none).
fn without_section(page: &str, open: &str, close: &str) -> String {
    let Some(start) = page.find(open) else {
        return page.to_string();
    };
    let Some(len) = page[start..].find(close) else {
        return page.to_string();
    };
    format!("{}{}", &page[..start], &page[start + len + close.len()..])
}

/// The rendered app in place of the page's static shell, and the answers it carries before
/// `</body>`.
pub fn fill_rendered(fill: &mut Fill, rendered: &Rendered) {
    fill.app = Some(rendered.app.clone());
    fill.body_end = format!(
        "<script type=\"application/json\" id=\"{ELEMENT_ID}\">{}</script>\n",
        script_safe(&carried_json(&rendered.answers))
    );
}

/// The cookie `public/pwa.js` keeps the reader's UTC offset in (minutes east), so the dates a
/// page shows are in the reader's time from their second page on; UTC before that, and for
/// anything out of the range real zones use.
pub const OFFSET_COOKIE: &str = "tz";

pub fn reader_offset(headers: &axum::http::HeaderMap) -> i32 {
    reader_cookie(headers, OFFSET_COOKIE)
        .and_then(|value| value.parse::<i32>().ok())
        .filter(|minutes| (-12 * 60..=14 * 60).contains(minutes))
        .unwrap_or(0)
}

/// The cookie `public/pwa.js` keeps the reader's choice of theme in: `dark` or `light`.
pub const THEME_COOKIE: &str = "theme";

/// The reader's chosen theme as an attribute of `<html>` (`data-theme`), so the page is painted
/// in that theme at once; without a choice (or with an unknown one) it follows their system.
pub fn theme_attribute(headers: &axum::http::HeaderMap) -> String {
    chosen_theme(headers).map_or_else(String::new, |theme| format!("data-theme=\"{theme}\" "))
}

/// The theme the reader chose: `dark`, `light`, or none (an unknown one is none).
pub fn chosen_theme(headers: &axum::http::HeaderMap) -> Option<String> {
    reader_cookie(headers, THEME_COOKIE).filter(|v| v == "dark" || v == "light")
}

/// A cookie `public/pwa.js` keeps for the server (what it holds is checked by the caller).
pub(crate) fn reader_cookie(headers: &axum::http::HeaderMap, name: &str) -> Option<String> {
    axum_extra::extract::CookieJar::from_headers(headers)
        .get(name)
        .map(|c| c.value().to_string())
}

/// The page without trunk's preloads of the app (the wasm, and its JS glue as a module): a
/// rendered page shows its content without them, and a download started before the first
/// paint competes with the page for the line (Lighthouse's simulated LCP counted the wasm's:
/// 1.8 s with the preload, 1.0 s without). The app starts only when the reader first acts
/// (trunk's loader, Trunk.toml), and fetches both then.
fn without_app_preloads(page: &str) -> String {
    let mut out = String::with_capacity(page.len());
    let mut rest = page;
    while let Some(at) = rest.find("<link rel=\"") {
        let end = rest[at..].find('>').map_or(rest.len(), |e| at + e + 1);
        out.push_str(&rest[..at]);
        let link = &rest[at..end];
        let wasm = link.starts_with("<link rel=\"preload\"") && link.contains("_bg.wasm\"");
        if !wasm && !link.starts_with("<link rel=\"modulepreload\"") {
            out.push_str(link);
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// Where the page links its own stylesheet (`<link rel="stylesheet" href="/….css" …>`), and
/// the file's path under the built app.
pub fn stylesheet_link(page: &str) -> Option<(std::ops::Range<usize>, &str)> {
    let at = page.find("<link rel=\"stylesheet\" href=\"/")?;
    let end = at + page[at..].find('>')? + 1;
    let href = page[at..end].split("href=\"/").nth(1)?.split('"').next()?;
    href.ends_with(".css").then_some((at..end, href))
}

/// The page with `css` in a `<style>` where its stylesheet's link was. A rendered page is
/// painted from its first response: the stylesheet's own request was one more round trip
/// before the first paint (Lighthouse's simulated LCP on an article: 1.02 s linked, see
/// decision 0010 for inline), for 2.6 KB brotli in each page. The shell keeps the link.
pub fn with_stylesheet(page: &str, link: std::ops::Range<usize>, css: &str) -> String {
    format!(
        "{}<style>{css}</style>{}",
        &page[..link.start],
        &page[link.end..]
    )
}

/// The built page with its stylesheet inline (`with_stylesheet`), read from the built app in
/// `dist`; as built when the file cannot be read (the link still styles it).
pub async fn with_stylesheet_inline(dist: &std::path::Path, page: String) -> String {
    let Some((link, href)) = stylesheet_link(&page) else {
        return page;
    };
    match tokio::fs::read_to_string(dist.join(href)).await {
        Ok(css) if !css.contains("</style") => with_stylesheet(&page, link, &css),
        _ => page,
    }
}

/// How the built pages start the app (`pattern_script` in Trunk.toml): `public/loader.js`, with
/// the app's files named on the element.
const LOADER: &str = "<script type=\"module\" src=\"/loader.js\"";

/// The built page with `loader.js` inline in the element that names it, read from `dist`: a
/// rendered page then starts the app without one more request (Lighthouse's simulated first
/// paint counted the file's: 0.75 -> 0.80-0.86 s on /en/). The shell keeps the file, which
/// the service worker holds; so does a page whose loader cannot be read.
pub async fn with_loader_inline(dist: &std::path::Path, page: String) -> String {
    let Some(at) = page.find(LOADER) else {
        return page;
    };
    let Some(close) = page[at..].find("></script>").map(|c| at + c) else {
        return page;
    };
    let names = &page[at + LOADER.len()..close];
    match tokio::fs::read_to_string(dist.join("loader.js")).await {
        Ok(js) if !js.contains("</script") => format!(
            "{}<script type=\"module\"{names}>{js}</script>{}",
            &page[..at],
            &page[close + "></script>".len()..]
        ),
        _ => page,
    }
}

/// `{"/api/…": answer, …}`: each answer as the API wrote it, `null` for a 404.
/// The answers the app will read: not the most-read lists, which only the server draws
/// (`server_drawn` in the app).
fn carried_json(answers: &Answers) -> String {
    let entries: Vec<String> = answers
        .iter()
        .filter(|(url, _)| !infoshos_model::most_read::is_address(url))
        .map(|(url, answer)| {
            let key = serde_json::Value::from(url.as_str());
            format!("{key}:{}", answer.as_deref().unwrap_or("null"))
        })
        .collect();
    format!("{{{}}}", entries.join(","))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pages::slots::Slotted;

    #[test]
    fn the_built_pages_have_the_markers_the_server_fills() {
        let page = include_str!("../../../index.html");
        let occasional = include_str!("../../../occasional.html");
        for marker in [
            "<!--shell-->",
            "<!--/shell-->",
            "<!--preload-->",
            "<!--/preload-->",
            // The status bar, whose words and stream the server writes (`status_bar`).
            "<div id=\"pwa-status\"",
        ] {
            assert_eq!(page.matches(marker).count(), 1, "{marker}");
            assert_eq!(
                occasional.matches(marker).count(),
                1,
                "occasional.html {marker}"
            );
        }
        assert!(occasional.contains("<div id=\"app\"><!--shell-->"));
        let shell = &page[page.find("<!--shell-->").unwrap()..page.find("<!--/shell-->").unwrap()];
        assert!(
            shell.contains("feed-row placeholder"),
            "the shell is what gives way"
        );
        assert!(page.contains("<div id=\"app\"><!--shell-->"));
    }

    #[test]
    fn a_rendered_page_carries_its_stylesheet_inline() {
        let page = "<head><link rel=\"stylesheet\" href=\"/edition-ru/main-01.css\" \
                    integrity=\"sha384-x\"/><link rel=\"icon\" href=\"/i.png\"></head>";
        let (link, href) = stylesheet_link(page).expect("a stylesheet");
        assert_eq!(href, "edition-ru/main-01.css");
        let out = with_stylesheet(page, link, "body{margin:0}");
        assert_eq!(
            out,
            "<head><style>body{margin:0}</style><link rel=\"icon\" href=\"/i.png\"></head>"
        );
        assert!(stylesheet_link("<link rel=\"stylesheet\" href=\"/x.js\">").is_none());
    }

    #[test]
    fn the_shell_and_its_preloads_give_way_to_the_rendered_app_and_its_answers() {
        let page = "<head><!--preload--><link rel=preload href=/api/states><!--/preload-->\
                    <link rel=\"preload\" href=\"/app-0123_bg.wasm\" as=\"fetch\">\
                    <link rel=\"modulepreload\" href=\"/app-0123.js\">\
                    <link rel=\"stylesheet\" href=\"/app-0123.css\">\
                    <link rel=\"preload\" href=\"/icon.svg\" as=\"image\"></head>\
                    <body><div id=\"app\"><!--shell--><p>placeholder</p><!--/shell--></div></body>";
        let mut answers = Answers::new();
        answers.insert(
            "/api/states".into(),
            Some(r#"[{"name":"</script>"}]"#.into()),
        );
        answers.insert("/api/articles/gone".into(), None);
        let mut fill = Fill::default();
        let rendered = Rendered {
            app: "<h1>News</h1>".into(),
            answers,
            refused: false,
        };
        fill_rendered(&mut fill, &rendered);
        let out = Slotted::new(without_preloads(page)).write(&fill);
        assert!(out.contains("<div id=\"app\"><h1>News</h1></div>"), "{out}");
        assert!(
            !out.contains("placeholder") && !out.contains("href=/api/states"),
            "{out}"
        );
        assert!(
            !out.contains("_bg.wasm") && !out.contains("app-0123.js"),
            "{out}"
        );
        assert!(
            out.contains("icon.svg") && out.contains("app-0123.css"),
            "{out}"
        );
        let json = out
            .split("id=\"carried\">")
            .nth(1)
            .and_then(|rest| rest.split("</script>").next())
            .expect("the answers are in the page");
        let back: serde_json::Value = serde_json::from_str(json).unwrap();
        assert_eq!(back["/api/states"][0]["name"], "</script>");
        assert!(back["/api/articles/gone"].is_null());
    }

    #[test]
    fn a_reader_who_chose_a_theme_gets_the_page_in_it_and_a_strange_cookie_changes_nothing() {
        let page = "<!doctype html>\n<html lang=\"en\">\n<head></head></html>";
        let with = |cookie: &str| {
            let mut headers = axum::http::HeaderMap::new();
            headers.insert(axum::http::header::COOKIE, cookie.parse().unwrap());
            let fill = Fill {
                html_attributes: theme_attribute(&headers),
                ..Fill::default()
            };
            Slotted::new(page.into()).write(&fill)
        };
        assert!(with("tz=300; theme=dark").contains("<html data-theme=\"dark\" lang=\"en\">"));
        assert!(with("theme=light").contains("<html data-theme=\"light\" lang=\"en\">"));
        for strange in ["theme=\"><script>", "theme=blue", "tz=0"] {
            assert_eq!(with(strange), page, "{strange}");
        }
    }
}
