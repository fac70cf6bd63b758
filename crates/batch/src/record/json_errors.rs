//! Locating what serde_json refuses: the column of a key, in characters.

/// How the reading of a record says that an object gives a key twice (the key follows).
pub(super) const DUPLICATE_KEY: &str = "duplicate key: ";

/// The column of the opening quote of a key, from the column just after its closing quote
/// (where serde_json stands when a key is refused); both in characters, 1-based.
pub(super) fn key_start(text: &str, after: u64) -> u64 {
    let chars: Vec<char> = text.chars().take(after as usize - 1).collect();
    // Back from the closing quote to the first quote not escaped by a backslash.
    let mut i = chars.len().saturating_sub(1);
    while i > 0 {
        i -= 1;
        if chars[i] == '"' {
            let backslashes = chars[..i].iter().rev().take_while(|c| **c == '\\').count();
            if backslashes % 2 == 0 {
                return i as u64 + 1;
            }
        }
    }
    after
}

/// serde_json's message without its " at line 1 column 5" (the column is reported apart).
pub(super) fn json_message(e: &serde_json::Error) -> String {
    let s = e.to_string();
    match s.rfind(" at line ") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}

/// serde_json's 1-based column counts bytes: the same column in characters, as every other
/// column reported (`None` when serde_json gives none).
pub(super) fn char_column(text: &str, byte_column: usize) -> Option<u64> {
    if byte_column == 0 {
        return None;
    }
    let mut end = (byte_column - 1).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    Some(text[..end].chars().count() as u64 + 1)
}

/// The column of a field's key in a JSON line (`victim.age`: the `"age"` after
/// `"victim"`), when it can be found by its quoted name.
pub(super) fn key_column(text: &str, field: &str) -> Option<u64> {
    let mut at = 0;
    let mut start = 0;
    for part in field.split('.') {
        let quoted = format!("\"{part}\"");
        start = at + text[at..].find(&quoted)?;
        at = start + quoted.len();
    }
    Some(text[..start].chars().count() as u64 + 1)
}
