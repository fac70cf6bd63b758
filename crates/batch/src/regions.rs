//! The grouping of countries into regions (`guidelines/regions.toml`, UN M49), checked
//! against the vocabulary's country codes when it loads.

use std::collections::HashMap;

use serde::Deserialize;
use toml::Spanned;

use qualif_law::diagnostics::quote;
use qualif_law::diagnostics::{Diagnostic, SourceText, toml_error};
use qualif_law::facts::Vocabulary;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RegionsFile {
    source: SourceInfo,
    #[serde(default)]
    left_out: Vec<LeftOutRaw>,
    #[serde(default)]
    group: Vec<GroupRaw>,
}

/// Where the grouping comes from.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceInfo {
    pub name: String,
    pub url: String,
    pub verification: qualif_law::law::Verification,
    pub transcribed_from: Option<String>,
    pub note: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct LeftOutRaw {
    code: Spanned<String>,
    reason: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct GroupRaw {
    region: String,
    region_code: String,
    sub_region: String,
    sub_region_code: String,
    intermediate_region: Option<String>,
    intermediate_region_code: Option<String>,
    countries: Vec<Spanned<String>>,
}

/// The region of one country.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Region {
    pub region: String,
    pub region_code: String,
    pub sub_region: String,
    pub sub_region_code: String,
    pub intermediate_region: Option<String>,
}

/// Countries grouped into regions.
#[derive(Debug, Clone)]
pub struct Regions {
    pub source: SourceInfo,
    /// Codes the file deliberately leaves out, with the reason.
    pub left_out: Vec<(String, String)>,
    by_country: HashMap<String, Region>,
}

impl Regions {
    /// The region of a country code; `None` when the code is left out (or unknown).
    pub fn of(&self, country: &str) -> Option<&Region> {
        self.by_country.get(country)
    }

    pub fn len(&self) -> usize {
        self.by_country.len()
    }

    pub fn is_empty(&self) -> bool {
        self.by_country.is_empty()
    }

    /// Reads and checks a regions file: every code must be a country of the vocabulary,
    /// appear once, and every country of the vocabulary must be grouped or left out with
    /// a reason.
    pub fn parse(src: &SourceText, vocab: &Vocabulary) -> Result<Regions, Vec<Diagnostic>> {
        let file: RegionsFile = qualif_law::preparsed::from_source(src).map_err(|e| {
            vec![toml_error(src, &e).with_help(
                "[source] with name, url, verification; [[left_out]] with code, reason; [[group]] with region, region_code, sub_region, sub_region_code, countries",
            )]
        })?;
        let mut problems = Vec::new();
        let mut by_country = HashMap::new();
        let mut left_out = Vec::new();
        let mut seen: HashMap<String, ()> = HashMap::new();
        let mut check = |code: &Spanned<String>, problems: &mut Vec<Diagnostic>| -> bool {
            let c = code.get_ref();
            if !vocab.is_country(c) {
                problems.push(src.error_at(
                    code.span().start,
                    format!("`{}` is not a country code of the vocabulary", quote(c)),
                ));
                return false;
            }
            if seen.insert(c.clone(), ()).is_some() {
                problems.push(src.error_at(
                    code.span().start,
                    format!(
                        "`{}` appears twice: a country belongs to one group only",
                        quote(c)
                    ),
                ));
                return false;
            }
            true
        };
        for l in &file.left_out {
            if check(&l.code, &mut problems) {
                left_out.push((l.code.get_ref().clone(), l.reason.clone()));
            }
        }
        for g in &file.group {
            let region = Region {
                region: g.region.clone(),
                region_code: g.region_code.clone(),
                sub_region: g.sub_region.clone(),
                sub_region_code: g.sub_region_code.clone(),
                intermediate_region: g.intermediate_region.clone(),
            };
            let _ = &g.intermediate_region_code;
            for c in &g.countries {
                if check(c, &mut problems) {
                    by_country.insert(c.get_ref().clone(), region.clone());
                }
            }
        }
        for c in &vocab.countries {
            if !seen.contains_key(c) {
                problems.push(Diagnostic::whole_file(
                    &src.name,
                    format!("country `{}` is in no group and not left out", quote(c)),
                ).with_help("add it to the [[group]] of its region, or to [[left_out]] with the reason it cannot be placed"));
            }
        }
        if problems.is_empty() {
            Ok(Regions {
                source: file.source,
                left_out,
                by_country,
            })
        } else {
            Err(problems)
        }
    }

    /// The built-in grouping (`guidelines/regions.toml`), if the program was built with one.
    pub fn builtin(vocab: &Vocabulary) -> Option<Result<Regions, Vec<Diagnostic>>> {
        qualif_law::law::embedded::guideline_files()
            .into_iter()
            .find(|s| is_regions_file(&s.name))
            .map(|s| Regions::parse(&s, vocab))
    }

    /// The grouping of a data folder (`DIR/guidelines/regions.toml`), else the built-in one.
    pub fn from_dir(
        dir: &std::path::Path,
        vocab: &Vocabulary,
    ) -> Option<Result<Regions, Vec<Diagnostic>>> {
        let path = dir.join("guidelines").join(super::REGIONS_FILE);
        // Absent: the built-in one. Present but not a regular file (a named pipe, a
        // folder): refused by the reader, not passed over.
        if std::fs::symlink_metadata(&path).is_err() {
            return Regions::builtin(vocab);
        }
        Some(
            qualif_law::io::read_text(&path, qualif_law::facts::MAX_CASE_FILE_BYTES)
                .map_err(|d| vec![d])
                .and_then(|s| Regions::parse(&s, vocab)),
        )
    }
}

fn is_regions_file(name: &str) -> bool {
    std::path::Path::new(name)
        .file_name()
        .is_some_and(|n| n == super::REGIONS_FILE)
}

#[cfg(test)]
mod tests {
    use super::*;
    use qualif_law::law::LawBook;

    #[test]
    fn the_builtin_grouping_covers_every_country_of_the_vocabulary() {
        let book = LawBook::builtin().unwrap();
        let r = Regions::builtin(&book.vocabulary)
            .expect("guidelines/regions.toml is built in")
            .unwrap();
        assert_eq!(r.len() + r.left_out.len(), book.vocabulary.countries.len());
        assert_eq!(r.of("PH").unwrap().sub_region, "South-eastern Asia");
        assert_eq!(r.of("FR").unwrap().sub_region, "Western Europe");
        assert_eq!(r.of("CA").unwrap().region, "Americas");
        assert_eq!(
            r.of("MX").unwrap().sub_region,
            "Latin America and the Caribbean"
        );
        assert!(r.of("TW").is_none() && r.of("AQ").is_none());
        assert!(r.source.url.starts_with("https://unstats.un.org/"));
    }

    /// The built-in regions file reads the same from its compact form as from its text.
    #[test]
    fn the_builtin_regions_file_reads_the_same_from_its_compact_form() {
        let files = qualif_law::law::embedded::guideline_files();
        let src = files
            .iter()
            .find(|s| s.name.ends_with(super::super::REGIONS_FILE))
            .expect("guidelines/regions.toml is built in");
        qualif_law::preparsed::same_both_ways::<RegionsFile>(src);
    }

    #[test]
    fn a_code_twice_or_missing_is_refused() {
        let book = LawBook::builtin().unwrap();
        let text = "[source]\nname = \"x\"\nurl = \"https://unstats.un.org/unsd/methodology/m49/\"\nverification = \"unverified\"\n\n[[group]]\nregion = \"Europe\"\nregion_code = \"150\"\nsub_region = \"Western Europe\"\nsub_region_code = \"155\"\ncountries = [\"FR\", \"FR\", \"ZZ\"]\n";
        let e = Regions::parse(&SourceText::new("r.toml", text), &book.vocabulary).unwrap_err();
        assert!(e.iter().any(|d| d.message.contains("`FR` appears twice")));
        assert!(
            e.iter()
                .any(|d| d.message.contains("`ZZ` is not a country"))
        );
        assert!(
            e.iter()
                .any(|d| d.message.contains("country `BE` is in no group"))
        );
    }
}
