//! Parses the CBR's dynamic rates (`XML_dynamic.asp`): one currency's official rate on each day
//! of a range, for the history the portal backfills. The same rules as the daily feed
//! (`parse.rs`): untrusted input, bounded size, the encoding its prolog names (windows-1251),
//! no DTD, no entities beyond XML's five, decimal commas, `VunitRate` when given.
//!
//! ```xml
//! <ValCurs ID="R01335" DateRange1="01.09.2026" DateRange2="30.11.2026" name="Foreign Currency Market Dynamic">
//!   <Record Date="02.09.2026" Id="R01335"><Nominal>100</Nominal><Value>16,4321</Value>
//!     <VunitRate>0,164321</VunitRate></Record> …
//! </ValCurs>
//! ```

use chrono::NaiveDate;
use quick_xml::events::Event;

use crate::storage::DayRate;

use super::parse::{MAX_FEED_BYTES, ParseError, QuoteText, decode, predefined_entity};

/// Every day in the answer, oldest first. An answer with no records is a range the CBR set no
/// rate in (holidays, or a currency it stopped quoting): an empty list, not an error.
pub fn parse_dynamic(bytes: &[u8], id: &str) -> Result<Vec<DayRate>, ParseError> {
    if bytes.len() > MAX_FEED_BYTES {
        return Err(ParseError::TooLarge);
    }
    let text = decode(bytes)?;
    let mut reader = quick_xml::Reader::from_str(&text);
    let mut days = Vec::new();
    let mut root = false;
    let mut record: Option<Record> = None;
    let mut field: Option<String> = None;
    loop {
        match reader
            .read_event()
            .map_err(|e| ParseError::Xml(e.to_string()))?
        {
            Event::DocType(_) => return Err(ParseError::Doctype),
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == b"ValCurs" => {
                root = true;
            }
            Event::Start(e) if e.local_name().as_ref() == b"Record" => {
                let mut r = Record::default();
                for attr in e.attributes().flatten() {
                    let value = String::from_utf8_lossy(&attr.value).into_owned();
                    match attr.key.local_name().as_ref() {
                        b"Date" => r.date = value,
                        b"Id" => r.id = value,
                        _ => {}
                    }
                }
                record = Some(r);
            }
            Event::Start(e) => {
                field = Some(String::from_utf8_lossy(e.local_name().as_ref()).into())
            }
            Event::Text(t) => {
                if let (Some(r), Some(name)) = (record.as_mut(), field.as_deref()) {
                    let s = t.decode().map_err(|e| ParseError::Xml(e.to_string()))?;
                    r.quote.push(name, &s);
                }
            }
            Event::GeneralRef(r) => {
                let name = String::from_utf8_lossy(&r).into_owned();
                predefined_entity(&name).ok_or(ParseError::Entity(name))?;
            }
            Event::End(e) => match e.local_name().as_ref() {
                b"Record" => {
                    if let Some(r) = record.take() {
                        days.push(r.into_day(id)?);
                    }
                }
                _ => field = None,
            },
            Event::Eof => break,
            _ => {}
        }
    }
    if !root {
        return Err(ParseError::NoDate);
    }
    days.sort_by_key(|d| d.date);
    days.dedup_by_key(|d| d.date);
    Ok(days)
}

#[derive(Default)]
struct Record {
    date: String,
    id: String,
    quote: QuoteText,
}

impl Record {
    fn into_day(self, id: &str) -> Result<DayRate, ParseError> {
        let bad = |problem: String| ParseError::BadRate {
            currency: id.to_string(),
            problem,
        };
        if self.id.trim() != id {
            return Err(bad(format!("a record of {:?}, not of {id}", self.id)));
        }
        let date = NaiveDate::parse_from_str(self.date.trim(), "%d.%m.%Y")
            .map_err(|_| bad(format!("bad Date {:?}", self.date)))?;
        let (nominal, value, per_unit) = self
            .quote
            .read()
            .map_err(|problem| bad(format!("{problem} on {date}")))?;
        Ok(DayRate {
            date,
            nominal,
            value,
            per_unit,
        })
    }
}
