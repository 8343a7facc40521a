use axum::Json;
use axum::extract::State;
use chrono::{DateTime, Offset, TimeZone, Utc};
use infoshos_model::State as ScoState;
use infoshos_model::state_names;
use infoshos_model::zone_offsets::{OffsetSpan, spans_from_today};
use serde::Deserialize;

use super::articles::parse_lang;
use crate::error::{AppError, QueryParams};
use crate::state::AppState;

#[derive(Deserialize)]
pub struct StatesParams {
    lang: Option<String>,
}

/// The 27 states, their names, capitals and currencies in the edition's language (English
/// when none is named), and each capital's UTC offsets for the days ahead.
pub async fn list(
    State(state): State<AppState>,
    QueryParams(p): QueryParams<StatesParams>,
) -> Result<Json<Vec<ScoState>>, AppError> {
    let lang = parse_lang(p.lang.as_deref())?;
    let mut states = state.storage.states().await?;
    let now = Utc::now().timestamp();
    for s in &mut states {
        s.offsets = offsets_of(&s.time_zone, now);
        if let Some((name, capital, currency)) = state_names::in_lang(lang, &s.code) {
            s.name = name.into();
            s.capital = capital.into();
            s.currency_name = currency.into();
        }
    }
    Ok(Json(states))
}

/// The zone's offsets from the start of today (`zone_offsets`), from chrono-tz; none for a zone
/// it does not know (the browser then asks its own `Intl`, the server writes a dash).
fn offsets_of(zone: &str, now: i64) -> Vec<OffsetSpan> {
    let Ok(tz) = zone.parse::<chrono_tz::Tz>() else {
        return Vec::new();
    };
    spans_from_today(now, |at| {
        let at = DateTime::from_timestamp(at, 0)
            .unwrap_or_default()
            .naive_utc();
        tz.offset_from_utc_datetime(&at).fix().local_minus_utc() / 60
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cairo_moves_its_clocks_on_in_april_and_kathmandu_keeps_its_quarter_hour() {
        // 2026-04-20T09:00:00Z; Egypt's summer time began at midnight, Friday 24 April 2026.
        let spans = offsets_of("Africa/Cairo", 1_776_675_600);
        let midnight_in_cairo = 1_776_981_600; // 2026-04-23T22:00:00Z
        assert_eq!(
            spans,
            vec![
                OffsetSpan {
                    from: 1_776_643_200,
                    until: midnight_in_cairo,
                    east_min: 120
                },
                OffsetSpan {
                    from: midnight_in_cairo,
                    until: 1_776_643_200 + 15 * 86_400,
                    east_min: 180
                },
            ]
        );
        assert_eq!(offsets_of("Asia/Kathmandu", 1_776_675_600)[0].east_min, 345);
        assert_eq!(offsets_of("Atlantis/Capital", 1_776_675_600), Vec::new());
    }
}
