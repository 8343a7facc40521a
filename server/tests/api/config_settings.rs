//! Every setting is checked at start: a bad value (zero, negative, huge, not a number, empty,
//! the wrong kind of address) stops the server with one line naming the variable, the value and
//! what is allowed, and exit code 2 — never a panic, never a silent fallback.

use std::process::Command;

use clap::Parser;
use infoshos_server::config::Config;
use infoshos_server::config::check::one_line;

/// (flag, variable, bad values, a good value)
const SETTINGS: &[(&str, &str, &[&str], &str)] = &[
    (
        "addr",
        "INFOSHOS_ADDR",
        &["", "0", "-1", "localhost", "127.0.0.1:99999"],
        "127.0.0.1:9",
    ),
    (
        "database-url",
        "INFOSHOS_DATABASE_URL",
        &[
            "",
            "mysql://db/infoshos",
            "postgres://",
            "data/infoshos.db",
            "sqlite://",
        ],
        "sqlite://x.db",
    ),
    (
        "rates-url",
        "INFOSHOS_RATES_URL",
        &[
            "",
            "ftp://cbr.example/x.xml",
            "file://",
            "rates.xml",
            "https://",
        ],
        "file:///tmp/rates.xml",
    ),
    (
        "rates-history-url",
        "INFOSHOS_RATES_HISTORY_URL",
        &[
            "",
            "https://www.cbr.ru/scripts/XML_dynamic.asp",
            "ftp://cbr.example/{id}.xml",
            "{id}.xml",
        ],
        "file:///tmp/history/{id}.xml",
    ),
    (
        "rates-every-hours",
        "INFOSHOS_RATES_EVERY_HOURS",
        &["0", "-1", "100000000000000000000", "six", "", "1.5"],
        "24",
    ),
    (
        "read-counts-every",
        "INFOSHOS_READ_COUNTS_EVERY",
        &["0", "3601", "thirty", ""],
        "60",
    ),
    (
        "public-url",
        "INFOSHOS_PUBLIC_URL",
        &[
            "",
            "infoshos.example",
            "https://infoshos.example/news",
            "ftp://infoshos.example",
        ],
        "https://infoshos.example/",
    ),
    (
        "embed-origins",
        "INFOSHOS_EMBED_ORIGINS",
        &["", "https://partner.example/page", "javascript:alert(1)"],
        "https://a.example, https://b.example",
    ),
    (
        "trusted-proxies",
        "INFOSHOS_TRUSTED_PROXIES",
        &["10.0.0", "proxy", "-1"],
        "10.0.0.1",
    ),
    (
        "moderation",
        "INFOSHOS_MODERATION",
        &["", "later", "PRE!"],
        "post",
    ),
    (
        "comments-per-minute",
        "INFOSHOS_COMMENTS_PER_MINUTE",
        &["0", "-1", "60001", "five", ""],
        "60000",
    ),
    (
        "comment-burst",
        "INFOSHOS_COMMENT_BURST",
        &["0", "-1", "1000001", "99999999999999999999", "two", ""],
        "1000000",
    ),
    (
        "sign-in-burst",
        "INFOSHOS_SIGN_IN_BURST",
        &["0", "-1", "1000001", "five", ""],
        "100",
    ),
    (
        "log-format",
        "INFOSHOS_LOG_FORMAT",
        &["", "xml", "JSON!"],
        "json",
    ),
    (
        "metrics-addr",
        "INFOSHOS_METRICS_ADDR",
        &["", "9180", "metrics.internal"],
        "127.0.0.1:9180",
    ),
];

#[test]
fn every_bad_value_is_named_in_one_line_with_what_is_allowed() {
    for (flag, variable, bad, _) in SETTINGS {
        for value in *bad {
            let error = Config::try_parse_from(["infoshos-server", &format!("--{flag}={value}")])
                .map(|_| ())
                .expect_err(&format!("--{flag}={value:?} was taken"));
            let line = one_line(&error).unwrap_or_else(|| panic!("{flag}={value:?}: {error}"));
            assert!(!line.contains('\n'), "{line}");
            assert!(
                line.contains(variable) && line.contains(&format!("--{flag}")),
                "{line}"
            );
            assert!(line.contains(&format!("{value:?}")), "{line}");
            assert!(line.contains("expected "), "{line}");
        }
    }
}

#[test]
fn every_good_value_is_taken() {
    for (flag, _, _, good) in SETTINGS {
        Config::try_parse_from(["infoshos-server", &format!("--{flag}={good}")])
            .unwrap_or_else(|e| panic!("--{flag}={good:?}: {e}"));
    }
    let c = Config::try_parse_from(["infoshos-server", "--comments-per-minute=60000"]).unwrap();
    assert!(c.comment_quota().every_ms >= 1);
    let c = Config::try_parse_from(["infoshos-server", "--sign-in-burst=7"]).unwrap();
    assert_eq!(c.sign_in_quota().burst, 7);
    assert_eq!(c.sign_in_quota().every_ms, 60_000, "then one a minute");
}

#[test]
fn a_wrong_editors_token_is_refused_without_being_shown() {
    let error =
        Config::try_parse_from(["infoshos-server", "--admin-token=short-secret"]).unwrap_err();
    let line = one_line(&error).unwrap();
    assert!(
        line.contains("INFOSHOS_ADMIN_TOKEN") && line.contains("16 characters"),
        "{line}"
    );
    assert!(!line.contains("short-secret"), "{line}");
    // Empty means unset: a token is made at the first start.
    Config::try_parse_from(["infoshos-server", "--admin-token="]).unwrap();
}

#[test]
fn the_server_stops_at_start_with_exit_code_2_and_one_line() {
    let dir = tempfile::tempdir().unwrap();
    for (variable, value) in [
        ("INFOSHOS_COMMENTS_PER_MINUTE", "100000"),
        ("INFOSHOS_DATABASE_URL", "mysql://db/infoshos"),
        ("INFOSHOS_RATES_EVERY_HOURS", "0"),
    ] {
        let out = Command::new(env!("CARGO_BIN_EXE_infoshos-server"))
            .current_dir(dir.path())
            .env("INFOSHOS_ADDR", "127.0.0.1:0")
            .env("INFOSHOS_DATABASE_URL", "sqlite://t.db")
            .env(variable, value)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{variable}={value}: {stderr}");
        assert_eq!(stderr.trim().lines().count(), 1, "{stderr}");
        assert!(
            stderr.contains(variable) && stderr.contains(value),
            "{stderr}"
        );
        assert!(!stderr.contains("panicked"), "{stderr}");
    }
    // Nothing was created for a refused database address.
    assert!(!dir.path().join("mysql:").exists());
    assert!(!dir.path().join("t.db").exists());
}
