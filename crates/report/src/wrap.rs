//! Prose lines of the terminal outputs wrapped to the width, each continuation indented
//! under the start of its text (after a list's "- " or "• "), so that a list stays a list
//! in 80 columns. Lines drawn by a table are left as comfy-table laid them out.

/// Whether a line is drawn by a table (its borders and cells).
fn is_table_line(line: &str) -> bool {
    line.starts_with([
        '│', '┌', '└', '╞', '├', '╭', '┆', '╘', '╒', '┃', '╰', '┝', '┡', '┢',
    ])
}

/// Wraps every prose line of `text` longer than `width` columns at spaces.
pub fn wrap(text: &str, width: usize) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 16);
    for line in text.split_inclusive('\n') {
        let (body, newline) = match line.strip_suffix('\n') {
            Some(b) => (b, "\n"),
            None => (line, ""),
        };
        if is_table_line(body) || body.chars().count() <= width {
            out.push_str(line);
            continue;
        }
        wrap_line(body, width, &mut out);
        out.push_str(newline);
    }
    out
}

fn wrap_line(line: &str, width: usize, out: &mut String) {
    let lead = line.len() - line.trim_start().len();
    let rest = &line[lead..];
    let marker = ["- ", "• ", "+ ", "− ", "= ", "▸ "]
        .iter()
        .find(|m| rest.starts_with(**m))
        .map(|m| m.chars().count())
        .unwrap_or(0);
    let hang = (line[..lead].chars().count() + marker).min(width / 2);
    let indent = " ".repeat(hang);
    let mut col = 0;
    let mut first = true;
    for word in line.split(' ') {
        let w = word.chars().count();
        if !first && col + 1 + w > width && col > hang {
            out.push('\n');
            out.push_str(&indent);
            col = hang;
        } else if !first {
            out.push(' ');
            col += 1;
        }
        out.push_str(word);
        col += w;
        first = false;
    }
}

#[cfg(test)]
mod tests {
    use super::wrap;

    #[test]
    fn prose_wraps_under_its_text_and_tables_stay() {
        let text =
            "  - one two three four five six\n│ a table line longer than the width │\nshort\n";
        assert_eq!(
            wrap(text, 16),
            "  - one two\n    three four\n    five six\n│ a table line longer than the width │\nshort\n"
        );
        // A word longer than the width is left whole.
        assert_eq!(wrap("abcdefghij klm", 5), "abcdefghij\nklm");
    }
}
