//! The classes of the sources the data cites (official text, official mirror, court,
//! official body, secondary commentary, press), read from the `[[source_class]]` and
//! `[[source]]` tables of the vocabulary: the law of what a court accepts is data, like the
//! rest. A source is classified by the longest prefix of its address (scheme and `www.`
//! left out) that the vocabulary lists; a class may be banned (a dictionary, a
//! document-sharing site, an unrelated gazette): `tests/sources.rs` fails when the built-in
//! data cites a source that no prefix classifies or whose class is banned.

use serde::{Deserialize, Serialize};

use super::vocabulary::Localized;

/// A class of sources.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SourceClass {
    pub id: String,
    /// The heading of the class in a report's list of sources.
    pub label: Localized,
    /// Whether a court would accept such a source as the authority for a rule.
    #[serde(default)]
    pub primary: bool,
    /// A class no data file may cite.
    #[serde(default)]
    pub banned: bool,
}

/// The address prefixes of one class.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SourcePrefixes {
    pub class: String,
    pub prefixes: Vec<String>,
}

/// The classes and the prefixes that classify addresses, checked.
#[derive(Debug, Clone, Default)]
pub struct SourceClasses {
    pub classes: Vec<SourceClass>,
    /// Each prefix (normalised) with the position of its class, longest first.
    prefixes: Vec<(String, usize)>,
}

/// An address without its scheme, `www.` and a trailing dot of the host: `legifrance.gouv.fr/…`.
pub fn normalise(url: &str) -> String {
    let rest = url.split_once("://").map(|(_, r)| r).unwrap_or(url).trim();
    let rest = rest.strip_prefix("www.").unwrap_or(rest);
    let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    if path.is_empty() {
        host
    } else {
        format!("{host}/{path}")
    }
}

impl SourceClasses {
    /// Checks the tables: every prefix names a declared class, no class or prefix twice.
    pub fn new(classes: Vec<SourceClass>, groups: Vec<SourcePrefixes>) -> Result<Self, String> {
        let mut problems = Vec::new();
        for (i, c) in classes.iter().enumerate() {
            if classes[..i].iter().any(|d| d.id == c.id) {
                problems.push(format!("source class `{}` is declared twice", c.id));
            }
        }
        let mut prefixes: Vec<(String, usize)> = Vec::new();
        for g in &groups {
            let Some(class) = classes.iter().position(|c| c.id == g.class) else {
                problems.push(format!(
                    "`[[source]]` names class `{}`, which no `[[source_class]]` declares",
                    crate::diagnostics::quote(&g.class)
                ));
                continue;
            };
            for p in &g.prefixes {
                let p = normalise(p);
                if prefixes.iter().any(|(q, _)| *q == p) {
                    problems.push(format!("source prefix `{p}` is listed twice"));
                }
                prefixes.push((p, class));
            }
        }
        if !problems.is_empty() {
            return Err(problems.join("; "));
        }
        prefixes.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
        Ok(Self { classes, prefixes })
    }

    /// The class of an address: that of the longest prefix matching its host (or a
    /// subdomain of it) and the start of its path.
    pub fn classify(&self, url: &str) -> Option<&SourceClass> {
        let u = normalise(url);
        let (host, _) = u.split_once('/').unwrap_or((&u, ""));
        self.prefixes
            .iter()
            .find(|(p, _)| {
                let (phost, ppath) = p.split_once('/').unwrap_or((p, ""));
                let host_ok =
                    host == phost || host.strip_suffix(phost).is_some_and(|h| h.ends_with('.'));
                let path = &u[host.len()..];
                // A path prefix ends where a segment ends: `a/legifrance` is not
                // `a/legifrance-other`.
                let path_ok = ppath.is_empty()
                    || path
                        .strip_prefix('/')
                        .and_then(|r| r.strip_prefix(ppath))
                        .is_some_and(|r| {
                            r.is_empty() || r.starts_with(['/', '?', '#']) || ppath.ends_with('/')
                        });
                host_ok && path_ok
            })
            .map(|(_, c)| &self.classes[*c])
    }

    /// The position of a class in the vocabulary's order (the order a report groups by).
    pub fn position(&self, id: &str) -> Option<usize> {
        self.classes.iter().position(|c| c.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn classes() -> SourceClasses {
        let class = |id: &str| SourceClass {
            id: id.into(),
            label: Localized {
                fr: id.into(),
                en: id.into(),
            },
            primary: false,
            banned: false,
        };
        SourceClasses::new(
            vec![
                class("official_text"),
                class("official_mirror"),
                class("press"),
            ],
            vec![
                SourcePrefixes {
                    class: "official_text".into(),
                    prefixes: vec!["https://www.legifrance.gouv.fr/".into()],
                },
                SourcePrefixes {
                    class: "official_mirror".into(),
                    prefixes: vec!["github.com/francois76/legifrance".into()],
                },
                SourcePrefixes {
                    class: "press".into(),
                    prefixes: vec!["github.com".into(), "rtbf.be".into()],
                },
            ],
        )
        .unwrap()
    }

    #[test]
    fn the_longest_prefix_classifies() {
        let c = classes();
        let id = |u: &str| c.classify(u).map(|c| c.id.as_str());
        assert_eq!(
            id("http://legifrance.gouv.fr/codes/article_lc/X"),
            Some("official_text")
        );
        assert_eq!(
            id("https://github.com/francois76/legifrance/blob/x/code.md"),
            Some("official_mirror")
        );
        assert_eq!(id("https://github.com/someone/else"), Some("press"));
        assert_eq!(id("https://beta.rtbf.be/article"), Some("press"));
        assert_eq!(id("https://notrtbf.be/article"), None);
        assert_eq!(
            id("https://github.com/francois76/legifrance-other"),
            Some("press")
        );
    }

    #[test]
    fn an_undeclared_class_is_refused() {
        let err = SourceClasses::new(
            vec![],
            vec![SourcePrefixes {
                class: "gazette".into(),
                prefixes: vec!["x.org".into()],
            }],
        )
        .unwrap_err();
        assert!(err.contains("gazette"), "{err}");
    }
}
