//! The facts still missing to decide a provision.

use super::*;

/// The case-file keys whose answers would decide an unknown condition.
pub(super) fn collect_missing(
    expr: &Expr,
    case: &Case,
    statuses: &HashMap<&str, Status>,
    missing_of: &HashMap<&str, Vec<String>>,
    out: &mut Vec<String>,
) {
    for op in expr.operands() {
        let Operand::Fact(key) = op else { continue };
        if case.is_known(key) {
            if key == "derived.age_gap" {
                // Known only within a year either way: the birth dates would settle it.
                for k in ["offender.birth_date", "victim.birth_date"] {
                    if !case.is_known(k) {
                        out.push(k.to_string());
                    }
                }
            }
            continue;
        }
        if key == "derived.age_gap" {
            for k in ["offender.age", "victim.age"] {
                if !case.is_known(k) {
                    out.push(k.to_string());
                }
            }
            if case.is_known("offender.age") && case.is_known("victim.age") {
                out.extend([
                    "offender.birth_date".to_string(),
                    "victim.birth_date".to_string(),
                ]);
            }
        } else {
            out.push(key.clone());
        }
    }
    for id in expr.provisions() {
        if statuses.get(id) == Some(&Status::Possible) {
            if let Some(m) = missing_of.get(id) {
                out.extend(m.iter().cloned());
            }
        }
    }
}
