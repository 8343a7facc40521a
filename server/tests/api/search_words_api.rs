//! Search that understands words: a word finds its other forms in English and Russian on both
//! engines, a typo in a state's or capital's name still finds it, the best match comes first
//! and the newest breaks a tie, and articles stored before the stems index are found by stem
//! after the next start.

use crate::common;
use crate::common::search::{article_at, q, slugs};

use infoshos_model::Lang;
use proptest::prelude::*;
use serde_json::Value;

async fn found(s: &common::TestServer, query: &str, lang: &str) -> Value {
    let answer = s.get(&q(query, lang)).await;
    assert_eq!(answer.status, axum::http::StatusCode::OK, "{query}");
    answer.json()
}

/// The marked words of the first hit's snippet.
fn marked(results: &Value) -> Vec<String> {
    results["items"][0]["snippet"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["mark"] == true)
        .map(|s| s["text"].as_str().unwrap().to_string())
        .collect()
}

#[tokio::test]
async fn a_word_finds_its_other_forms_in_english_and_russian_and_the_snippet_marks_them() {
    let s = common::server().await;
    let en = article_at(
        "en-beekeepers",
        Lang::En,
        "Beekeepers in the Fergana valley report record harvests",
        "Cooperatives compared hives and honey presses.",
        1_750_000_000_000,
    );
    let ru = article_at(
        "ru-pchelovody",
        Lang::Ru,
        "Пчеловоды Ферганской долины собрали рекордные урожаи",
        "Кооперативы сравнили ульи и медогонки.",
        1_750_000_000_000,
    );
    s.storage.insert_article(&en).await.unwrap();
    s.storage.insert_article(&ru).await.unwrap();

    // None of these is in the text as typed; each is another form of a word that is.
    for (query, lang, slug, mark) in [
        ("beekeeping", "en", "en-beekeepers", "beekeepers"),
        ("harvested beekeeper", "en", "en-beekeepers", "harvests"),
        ("пчеловодам", "ru", "ru-pchelovody", "пчеловоды"),
        ("урожаем пчеловодов", "ru", "ru-pchelovody", "урожаи"),
        ("кооперативам", "ru", "ru-pchelovody", "кооперативы"),
    ] {
        let results = found(&s, query, lang).await;
        assert_eq!(slugs(&results), [slug], "{query}");
        assert!(
            marked(&results).iter().any(|m| m.to_lowercase() == mark),
            "{query}: {:?}",
            marked(&results)
        );
    }
    // Every word must still be there, in some form.
    assert!(slugs(&found(&s, "beekeeping zebras", "en").await).is_empty());
    // A word of another language's forms is not stemmed across editions.
    assert!(slugs(&found(&s, "пчеловодам", "en").await).is_empty());
}

#[tokio::test]
async fn a_typo_in_a_state_or_capital_still_finds_it_but_other_typos_do_not_guess() {
    let s = common::server().await;
    for (typo, lang, name) in [
        ("Kazakstan", "en", "Kazakhstan"),
        ("Tashkant", "en", "Tashkent"),
        ("Казахтан", "ru", "Казахстан"),
    ] {
        let results = found(&s, typo, lang).await;
        let items = results["items"].as_array().unwrap();
        assert!(!items.is_empty(), "{typo}");
        let sorted = |mut v: Vec<String>| {
            v.sort();
            v
        };
        let exact = found(&s, name, lang).await;
        assert_eq!(
            sorted(slugs(&results)),
            sorted(slugs(&exact)),
            "{typo} finds what {name} finds"
        );
        assert!(
            marked(&results).iter().any(|m| m.starts_with(name)),
            "{typo}: {:?}",
            marked(&results)
        );
    }
    // A misspelt word that names no state is not guessed at.
    assert!(slugs(&found(&s, "Tashkent sumnit", "en").await).is_empty());
}

#[tokio::test]
async fn the_best_match_comes_first_and_the_newest_breaks_a_tie() {
    let s = common::server().await;
    let day = 86_400_000;
    // Rows of the same length, so only where the word is and the date tell them apart.
    for (slug, title, body, at) in [
        (
            "body-old",
            "Ministers meet in spring",
            "Talks on ferries went on.",
            0,
        ),
        (
            "title-old",
            "Ferries on the agenda in spring",
            "Ministers met.",
            day,
        ),
        (
            "title-new",
            "Ferries on the agenda in autumn",
            "Ministers met.",
            2 * day,
        ),
        (
            "body-new",
            "Ministers meet in autumn",
            "Talks on ferries went on.",
            3 * day,
        ),
    ] {
        let a = article_at(slug, Lang::En, title, body, 1_750_000_000_000 + at);
        s.storage.insert_article(&a).await.unwrap();
    }
    let order = slugs(&found(&s, "ferry", "en").await);
    assert_eq!(order, ["title-new", "title-old", "body-new", "body-old"]);
}

#[tokio::test]
async fn articles_stored_before_the_stems_index_are_found_by_stem_after_the_next_start() {
    if common::on_postgres() {
        return; // PostgreSQL stems in its own generated column: nothing to fill in.
    }
    let mut s = common::server().await;
    let ferry = article_at(
        "caspian-ferry",
        Lang::En,
        "A new ferry crosses the Caspian",
        "The ferry links Aktau and Baku.",
        1_750_000_000_000,
    );
    s.storage.insert_article(&ferry).await.unwrap();
    let url = common::database_url(s.dir.path()).await;
    let pool = sqlx::SqlitePool::connect(&url).await.unwrap();
    sqlx::query("DELETE FROM article_stems")
        .execute(&pool)
        .await
        .unwrap();
    s.storage.changed();
    // "ferries" and "ferry" share the stem "ferri", which is not in "ferry" as characters:
    // only the stems index finds one by the other.
    assert!(slugs(&found(&s, "ferries", "en").await).is_empty());

    let replica = s.replica().await;
    assert_eq!(
        slugs(&found(&replica, "ferries", "en").await),
        ["caspian-ferry"]
    );
}

/// Families of word forms that share a stem, in our own words.
#[rustfmt::skip]
const FAMILIES: [(Lang, &[&str]); 9] = [
    (Lang::En, &["trade", "trades", "traded", "trading"]),
    (Lang::En, &["currency", "currencies"]),
    (Lang::En, &["negotiate", "negotiates", "negotiated", "negotiating"]),
    (Lang::En, &["railway", "railways"]),
    (Lang::Ru, &["валюта", "валюты", "валюте", "валюту", "валютой", "валютами", "валютах"]),
    (Lang::Ru, &["саммит", "саммита", "саммите", "саммиту", "саммитом", "саммиты", "саммитов"]),
    (Lang::Ru, &["переговоры", "переговоров", "переговорах", "переговорам"]),
    (Lang::Ru, &["Казахстан", "Казахстана", "Казахстане", "Казахстану", "Казахстаном"]),
    (Lang::Ru, &["снегоход", "снегохода", "снегоходы", "снегоходами", "снегоходах"]),
];

const FILLER: [(Lang, &[&str]); 2] = [
    (
        Lang::En,
        &[
            "the",
            "ministers",
            "met",
            "in",
            "spring",
            "and",
            "agreed",
            "on",
            "plans",
        ],
    ),
    (
        Lang::Ru,
        &[
            "министры",
            "встретились",
            "весной",
            "и",
            "договорились",
            "о",
            "планах",
        ],
    ),
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn every_form_of_a_word_in_a_generated_article_finds_it(
        family in 0..FAMILIES.len(),
        written in 0..8usize,
        asked in 0..8usize,
        filler in prop::collection::vec(0..9usize, 3..12),
        in_title in any::<bool>(),
    ) {
        static N: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
        let (lang, forms) = FAMILIES[family];
        let (written, asked) = (forms[written % forms.len()], forms[asked % forms.len()]);
        let words = FILLER.iter().find(|(l, _)| *l == lang).unwrap().1;
        let mut text: Vec<&str> = filler.iter().map(|i| words[i % words.len()]).collect();
        let at = filler[0] % text.len();
        text.insert(at, written);
        let text = text.join(" ");
        let slug = format!("generated-forms-{}", N.fetch_add(1, std::sync::atomic::Ordering::Relaxed));
        let (title, body) = if in_title { (text.as_str(), "—") } else { ("—", text.as_str()) };
        let (runtime, s) = common::shared();
        let a = article_at(&slug, lang, title, body, 1_760_000_000_000);
        runtime.block_on(s.storage.insert_article(&a)).unwrap();
        // Earlier cases hold the same words: the search pages on until this one's slug comes.
        let results = runtime.block_on(found(s, asked, lang.code()));
        let mut hits = slugs(&results);
        let mut next = results["nextCursor"].as_str().map(str::to_string);
        while let Some(cursor) = next.take() {
            let url = format!("/api/search?lang={}&q={}&cursor={cursor}", lang.code(),
                infoshos_model::links::encode(asked));
            let page = runtime.block_on(s.get(&url)).json();
            hits.extend(slugs(&page));
            next = page["nextCursor"].as_str().map(str::to_string);
        }
        prop_assert!(hits.contains(&slug), "{asked:?} in {text:?}: {hits:?}");
    }
}
