//! The report as one self-contained HTML5 file: inline CSS (screen and A4 print), inline
//! SVG charts, no script and no external reference of any kind (source addresses are shown
//! as text, never as links). Status is always written in words and symbols, never shown
//! by colour alone. Layout only: every word of law comes from the document model.

use std::fmt::Write;

use super::text::{self, t};
use super::*;

/// Escapes text for HTML content and attribute values (written here rather than taken
/// from a crate: five characters, and the tests parse the output with html5ever).
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Control characters other than tab and newline are not allowed in HTML text.
            c if c.is_control() && c != '\n' && c != '\t' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

/// An id usable in `id` and `href="#…"`.
fn anchor(prefix: &str, s: &str) -> String {
    let mut out = String::from(prefix);
    for c in s.chars() {
        out.push(if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
            c
        } else {
            '_'
        });
    }
    out
}

const CSS: &str = r#"
:root{--ink:#161616;--muted:#4a4a4a;--rule:#b8b8b8;--head:#eef0f3;--ok:#1b5e20;--ok-bg:#e6f4e7;--maybe:#7a4a00;--maybe-bg:#fff1d6;--no:#4a4a4a;--no-bg:#f1f1f1;--warn:#8a1c1c;--warn-bg:#fdeceb}
*{box-sizing:border-box}
html{color:var(--ink);background:#fff;font-family:"DejaVu Serif","Noto Serif","Liberation Serif",Georgia,"Times New Roman",serif;font-size:11pt;line-height:1.42}
body{max-width:200mm;margin:0 auto;padding:12mm 10mm}
h1,h2,h3,h4,h5,.badge,th,nav,.meta,figcaption,.chart-note{font-family:"DejaVu Sans","Noto Sans","Liberation Sans",Arial,Helvetica,sans-serif}
h1{font-size:19pt;margin:0 0 .2em;line-height:1.2}
h2{font-size:14.5pt;margin:1.6em 0 .5em;padding-bottom:.15em;border-bottom:2px solid #333;break-after:avoid}
h3{font-size:12.5pt;margin:1.3em 0 .4em;break-after:avoid}
h4{font-size:11pt;margin:1.1em 0 .4em;text-transform:uppercase;letter-spacing:.03em;color:var(--muted);break-after:avoid}
h5{font-size:10.5pt;margin:0 0 .35em;line-height:1.3;break-after:avoid}
p{margin:.35em 0}
.kicker{font-family:"DejaVu Sans",Arial,sans-serif;font-size:9pt;letter-spacing:.08em;text-transform:uppercase;color:var(--muted);margin:0}
.case-title{font-size:13pt;margin:.2em 0 .6em}
table{border-collapse:collapse;width:100%;margin:.4em 0 .9em;font-size:9.3pt;line-height:1.3}
th,td{border:1px solid var(--rule);padding:3px 5px;text-align:left;vertical-align:top}
th{background:var(--head);font-weight:bold;font-size:8.8pt}
thead{display:table-header-group}
tr{break-inside:avoid}
table.meta{width:auto;min-width:60%}
table.meta th{width:16em}
.banner{border:2px solid var(--warn);background:var(--warn-bg);color:var(--warn);padding:.45em .7em;margin:.6em 0;font-weight:bold}
.disclaimer{border-left:4px solid #555;background:#f6f6f6;padding:.4em .7em;margin:.6em 0;font-size:10pt}
.badge{display:inline-block;border:1px solid currentColor;border-radius:3px;padding:0 .35em;font-size:8.3pt;font-weight:bold;letter-spacing:.02em;white-space:nowrap;line-height:1.5}
.st-applies{color:var(--ok);background:var(--ok-bg)}
.st-possible{color:var(--maybe);background:var(--maybe-bg)}
.st-excluded,.st-not_covered{color:var(--no);background:var(--no-bg)}
.el-met{color:var(--ok)}
.el-unmet{color:var(--warn)}
.el-unknown{color:var(--maybe)}
.warn{color:var(--warn)}
.qual{border:1px solid var(--rule);border-left:5px solid var(--maybe);padding:.5em .75em .3em;margin:.7em 0 1em;background:#fff}
.qual.st-applies{border-left-color:var(--ok);color:inherit;background:#fff}
.qual.st-possible{color:inherit;background:#fff}
.qual .facts-line{margin:.15em 0}
dl.kv{display:grid;grid-template-columns:11em 1fr;gap:.15em .8em;margin:.3em 0 .5em;font-size:10pt}
dl.kv dt{font-weight:bold;color:var(--muted)}
dl.kv dd{margin:0}
ul.tight{margin:.2em 0 .4em;padding-left:1.3em}
ul.tight li{margin:.1em 0}
.notes{font-size:8.8pt;color:var(--muted);margin:.3em 0}
.notes summary{font-weight:bold}
.notes ul{margin:.15em 0;padding-left:1.2em}
code,.url{font-family:"DejaVu Sans Mono","Liberation Mono",Consolas,monospace;font-size:8.3pt;overflow-wrap:anywhere;word-break:break-word}
.url{word-break:break-all}
.refs{font-size:8.8pt;color:var(--muted)}
.refs a{color:inherit}
figure{margin:.6em 0 1em;break-inside:avoid}
figcaption{font-size:9pt;color:var(--muted);margin-top:.2em}
svg.chart{display:block;max-width:100%;height:auto;font-family:"DejaVu Sans",Arial,sans-serif}
svg.chart text{paint-order:stroke;stroke:#fff;stroke-width:3px;stroke-linejoin:round}
nav.toc ol{margin:.2em 0;padding-left:1.4em;columns:2;font-size:10pt}
nav.toc a{color:inherit;text-decoration:none}
ol.sources{padding-left:2.2em;font-size:9pt}
ol.sources li{margin:.25em 0;break-inside:avoid}
.small{font-size:9pt}
.matrix td,.matrix th{font-size:8.4pt}
.matrix td .badge{font-size:7.6pt}
.muted{color:var(--muted)}
footer{margin-top:2em;border-top:1px solid var(--rule);padding-top:.4em;font-size:8.5pt;color:var(--muted)}
@page{size:A4;margin:16mm 14mm 18mm 14mm;@bottom-right{content:counter(page) " / " counter(pages);font-size:8pt;color:#555}@bottom-left{content:"qualif — decision support, not legal advice";font-size:8pt;color:#555}}
@media print{
 html{font-size:10pt}
 body{max-width:none;padding:0}
 a{color:inherit;text-decoration:none}
 .page-break,.system,section.major{break-before:page}
 nav.toc{break-inside:avoid}
 .qual{break-inside:auto}
 .qual-head{break-inside:avoid;break-after:avoid}
 h2,h3,h4,h5{break-after:avoid}
 table.elements{break-inside:avoid}
 details.notes>*{display:block}
}
"#;

fn status_class(s: Status) -> &'static str {
    match s {
        Status::Applies => "st-applies",
        Status::Possible => "st-possible",
        Status::Excluded => "st-excluded",
    }
}

fn mark(s: Status) -> &'static str {
    match s {
        Status::Applies => "✓",
        Status::Possible => "?",
        Status::Excluded => "✗",
    }
}

fn badge(s: Status, text: &str) -> String {
    format!(
        r#"<span class="badge {}">{} {}</span>"#,
        status_class(s),
        mark(s),
        esc(&text.to_uppercase())
    )
}

fn refs(ns: &[usize]) -> String {
    if ns.is_empty() {
        return String::new();
    }
    let links: Vec<String> = ns
        .iter()
        .map(|n| format!(r##"<a href="#src-{n}">[{n}]</a>"##))
        .collect();
    format!(r#"<span class="refs">{}</span>"#, links.join(" "))
}

fn verification_html(code: Option<&str>, text: &str) -> String {
    match code {
        Some("verified-primary") => format!("✓ {}", esc(text)),
        Some("verified-secondary") => format!(r#"<span class="warn">◐ {}</span>"#, esc(text)),
        _ => format!(
            r#"<span class="warn"><strong>⚠ {}</strong></span>"#,
            esc(text)
        ),
    }
}

pub fn render(doc: &Document) -> String {
    let l = doc.lang.as_str();
    let mut o = String::with_capacity(256 * 1024);
    let title = match (&doc.header.title, doc.redacted) {
        (Some(title), _) => format!("{} — qualif", title),
        (None, true) => t(l, "Redacted report — qualif", "Rapport anonymisé — qualif").into(),
        (None, false) => t(
            l,
            "Qualification report — qualif",
            "Rapport de qualification — qualif",
        )
        .into(),
    };
    let _ = write!(
        o,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"generator\" content=\"{}\">\n<title>{}</title>\n<style>{CSS}</style>\n</head>\n<body>\n",
        esc(l),
        esc(&doc.generator),
        esc(&title)
    );
    header(&mut o, doc, l);
    toc(&mut o, l);
    o.push_str("<main>\n");
    facts(&mut o, doc, l);
    systems(&mut o, doc, l);
    international(&mut o, doc, l);
    comparison(&mut o, doc, l);
    scales(&mut o, doc, l);
    limitation(&mut o, doc, l);
    warnings(&mut o, doc, l);
    sources(&mut o, doc, l);
    let _ = write!(
        o,
        "<section id=\"about\">\n<h2>9. {}</h2>\n",
        esc(t(
            l,
            "What this report is and is not",
            "Ce qu'est ce rapport, et ce qu'il n'est pas"
        ))
    );
    for p in &doc.statement {
        let _ = writeln!(o, "<p>{}</p>", esc(p));
    }
    o.push_str("</section>\n</main>\n");
    let _ = write!(
        o,
        "<footer><p>{} {} — {}{}</p></footer>\n</body>\n</html>\n",
        esc(t(l, "Produced by", "Produit par")),
        esc(&doc.generator),
        esc(&text::date(doc.header.produced_on, l)),
        if doc.redacted {
            format!(" — {}", esc(t(l, "redacted report", "rapport anonymisé")))
        } else {
            String::new()
        }
    );
    o
}

fn header(o: &mut String, doc: &Document, l: &str) {
    let h = &doc.header;
    o.push_str("<header>\n");
    let _ = writeln!(
        o,
        "<p class=\"kicker\">qualif — {}</p>\n<h1>{}</h1>",
        esc(t(l, "written report", "rapport écrit")),
        esc(t(
            l,
            "Report on the qualification of the facts",
            "Rapport de qualification des faits"
        ))
    );
    if let Some(title) = &h.title {
        let _ = writeln!(
            o,
            "<p class=\"case-title\"><strong>{}</strong></p>",
            esc(title)
        );
    }
    if doc.redacted {
        let _ = write!(
            o,
            "<p class=\"banner\" role=\"note\">⚠ {}",
            esc(t(
                l,
                "REDACTED REPORT: the case title, the notes, free-text fields and identifying fields (dates of birth) have been removed. Ages and countries are kept.",
                "RAPPORT ANONYMISÉ : l'intitulé du dossier, les notes, les champs de texte libre et les champs identifiants (dates de naissance) ont été retirés. Les âges et les pays sont conservés."
            ))
        );
        if !h.redacted_fields.is_empty() {
            let _ = write!(
                o,
                "<br><span class=\"small\">{}: {}</span>",
                esc(t(l, "Removed", "Retirés")),
                esc(&h.redacted_fields.join(", "))
            );
        }
        o.push_str("</p>\n");
    }
    let _ = writeln!(
        o,
        "<table class=\"meta\">\n<tbody>\n<tr><th scope=\"row\">{}</th><td>{}</td></tr>\n<tr><th scope=\"row\">{}</th><td>{}</td></tr>\n<tr><th scope=\"row\">{}</th><td>{}</td></tr>\n<tr><th scope=\"row\">{}</th><td>{}</td></tr>\n</tbody>\n</table>",
        esc(t(l, "Date of the facts", "Date des faits")),
        esc(&h
            .date_of_facts
            .map(|d| text::date(d, l))
            .unwrap_or_else(|| t(l, "not stated", "non précisée").into())),
        esc(crate::report::words::law_applied(l)),
        esc(&text::date(h.law_date, l)),
        esc(t(l, "Limitation assessed on", "Prescription appréciée au")),
        esc(&text::date(h.date_of_assessment, l)),
        esc(t(l, "Report produced on", "Rapport produit le")),
        esc(&text::date(h.produced_on, l)),
    );
    for w in &h.warnings {
        let _ = writeln!(o, "<p class=\"banner\" role=\"note\">⚠ {}</p>", esc(w));
    }
    if let Some(notes) = &h.notes {
        let _ = writeln!(
            o,
            "<div class=\"disclaimer\"><strong>{}</strong><br>{}</div>",
            esc(t(l, "Notes", "Notes")),
            esc(notes).replace('\n', "<br>")
        );
    }
    let _ = writeln!(
        o,
        "<p class=\"disclaimer\"><strong>{}</strong> {}</p>\n</header>",
        esc(t(
            l,
            "Decision support, not legal advice.",
            "Aide à la décision, pas un avis juridique."
        )),
        esc(t(
            l,
            "Check every qualification against the official texts before relying on it; provisions marked ⚠ are unverified or rest on secondary sources (section 7). A fact not stated is unknown, never “no”.",
            "Vérifiez chaque qualification dans les textes officiels avant de l'invoquer ; les dispositions marquées ⚠ ne sont pas vérifiées ou reposent sur des sources secondaires (section 7). Un fait non renseigné est inconnu, jamais « non »."
        ))
    );
}

fn toc(o: &mut String, l: &str) {
    let items = [
        ("facts", t(l, "The facts", "Les faits")),
        (
            "qualifications",
            t(
                l,
                "Qualifications by legal system",
                "Qualifications par système juridique",
            ),
        ),
        (
            "international",
            t(
                l,
                "International obligations engaged",
                "Obligations internationales en jeu",
            ),
        ),
        (
            "comparison",
            t(l, "Comparison across systems", "Comparaison entre systèmes"),
        ),
        (
            "scale",
            t(l, "Sentencing scale", "Barème indicatif des peines"),
        ),
        (
            "limitation",
            t(
                l,
                "Limitation and jurisdiction",
                "Prescription et compétence",
            ),
        ),
        (
            "warnings",
            t(l, "Verification warnings", "Avertissements de vérification"),
        ),
        ("sources", t(l, "Sources", "Sources")),
        (
            "about",
            t(
                l,
                "What this report is and is not",
                "Ce qu'est ce rapport, et ce qu'il n'est pas",
            ),
        ),
    ];
    let _ = write!(
        o,
        "<nav class=\"toc\" aria-label=\"{}\">\n<h2>{}</h2>\n<ol>",
        esc(t(l, "Contents", "Sommaire")),
        esc(t(l, "Contents", "Sommaire"))
    );
    for (id, name) in items {
        let _ = write!(o, "<li><a href=\"#{id}\">{}</a></li>", esc(name));
    }
    o.push_str("</ol>\n</nav>\n");
}

fn facts(o: &mut String, doc: &Document, l: &str) {
    let _ = writeln!(
        o,
        "<section id=\"facts\">\n<h2>1. {}</h2>\n<h3>{}</h3>",
        esc(t(l, "The facts", "Les faits")),
        esc(t(l, "Facts as established", "Faits établis"))
    );
    if doc.facts.established.is_empty() {
        let _ = writeln!(
            o,
            "<p>{}</p>",
            esc(t(l, "No fact is stated.", "Aucun fait n'est renseigné."))
        );
    } else {
        let _ = writeln!(
            o,
            "<table>\n<thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead>\n<tbody>",
            esc(t(l, "Topic", "Rubrique")),
            esc(t(l, "Fact", "Fait")),
            esc(t(l, "Value", "Valeur"))
        );
        let mut last = "";
        for f in &doc.facts.established {
            let topic = if f.section == last {
                String::new()
            } else {
                esc(&f.section_text)
            };
            last = &f.section;
            let _ = writeln!(
                o,
                "<tr><td>{topic}</td><th scope=\"row\">{}</th><td>{}</td></tr>",
                esc(&f.label),
                esc(&f.value_text).replace('\n', "<br>")
            );
        }
        o.push_str("</tbody>\n</table>\n");
    }
    let _ = writeln!(
        o,
        "<h3>{}</h3>",
        esc(t(
            l,
            "Facts still unknown that matter",
            "Faits encore inconnus qui comptent"
        ))
    );
    if doc.facts.unknown.is_empty() {
        let _ = writeln!(
            o,
            "<p>{}</p>",
            esc(t(
                l,
                "None: every qualification is decided by the facts given.",
                "Aucun : chaque qualification est tranchée par les faits fournis."
            ))
        );
    } else {
        let _ = writeln!(
            o,
            "<p>{}</p>\n<table>\n<thead><tr><th scope=\"col\" style=\"width:32%\">{}</th><th scope=\"col\">{}</th><th scope=\"col\" style=\"width:28%\">{}</th></tr></thead>\n<tbody>",
            esc(t(
                l,
                "A fact not stated is unknown, never “no”. Establishing these facts would decide the qualifications and aggravations listed.",
                "Un fait non renseigné est inconnu, jamais « non ». Établir ces faits trancherait les qualifications et circonstances aggravantes indiquées."
            )),
            esc(t(l, "Fact (case-file key)", "Fait (clé du dossier)")),
            esc(t(
                l,
                "Would decide the qualification",
                "Trancherait la qualification"
            )),
            esc(t(
                l,
                "Would decide an aggravation of",
                "Trancherait une aggravation de"
            )),
        );
        for u in &doc.facts.unknown {
            let _ = writeln!(
                o,
                "<tr><th scope=\"row\">{}<br><code>{}</code></th><td class=\"small\">{}</td><td class=\"small\">{}</td></tr>",
                esc(&u.label),
                esc(&u.key),
                esc(&text::groups(&u.decides, l)),
                esc(&text::groups(&u.decides_aggravations, l))
            );
        }
        o.push_str("</tbody>\n</table>\n");
    }
    o.push_str("</section>\n");
}

fn qualification(o: &mut String, q: &QualSection, l: &str) {
    let _ = write!(
        o,
        "<article class=\"qual {}\" id=\"{}\">\n<div class=\"qual-head\">\n<h5>{} {} <span class=\"muted\">— {}</span></h5>\n",
        status_class(q.status),
        anchor("q-", &q.id),
        badge(q.status, &q.status_text),
        esc(&q.citation),
        esc(&q.title)
    );
    if !q.alternative_to.is_empty() {
        let _ = writeln!(
            o,
            "<p class=\"warn\">⚠ {} <code>{}</code> {}</p>",
            esc(t(
                l,
                "Either this provision or",
                "Soit cette disposition, soit"
            )),
            esc(&q.alternative_to.join(", ")),
            esc(t(
                l,
                "applies: every other element is met; the facts still missing decide which.",
                "s'applique : tous les autres éléments sont établis ; les faits manquants décident laquelle."
            ))
        );
    }
    o.push_str("<dl class=\"kv\">");
    let _ = write!(
        o,
        "<dt>{}</dt><dd><code>{}</code>{}</dd>",
        esc(t(l, "Id", "Identifiant")),
        esc(&q.id),
        q.title_original
            .as_ref()
            .filter(|x| **x != q.title)
            .map(|x| format!(" — <i>{}</i>", esc(x)))
            .unwrap_or_default()
    );
    if let Some(v) = &q.version {
        let _ = write!(
            o,
            "<dt>{}</dt><dd>{}{}</dd>",
            esc(t(l, "Version applied", "Version appliquée")),
            esc(&v.text),
            v.last_verified
                .map(|d| format!(
                    " <span class=\"muted\">({} {})</span>",
                    esc(t(l, "last verified", "dernière vérification le")),
                    esc(&text::date(d, l))
                ))
                .unwrap_or_default()
        );
    }
    let _ = write!(
        o,
        "<dt>{}</dt><dd>{}</dd>",
        esc(t(l, "Verification", "Vérification")),
        verification_html(q.verification.as_deref(), &q.verification_text)
    );
    if let Some(p) = &q.penalty {
        let _ = write!(
            o,
            "<dt>{}</dt><dd><strong>{}</strong>",
            esc(t(l, "Penalty", "Peine")),
            esc(&p.text)
        );
        if let Some(b) = q.base_penalty_text.as_ref().filter(|b| **b != p.text) {
            let _ = write!(
                o,
                "<br><span class=\"small muted\">{}: {}</span>",
                esc(t(
                    l,
                    "base penalty, before aggravations",
                    "peine de base, avant aggravation"
                )),
                esc(b)
            );
        }
        o.push_str("</dd>");
    }
    if !q.aggravations.is_empty() {
        let _ = write!(
            o,
            "<dt>{}</dt><dd><ul class=\"tight\">",
            esc(t(l, "Aggravations", "Aggravations"))
        );
        for a in &q.aggravations {
            let role = if a.sets_penalty {
                format!(
                    " <strong>({})</strong>",
                    esc(t(l, "sets the penalty applied", "fixe la peine appliquée"))
                )
            } else if a.status == Status::Applies {
                format!(
                    " <span class=\"muted small\">({})</span>",
                    esc(t(
                        l,
                        "superseded by a more severe aggravation",
                        "absorbée par une aggravation plus sévère"
                    ))
                )
            } else {
                String::new()
            };
            let _ = write!(
                o,
                "<li>{} {}{role} — <span class=\"small\">{}</span>{}</li>",
                badge(a.status, &a.status_text),
                esc(&a.label),
                esc(&a.penalty_text),
                if a.verification == "verified-primary" {
                    String::new()
                } else {
                    format!(
                        " <span class=\"warn small\">⚠ {}</span>",
                        esc(text::verification_code(&a.verification, l))
                    )
                }
            );
        }
        o.push_str("</ul></dd>");
    }
    if let Some(p) = &q.penalty_if_possible_aggravations_text {
        let _ = write!(
            o,
            "<dt>{}</dt><dd>{}</dd>",
            esc(t(l, "If established", "Si établies")),
            esc(&format!(
                "{} {p}",
                t(
                    l,
                    "the possible aggravations raise it up to",
                    "les aggravations possibles la portent jusqu'à"
                )
            ))
        );
    }
    if let Some(m) = &q.milder_later_version {
        let _ = write!(
            o,
            "<dt class=\"warn\">⚠ {}</dt><dd>{} {}: {}</dd>",
            esc(t(l, "Milder later law", "Loi plus douce")),
            esc(t(l, "in force from", "en vigueur depuis le")),
            esc(&text::date(m.in_force_from, l)),
            esc(&m.penalty_text)
        );
    }
    for p in &q.pending_reforms {
        let _ = write!(
            o,
            "<dt>{}</dt><dd>{} {} ({}): {}</dd>",
            esc(t(l, "Pending reform", "Réforme en attente")),
            esc(t(l, "not applied; from", "non appliquée ; à compter du")),
            esc(&text::date(p.in_force_from, l)),
            esc(text::verification_code(&p.verification, l)),
            esc(&p.penalty_text)
        );
    }
    for r in &q.readings {
        let _ = write!(
            o,
            "<dt class=\"warn\">⚠ {}</dt><dd>{} — <span class=\"small\">{}</span> {}</dd>",
            esc(t(l, "Other reading", "Autre lecture")),
            esc(&r.penalty_text),
            esc(&r.note),
            refs(&r.sources)
        );
    }
    o.push_str("</dl>\n</div>\n");
    let _ = write!(
        o,
        "<table class=\"elements\">\n<thead><tr><th scope=\"col\">{}</th><th scope=\"col\" style=\"width:9em\">{}</th></tr></thead>\n<tbody>",
        esc(t(l, "Element", "Élément")),
        esc(t(l, "Status", "Statut"))
    );
    for e in &q.elements {
        let (class, m) = match e.status {
            ElementStatus::Met => ("el-met", "✓"),
            ElementStatus::Unmet => ("el-unmet", "✗"),
            ElementStatus::Unknown => ("el-unknown", "?"),
        };
        let _ = write!(
            o,
            "<tr><td>{}</td><td class=\"{class}\"><strong>{m} {}</strong></td></tr>",
            esc(&e.label),
            esc(&e.status_text)
        );
    }
    o.push_str("</tbody>\n</table>\n<dl class=\"kv\">");
    if !q.missing_facts.is_empty() {
        let _ = write!(
            o,
            "<dt>{}</dt><dd>{}</dd>",
            esc(t(l, "Still to establish", "Reste à établir")),
            q.missing_facts
                .iter()
                .map(|m| format!("<code>{}</code>", esc(m)))
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    if let Some(lim) = &q.limitation {
        let _ = write!(
            o,
            "<dt>{}</dt><dd>{}</dd>",
            esc(t(l, "Limitation", "Prescription")),
            esc(&lim.summary)
        );
    }
    if let Some(j) = &q.jurisdiction {
        let _ = write!(
            o,
            "<dt>{}</dt><dd>{}</dd>",
            esc(t(l, "Jurisdiction", "Compétence")),
            esc(&j.summary)
        );
    }
    if !q.sources.is_empty() {
        let _ = write!(
            o,
            "<dt>{}</dt><dd>{}</dd>",
            esc(t(l, "Sources", "Sources")),
            refs(&q.sources)
        );
    }
    o.push_str("</dl>\n");
    if !q.warnings.is_empty() || !q.notes.is_empty() {
        o.push_str("<div class=\"notes\">");
        if !q.warnings.is_empty() {
            o.push_str("<ul>");
            for w in &q.warnings {
                let _ = write!(o, "<li class=\"warn\">⚠ {}</li>", esc(w));
            }
            o.push_str("</ul>");
        }
        if !q.notes.is_empty() {
            let _ = write!(
                o,
                "<p><strong>{}</strong></p><ul>",
                esc(t(
                    l,
                    "Notes of the legal data",
                    "Notes des données juridiques"
                ))
            );
            for n in &q.notes {
                let _ = write!(o, "<li>{}</li>", esc(n));
            }
            o.push_str("</ul>");
        }
        o.push_str("</div>\n");
    }
    o.push_str("</article>\n");
}

fn systems(o: &mut String, doc: &Document, l: &str) {
    let _ = writeln!(
        o,
        "<section id=\"qualifications\" class=\"major\">\n<h2>2. {}</h2>",
        esc(t(
            l,
            "Qualifications by legal system",
            "Qualifications par système juridique"
        ))
    );
    if !doc.charts.penalties.is_empty() {
        let _ = writeln!(
            o,
            "<figure>\n{}\n<figcaption>{}</figcaption>\n</figure>",
            super::svg::penalties(&doc.charts.penalties, l),
            esc(t(
                l,
                "Leading qualification in each system: the applicable provision with the highest maximum; when none applies, the most severe possible one (dashed). Penalties as applicable to these facts, aggravations included.",
                "Qualification principale dans chaque système : la disposition applicable au maximum le plus élevé ; à défaut, la plus sévère des possibles (en pointillé). Peines applicables à ces faits, aggravations comprises."
            ))
        );
        let _ = writeln!(
            o,
            "<table>\n<thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead>\n<tbody>",
            esc(t(l, "System", "Système")),
            esc(t(l, "Leading qualification", "Qualification principale")),
            esc(t(l, "Status", "Statut")),
            esc(t(l, "Maximum", "Maximum")),
            esc(t(l, "Minimum", "Minimum")),
        );
        for b in &doc.charts.penalties {
            let _ = writeln!(
                o,
                "<tr><th scope=\"row\">{} ({})</th><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                esc(&b.system_name),
                esc(&b.system),
                b.citation
                    .as_ref()
                    .map(|c| format!(
                        "{}<br><code>{}</code>",
                        esc(c),
                        esc(b.provision.as_deref().unwrap_or(""))
                    ))
                    .unwrap_or_else(|| "—".into()),
                b.status
                    .map(|s| badge(s, crate::report::words::status(s, l)))
                    .unwrap_or_else(|| "—".into()),
                esc(&b.max_text),
                esc(b.min_text.as_deref().unwrap_or("—"))
            );
        }
        o.push_str("</tbody>\n</table>\n");
        for b in doc
            .charts
            .penalties
            .iter()
            .filter(|b| !b.unconfirmed.is_empty())
        {
            let _ = writeln!(
                o,
                "<p class=\"warn\">⚠ {}: {} <code>{}</code></p>",
                esc(&b.system),
                esc(t(
                    l,
                    "other provisions with the same status have a maximum that is not confirmed and may be higher:",
                    "d'autres dispositions de même statut ont un maximum non confirmé, peut-être plus élevé :"
                )),
                esc(&b.unconfirmed.join(", "))
            );
        }
    }
    for s in &doc.systems {
        let _ = writeln!(
            o,
            "<section class=\"system\" id=\"{}\">\n<h3>{} ({})</h3>\n<p>{}</p>",
            anchor("sys-", &s.id),
            esc(&s.name),
            esc(&s.id),
            format_args!(
                "{} · {} · {}{}",
                badge(
                    Status::Applies,
                    &format!("{} {}", s.counts.applies, t(l, "apply", "applicable(s)"))
                ),
                badge(
                    Status::Possible,
                    &format!("{} {}", s.counts.possible, t(l, "possible", "possible(s)"))
                ),
                badge(
                    Status::Excluded,
                    &format!("{} {}", s.counts.excluded, t(l, "excluded", "exclue(s)"))
                ),
                s.last_verified
                    .map(|d| format!(
                        " <span class=\"muted small\">— {} {}</span>",
                        esc(t(l, "data last verified", "données vérifiées le")),
                        esc(&text::date(d, l))
                    ))
                    .unwrap_or_default()
            )
        );
        for (status, name) in text::qualification_lists(l) {
            let qs: Vec<&QualSection> = s
                .qualifications
                .iter()
                .filter(|q| q.status == status)
                .collect();
            let _ = writeln!(o, "<h4>{}</h4>", esc(name));
            if qs.is_empty() {
                let _ = writeln!(o, "<p>{}</p>", esc(t(l, "None.", "Aucune.")));
            }
            if status == Status::Possible && !qs.is_empty() {
                let _ = writeln!(
                    o,
                    "<p class=\"small muted\">{}</p>",
                    esc(t(
                        l,
                        "Possible: no element is unmet, but at least one depends on a fact not stated. They are not charges: each needs the facts listed under “still to establish”.",
                        "Possible : aucun élément n'est exclu, mais au moins un dépend d'un fait non renseigné. Ce ne sont pas des chefs de poursuite : chacune suppose les faits indiqués sous « reste à établir »."
                    ))
                );
            }
            for q in qs {
                qualification(o, q, l);
            }
        }
        if !s.excluded.is_empty() {
            let _ = writeln!(
                o,
                "<h4>{}</h4>\n<table>\n<thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead>\n<tbody>",
                esc(t(
                    l,
                    "Provisions excluded on these facts",
                    "Dispositions exclues sur ces faits"
                )),
                esc(t(l, "Provision", "Disposition")),
                esc(t(l, "Element not met", "Élément non établi")),
                esc(t(l, "Verification", "Vérification")),
            );
            for e in &s.excluded {
                let mut why = esc(&e.unmet.join("; "));
                if e.gives_way {
                    why.push_str(&format!(
                        " <em>({})</em>",
                        esc(t(
                            l,
                            "gives way to a principal offence that applies",
                            "s'efface devant une infraction principale applicable"
                        ))
                    ));
                }
                let _ = writeln!(
                    o,
                    "<tr><th scope=\"row\">{}<br><span class=\"small muted\">{}</span></th><td>✗ {why}</td><td class=\"small\">{}</td></tr>",
                    esc(&e.citation),
                    esc(&e.title),
                    match e.verification.as_deref() {
                        Some("verified-primary") =>
                            format!("✓ {}", esc(text::verification_code("verified-primary", l))),
                        Some(v) => format!(
                            "<span class=\"warn\">⚠ {}</span>",
                            esc(text::verification_code(v, l))
                        ),
                        None => "—".into(),
                    }
                );
            }
            o.push_str("</tbody>\n</table>\n");
        }
        o.push_str("</section>\n");
    }
    o.push_str("</section>\n");
}

fn international(o: &mut String, doc: &Document, l: &str) {
    let _ = writeln!(
        o,
        "<section id=\"international\" class=\"major\">\n<h2>3. {}</h2>\n<p class=\"small muted\">{}</p>",
        esc(t(
            l,
            "International obligations engaged",
            "Obligations internationales en jeu"
        )),
        esc(t(
            l,
            "An instrument does not punish: it obliges the states bound by it to make conduct an offence, with at least the maximum penalty shown.",
            "Un instrument ne punit pas : il oblige les États liés à incriminer un comportement, avec au moins le maximum indiqué."
        ))
    );
    if doc.international.is_empty() {
        let _ = writeln!(
            o,
            "<p>{}</p>",
            esc(t(
                l,
                "No international instrument in the data.",
                "Aucun instrument international dans les données."
            ))
        );
    }
    for i in &doc.international {
        let _ = writeln!(
            o,
            "<h3 id=\"{}\">{} ({})</h3>",
            anchor("sys-", &i.id),
            esc(&i.name),
            esc(&i.id)
        );
        if i.parties.is_empty() {
            let _ = writeln!(
                o,
                "<p>{}</p>",
                esc(t(
                    l,
                    "None of the national systems of this report is bound by it at the date of the law applied.",
                    "Aucun des systèmes nationaux de ce rapport n'y est lié à la date du droit appliqué."
                ))
            );
        } else {
            let _ = writeln!(
                o,
                "<p>{}: {}</p>",
                esc(t(l, "Binding on", "Lie")),
                esc(&i
                    .parties
                    .iter()
                    .map(|p| format!(
                        "{} ({} {})",
                        p.state,
                        t(l, "since", "depuis le"),
                        text::date(p.since, l)
                    ))
                    .collect::<Vec<_>>()
                    .join(", "))
            );
        }
        if i.obligations.is_empty() {
            let _ = writeln!(
                o,
                "<p>{}</p>",
                esc(t(
                    l,
                    "No obligation is engaged by these facts.",
                    "Aucune obligation n'est en jeu sur ces faits."
                ))
            );
        } else {
            let _ = writeln!(
                o,
                "<table>\n<thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead>\n<tbody>",
                esc(t(l, "Obligation", "Obligation")),
                esc(t(l, "Status", "Statut")),
                esc(t(
                    l,
                    "Maximum the state must provide, at least",
                    "Maximum que l'État doit prévoir, au moins"
                )),
                esc(t(
                    l,
                    "Elements not yet established",
                    "Éléments non encore établis"
                )),
                esc(t(l, "Verification", "Vérification")),
            );
            for q in &i.obligations {
                let open: Vec<String> = q
                    .elements
                    .iter()
                    .filter(|e| e.status != ElementStatus::Met)
                    .map(|e| format!("? {}", esc(&e.label)))
                    .collect();
                let _ = writeln!(
                    o,
                    "<tr><th scope=\"row\">{}<br><span class=\"small muted\">{}</span></th><td>{}</td><td>{}</td><td class=\"small\">{}</td><td class=\"small\">{} {}</td></tr>",
                    esc(&q.citation),
                    esc(&q.title),
                    badge(q.status, &q.status_text),
                    esc(q.penalty.as_ref().map(|p| p.text.as_str()).unwrap_or("—")),
                    if open.is_empty() {
                        "—".into()
                    } else {
                        open.join("<br>")
                    },
                    verification_html(q.verification.as_deref(), &q.verification_text),
                    refs(&q.sources)
                );
            }
            o.push_str("</tbody>\n</table>\n");
        }
        for r in &i.state_readings {
            let _ = writeln!(
                o,
                "<h4>{} {}</h4>",
                esc(t(l, "Read for", "Lu pour")),
                esc(&r.state)
            );
            if r.obligations.is_empty() {
                let _ = writeln!(
                    o,
                    "<p>{}</p>",
                    esc(t(l, "No obligation engaged.", "Aucune obligation en jeu."))
                );
            } else {
                o.push_str("<ul class=\"tight\">");
                for ob in &r.obligations {
                    let _ = write!(
                        o,
                        "<li>{} {}{}</li>",
                        badge(ob.status, &ob.status_text),
                        esc(&ob.citation),
                        ob.floor_text
                            .as_ref()
                            .map(|f| format!(
                                " — {} {}",
                                esc(t(
                                    l,
                                    "maximum required at least",
                                    "maximum requis d'au moins"
                                )),
                                esc(f)
                            ))
                            .unwrap_or_default()
                    );
                }
                o.push_str("</ul>\n");
            }
            for s in &r.shortfalls {
                let _ = writeln!(
                    o,
                    "<p class=\"warn\">⚠ <strong>{}</strong>: {}</p>",
                    esc(t(l, "Shortfall", "Manquement")),
                    esc(s)
                );
            }
        }
    }
    o.push_str("</section>\n");
}

fn comparison(o: &mut String, doc: &Document, l: &str) {
    let c = &doc.comparison;
    let _ = writeln!(
        o,
        "<section id=\"comparison\" class=\"major\">\n<h2>4. {}</h2>",
        esc(t(
            l,
            "Comparison across systems",
            "Comparaison entre systèmes"
        ))
    );
    if c.rows.is_empty() {
        let _ = writeln!(
            o,
            "<p>{}</p>",
            esc(t(
                l,
                "No offence applies or remains possible in any system on these facts.",
                "Aucune infraction n'est applicable ni possible sur ces faits, dans aucun système."
            ))
        );
    } else {
        let _ = writeln!(
            o,
            "<p class=\"small muted\">{}</p>",
            esc(t(
                l,
                "Each cell: the status, the maximum (for an instrument: the minimum maximum it requires, “at least”), the minimum, and the provision that leads.",
                "Chaque case : le statut, le maximum (pour un instrument : le maximum minimal exigé, « au moins »), le minimum et la disposition retenue."
            ))
        );
        let _ = write!(
            o,
            "<table class=\"matrix\">\n<thead><tr><th scope=\"col\">{}</th>",
            esc(t(l, "Conduct", "Comportement"))
        );
        for s in &c.systems {
            let _ = write!(o, "<th scope=\"col\">{}</th>", esc(s));
        }
        o.push_str("</tr></thead>\n<tbody>\n");
        for row in &c.rows {
            let _ = write!(o, "<tr><th scope=\"row\">{}</th>", esc(&row.label));
            for cell in &row.cells {
                let class = format!("st-{}", cell.status);
                let m = match cell.status.as_str() {
                    "applies" => "✓",
                    "possible" => "?",
                    "excluded" => "✗",
                    _ => "—",
                };
                let _ = write!(
                    o,
                    "<td><span class=\"badge {class}\">{m} {}</span>",
                    esc(&cell.status_text.to_uppercase())
                );
                if let Some(mx) = &cell.max_text {
                    let _ = write!(
                        o,
                        "<br>{} {}",
                        esc(if cell.floor {
                            t(l, "at least", "au moins")
                        } else {
                            "max"
                        }),
                        esc(mx)
                    );
                }
                if let Some(mn) = &cell.min_text {
                    let _ = write!(o, "<br>min {}", esc(mn));
                }
                if let Some(p) = &cell.provision {
                    let _ = write!(o, "<br><code>{}</code>", esc(p));
                }
                if cell.verification.as_deref() == Some("unverified") {
                    let _ = write!(
                        o,
                        "<br><span class=\"warn\">⚠ {}</span>",
                        esc(t(l, "unverified", "non vérifié"))
                    );
                }
                o.push_str("</td>");
            }
            o.push_str("</tr>\n");
        }
        o.push_str("</tbody>\n</table>\n");
    }
    let _ = writeln!(
        o,
        "<h3>{} ({})</h3>",
        esc(t(l, "Disparities", "Disparités")),
        c.disparities.len()
    );
    if c.disparities.is_empty() {
        let _ = writeln!(
            o,
            "<p>{}</p>",
            esc(t(
                l,
                "None: these facts are treated alike in the systems compared.",
                "Aucune : ces faits sont traités de la même façon dans les systèmes comparés."
            ))
        );
    } else {
        let _ = writeln!(
            o,
            "<table>\n<thead><tr><th scope=\"col\" style=\"width:7em\">{}</th><th scope=\"col\" style=\"width:9em\">{}</th><th scope=\"col\">{}</th></tr></thead>\n<tbody>",
            esc(t(l, "Severity", "Gravité")),
            esc(t(l, "Kind", "Nature")),
            esc(t(l, "What differs", "Ce qui diffère")),
        );
        for d in &c.disparities {
            let sev = match d.severity {
                crate::compare::Severity::Major => format!(
                    "<strong class=\"warn\">⚠ {}</strong>",
                    esc(&d.severity_text)
                ),
                crate::compare::Severity::Warning => format!("◐ {}", esc(&d.severity_text)),
                crate::compare::Severity::Info => format!("ℹ {}", esc(&d.severity_text)),
            };
            let _ = writeln!(
                o,
                "<tr><td>{sev}</td><td>{}<br><span class=\"small muted\">{}</span></td><td>{}</td></tr>",
                esc(&d.kind_text),
                esc(&d.systems.join(" / ")),
                esc(&d.message)
            );
        }
        o.push_str("</tbody>\n</table>\n");
    }
    o.push_str("</section>\n");
}

fn scales(o: &mut String, doc: &Document, l: &str) {
    let _ = writeln!(
        o,
        "<section id=\"scale\" class=\"major\">\n<h2>5. {}</h2>\n<p class=\"small muted\">{}</p>",
        esc(t(l, "Sentencing scale", "Barème indicatif des peines")),
        esc(t(
            l,
            "A scale gives a starting point and a range for comparison; it binds no court outside its own jurisdiction.",
            "Un barème donne un point de départ et une fourchette à titre de comparaison ; il ne lie aucune juridiction hors de son propre ressort."
        ))
    );
    if doc.scales.is_empty() {
        let _ = writeln!(
            o,
            "<p>{}</p>",
            esc(t(
                l,
                "No sentencing scale in the data.",
                "Aucun barème dans les données."
            ))
        );
    }
    for s in &doc.scales {
        let _ = writeln!(o, "<h3>{}</h3>", esc(&s.name));
        if s.official {
            let _ = writeln!(
                o,
                "<p>{}: {}</p>",
                esc(t(l, "Status", "Statut")),
                esc(&s.status)
            );
        } else {
            let _ = writeln!(
                o,
                "<p class=\"banner\" role=\"note\">⚠ {} — {}</p>",
                esc(t(
                    l,
                    "NOT AN OFFICIAL GUIDELINE",
                    "CE N'EST PAS UN GUIDE OFFICIEL"
                )),
                esc(&s.status)
            );
        }
        let choice = |c: &Option<Choice>| text::choice(c, l);
        o.push_str("<dl class=\"kv\">");
        let _ = write!(
            o,
            "<dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{}</dd>",
            esc(t(l, "Category", "Catégorie")),
            esc(&choice(&s.category)),
            esc(t(l, "Role", "Rôle")),
            esc(&choice(&s.role))
        );
        for c in s
            .category_possibly_higher
            .iter()
            .chain(&s.role_possibly_higher)
        {
            let _ = write!(
                o,
                "<dt class=\"warn\">⚠ {}</dt><dd>{} ({})</dd>",
                esc(t(l, "Still possible", "Encore possible")),
                esc(&c.label),
                esc(t(
                    l,
                    "a fact that decides it is unknown",
                    "un fait qui en décide est inconnu"
                ))
            );
        }
        match (&s.starting_point, &s.range_from, &s.range_to) {
            (Some(sp), Some(from), Some(to)) => {
                let _ = write!(
                    o,
                    "<dt>{}</dt><dd><strong>{}</strong></dd><dt>{}</dt><dd>{} – {}</dd>",
                    esc(t(l, "Starting point", "Point de départ")),
                    esc(&sp.text),
                    esc(t(l, "Range", "Fourchette")),
                    esc(&from.text),
                    esc(&to.text)
                );
                if let Some(c) = s.range_capped_to_months {
                    let _ = write!(
                        o,
                        "<dt class=\"warn\">⚠ {}</dt><dd>{}</dd>",
                        esc(t(l, "Capped", "Plafonnée")),
                        esc(&format!(
                            "{} {}",
                            t(l, "by the statutory maximum at", "par le maximum légal à"),
                            crate::report::words::months(c, l)
                        ))
                    );
                }
                if let Some(v) = &s.cell_verification {
                    let _ = write!(
                        o,
                        "<dt>{}</dt><dd>{}</dd>",
                        esc(t(l, "Verification", "Vérification")),
                        verification_html(Some(v), text::verification_code(v, l))
                    );
                }
            }
            _ => {
                let _ = write!(
                    o,
                    "<dt>{}</dt><dd>{}</dd>",
                    esc(t(l, "Starting point", "Point de départ")),
                    esc(t(
                        l,
                        "none: the category or the role is not determined by the facts given",
                        "aucun : la catégorie ou le rôle n'est pas déterminé par les faits fournis"
                    ))
                );
            }
        }
        if let Some(m) = &s.statutory_maximum {
            let _ = write!(
                o,
                "<dt>{}</dt><dd>{}</dd>",
                esc(t(l, "Statutory maximum", "Maximum légal")),
                esc(m)
            );
        }
        if !s.sources.is_empty() {
            let _ = write!(
                o,
                "<dt>{}</dt><dd>{}</dd>",
                esc(t(l, "Sources", "Sources")),
                refs(&s.sources)
            );
        }
        o.push_str("</dl>\n");
        if !s.cell_notes.is_empty() {
            o.push_str("<div class=\"notes\"><ul>");
            for n in &s.cell_notes {
                let _ = write!(o, "<li>{}</li>", esc(n));
            }
            o.push_str("</ul></div>\n");
        }
        for (name, fs) in text::factor_lists(s, l) {
            if fs.is_empty() {
                continue;
            }
            let _ = writeln!(
                o,
                "<table>\n<thead><tr><th scope=\"col\">{}</th><th scope=\"col\" style=\"width:12em\">{}</th><th scope=\"col\" style=\"width:9em\">{}</th></tr></thead>\n<tbody>",
                esc(name),
                esc(t(l, "Status", "Statut")),
                esc(t(l, "Verification", "Vérification"))
            );
            for f in fs {
                let m = match f.status.as_str() {
                    "applies" => "✓",
                    "possible" => "?",
                    _ => "○",
                };
                let _ = writeln!(
                    o,
                    "<tr><td>{}</td><td>{m} {}</td><td class=\"small\">{}</td></tr>",
                    esc(&f.label),
                    esc(&f.status_text),
                    esc(text::verification_code(&f.verification, l))
                );
            }
            o.push_str("</tbody>\n</table>\n");
        }
    }
    let figure = |o: &mut String| {
        if let Some(c) = &doc.charts.scale {
            let caption = match &c.range {
                Some(r) if r.official => format!("{} {}", t(l, "Range of", "Fourchette de"), r.guideline),
                Some(r) => format!(
                    "{} {} — {}",
                    t(l, "Range of", "Fourchette de"),
                    r.guideline,
                    t(l, "a proposal, not an official guideline", "une proposition, pas un guide officiel")
                ),
                None => t(
                    l,
                    "No guideline range for these facts: the sentence against each system's maximum",
                    "Pas de fourchette de barème pour ces faits : la peine face au maximum de chaque système",
                )
                .to_string(),
            };
            let _ = writeln!(
                o,
                "<figure>\n{}\n<figcaption>{}</figcaption>\n</figure>",
                super::svg::scale(c, doc.proportionality.as_ref(), l),
                esc(&caption)
            );
        }
    };
    if doc.proportionality.is_none() {
        figure(o);
    }
    if let Some(p) = &doc.proportionality {
        let _ = writeln!(
            o,
            "<h3>{}</h3>\n<p>{}: <strong>{}</strong></p>",
            esc(t(
                l,
                "Proportionality of the sentence imposed",
                "Proportionnalité de la peine prononcée"
            )),
            esc(t(
                l,
                "Custodial term imposed",
                "Peine privative de liberté prononcée"
            )),
            esc(&p.sentence_text)
        );
        figure(o);
        o.push_str("<ul class=\"tight\">");
        if let (Some(g), Some(text)) = (&p.placed_against, &p.guideline_placement_text) {
            let _ = write!(
                o,
                "<li>{}{}: <strong>{}</strong>{}</li>",
                esc(g),
                if p.placed_against_official == Some(false) {
                    esc(t(
                        l,
                        " (proposal, not official)",
                        " (proposition, non officielle)",
                    ))
                } else {
                    String::new()
                },
                esc(text),
                p.ratio_to_starting_point
                    .map(|r| format!(
                        " ({r}× {})",
                        esc(t(l, "the starting point", "le point de départ"))
                    ))
                    .unwrap_or_default()
            );
        }
        for s in &p.systems {
            let _ = write!(
                o,
                "<li>{}: {} — max {} — <strong>{}</strong>{}</li>",
                esc(&s.system),
                esc(&s.citation),
                esc(&s.max_text),
                esc(&s.placement_text),
                s.share_of_maximum
                    .map(|r| format!(
                        " ({}% {})",
                        (r * 100.0).round(),
                        esc(t(l, "of the maximum", "du maximum"))
                    ))
                    .unwrap_or_default()
            );
        }
        o.push_str("</ul>\n");
        if !p.reference_cases.is_empty() {
            let _ = writeln!(
                o,
                "<h4>{}</h4>\n<table>\n<thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead>\n<tbody>",
                esc(t(
                    l,
                    "Real outcomes for comparable facts (examples, not rules)",
                    "Décisions réelles pour des faits comparables (exemples, pas des règles)"
                )),
                esc(t(l, "Court and date", "Juridiction et date")),
                esc(t(l, "Sentence", "Peine")),
                esc(t(l, "Nature", "Nature")),
                esc(t(l, "Summary", "Résumé")),
            );
            for c in &p.reference_cases {
                let _ = writeln!(
                    o,
                    "<tr><th scope=\"row\">{} ({})<br><span class=\"small muted\">{}</span></th><td>{}</td><td>{}<br><span class=\"small\">{}</span></td><td class=\"small\">{} {}</td></tr>",
                    esc(&c.court),
                    esc(&c.country),
                    esc(&text::date(c.date, l)),
                    esc(&c.sentence_text),
                    if c.outcome == crate::scale::Outcome::ProsecutionRequest {
                        format!("<strong class=\"warn\">⚠ {}</strong>", esc(&c.outcome_text))
                    } else {
                        esc(&c.outcome_text)
                    },
                    esc(text::verification_code(&c.verification, l)),
                    esc(&c.summary),
                    refs(&c.sources)
                );
            }
            o.push_str("</tbody>\n</table>\n");
        }
    }
    o.push_str("</section>\n");
}

fn limitation(o: &mut String, doc: &Document, l: &str) {
    let _ = writeln!(
        o,
        "<section id=\"limitation\" class=\"major\">\n<h2>6. {}</h2>\n<p class=\"small muted\">{}</p>",
        esc(t(
            l,
            "Limitation and jurisdiction",
            "Prescription et compétence"
        )),
        esc(t(
            l,
            "For each qualification that applies or remains possible. Interruptions and suspensions of limitation are not taken into account.",
            "Pour chaque qualification applicable ou encore possible. Les actes interruptifs et causes de suspension de la prescription ne sont pas pris en compte."
        ))
    );
    for s in &doc.systems {
        if s.qualifications.is_empty() {
            continue;
        }
        let _ = writeln!(
            o,
            "<h3>{} ({})</h3>\n<table>\n<thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead>\n<tbody>",
            esc(&s.name),
            esc(&s.id),
            esc(t(l, "Provision", "Disposition")),
            esc(t(l, "Limitation", "Prescription")),
            esc(t(
                l,
                "Can the state prosecute?",
                "L'État peut-il poursuivre ?"
            )),
        );
        for q in &s.qualifications {
            let lim = q
                .limitation
                .as_ref()
                .map(|x| {
                    let mut h = String::new();
                    let strong = x.time_barred == Some(true);
                    if strong {
                        let _ = write!(h, "<strong class=\"warn\">⚠ {}</strong>", esc(&x.summary));
                    } else {
                        h.push_str(&esc(&x.summary));
                    }
                    if let (Some(c), Some(p)) = (&x.rule_citation, &x.period_text) {
                        let _ = write!(
                            h,
                            "<br><span class=\"small muted\">{}: {}{}</span> {}",
                            esc(c),
                            esc(p),
                            x.verification
                                .as_deref()
                                .filter(|v| *v != "verified-primary")
                                .map(|v| format!(" — ⚠ {}", esc(v)))
                                .unwrap_or_default(),
                            refs(&x.sources)
                        );
                    }
                    h
                })
                .unwrap_or_else(|| "—".into());
            let jur = q
                .jurisdiction
                .as_ref()
                .map(|j| {
                    let m = match j.can_prosecute {
                        Some(true) => "✓",
                        Some(false) => "✗",
                        None => "?",
                    };
                    format!("{m} {}", esc(&j.summary))
                })
                .unwrap_or_else(|| "—".into());
            let _ = writeln!(
                o,
                "<tr><th scope=\"row\">{}<br><span class=\"small muted\">{} · <code>{}</code></span></th><td>{lim}</td><td>{jur}</td></tr>",
                esc(&q.citation),
                esc(&q.status_text),
                esc(&q.id)
            );
        }
        o.push_str("</tbody>\n</table>\n");
        let mut rows = String::new();
        for g in s.grounds_not_excluded() {
            let mut conditions: Vec<String> = g.conditions.iter().map(|c| esc(c)).collect();
            if g.double_criminality {
                conditions.insert(
                    0,
                    esc(t(
                        l,
                        "double criminality required",
                        "double incrimination exigée",
                    )),
                );
            }
            let _ = writeln!(
                rows,
                "<tr><th scope=\"row\">{}<br><span class=\"small muted\">{}</span></th><td>{}</td><td>{}</td><td class=\"small\">{}</td><td class=\"small\">{} {}</td></tr>",
                esc(&g.citation),
                esc(&g.label),
                esc(text::basis(g.basis, l)),
                if g.holds == Some(true) {
                    format!("✓ {}", esc(t(l, "holds", "établi")))
                } else {
                    format!(
                        "? {}",
                        esc(t(
                            l,
                            "depends on facts not stated",
                            "dépend de faits non renseignés"
                        ))
                    )
                },
                if conditions.is_empty() {
                    "—".into()
                } else {
                    conditions.join("<br>")
                },
                verification_html(
                    Some(&g.verification),
                    text::verification_code(&g.verification, l)
                ),
                refs(&g.sources)
            );
        }
        if !rows.is_empty() {
            let _ = writeln!(
                o,
                "<table>\n<caption class=\"small\" style=\"text-align:left;caption-side:top\"><strong>{}</strong></caption>\n<thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead>\n<tbody>\n{rows}</tbody>\n</table>",
                esc(t(
                    l,
                    "Grounds of jurisdiction that hold or may hold",
                    "Chefs de compétence établis ou possibles"
                )),
                esc(t(l, "Ground", "Chef de compétence")),
                esc(t(l, "Basis", "Fondement")),
                esc(t(l, "On these facts", "Sur ces faits")),
                esc(t(l, "Conditions", "Conditions")),
                esc(t(l, "Verification", "Vérification")),
            );
        }
    }
    o.push_str("</section>\n");
}

fn warnings(o: &mut String, doc: &Document, l: &str) {
    let _ = writeln!(
        o,
        "<section id=\"warnings\" class=\"major\">\n<h2>7. {} ({})</h2>",
        esc(t(
            l,
            "Verification warnings",
            "Avertissements de vérification"
        )),
        doc.warnings.len()
    );
    if doc.warnings.is_empty() {
        let _ = writeln!(o, "<p>{}</p>", esc(t(l, "None.", "Aucun.")));
    } else {
        o.push_str("<ul class=\"tight\">\n");
        for w in &doc.warnings {
            let _ = writeln!(o, "<li>⚠ {}</li>", esc(&w.text));
        }
        o.push_str("</ul>\n");
    }
    o.push_str("</section>\n");
}

fn sources(o: &mut String, doc: &Document, l: &str) {
    let _ = writeln!(
        o,
        "<section id=\"sources\" class=\"major\">\n<h2>8. {}</h2>\n<p class=\"small muted\">{}</p>",
        esc(t(l, "Sources", "Sources")),
        esc(t(
            l,
            "The addresses are given as text, to be opened by the reader; this file loads nothing.",
            "Les adresses sont données sous forme de texte, à ouvrir par le lecteur ; ce fichier ne charge rien."
        ))
    );
    if doc.sources.is_empty() {
        let _ = writeln!(o, "<p>{}</p>", esc(t(l, "None.", "Aucune.")));
    } else {
        o.push_str("<ol class=\"sources\">\n");
        for s in &doc.sources {
            let dates = text::last_verified(&s.last_verified, l);
            let _ = writeln!(
                o,
                "<li id=\"src-{}\" value=\"{}\"><span class=\"url\">{}</span><br><span class=\"muted\">{} — {}: {}</span></li>",
                s.n,
                s.n,
                esc(&s.url),
                esc(&dates),
                esc(t(l, "cited by", "cité par")),
                esc(&s.cited_by.join(", "))
            );
        }
        o.push_str("</ol>\n");
    }
    o.push_str("</section>\n");
}
