//! Search: what a query may be, the words it is read as, and the snippet that shows a reader
//! where a hit matched. The server searches with these words and cuts the snippets; the page
//! draws a snippet's marked parts as `<mark>` elements around plain text, so a match can never
//! carry markup into the page.

use serde::{Deserialize, Serialize};

use crate::ArticleSummary;

/// The longest query read, in characters: longer is refused with a message.
pub const MAX_QUERY_CHARS: usize = 200;

/// The most words a query is read as; later ones are left out.
pub const MAX_TERMS: usize = 8;

/// Words this long or longer are looked up in the full-text index (SQLite's trigram tokenizer
/// works on three characters); shorter ones, such as Chinese two-character words (`峰会`), by
/// substring.
pub const INDEXED_CHARS: usize = 3;

/// Hits on one page of results.
pub const PAGE_SIZE: u32 = 20;

/// One hit: the article as the feed shows it, and where it matched.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SearchHit {
    pub article: ArticleSummary,
    pub snippet: Vec<Segment>,
}

/// A piece of a snippet: plain text, marked where it matched the query.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Segment {
    pub text: String,
    #[serde(default)]
    pub mark: bool,
}

/// One page of results, best first (then newest), and where the next page starts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SearchResults {
    pub items: Vec<SearchHit>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_cursor: Option<String>,
}

/// Why a query is not searched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QueryProblem {
    /// Nothing but spaces or control characters.
    Empty,
    TooLong,
}

impl QueryProblem {
    pub fn message_en(self) -> String {
        match self {
            QueryProblem::Empty => "Type a word to search for.".into(),
            QueryProblem::TooLong => {
                format!("Search for at most {MAX_QUERY_CHARS} characters.")
            }
        }
    }
}

/// The words of a query, each at most once, in order: control characters count as spaces,
/// anything else (quotes, `*`, `NEAR`, brackets) is a character to find like any other.
pub fn terms(query: &str) -> Result<Vec<String>, QueryProblem> {
    if query.chars().count() > MAX_QUERY_CHARS {
        return Err(QueryProblem::TooLong);
    }
    let mut terms: Vec<String> = Vec::new();
    for word in query.split(|c: char| c.is_whitespace() || c.is_control()) {
        if !word.is_empty() && !terms.iter().any(|t| t == word) && terms.len() < MAX_TERMS {
            terms.push(word.to_string());
        }
    }
    if terms.is_empty() {
        return Err(QueryProblem::Empty);
    }
    Ok(terms)
}

/// How far a snippet may reach beyond its stretch to begin and end with whole words.
const WORD_SLACK: usize = 12;

/// Folds a character for matching: its first lowercase form (one character for one, so
/// positions in the folded text are positions in the text).
fn fold(c: char) -> char {
    c.to_lowercase().next().unwrap_or(c)
}

/// About `around` characters either side of the first place in `text` where a term matches
/// (ignoring case), with every match in that stretch marked; `…` where the text goes on. The
/// text's opening when no term is in it (the hit matched elsewhere, in the title say).
pub fn snippet(text: &str, terms: &[String], around: usize) -> Vec<Segment> {
    let chars: Vec<char> = text.chars().collect();
    let folded: Vec<char> = chars.iter().copied().map(fold).collect();
    let mut words: Vec<Vec<char>> = terms
        .iter()
        .map(|t| t.chars().map(fold).collect::<Vec<char>>())
        .filter(|t| !t.is_empty())
        .collect();
    // The longest first, so a match is marked whole when one term is part of another.
    words.sort_by_key(|w| std::cmp::Reverse(w.len()));
    let match_at = |i: usize| {
        words
            .iter()
            .find(|w| folded.get(i..i + w.len()) == Some(w.as_slice()))
            .map(Vec::len)
    };
    let first = (0..chars.len()).find(|&i| match_at(i).is_some());
    let (mut start, mut end) = match first {
        Some(at) => (
            at.saturating_sub(around),
            (at + around + match_at(at).unwrap_or(0)).min(chars.len()),
        ),
        None => (0, (2 * around).min(chars.len())),
    };
    // Whole words at both ends, when the word is not too long (Chinese has no spaces).
    let (from, to) = (start, end);
    while start > 0 && !chars[start - 1].is_whitespace() && from - start < WORD_SLACK {
        start -= 1;
    }
    while end < chars.len() && !chars[end].is_whitespace() && end - to < WORD_SLACK {
        end += 1;
    }
    let mut out: Vec<Segment> = Vec::new();
    let mut push = |text: String, mark: bool| match out.last_mut() {
        Some(last) if last.mark == mark => last.text.push_str(&text),
        _ => out.push(Segment { text, mark }),
    };
    if start > 0 {
        push("…".into(), false);
    }
    let mut i = start;
    while i < end {
        match match_at(i).filter(|len| i + len <= end) {
            Some(len) => {
                push(chars[i..i + len].iter().collect(), true);
                i += len;
            }
            None => {
                push(chars[i].to_string(), false);
                i += 1;
            }
        }
    }
    if end < chars.len() {
        push("…".into(), false);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms_of(q: &str) -> Vec<String> {
        terms(q).unwrap()
    }

    fn shown(segments: &[Segment]) -> String {
        segments
            .iter()
            .map(|s| {
                if s.mark {
                    format!("[{}]", s.text)
                } else {
                    s.text.clone()
                }
            })
            .collect()
    }

    #[test]
    fn a_query_is_read_as_words_and_operators_are_just_characters() {
        assert_eq!(terms_of("  summit\tAstana  summit "), ["summit", "Astana"]);
        assert_eq!(
            terms_of("\"NEAR(a b)\" AND *"),
            ["\"NEAR(a", "b)\"", "AND", "*"]
        );
        assert_eq!(terms_of("саммит\u{0}峰会"), ["саммит", "峰会"]);
        assert_eq!(terms_of(&"a ".repeat(3)), ["a"]);
        assert_eq!(terms_of("1 2 3 4 5 6 7 8 9 10").len(), MAX_TERMS);
    }

    #[test]
    fn empty_and_overlong_queries_are_refused() {
        assert_eq!(terms(""), Err(QueryProblem::Empty));
        assert_eq!(terms(" \u{7}\n "), Err(QueryProblem::Empty));
        assert_eq!(terms(&"я".repeat(200)).map(|t| t.len()), Ok(1));
        assert_eq!(terms(&"я".repeat(201)), Err(QueryProblem::TooLong));
    }

    #[test]
    fn a_snippet_marks_every_match_near_the_first_ignoring_case() {
        let text = "Leaders met in Astana. The Astana summit ended with a declaration.";
        let s = snippet(text, &["astana".into()], 12);
        assert_eq!(shown(&s), "Leaders met in [Astana]. The [Astana]…");
        let s = snippet("Саммиты и саммита", &["саммит".into()], 40);
        assert_eq!(shown(&s), "[Саммит]ы и [саммит]а");
        let s = snippet("上合组织峰会在天津举行", &["峰会".into()], 2);
        assert_eq!(shown(&s), "上合组织[峰会]在天津举行");
        let long = format!("{}峰会{}", "很".repeat(30), "长".repeat(30));
        let s = snippet(&long, &["峰会".into()], 2);
        assert_eq!(
            shown(&s),
            format!("…{}[峰会]{}…", "很".repeat(14), "长".repeat(14))
        );
    }

    #[test]
    fn a_snippet_without_a_match_is_the_opening_and_overlapping_terms_mark_the_longer() {
        let s = snippet("Rates of the rouble", &["tenge".into()], 5);
        assert_eq!(shown(&s), "Rates of the…");
        let s = snippet("SCO summit", &["sum".into(), "summit".into()], 20);
        assert_eq!(shown(&s), "SCO [summit]");
    }
}
