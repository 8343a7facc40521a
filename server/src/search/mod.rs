//! Search that understands words: what each word of a query is looked for as (`Term`: as
//! typed, by stem, and as the state's name it misspells), and which words of a hit's text a
//! snippet marks. The SQL that finds them is in `storage/search.rs`.

pub mod spelling;
pub mod stems;

use infoshos_model::Lang;

/// A word of a query, and the ways an article may contain it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// As the reader typed it, found anywhere as a run of characters (so a stem or a part of a
    /// Chinese phrase finds it).
    pub typed: String,
    /// Its stems in the edition's language, found as whole words in the stems index.
    pub stems: Option<String>,
    /// The state's or capital's name it is a typo of, found as a run of characters.
    pub meant: Option<String>,
    /// The stems of that name, found in the stems index.
    pub meant_stems: Option<String>,
}

/// A stem this long or longer is also looked for as a run of characters: Snowball cuts some
/// forms of a word shorter than others ("саммит" to "самм", "саммита" to "саммит"), and the
/// longer stem is still in the text of every form. Shorter stems would find unrelated words
/// ("unit" in "community").
const STEM_AS_CHARACTERS: usize = 5;

impl Term {
    /// What the term is looked for as, as runs of characters: as typed, its stem when long
    /// enough, and the name it misspells.
    pub fn runs(&self) -> Vec<&str> {
        let mut runs = vec![self.typed.as_str()];
        if let Some(stem) = self.stems.as_deref()
            && stem.chars().count() >= STEM_AS_CHARACTERS
            && !stem.contains(' ')
            && stem != self.typed.to_lowercase()
        {
            runs.push(stem);
        }
        runs.extend(self.meant.as_deref());
        runs
    }

    /// The runs a search needs: those holding no other run, which finds them anyway ("export"
    /// finds every text "exports" does). Fewer phrases make the trigram lookup cheaper.
    pub fn shortest_runs(&self) -> Vec<&str> {
        let runs = self.runs();
        let folded: Vec<String> = runs.iter().map(|r| r.to_lowercase()).collect();
        let holds_another = |i: usize| {
            (0..runs.len()).any(|j| {
                j != i && folded[i].contains(&folded[j]) && (folded[i] != folded[j] || j < i)
            })
        };
        (0..runs.len())
            .filter(|&i| !holds_another(i))
            .map(|i| runs[i])
            .collect()
    }

    /// Whether the stemmer cut the word typed (an inflected form): its stem then also finds
    /// the longer stems it begins, since Snowball cuts some forms of a word shorter than others.
    pub fn stem_is_cut(&self) -> bool {
        let typed = stems::words(&self.typed).collect::<Vec<_>>().join(" ");
        self.stems.as_ref().is_some_and(|s| s.len() < typed.len())
    }
}

/// The terms of a query's `words` in `lang`, with `names` (`spelling::names`) for typos.
pub fn terms(lang: Lang, words: &[String], names: &[String]) -> Vec<Term> {
    words
        .iter()
        .map(|word| {
            let meant = spelling::meant(word, names);
            Term {
                typed: word.clone(),
                stems: stems::stems_of_query_word(lang, word),
                meant: meant.map(str::to_string),
                meant_stems: meant.and_then(|name| stems::stems_of_query_word(lang, name)),
            }
        })
        .collect()
}

/// What a snippet of `text` marks for `terms`: each term's runs of characters, and every word
/// of the text that shares a term's stem ("currencies" for "currency").
pub fn marks(lang: Lang, terms: &[Term], text: &str) -> Vec<String> {
    let mut marks: Vec<String> = Vec::new();
    for term in terms {
        marks.extend(term.runs().into_iter().map(str::to_string));
    }
    let wanted: Vec<&str> = terms.iter().filter_map(|t| t.stems.as_deref()).collect();
    if !wanted.is_empty() {
        for word in stems::words(text) {
            if !marks.contains(&word) && wanted.contains(&stems::stemmed(lang, &word).as_str()) {
                marks.push(word);
            }
        }
    }
    marks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_term_is_looked_for_as_typed_by_stem_and_as_the_name_meant() {
        let names = vec!["tashkent".to_string()];
        let words = ["Currencies".to_string(), "Tashkant".to_string()];
        let t = terms(Lang::En, &words, &names);
        assert_eq!(t[0].stems.as_deref(), Some("currenc"));
        assert_eq!(t[0].meant, None);
        assert_eq!(t[1].meant.as_deref(), Some("tashkent"));
        assert_eq!(t[0].runs(), ["Currencies", "currenc"]);
        assert_eq!(t[0].shortest_runs(), ["currenc"]);
        assert_eq!(t[1].shortest_runs(), ["Tashkant", "tashkent"]);
        assert_eq!(t[1].runs(), ["Tashkant", "tashkent"]);
        let ru = terms(
            Lang::Ru,
            &["саммита".to_string(), "саммит".to_string()],
            &names,
        );
        assert_eq!(ru[0].runs(), ["саммита", "саммит"]);
        assert_eq!(
            ru[1].runs(),
            ["саммит"],
            "a short stem is not looked for as characters"
        );
        let zh = terms(Lang::Zh, &["峰会".to_string()], &names);
        assert_eq!(zh[0].stems, None);
    }

    #[test]
    fn a_snippet_marks_the_other_forms_of_a_word() {
        let t = terms(Lang::En, &["currency".to_string()], &[]);
        let text = "Settling trade in national currencies, one currency at a time";
        assert_eq!(
            marks(Lang::En, &t, text),
            ["currency", "currenc", "currencies"]
        );
        let t = terms(Lang::Ru, &["валюта".to_string()], &[]);
        assert_eq!(
            marks(Lang::Ru, &t, "Курсы валют и валюты"),
            ["валюта", "валют", "валюты"]
        );
    }
}
