//! Tests of case files: fact slots, bounded suggestions, dates read and written.

use super::suggest::closest_counting;
use super::*;

/// Each fact comes with its position in the vocabulary, whether the file states it or
/// it is derived (an age from a birth date, the age gap), also after a fact is set.
#[test]
fn facts_carry_their_position_in_the_vocabulary() {
    let book = crate::law::LawBook::builtin().unwrap();
    let vocab = &book.vocabulary;
    let today = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap();
    let text = "version = 1\n[case]\ndate_of_facts = \"2020-05-01\"\ntitle = \"t\"\n\
                    [victim]\nbirth_date = \"2008-02-01\"\n[offender]\nage = 40\n";
    let source = SourceText::new("case.toml", text);
    let mut case = Case::parse(&source, vocab, today).unwrap();
    let looked_up = |case: &Case| -> Vec<(usize, Value)> {
        case.iter()
            .filter_map(|(k, v)| vocab.slot(k).map(|i| (i, v.clone())))
            .collect()
    };
    let carried = |case: &Case| -> Vec<(usize, Value)> {
        case.iter_with_slots()
            .filter_map(|(_, i, v)| i.map(|i| (i, v.clone())))
            .collect()
    };
    assert!(case.is_known("victim.age") && case.is_known("derived.age_gap"));
    assert_eq!(carried(&case), looked_up(&case));
    assert_eq!(carried(&case).len(), case.iter().count());
    case.set("victim.birth_date", None, vocab, today);
    case.set("victim.age", Some(Value::Int(12)), vocab, today);
    assert_eq!(carried(&case), looked_up(&case));
    assert!(case.is_known("derived.age_gap"));
}

/// The "did you mean" search does bounded work whatever the length of the unknown key:
/// a key far longer than any accepted one is compared with none (a 500 KB key took 8.7 s
/// in a debug build when it was compared with every key of its section), and a key of
/// ordinary length is compared with each candidate at most once.
#[test]
fn a_suggestion_does_bounded_work_whatever_the_key() {
    let book = crate::law::LawBook::builtin().unwrap();
    let keys = book.vocabulary.keys_of("victim");
    let longest = keys.iter().map(|k| k.chars().count()).max().unwrap();
    let bound = keys.len() * (longest + 16) * longest;
    assert_eq!(closest_counting("agee", &keys).0, Some("age"));
    assert!(closest_counting("agee", &keys).1 <= bound);
    for n in [100, 10_000, 500_000] {
        let (suggestion, cells) = closest_counting(&"a".repeat(n), &keys);
        assert_eq!(suggestion, None, "{n}");
        assert_eq!(cells, 0, "a key of {n} characters is compared with no key");
    }
    // Just longer than the candidates accept: still no table computed.
    let long = format!("{}xxxxxxxxxxxxxxxxxxxx", keys[0]);
    assert!(closest_counting(&long, &keys).1 <= bound);
}

#[test]
fn dates_read_directly_are_those_chrono_reads() {
    let chrono = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
    let years = [
        "0000", "0001", "1600", "1900", "1999", "2000", "2004", "2023", "2100", "9999",
    ];
    for y in years {
        for m in 0..=13 {
            for d in 0..=32 {
                let s = format!("{y}-{m:02}-{d:02}");
                assert_eq!(parse_date(&s), chrono(&s), "{s}");
            }
        }
    }
    for s in [
        "2023-5-10x",
        "02023-5-10",
        "+2023-5-10",
        "2023-05-1 ",
        " 2023-05-1",
        "2023/05/10",
    ] {
        assert_eq!(parse_date(s), chrono(s), "{s}");
    }
}

#[test]
fn dates_are_written_as_chrono_writes_them() {
    for (y, m, d) in [
        (0, 1, 1),
        (7, 3, 9),
        (999, 12, 31),
        (2024, 2, 29),
        (9999, 12, 31),
        (10000, 1, 1),
        (-1, 6, 15),
        (99999, 1, 1),
    ] {
        let date = NaiveDate::from_ymd_opt(y, m, d).unwrap();
        let chrono = date.format("%Y-%m-%d").to_string();
        assert_eq!(format_date(date).as_str(), chrono);
        assert_eq!(format_date(date).to_string(), chrono);
        assert_eq!(date.to_string(), chrono);
        assert_eq!(
            serde_json::to_string(&format_date(date)).unwrap(),
            serde_json::to_string(&date).unwrap()
        );
    }
    // The first and the last dates chrono knows: the longest texts.
    for date in [NaiveDate::MIN, NaiveDate::MAX] {
        assert_eq!(
            format_date(date).as_str(),
            date.format("%Y-%m-%d").to_string()
        );
    }
}

proptest::proptest! {
    /// Any date chrono knows, as its `%Y-%m-%d` writes it, in every year.
    #[test]
    fn any_date_is_written_as_chrono_writes_it(
        days in NaiveDate::MIN.num_days_from_ce()..=NaiveDate::MAX.num_days_from_ce()
    ) {
        let date = NaiveDate::from_num_days_from_ce_opt(days).expect("a date");
        proptest::prop_assert_eq!(
            format_date(date).to_string(),
            date.format("%Y-%m-%d").to_string()
        );
    }
}

/// A case's list of facts, kept when the case is dropped for the next case read on the
/// thread, holds none of the dropped case's facts; a copy of a case is read alike.
#[test]
fn a_list_kept_for_the_next_case_starts_empty() {
    let book = crate::law::LawBook::builtin().unwrap();
    let vocab = &book.vocabulary;
    let today = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap();
    let read = |text: &str| Case::parse(&SourceText::new("c.toml", text), vocab, today).unwrap();
    let full = "[victim]\nage = 9\n[offender]\nage = 40\n[case]\nplace = \"FR\"\n";
    for _ in 0..(2 * SPARE_MOST_FOR_TESTS) {
        let a = read(full);
        let copy = a.clone();
        assert_eq!(a.iter().count(), 4, "{a:?}");
        drop(a);
        drop(copy);
        let empty = read("version = 1\n");
        assert_eq!(empty.iter().count(), 0, "{empty:?}");
        assert_eq!(read(full), read(full));
    }
}
