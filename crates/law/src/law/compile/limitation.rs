//! Compiling the limitation periods of a system.

use super::*;

impl Compiler<'_> {
    pub(super) fn limitation(
        &mut self,
        raw: &LimitationRaw,
        ids: &HashMap<String, Range<usize>>,
    ) -> Option<Limitation> {
        let applies_to = self.provision_refs(&raw.applies_to, ids);
        if applies_to.is_empty() {
            self.err_help(
                &raw.id.span(),
                format!(
                    "limitation `{}` governs no provision",
                    quote(raw.id.get_ref())
                ),
                "applies_to = [\"FR.222-23\", …]",
            );
        }
        let when = match &raw.when {
            Some(w) => Some(self.expr(w)?),
            None => None,
        };
        let mut versions = Vec::new();
        for v in &raw.version {
            let from = self.date(&v.in_force_from, "in_force_from");
            let to = v
                .in_force_to
                .as_ref()
                .and_then(|d| self.date(d, "in_force_to"));
            let period = v.period.get_ref().trim();
            let period_months = if period == "none" {
                None
            } else {
                match crate::law::penalty::parse_duration_months(period) {
                    Some(m) => Some(m),
                    None => {
                        self.err_help(
                            &v.period.span(),
                            format!("`{}` is not a period", quote(period)),
                            "a duration such as \"20y\", or \"none\" where there is no limitation",
                        );
                        continue;
                    }
                }
            };
            let sources = self.sources(
                &v.sources,
                &format!("limitation `{}`", quote(raw.id.get_ref())),
                &v.in_force_from.span(),
            );
            let last_verified = v
                .last_verified
                .as_ref()
                .and_then(|d| self.date(d, "last_verified"));
            if let Some(from) = from {
                versions.push(LimitationVersion {
                    from,
                    to,
                    period_months,
                    period_text: period.to_string(),
                    transition: v.transition,
                    verification: v.verification,
                    sources,
                    last_verified,
                    notes: v.notes.clone(),
                });
            }
        }
        if versions.is_empty() {
            self.err_help(&raw.id.span(), format!("limitation `{}` has no version", quote(raw.id.get_ref())), "at least one [[limitation.version]] with in_force_from, period, verification and sources");
        }
        versions.sort_by_key(|v| v.from);
        for w in versions.windows(2) {
            if w[0].to.is_none_or(|to| to >= w[1].from) {
                self.err(
                    &raw.id.span(),
                    format!(
                        "versions of limitation `{}` overlap: one from {} and one from {}",
                        quote(raw.id.get_ref()),
                        w[0].from,
                        w[1].from
                    ),
                );
            }
        }
        Some(Limitation {
            id: raw.id.get_ref().clone(),
            citation: raw.citation.clone(),
            label: raw.label.clone(),
            applies_to,
            when,
            starts: raw.starts,
            notes: raw.notes.clone(),
            versions,
        })
    }
}
