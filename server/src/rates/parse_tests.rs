//! The parser on fixtures we write, encoded as the CBR sends them.

use super::parse::*;

fn cp1251(xml: &str) -> Vec<u8> {
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1251.encode(xml);
    assert!(!unmappable);
    bytes.into_owned()
}

const PROLOG: &str = r#"<?xml version="1.0" encoding="windows-1251"?>"#;

fn feed(valutes: &str) -> Vec<u8> {
    cp1251(&format!(
        r#"{PROLOG}<ValCurs Date="28.11.2026" name="Foreign Currency Market">{valutes}</ValCurs>"#
    ))
}

#[test]
fn reads_date_nominal_value_and_cyrillic_names() {
    let day = parse_cbr(&feed(
        r#"<Valute ID="R01335"><NumCode>398</NumCode><CharCode>KZT</CharCode><Nominal>100</Nominal><Name>Казахстанских тенге</Name><Value>15,4321</Value><VunitRate>0,154321</VunitRate></Valute>"#,
    ))
    .unwrap();
    assert_eq!(day.date.to_string(), "2026-11-28");
    let kzt = &day.rates[0];
    assert_eq!((kzt.currency.as_str(), kzt.nominal), ("KZT", 100));
    assert_eq!(kzt.name, "Казахстанских тенге");
    assert!((kzt.value - 15.4321).abs() < 1e-9);
    assert!((kzt.per_unit - 0.154321).abs() < 1e-12);
}

#[test]
fn reads_scientific_notation_and_derives_a_missing_unit_rate() {
    let day = parse_cbr(&feed(
        r#"<Valute><CharCode>IRR</CharCode><Nominal>10000</Nominal><Name>Iranian Rial</Name><Value>5,88139</Value><VunitRate>5,88139E-04</VunitRate></Valute>
           <Valute><CharCode>UZS</CharCode><Nominal>10000</Nominal><Name>Uzbekistan Sum</Name><Value>65,5</Value></Valute>"#,
    ))
    .unwrap();
    assert!((day.rates[0].per_unit - 0.000588139).abs() < 1e-12);
    assert!((day.rates[1].per_unit - 0.00655).abs() < 1e-12);
}

#[test]
fn refuses_a_doctype_and_entity_attack() {
    let attack = cp1251(&format!(
        r#"{PROLOG}<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>
        <ValCurs Date="28.11.2026"><Valute><CharCode>KZT</CharCode><Nominal>1</Nominal><Name>&lol2;</Name><Value>1</Value></Valute></ValCurs>"#
    ));
    assert_eq!(parse_cbr(&attack), Err(ParseError::Doctype));
}

#[test]
fn refuses_an_undeclared_entity_but_reads_predefined_ones() {
    let external = feed(
        r#"<Valute><CharCode>KZT</CharCode><Nominal>1</Nominal><Name>&xxe;</Name><Value>1</Value></Valute>"#,
    );
    assert_eq!(parse_cbr(&external), Err(ParseError::Entity("xxe".into())));
    let fine = feed(
        r#"<Valute><CharCode>KZT</CharCode><Nominal>1</Nominal><Name>Tenge &amp; Co</Name><Value>1</Value></Valute>"#,
    );
    assert_eq!(parse_cbr(&fine).unwrap().rates[0].name, "Tenge & Co");
}

#[test]
fn garbage_gives_a_clear_error() {
    assert!(matches!(
        parse_cbr(b"\x00\x01not xml at all"),
        Err(ParseError::NoDate | ParseError::Xml(_))
    ));
    assert!(matches!(
        parse_cbr(b"<html><body>Service unavailable</body></html>"),
        Err(ParseError::NoDate)
    ));
    assert!(matches!(
        parse_cbr(&feed("<Valute><CharCode>KZT")),
        Err(ParseError::Xml(_))
    ));
    assert_eq!(parse_cbr(&feed("")), Err(ParseError::Empty));
    assert_eq!(
        parse_cbr(&vec![b' '; MAX_FEED_BYTES + 1]),
        Err(ParseError::TooLarge)
    );
}

#[test]
fn refuses_bad_numbers() {
    for (nominal, value) in [
        ("0", "1"),
        ("x", "1"),
        ("1", "abc"),
        ("1", "-5"),
        ("1", "0,0"),
        ("1", "inf"),
    ] {
        let xml = feed(&format!(
            "<Valute><CharCode>KZT</CharCode><Nominal>{nominal}</Nominal><Name>T</Name><Value>{value}</Value></Valute>"
        ));
        assert!(
            matches!(parse_cbr(&xml), Err(ParseError::BadRate { .. })),
            "{nominal} {value}"
        );
    }
}

#[test]
fn decimals_accept_comma_point_and_exponent() {
    assert_eq!(parse_decimal("1,5"), Some(1.5));
    assert_eq!(parse_decimal(" 2.25 "), Some(2.25));
    assert_eq!(parse_decimal("5,88139E-05"), Some(5.88139e-5));
    assert_eq!(parse_decimal("NaN"), None);
    assert_eq!(parse_decimal(""), None);
}

#[test]
fn the_shipped_snapshot_parses() {
    let day = parse_cbr(super::SNAPSHOT).unwrap();
    assert!(day.rates.len() >= 10);
}

#[test]
fn a_mangled_encoding_label_is_an_error_not_a_panic() {
    // Found by tests/api/fuzz.rs: a multi-byte character where the label's quote should be.
    let feed = "<?xml version=\"1.0\" encoding=\u{fffd}windows-1251\"?><ValCurs Date=\"26.12.2018\"></ValCurs>";
    assert!(parse_cbr(feed.as_bytes()).is_err());
}
