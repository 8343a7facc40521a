//! The status bar public/pwa.js fills (`#pwa-status`: offline, a new version, new stories),
//! given its words by the server as data attributes in the page's language, so the one pwa.js
//! every edition downloads carries no edition's words (those of a comment form's reply line
//! too, which pwa.js also draws). On a feed page (the front page, a
//! section, a state) the bar also names the page and its stream of new stories
//! (`api/public/live.rs`), which pwa.js keeps open while the page is seen.

use infoshos_i18n::server_drawn::server_drawn;
use infoshos_model::Lang;
use infoshos_model::links::Page;

/// The stream of new stories of `page`'s feed, when it is a feed page.
pub fn stream_of(page: &Page) -> Option<String> {
    let (lang, filter) = match page {
        Page::Home(lang) => (lang, String::new()),
        Page::Section(lang, section) => (lang, format!("&section={}", section.key())),
        Page::Country(lang, code) => (lang, format!("&country={code}")),
        _ => return None,
    };
    Some(format!("/api/live?lang={}{filter}", lang.code()))
}

/// The bar's attributes for a page in `lang` (`page` when it is a reader's page), each
/// preceded by a space and escaped.
pub fn attributes(lang: Lang, page: Option<&Page>) -> String {
    let words = server_drawn(lang);
    let mut pairs: Vec<(String, &str)> = vec![
        ("offline".into(), words.offline),
        ("unreachable".into(), words.unreachable),
        ("saved-at".into(), words.saved_at),
        ("update".into(), words.update),
        ("reload".into(), words.reload),
        // A comment's "Reply" (any page: the app may move on to an article).
        ("in-reply-to".into(), infoshos_i18n::ui(lang).in_reply_to),
        ("cancel-reply".into(), words.cancel_reply),
    ];
    let stream = page.and_then(stream_of);
    let path = page.map(Page::path);
    if let (Some(stream), Some(path)) = (&stream, &path) {
        pairs.push(("stream".into(), stream));
        pairs.push(("page".into(), path));
        pairs.push(("show".into(), words.show));
        for (form, text) in words.landed {
            pairs.push((format!("landed-{form}"), text));
        }
    }
    pairs
        .iter()
        .map(|(name, value)| {
            format!(
                " data-{name}=\"{}\"",
                html_escape::encode_double_quoted_attribute(value)
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use infoshos_model::Section;

    #[test]
    fn a_feed_page_names_its_stream_and_other_pages_only_the_words() {
        let section = attributes(Lang::Ru, Some(&Page::Section(Lang::Ru, Section::Economy)));
        assert!(section.contains(r#" data-stream="/api/live?lang=ru&amp;section=economy""#));
        assert!(section.contains(r#" data-page="/ru/section/economy""#));
        assert!(section.contains(r##" data-landed-few="# новых материала""##));
        assert!(section.contains(r#" data-offline="Нет подключения к сети.""#));
        let country = attributes(Lang::En, Some(&Page::Country(Lang::En, "KZ".into())));
        assert!(country.contains(r#" data-stream="/api/live?lang=en&amp;country=KZ""#));
        let article = attributes(Lang::Zh, Some(&Page::Article(Lang::Zh, "x".into())));
        assert!(article.contains(r#" data-offline="当前没有网络。""#));
        assert!(article.contains(r#" data-in-reply-to="回复" data-cancel-reply="取消回复""#));
        assert!(!article.contains("data-stream") && !article.contains("data-landed"));
    }
}
