//! Text in HTML: the one escaping rule of the server's pages and feeds and of the markup the
//! model writes for both sides (`photos::Photo::picture_html`), and the words of cleaned HTML
//! read back as text (the search index, a body's check for words).

/// Text safe inside a double-quoted HTML attribute or an element.
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The words of a cleaned body as plain text, for the search index and its snippets: every
/// tag is a space (so paragraphs do not run together), runs of whitespace are one space.
pub fn article_text(html: &str) -> String {
    text_of(&html.replace('<', " <").replace("&nbsp;", " "))
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The text between the tags of cleaned HTML, with `&lt;`, `&gt;` and `&amp;` read back as
/// the characters they stand for.
pub fn text_of(html: &str) -> String {
    let mut in_tag = false;
    html.chars()
        .filter(|&ch| match ch {
            '<' => {
                in_tag = true;
                false
            }
            '>' if in_tag => {
                in_tag = false;
                false
            }
            _ => !in_tag,
        })
        .collect::<String>()
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}
