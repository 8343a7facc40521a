//! A typo in the name of an SCO state or capital: "Kazakstan", "Tashkant", "Казахтан". Such a
//! word is searched as typed and as the name it is nearest to; other words are left alone, so a
//! search never finds what the reader did not ask for.

use infoshos_model::{Lang, State, state_names};

use super::stems::words;

/// Words shorter than this are never corrected: one letter off in "Iran" is another word.
const SHORTEST_CORRECTED: usize = 5;

/// The names a query is checked against in `lang`: every word of each state's name and capital
/// in that edition's language ("New Delhi" gives "new" and "delhi"), lower case.
pub fn names(lang: Lang, states: &[State]) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for state in states {
        let (name, capital) = match state_names::in_lang(lang, &state.code) {
            Some((name, capital, _)) => (name, capital),
            None => (state.name.as_str(), state.capital.as_str()),
        };
        for word in words(name).chain(words(capital)) {
            if word.chars().count() >= SHORTEST_CORRECTED && !names.contains(&word) {
                names.push(word);
            }
        }
    }
    names
}

/// The most edits a word of `chars` characters may be from a name: one in a short name, two
/// in a long one.
fn edits_allowed(chars: usize) -> usize {
    if chars >= 8 { 2 } else { 1 }
}

/// The name `word` is a typo of: the nearest of `names` within the edits allowed (a swap of
/// two letters is one edit), or `None` when the word is a name, part of one, or near none.
pub fn meant<'a>(word: &str, names: &'a [String]) -> Option<&'a str> {
    let typed = word.to_lowercase().replace('ё', "е");
    let chars = typed.chars().count();
    if chars < SHORTEST_CORRECTED || names.iter().any(|n| n.contains(&typed)) {
        return None;
    }
    names
        .iter()
        .map(|name| (strsim::damerau_levenshtein(&typed, name), name))
        .filter(|&(edits, name)| edits <= edits_allowed(chars.min(name.chars().count())))
        .min_by_key(|&(edits, _)| edits)
        .map(|(_, name)| name.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(words: &[&str]) -> Vec<String> {
        words.iter().map(|w| w.to_string()).collect()
    }

    #[test]
    fn a_typo_in_a_state_or_capital_is_read_as_the_name() {
        let names = list(&["kazakhstan", "tashkent", "delhi", "bishkek"]);
        assert_eq!(meant("Kazakstan", &names), Some("kazakhstan"));
        assert_eq!(meant("Kazahkstan", &names), Some("kazakhstan"));
        assert_eq!(meant("Tashkant", &names), Some("tashkent"));
        assert_eq!(meant("Dehli", &names), Some("delhi"));
        let ru = list(&["казахстан", "ташкент"]);
        assert_eq!(meant("Казахтан", &ru), Some("казахстан"));
    }

    #[test]
    fn names_short_words_and_other_words_are_left_alone() {
        let names = list(&["kazakhstan", "tashkent", "delhi", "minsk"]);
        assert_eq!(meant("Tashkent", &names), None);
        assert_eq!(meant("kazakh", &names), None);
        assert_eq!(meant("Minks", &names), Some("minsk"));
        assert_eq!(meant("Minsx", &["minsk".into(), "minsx".into()]), None);
        assert_eq!(meant("Iram", &list(&["iran"])), None);
        assert_eq!(meant("summit", &names), None);
        assert_eq!(meant("Tbilisi", &names), None);
    }
}
