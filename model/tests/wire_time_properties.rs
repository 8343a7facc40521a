//! The hand-read API dates (`wire_time`, decision 0002) agree with chrono's own parser over
//! random instants, offsets and precisions, and no input makes them panic.

use chrono::{DateTime, FixedOffset, NaiveDate, SecondsFormat, TimeZone, Utc};
use infoshos_model::wire_time::{parse_date, parse_instant};
use proptest::prelude::*;

fn precision() -> impl Strategy<Value = SecondsFormat> {
    prop_oneof![
        Just(SecondsFormat::Secs),
        Just(SecondsFormat::Millis),
        Just(SecondsFormat::Micros),
        Just(SecondsFormat::Nanos),
        Just(SecondsFormat::AutoSi),
    ]
}

proptest! {
    #[test]
    fn every_instant_chrono_writes_is_read_back_as_chrono_reads_it(
        secs in 0i64..4_102_444_800, // 1970 to 2100
        nanos in 0u32..1_000_000_000,
        offset_min in -14 * 60i32..=14 * 60,
        format in precision(),
        use_z in any::<bool>(),
    ) {
        let instant = DateTime::<Utc>::from_timestamp(secs, nanos).unwrap();
        let zone = FixedOffset::east_opt(offset_min * 60).unwrap();
        let written = zone.from_utc_datetime(&instant.naive_utc()).to_rfc3339_opts(format, use_z);
        let chrono_reads = DateTime::parse_from_rfc3339(&written).unwrap().with_timezone(&Utc);
        prop_assert_eq!(parse_instant(&written), Some(chrono_reads), "{}", written);
    }

    #[test]
    fn what_is_read_from_any_text_is_what_chrono_reads(text in "[0-9T:.+zZ -]{0,40}|.{0,40}") {
        if let Some(ours) = parse_instant(&text) {
            let theirs = DateTime::parse_from_rfc3339(&text).map(|d| d.with_timezone(&Utc));
            prop_assert_eq!(Ok(ours), theirs, "{}", text);
        }
    }

    #[test]
    fn dates_agree_with_chrono(days in 0i64..3_000_000, junk in ".{0,12}") {
        let date = NaiveDate::from_ymd_opt(1, 1, 1).unwrap() + chrono::Days::new(days as u64);
        let written = date.format("%Y-%m-%d").to_string();
        if written.len() == 10 {
            prop_assert_eq!(parse_date(&written), Some(date));
        }
        let theirs = NaiveDate::parse_from_str(&junk, "%Y-%m-%d").ok();
        if let Some(ours) = parse_date(&junk) {
            prop_assert_eq!(Some(ours), theirs, "{}", junk);
        }
    }
}
