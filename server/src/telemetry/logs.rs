//! The log, as text for a person or as JSON lines for a log shipper (`INFOSHOS_LOG_FORMAT`).
//! What a client sent can reach a log line (a name typed at sign-in, an address asked for), so
//! no value is written raw: in text, control characters are escaped (a newline cannot start a
//! forged line, an escape sequence cannot recolour a terminal); in JSON, serde escapes them.

use std::fmt::Write as _;

use tracing_subscriber::EnvFilter;
use tracing_subscriber::field::MakeExt;
use tracing_subscriber::fmt::format::{Writer, debug_fn};

/// How the log is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum LogFormat {
    Text,
    Json,
}

/// `text` with every control character (C0, DEL, C1) and the bidirectional overrides written
/// as `\u{…}` escapes.
pub fn escaped(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_control() || infoshos_model::validation::is_bidi_control(c) {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    out
}

/// Sets up the process's log: `RUST_LOG` chooses what is written (default `info`).
pub fn init(format: LogFormat) {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info"));
    let builder = tracing_subscriber::fmt().with_env_filter(filter);
    match format {
        LogFormat::Json => builder
            .json()
            .with_current_span(true)
            .with_span_list(false)
            .init(),
        LogFormat::Text => builder
            .with_ansi(false)
            .fmt_fields(
                debug_fn(|writer: &mut Writer<'_>, field, value| {
                    let value = escaped(&format!("{value:?}"));
                    if field.name() == "message" {
                        write!(writer, "{value}")
                    } else {
                        write!(writer, "{field}={value}")
                    }
                })
                .delimited(" "),
            )
            .init(),
    }
}

#[cfg(test)]
mod tests {
    use super::escaped;

    #[test]
    fn control_characters_and_direction_overrides_are_written_as_escapes() {
        assert_eq!(
            escaped("x\n2026-12-03 INFO an admin is set up"),
            "x\\u{a}2026-12-03 INFO an admin is set up"
        );
        assert_eq!(escaped("\u{1b}[31mred\r"), "\\u{1b}[31mred\\u{d}");
        assert_eq!(escaped("abc\u{202e}fed"), "abc\\u{202e}fed");
        assert_eq!(escaped("Ташкент 塔什干"), "Ташкент 塔什干");
    }
}
