//! The built pages (trunk's `index.html` and its siblings in `dist/`), read once each: without
//! the comments and indentation written for us, with the stylesheet and the app's loader
//! inline where a page is rendered into it, and with the CSP that allows their inline scripts
//! and styles computed once.
//! Before, every request read the file, read and hashed the stylesheet and hashed the scripts.

use std::collections::HashMap;
use std::path::Path;
use std::sync::{Arc, Mutex};

use crate::middleware::security;
use crate::pages::slots::Slotted;
use crate::pages::text;

/// A built page, ready to be filled.
#[derive(Debug)]
pub struct Shell {
    /// The page, cut at its slots.
    pub page: Slotted,
    /// The page's `Content-Security-Policy` (its inline scripts' and styles' hashes).
    pub policy: String,
}

/// Which built page, as what: a reader page that the server renders into (`rendered`: the
/// stylesheet inline) or the file as built (the shell for offline starts, `/admin`, widgets).
type Key = (&'static str, bool);

/// The shells read so far. A new build is read by a new server (`make run` builds first; a
/// deployment restarts it), as the hashed files the shells name change with every build.
#[derive(Debug, Clone, Default)]
pub struct Shells(Arc<Mutex<HashMap<Key, Arc<Shell>>>>);

impl Shells {
    /// The built page `file` under `dist`, read the first time it is asked for; its policy lets
    /// it be framed by `ancestors`. An error when it cannot be read (nothing is kept then).
    pub async fn get(
        &self,
        dist: &Path,
        file: &'static str,
        rendered: bool,
        ancestors: &str,
    ) -> std::io::Result<Arc<Shell>> {
        if let Some(shell) = self.lock().get(&(file, rendered)) {
            return Ok(shell.clone());
        }
        let built = tokio::fs::read_to_string(dist.join(file)).await?;
        let page = without_notes(&built);
        let page = if rendered {
            let page = text::with_stylesheet_inline(dist, page).await;
            let page = text::with_loader_inline(dist, page).await;
            text::without_preloads(&page)
        } else {
            page
        };
        let policy = security::page_policy(&page, ancestors);
        let shell = Arc::new(Shell {
            page: Slotted::new(page),
            policy,
        });
        self.lock().insert((file, rendered), shell.clone());
        Ok(shell)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<Key, Arc<Shell>>> {
        self.0.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// The markers the server fills (`slots`): the only comments that stay.
const MARKERS: [&str; 4] = [
    "<!--shell-->",
    "<!--/shell-->",
    "<!--preload-->",
    "<!--/preload-->",
];

/// `page` without the notes written for its developers (HTML comments other than `MARKERS`) and
/// without indentation: whitespace that holds a line break becomes one line break, which the
/// browser reads as the same space. Scripts and styles are left byte for byte (their hashes are
/// in the CSP), and so is everything inside a tag's quotes.
pub fn without_notes(page: &str) -> String {
    let mut out = String::with_capacity(page.len());
    let mut rest = page;
    while !rest.is_empty() {
        if rest.starts_with("<!--") {
            let end = rest.find("-->").map_or(rest.len(), |e| e + 3);
            let comment = &rest[..end];
            if MARKERS.contains(&comment) {
                out.push_str(comment);
            } else {
                trim_end_spaces(&mut out);
            }
            rest = &rest[end..];
        } else if let Some(verbatim) = ["<script", "<style"]
            .iter()
            .find(|open| rest.starts_with(**open))
        {
            let close = if *verbatim == "<script" {
                "</script>"
            } else {
                "</style>"
            };
            let end = rest.find(close).map_or(rest.len(), |e| e + close.len());
            out.push_str(&rest[..end]);
            rest = &rest[end..];
        } else if rest.starts_with(char::is_whitespace) {
            let end = rest
                .find(|c: char| !c.is_whitespace())
                .unwrap_or(rest.len());
            let space = &rest[..end];
            if space.contains('\n') {
                if !out.ends_with('\n') {
                    out.push('\n');
                }
            } else {
                out.push_str(space);
            }
            rest = &rest[end..];
        } else {
            let end = rest
                .char_indices()
                .skip(1)
                .find(|(_, c)| *c == '<' || c.is_whitespace())
                .map_or(rest.len(), |(i, _)| i);
            let end = quoted_end(rest, end);
            out.push_str(&rest[..end]);
            rest = &rest[end..];
        }
    }
    out
}

/// Where a run of text ends when it opened a quoted attribute value that is not closed in it
/// (`content="a b"`): after the closing quote, so the value keeps its spaces.
fn quoted_end(rest: &str, end: usize) -> usize {
    let run = &rest[..end];
    let Some(at) = run.find("=\"") else {
        return end;
    };
    if run[at + 2..].contains('"') {
        return end;
    }
    rest[at + 2..]
        .find('"')
        .map_or(rest.len(), |close| at + 2 + close + 1)
}

/// A removed comment takes the spaces before it on its line along.
fn trim_end_spaces(out: &mut String) {
    let kept = out.trim_end_matches([' ', '\t']).len();
    out.truncate(kept);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_keeps_its_markers_scripts_and_words_and_loses_its_notes_and_indentation() {
        let built = "<!doctype html>\n<html lang=\"en\">\n<head>\n  <meta name=\"description\" \
                     content=\"News of  the SCO: a <b>\">\n  <!-- A note for us,\n       two lines. -->\n  \
                     <!--preload-->\n  <link rel=\"preload\" href=\"/api/states\">\n  <!--/preload-->\n  \
                     <script>\n  let a = '<!-- not a comment -->';\n  </script>\n  <style>a  { b: c }</style>\n\
                     </head>\n<body>\n  <div id=\"app\"><!--shell-->\n    <a href=\"/en/\">Infoshos</a> <span>News</span>\n  \
                     <!--/shell--></div>\n</body>\n</html>\n";
        assert_eq!(
            without_notes(built),
            "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta name=\"description\" \
             content=\"News of  the SCO: a <b>\">\n<!--preload-->\n<link rel=\"preload\" \
             href=\"/api/states\">\n<!--/preload-->\n<script>\n  let a = '<!-- not a comment -->';\n  \
             </script>\n<style>a  { b: c }</style>\n</head>\n<body>\n<div id=\"app\"><!--shell-->\n\
             <a href=\"/en/\">Infoshos</a> <span>News</span>\n<!--/shell--></div>\n</body>\n</html>\n"
        );
    }

    #[test]
    fn the_repos_shells_lose_their_notes_and_a_quarter_of_their_bytes() {
        for (name, built) in [
            ("index.html", include_str!("../../../index.html")),
            ("occasional.html", include_str!("../../../occasional.html")),
        ] {
            let page = without_notes(built);
            for marker in MARKERS {
                assert_eq!(page.matches(marker).count(), 1, "{name} {marker}");
            }
            assert_eq!(page.matches("<!--").count(), 4, "{name}: only the markers");
            assert!(page.contains("<div id=\"app\"><!--shell-->"), "{name}");
            assert!(!page.contains("\n "), "{name}: no indentation");
            assert!(
                page.len() * 4 < built.len() * 3,
                "{name}: {} of {}",
                page.len(),
                built.len()
            );
        }
    }
}
