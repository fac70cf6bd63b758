//! The printed HTML report in a real browser (headless Chromium): every scenario's report,
//! in English and in French, prints on A4 within a page budget, opens with a summary of at
//! most two pages, and no table or chart is wider than the printed page.
//!
//! It needs Chromium (`/usr/bin/chromium`). `.ci/run` installs it and sets
//! `QUALIF_REQUIRE_BROWSER=1`, which makes its absence a failure; on a machine without it
//! the test says that it did not run.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The most pages a printed report may take, annexes included: the target of issue #18.
/// The reports measure 14 to 19 pages (README, "Written reports").
const MAX_PAGES: usize = 20;

/// The most pages the report's opening may take: the title, the dates, the contents and
/// section 1, the summary (issue #18).
const MAX_SUMMARY_PAGES: usize = 2;

/// The width of the printed text on A4 with the report's margins (210 mm − 2 × 12 mm), in
/// CSS pixels.
const PRINT_WIDTH_PX: u32 = 703;

fn chromium() -> Option<PathBuf> {
    ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .find_map(|name| {
            std::env::split_paths(&std::env::var_os("PATH")?)
                .map(|d| d.join(name))
                .find(|p| p.is_file())
        })
}

fn report(case: &Path, lang: &str, out: &Path) {
    let status = Command::new(env!("CARGO_BIN_EXE_qualif"))
        .args([
            "report",
            case.to_str().unwrap(),
            "--format",
            "html",
            "--lang",
            lang,
        ])
        .arg("-o")
        .arg(out)
        .env("QUALIF_TODAY", "2026-12-07")
        .status()
        .unwrap();
    assert!(status.success(), "report {case:?} {lang}");
}

/// The number of pages of a PDF: the count of its root page tree (the largest `/Count`).
fn pages(pdf: &[u8]) -> usize {
    let mut best = 0;
    let key = b"/Count ";
    let mut i = 0;
    while let Some(p) = pdf[i..].windows(key.len()).position(|w| w == key) {
        let start = i + p + key.len();
        let digits: String = pdf[start..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .map(|&b| b as char)
            .collect();
        best = best.max(digits.parse().unwrap_or(0));
        i = start;
    }
    best
}

/// The report cut after its summary: everything from section 2 (`<section id="facts"`)
/// to the end of the numbered sections (`</main>`) is left out, the rest (the header, the
/// contents, section 1, the closing line) kept as it is.
///
/// Printed, it takes the pages the summary takes in the full report: in paged media what
/// comes first is laid out before what follows and never moves for it (no section forces
/// a page break, and the summary ends with a list, not with a heading kept with what
/// follows). Counting the pages of a PDF is robust, where measuring heights in the page
/// would depend on the browser's page breaks, margins and table headers repeated.
fn summary_only(html: &str) -> Option<String> {
    let start = html.find("<section id=\"facts\"")?;
    let end = html.find("</main>")?;
    (start < end).then(|| format!("{}{}", &html[..start], &html[end..]))
}

/// Prints `html` to a PDF with Chromium and counts its pages.
/// Headless, and nothing fetched: Chromium's own background connections (updates, sync,
/// first-run pages) are turned off, since the machine may have no network at all.
const QUIET: &[&str] = &[
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
];

fn print(browser: &Path, html: &Path, pdf: &Path, name: &str) -> usize {
    let out = Command::new(browser)
        .args(QUIET)
        .arg("--no-pdf-header-footer")
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", html.display()))
        .output()
        .unwrap();
    assert!(out.status.success(), "{name}: chromium printed nothing");
    let n = pages(&std::fs::read(pdf).unwrap());
    assert!(n > 0, "{name}: no page in the PDF");
    n
}

/// A script run in the page at print width: every table and chart wider than its
/// container, or than the page, every text of a chart cut at the chart's edge and every two
/// texts of a chart that overlap, is written into the page, read back with `--dump-dom`.
const PROBE: &str = r#"<style>html{font-size:8.4pt}body{max-width:none;padding:0;margin:0}</style><script>
var bad=[];var page=document.documentElement.clientWidth;
document.querySelectorAll("table, svg, figure, pre").forEach(function(e){
  var box=e.getBoundingClientRect();var parent=e.parentElement.getBoundingClientRect();
  if(box.right>page+0.5||box.width>parent.width+0.5||e.scrollWidth>e.clientWidth+1&&e.tagName=="TABLE"){
    bad.push(e.tagName+": "+(e.textContent||"").slice(0,60).replace(/\s+/g," "));}
});
document.querySelectorAll("svg.chart").forEach(function(svg){
  var vb=svg.viewBox.baseVal;var boxes=[];
  svg.querySelectorAll("text").forEach(function(t){
    var b=t.getBBox();var what=t.textContent.slice(0,40);
    if(b.x<vb.x-0.5||b.y<vb.y-0.5||b.x+b.width>vb.x+vb.width+0.5||b.y+b.height>vb.y+vb.height+0.5){
      bad.push("chart text cut at the edge: "+what);}
    boxes.forEach(function(o){
      var w=Math.min(b.x+b.width,o.b.x+o.b.width)-Math.max(b.x,o.b.x);
      var h=Math.min(b.y+b.height,o.b.y+o.b.height)-Math.max(b.y,o.b.y);
      if(w>1&&h>1){bad.push("chart texts overlap: "+o.what+" / "+what);}
    });
    boxes.push({b:b,what:what});
  });
});
var p=document.createElement("pre");p.id="overflow-probe";p.textContent="OVER"+"FLOW["+bad.join(" | ")+"]";document.body.appendChild(p);
</script></body>"#;

#[test]
fn printed_reports_fit_the_page_and_the_budget() {
    let Some(browser) = chromium() else {
        // CI installs Chromium and requires it (`.ci/run` sets QUALIF_REQUIRE_BROWSER=1);
        // elsewhere the test says, on its own output, that it did not run.
        assert!(
            std::env::var("QUALIF_REQUIRE_BROWSER").as_deref() != Ok("1"),
            "chromium is not installed (apt-get install -y chromium) and QUALIF_REQUIRE_BROWSER=1 requires it"
        );
        std::io::Write::write_all(
            &mut std::io::stdout(),
            b"chromium is not installed: the printed reports were not checked (apt-get install -y chromium)\n",
        )
        .unwrap();
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let mut cases: Vec<PathBuf> = std::fs::read_dir("tests/scenarios")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    cases.sort();
    assert_eq!(cases.len(), 10, "the ten scenarios");
    let mut counts = Vec::new();
    for case in &cases {
        for lang in ["en", "fr"] {
            let name = format!("{}.{lang}", case.file_stem().unwrap().to_string_lossy());
            let html = dir.path().join(format!("{name}.html"));
            report(case, lang, &html);
            let pdf = dir.path().join(format!("{name}.pdf"));
            let n = print(&browser, &html, &pdf, &name);
            // The summary alone, cut from the same report.
            let text = std::fs::read_to_string(&html).unwrap();
            let cut = summary_only(&text)
                .unwrap_or_else(|| panic!("{name}: no section 2 after the summary"));
            assert!(
                cut.contains("<section id=\"summary\"") && cut.len() < text.len() / 2,
                "{name}: the cut keeps the summary and leaves out the rest"
            );
            let summary = dir.path().join(format!("{name}.summary.html"));
            std::fs::write(&summary, cut).unwrap();
            let s = print(
                &browser,
                &summary,
                &dir.path().join(format!("{name}.summary.pdf")),
                &name,
            );
            counts.push((name.clone(), n, s));
            // Overflow, at the width of the printed text.
            let probe = dir.path().join(format!("{name}.probe.html"));
            std::fs::write(&probe, text.replacen("</body>", PROBE, 1)).unwrap();
            let out = Command::new(&browser)
                .args(QUIET)
                .arg(format!("--window-size={PRINT_WIDTH_PX},1000"))
                .args(["--virtual-time-budget=2000", "--dump-dom"])
                .arg(format!("file://{}", probe.display()))
                .output()
                .unwrap();
            let dom = String::from_utf8_lossy(&out.stdout);
            let result = dom
                .split("OVERFLOW[")
                .nth(1)
                .and_then(|r| r.split(']').next())
                .unwrap_or_else(|| panic!("{name}: the overflow probe did not run"));
            assert!(result.is_empty(), "{name}: wider than the page: {result}");
        }
    }
    assert_eq!(counts.len(), 20);
    // Every count is printed (`cargo test --test browser -- --nocapture`), then checked.
    for (name, n, s) in &counts {
        eprintln!("{name}: {n} pages, the summary {s}");
    }
    let over: Vec<String> = counts
        .iter()
        .filter(|(_, n, _)| *n > MAX_PAGES)
        .map(|(name, n, _)| format!("{name}: {n}"))
        .collect();
    assert!(over.is_empty(), "more than {MAX_PAGES} pages: {over:?}");
    let long: Vec<String> = counts
        .iter()
        .filter(|(_, _, s)| *s > MAX_SUMMARY_PAGES)
        .map(|(name, _, s)| format!("{name}: {s}"))
        .collect();
    assert!(
        long.is_empty(),
        "a summary on more than {MAX_SUMMARY_PAGES} pages: {long:?}"
    );
}
