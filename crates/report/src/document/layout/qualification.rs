//! One qualification of section 2: a provision with its version, verification, penalty,
//! aggravations, elements, and what remains to establish.
//!
//! The HTML sets the facts of the provision as labels and values, the elements in a table,
//! and its warnings and the data's notes in small print; the Markdown lists them.

use super::{Block, Target, badge, mark, verification, warning};
use crate::document::blocks::*;
use crate::document::text;
use crate::document::{AggravationLine, QualSection};
use qualif_engine::{ElementStatus, Status};

fn element_mark(status: ElementStatus) -> (&'static str, CellTone) {
    match status {
        ElementStatus::Met => ("✓", CellTone::Met),
        ElementStatus::Unmet => ("✗", CellTone::Unmet),
        ElementStatus::Unknown => ("?", CellTone::Unknown),
    }
}

/// What the section already printed, so that it is not printed again: the notes of the
/// legal data, each with the provision it was printed under (a note the data repeats for
/// several provisions is printed once), and the last jurisdiction given in full in the
/// system, with its provision (the same one after it is said "as for" that provision).
#[derive(Default)]
pub(super) struct NotesSeen(Vec<(String, String)>, Option<(String, String)>);

impl NotesSeen {
    /// A new system: its first provision's jurisdiction is given in full.
    pub(super) fn new_system(&mut self) {
        self.1 = None;
    }

    /// The jurisdiction of `q` as printed: in full, or "as for" the provision it was last
    /// given in full under, when it is the same.
    fn jurisdiction(&mut self, q: &QualSection, l: &str) -> Option<String> {
        let j = q.jurisdiction.as_ref()?;
        // "As for" names the provision it is given in full under.
        if let Some((summary, id)) = &self.1 {
            if *summary == j.summary {
                return Some(msg!(l, "doc-qualification-as-for", provision = id.as_str()));
            }
        }
        self.1 = Some((j.summary.clone(), q.id.clone()));
        Some(j.summary.clone())
    }

    /// The notes of `q` not printed yet, and a line naming the provisions the others were
    /// printed under (none when every note is new).
    fn split<'a>(&mut self, q: &'a QualSection, l: &str) -> (Vec<&'a String>, Option<String>) {
        let mut fresh = Vec::new();
        let mut under: Vec<&str> = Vec::new();
        let mut repeated = 0;
        for n in &q.notes {
            match self.0.iter().find(|(text, _)| text == n) {
                Some((_, id)) => {
                    repeated += 1;
                    if !under.contains(&id.as_str()) {
                        under.push(id);
                    }
                }
                None => fresh.push(n),
            }
        }
        let line = (repeated > 0).then(|| {
            msg!(
                l,
                "doc-qualification-notes-given-above",
                count = repeated,
                provisions = under.join(", ")
            )
        });
        self.0
            .extend(fresh.iter().map(|n| (n.to_string(), q.id.clone())));
        (fresh, line)
    }
}

/// `retained`: the provision is retained (section 1); only then are the notes of the legal
/// data printed with it (the JSON report has them for every provision), each once in the
/// section (`seen`).
pub(super) fn qualification(
    o: &mut Vec<Block>,
    q: &QualSection,
    retained: bool,
    seen: &mut NotesSeen,
    l: &str,
    to: Target,
) {
    let html = to == Target::Html;
    let mut head = vec![Block::heading(
        5,
        if html {
            spans![
                badge(q.status, &q.status_text),
                format!(" {} ", q.citation),
                styled(Tone::Muted, spans![format!("— {}", q.title)])
            ]
        } else {
            spans![
                badge(q.status, &q.status_text),
                format!(" — {} ({})", q.citation, q.title)
            ]
        },
    )];
    let facts = main_facts(q, l, html);
    let jurisdiction = seen.jurisdiction(q, l);
    let mut rest = still_open(q, jurisdiction, l);
    if !html {
        o.extend(head);
        o.push(Block::Fields(facts));
        // The warnings and the notes, a line each, before the sources.
        let sources = (!q.sources.is_empty()).then(|| rest.pop()).flatten();
        let line = |s: String| Field::new(s, Vec::new());
        rest.extend(q.warnings.iter().map(|w| line(format!("⚠ {w}"))));
        if retained {
            let (fresh, given) = seen.split(q, l);
            rest.extend(fresh.iter().map(|n| line(format!("ℹ {n}"))));
            rest.extend(given.map(|g| line(format!("ℹ {g}"))));
        }
        rest.extend(sources);
        o.push(Block::Fields(rest));
        return;
    }
    if !q.alternative_to.is_empty() {
        head.push(Block::Paragraph(
            Para::Warning,
            spans![
                format!("⚠ {} ", either(l)),
                code(q.alternative_to.join(", ")),
                format!(
                    " {}",
                    msg!(static l, "doc-qualification-applies-every-other-element-is")
                )
            ],
        ));
    }
    head.push(Block::Fields(facts));
    let mut article = vec![
        Block::Part(Part::QualificationHead, head),
        Block::Fields(rest),
    ];
    article.extend(notes(q, retained, seen, l));
    o.push(Block::Part(
        Part::Qualification(q.status, Anchor::Qualification(q.id.clone())),
        article,
    ));
}

/// A provision's elements with their marks (annex A). Of a provision still possible, the
/// elements met are counted and those still open listed.
pub(super) fn elements(q: &QualSection, l: &str, html: bool) -> Inline {
    let mut out = Vec::new();
    let open = q.status == Status::Possible;
    let met = q
        .elements
        .iter()
        .filter(|e| e.status == ElementStatus::Met)
        .count();
    if open && met > 0 {
        out.push(format!("✓ {met} {}", msg!(static l, "doc-qualification-met")).into());
    }
    let shown = q
        .elements
        .iter()
        .filter(|e| !open || e.status != ElementStatus::Met);
    for (i, e) in shown.enumerate() {
        if i > 0 || (open && met > 0) {
            out.push(" · ".into());
        }
        let (m, _) = element_mark(e.status);
        let _ = html;
        out.push(format!("{m} {}", e.label).into());
    }
    out
}

fn either(l: &str) -> &'static str {
    msg!(static l, "doc-qualification-either-this-provision-or")
}

/// The provision's id, version, verification, penalty and aggravations, and the other
/// readings of its penalty.
fn main_facts(q: &QualSection, l: &str, html: bool) -> Vec<Field> {
    let mut f = Vec::new();
    let mut id = spans![code(&q.id)];
    if let Some(original) = q.title_original.as_ref().filter(|x| **x != q.title) {
        if html {
            id.extend(spans![" — ", Span::Original(spans![original])]);
        }
    }
    f.push(Field::new(msg!(static l, "doc-qualification-id"), id));
    if !html && !q.alternative_to.is_empty() {
        f.push(warning(either(l), spans![q.alternative_to.join(", ")]));
    }
    if let Some(v) = &q.version {
        let mut value = spans![&v.text];
        if let Some(d) = v.last_verified {
            let when = format!("({} {})", text::last_verified_label(l), text::date(d, l));
            value.extend(spans![
                " ",
                if html {
                    styled(Tone::Muted, spans![when])
                } else {
                    when.into()
                }
            ]);
        }
        f.push(Field::new(
            msg!(static l, "doc-qualification-version-applied"),
            value,
        ));
    }
    f.push(Field::new(
        text::verification_label(l),
        if html {
            spans![verification(
                q.verification.as_deref(),
                &q.verification_text
            )]
        } else if q.verification.as_deref() == Some("verified-primary") {
            spans![&q.verification_text]
        } else {
            spans![format!("⚠ {}", q.verification_text)]
        },
    ));
    if let Some(p) = &q.penalty {
        let penalty = msg!(static l, "doc-annex-penalty");
        let base = q
            .base_penalty_text
            .as_ref()
            .filter(|b| **b != p.text)
            .map(|b| {
                crate::catalog::labelled(
                    l,
                    msg!(static l, "doc-qualification-base-penalty-before-aggravations"),
                    b,
                )
            });
        if html {
            let mut value = spans![strong(spans![&p.text])];
            if let Some(b) = base {
                value.extend(spans![Span::Break, styled(Tone::Faint, spans![b])]);
            }
            f.push(Field::new(penalty, value));
        } else {
            f.push(Field {
                label: spans![strong(spans![penalty])],
                list: base.into_iter().map(|b| spans![b]).collect(),
                ..Field::new("", spans![&p.text])
            });
        }
    }
    aggravations(&mut f, q, l, html);
    if let Some(p) = &q.penalty_if_possible_aggravations_text {
        f.push(if html {
            Field::new(
                msg!(static l, "doc-qualification-if-established"),
                spans![format!(
                    "{} {p}",
                    msg!(static l, "doc-qualification-the-possible-aggravations-raise-it")
                )],
            )
        } else {
            Field::new(
                msg!(static l, "doc-qualification-if-the-possible-aggravations-are"),
                spans![p],
            )
        });
    }
    if let Some(m) = &q.milder_later_version {
        let date = text::date(m.in_force_from, l);
        f.push(if html {
            warning(
                msg!(static l, "doc-qualification-milder-later-law"),
                spans![crate::catalog::labelled(
                    l,
                    &format!("{} {date}", text::in_force_from(l)),
                    &m.penalty_text
                )],
            )
        } else {
            warning(
                &format!(
                    "{} {date}",
                    msg!(static l, "doc-qualification-milder-later-law-in-force")
                ),
                spans![&m.penalty_text],
            )
        });
    }
    for p in &q.pending_reforms {
        let date = text::date(p.in_force_from, l);
        let verification = text::verification_code(&p.verification, l);
        f.push(if html {
            Field::new(
                msg!(static l, "doc-qualification-pending-reform"),
                spans![crate::catalog::labelled(
                    l,
                    &format!(
                        "{} {date} ({verification})",
                        msg!(static l, "doc-qualification-not-applied-from")
                    ),
                    &p.penalty_text
                )],
            )
        } else {
            Field::new(
                format!(
                    "{} ({} {date}, {verification})",
                    msg!(static l, "doc-qualification-pending-reform-not-applied"),
                    msg!(static l, "doc-qualification-from"),
                ),
                spans![&p.penalty_text],
            )
        });
    }
    for r in &q.readings {
        let refs = Span::Refs(r.sources.clone());
        f.push(if html {
            warning(
                msg!(static l, "doc-qualification-other-reading"),
                spans![
                    format!("{} — ", r.penalty_text),
                    styled(Tone::Small, spans![&r.note]),
                    " ",
                    refs
                ],
            )
        } else {
            warning(
                msg!(static l, "doc-qualification-other-reading-of-the-penalty"),
                spans![format!("{} — {} ", r.penalty_text, r.note), refs],
            )
        });
    }
    f
}

/// The aggravations that apply or remain possible: in the HTML one field listing them, in
/// the Markdown one line each.
fn aggravations(f: &mut Vec<Field>, q: &QualSection, l: &str, html: bool) {
    if q.aggravations.is_empty() {
        return;
    }
    let role = |a: &AggravationLine| {
        if a.sets_penalty {
            let sets = format!(
                "({})",
                msg!(static l, "doc-qualification-sets-the-penalty-applied")
            );
            spans![" ", strong(spans![sets])]
        } else if a.status == Status::Applies {
            let superseded = format!(
                "({})",
                msg!(static l, "doc-qualification-superseded-by-a-more-severe")
            );
            if html {
                spans![" ", styled(Tone::Faint, spans![superseded])]
            } else {
                spans![format!(" {superseded}")]
            }
        } else {
            Vec::new()
        }
    };
    if !html {
        for a in &q.aggravations {
            let mut value = spans![format!("{} — {}", a.label, a.status_text)];
            value.extend(role(a));
            value.push(format!(" ({})", a.penalty_text).into());
            f.push(Field::new(
                format!(
                    "{} {}",
                    mark(a.status),
                    msg!(static l, "doc-qualification-aggravation")
                ),
                value,
            ));
        }
        return;
    }
    let mut field = Field::new(msg!(static l, "doc-qualification-aggravations"), Vec::new());
    for a in &q.aggravations {
        let mut line = spans![badge(a.status, &a.status_text), format!(" {}", a.label)];
        line.extend(role(a));
        line.extend(spans![" — ", styled(Tone::Small, spans![&a.penalty_text])]);
        if a.verification != "verified-primary" {
            line.extend(spans![
                " ",
                styled(
                    Tone::SmallWarn,
                    spans![format!("⚠ {}", text::verification_code(&a.verification, l))]
                )
            ]);
        }
        field.list.push(line);
    }
    f.push(field);
}

/// What remains to establish, the limitation, the jurisdiction and the sources.
fn still_open(q: &QualSection, jurisdiction: Option<String>, l: &str) -> Vec<Field> {
    let mut f = Vec::new();
    if !q.missing_facts.is_empty() {
        let mut value = Vec::new();
        for (i, m) in q.missing_facts.iter().enumerate() {
            if i > 0 {
                value.push(", ".into());
            }
            value.push(code(m));
        }
        f.push(Field::new(
            msg!(static l, "doc-qualification-still-to-establish"),
            value,
        ));
    }
    if let Some(lim) = &q.limitation {
        f.push(Field::new(text::limitation_label(l), spans![&lim.summary]));
    }
    if let Some(j) = jurisdiction {
        f.push(Field::new(
            msg!(static l, "doc-qualification-jurisdiction"),
            spans![j],
        ));
    }
    if !q.sources.is_empty() {
        f.push(Field::new(
            text::sources_label(l),
            spans![Span::Refs(q.sources.clone())],
        ));
    }
    f
}

/// The provision's warnings and the notes of the legal data, in small print (HTML).
fn notes(q: &QualSection, retained: bool, seen: &mut NotesSeen, l: &str) -> Option<Block> {
    let (fresh, given) = if retained {
        seen.split(q, l)
    } else {
        (Vec::new(), None)
    };
    if q.warnings.is_empty() && fresh.is_empty() && given.is_none() {
        return None;
    }
    let mut b = Vec::new();
    if !q.warnings.is_empty() {
        let mut list = List::default();
        for w in &q.warnings {
            list.items.push(Item {
                warn: true,
                ..Item::new(spans![format!("⚠ {w}")])
            });
        }
        b.push(Block::List(list));
    }
    if !fresh.is_empty() || given.is_some() {
        b.push(Block::para(spans![strong(spans![
            msg!(static l, "doc-qualification-notes-of-the-legal-data")
        ])]));
        let mut list = List::default();
        for n in fresh {
            list.push(spans![n]);
        }
        if let Some(g) = given {
            list.push(spans![emphasis(spans![g])]);
        }
        b.push(Block::List(list));
    }
    Some(Block::Part(Part::Notes, b))
}
