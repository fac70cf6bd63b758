//! Sources a court accepts (#18 item 3). Every source address cited by a built-in data file
//! (`sources = [...]` on versions, readings, rules, systems, guidelines, cases…) is
//! classified by the vocabulary's `[[source]]` prefixes; none may be in a banned class
//! (a dictionary, a document-sharing site, an unrelated foreign gazette).
//!
//! An unclassified source fails this test rather than the loading of the data: a data
//! folder of the user's own (`--data-dir`) may cite sources this vocabulary does not
//! know, and a lawyer would rather see them listed as "unclassified" than lose the whole
//! analysis; the data shipped with the program is held to the rule here.

use std::path::Path;

use qualif::law::LawBook;

/// Every `sources` address of a TOML value, with the place it was found.
fn collect(v: &toml::Value, at: &str, out: &mut Vec<(String, String)>) {
    match v {
        toml::Value::Table(t) => {
            for (k, v) in t {
                if k == "sources" {
                    if let toml::Value::Array(a) = v {
                        for u in a.iter().filter_map(toml::Value::as_str) {
                            out.push((at.to_string(), u.to_string()));
                        }
                    }
                } else {
                    collect(v, &format!("{at}.{k}"), out);
                }
            }
        }
        toml::Value::Array(a) => {
            for (i, v) in a.iter().enumerate() {
                collect(v, &format!("{at}[{i}]"), out);
            }
        }
        _ => {}
    }
}

fn cited() -> Vec<(String, String)> {
    let mut out = Vec::new();
    for dir in ["jurisdictions", "guidelines"] {
        let mut files: Vec<_> = std::fs::read_dir(Path::new(dir))
            .unwrap()
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "toml"))
            .collect();
        files.sort();
        for f in files {
            let text = std::fs::read_to_string(&f).unwrap();
            let value: toml::Value = toml::from_str(&text).unwrap();
            collect(&value, &f.display().to_string(), &mut out);
        }
    }
    out
}

#[test]
fn every_source_of_the_data_is_classified_and_none_is_banned() {
    let book = LawBook::builtin().expect("the built-in data loads");
    let classes = &book.vocabulary.sources;
    let cited = cited();
    assert!(cited.len() > 1000, "only {} sources found", cited.len());
    let mut unclassified = Vec::new();
    let mut banned = Vec::new();
    for (at, url) in &cited {
        match classes.classify(url) {
            None => unclassified.push(format!("{at}: {url}")),
            Some(c) if c.banned => banned.push(format!("{at}: {url} ({})", c.id)),
            Some(_) => {}
        }
    }
    unclassified.dedup();
    assert!(
        unclassified.is_empty(),
        "{} sources no `[[source]]` prefix of jurisdictions/vocabulary.toml classifies:\n{}",
        unclassified.len(),
        unclassified.join("\n")
    );
    assert!(
        banned.is_empty(),
        "{} sources of a banned class (replace each with the authority it stood for, or drop it and lower the label):\n{}",
        banned.len(),
        banned.join("\n")
    );
}

#[test]
fn the_banned_classes_are_declared_and_recognised() {
    let book = LawBook::builtin().unwrap();
    let classes = &book.vocabulary.sources;
    for (url, class) in [
        (
            "http://wordscope.be/francais/neerlandais/x.html",
            "dictionary",
        ),
        ("https://studylib.net/doc/1/x", "document_sharing"),
        ("https://paperzz.com/doc/1/x", "document_sharing"),
        (
            "http://www.gazzettaufficiale.it/atto/serie_generale/x",
            "unrelated_gazette",
        ),
        (
            "https://debates.parlamento.pt/catalogo/r3/dar/x",
            "unrelated_gazette",
        ),
    ] {
        let c = classes.classify(url).expect("classified");
        assert_eq!(c.id, class, "{url}");
        assert!(c.banned, "{class} must be banned");
    }
    for (url, class) in [
        (
            "https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000043409305",
            "official_text",
        ),
        (
            "https://github.com/francois76/legifrance/blob/x/code_penal.md",
            "official_mirror",
        ),
        ("https://scc-csc.gc.ca/case-dossier/x", "court"),
        ("https://www.brusselstimes.com/news/1", "press"),
        ("https://www.doctrine.fr/l/texts/x", "secondary"),
    ] {
        assert_eq!(
            classes.classify(url).map(|c| c.id.as_str()),
            Some(class),
            "{url}"
        );
    }
}
