//! `docs/case-format.md` is the project's specification of the case file. Its tables of
//! sections, keys, types and values are generated from `jurisdictions/vocabulary.toml`:
//! this test generates them again and fails when the document differs, so the two never
//! drift apart. Run with `UPDATE_CASE_FORMAT_DOC=1` to rewrite the tables (the prose
//! around them is kept), then review the diff.

use qualif::diagnostics::SourceText;
use qualif::facts::{FactDef, FactType, PresumedValue, Vocabulary};

const DOC: &str = "docs/case-format.md";
const BEGIN: &str = "<!-- BEGIN TABLES: generated from jurisdictions/vocabulary.toml by tests/case_format_doc.rs; do not edit by hand -->";
const END: &str = "<!-- END TABLES -->";

fn vocabulary() -> Vocabulary {
    let text = std::fs::read_to_string("jurisdictions/vocabulary.toml").unwrap();
    Vocabulary::parse(&SourceText::new("vocabulary.toml", text)).expect("the vocabulary loads")
}

/// A cell of a Markdown table: no line break, no bare `|`.
fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

fn type_text(f: &FactDef) -> String {
    let range = match (f.min, f.max) {
        (Some(lo), Some(hi)) => format!(", {lo} to {hi}"),
        (Some(lo), None) => format!(", at least {lo}"),
        (None, Some(hi)) => format!(", at most {hi}"),
        (None, None) => String::new(),
    };
    match f.ty {
        FactType::Bool => "bool (`true` or `false`)".to_string(),
        FactType::Integer => match &f.at_least {
            Some(a) => format!(
                "integer{range}, or `\"{}\"` (a number known only to be at least {}; in JSON output `{{\"at_least\": {}}}`)",
                a.id, a.min, a.min
            ),
            None => format!("integer{range}"),
        },
        FactType::Number => format!("number{range}"),
        FactType::Date => "date (`YYYY-MM-DD`)".to_string(),
        FactType::Text => "string".to_string(),
        FactType::Country => "country (ISO 3166-1 alpha-2)".to_string(),
        FactType::Countries => "list of countries (ISO 3166-1 alpha-2)".to_string(),
        FactType::Enum => "enum (one value)".to_string(),
        FactType::EnumList => "list of enum values".to_string(),
    }
}

fn values_text(f: &FactDef) -> String {
    if !matches!(f.ty, FactType::Enum | FactType::EnumList) {
        return String::new();
    }
    // Long lists (currencies) are named, not copied.
    if f.values.len() > 40 {
        return format!(
            "{} codes, listed in `jurisdictions/vocabulary.toml` (`{}`)",
            f.values.len(),
            f.key
        );
    }
    f.values
        .iter()
        .map(|v| {
            let label = f.value_label(v, "en");
            if label == v {
                format!("`{v}`")
            } else {
                format!("`{v}` ({label})")
            }
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn meaning(f: &FactDef) -> String {
    let mut out = f.label.en.clone();
    if let Some(h) = &f.help {
        out = format!("{out}: {}", h.en);
    }
    let mut flags = Vec::new();
    if f.free_text {
        flags.push("free text, dropped by `--redact`".to_string());
    }
    if f.identifying {
        flags.push("identifying, dropped by `--redact`".to_string());
    }
    if !f.asked() {
        flags.push("not asked by the interview".to_string());
    }
    if let Some(from) = &f.period_from {
        flags.push(format!(
            "in the interview, a period typed `FIRST..LAST` as this answer also sets `{from}` to FIRST (in a case file, write both keys)"
        ));
    }
    if let Some(p) = &f.presumed {
        let value = match &p.value {
            PresumedValue::Bool(b) => b.to_string(),
            PresumedValue::Int(i) => i.to_string(),
            PresumedValue::Number(n) => n.to_string(),
            PresumedValue::Text(t) => format!("\"{t}\""),
        };
        flags.push(format!(
            "**presumed** `{value}` when `{}` and the case does not state it ({})",
            p.when, p.note.en
        ));
    }
    if flags.is_empty() {
        out
    } else {
        format!("{out} — {}", flags.join("; "))
    }
}

/// The generated part of the document.
fn tables(v: &Vocabulary) -> String {
    let mut out = String::new();
    let mut sections: Vec<&str> = Vec::new();
    for f in v.facts.iter().filter(|f| !f.derived) {
        if !sections.contains(&f.section()) {
            sections.push(f.section());
        }
    }
    for section in sections {
        out.push_str(&format!("\n### `[{section}]`\n\n"));
        out.push_str("| key | type | values | meaning |\n|---|---|---|---|\n");
        for f in v
            .facts
            .iter()
            .filter(|f| !f.derived && f.section() == section)
        {
            out.push_str(&format!(
                "| `{}` | {} | {} | {} |\n",
                f.name(),
                cell(&type_text(f)),
                cell(&values_text(f)),
                cell(&meaning(f))
            ));
        }
    }
    let derived: Vec<&FactDef> = v.facts.iter().filter(|f| f.derived).collect();
    if !derived.is_empty() {
        out.push_str("\n### Derived facts (computed, never written in a case file)\n\n");
        out.push_str("| key | type | meaning |\n|---|---|---|\n");
        for f in derived {
            out.push_str(&format!(
                "| `{}` | {} | {} |\n",
                f.key,
                cell(&type_text(f)),
                cell(&meaning(f))
            ));
        }
    }
    let presumed: Vec<&FactDef> = v.facts.iter().filter(|f| f.presumed.is_some()).collect();
    out.push_str("\n### Presumptions\n\n");
    out.push_str("| key | presumed value | when | why |\n|---|---|---|---|\n");
    for f in presumed {
        let p = f.presumed.as_ref().unwrap();
        let value = match &p.value {
            PresumedValue::Bool(b) => b.to_string(),
            PresumedValue::Int(i) => i.to_string(),
            PresumedValue::Number(n) => n.to_string(),
            PresumedValue::Text(t) => format!("\"{t}\""),
        };
        out.push_str(&format!(
            "| `{}` | `{value}` | `{}` | {} |\n",
            f.key,
            cell(&p.when),
            cell(&p.note.en)
        ));
    }
    out.push_str(&format!(
        "\n### Countries\n\nA country is one of the {} ISO 3166-1 alpha-2 codes listed at the top of `jurisdictions/vocabulary.toml`.\n",
        v.countries.len()
    ));
    out
}

#[test]
fn the_case_format_document_matches_the_vocabulary() {
    let doc = std::fs::read_to_string(DOC).unwrap_or_default();
    let generated = tables(&vocabulary());
    let (head, rest) = doc.split_once(BEGIN).unwrap_or((&doc, ""));
    let tail = rest.split_once(END).map(|(_, t)| t).unwrap_or("\n");
    let expected = format!("{head}{BEGIN}\n{generated}\n{END}{tail}");
    if std::env::var_os("UPDATE_CASE_FORMAT_DOC").is_some() {
        std::fs::write(DOC, &expected).unwrap();
        return;
    }
    assert!(
        doc == expected,
        "{DOC} differs from the tables generated from jurisdictions/vocabulary.toml: run `UPDATE_CASE_FORMAT_DOC=1 cargo test --test case_format_doc` and review the diff"
    );
}

#[test]
fn the_document_names_what_the_issue_requires() {
    let doc = std::fs::read_to_string(DOC).unwrap();
    for needle in [
        "`deception`",
        "victim.fictitious",
        "**presumed** `false`",
        "A fact you leave out is unknown",
    ] {
        assert!(doc.contains(needle), "{DOC} lacks {needle}");
    }
}

#[test]
fn the_example_of_the_document_is_a_valid_case() {
    let doc = std::fs::read_to_string(DOC).unwrap();
    let example = doc
        .split("```toml\n")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .expect("an example in a toml block");
    let vocabulary = vocabulary();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 7).unwrap();
    let case = qualif::facts::Case::parse(
        &SourceText::new("example.toml", example),
        &vocabulary,
        today,
    );
    assert!(case.is_ok(), "the example does not load: {:?}", case.err());
}
