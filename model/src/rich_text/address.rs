//! A link's address as the desk takes it: one of our own pages (`/ru/article/…`), a web page
//! (`https://…`, `http://…`, a bare `www.…` read as https) or an e-mail address (`mailto:…`).
//! What passes is also what the server's sanitiser keeps, so a link is never dropped between
//! the desk and the reader's page.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AddressProblem {
    Empty,
    /// Not a page of ours, a web page or an e-mail address (`javascript:`, `ftp:`, `article/x`).
    Kind,
    /// Spaces, quotes or angle brackets in it, or a web address without a host of letters,
    /// digits, dots and hyphens.
    Malformed,
}

/// The address as it will be stored, or what is wrong with it.
pub fn link_address(typed: &str) -> Result<String, AddressProblem> {
    let typed = typed.trim();
    if typed.is_empty() {
        return Err(AddressProblem::Empty);
    }
    if typed.chars().any(bad_char) {
        return Err(AddressProblem::Malformed);
    }
    // ASCII only: the schemes are, and the byte offsets stay those of `typed`.
    let lower = typed.to_ascii_lowercase();
    if lower.starts_with("www.") {
        return link_address(&format!("https://{typed}"));
    }
    if let Some(path) = typed.strip_prefix('/') {
        // `//host/…` would leave for another site without saying so.
        return if path.starts_with('/') {
            Err(AddressProblem::Malformed)
        } else {
            Ok(typed.to_string())
        };
    }
    if let Some(to) = lower.strip_prefix("mailto:") {
        let (user, host) = to.split_once('@').ok_or(AddressProblem::Malformed)?;
        return if user.is_empty() || !good_host(host.split('?').next().unwrap_or_default()) {
            Err(AddressProblem::Malformed)
        } else {
            Ok(format!("mailto:{}", &typed["mailto:".len()..]))
        };
    }
    for scheme in ["https://", "http://"] {
        if lower.starts_with(scheme) {
            let rest = &typed[scheme.len()..];
            let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
            let (host, port) = match rest[..end].split_once(':') {
                Some((host, port)) => (host, Some(port)),
                None => (&rest[..end], None),
            };
            let port_ok = port.is_none_or(|p| {
                (1..=5).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit())
            });
            return if good_host(host) && port_ok {
                Ok(format!("{scheme}{rest}"))
            } else {
                Err(AddressProblem::Malformed)
            };
        }
    }
    Err(AddressProblem::Kind)
}

/// Characters no address of ours has written as they are: whitespace, control characters, and
/// those that would end an attribute or a tag.
fn bad_char(c: char) -> bool {
    c.is_whitespace() || c.is_control() || matches!(c, '"' | '<' | '>' | '\\' | '`' | '\'')
}

/// Dot-separated labels of ASCII letters, digits and hyphens, or of Cyrillic or Chinese
/// letters (the SCO's own names for its sites), the last one starting with a letter; or an
/// IPv4 address. Not punycode (`xn--`): an address written so is taken in its letters, and a
/// wrong one would make the web's URL parser, and so the sanitiser, drop the link.
fn good_host(host: &str) -> bool {
    let labels: Vec<&str> = host.split('.').collect();
    if labels.len() == 4 && labels.iter().all(|l| ipv4_part(l)) {
        return true;
    }
    let letter = |c: char| c.is_ascii_alphabetic() || cyrillic(c) || chinese(c);
    labels.len() >= 2
        && labels
            .last()
            .and_then(|l| l.chars().next())
            .is_some_and(letter)
        && labels.iter().all(|label| {
            !label.is_empty()
                && !label.starts_with('-')
                && !label.ends_with('-')
                && !label.to_ascii_lowercase().starts_with("xn--")
                && label
                    .chars()
                    .all(|c| c.is_ascii_digit() || c == '-' || letter(c))
        })
}

fn ipv4_part(label: &str) -> bool {
    !label.is_empty()
        && label.len() <= 3
        && label.bytes().all(|b| b.is_ascii_digit())
        && (label == "0" || !label.starts_with('0'))
        && label.parse::<u16>().is_ok_and(|n| n <= 255)
}

fn cyrillic(c: char) -> bool {
    matches!(c, 'а'..='я' | 'А'..='Я' | 'ё' | 'Ё')
}

fn chinese(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}
