//! Date and clock formatting, pure so it is tested natively (rates are in `rate_format`). Formats are built from the date
//! parts by hand: chrono's format-string machinery would cost ~10 KB of wasm.

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, Offset, Timelike, Utc};

use infoshos_model::Lang;
use infoshos_model::zone_offsets::{OffsetSpan, offset_at};

thread_local! {
    /// The edition whose way of writing dates is used: set with the page's `Site`.
    static DATES_IN: std::cell::Cell<Lang> = const { std::cell::Cell::new(Lang::En) };
}

/// Dates are written as readers of `lang` write them from now on (a page's `Site` sets it).
pub fn write_dates_for(lang: Lang) {
    DATES_IN.set(lang);
}

fn dates_in() -> Lang {
    crate::i18n::EDITION.unwrap_or_else(|| DATES_IN.get())
}

/// `dd.mm.yyyy`, as the portal has always shown dates (and Russian readers write them);
/// (`public/pwa.js` `stamp` writes the same forms for the offline banner)
/// `yyyy年m月d日` in the Chinese edition.
pub fn format_date(d: NaiveDate) -> String {
    match dates_in() {
        Lang::Zh => format!("{}年{}月{}日", d.year(), d.month(), d.day()),
        Lang::En | Lang::Ru => format!("{:02}.{:02}.{:04}", d.day(), d.month(), d.year()),
    }
}

/// `dd.mm.yyyy HH:MM` of an instant, in the zone `offset_east_min` minutes east of UTC.
pub fn format_date_time(at: DateTime<Utc>, offset_east_min: i32) -> String {
    let local = at.with_timezone(&fixed(offset_east_min));
    format!(
        "{} {:02}:{:02}",
        format_date(local.date_naive()),
        local.hour(),
        local.minute()
    )
}

fn fixed(offset_east_min: i32) -> FixedOffset {
    FixedOffset::east_opt(offset_east_min * 60).unwrap_or_else(|| Utc.fix())
}

/// `dd.mm.yyyy HH:MM` of an instant in the reader's own time zone: how every date and time of
/// an article, a comment or an editor's action is shown.
pub fn reader_local(at: DateTime<Utc>) -> String {
    format_date_time(at, reader_offset_east_min(at))
}

/// The browser's clock.
#[cfg(target_arch = "wasm32")]
pub fn now_utc() -> DateTime<Utc> {
    DateTime::from_timestamp_millis(js_sys::Date::now() as i64).unwrap_or_default()
}

/// The server's clock, when it renders a page.
#[cfg(not(target_arch = "wasm32"))]
pub fn now_utc() -> DateTime<Utc> {
    std::time::SystemTime::now().into()
}

/// The reader's own UTC offset at an instant, from the browser (DST included).
#[cfg(target_arch = "wasm32")]
pub fn reader_offset_east_min(at: DateTime<Utc>) -> i32 {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(
        at.timestamp_millis() as f64
    ));
    -(date.get_timezone_offset() as i32)
}

/// On the server: the offset the reader's browser last told it (see `ssr::render`).
#[cfg(not(target_arch = "wasm32"))]
pub fn reader_offset_east_min(_at: DateTime<Utc>) -> i32 {
    server_reader::OFFSET.get()
}

/// The reader's offset while the server renders one of their pages; UTC until it is known.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) mod server_reader {
    thread_local! {
        pub static OFFSET: std::cell::Cell<i32> = const { std::cell::Cell::new(0) };
    }
}

/// A capital's clock: `HH:MM` and whether its calendar day is before (-1), the same as (0) or
/// after (+1) the reader's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClockReading {
    pub hhmm: String,
    pub day_offset: i64,
}

/// `None` when the zone is unknown: the clock shows a dash, never panics. The zone's offset
/// comes from the spans the states' answer carries (`zone_offsets`: no `Intl`, whose first use
/// was a 60-150 ms task on a phone); past them, from the tz database at hand.
pub fn read_clock(
    spans: &[OffsetSpan],
    zone: &str,
    now: DateTime<Utc>,
    reader_offset_east_min: i32,
) -> Option<ClockReading> {
    let offset = offset_at(spans, now.timestamp()).or_else(|| zone_offset_east_min(zone, now))?;
    let there = now.with_timezone(&fixed(offset));
    let here = now.with_timezone(&fixed(reader_offset_east_min));
    let day_offset = (there.date_naive() - here.date_naive()).num_days();
    Some(ClockReading {
        hhmm: format!("{:02}:{:02}", there.hour(), there.minute()),
        day_offset,
    })
}

/// A zone's offset from UTC at an instant, on the server from chrono-tz (only the capitals'
/// zones compiled in, see `.cargo/config.toml`).
#[cfg(not(target_arch = "wasm32"))]
fn zone_offset_east_min(zone: &str, at: DateTime<Utc>) -> Option<i32> {
    let tz: chrono_tz::Tz = zone.parse().ok()?;
    Some(at.with_timezone(&tz).offset().fix().local_minus_utc() / 60)
}

/// In the browser from its own tz database, through `Intl` (`GMT+05:45`): chrono-tz's tables
/// and lookups cost the reader's wasm 5.1 KB of brotli. An unknown zone makes
/// `toLocaleString` throw, caught here as `None`.
#[cfg(target_arch = "wasm32")]
fn zone_offset_east_min(zone: &str, at: DateTime<Utc>) -> Option<i32> {
    use js_sys::{Array, Function, Object, Reflect};
    use wasm_bindgen::{JsCast, JsValue};
    let options = Object::new();
    Reflect::set(&options, &"timeZone".into(), &zone.into()).ok()?;
    Reflect::set(&options, &"timeZoneName".into(), &"longOffset".into()).ok()?;
    let date = js_sys::Date::new(&JsValue::from_f64(at.timestamp_millis() as f64));
    let to_string: Function = Reflect::get(&date, &"toLocaleString".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let text = Reflect::apply(&to_string, &date, &Array::of2(&"en-US".into(), &options))
        .ok()?
        .as_string()?;
    gmt_offset_min(&text)
}

/// The offset at the end of a time written with `timeZoneName: "longOffset"`: `… GMT+05:45`,
/// `… GMT-03:00`, or a bare `… GMT` for UTC itself.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
fn gmt_offset_min(text: &str) -> Option<i32> {
    let offset = &text[text.rfind("GMT")? + 3..];
    if offset.is_empty() {
        return Some(0);
    }
    let (sign, rest) = match offset.chars().next()? {
        '+' => (1, &offset[1..]),
        '-' => (-1, &offset[1..]),
        '\u{2212}' => (-1, &offset['\u{2212}'.len_utf8()..]),
        _ => return None,
    };
    let (hours, minutes) = rest.split_once(':').unwrap_or((rest, "0"));
    let minutes = hours.parse::<i32>().ok()? * 60 + minutes.parse::<i32>().ok()?;
    Some(sign * minutes)
}

/// Milliseconds until the next minute starts, so one timer can tick exactly on the minute.
pub fn ms_to_next_minute(now_ms: i64) -> u32 {
    (60_000 - now_ms.rem_euclid(60_000)) as u32
}

/// The instant for a `<time datetime>`: `YYYY-MM-DDTHH:MM:SSZ`, without chrono's formatter.
pub fn iso(at: DateTime<Utc>) -> String {
    let d = at.date_naive();
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
        d.year(),
        d.month(),
        d.day(),
        at.hour(),
        at.minute(),
        at.second()
    )
}

#[cfg(test)]
#[path = "time_tests.rs"]
mod tests;
