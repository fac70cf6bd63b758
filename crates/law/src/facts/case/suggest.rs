//! The "did you mean" hint for a misspelt key.

/// The accepted key closest to a misspelt one, for a "did you mean" hint.
pub(super) fn closest<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    closest_counting(word, candidates).0
}

/// [`closest`], and the cells of the edit-distance tables it computed (for a test that the
/// work is bounded). The edit distance is at least the difference in length, so a candidate
/// whose length differs from the word's by more than the distance accepted is not
/// compared: a word much longer than every key (a hostile file may hold a key of a
/// megabyte) is compared with none, its characters counted only up to the longest key and
/// the widest margin. The work is then at most the candidates' lengths squared, plus that
/// margin, whatever the word.
pub(super) fn closest_counting<'a>(word: &str, candidates: &[&'a str]) -> (Option<&'a str>, usize) {
    let accepted = |c: &str| 2.max(c.len() / 4);
    let longest = candidates.iter().map(|c| c.chars().count()).max();
    let margin = candidates.iter().map(|c| accepted(c)).max();
    let (Some(longest), Some(margin)) = (longest, margin) else {
        return (None, 0);
    };
    let n = word.chars().take(longest + margin + 1).count();
    let mut cells = 0;
    let mut best: Option<(usize, &str)> = None;
    for c in candidates {
        let m = c.chars().count();
        if n.abs_diff(m) > accepted(c) {
            continue;
        }
        cells += n * m;
        let d = strsim::levenshtein(word, c);
        if d <= accepted(c) && best.is_none_or(|(b, _)| d < b) {
            best = Some((d, c));
        }
    }
    (best.map(|(_, c)| c), cells)
}
