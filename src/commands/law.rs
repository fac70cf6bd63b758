//! `qualif law list | show | validate`.

use std::path::Path;

use crate::cli::{Format, LawCommand};
use crate::diagnostics::{Error, Result};
use crate::law::{LawBook, Verification};
use crate::report::law_text;

pub fn run(data_dir: Option<&Path>, cmd: LawCommand) -> Result<u8> {
    match cmd {
        LawCommand::Validate { dir, lang } => validate(dir.as_deref().or(data_dir), lang),
        LawCommand::List {
            system,
            format,
            lang,
        } => {
            let book = super::load_book(&data_dir.map(Path::to_path_buf))?;
            if let Some(s) = &system {
                if book.system(s).is_none() {
                    return Err(unknown_system(book, s, lang));
                }
            }
            let text = match format {
                Format::Json => {
                    serde_json::to_string_pretty(&law_text::list_json(book, system.as_deref()))
                        .expect("JSON values serialise")
                }
                _ => law_text::list_table(book, system.as_deref(), lang.code()),
            };
            super::print(&text)?;
            Ok(0)
        }
        LawCommand::Show { id, format, lang } => {
            let book = super::load_book(&data_dir.map(Path::to_path_buf))?;
            if let Some((s, p)) = book.provision(&id) {
                let text = match format {
                    Format::Json => serde_json::to_string_pretty(&law_text::provision_json(s, p))
                        .expect("JSON values serialise"),
                    _ => law_text::provision_text(s, p, lang.code()),
                };
                super::print(&text)?;
                return Ok(0);
            }
            if let Some(s) = book.system(&id) {
                super::print(&law_text::system_text(s, lang.code()))?;
                return Ok(0);
            }
            Err(Error::Usage(msg!(
                lang,
                "command-no-provision-or-system",
                id = id
            )))
        }
    }
}

fn unknown_system(book: &LawBook, s: &str, lang: crate::cli::Lang) -> Error {
    let ids: Vec<&str> = book.systems.iter().map(|s| s.id.as_str()).collect();
    Error::Usage(msg!(
        lang,
        "command-unknown-system",
        system = s,
        accepted = ids.join(", ")
    ))
}

/// Checks the data: exit 0 when clean, 1 when the files have errors, 2 when the folder
/// cannot be read at all.
fn validate(dir: Option<&Path>, lang: crate::cli::Lang) -> Result<u8> {
    let loaded = match dir {
        Some(d) => match crate::law::read_data_dir(d) {
            Ok(files) => LawBook::from_sources(files),
            // A folder that holds unreadable files (not UTF-8, too large) or no vocabulary
            // is data with errors (1); a folder that cannot be read at all is bad input (2).
            Err(problems) if d.is_dir() => Err(problems),
            Err(problems) => return Err(Error::Input(problems)),
        },
        None => LawBook::builtin(),
    };
    // The guideline files are checked against the vocabulary once it has loaded.
    let loaded = loaded.and_then(|book| {
        let scales = match dir {
            Some(d) => crate::scale::Scales::from_dir(d, &book.vocabulary),
            None => crate::scale::Scales::builtin(&book.vocabulary),
        };
        scales.map(|scales| (book, scales))
    });
    match loaded {
        Ok((book, scales)) => {
            let limitations: usize = book.systems.iter().map(|s| s.limitations.len()).sum();
            let jurisdictions: usize = book.systems.iter().map(|s| s.jurisdictions.len()).sum();
            let mut provisions = 0;
            let mut versions = 0;
            let mut unverified = 0;
            let mut secondary = 0;
            for s in &book.systems {
                provisions += s.provisions.len();
                for p in &s.provisions {
                    for v in &p.versions {
                        versions += 1;
                        match v.verification {
                            Verification::Unverified => unverified += 1,
                            Verification::VerifiedSecondary => secondary += 1,
                            Verification::VerifiedPrimary => {}
                        }
                    }
                }
            }
            let ids: Vec<&str> = book.systems.iter().map(|s| s.id.as_str()).collect();
            super::print(&msg!(
                lang,
                "command-validate-ok",
                systems = book.systems.len(),
                ids = ids.join(", "),
                provisions = provisions,
                versions = versions,
                unverified = unverified,
                secondary = secondary,
                limitations = limitations,
                jurisdictions = jurisdictions,
                scales = scales.guidelines.len(),
                cases = scales.reference_cases.len(),
                facts = book.vocabulary.facts.len(),
                conduct = book.vocabulary.conduct.len()
            ))?;
            Ok(0)
        }
        Err(problems) => {
            // At most diagnostics::MAX_MESSAGES of them, then how many more.
            crate::io::to_stderr(&crate::diagnostics::render(&problems));
            crate::io::to_stderr(&msg!(
                lang,
                "command-validate-problems",
                count = problems.len()
            ));
            Ok(1)
        }
    }
}
