//! Three-valued (Kleene) logic: unknown is never false.

use serde::Serialize;

/// The values are ordered false < unknown < true, so that a conjunction is the least of
/// its operands and a disjunction the greatest (Kleene's strong logic): computed without
/// a branch on the values, which an evaluation of thousands of conditions a case would
/// otherwise mispredict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
#[repr(u8)]
pub enum Tri {
    False = 0,
    Unknown = 1,
    True = 2,
}

impl Tri {
    pub fn from_bool(b: bool) -> Self {
        if b { Tri::True } else { Tri::False }
    }

    /// Kleene conjunction: false if either is, true if both are, else unknown.
    #[inline]
    pub fn and(self, other: Tri) -> Tri {
        if (other as u8) < (self as u8) {
            other
        } else {
            self
        }
    }

    /// Kleene disjunction: true if either is, false if both are, else unknown.
    #[inline]
    pub fn or(self, other: Tri) -> Tri {
        if (other as u8) > (self as u8) {
            other
        } else {
            self
        }
    }

    /// Kleene negation: true and false swapped, unknown kept (read from a table, by the
    /// value's order).
    #[allow(clippy::should_implement_trait)]
    #[inline]
    pub fn not(self) -> Tri {
        [Tri::True, Tri::Unknown, Tri::False][self as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::Tri::*;

    #[test]
    fn kleene_tables() {
        assert_eq!(False.and(Unknown), False);
        assert_eq!(True.and(Unknown), Unknown);
        assert_eq!(True.or(Unknown), True);
        assert_eq!(False.or(Unknown), Unknown);
        assert_eq!(Unknown.not(), Unknown);
        assert_eq!(True.and(True), True);
        assert_eq!(False.or(False), False);
    }

    /// Every pair, against the truth tables written out (the order of the values makes
    /// `and` a minimum and `or` a maximum: a wrong order fails here).
    #[test]
    fn kleene_tables_in_full() {
        let all = [True, False, Unknown];
        for a in all {
            for b in all {
                let and = match (a, b) {
                    (False, _) | (_, False) => False,
                    (True, True) => True,
                    _ => Unknown,
                };
                let or = match (a, b) {
                    (True, _) | (_, True) => True,
                    (False, False) => False,
                    _ => Unknown,
                };
                assert_eq!(a.and(b), and, "{a:?} and {b:?}");
                assert_eq!(a.or(b), or, "{a:?} or {b:?}");
                assert_eq!(a.and(b).not(), a.not().or(b.not()), "De Morgan {a:?} {b:?}");
                let not = match a {
                    True => False,
                    False => True,
                    Unknown => Unknown,
                };
                assert_eq!(a.not(), not, "not {a:?}");
            }
        }
    }
}

/// The status of an offence (or obligation) for the facts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Applies,
    Possible,
    Excluded,
}
