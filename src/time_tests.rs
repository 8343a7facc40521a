//! The dates, clocks and offsets of `time`, natively (the browser tests read the `Intl` path).
use chrono::TimeZone;

use super::*;

fn utc(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, h, min, 0).single().unwrap()
}

#[test]
fn the_chinese_edition_writes_year_month_day_and_the_others_day_month_year() {
    let at = utc(2026, 11, 29, 18, 58);
    write_dates_for(Lang::Zh);
    assert_eq!(format_date_time(at, 0), "2026年11月29日 18:58");
    write_dates_for(Lang::Ru);
    assert_eq!(format_date_time(at, 0), "29.11.2026 18:58");
    write_dates_for(Lang::En);
}

#[test]
fn dates_are_day_month_year_with_zeros() {
    assert_eq!(
        format_date(NaiveDate::from_ymd_opt(2026, 3, 4).unwrap()),
        "04.03.2026"
    );
    assert_eq!(
        format_date_time(utc(2026, 12, 31, 22, 5), 0),
        "31.12.2026 22:05"
    );
    // Three hours east, that instant is already next year.
    assert_eq!(
        format_date_time(utc(2026, 12, 31, 22, 5), 180),
        "01.01.2027 01:05"
    );
    assert_eq!(
        format_date_time(utc(2026, 1, 1, 0, 30), -300),
        "31.12.2025 19:30"
    );
}

#[test]
fn half_and_quarter_hour_zones() {
    let now = utc(2026, 6, 1, 12, 0);
    assert_eq!(
        read_clock(&[], "Asia/Kolkata", now, 0).unwrap().hhmm,
        "17:30"
    );
    assert_eq!(
        read_clock(&[], "Asia/Kathmandu", now, 0).unwrap().hhmm,
        "17:45"
    );
    assert_eq!(
        read_clock(&[], "Asia/Tehran", now, 0).unwrap().hhmm,
        "15:30"
    );
    assert_eq!(read_clock(&[], "Asia/Kabul", now, 0).unwrap().hhmm, "16:30");
}

#[test]
fn almaty_is_utc_plus_five_since_march_2024() {
    assert_eq!(
        read_clock(&[], "Asia/Almaty", utc(2026, 1, 15, 12, 0), 0)
            .unwrap()
            .hhmm,
        "17:00"
    );
    assert_eq!(
        read_clock(&[], "Asia/Almaty", utc(2024, 1, 15, 12, 0), 0)
            .unwrap()
            .hhmm,
        "18:00"
    );
}

#[test]
fn cairo_has_summer_time_and_moscow_does_not() {
    assert_eq!(
        read_clock(&[], "Africa/Cairo", utc(2026, 1, 15, 12, 0), 0)
            .unwrap()
            .hhmm,
        "14:00"
    );
    assert_eq!(
        read_clock(&[], "Africa/Cairo", utc(2026, 7, 15, 12, 0), 0)
            .unwrap()
            .hhmm,
        "15:00"
    );
    assert_eq!(
        read_clock(&[], "Europe/Moscow", utc(2026, 1, 15, 12, 0), 0)
            .unwrap()
            .hhmm,
        "15:00"
    );
    assert_eq!(
        read_clock(&[], "Europe/Moscow", utc(2026, 7, 15, 12, 0), 0)
            .unwrap()
            .hhmm,
        "15:00"
    );
}

#[test]
fn aliases_resolve() {
    let now = utc(2026, 6, 1, 12, 0);
    for zone in [
        "Asia/Bahrain",
        "Asia/Kuwait",
        "Asia/Phnom_Penh",
        "Asia/Vientiane",
    ] {
        assert!(read_clock(&[], zone, now, 0).is_some(), "{zone}");
    }
}

#[test]
fn an_unknown_zone_reads_as_none() {
    assert_eq!(
        read_clock(&[], "Mars/Olympus_Mons", utc(2026, 6, 1, 12, 0), 0),
        None
    );
    assert_eq!(read_clock(&[], "", utc(2026, 6, 1, 12, 0), 0), None);
}

#[test]
fn the_day_mark_compares_with_the_readers_calendar() {
    // 22:30 UTC: a reader in London is on the 1st, Beijing is already on the 2nd.
    let now = utc(2026, 6, 1, 22, 30);
    assert_eq!(
        read_clock(&[], "Asia/Shanghai", now, 60)
            .unwrap()
            .day_offset,
        1
    );
    assert_eq!(
        read_clock(&[], "Europe/Minsk", now, 60).unwrap().day_offset,
        1
    );
    assert_eq!(
        read_clock(&[], "Asia/Shanghai", now, 480)
            .unwrap()
            .day_offset,
        0
    );
    // A reader in Beijing after midnight sees Cairo still on the day before.
    let now = utc(2026, 6, 1, 17, 0);
    assert_eq!(
        read_clock(&[], "Africa/Cairo", now, 480)
            .unwrap()
            .day_offset,
        -1
    );
}

#[test]
fn the_browsers_offsets_are_read_from_the_end_of_its_text() {
    assert_eq!(gmt_offset_min("6/1/2026, 5:45:00 PM GMT+05:45"), Some(345));
    assert_eq!(gmt_offset_min("6/1/2026, 9:00:00 AM GMT-03:00"), Some(-180));
    assert_eq!(
        gmt_offset_min("6/1/2026, 9:00:00 AM GMT\u{2212}03:30"),
        Some(-210)
    );
    assert_eq!(gmt_offset_min("6/1/2026, 12:00:00 PM GMT"), Some(0));
    assert_eq!(gmt_offset_min("6/1/2026, 3:00:00 PM GMT+3"), Some(180));
    assert_eq!(gmt_offset_min("6/1/2026, 12:00:00 PM"), None);
    assert_eq!(gmt_offset_min("6/1/2026 GMT+xx:00"), None);
}

#[test]
fn the_timer_waits_for_the_next_minute() {
    assert_eq!(ms_to_next_minute(0), 60_000);
    assert_eq!(ms_to_next_minute(59_999), 1);
    assert_eq!(ms_to_next_minute(1_700_000_012_345), 60_000 - 32_345);
}

#[test]
fn iso_instants_for_time_elements() {
    assert_eq!(iso(utc(2026, 3, 4, 5, 6)), "2026-03-04T05:06:00Z");
}

/// The server's build compiles in only the zones named in .cargo/config.toml. Every
/// capital it lists must be among them, or its clock would show a dash.
#[cfg(not(target_arch = "wasm32"))]
#[test]
fn every_capital_zone_is_compiled_in() {
    let states = include_str!("../server/src/seed/states.rs");
    let zones: Vec<&str> = states
        .split('"')
        .filter(|s| {
            s.contains('/')
                && s.chars()
                    .all(|c| c.is_ascii_alphabetic() || c == '/' || c == '_')
        })
        .collect();
    assert_eq!(zones.len(), 27);
    for zone in zones {
        assert!(
            zone.parse::<chrono_tz::Tz>().is_ok(),
            "{zone} is missing from CHRONO_TZ_TIMEZONE_FILTER"
        );
    }
}

#[test]
fn a_clock_reads_the_offsets_its_state_carries_and_the_zone_only_past_them() {
    use infoshos_model::zone_offsets::OffsetSpan;
    let now = utc(2026, 6, 1, 12, 0);
    let at = now.timestamp();
    // Spans unlike Kolkata's real +5:30, so the test sees which one was read.
    let spans = [OffsetSpan {
        from: at - 60,
        until: at + 60,
        east_min: 600,
    }];
    let read = read_clock(&spans, "Asia/Kolkata", now, 0).unwrap();
    assert_eq!((read.hhmm.as_str(), read.day_offset), ("22:00", 0));
    let later = utc(2026, 6, 1, 12, 5);
    assert_eq!(
        read_clock(&spans, "Asia/Kolkata", later, 0).unwrap().hhmm,
        "17:35"
    );
}
