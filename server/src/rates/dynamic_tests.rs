//! The dynamic feed's parser on answers written for these tests in the CBR's shape (the
//! numbers are made up and never shown to readers), and on hostile ones.

use chrono::NaiveDate;

use super::dynamic::parse_dynamic;
use super::parse::ParseError;
use crate::storage::DayRate;

/// An answer as the CBR sends it: windows-1251, one line, decimal commas.
fn answer(records: &str) -> Vec<u8> {
    let xml = format!(
        "<?xml version=\"1.0\" encoding=\"windows-1251\"?><ValCurs ID=\"R01335\" \
         DateRange1=\"01.09.2026\" DateRange2=\"05.09.2026\" name=\"Динамика курса\">{records}</ValCurs>"
    );
    let (bytes, _, bad) = encoding_rs::WINDOWS_1251.encode(&xml);
    assert!(!bad);
    bytes.into_owned()
}

fn record(date: &str, nominal: &str, value: &str, unit: &str) -> String {
    format!(
        "<Record Date=\"{date}\" Id=\"R01335\"><Nominal>{nominal}</Nominal><Value>{value}</Value>\
         <VunitRate>{unit}</VunitRate></Record>"
    )
}

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 9, d).unwrap()
}

#[test]
fn each_day_of_the_range_is_read_oldest_first_with_nominal_and_unit_rate() {
    let xml = answer(
        &[
            record("03.09.2026", "100", "16,5000", "0,165"),
            record("02.09.2026", "100", "16,4321", "0,164321"),
            // The rial's shape: a nominal of 10 000 and a unit rate in scientific notation.
            record("04.09.2026", "10000", "19,6000", "1,96E-03"),
        ]
        .concat(),
    );
    let days = parse_dynamic(&xml, "R01335").unwrap();
    assert_eq!(
        days,
        [
            DayRate {
                date: day(2),
                nominal: 100,
                value: 16.4321,
                per_unit: 0.164321
            },
            DayRate {
                date: day(3),
                nominal: 100,
                value: 16.5,
                per_unit: 0.165
            },
            DayRate {
                date: day(4),
                nominal: 10_000,
                value: 19.6,
                per_unit: 0.00196
            },
        ]
    );
}

#[test]
fn a_range_without_records_is_empty_and_a_missing_unit_rate_is_computed() {
    assert_eq!(parse_dynamic(&answer(""), "R01335").unwrap(), []);
    let xml = answer(&record("02.09.2026", "10", "5,5", "").replace("<VunitRate></VunitRate>", ""));
    assert_eq!(parse_dynamic(&xml, "R01335").unwrap()[0].per_unit, 0.55);
}

#[test]
fn hostile_or_broken_answers_are_clear_errors() {
    let bad = |records: &str| parse_dynamic(&answer(records), "R01335").unwrap_err();
    assert!(matches!(
        bad(&record("31.02.2026", "1", "1,0", "1,0")),
        ParseError::BadRate { .. }
    ));
    assert!(matches!(
        bad(&record("02.09.2026", "0", "1,0", "1,0")),
        ParseError::BadRate { .. }
    ));
    assert!(matches!(
        bad(&record("02.09.2026", "1", "-1,0", "")),
        ParseError::BadRate { .. }
    ));
    assert!(matches!(
        bad(&record("02.09.2026", "1", "1,0", "NaN")),
        ParseError::BadRate { .. }
    ));
    // A record of another currency than the one asked for is not filed under this one.
    let other = record("02.09.2026", "1", "1,0", "1,0").replace("R01335", "R01235");
    assert!(matches!(bad(&other), ParseError::BadRate { .. }));
    assert_eq!(
        parse_dynamic(b"<!DOCTYPE x [<!ENTITY a \"b\">]><ValCurs/>", "R01335"),
        Err(ParseError::Doctype)
    );
    assert_eq!(
        parse_dynamic(&answer("<Record>&xxe;</Record>"), "R01335"),
        Err(ParseError::Entity("xxe".into()))
    );
    assert_eq!(
        parse_dynamic(b"<html>Service unavailable</html>", "R01335"),
        Err(ParseError::NoDate)
    );
    assert_eq!(
        parse_dynamic(&vec![b' '; super::parse::MAX_FEED_BYTES + 1], "R01335"),
        Err(ParseError::TooLarge)
    );
    assert!(matches!(
        parse_dynamic(b"<ValCurs><Record", "R01335"),
        Err(ParseError::Xml(_))
    ));
}
