//! The Timestamp rule against tables and against an independent calendar.
#![cfg(not(target_arch = "wasm32"))]

use chrono::NaiveDate;
use membrane_agent_session::is_timestamp;

#[test]
fn documented_edge_cases() {
    let valid = [
        "2024-02-29T00:00Z",
        "2000-02-29T00:00Z",
        "0000-02-29T00:00Z",
        "2400-02-29T12:34Z",
        "1996-02-29T23:59:59Z",
        "2024-01-31T09:30Z",
        "2024-01-31T09:30:00Z",
        "2024-01-31T09:30:00.1Z",
        "2024-01-31T09:30:00.123456789012345Z",
        "9999-12-31T23:59:59.999Z",
        "0000-01-01T00:00Z",
    ];
    for text in valid {
        assert!(is_timestamp(text), "{text:?} should be a timestamp");
    }
    let invalid = [
        "2023-02-29T00:00Z",
        "1900-02-29T00:00Z",
        "2100-02-29T00:00Z",
        "2024-02-30T00:00Z",
        "2024-04-31T00:00Z",
        "2024-13-01T00:00Z",
        "2024-00-10T00:00Z",
        "2024-01-00T00:00Z",
        "2024-01-31T24:00Z",
        "2024-01-31T23:60Z",
        "2024-01-31T23:59:60Z",
        "2024-01-31T09:30:00.Z",
        "2024-01-31T09:30.5Z",
        "2024-01-31T09Z",
        "2024-01-31T09:30",
        "2024-01-31T09:30:00",
        "2024-01-31T09:30+00:00",
        "2024-01-31T09:30:00+01:00",
        "2024-01-31T09:30:00-00:00",
        "2024-01-31t09:30Z",
        "2024-01-31T09:30z",
        "2024-01-31 09:30Z",
        "2024-01-31T09:30Z\n",
        "\n2024-01-31T09:30Z",
        " 2024-01-31T09:30Z",
        "2024-01-31T09:30Z ",
        "2024-01-31",
        "24-01-31T09:30Z",
        "+002024-01-31T09:30Z",
        "2024-1-31T09:30Z",
        "２０２４-01-31T09:30Z",
        "2024-01-31T0٢:30Z",
        "202৪-01-31T09:30Z",
        "2024-01-31T09:30:00,5Z",
        "2024-01-31T09:30Z\0",
        "",
        "Z",
    ];
    for text in invalid {
        assert!(!is_timestamp(text), "{text:?} should not be a timestamp");
    }
}

#[test]
fn every_calendar_day_agrees_with_chrono() {
    let mut checked = 0;
    for year in 0..=9999 {
        for month in 0..=13u32 {
            for day in 0..=32u32 {
                let text = format!("{year:04}-{month:02}-{day:02}T00:00Z");
                let real = NaiveDate::from_ymd_opt(year, month, day).is_some();
                assert_eq!(is_timestamp(&text), real, "{text}");
                checked += 1;
            }
        }
    }
    assert_eq!(checked, 10_000 * 14 * 33);
}

#[test]
fn every_time_of_day_agrees_with_the_clock() {
    for hour in 0..=25u32 {
        for minute in 0..=61u32 {
            let real = hour < 24 && minute < 60;
            let short = format!("2024-06-15T{hour:02}:{minute:02}Z");
            assert_eq!(is_timestamp(&short), real, "{short}");
            for second in [0u32, 30, 59, 60, 61] {
                let long = format!("2024-06-15T{hour:02}:{minute:02}:{second:02}.5Z");
                assert_eq!(is_timestamp(&long), real && second < 60, "{long}");
            }
        }
    }
}

#[test]
fn fractions_of_any_length() {
    for digits in 1..=40 {
        let text = format!("2024-06-15T10:11:12.{}Z", "7".repeat(digits));
        assert!(is_timestamp(&text), "{text}");
    }
}

#[test]
fn single_character_edits_of_a_valid_timestamp_are_checked_exactly() {
    // Replacing any digit by a non-ASCII digit or letter must fail.
    let base = "2024-02-29T12:34:56.789Z";
    for (at, ch) in base.char_indices() {
        if !ch.is_ascii_digit() {
            continue;
        }
        for replacement in ['٢', '২', '２', 'a', ' ', 'Z'] {
            let mut text = base.to_owned();
            text.replace_range(at..at + 1, &replacement.to_string());
            assert!(!is_timestamp(&text), "{text:?}");
        }
    }
}
