//! Tests of the vocabulary: country codes, key hashing, stated facts by section.

#[test]
fn the_country_set_holds_the_listed_codes() {
    let book = crate::law::LawBook::builtin().unwrap();
    let v = &book.vocabulary;
    let listed = |code: &str| v.countries.iter().any(|c| c == code);
    for a in b'A'..=b'Z' {
        for b in b'A'..=b'Z' {
            let code = String::from_utf8(vec![a, b]).unwrap();
            assert_eq!(v.country_set.contains(&code), listed(&code), "{code}");
        }
    }
    for odd in ["", "F", "fr", "Fr", "FRA", "É", "@A", "[Z"] {
        assert!(!v.country_set.contains(odd), "{odd}");
    }
}

#[test]
fn keys_hash_apart() {
    let book = crate::law::LawBook::builtin().unwrap();
    let v = &book.vocabulary;
    for (i, f) in v.facts.iter().enumerate() {
        assert_eq!(v.slot(&f.key), Some(i));
    }
    assert_eq!(v.slot("victim.agee"), None);
    assert_eq!(v.slot(""), None);
}

/// A fact found by its section and name is the fact its dotted key names, unless the
/// vocabulary derives it (a case file never states a derived fact).
#[test]
fn a_stated_fact_is_found_by_section_and_name() {
    let book = crate::law::LawBook::builtin().unwrap();
    let v = &book.vocabulary;
    let as_dotted = |section: &str, key: &str| {
        v.slot(&format!("{section}.{key}"))
            .filter(|&i| !v.facts[i].derived)
    };
    let by_name =
        |section: &str, key: &str| v.section_id(section).and_then(|id| v.stated_slot(id, key));
    let mut derived = 0;
    for f in &v.facts {
        let (section, key) = f.key.split_once('.').unwrap();
        assert_eq!(by_name(section, key), as_dotted(section, key), "{}", f.key);
        derived += usize::from(f.derived);
    }
    assert!(derived > 0, "the test meets a derived fact");
    for (section, key) in [
        ("victim", "agee"),
        ("victim", ""),
        ("", "age"),
        ("victim.age", ""),
    ] {
        assert_eq!(by_name(section, key), None);
    }
    for section in v.sections() {
        assert!(v.section_id(section).is_some());
    }
}

/// Facts are put in key order by their ranks: the order of their keys' texts.
#[test]
fn ranks_follow_the_order_of_the_keys() {
    let book = crate::law::LawBook::builtin().unwrap();
    let v = &book.vocabulary;
    for (i, a) in v.facts.iter().enumerate() {
        for (j, b) in v.facts.iter().enumerate() {
            assert_eq!(v.key_rank(i).cmp(&v.key_rank(j)), a.key.cmp(&b.key));
        }
    }
}
