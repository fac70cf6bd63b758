//! Embeds the legal data files (`jurisdictions/*.toml`, `guidelines/*.toml`) in the binary.

use std::fmt::Write;
use std::path::Path;

fn list(dir: &str) -> String {
    println!("cargo:rerun-if-changed={dir}");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    paths.retain(|p: &std::path::PathBuf| p.extension().is_some_and(|x| x == "toml"));
    paths.sort();
    let root = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let mut out = String::from("&[\n");
    for p in paths {
        println!("cargo:rerun-if-changed={}", p.display());
        let abs = Path::new(&root).join(&p);
        writeln!(
            out,
            "    ({:?}, include_str!({:?})),",
            p.display().to_string(),
            abs.display().to_string()
        )
        .unwrap();
    }
    out.push(']');
    out
}

fn main() {
    let out_dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let code = format!(
        "/// (path, text) of each built-in jurisdiction file.\npub static JURISDICTIONS: &[(&str, &str)] = {};\n/// (path, text) of each built-in guideline file.\npub static GUIDELINES: &[(&str, &str)] = {};\n",
        list("jurisdictions"),
        list("guidelines")
    );
    std::fs::write(Path::new(&out_dir).join("embedded_data.rs"), code)
        .expect("write embedded data list");
}
