pub mod check;

use std::net::SocketAddr;
use std::path::PathBuf;

use clap::Parser;

pub use crate::telemetry::logs::LogFormat;

/// The official daily rates of the Central Bank of Russia, English names.
pub const CBR_DAILY_ENG: &str = "https://www.cbr.ru/scripts/XML_daily_eng.asp";

/// What the binary does besides serving.
#[derive(Debug, Clone, clap::Subcommand)]
pub enum Command {
    /// Copy the database into a new FILE, consistent, while the portal serves (to restore,
    /// stop the server and put the copy in the database's place).
    Backup { file: PathBuf },
    /// Print a one-time token, good for an hour, that makes one more admin on /admin's set-up
    /// page: for when no admin can sign in any more.
    RecoveryToken,
    /// Add generated articles (and comments) to the database, for `make bench`.
    Seed {
        /// How many articles.
        #[arg(long, value_parser = clap::value_parser!(u64).range(1..=10_000_000))]
        articles: u64,
        /// Published comments on each.
        #[arg(long, default_value_t = 0, value_parser = clap::value_parser!(u32).range(0..=100))]
        comments: u32,
    },
}

/// Infoshos API server: serves the reader app and its JSON API.
#[derive(Debug, Clone, Parser)]
#[command(version, about)]
pub struct Config {
    /// What to do instead of serving (`backup`, `recovery-token`, `seed`); nothing: serve the
    /// portal.
    #[command(subcommand)]
    pub command: Option<Command>,

    /// Address to listen on.
    #[arg(long, env = "INFOSHOS_ADDR", default_value = "127.0.0.1:8080",
          value_parser = check::addr)]
    pub addr: SocketAddr,

    /// The database: sqlite://FILE (the file and its folder are created on first start) or
    /// postgres://USER:PASSWORD@HOST/DATABASE.
    #[arg(
        long,
        env = "INFOSHOS_DATABASE_URL",
        default_value = "sqlite://data/infoshos.db",
        value_parser = check::database_url
    )]
    pub database_url: String,

    /// Folder with the built reader app (trunk's output).
    #[arg(long, env = "INFOSHOS_DIST", default_value = "dist")]
    pub dist: PathBuf,

    /// Where to fetch the CBR daily rates XML: an http(s) URL or a file:// path.
    #[arg(long, env = "INFOSHOS_RATES_URL", default_value = CBR_DAILY_ENG,
          value_parser = check::rates_url)]
    pub rates_url: String,

    /// The CBR's dynamic rates, for the history's missing days: an http(s) address or a
    /// file:// path, with `{id}` (and for http(s) `{from}`, `{to}`) filled in per request.
    #[arg(long, env = "INFOSHOS_RATES_HISTORY_URL", default_value = crate::rates::backfill::CBR_DYNAMIC,
          value_parser = check::rates_history_url)]
    pub rates_history_url: String,

    /// Hours between two fetches of the rates.
    #[arg(long, env = "INFOSHOS_RATES_EVERY_HOURS", default_value_t = 6,
          value_parser = check::rates_every_hours)]
    pub rates_every_hours: u64,

    /// Do not fill an empty database with the demo articles and comments.
    #[arg(long, env = "INFOSHOS_NO_DEMO")]
    pub no_demo: bool,

    /// Do not draw the demo articles' lead photos (a few seconds of the cores at the first
    /// start; the tests that start the server skip them).
    #[arg(long, env = "INFOSHOS_NO_DEMO_PHOTOS")]
    pub no_demo_photos: bool,

    /// Count no readings of articles for "Most read" (to compare the page rate in `make
    /// bench`; the box then lists nothing new).
    #[arg(long, env = "INFOSHOS_NO_READ_COUNTS")]
    pub no_read_counts: bool,

    /// Seconds between two batches of readings added to the database (each replica's).
    #[arg(long, env = "INFOSHOS_READ_COUNTS_EVERY", default_value_t = 30,
          value_parser = check::read_counts_every)]
    pub read_counts_every: u64,

    /// The portal's public origin (`https://infoshos.example`), for oEmbed answers and
    /// discovery links. Default: http:// and the listening address.
    #[arg(long, env = "INFOSHOS_PUBLIC_URL", value_parser = check::public_url)]
    pub public_url: Option<String>,

    /// Origins that may frame the `/embed/` widgets, separated by spaces or commas; `*` for
    /// any site. Every other page may be framed only by the portal itself.
    #[arg(long, env = "INFOSHOS_EMBED_ORIGINS", default_value = "*",
          value_parser = check::embed_origins)]
    pub embed_origins: String,

    /// The portal is served over HTTPS (by a proxy in front): send Strict-Transport-Security.
    #[arg(long, env = "INFOSHOS_TLS")]
    pub tls: bool,

    /// Addresses of reverse proxies whose X-Forwarded-For names the client (comma separated).
    #[arg(long, env = "INFOSHOS_TRUSTED_PROXIES", value_delimiter = ',',
          value_parser = check::trusted_proxy)]
    pub trusted_proxies: Vec<std::net::IpAddr>,

    /// `pre`: new comments wait for an editor; `post`: they go up at once (editors can take
    /// them down). Comments with many links always wait.
    #[arg(long, env = "INFOSHOS_MODERATION", value_enum, default_value_t = Moderation::Pre)]
    pub moderation: Moderation,

    /// The first-start token that sets up the first admin, once. Without it, one is made at
    /// the first start and printed once; only its hash is kept.
    #[arg(long, env = "INFOSHOS_ADMIN_TOKEN", hide_env_values = true,
          value_parser = check::admin_token)]
    pub admin_token: Option<String>,

    /// Comments one client may post per minute.
    #[arg(long, env = "INFOSHOS_COMMENTS_PER_MINUTE", default_value_t = 5,
          value_parser = check::comments_per_minute)]
    pub comments_per_minute: u32,

    /// Comments one client may post at once before the per-minute pace applies.
    #[arg(long, env = "INFOSHOS_COMMENT_BURST", default_value_t = 2,
          value_parser = check::comment_burst)]
    pub comment_burst: u32,

    /// Sign-in attempts (and set-ups, joins, resets) one client, and one account, may make at
    /// once before the pace of one a minute applies.
    #[arg(long, env = "INFOSHOS_SIGN_IN_BURST", default_value_t = 5,
          value_parser = check::comment_burst)]
    pub sign_in_burst: u32,

    /// How the log is written: `text` for people, `json` (one object a line, each request's
    /// lines with its id) for a log shipper.
    #[arg(long, env = "INFOSHOS_LOG_FORMAT", value_enum, default_value_t = LogFormat::Text)]
    pub log_format: LogFormat,

    /// Where Prometheus reads the metrics (`/metrics`), apart from the portal's own address:
    /// keep it private (a loopback or an internal address). Not set: no metrics are served.
    #[arg(long, env = "INFOSHOS_METRICS_ADDR", value_parser = check::addr)]
    pub metrics_addr: Option<SocketAddr>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Moderation {
    Pre,
    Post,
}

impl Config {
    pub fn comment_quota(&self) -> crate::middleware::rate_limit::Quota {
        crate::middleware::rate_limit::Quota {
            every_ms: 60_000 / u64::from(self.comments_per_minute),
            burst: self.comment_burst,
        }
    }

    pub fn sign_in_quota(&self) -> crate::middleware::rate_limit::Quota {
        crate::middleware::rate_limit::Quota {
            burst: self.sign_in_burst,
            ..crate::middleware::rate_limit::Quota::LOGINS
        }
    }

    pub fn public_url(&self) -> String {
        self.public_url
            .clone()
            .unwrap_or_else(|| format!("http://{}", self.addr))
            .trim_end_matches('/')
            .to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The README's configuration table, as (variable, default cell) pairs.
    fn readme_settings() -> Vec<(String, String)> {
        include_str!("../../../README.md")
            .lines()
            .filter_map(|line| {
                let cells: Vec<&str> = line.split('|').map(str::trim).collect();
                let variable = cells.get(1)?.strip_prefix('`')?.strip_suffix('`')?;
                let default = cells.get(2)?;
                variable
                    .starts_with("INFOSHOS_")
                    .then(|| (variable.to_string(), default.to_string()))
            })
            .collect()
    }

    #[test]
    fn the_readme_lists_every_setting_with_its_default() {
        let documented = readme_settings();
        let command = <Config as clap::CommandFactory>::command();
        let variables: Vec<String> = command
            .get_arguments()
            .filter_map(|a| Some(a.get_env()?.to_string_lossy().into_owned()))
            .collect();
        for (variable, _) in &documented {
            assert!(
                variables.contains(variable),
                "README names unknown {variable}"
            );
        }
        for arg in command.get_arguments() {
            let Some(env) = arg.get_env().map(|e| e.to_string_lossy().into_owned()) else {
                continue;
            };
            let (_, cell) = documented
                .iter()
                .find(|(v, _)| *v == env)
                .unwrap_or_else(|| panic!("{env} is missing from the README's table"));
            // Every value the README quotes as the default is (part of) the real one.
            for default in arg.get_default_values() {
                let default = default.to_string_lossy();
                for quoted in cell.split('`').skip(1).step_by(2) {
                    assert!(
                        default.contains(quoted),
                        "{env}: README says {cell}, code {default}"
                    );
                }
            }
        }
    }

    #[test]
    fn defaults_are_the_documented_ones() {
        let c = Config::parse_from(["infoshos-server"]);
        assert_eq!(c.addr.to_string(), "127.0.0.1:8080");
        assert_eq!(c.dist, PathBuf::from("dist"));
        assert_eq!(c.rates_url, CBR_DAILY_ENG);
        assert!(c.database_url.starts_with("sqlite://data/"));
        assert_eq!(c.public_url(), "http://127.0.0.1:8080");
        assert_eq!(c.embed_origins, "*");
        assert_eq!(
            c.comment_quota(),
            crate::middleware::rate_limit::Quota::COMMENTS
        );
        assert!(c.trusted_proxies.is_empty());
        assert_eq!(c.moderation, Moderation::Pre);
    }

    #[test]
    fn flags_override_defaults() {
        let c = Config::parse_from(["infoshos-server", "--addr", "127.0.0.1:9", "--no-demo"]);
        assert_eq!(c.addr.port(), 9);
        assert!(c.no_demo);
    }
}
