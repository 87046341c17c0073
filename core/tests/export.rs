//! Downloads and sharing text: the CSV of the figures shown, the citation, the embed snippet.

mod common;

use common::bundle;

use workforce_core::export;
use workforce_core::selection::{Action, ChartKind, Selection};
use workforce_core::view;

#[test]
fn figures_csv_has_the_shown_figures_and_leaves_missing_ones_empty() {
    let b = bundle();
    let f = view::figure(&b, &Selection::initial(&b));
    let csv = export::figures_csv(&f, "https://example.org/explorer/");
    assert!(csv.starts_with('\u{feff}'), "a byte-order mark for Excel");
    let text = csv.trim_start_matches('\u{feff}');
    assert!(text.starts_with("Title,\"Staff headcount by occupation, 2023/24\"\r\n"), "{text}");
    assert!(text.contains("Source,\"HESA DT025 Table 1, CC BY 4.0 (https://www.hesa.ac.uk/data-and-analysis/staff/table-1)\""));
    // The table: raw numbers, and Birmingham's non-academic figure empty, never 0.
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(text.as_bytes());
    let rows: Vec<Vec<String>> = reader.records().map(|r| r.expect("csv").iter().map(str::to_string).collect()).collect();
    let header = rows.iter().position(|r| r.first().map(String::as_str) == Some("Partner")).expect("table header");
    assert_eq!(rows[header], vec!["Partner", "Total academic staff", "Total non-academic staff", "All selected categories", "Notes"]);
    let bham = rows.iter().find(|r| r[0] == "Birmingham").expect("row");
    assert_eq!(bham[1], "4205");
    assert_eq!(bham[2], "", "not reported stays empty");
    assert!(bham[4].contains("Total non-academic staff: not reported"), "{bham:?}");
    let total = rows.last().expect("total");
    assert_eq!(total[0], "All selected partners");
    assert_eq!(rows.iter().filter(|r| r.len() == 5).count(), 1 + 8 + 1);
}

#[test]
fn ratios_export_with_their_decimals() {
    let b = bundle();
    let s = Selection::initial(&b).apply(&b, Action::SelectDataset("students-sex".into())).apply(&b, Action::SelectMeasure(workforce_core::selection::Measure::ShareOfSelection));
    assert_eq!(s.chart, ChartKind::Stacked);
    let csv = export::figures_csv(&view::figure(&b, &s), "u");
    let cranfield = csv.lines().find(|l| l.starts_with("Cranfield,")).expect("row");
    // 2023/24: 1,460 of 5,025 = 29.054726…%, to four decimals
    assert!(cranfield.starts_with("Cranfield,29.0547,"), "{cranfield}");
}

#[test]
fn citation_and_embed_snippet() {
    let b = bundle();
    let s = Selection::initial(&b);
    let f = view::figure(&b, &s);
    let data = s.dataset(&b);
    assert_eq!(
        export::citation(data, &f.caption, "https://example.org/x/?y=2023-24"),
        "Source: HESA DT025 Table 1 (HE staff by HE provider and activity standard occupational classification), 2023/24, CC BY 4.0; via Midlands Innovation workforce explorer, https://example.org/x/?y=2023-24"
    );
    let snippet = export::embed_snippet("https://example.org/x/?embed=1&p=aston", "https://example.org/x/embed.js", "A \"quoted\" <title>");
    assert!(snippet.contains("src=\"https://example.org/x/?embed=1&amp;p=aston\""));
    assert!(snippet.contains("title=\"Midlands Innovation workforce explorer: A &quot;quoted&quot; &lt;title&gt;\""));
    assert!(snippet.contains("loading=\"lazy\""));
    assert!(snippet.contains("<script src=\"https://example.org/x/embed.js\" async></script>"));
    assert_eq!(export::file_stem("staff-occupation", &f.caption), "staff-occupation-2023-24");
}
