//! Comparing the short texts a record is read against (section names, keys, enumeration
//! values) without a call to `memcmp` for each.

/// Whether two texts are equal, as `a == b`. Texts of up to 16 bytes, which are most keys
/// and values of a vocabulary, are compared as two machine words (overlapping when shorter
/// than two words) rather than through `memcmp`, whose call and dispatch on the length cost
/// more than the comparison itself: a batch compares some 60 such texts for each record.
#[inline]
pub fn same_text(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let n = a.len();
    if n != b.len() {
        return false;
    }
    match n {
        0 => true,
        // The bytes at 0, n / 2 and n - 1 are every byte of a text of 1 to 3 bytes.
        1..=3 => a[0] == b[0] && a[n / 2] == b[n / 2] && a[n - 1] == b[n - 1],
        4..=7 => word4(a, 0) == word4(b, 0) && word4(a, n - 4) == word4(b, n - 4),
        8..=16 => word8(a, 0) == word8(b, 0) && word8(a, n - 8) == word8(b, n - 8),
        _ => a == b,
    }
}

#[inline(always)]
fn word4(s: &[u8], at: usize) -> u32 {
    let mut w = [0; 4];
    w.copy_from_slice(&s[at..at + 4]);
    u32::from_ne_bytes(w)
}

#[inline(always)]
fn word8(s: &[u8], at: usize) -> u64 {
    let mut w = [0; 8];
    w.copy_from_slice(&s[at..at + 8]);
    u64::from_ne_bytes(w)
}

#[cfg(test)]
mod tests {
    use super::same_text;
    use proptest::prelude::*;

    /// Every length up to 40 bytes, equal texts and texts differing in one byte at each
    /// position: the words compared must cover every byte.
    #[test]
    fn a_difference_anywhere_is_seen() {
        for n in 0..=40 {
            let a: String = (0..n).map(|i| char::from(b'a' + (i % 26) as u8)).collect();
            assert!(same_text(&a, &a.clone()), "{a}");
            for at in 0..n {
                let mut b = a.clone().into_bytes();
                b[at] = b'Z';
                let b = String::from_utf8(b).unwrap();
                assert!(!same_text(&a, &b), "{a} {b}");
            }
            assert!(!same_text(&a, &format!("{a}a")), "{a}");
        }
    }

    proptest! {
        #[test]
        fn as_equality(a in "[a-c_é]{0,20}", b in "[a-c_é]{0,20}") {
            prop_assert_eq!(same_text(&a, &b), a == b);
        }
    }
}
