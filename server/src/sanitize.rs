//! Article bodies are HTML written by editors. Whatever arrives is cleaned here, on write, by
//! ammonia with an allowlist: the structure of a news text (paragraphs, subheads, quotes,
//! lists, links) stays; scripts, styles, event handlers, frames, images and every URL scheme
//! but http, https and mailto go. The one way to a picture is a figure naming a photo of the
//! library (`<figure data-photo="{id}">`, with a `<figcaption>`), which `media::figures` turns
//! into the photo's markup after cleaning. What is stored is therefore safe to put into the
//! page as HTML, and the reader does exactly that.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// The elements an article body may use.
pub const TAGS: &[&str] = &[
    "p",
    "h2",
    "h3",
    "blockquote",
    "ul",
    "ol",
    "li",
    "a",
    "em",
    "strong",
    "b",
    "i",
    "q",
    "cite",
    "abbr",
    "sub",
    "sup",
    "br",
    "hr",
    "figure",
    "figcaption",
];

/// Attributes allowed on one element; `lang` is allowed on every element (a quote in another
/// language is read out in that language).
pub const TAG_ATTRIBUTES: &[(&str, &[&str])] = &[
    ("a", &["href", "title"]),
    ("abbr", &["title"]),
    ("figure", &["data-photo"]),
];
pub const GENERIC_ATTRIBUTES: &[&str] = &["lang"];
pub const URL_SCHEMES: &[&str] = &["http", "https", "mailto"];

/// Links leave the portal without handing the reader's page to the other site.
const LINK_REL: &str = "noopener noreferrer";

static CLEANER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut builder = ammonia::Builder::empty();
    let attributes: HashMap<&str, HashSet<&str>> = TAG_ATTRIBUTES
        .iter()
        .map(|(tag, attrs)| (*tag, attrs.iter().copied().collect()))
        .collect();
    builder
        .tags(TAGS.iter().copied().collect())
        .tag_attributes(attributes)
        .generic_attributes(GENERIC_ATTRIBUTES.iter().copied().collect())
        .url_schemes(URL_SCHEMES.iter().copied().collect())
        // Links to our own pages ("/en/article/…") are written without the host.
        .url_relative(ammonia::UrlRelative::PassThrough)
        .link_rel(Some(LINK_REL))
        // The words inside these are code or styling, never part of the article.
        .clean_content_tags(
            ["script", "style", "template", "noscript"]
                .into_iter()
                .collect(),
        )
        .strip_comments(true)
        // A figure names a library photo by its id, or nothing: no other value gets through.
        // (and nothing else on a figure, so `media::figures` finds it written one way).
        .attribute_filter(|element, attribute, value| match (element, attribute) {
            ("figure", "data-photo") => {
                infoshos_model::photos::is_photo_id(value).then_some(value.into())
            }
            ("figure", _) => None,
            _ => Some(value.into()),
        });
    builder
});

/// The allowlisted HTML of an article body, trimmed. Cleaning what this returns changes
/// nothing (the property tests hold it to that).
pub fn article_html(input: &str) -> String {
    // One pass is not always the end: the parser repairs broken nesting while it reads
    // (`<h2><a><h2>` puts an h2 inside an h2), and that output reads differently again. So
    // clean until nothing changes; it settles within a pass or two.
    let mut html = clean_once(input);
    for _ in 0..4 {
        let again = clean_once(&html);
        if again == html {
            return html;
        }
        html = again;
    }
    // Markup that never settles is not worth keeping: keep its words as text.
    clean_once(&format!("<p>{}</p>", escape_html(&text_of(&html))))
}

fn clean_once(input: &str) -> String {
    CLEANER.clean(input).to_string().trim().to_string()
}

/// Whether cleaned HTML has words in it, not only markup and whitespace (an entity counts).
pub fn has_text(html: &str) -> bool {
    !text_of(html).trim().is_empty()
}

/// Plain-text paragraphs as a body: each one escaped and put in a `<p>`. The demo articles
/// are written as text; they go through `article_html` like any editor's text.
pub fn paragraphs_html(paragraphs: &[String]) -> String {
    let html: String = paragraphs
        .iter()
        .map(|p| format!("<p>{}</p>", escape_html(p.trim())))
        .collect();
    article_html(&html)
}

/// Text safe inside a double-quoted HTML attribute or an element (the model's one rule).
pub use infoshos_model::html::escape_html;
use infoshos_model::html::text_of;

#[cfg(test)]
mod tests {
    use super::*;
    use infoshos_model::html::article_text;

    #[test]
    fn a_bodys_text_for_search_has_its_words_apart_and_no_markup() {
        let html = article_html(
            "<h2>Agenda</h2><p>Leaders &amp; <em>ministers</em>&nbsp;met.</p><p>Then 3 &lt; 4.</p>",
        );
        assert_eq!(
            article_text(&html),
            "Agenda Leaders & ministers met. Then 3 < 4."
        );
    }

    #[test]
    fn keeps_the_structure_of_a_news_text() {
        let html = "<h2>Agenda</h2><p>The <em>council</em> met in <a href=\"https://example.org/x\">Tashkent</a>.</p><ul><li>one</li></ul><blockquote lang=\"ru\">Да</blockquote>";
        let clean = article_html(html);
        assert!(clean.contains("<h2>Agenda</h2>"), "{clean}");
        assert!(clean.contains("<em>council</em>"), "{clean}");
        assert!(
            clean.contains(
                "<a href=\"https://example.org/x\" rel=\"noopener noreferrer\">Tashkent</a>"
            ),
            "{clean}"
        );
        assert!(clean.contains("<li>one</li>"), "{clean}");
        assert!(clean.contains("<blockquote lang=\"ru\">"), "{clean}");
    }

    #[test]
    fn drops_scripts_handlers_and_foreign_schemes() {
        let html = "<p onclick=\"steal()\" style=\"color:red\">Hi<script>steal()</script></p>\
                    <a href=\"javascript:steal()\">x</a><a href=\" JaVa\tScRiPt:steal()\">y</a>\
                    <img src=x onerror=steal()><iframe src=\"https://evil.example\"></iframe>\
                    <a href=\"data:text/html,boo\">z</a><style>p{}</style>";
        let clean = article_html(html);
        assert_eq!(clean.matches("steal").count(), 0, "{clean}");
        for gone in [
            "<script",
            "onclick",
            "style",
            "javascript",
            "<img",
            "<iframe",
            "data:",
        ] {
            assert!(!clean.to_lowercase().contains(gone), "{gone} in {clean}");
        }
        assert!(clean.starts_with("<p>Hi</p>"), "{clean}");
    }

    #[test]
    fn markup_alone_has_no_text() {
        assert!(!has_text("<p> </p><br><hr>"));
        assert!(!has_text(""));
        assert!(has_text("<p>a</p>"));
        assert!(has_text("&amp;"));
    }

    #[test]
    fn keeps_links_to_our_own_pages() {
        let clean = article_html("<a href=\"/en/article/x\">more</a>");
        assert!(clean.contains("href=\"/en/article/x\""), "{clean}");
    }

    #[test]
    fn text_paragraphs_show_their_characters_as_typed() {
        let html = paragraphs_html(&["GDP < 2% & \"rising\"".into(), " second ".into()]);
        assert_eq!(
            html, "<p>GDP &lt; 2% &amp; \"rising\"</p><p>second</p>",
            "the serializer writes quotes in text as they are"
        );
    }
}
