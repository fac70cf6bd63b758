//! Compiling a provision: its elements and its versions over time.

use super::*;

impl Compiler<'_> {
    pub(super) fn element(&mut self, raw: &ElementRaw) -> Option<Element> {
        let when = self.expr(&raw.when)?;
        Some(Element {
            id: raw.id.get_ref().clone(),
            label: raw.label.clone(),
            when,
            text: raw.when.get_ref().trim().to_string(),
        })
    }

    pub(super) fn provision(&mut self, raw: &ProvisionRaw) -> Option<Provision> {
        let id_span = raw.id.span();
        for c in &raw.covers {
            if self.c.vocab.conduct(c.get_ref()).is_none() {
                self.err_help(
                    &c.span(),
                    format!("unknown conduct class `{}`", quote(c.get_ref())),
                    "a conduct class declared as [[conduct]] in vocabulary.toml",
                );
            }
        }
        let mut base = Vec::new();
        let mut element_ids = HashSet::new();
        for e in &raw.element {
            if !element_ids.insert(e.id.get_ref().clone()) {
                self.err(
                    &e.id.span(),
                    format!(
                        "element `{}` is defined twice in `{}`",
                        quote(e.id.get_ref()),
                        quote(raw.id.get_ref())
                    ),
                );
            }
            if let Some(el) = self.element(e) {
                base.push(el);
            }
        }
        if raw.version.is_empty() {
            self.err_help(&id_span, format!("provision `{}` has no version", quote(raw.id.get_ref())), "at least one [[provision.version]] with in_force_from, penalty, verification and sources");
        }
        let mut versions: Vec<Version> = Vec::new();
        for v in &raw.version {
            if let Some(version) = self.version(raw, v, &base) {
                versions.push(version);
            }
        }
        versions.sort_by_key(|v| v.from);
        let in_force: Vec<&Version> = versions
            .iter()
            .filter(|v| v.status == VersionStatus::InForce)
            .collect();
        for w in in_force.windows(2) {
            if w[0].to.is_none_or(|to| to >= w[1].from) {
                self.err_help(
                    &id_span,
                    format!(
                        "versions of `{}` overlap: one from {} and one from {}",
                        quote(raw.id.get_ref()),
                        w[0].from,
                        w[1].from
                    ),
                    "give the earlier version an in_force_to before the later in_force_from",
                );
            }
        }
        Some(Provision {
            id: raw.id.get_ref().clone(),
            citation: raw.citation.clone(),
            title: raw.title.clone(),
            covers: raw.covers.iter().map(|c| c.get_ref().clone()).collect(),
            most_serious_conduct: raw
                .covers
                .iter()
                .filter_map(|c| self.c.vocab.conduct_position(c.get_ref()))
                .min()
                .unwrap_or(usize::MAX),
            attempt: raw.attempt.clone(),
            notes: raw.notes.clone(),
            new_offence: raw.new_offence,
            versions,
        })
    }

    pub(super) fn version(
        &mut self,
        p: &ProvisionRaw,
        v: &VersionRaw,
        base: &[Element],
    ) -> Option<Version> {
        let from = self.date(&v.in_force_from, "in_force_from");
        let to = v
            .in_force_to
            .as_ref()
            .and_then(|d| self.date(d, "in_force_to"));
        if let (Some(f), Some(t)) = (from, to) {
            if t < f {
                self.err(
                    &v.in_force_from.span(),
                    format!("in_force_to {t} is before in_force_from {f}"),
                );
            }
        }
        let last_verified = v
            .last_verified
            .as_ref()
            .and_then(|d| self.date(d, "last_verified"));
        let what = format!(
            "version of `{}` from {}",
            quote(p.id.get_ref()),
            v.in_force_from.get_ref()
        );
        let sources = self.sources(&v.sources, &what, &v.in_force_from.span());
        let penalty = self.penalty(&v.penalty);
        let mut elements = base.to_vec();
        for e in &v.element {
            if let Some(el) = self.element(e) {
                match elements.iter_mut().find(|x| x.id == el.id) {
                    Some(slot) => *slot = el,
                    None => elements.push(el),
                }
            }
        }
        let mut aggravations: Vec<Aggravation> = Vec::new();
        for a in &v.aggravation {
            let when = self.expr(&a.when);
            let apen = self.penalty(&a.penalty);
            let asources = match &a.sources {
                Some(list) => self.sources(
                    list,
                    &format!("aggravation `{}`", quote(a.id.get_ref())),
                    &a.id.span(),
                ),
                None => sources.clone(),
            };
            if aggravations.iter().any(|x| &x.id == a.id.get_ref()) {
                self.err(
                    &a.id.span(),
                    format!("aggravation `{}` is defined twice", quote(a.id.get_ref())),
                );
            }
            if let (Some(when), Some(apen)) = (when, apen) {
                if let Some(base_pen) = &penalty {
                    if apen.severity_cmp(base_pen) == Some(std::cmp::Ordering::Less) {
                        self.err_help(
                            &a.penalty.span(),
                            format!(
                                "aggravation `{}` would lower the penalty of `{}`",
                                quote(a.id.get_ref()),
                                quote(p.id.get_ref())
                            ),
                            "an aggravated penalty at least as severe as the base penalty",
                        );
                    }
                }
                aggravations.push(Aggravation {
                    id: a.id.get_ref().clone(),
                    label: a.label.clone(),
                    when,
                    text: a.when.get_ref().trim().to_string(),
                    penalty: apen,
                    verification: a.verification.unwrap_or(v.verification),
                    sources: asources,
                    priority: a.priority.unwrap_or(0),
                    notes: a.notes.clone(),
                });
            }
        }
        for (i, a) in aggravations.iter().enumerate() {
            for b in &aggravations[i + 1..] {
                let known = !a.penalty.has_unknown() && !b.penalty.has_unknown();
                if known && a.penalty.severity_cmp(&b.penalty).is_none() && a.priority == b.priority
                {
                    let span = v
                        .aggravation
                        .iter()
                        .find(|r| r.id.get_ref() == &b.id)
                        .map(|r| r.id.span())
                        .unwrap_or(0..0);
                    self.err_help(&span, format!("aggravations `{}` and `{}` of `{}` both claim to win: neither penalty is more severe than the other", quote(&a.id), quote(&b.id), quote(p.id.get_ref())), "give them distinct `priority` numbers (the higher wins when both apply)");
                }
            }
        }
        let mut readings = Vec::new();
        for r in &v.reading {
            let rs = self.sources(&r.sources, "reading", &r.penalty.span());
            if let Some(pen) = self.penalty(&r.penalty) {
                readings.push(Reading {
                    penalty: pen,
                    sources: rs,
                    note: r.note.clone(),
                });
            }
        }
        if !readings.is_empty() && v.verification != Verification::Unverified {
            self.err_help(
                &v.in_force_from.span(),
                format!(
                    "{what} records conflicting readings but is labelled {}",
                    v.verification.as_str()
                ),
                "verification = \"unverified\" where sources conflict",
            );
        }
        Some(Version {
            from: from?,
            to,
            status: v.status,
            verification: v.verification,
            sources,
            last_verified,
            notes: v.notes.clone(),
            penalty: penalty?,
            elements,
            aggravations,
            readings,
            subsidiary_to: v
                .subsidiary_to
                .as_ref()
                .unwrap_or(&p.subsidiary_to)
                .iter()
                .map(|s| s.get_ref().clone())
                .collect(),
            // Set once the system's provisions are known (see `index_subsidiaries`).
            subsidiaries: Vec::new(),
        })
    }
}
