//! Parses the CBR daily XML. The feed is untrusted input: bounded size, no DTD, no entities
//! beyond XML's five, and a clear error for anything else.

use chrono::NaiveDate;
use quick_xml::events::Event;
use quick_xml::events::attributes::Attributes;

use crate::storage::StoredRate;

/// The largest feed we accept. The real one is about 10 KB.
pub const MAX_FEED_BYTES: usize = 1 << 20;

#[derive(Debug, thiserror::Error, PartialEq)]
pub enum ParseError {
    #[error("the feed is larger than {MAX_FEED_BYTES} bytes")]
    TooLarge,
    #[error("unknown encoding {0:?}")]
    Encoding(String),
    #[error("a DOCTYPE is not allowed in the feed")]
    Doctype,
    #[error("entity &{0}; is not allowed in the feed")]
    Entity(String),
    #[error("malformed XML: {0}")]
    Xml(String),
    #[error("no <ValCurs Date=\"DD.MM.YYYY\"> root")]
    NoDate,
    #[error("currency {currency}: {problem}")]
    BadRate { currency: String, problem: String },
    #[error("the feed lists no currencies")]
    Empty,
}

/// The date the rates were set for, every currency in the feed, and the CBR's id of each
/// (`R01335`: what its dynamic service is asked by, `backfill.rs`).
#[derive(Debug, Clone, PartialEq)]
pub struct CbrDay {
    pub date: NaiveDate,
    pub rates: Vec<StoredRate>,
    pub ids: Vec<(String, String)>,
}

pub fn parse_cbr(bytes: &[u8]) -> Result<CbrDay, ParseError> {
    if bytes.len() > MAX_FEED_BYTES {
        return Err(ParseError::TooLarge);
    }
    let text = decode(bytes)?;
    // No trim_text: it would eat the spaces around `&amp;`. Fields are trimmed when read.
    let mut reader = quick_xml::Reader::from_str(&text);

    let mut date = None;
    let mut rates = Vec::new();
    let mut ids = Vec::new();
    let mut current: Option<Fields> = None;
    let mut field: Option<String> = None;
    loop {
        match reader
            .read_event()
            .map_err(|e| ParseError::Xml(e.to_string()))?
        {
            Event::DocType(_) => return Err(ParseError::Doctype),
            Event::Start(e) => match e.local_name().as_ref() {
                b"ValCurs" => date = Some(valcurs_date(e.attributes())?),
                b"Valute" => {
                    let id = e
                        .attributes()
                        .flatten()
                        .find(|a| a.key.local_name().as_ref() == b"ID")
                        .map(|a| String::from_utf8_lossy(&a.value).trim().to_string());
                    current = Some(Fields {
                        id,
                        ..Fields::default()
                    })
                }
                other => field = Some(String::from_utf8_lossy(other).into_owned()),
            },
            Event::Text(t) => {
                if let (Some(f), Some(name)) = (current.as_mut(), field.as_deref()) {
                    let s = t.decode().map_err(|e| ParseError::Xml(e.to_string()))?;
                    f.push(name, &s);
                }
            }
            Event::GeneralRef(r) => {
                let name = String::from_utf8_lossy(&r).into_owned();
                let ch = predefined_entity(&name).ok_or(ParseError::Entity(name))?;
                if let (Some(f), Some(field)) = (current.as_mut(), field.as_deref()) {
                    f.push(field, ch);
                }
            }
            Event::End(e) => match e.local_name().as_ref() {
                b"Valute" => {
                    if let Some(f) = current.take() {
                        let id = f.id.clone().filter(|id| cbr_id(id));
                        let rate = f.into_rate()?;
                        if let Some(id) = id {
                            ids.push((rate.currency.clone(), id));
                        }
                        rates.push(rate);
                    }
                }
                _ => field = None,
            },
            Event::Eof => break,
            _ => {}
        }
    }
    let date = date.ok_or(ParseError::NoDate)?;
    if rates.is_empty() {
        return Err(ParseError::Empty);
    }
    Ok(CbrDay { date, rates, ids })
}

/// An id as the CBR writes them (`R01335`, `R01090B`): it goes into the dynamic service's
/// address, so nothing else is kept.
pub fn cbr_id(id: &str) -> bool {
    (2..=12).contains(&id.len()) && id.bytes().all(|b| b.is_ascii_alphanumeric())
}

/// The prolog names the encoding (windows-1251 for the CBR); without one XML means UTF-8.
pub(super) fn decode(bytes: &[u8]) -> Result<String, ParseError> {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(200)]);
    let label = head
        .split_once("encoding=")
        .and_then(|(_, rest)| {
            // Only a quoted label counts; anything else (found by fuzzing: a mangled byte
            // where the quote was) is no label, not a panic.
            let quote = rest.chars().next().filter(|q| *q == '"' || *q == '\'')?;
            rest[quote.len_utf8()..]
                .split(quote)
                .next()
                .map(str::to_string)
        })
        .unwrap_or_else(|| "utf-8".to_string());
    let encoding = encoding_rs::Encoding::for_label(label.as_bytes())
        .ok_or_else(|| ParseError::Encoding(label.clone()))?;
    let (text, _, had_errors) = encoding.decode(bytes);
    if had_errors {
        return Err(ParseError::Encoding(format!("{label} (invalid bytes)")));
    }
    Ok(text.into_owned())
}

fn valcurs_date(attrs: Attributes) -> Result<NaiveDate, ParseError> {
    for attr in attrs.flatten() {
        if attr.key.local_name().as_ref() == b"Date" {
            let value = String::from_utf8_lossy(&attr.value).into_owned();
            return NaiveDate::parse_from_str(&value, "%d.%m.%Y").map_err(|_| ParseError::NoDate);
        }
    }
    Err(ParseError::NoDate)
}

pub(super) fn predefined_entity(name: &str) -> Option<&'static str> {
    Some(match name {
        "amp" => "&",
        "lt" => "<",
        "gt" => ">",
        "quot" => "\"",
        "apos" => "'",
        _ => return None,
    })
}

#[derive(Default)]
struct Fields {
    id: Option<String>,
    code: String,
    name: String,
    quote: QuoteText,
}

impl Fields {
    fn push(&mut self, field: &str, text: &str) {
        match field {
            "CharCode" => self.code.push_str(text),
            "Name" => self.name.push_str(text),
            _ => self.quote.push(field, text),
        }
    }

    fn into_rate(self) -> Result<StoredRate, ParseError> {
        let currency = self.code.trim().to_string();
        let bad = |problem: &str| ParseError::BadRate {
            currency: currency.clone(),
            problem: problem.into(),
        };
        if currency.len() != 3 || !currency.bytes().all(|b| b.is_ascii_uppercase()) {
            return Err(bad("the code is not three capital letters"));
        }
        let (nominal, value, per_unit) = self.quote.read().map_err(bad)?;
        Ok(StoredRate {
            name: self.name.trim().to_string(),
            currency,
            nominal,
            value,
            per_unit,
        })
    }
}

/// A quote's elements as read from either feed (daily or dynamic): `Nominal` units cost
/// `Value` roubles, one unit `VunitRate`.
#[derive(Default)]
pub(super) struct QuoteText {
    nominal: String,
    value: String,
    unit_rate: String,
}

impl QuoteText {
    /// Adds `text` to the element `field`, if it is one of the quote's.
    pub(super) fn push(&mut self, field: &str, text: &str) {
        let slot = match field {
            "Nominal" => &mut self.nominal,
            "Value" => &mut self.value,
            "VunitRate" => &mut self.unit_rate,
            _ => return,
        };
        slot.push_str(text);
    }

    /// (nominal, value, per unit: computed when `VunitRate` is absent), or what is wrong.
    pub(super) fn read(&self) -> Result<(u32, f64, f64), &'static str> {
        let nominal: u32 = self.nominal.trim().parse().map_err(|_| "bad Nominal")?;
        if nominal == 0 {
            return Err("Nominal is zero");
        }
        let value = parse_decimal(&self.value).ok_or("bad Value")?;
        let per_unit = if self.unit_rate.trim().is_empty() {
            value / f64::from(nominal)
        } else {
            parse_decimal(&self.unit_rate).ok_or("bad VunitRate")?
        };
        Ok((nominal, value, per_unit))
    }
}

/// A CBR number: decimal comma, sometimes scientific notation (`5,88139E-05`). Must be a
/// finite positive number; the CBR never publishes a zero or negative rate.
pub fn parse_decimal(s: &str) -> Option<f64> {
    let s = s.trim().replace(',', ".");
    if s.is_empty()
        || !s
            .bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'e' | b'E' | b'-' | b'+'))
    {
        return None;
    }
    let v: f64 = s.parse().ok()?;
    (v.is_finite() && v > 0.0).then_some(v)
}
