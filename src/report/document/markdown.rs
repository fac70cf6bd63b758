//! The report as Markdown (GitHub-flavoured tables), to paste into a submission or a note.
//! Layout only: every word of law comes from the document model.

use std::fmt::Write;

use super::text::{self, t};
use super::*;

/// Text safe in Markdown: no raw HTML, no line break or pipe that would break a table.
fn md(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('|', "\\|")
        .replace("\r\n", " ")
        .replace(['\n', '\r'], " ")
}

/// Free text of several lines (notes), each line kept, safe in Markdown.
fn md_block(s: &str) -> String {
    s.lines()
        .map(|l| format!("> {}", md(l)))
        .collect::<Vec<_>>()
        .join("\n")
}

fn refs(ns: &[usize]) -> String {
    ns.iter()
        .map(|n| format!("[{n}]"))
        .collect::<Vec<_>>()
        .join(" ")
}

fn mark(status: Status) -> &'static str {
    match status {
        Status::Applies => "✓",
        Status::Possible => "?",
        Status::Excluded => "✗",
    }
}

fn element_mark(status: ElementStatus) -> &'static str {
    match status {
        ElementStatus::Met => "✓",
        ElementStatus::Unmet => "✗",
        ElementStatus::Unknown => "?",
    }
}

pub fn render(doc: &Document) -> String {
    let l = doc.lang.as_str();
    let mut o = String::new();
    header(&mut o, doc, l);
    facts(&mut o, doc, l);
    systems(&mut o, doc, l);
    international(&mut o, doc, l);
    comparison(&mut o, doc, l);
    scales(&mut o, doc, l);
    limitation(&mut o, doc, l);
    warnings(&mut o, doc, l);
    sources(&mut o, doc, l);
    let _ = writeln!(
        o,
        "## 9. {}\n",
        t(
            l,
            "What this report is and is not",
            "Ce qu'est ce rapport, et ce qu'il n'est pas"
        )
    );
    for p in &doc.statement {
        let _ = writeln!(o, "{}\n", md(p));
    }
    let _ = writeln!(
        o,
        "---\n{} {} — {}",
        t(l, "Produced by", "Produit par"),
        doc.generator,
        text::date(doc.header.produced_on, l)
    );
    o
}

fn header(o: &mut String, doc: &Document, l: &str) {
    let h = &doc.header;
    let _ = writeln!(
        o,
        "# {}\n",
        t(
            l,
            "Report on the qualification of the facts",
            "Rapport de qualification des faits"
        )
    );
    if doc.redacted {
        let _ = writeln!(
            o,
            "> **{}**\n",
            t(
                l,
                "REDACTED REPORT: the case title, the notes, free-text fields and identifying fields (dates of birth) have been removed. Ages and countries are kept.",
                "RAPPORT ANONYMISÉ : l'intitulé du dossier, les notes, les champs de texte libre et les champs identifiants (dates de naissance) ont été retirés. Les âges et les pays sont conservés."
            )
        );
        if !h.redacted_fields.is_empty() {
            let _ = writeln!(
                o,
                "> {}: {}\n",
                t(l, "Removed", "Retirés"),
                h.redacted_fields.join(", ")
            );
        }
    }
    if let Some(title) = &h.title {
        let _ = writeln!(o, "**{}**: {}\n", t(l, "Case", "Dossier"), md(title));
    }
    let _ = writeln!(
        o,
        "| | |\n|---|---|\n| {} | {} |\n| {} | {} |\n| {} | {} |\n| {} | {} |\n",
        t(l, "Date of the facts", "Date des faits"),
        h.date_of_facts
            .map(|d| text::date(d, l))
            .unwrap_or_else(|| t(l, "not stated", "non précisée").into()),
        crate::report::words::law_applied(l),
        text::date(h.law_date, l),
        t(l, "Limitation assessed on", "Prescription appréciée au"),
        text::date(h.date_of_assessment, l),
        t(l, "Report produced on", "Rapport produit le"),
        text::date(h.produced_on, l),
    );
    for w in &h.warnings {
        let _ = writeln!(o, "> ⚠ {}\n", md(w));
    }
    if let Some(notes) = &h.notes {
        let _ = writeln!(
            o,
            "**{}**:\n\n{}\n",
            t(l, "Notes", "Notes"),
            md_block(notes)
        );
    }
    let _ = writeln!(
        o,
        "*{}*\n",
        t(
            l,
            "Decision support, not legal advice: check every qualification against the official texts (see section 9).",
            "Aide à la décision, pas un avis juridique : vérifiez chaque qualification dans les textes officiels (voir la section 9)."
        )
    );
}

fn facts(o: &mut String, doc: &Document, l: &str) {
    let _ = writeln!(o, "## 1. {}\n", t(l, "The facts", "Les faits"));
    let _ = writeln!(o, "### {}\n", t(l, "Facts as established", "Faits établis"));
    if doc.facts.established.is_empty() {
        let _ = writeln!(
            o,
            "{}\n",
            t(l, "No fact is stated.", "Aucun fait n'est renseigné.")
        );
    } else {
        let _ = writeln!(
            o,
            "| {} | {} | {} |\n|---|---|---|",
            t(l, "Topic", "Rubrique"),
            t(l, "Fact", "Fait"),
            t(l, "Value", "Valeur")
        );
        for f in &doc.facts.established {
            let _ = writeln!(
                o,
                "| {} | {} | {} |",
                md(&f.section_text),
                md(&f.label),
                md(&f.value_text)
            );
        }
        o.push('\n');
    }
    let _ = writeln!(
        o,
        "### {}\n",
        t(
            l,
            "Facts still unknown that matter",
            "Faits encore inconnus qui comptent"
        )
    );
    if doc.facts.unknown.is_empty() {
        let _ = writeln!(
            o,
            "{}\n",
            t(
                l,
                "None: every qualification is decided by the facts given.",
                "Aucun : chaque qualification est tranchée par les faits fournis."
            )
        );
        return;
    }
    let _ = writeln!(
        o,
        "{}\n\n| {} | {} | {} | {} |\n|---|---|---|---|",
        t(
            l,
            "A fact not stated is unknown, never \"no\". Establishing these facts would decide the qualifications and aggravations listed.",
            "Un fait non renseigné est inconnu, jamais « non ». Établir ces faits trancherait les qualifications et circonstances aggravantes indiquées."
        ),
        t(l, "Fact", "Fait"),
        t(l, "Case-file key", "Clé du dossier"),
        t(
            l,
            "Would decide the qualification",
            "Trancherait la qualification"
        ),
        t(
            l,
            "Would decide an aggravation of",
            "Trancherait une aggravation de"
        ),
    );
    for u in &doc.facts.unknown {
        let _ = writeln!(
            o,
            "| {} | `{}` | {} | {} |",
            md(&u.label),
            u.key,
            md(&text::groups(&u.decides, l)),
            md(&text::groups(&u.decides_aggravations, l))
        );
    }
    o.push('\n');
}

fn penalty_overview(o: &mut String, doc: &Document, l: &str) {
    if doc.charts.penalties.is_empty() {
        return;
    }
    let _ = writeln!(
        o,
        "{}\n\n| {} | {} | {} | {} | {} |\n|---|---|---|---|---|",
        t(
            l,
            "Leading qualification in each system (the applicable provision with the highest maximum; when none applies, the most severe possible one):",
            "Qualification principale dans chaque système (la disposition applicable au maximum le plus élevé ; à défaut, la plus sévère des possibles) :"
        ),
        t(l, "System", "Système"),
        t(l, "Provision", "Disposition"),
        t(l, "Status", "Statut"),
        t(l, "Maximum", "Maximum"),
        t(l, "Minimum", "Minimum"),
    );
    for b in &doc.charts.penalties {
        let _ = writeln!(
            o,
            "| {} | {} | {} | {} | {} |",
            md(&b.system_name),
            md(b.citation.as_deref().unwrap_or("—")),
            b.status
                .map(|s| crate::report::words::status(s, l))
                .unwrap_or("—"),
            md(&b.max_text),
            md(b.min_text.as_deref().unwrap_or("—"))
        );
    }
    o.push('\n');
    for b in doc
        .charts
        .penalties
        .iter()
        .filter(|b| !b.unconfirmed.is_empty())
    {
        let _ = writeln!(
            o,
            "> ⚠ {}: {} {}\n",
            b.system,
            t(
                l,
                "other provisions with the same status have a maximum that is not confirmed and may be higher:",
                "d'autres dispositions de même statut ont un maximum non confirmé, peut-être plus élevé :"
            ),
            b.unconfirmed.join(", ")
        );
    }
}

fn qualification(o: &mut String, q: &QualSection, l: &str) {
    let _ = writeln!(
        o,
        "##### {} {} — {} ({})\n",
        mark(q.status),
        q.status_text.to_uppercase(),
        md(&q.citation),
        md(&q.title)
    );
    let _ = writeln!(o, "- {}: `{}`", t(l, "Id", "Identifiant"), q.id);
    if !q.alternative_to.is_empty() {
        let _ = writeln!(
            o,
            "- ⚠ {}: {}",
            t(
                l,
                "Either this provision or",
                "Soit cette disposition, soit"
            ),
            q.alternative_to.join(", ")
        );
    }
    if let Some(v) = &q.version {
        let _ = writeln!(
            o,
            "- {}: {}{}",
            t(l, "Version applied", "Version appliquée"),
            v.text,
            v.last_verified
                .map(|d| format!(
                    " ({} {})",
                    t(l, "last verified", "dernière vérification le"),
                    text::date(d, l)
                ))
                .unwrap_or_default()
        );
    }
    let warn = if q.verification.as_deref() == Some("verified-primary") {
        ""
    } else {
        "⚠ "
    };
    let _ = writeln!(
        o,
        "- {}: {warn}{}",
        t(l, "Verification", "Vérification"),
        q.verification_text
    );
    if let Some(p) = &q.penalty {
        let _ = writeln!(o, "- **{}**: {}", t(l, "Penalty", "Peine"), md(&p.text));
        if q.base_penalty_text.as_deref() != Some(p.text.as_str()) {
            if let Some(b) = &q.base_penalty_text {
                let _ = writeln!(
                    o,
                    "  - {}: {}",
                    t(
                        l,
                        "base penalty, before aggravations",
                        "peine de base, avant aggravation"
                    ),
                    md(b)
                );
            }
        }
    }
    for a in &q.aggravations {
        let role = if a.sets_penalty {
            format!(
                " **({})**",
                t(l, "sets the penalty applied", "fixe la peine appliquée")
            )
        } else if a.status == Status::Applies {
            format!(
                " ({})",
                t(
                    l,
                    "superseded by a more severe aggravation",
                    "absorbée par une aggravation plus sévère"
                )
            )
        } else {
            String::new()
        };
        let _ = writeln!(
            o,
            "- {} {}: {} — {}{role} ({})",
            mark(a.status),
            t(l, "Aggravation", "Circonstance aggravante"),
            md(&a.label),
            a.status_text,
            md(&a.penalty_text)
        );
    }
    if let Some(p) = &q.penalty_if_possible_aggravations_text {
        let _ = writeln!(
            o,
            "- {}: {}",
            t(
                l,
                "If the possible aggravations are established, up to",
                "Si les aggravations possibles sont établies, jusqu'à"
            ),
            md(p)
        );
    }
    if let Some(m) = &q.milder_later_version {
        let _ = writeln!(
            o,
            "- ⚠ {} {}: {}",
            t(
                l,
                "Milder later law, in force from",
                "Loi postérieure plus douce, en vigueur depuis le"
            ),
            text::date(m.in_force_from, l),
            md(&m.penalty_text)
        );
    }
    for p in &q.pending_reforms {
        let _ = writeln!(
            o,
            "- {} ({} {}, {}): {}",
            t(
                l,
                "Pending reform, not applied",
                "Réforme en attente, non appliquée"
            ),
            t(l, "from", "à compter du"),
            text::date(p.in_force_from, l),
            text::verification_code(&p.verification, l),
            md(&p.penalty_text)
        );
    }
    for r in &q.readings {
        let _ = writeln!(
            o,
            "- ⚠ {}: {} — {} {}",
            t(
                l,
                "Other reading of the penalty (sources conflict)",
                "Autre lecture de la peine (sources divergentes)"
            ),
            md(&r.penalty_text),
            md(&r.note),
            refs(&r.sources)
        );
    }
    let _ = writeln!(
        o,
        "\n| {} | {} |\n|---|---|",
        t(l, "Element", "Élément"),
        t(l, "Status", "Statut")
    );
    for e in &q.elements {
        let _ = writeln!(
            o,
            "| {} | {} {} |",
            md(&e.label),
            element_mark(e.status),
            e.status_text
        );
    }
    o.push('\n');
    if !q.missing_facts.is_empty() {
        let _ = writeln!(
            o,
            "- {}: {}",
            t(l, "Still to establish", "Reste à établir"),
            q.missing_facts
                .iter()
                .map(|m| format!("`{m}`"))
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    if let Some(lim) = &q.limitation {
        let _ = writeln!(
            o,
            "- {}: {}",
            t(l, "Limitation", "Prescription"),
            md(&lim.summary)
        );
    }
    if let Some(j) = &q.jurisdiction {
        let _ = writeln!(
            o,
            "- {}: {}",
            t(l, "Jurisdiction", "Compétence"),
            md(&j.summary)
        );
    }
    for w in &q.warnings {
        let _ = writeln!(o, "- ⚠ {}", md(w));
    }
    for n in &q.notes {
        let _ = writeln!(o, "- ℹ {}", md(n));
    }
    if !q.sources.is_empty() {
        let _ = writeln!(o, "- {}: {}", t(l, "Sources", "Sources"), refs(&q.sources));
    }
    o.push('\n');
}

fn systems(o: &mut String, doc: &Document, l: &str) {
    let _ = writeln!(
        o,
        "## 2. {}\n",
        t(
            l,
            "Qualifications by legal system",
            "Qualifications par système juridique"
        )
    );
    penalty_overview(o, doc, l);
    for s in &doc.systems {
        let _ = writeln!(
            o,
            "### {} ({})\n\n{} {}, {} {}, {} {}.\n",
            md(&s.name),
            s.id,
            s.counts.applies,
            t(l, "applicable", "applicable(s)"),
            s.counts.possible,
            t(l, "possible", "possible(s)"),
            s.counts.excluded,
            t(l, "excluded", "exclue(s)"),
        );
        for (status, name) in text::qualification_lists(l) {
            let qs: Vec<&QualSection> = s
                .qualifications
                .iter()
                .filter(|q| q.status == status)
                .collect();
            let _ = writeln!(o, "#### {name}\n");
            if qs.is_empty() {
                let _ = writeln!(o, "{}\n", t(l, "None.", "Aucune."));
            }
            for q in qs {
                qualification(o, q, l);
            }
        }
        if !s.excluded.is_empty() {
            let _ = writeln!(
                o,
                "#### {}\n\n| {} | {} | {} |\n|---|---|---|",
                t(
                    l,
                    "Provisions excluded on these facts",
                    "Dispositions exclues sur ces faits"
                ),
                t(l, "Provision", "Disposition"),
                t(l, "Element not met", "Élément non établi"),
                t(l, "Verification", "Vérification"),
            );
            for e in &s.excluded {
                let mut why = e.unmet.join("; ");
                if e.gives_way {
                    why.push_str(&format!(
                        " ({})",
                        t(
                            l,
                            "gives way to a principal offence that applies",
                            "s'efface devant une infraction principale applicable"
                        )
                    ));
                }
                let _ = writeln!(
                    o,
                    "| {} ({}) | {} | {} |",
                    md(&e.citation),
                    md(&e.title),
                    md(&why),
                    e.verification
                        .as_deref()
                        .map(|v| text::verification_code(v, l))
                        .unwrap_or("—")
                );
            }
            o.push('\n');
        }
    }
}

fn international(o: &mut String, doc: &Document, l: &str) {
    let _ = writeln!(
        o,
        "## 3. {}\n",
        t(
            l,
            "International obligations engaged",
            "Obligations internationales en jeu"
        )
    );
    if doc.international.is_empty() {
        let _ = writeln!(
            o,
            "{}\n",
            t(
                l,
                "No international instrument in the data.",
                "Aucun instrument international dans les données."
            )
        );
    }
    for i in &doc.international {
        let _ = writeln!(o, "### {} ({})\n", md(&i.name), i.id);
        if i.parties.is_empty() {
            let _ = writeln!(
                o,
                "{}\n",
                t(
                    l,
                    "None of the national systems of this report is bound by it at the date of the law applied.",
                    "Aucun des systèmes nationaux de ce rapport n'y est lié à la date du droit appliqué."
                )
            );
        } else {
            let _ = writeln!(
                o,
                "{}: {}\n",
                t(l, "Binding on", "Lie"),
                i.parties
                    .iter()
                    .map(|p| format!(
                        "{} ({} {})",
                        p.state,
                        t(l, "since", "depuis le"),
                        text::date(p.since, l)
                    ))
                    .collect::<Vec<_>>()
                    .join(", ")
            );
        }
        if i.obligations.is_empty() {
            let _ = writeln!(
                o,
                "{}\n",
                t(
                    l,
                    "No obligation is engaged by these facts.",
                    "Aucune obligation n'est en jeu sur ces faits."
                )
            );
        } else {
            let _ = writeln!(
                o,
                "| {} | {} | {} | {} | {} |\n|---|---|---|---|---|",
                t(l, "Obligation", "Obligation"),
                t(l, "Status", "Statut"),
                t(
                    l,
                    "Maximum the state must provide, at least",
                    "Maximum que l'État doit prévoir, au moins"
                ),
                t(
                    l,
                    "Elements not yet established",
                    "Éléments non encore établis"
                ),
                t(l, "Verification", "Vérification"),
            );
            for q in &i.obligations {
                let open: Vec<&str> = q
                    .elements
                    .iter()
                    .filter(|e| e.status != ElementStatus::Met)
                    .map(|e| e.label.as_str())
                    .collect();
                let _ = writeln!(
                    o,
                    "| {} ({}) | {} {} | {} | {} | {} |",
                    md(&q.citation),
                    md(&q.title),
                    mark(q.status),
                    q.status_text,
                    md(q.penalty.as_ref().map(|p| p.text.as_str()).unwrap_or("—")),
                    md(&open.join("; ")),
                    q.verification_text
                );
            }
            o.push('\n');
        }
        for r in &i.state_readings {
            let _ = writeln!(o, "#### {} {}\n", t(l, "Read for", "Lu pour"), r.state);
            if r.obligations.is_empty() {
                let _ = writeln!(
                    o,
                    "{}\n",
                    t(l, "No obligation engaged.", "Aucune obligation en jeu.")
                );
            }
            for ob in &r.obligations {
                let _ = writeln!(
                    o,
                    "- {} {} — {}{}",
                    mark(ob.status),
                    md(&ob.citation),
                    ob.status_text,
                    ob.floor_text
                        .as_ref()
                        .map(|f| format!(
                            "; {} {}",
                            t(l, "maximum required at least", "maximum requis d'au moins"),
                            f
                        ))
                        .unwrap_or_default()
                );
            }
            for s in &r.shortfalls {
                let _ = writeln!(o, "- ⚠ **{}**: {}", t(l, "Shortfall", "Manquement"), md(s));
            }
            o.push('\n');
        }
    }
}

fn comparison(o: &mut String, doc: &Document, l: &str) {
    let c = &doc.comparison;
    let _ = writeln!(
        o,
        "## 4. {}\n",
        t(l, "Comparison across systems", "Comparaison entre systèmes")
    );
    if c.rows.is_empty() {
        let _ = writeln!(
            o,
            "{}\n",
            t(
                l,
                "No offence applies or remains possible in any system on these facts.",
                "Aucune infraction n'est applicable ni possible sur ces faits, dans aucun système."
            )
        );
    } else {
        let _ = writeln!(
            o,
            "{}\n",
            t(
                l,
                "Each cell: the status, then the maximum (for an instrument: the minimum maximum it requires), the minimum, and the provision.",
                "Chaque case : le statut, puis le maximum (pour un instrument : le maximum minimal exigé), le minimum et la disposition."
            )
        );
        let _ = write!(o, "| {} |", t(l, "Conduct", "Comportement"));
        for s in &c.systems {
            let _ = write!(o, " {s} |");
        }
        let _ = writeln!(o, "\n|---|{}", "---|".repeat(c.systems.len()));
        for row in &c.rows {
            let _ = write!(o, "| {} |", md(&row.label));
            for cell in &row.cells {
                let mut parts = vec![cell.status_text.clone()];
                if let Some(m) = &cell.max_text {
                    parts.push(if cell.floor {
                        format!("{} {m}", t(l, "at least", "au moins"))
                    } else {
                        format!("max {m}")
                    });
                }
                if let Some(m) = &cell.min_text {
                    parts.push(format!("min {m}"));
                }
                if let Some(p) = &cell.provision {
                    parts.push(format!("`{p}`"));
                }
                if cell.verification.as_deref() == Some("unverified") {
                    parts.push(format!("⚠ {}", t(l, "unverified", "non vérifié")));
                }
                let _ = write!(
                    o,
                    " {} |",
                    parts.iter().map(|p| md(p)).collect::<Vec<_>>().join("<br>")
                );
            }
            o.push('\n');
        }
        o.push('\n');
    }
    let _ = writeln!(
        o,
        "### {} ({})\n",
        t(l, "Disparities", "Disparités"),
        c.disparities.len()
    );
    if c.disparities.is_empty() {
        let _ = writeln!(
            o,
            "{}\n",
            t(
                l,
                "None: these facts are treated alike in the systems compared.",
                "Aucune : ces faits sont traités de la même façon dans les systèmes comparés."
            )
        );
    }
    for d in &c.disparities {
        let _ = writeln!(
            o,
            "- **{}** — {} ({}): {}",
            d.severity_text,
            d.kind_text,
            d.systems.join(" / "),
            md(&d.message)
        );
    }
    o.push('\n');
}

fn scales(o: &mut String, doc: &Document, l: &str) {
    let _ = writeln!(
        o,
        "## 5. {}\n",
        t(l, "Sentencing scale", "Barème indicatif des peines")
    );
    if doc.scales.is_empty() {
        let _ = writeln!(
            o,
            "{}\n",
            t(
                l,
                "No sentencing scale in the data.",
                "Aucun barème dans les données."
            )
        );
    }
    for s in &doc.scales {
        let _ = writeln!(o, "### {}\n", md(&s.name));
        if s.official {
            let _ = writeln!(o, "{}: {}\n", t(l, "Status", "Statut"), md(&s.status));
        } else {
            let _ = writeln!(
                o,
                "> ⚠ **{}** — {}\n",
                t(
                    l,
                    "NOT AN OFFICIAL GUIDELINE",
                    "CE N'EST PAS UN GUIDE OFFICIEL"
                ),
                md(&s.status)
            );
        }
        let choice = |c: &Option<Choice>| text::choice(c, l);
        let _ = writeln!(
            o,
            "- {}: {}",
            t(l, "Category", "Catégorie"),
            md(&choice(&s.category))
        );
        let _ = writeln!(o, "- {}: {}", t(l, "Role", "Rôle"), md(&choice(&s.role)));
        for c in s
            .category_possibly_higher
            .iter()
            .chain(&s.role_possibly_higher)
        {
            let _ = writeln!(
                o,
                "- ⚠ {} {} ({})",
                md(&c.label),
                t(
                    l,
                    "is still possible: a fact that decides it is unknown",
                    "reste possible : un fait qui en décide est inconnu"
                ),
                c.id
            );
        }
        match (&s.starting_point, &s.range_from, &s.range_to) {
            (Some(sp), Some(from), Some(to)) => {
                let _ = writeln!(
                    o,
                    "- {}: {}",
                    t(l, "Starting point", "Point de départ"),
                    md(&sp.text)
                );
                let _ = writeln!(
                    o,
                    "- {}: {} – {}",
                    t(l, "Range", "Fourchette"),
                    md(&from.text),
                    md(&to.text)
                );
                if let Some(c) = s.range_capped_to_months {
                    let _ = writeln!(
                        o,
                        "- ⚠ {} {}",
                        t(
                            l,
                            "Range capped by the statutory maximum at",
                            "Fourchette plafonnée par le maximum légal à"
                        ),
                        crate::report::words::months(c, l)
                    );
                }
                if let Some(v) = &s.cell_verification {
                    let _ = writeln!(
                        o,
                        "- {}: {}",
                        t(l, "Verification of this cell", "Vérification de cette case"),
                        text::verification_code(v, l)
                    );
                }
            }
            _ => {
                let _ = writeln!(
                    o,
                    "- {}",
                    t(
                        l,
                        "No starting point: the category or the role is not determined by the facts given.",
                        "Pas de point de départ : la catégorie ou le rôle n'est pas déterminé par les faits fournis."
                    )
                );
            }
        }
        if let Some(m) = &s.statutory_maximum {
            let _ = writeln!(
                o,
                "- {}: {}",
                t(l, "Statutory maximum", "Maximum légal"),
                md(m)
            );
        }
        for n in &s.cell_notes {
            let _ = writeln!(o, "- ℹ {}", md(n));
        }
        for (name, fs) in text::factor_lists(s, l) {
            if fs.is_empty() {
                continue;
            }
            let _ = writeln!(
                o,
                "\n| {name} | {} | {} |\n|---|---|---|",
                t(l, "Status", "Statut"),
                t(l, "Verification", "Vérification")
            );
            for f in fs {
                let _ = writeln!(
                    o,
                    "| {} | {} | {} |",
                    md(&f.label),
                    f.status_text,
                    text::verification_code(&f.verification, l)
                );
            }
        }
        if !s.sources.is_empty() {
            let _ = writeln!(o, "\n{}: {}", t(l, "Sources", "Sources"), refs(&s.sources));
        }
        o.push('\n');
    }
    if let Some(r) = doc.charts.scale.as_ref().and_then(|c| c.range.as_ref()) {
        let _ = writeln!(
            o,
            "{} ({}{}): {} – {}{}\n",
            t(l, "Range used", "Fourchette retenue"),
            r.guideline,
            if r.official {
                ""
            } else {
                t(l, ", not official", ", non officiel")
            },
            md(&r.from_text),
            md(&r.to_text),
            r.starting_point_text
                .as_ref()
                .map(|s| format!("; {} {}", t(l, "starting point", "point de départ"), md(s)))
                .unwrap_or_default(),
        );
    }
    if let Some(p) = &doc.proportionality {
        let _ = writeln!(
            o,
            "### {}\n\n{}: **{}**\n",
            t(
                l,
                "Proportionality of the sentence imposed",
                "Proportionnalité de la peine prononcée"
            ),
            t(
                l,
                "Custodial term imposed",
                "Peine privative de liberté prononcée"
            ),
            md(&p.sentence_text)
        );
        if let (Some(g), Some(text)) = (&p.placed_against, &p.guideline_placement_text) {
            let _ = writeln!(
                o,
                "- {g}{}: {text}{}",
                if p.placed_against_official == Some(false) {
                    t(
                        l,
                        " (proposal, not official)",
                        " (proposition, non officielle)",
                    )
                } else {
                    ""
                },
                p.ratio_to_starting_point
                    .map(|r| format!(
                        " ({r}× {})",
                        t(l, "the starting point", "le point de départ")
                    ))
                    .unwrap_or_default()
            );
        }
        for s in &p.systems {
            let _ = writeln!(
                o,
                "- {}: {} {} — {}{}",
                s.system,
                md(&s.citation),
                md(&s.max_text),
                s.placement_text,
                s.share_of_maximum
                    .map(|r| format!(
                        " ({}% {})",
                        (r * 100.0).round(),
                        t(l, "of the maximum", "du maximum")
                    ))
                    .unwrap_or_default()
            );
        }
        if !p.reference_cases.is_empty() {
            let _ = writeln!(
                o,
                "\n{}:\n",
                t(
                    l,
                    "Real outcomes for comparable facts (examples, not rules)",
                    "Décisions réelles pour des faits comparables (exemples, pas des règles)"
                )
            );
            for c in &p.reference_cases {
                let _ = writeln!(
                    o,
                    "- {} ({}, {}): {} — {}; {} {}",
                    md(&c.court),
                    c.country,
                    text::date(c.date, l),
                    md(&c.sentence_text),
                    c.outcome_text,
                    text::verification_code(&c.verification, l),
                    refs(&c.sources)
                );
            }
        }
        o.push('\n');
    }
}

fn limitation(o: &mut String, doc: &Document, l: &str) {
    let _ = writeln!(
        o,
        "## 6. {}\n",
        t(
            l,
            "Limitation and jurisdiction",
            "Prescription et compétence"
        )
    );
    for s in &doc.systems {
        if s.qualifications.is_empty() {
            continue;
        }
        let _ = writeln!(
            o,
            "### {} ({})\n\n| {} | {} | {} |\n|---|---|---|",
            md(&s.name),
            s.id,
            t(l, "Provision", "Disposition"),
            t(l, "Limitation", "Prescription"),
            t(l, "Can the state prosecute?", "L'État peut-il poursuivre ?"),
        );
        for q in &s.qualifications {
            let lim = q
                .limitation
                .as_ref()
                .map(|x| {
                    let mut s = x.summary.clone();
                    if let (Some(c), Some(p)) = (&x.rule_citation, &x.period_text) {
                        s.push_str(&format!(" — {c}: {p}"));
                    }
                    s
                })
                .unwrap_or_else(|| "—".into());
            let jur = q
                .jurisdiction
                .as_ref()
                .map(|j| j.summary.clone())
                .unwrap_or_else(|| "—".into());
            let _ = writeln!(
                o,
                "| {} {} | {} | {} |",
                mark(q.status),
                md(&q.citation),
                md(&lim),
                md(&jur)
            );
        }
        o.push('\n');
        let mut lines = Vec::new();
        for g in s.grounds_not_excluded() {
            let mut line = format!(
                "- {} — {} ({}): {}",
                md(&g.citation),
                md(&g.label),
                text::basis(g.basis, l),
                if g.holds == Some(true) {
                    t(l, "holds", "établi")
                } else {
                    t(
                        l,
                        "depends on facts not stated",
                        "dépend de faits non renseignés",
                    )
                }
            );
            if g.double_criminality {
                line.push_str(&format!(
                    "; {}",
                    t(
                        l,
                        "double criminality required",
                        "double incrimination exigée"
                    )
                ));
            }
            for c in &g.conditions {
                line.push_str(&format!("; {}", md(c)));
            }
            line.push_str(&format!(
                "; {} {}",
                text::verification_code(&g.verification, l),
                refs(&g.sources)
            ));
            lines.push(line);
        }
        if !lines.is_empty() {
            let _ = writeln!(
                o,
                "{}:\n\n{}\n",
                t(
                    l,
                    "Grounds of jurisdiction that hold or may hold",
                    "Chefs de compétence établis ou possibles"
                ),
                lines.join("\n")
            );
        }
    }
}

fn warnings(o: &mut String, doc: &Document, l: &str) {
    let _ = writeln!(
        o,
        "## 7. {} ({})\n",
        t(l, "Verification warnings", "Avertissements de vérification"),
        doc.warnings.len()
    );
    if doc.warnings.is_empty() {
        let _ = writeln!(o, "{}\n", t(l, "None.", "Aucun."));
    }
    for w in &doc.warnings {
        let _ = writeln!(o, "- ⚠ {}", md(&w.text));
    }
    o.push('\n');
}

fn sources(o: &mut String, doc: &Document, l: &str) {
    let _ = writeln!(o, "## 8. {}\n", t(l, "Sources", "Sources"));
    if doc.sources.is_empty() {
        let _ = writeln!(o, "{}\n", t(l, "None.", "Aucune."));
    }
    for s in &doc.sources {
        let dates = text::last_verified(&s.last_verified, l);
        let _ = writeln!(
            o,
            "{}. <{}> — {dates} — {}: {}",
            s.n,
            s.url.replace(' ', "%20").replace('>', "%3E"),
            t(l, "cited by", "cité par"),
            md(&s.cited_by.join(", "))
        );
    }
    o.push('\n');
}
