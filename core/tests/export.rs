//! Downloads and sharing text: the CSV of the figures shown, the citation, the embed snippet.

mod common;

use common::{awkward_bundle, bundle, AWKWARD_PROVIDER, AWKWARD_UKPRN};

use workforce_core::export;
use workforce_core::selection::{Action, ChartKind, Selection};
use workforce_core::view;

#[test]
fn figures_csv_has_the_shown_figures_and_leaves_missing_ones_empty() {
    let b = bundle();
    let f = view::figure(&b, &Selection::baseline(&b));
    let csv = export::figures_csv(&f, "https://example.org/explorer/");
    assert!(csv.starts_with('\u{feff}'), "a byte-order mark for Excel");
    let text = csv.trim_start_matches('\u{feff}');
    assert!(text.starts_with("Title,\"Academic and non-academic staff, Midlands Innovation partners\"\r\nPeriod,2023/24\r\nDataset,Staff headcount by occupation\r\n"), "{text}");
    assert!(text.contains("\r\nSource,HESA DT025 Table 1,HE staff by HE provider and activity standard occupational classification\r\n"), "{text}");
    assert!(text.contains("\r\nSource link,https://www.hesa.ac.uk/data-and-analysis/staff/table-1\r\nLicence,CC BY 4.0\r\n"), "{text}");
    assert!(text.contains("\r\nProviders,Aston,Birmingham,Cranfield,Keele,Leicester,Loughborough,Nottingham,Warwick\r\n"), "{text}");
    // HESA's opt-out (Birmingham's non-academic staff not returned) is a caution on the figures, and
    // says so; so is a sum that misses providers.
    assert!(text.contains("\r\nCaution,\"Since 2019/20, providers in England and Northern Ireland"), "{text}");
    assert!(text.contains("\r\nCaution,\"Total non-academic staff, 2023/24: 125 of 227 providers reported.\"\r\n"), "{text}");
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
    let s = Selection::baseline(&b).apply(&b, Action::SelectDataset("students-sex".into())).apply(&b, Action::SelectMeasure(workforce_core::selection::Measure::ShareOfSelection));
    assert_eq!(s.chart, ChartKind::Stacked);
    let csv = export::figures_csv(&view::figure(&b, &s), "u");
    let cranfield = csv.lines().find(|l| l.starts_with("Cranfield,")).expect("row");
    // 2023/24: 1,460 of 5,025 = 29.054726…%, to four decimals
    assert!(cranfield.starts_with("Cranfield,29.0547,"), "{cranfield}");
}

#[test]
fn citation_and_embed_snippet() {
    let b = bundle();
    let s = Selection::baseline(&b);
    let f = view::figure(&b, &s);
    assert_eq!(
        export::citation(&f.caption, "https://example.org/x/?y=2023-24"),
        "Academic and non-academic staff, Midlands Innovation partners, 2023/24. Source: HESA DT025 Table 1 (HE staff by HE provider and activity standard occupational classification), 2023/24, CC BY 4.0; via Midlands Innovation workforce explorer, https://example.org/x/?y=2023-24"
    );
    let snippet = export::embed_snippet("https://example.org/x/?embed=1&p=aston", "https://example.org/x/embed.js", "A \"quoted\" <title>");
    assert!(snippet.contains("src=\"https://example.org/x/?embed=1&amp;p=aston\""));
    assert!(snippet.contains("title=\"Midlands Innovation workforce explorer: A &quot;quoted&quot; &lt;title&gt;\""));
    assert!(snippet.contains("loading=\"lazy\""));
    assert!(snippet.contains("<script src=\"https://example.org/x/embed.js\" async></script>"));
    assert_eq!(export::file_stem("staff-occupation", &f.caption), "staff-occupation-2023-24");
}

#[test]
fn the_embed_snippet_has_no_style_attribute() {
    // A host page under `style-src 'self'` blocks style attributes: embed.js styles the frame.
    let snippet = export::embed_snippet("https://example.org/x/?embed=1", "https://example.org/x/embed.js", "T");
    assert!(!snippet.contains("style="), "{snippet}");
    assert!(snippet.contains(" width=\"100%\""), "{snippet}");
    assert!(snippet.contains(" frameborder=\"0\""), "{snippet}");
    assert!(snippet.contains(" data-mi-explorer"), "{snippet}");
}

/// The header block's rows, by their first field.
fn header_rows(csv_text: &str) -> Vec<Vec<String>> {
    let text = csv_text.trim_start_matches('\u{feff}');
    let head = text.split("\r\n\r\n").next().unwrap_or_default();
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(head.as_bytes());
    reader.records().map(|r| r.expect("csv").iter().map(str::to_string).collect()).collect()
}

#[test]
fn exports_read_the_caption_fields_whatever_the_names_hold() {
    let b = awkward_bundle();
    let s = Selection::baseline(&b)
        .apply(&b, Action::SelectDataset("staff-awkward".into()))
        .apply(&b, Action::NoPartners)
        .apply(&b, Action::TogglePartner("10007759".into()))
        .apply(&b, Action::ToggleOther(AWKWARD_UKPRN.into()))
        .apply(&b, Action::SetCompareUk(true))
        .apply(&b, Action::SelectChart(ChartKind::Grouped));
    let f = view::figure(&b, &s);
    let url = "https://example.org/x/?d=staff-awkward";

    assert_eq!(export::file_stem("staff-awkward", &f.caption), "staff-awkward-2023-24");
    assert_eq!(
        export::citation(&f.caption, url),
        format!("Academic and non-academic staff, Aston and {AWKWARD_PROVIDER}, 2023/24. Source: HESA DT025 Table 1 (HE staff by provider, grade and year, 2014/15 to 2023/24), 2023/24, CC BY 4.0; via Midlands Innovation workforce explorer, https://example.org/x/?d=staff-awkward")
    );
    let trend = view::figure(&b, &s.apply(&b, Action::SelectChart(ChartKind::Trend)));
    assert_eq!(export::file_stem("staff-awkward", &trend.caption), "staff-awkward-2014-15-to-2023-24");

    let rows = header_rows(&export::figures_csv(&f, url));
    let field = |name: &str| rows.iter().find(|r| r[0] == name).unwrap_or_else(|| panic!("no {name} row in {rows:?}")).clone();
    assert_eq!(field("Title"), ["Title".to_string(), format!("Academic and non-academic staff, Aston and {AWKWARD_PROVIDER}")]);
    assert_eq!(field("Dataset"), ["Dataset", "Staff, from grade 1 to grade 9"]);
    assert_eq!(field("Period"), ["Period", "2023/24"]);
    // Counts: the UK total is in a note, not on the chart, so it is not among the providers shown.
    assert_eq!(field("Providers"), ["Providers", "Aston", AWKWARD_PROVIDER]);
    assert_eq!(field("Licence"), ["Licence", "CC BY 4.0"]);
    assert_eq!(field("Link"), ["Link", url]);

    // The image's footer: every provider named whole, the source and the link.
    let footer = export::image_footer(&f.caption, url).join(" ");
    assert!(footer.contains(&format!("Shown: Aston and {AWKWARD_PROVIDER}.")), "{footer}");
    assert!(footer.contains("Dataset: Staff, from grade 1 to grade 9. Source: HESA DT025 Table 1, CC BY 4.0. HESA rounds"), "{footer}");
    assert!(footer.ends_with(url), "{footer}");
}

#[test]
fn a_long_footer_is_wrapped_not_cut() {
    let b = bundle();
    let mut f = view::figure(&b, &Selection::baseline(&b));
    f.caption.providers = (1..=12).map(|i| format!("The University of Somewhere Quite Long Number {i}")).collect();
    let lines = export::image_footer(&f.caption, "u");
    assert!(lines.iter().all(|l| l.chars().count() <= 150), "{lines:?}");
    assert!(lines.join(" ").contains("Number 11 and The University of Somewhere Quite Long Number 12."));
}

#[test]
fn a_view_without_a_period_cites_no_empty_part() {
    let b = bundle();
    let mut f = view::figure(&b, &Selection::baseline(&b));
    f.caption.period.clear();
    let citation = export::citation(&f.caption, "u");
    assert!(!citation.contains(", ,"), "{citation}");
    // Without a link (a visitor's own dataset): no dangling separator, no Link row.
    assert!(export::citation(&f.caption, "").ends_with("; via Midlands Innovation workforce explorer"));
    assert!(!export::figures_csv(&f, "").contains("\r\nLink,"));
    assert_eq!(export::image_footer(&f.caption, "").last().map(String::as_str), Some("Midlands Innovation workforce explorer"));
    assert_eq!(export::file_stem("staff-occupation", &f.caption), "staff-occupation");
}

#[test]
fn an_own_dataset_downloads_whole_in_the_tidy_form() {
    let b = bundle();
    let data = b.dataset("students-sex").expect("dataset");
    let csv = export::whole_dataset_csv(data);
    assert!(csv.starts_with("\u{feff}ukprn,provider,year,group,category,value\n"), "{}", &csv[..80]);
    let back = workforce_core::tidy::read("x.csv", csv.trim_start_matches('\u{feff}')).expect("reads back");
    assert_eq!(back.len(), data.records().len());
    assert!(export::is_own_dataset("own-dt999-table-9"));
    assert!(!export::is_own_dataset("staff-occupation"));
}
