//! The rules of a draft: what publishing needs, what keeping needs, when it may be scheduled.

use super::*;

fn draft() -> Draft {
    Draft {
        title: "Council meets in Tashkent".into(),
        summary: "A short lead.".into(),
        body: "<p>Text</p>".into(),
        countries: vec!["UZ".into()],
        section: Some(Section::Politics),
        ..Draft::default()
    }
}

#[test]
fn a_complete_draft_passes() {
    assert_eq!(validate_draft(&draft()), Ok(()));
}

#[test]
fn every_field_is_reported_at_once() {
    let d = Draft {
        slug: Some("Not A Slug".into()),
        title: "  ".into(),
        summary: "x".repeat(SUMMARY_MAX + 1),
        body: String::new(),
        countries: vec!["uz".into()],
        ..Draft::default()
    };
    let problems = validate_draft(&d).unwrap_err();
    assert_eq!(problems["slug"], DraftProblem::BadSlug);
    assert_eq!(problems["title"], DraftProblem::Field(Problem::Required));
    assert_eq!(
        problems["summary"],
        DraftProblem::Field(Problem::TooLong { max: SUMMARY_MAX })
    );
    assert_eq!(problems["body"], DraftProblem::Field(Problem::Required));
    assert_eq!(problems["countries"], DraftProblem::BadCountry("uz".into()));
    assert_eq!(problems["section"], DraftProblem::Field(Problem::Required));
}

#[test]
fn an_article_is_scheduled_after_now_and_within_a_year() {
    let now = DateTime::parse_from_rfc3339("2026-11-30T12:00:00Z")
        .unwrap()
        .with_timezone(&Utc);
    let minute = chrono::Duration::minutes(1);
    assert_eq!(schedule_problem(now + minute, now), None);
    assert_eq!(
        schedule_problem(now, now),
        Some(DraftProblem::ScheduleInPast)
    );
    assert_eq!(
        schedule_problem(now - minute, now),
        Some(DraftProblem::ScheduleInPast)
    );
    let year = chrono::Duration::days(SCHEDULE_DAYS_MAX);
    assert_eq!(schedule_problem(now + year, now), None);
    assert_eq!(
        schedule_problem(now + year + minute, now),
        Some(DraftProblem::ScheduleTooFar)
    );
}

#[test]
fn a_draft_to_keep_needs_only_a_headline_and_no_field_too_long() {
    let bare = Draft {
        title: "Working title".into(),
        ..Draft::default()
    };
    assert_eq!(validate_draft_to_keep(&bare), Ok(()));
    assert!(validate_draft(&bare).is_err(), "not enough to publish");
    let untitled = Draft::default();
    assert_eq!(
        validate_draft_to_keep(&untitled).unwrap_err()["title"],
        DraftProblem::Field(Problem::Required)
    );
    let long = Draft {
        summary: "x".repeat(SUMMARY_MAX + 1),
        countries: vec!["uz".into()],
        ..bare
    };
    let problems = validate_draft_to_keep(&long).unwrap_err();
    assert_eq!(problems.len(), 2, "{problems:?}");
}

#[test]
fn the_most_read_lists_address_is_no_articles() {
    let d = Draft {
        slug: Some("most-read".into()),
        ..draft()
    };
    assert_eq!(
        validate_draft(&d).unwrap_err()["slug"],
        DraftProblem::SlugTaken
    );
    assert_eq!(slug_from_title("Most read!"), None);
    assert_eq!(
        slug_from_title("Most read stories").as_deref(),
        Some("most-read-stories")
    );
}

#[test]
fn a_title_is_one_line() {
    let d = Draft {
        title: "Two\nlines".into(),
        ..draft()
    };
    assert_eq!(
        validate_draft(&d).unwrap_err()["title"],
        DraftProblem::Field(Problem::ControlCharacters)
    );
}

#[test]
fn slugs_come_from_latin_words_of_the_title() {
    assert_eq!(
        slug_from_title("SCO summit: 2025, Tianjin!").as_deref(),
        Some("sco-summit-2025-tianjin")
    );
    assert_eq!(slug_from_title("Саммит ШОС"), None);
    let long = slug_from_title(&"word ".repeat(100)).unwrap();
    assert!(is_slug(&long) && long.len() <= SLUG_MAX, "{long}");
}

#[test]
fn slug_rules() {
    assert!(is_slug("rats-council-2025"));
    for bad in ["", "-a", "a-", "A", "a b", "a/b", "é"] {
        assert!(!is_slug(bad), "{bad}");
    }
}
