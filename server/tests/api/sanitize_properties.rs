//! Properties of the article sanitiser over generated HTML: hostile fragments (scripts, event
//! handlers on every element an article may use, `javascript:` in every disguise, broken
//! nesting, comments, entities) mixed with the markup an editor really writes. Cleaning twice
//! changes nothing, and the output holds only the elements and attributes an article may hold,
//! with no script and no `javascript:` URL. What an article may hold is written here, from the
//! editors' rules (decision 0007), never read from the sanitiser's own lists: a sanitiser that
//! lets one more thing through fails this test.

use infoshos_server::sanitize::article_html;
use proptest::prelude::*;

/// The elements an article body may use.
const ELEMENTS: &[&str] = &[
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

/// Event handlers, in the spellings a paste or an attacker brings.
const HANDLERS: &[&str] = &[
    "onerror",
    "onclick",
    "onload",
    "onmouseover",
    "onfocus",
    "onblur",
    "onanimationstart",
    "onpointerdown",
    "ontoggle",
    "onbeforeprint",
    "ONCLICK",
    "OnError",
    "onauxclick",
];

/// Whether an article may carry `attr` on `tag`: the language of a passage on any element but
/// a figure, whose one attribute is the library photo it places; a link's address, title and
/// the `rel` the cleaner writes; an abbreviation's expansion.
fn allowed(tag: &str, attr: &str) -> bool {
    match (tag, attr) {
        ("figure", attr) => attr == "data-photo",
        (_, "lang") | ("a", "href" | "title" | "rel") | ("abbr", "title") => true,
        _ => false,
    }
}

/// An event handler on one of the elements an article may use: the element survives the
/// cleaning, so only the attribute's removal keeps the script out.
fn handler_on_an_allowed_element() -> impl Strategy<Value = String> {
    (
        proptest::sample::select(ELEMENTS),
        proptest::sample::select(HANDLERS),
        proptest::sample::select(&["\"alert(1)\"", "alert(1)", "'alert(1)'"][..]),
    )
        .prop_map(|(tag, handler, value)| format!("<{tag} {handler}={value}>x</{tag}>"))
}

/// Pieces an attacker or a careless paste brings.
const HOSTILE: &[&str] = &[
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    "<a href=\"javascript:alert(1)\">",
    "<a href=\" JaVaScRiPt:alert(1)\">",
    "<a href=\"java\tscript:alert(1)\">",
    "<a href=\"&#106;avascript:alert(1)\">",
    "<a href=\"&#x6A;avascript&colon;alert(1)\">",
    "<a href=\"vbscript:x\">",
    "<a href=\"data:text/html;base64,PHNjcmlwdD4=\">",
    "<a href=//evil.example onclick=alert(1)>",
    "<p style=\"background:url(javascript:alert(1))\">",
    "<iframe src=\"https://evil.example\"></iframe>",
    "<object data=x></object>",
    "<embed src=x>",
    "<form action=x><input name=a><button>go</button></form>",
    "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
    "<!-- <script>alert(1)</script> -->",
    "<![CDATA[<script>alert(1)</script>]]>",
    "<style>@import 'x';</style>",
    "<meta http-equiv=refresh content=0;url=javascript:alert(1)>",
    "<base href=//evil.example/>",
    "<template><script>alert(1)</script></template>",
    "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
    "<table><tr><td>cell</td></tr></table>",
    "<p>unclosed <em>emphasis",
    "</p></div></a>",
    "<a href=\"https://a.example\"><a href=\"https://b.example\">nested</a></a>",
    "<p><ul><li>list in a paragraph</li></ul></p>",
    "<h2 onmouseover=alert(1)>head</h2>",
    "<abbr title=\"x\" onfocus=alert(1) tabindex=0>SCO</abbr>",
    "<q cite=\"javascript:alert(1)\">quote</q>",
    "<<script>script>alert(1)<</script>/script>",
    "\"><script>alert(1)</script>",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "<figure data-photo=\"../../etc/passwd\" onclick=alert(1)>",
    "<figure data-photo=\"0123456789abcdef\"><img src=x onerror=alert(1)></figure>",
    "<figure data-photo=\"0123456789abcdef\"><picture><source srcset=\"javascript:alert(1)\"></picture>",
];

/// Markup an editor writes.
const EDITORIAL: &[&str] = &[
    "<p>",
    "</p>",
    "<h2>",
    "</h2>",
    "<blockquote lang=\"ru\">",
    "</blockquote>",
    "<ul><li>",
    "</li></ul>",
    "<em>",
    "</em>",
    "<strong>",
    "</strong>",
    "<a href=\"https://example.org/page?a=1&b=2\">",
    "<a href=\"/en/article/x\" title=\"More\">",
    "<a href=\"mailto:desk@example.org\">",
    "</a>",
    "<br>",
    "<hr>",
    "<figure data-photo=\"0123456789abcdef\">",
    "<figcaption>",
    "</figcaption>",
    "</figure>",
    " & ",
    " < ",
    " > ",
    "\"",
    "'",
    "Ташкент",
    "上海合作组织",
    "news",
];

fn fragment() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            3 => proptest::sample::select(HOSTILE).prop_map(str::to_string),
            2 => handler_on_an_allowed_element(),
            5 => proptest::sample::select(EDITORIAL).prop_map(str::to_string),
            2 => "[ -~]{0,12}",
        ],
        0..24,
    )
    .prop_map(|parts| parts.concat())
}

/// Every start tag of cleaned HTML, as (name, attribute names and values). The cleaner
/// escapes `<` in text, so each `<` starts a tag, and it writes every value in double quotes.
fn tags(html: &str) -> Vec<(String, Vec<(String, String)>)> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        rest = &rest[at + 1..];
        if rest.starts_with('/') {
            continue;
        }
        let name_end = rest
            .find(|c: char| c.is_whitespace() || c == '>' || c == '/')
            .unwrap_or(rest.len());
        let name = rest[..name_end].to_string();
        rest = &rest[name_end..];
        let mut attrs = Vec::new();
        loop {
            rest = rest.trim_start();
            if rest.starts_with('>') || rest.is_empty() {
                break;
            }
            let eq = rest.find('=').expect("every attribute has a value");
            let attr = rest[..eq].to_string();
            rest = rest[eq + 1..].strip_prefix('"').expect("values are quoted");
            let close = rest.find('"').expect("a closing quote");
            attrs.push((attr, rest[..close].to_string()));
            rest = &rest[close + 1..];
        }
        out.push((name, attrs));
    }
    out
}

proptest! {
    #[test]
    fn cleaning_twice_changes_nothing(input in fragment()) {
        let once = article_html(&input);
        prop_assert_eq!(article_html(&once), once.clone(), "input: {}", input);
    }

    #[test]
    fn only_allowlisted_markup_survives(input in fragment()) {
        let clean = article_html(&input);
        let lower = clean.to_lowercase();
        prop_assert!(!lower.contains("<script"), "{}", clean);
        for (tag, attrs) in tags(&clean) {
            prop_assert!(ELEMENTS.contains(&tag.as_str()), "<{}> in {}", tag, clean);
            for (attr, value) in attrs {
                prop_assert!(!attr.starts_with("on"), "{} on <{}> in {}", attr, tag, clean);
                prop_assert!(allowed(&tag, &attr), "{} on <{}> in {}", attr, tag, clean);
                if attr == "data-photo" {
                    let photo_id = value.len() == 16
                        && value.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'));
                    prop_assert!(photo_id, "data-photo {} in {}", value, clean);
                }
                if attr == "href" {
                    let v = value.trim().to_lowercase();
                    let scheme_ok = ["http:", "https:", "mailto:"].iter().any(|s| v.starts_with(s))
                        || !v.split('/').next().unwrap_or("").contains(':');
                    prop_assert!(scheme_ok, "href {} in {}", value, clean);
                    prop_assert!(!v.contains("javascript:"), "href {} in {}", value, clean);
                }
            }
        }
    }

    #[test]
    fn arbitrary_text_never_panics_and_stays_clean(input in any::<String>()) {
        let clean = article_html(&input);
        prop_assert_eq!(article_html(&clean), clean.clone());
        prop_assert!(!clean.to_lowercase().contains("<script"));
    }
}

#[test]
fn every_handler_on_every_element_an_article_may_use_is_removed() {
    for tag in ELEMENTS {
        for handler in HANDLERS {
            let input = format!("<{tag} {handler}=\"alert(1)\" lang=\"ru\">x</{tag}>");
            let clean = article_html(&input);
            assert!(
                !clean.to_lowercase().contains(" on"),
                "{handler} kept on <{tag}>: {clean}"
            );
            if *tag != "br" && *tag != "hr" {
                assert!(
                    clean.contains(&format!("<{tag}")),
                    "<{tag}> itself kept: {clean}"
                );
            }
        }
    }
}

#[test]
fn the_checker_sees_what_it_must_refuse() {
    // The property above is only as good as `tags`: it must read a handler when one is there.
    let found = tags("<p onclick=\"x\">a</p><a href=\"javascript:y\" rel=\"z\">b</a>");
    assert_eq!(found[0].0, "p");
    assert_eq!(found[0].1, [("onclick".to_string(), "x".to_string())]);
    assert_eq!(
        found[1].1[0],
        ("href".to_string(), "javascript:y".to_string())
    );
}
