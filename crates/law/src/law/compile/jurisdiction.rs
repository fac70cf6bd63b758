//! Compiling the jurisdiction rules of a system (when its courts may judge).

use super::*;

impl Compiler<'_> {
    pub(super) fn jurisdiction(
        &mut self,
        raw: &JurisdictionRaw,
        ids: &HashMap<String, Range<usize>>,
    ) -> Option<Jurisdiction> {
        let applies_to = self.provision_refs(&raw.applies_to, ids);
        let when = self.expr(&raw.when);
        let from = self.date(&raw.in_force_from, "in_force_from");
        let to = raw
            .in_force_to
            .as_ref()
            .and_then(|d| self.date(d, "in_force_to"));
        // An unverified rule may rest on no source at all (the dossier's "unsourced"); any
        // other label needs its sources.
        let sources = if raw.sources.is_empty() && raw.verification == Verification::Unverified {
            Vec::new()
        } else {
            self.sources(
                &raw.sources,
                &format!("jurisdiction rule `{}`", quote(raw.id.get_ref())),
                &raw.id.span(),
            )
        };
        let last_verified = raw
            .last_verified
            .as_ref()
            .and_then(|d| self.date(d, "last_verified"));
        Some(Jurisdiction {
            id: raw.id.get_ref().clone(),
            citation: raw.citation.clone(),
            label: raw.label.clone(),
            basis: raw.basis,
            applies_to,
            when: when?,
            double_criminality: raw.double_criminality,
            conditions: raw.conditions.clone(),
            from: from?,
            to,
            verification: raw.verification,
            sources,
            last_verified,
            notes: raw.notes.clone(),
        })
    }
}
