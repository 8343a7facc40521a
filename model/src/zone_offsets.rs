//! A capital's UTC offsets for the days ahead, worked out by the server from its tz database
//! and carried with the states, so that a browser sets the clocks by adding minutes. Asking the
//! browser's `Intl` instead costs the first clock ICU's setup: about 15 ms natively, a task of
//! 60-150 ms on a phone (`make visit`, issue 31), which fell in the middle of a reader's reading.

use serde::{Deserialize, Serialize};

/// From `from` (Unix seconds) until just before `until`, the capital is `east_min` minutes
/// east of UTC.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OffsetSpan {
    pub from: i64,
    pub until: i64,
    pub east_min: i32,
}

/// How far ahead the server works the offsets out. An answer kept longer (offline, in the
/// service worker) reads no span for today, and the browser asks `Intl`.
pub const DAYS_AHEAD: i64 = 15;
const DAY: i64 = 86_400;
/// Offsets are looked at this often, and a change between two looks found to the second.
/// No zone changes its offset twice within six hours.
const LOOK_EVERY: i64 = 6 * 3_600;

/// The offset at an instant (Unix seconds); `None` outside every span.
pub fn offset_at(spans: &[OffsetSpan], at: i64) -> Option<i32> {
    spans
        .iter()
        .find(|s| s.from <= at && at < s.until)
        .map(|s| s.east_min)
}

/// The spans from the start of `now`'s UTC day for `DAYS_AHEAD` days, from the zone's offset
/// at any instant (`offset`, in minutes east). The same for every request of a day, so a kept
/// or cached answer stays the same all day.
pub fn spans_from_today(now: i64, offset: impl Fn(i64) -> i32) -> Vec<OffsetSpan> {
    let from = now - now.rem_euclid(DAY);
    let until = from + DAYS_AHEAD * DAY;
    let mut spans = Vec::new();
    let (mut begun, mut east_min, mut looked) = (from, offset(from), from);
    while looked < until {
        let next = (looked + LOOK_EVERY).min(until);
        if offset(next) == east_min {
            looked = next;
            continue;
        }
        // The first second with the new offset, between `looked` (old) and `next` (new).
        let (mut old, mut new) = (looked, next);
        while new - old > 1 {
            let mid = old + (new - old) / 2;
            if offset(mid) == east_min {
                old = mid;
            } else {
                new = mid;
            }
        }
        spans.push(OffsetSpan {
            from: begun,
            until: new,
            east_min,
        });
        (begun, east_min, looked) = (new, offset(new), new);
    }
    spans.push(OffsetSpan {
        from: begun,
        until,
        east_min,
    });
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    // 2026-12-04T00:00:00Z
    const DEC_4: i64 = 1_796_342_400;

    #[test]
    fn a_zone_that_keeps_its_offset_has_one_span_from_the_start_of_the_day_for_fifteen_days() {
        let spans = spans_from_today(DEC_4 + 13 * 3_600 + 7, |_| 345);
        assert_eq!(
            spans,
            vec![OffsetSpan {
                from: DEC_4,
                until: DEC_4 + 15 * 86_400,
                east_min: 345
            }]
        );
    }

    #[test]
    fn a_change_of_offset_is_found_to_the_second() {
        let change = DEC_4 + 3 * 86_400 + 22 * 3_600 + 17;
        let spans = spans_from_today(DEC_4, |t| if t < change { 120 } else { 180 });
        assert_eq!(
            spans,
            vec![
                OffsetSpan {
                    from: DEC_4,
                    until: change,
                    east_min: 120
                },
                OffsetSpan {
                    from: change,
                    until: DEC_4 + 15 * 86_400,
                    east_min: 180
                },
            ]
        );
    }

    #[test]
    fn the_offset_is_read_inside_a_span_and_none_outside_every_span() {
        let spans = [
            OffsetSpan {
                from: 100,
                until: 200,
                east_min: 120,
            },
            OffsetSpan {
                from: 200,
                until: 300,
                east_min: 180,
            },
        ];
        assert_eq!(offset_at(&spans, 99), None);
        assert_eq!(offset_at(&spans, 100), Some(120));
        assert_eq!(offset_at(&spans, 199), Some(120));
        assert_eq!(offset_at(&spans, 200), Some(180));
        assert_eq!(offset_at(&spans, 300), None);
    }

    #[test]
    fn a_span_goes_on_the_wire_in_camel_case_and_a_state_without_spans_still_reads() {
        let span = OffsetSpan {
            from: 1,
            until: 2,
            east_min: -210,
        };
        assert_eq!(
            serde_json::to_string(&span).unwrap(),
            r#"{"from":1,"until":2,"eastMin":-210}"#
        );
        let older: crate::states::State = serde_json::from_str(
            r#"{"code":"IN","name":"India","capital":"New Delhi","timeZone":"Asia/Kolkata",
                "currency":"INR","currencyName":"Indian rupee","status":"member","formerStatus":null}"#,
        )
        .unwrap();
        assert!(older.offsets.is_empty());
    }
}
