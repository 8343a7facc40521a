//! Text in HTML: the one escaping rule of the server's pages and feeds and of the markup the
//! model writes for both sides (`photos::Photo::picture_html`).

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
