//! Generated news for `make bench`: `infoshos-server seed --articles N` fills a database with
//! N articles (and comments) quickly, so pages can be measured at a portal's real size. The
//! sentences are assembled from our own word lists; they are never shown as demo content.

use infoshos_model::Lang;

use super::stems::{StemIndex, Text};
use super::{Storage, on_engine};

const PLACES: [&str; 12] = [
    "Astana",
    "Beijing",
    "Bishkek",
    "Dushanbe",
    "Islamabad",
    "Minsk",
    "Moscow",
    "New Delhi",
    "Tashkent",
    "Tehran",
    "Ulaanbaatar",
    "Tianjin",
];
const TOPICS: [&str; 10] = [
    "transit corridors",
    "grain exports",
    "water sharing",
    "border posts",
    "rail freight",
    "energy links",
    "customs rules",
    "student exchanges",
    "flood warnings",
    "payment systems",
];
const BODIES: [&str; 6] = [
    "Officials met for two days and agreed on a schedule of further talks.",
    "The delegations compared figures gathered over the past year.",
    "A working group will report to the ministers before the next summit.",
    "Experts from several member states presented their proposals.",
    "The talks ended with a joint statement and a list of next steps.",
    "Observers said the meeting kept the earlier plan on track.",
];
const LANGS: [Lang; 3] = [Lang::En, Lang::Ru, Lang::Zh];
const BATCH: u64 = 5_000;

impl Storage {
    /// Adds `articles` generated articles, newest first ten minutes apart from `now_ms`
    /// backwards, each about one or two of `countries` and with `comments` published comments.
    /// Slugs are `generated-{n}`, counted on from the generated articles already there.
    pub async fn generate(
        &self,
        articles: u64,
        comments: u32,
        countries: &[String],
        now_ms: i64,
    ) -> Result<u64, sqlx::Error> {
        let first: i64 = on_engine!(self, pool => sqlx::query_scalar(
            "SELECT count(*) FROM articles WHERE slug LIKE 'generated-%'",
        )
        .fetch_one(pool)
        .await?);
        let first = u64::try_from(first).unwrap_or_default();
        let mut done = 0;
        while done < articles {
            on_engine!(self, pool => {
            let mut tx = pool.begin().await?;
            for n in (first + done)..(first + (done + BATCH).min(articles)) {
                let i = n as usize;
                let (place, topic) = (PLACES[i % PLACES.len()], TOPICS[i / 7 % TOPICS.len()]);
                let title = format!("{place} talks on {topic}, round {n}");
                let summary = format!("Delegations in {place} discussed {topic}.");
                let text = [0, 2, 4].map(|k| BODIES[(i + k) % BODIES.len()]).join(" ");
                let body = format!("<p>{text}</p><p>{summary}</p>");
                let at = now_ms - (n as i64) * 600_000;
                let body_text = format!("{text} {summary}");
                let lang = LANGS[i % LANGS.len()];
                let id: i64 = sqlx::query_scalar(
                    "INSERT INTO articles (slug, lang, title, summary, body, body_text, published_at,
                                           section)
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
                )
                .bind(format!("generated-{n}"))
                .bind(lang.code())
                .bind(&title)
                .bind(&summary)
                .bind(&body)
                .bind(&body_text)
                .bind(at)
                .bind(infoshos_model::Section::ALL[i / 3 % infoshos_model::Section::ALL.len()].key())
                .fetch_one(&mut *tx)
                .await?;
                let text = Text { lang, title: &title, summary: &summary, body_text: &body_text };
                tx.index_stems(id, text).await?;
                let mut codes = vec![&countries[i % countries.len()]];
                if i.is_multiple_of(3) {
                    codes.push(&countries[(i / 3 + 5) % countries.len()]);
                }
                codes.dedup();
                for code in codes {
                    sqlx::query(
                        "INSERT INTO article_countries (article_id, country) VALUES ($1, $2)",
                    )
                    .bind(id)
                    .bind(code)
                    .execute(&mut *tx)
                    .await?;
                }
                for c in 0..comments {
                    sqlx::query(
                        "INSERT INTO comments (article_id, name, text, status, created_at)
                         VALUES ($1, $2, $3, 'published', $4)",
                    )
                    .bind(id)
                    .bind(format!("Reader {c}"))
                    .bind(format!("A generated comment, number {c}, on {topic}."))
                    .bind(at + i64::from(c) * 60_000)
                    .execute(&mut *tx)
                    .await?;
                }
            }
            tx.commit().await?;
            });
            self.changed();
            done = (done + BATCH).min(articles);
        }
        Ok(done)
    }
}
