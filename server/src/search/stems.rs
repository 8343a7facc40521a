//! Words cut to their stems (Snowball, `rust-stemmers`), so that a search for "currency" finds
//! "currencies" and one for "валюта" finds "валюты". English and Russian have stemmers; Chinese
//! has no inflection and is searched by characters as before, so it has no stems.

use infoshos_model::Lang;
use rust_stemmers::{Algorithm, Stemmer};

fn stemmer(lang: Lang) -> Option<Stemmer> {
    match lang {
        Lang::En => Some(Stemmer::create(Algorithm::English)),
        Lang::Ru => Some(Stemmer::create(Algorithm::Russian)),
        Lang::Zh => None,
    }
}

/// The words of `text`: runs of letters and digits, lower case, `ё` read as `е` (Russian
/// writers use both for the same word).
pub fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase().replace('ё', "е"))
}

/// The stems of every word of `text`, separated by spaces: what the stems index holds for an
/// article's title, lead and body. Empty in an edition without a stemmer.
pub fn stemmed(lang: Lang, text: &str) -> String {
    let Some(stemmer) = stemmer(lang) else {
        return String::new();
    };
    let mut out = String::with_capacity(text.len());
    for word in words(text) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&stemmer.stem(&word));
    }
    out
}

/// The stems of a word a reader typed (a hyphenated name has two), or `None` when the edition
/// has no stemmer or the word has no letters or digits (`*`, `"`).
pub fn stems_of_query_word(lang: Lang, word: &str) -> Option<String> {
    Some(stemmed(lang, word)).filter(|s| !s.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_and_russian_word_forms_share_a_stem() {
        let en = |w| stemmed(Lang::En, w);
        assert_eq!(en("currency"), en("currencies"));
        assert_eq!(en("talks"), en("talk"));
        assert_eq!(en("Trading"), en("trade"));
        let ru = |w| stemmed(Lang::Ru, w);
        assert_eq!(ru("валюта"), ru("валюты"));
        assert_eq!(ru("саммите"), ru("саммит"));
        assert_eq!(ru("Объём"), ru("объем"));
    }

    #[test]
    fn text_becomes_its_stems_and_chinese_has_none() {
        assert_eq!(
            stemmed(Lang::En, "Finance officials: settling trade!"),
            "financ offici settl trade"
        );
        assert_eq!(stemmed(Lang::Zh, "上合组织峰会"), "");
        assert_eq!(stems_of_query_word(Lang::En, "\"*\""), None);
        assert_eq!(
            stems_of_query_word(Lang::Ru, "Улан-Батора").as_deref(),
            Some("ула батор")
        );
    }
}
