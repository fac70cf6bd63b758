//! Embeds the legal data files (`jurisdictions/*.toml`, `guidelines/*.toml`) in the binary,
//! each with its values parsed here, once, into the compact form the program reads at start
//! (src/preparsed/: parsing 1.1 MB of TOML was most of a start). A file that is not valid
//! TOML gets no compact form: the program then parses its text and reports the problem with
//! its place, as for any data file.

use std::fmt::Write;
use std::path::Path;

#[path = "src/preparsed/encode.rs"]
mod encode;

/// The data folders are at the top of the repository, two levels above this crate; each file
/// keeps the name it has there (`jurisdictions/fr.toml`).
const TOP: &str = "../..";

fn list(dir: &str, out_dir: &Path) -> String {
    let root = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let top = Path::new(&root).join(TOP);
    println!("cargo:rerun-if-changed={}", top.join(dir).display());
    let mut paths: Vec<_> = std::fs::read_dir(top.join(dir))
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    paths.retain(|p: &std::path::PathBuf| p.extension().is_some_and(|x| x == "toml"));
    paths.sort();
    let mut out = String::from("&[\n");
    for abs in paths {
        println!("cargo:rerun-if-changed={}", abs.display());
        let file_name = abs.file_name().expect("a listed file has a name");
        let name = format!("{dir}/{}", file_name.to_string_lossy());
        let preparsed = std::fs::read_to_string(&abs)
            .ok()
            .and_then(|text| encode::encode(&text))
            .map(|blob| {
                let file = out_dir.join(format!("{}.qpt", name.replace(['/', '\\'], "__")));
                std::fs::write(&file, blob).expect("write a compact form to OUT_DIR");
                format!("Some(include_bytes!({:?}))", file.display().to_string())
            })
            .unwrap_or_else(|| "None".into());
        writeln!(
            out,
            "    ({name:?}, include_str!({:?}), {preparsed}),",
            abs.display().to_string()
        )
        .unwrap();
    }
    out.push(']');
    out
}

fn main() {
    println!("cargo:rerun-if-changed=src/preparsed/encode.rs");
    let out_dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let out_dir = Path::new(&out_dir);
    let code = format!(
        "/// (path, text, compact form) of each built-in jurisdiction file.\npub static JURISDICTIONS: &[(&str, &str, Option<&[u8]>)] = {};\n/// (path, text, compact form) of each built-in guideline file.\npub static GUIDELINES: &[(&str, &str, Option<&[u8]>)] = {};\n",
        list("jurisdictions", out_dir),
        list("guidelines", out_dir)
    );
    std::fs::write(out_dir.join("embedded_data.rs"), code).expect("write embedded data list");
}
