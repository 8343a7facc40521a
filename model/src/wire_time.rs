//! Reading the API's dates by hand. chrono's general parser costs ~6 KB of wasm, and the API
//! only ever sends RFC 3339 instants and ISO dates.

use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, Utc};
use serde::{Deserialize, Deserializer, de::Error};

/// `YYYY-MM-DDTHH:MM:SS[.fff][Z|±HH:MM]` as an instant.
pub fn parse_instant(s: &str) -> Option<DateTime<Utc>> {
    let b = s.as_bytes();
    if b.len() < 20 || !matches!(b[10], b'T' | b't' | b' ') || b[13] != b':' || b[16] != b':' {
        return None;
    }
    let date = parse_date(s.get(..10)?)?;
    let num = |r: std::ops::Range<usize>| -> Option<u32> { digits(s.get(r)?) };
    let (h, m, sec) = (num(11..13)?, num(14..16)?, num(17..19)?);
    let mut rest = &s[19..];
    let mut nanos = 0u32;
    if let Some(frac) = rest.strip_prefix('.') {
        let len = frac.bytes().take_while(u8::is_ascii_digit).count();
        if len == 0 {
            return None;
        }
        let kept = &frac[..len.min(9)];
        nanos = digits(kept)? * 10u32.pow(9 - kept.len() as u32);
        rest = &frac[len..];
    }
    let offset_secs: i64 = match rest {
        "Z" | "z" => 0,
        _ if rest.len() == 6 && rest.as_bytes()[3] == b':' => {
            let sign = match rest.as_bytes()[0] {
                b'+' => 1,
                b'-' => -1,
                _ => return None,
            };
            sign * (i64::from(digits(&rest[1..3])?) * 3600 + i64::from(digits(&rest[4..6])?) * 60)
        }
        _ => return None,
    };
    let local = NaiveDateTime::new(date, NaiveTime::from_hms_nano_opt(h, m, sec, nanos)?);
    let utc = local.and_utc().timestamp() - offset_secs;
    DateTime::from_timestamp(utc, nanos)
}

/// `YYYY-MM-DD`.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    NaiveDate::from_ymd_opt(
        digits(&s[..4])? as i32,
        digits(&s[5..7])?,
        digits(&s[8..10])?,
    )
}

fn digits(s: &str) -> Option<u32> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.bytes().try_fold(0u32, |n, b| {
        n.checked_mul(10)?.checked_add(u32::from(b - b'0'))
    })
}

pub fn instant<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime<Utc>, D::Error> {
    let s = String::deserialize(d)?;
    parse_instant(&s).ok_or_else(|| D::Error::custom("expected an RFC 3339 instant"))
}

/// An instant that may be absent (`null` or no field: with `#[serde(default)]`).
pub fn optional_instant<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<Option<DateTime<Utc>>, D::Error> {
    match Option::<String>::deserialize(d)? {
        None => Ok(None),
        Some(s) => parse_instant(&s)
            .map(Some)
            .ok_or_else(|| D::Error::custom("expected an RFC 3339 instant")),
    }
}

pub fn date<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
    let s = String::deserialize(d)?;
    parse_date(&s).ok_or_else(|| D::Error::custom("expected a YYYY-MM-DD date"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_chrono_writes() {
        for at in [
            "2026-11-25T10:00:00Z",
            "2026-11-29T07:42:22.552Z",
            "2017-06-09T10:40:00.000000001Z",
        ] {
            let chrono: DateTime<Utc> = at.parse().unwrap();
            assert_eq!(parse_instant(at), Some(chrono), "{at}");
            assert_eq!(parse_instant(&chrono.to_rfc3339()), Some(chrono));
        }
    }

    #[test]
    fn applies_offsets() {
        let a = parse_instant("2026-01-01T05:30:00+05:30").unwrap();
        assert_eq!(a, parse_instant("2026-01-01T00:00:00Z").unwrap());
        let b = parse_instant("2025-12-31T19:00:00-05:00").unwrap();
        assert_eq!(a, b);
    }

    #[test]
    fn refuses_garbage() {
        for bad in [
            "",
            "2026-11-25",
            "2026-11-25T10:00:00",
            "2026-13-25T10:00:00Z",
            "2026-11-25T25:00:00Z",
            "2026-11-25T10:00:00.Z",
            "2026-11-25T10:00:00+0530",
            "２０２６-11-25T10:00:00Z",
        ] {
            assert_eq!(parse_instant(bad), None, "{bad}");
        }
        assert_eq!(
            parse_date("2018-12-26"),
            NaiveDate::from_ymd_opt(2018, 12, 26)
        );
        assert_eq!(parse_date("2018-02-30"), None);
        assert_eq!(parse_date("18-12-26"), None);
    }
}
