//! The bundled data (`data/`) through the dataset model, query, selection and view model:
//! known published figures, and not-reported cells never summed as zero.

mod common;

use common::bundle;
use workforce_core::Bundle;

use workforce_core::manifest::CategoryKey;
use workforce_core::query::{Dim, Query, QueryError};
use workforce_core::selection::{Action, ChartKind, Selection, Tab};
use workforce_core::view::{self, Point, Status};

fn key(group: &str, name: &str) -> CategoryKey {
    CategoryKey { group: group.into(), name: name.into() }
}

fn partners(b: &Bundle) -> Vec<usize> {
    let d = b.dataset("staff-occupation").expect("dataset");
    b.manifest.partners.iter().map(|p| d.provider_index(&p.ukprn).expect("partner")).collect()
}

#[test]
fn eight_partners_had_16125_academic_staff_in_2020_21() {
    let b = bundle();
    let d = b.dataset("staff-occupation").expect("dataset");
    let q = Query {
        providers: partners(&b),
        categories: vec![d.category_index(&key("Academic", "Total academic staff")).expect("category")],
        years: vec![d.year_index("2020/21").expect("year")],
        rows: Dim::Year,
        series: None,
    };
    let total = q.run(d).expect("runs").grand_total();
    assert_eq!(total.value(), Some(16_125.0));
    assert!(total.is_complete());
    assert_eq!(total.reported, 8);
}

#[test]
fn not_reported_is_never_summed_as_zero() {
    let b = bundle();
    let d = b.dataset("staff-occupation").expect("dataset");
    let non_academic = d.category_index(&key("Non-academic", "Total non-academic staff")).expect("category");
    let y = d.year_index("2023/24").expect("year");
    let q = Query { providers: partners(&b), categories: vec![non_academic], years: vec![y], rows: Dim::Provider, series: None };
    let r = q.run(d).expect("runs");
    let bham = r.rows.iter().position(|&p| d.providers()[p].key == "10006840").expect("Birmingham");
    assert_eq!(r.cell(bham, 0).value(), None, "Birmingham did not report: no value, not 0");
    let total = r.grand_total();
    assert_eq!(total.reported, 6);
    assert!(!total.is_complete());
    let missing: Vec<&str> = total.missing.iter().map(|m| d.providers()[m.provider].key.as_str()).collect();
    assert_eq!(missing, vec!["10006840", "10007154"], "Birmingham and Nottingham");
    // The six reported figures summed, nothing else.
    let six: f64 = (0..r.rows.len()).filter_map(|i| r.cell(i, 0).value()).sum();
    assert_eq!(total.value(), Some(six));

    // Cranfield did not report for 2019/20 either.
    let y = d.year_index("2019/20").expect("year");
    let q = Query { years: vec![y], ..q };
    let missing = q.run(d).expect("runs").grand_total().missing.len();
    assert_eq!(missing, 3);
}

#[test]
fn a_total_and_its_parts_are_never_summed_together() {
    let b = bundle();
    let d = b.dataset("staff-occupation").expect("dataset");
    let total = d.category_index(&key("Academic", "Total academic staff")).expect("category");
    let part = d.category_index(&key("Academic", "Professional occupations")).expect("category");
    let q = Query { providers: partners(&b), categories: vec![total, part], years: vec![0], rows: Dim::Provider, series: None };
    assert_eq!(q.run(d), Err(QueryError::OverlappingCategories { total, part }));
    // Split by category they can be shown side by side.
    let split = Query { series: Some(Dim::Category), ..q.clone() };
    assert!(split.run(d).is_ok());
    // Out-of-range indices are refused, not a panic.
    let bad = Query { providers: vec![999], ..split };
    assert!(matches!(bad.run(d), Err(QueryError::OutOfRange(Dim::Provider, 999))));
}

#[test]
fn grouping_by_year_and_category() {
    let b = bundle();
    let d = b.dataset("students-sex").expect("dataset");
    let cats: Vec<usize> = ["Female", "Male", "Unknown"].iter().map(|n| d.category_index(&key("", n)).expect("cat")).collect();
    let q = Query { providers: partners(&b), categories: cats, years: vec![0, 1], rows: Dim::Year, series: Some(Dim::Category) };
    let r = q.run(d).expect("runs");
    assert_eq!((r.rows.len(), r.series.len()), (2, 3));
    // Each year's female + male + unknown is within rounding of the published totals' sum.
    let published = d.category_index(&key("", "Total")).expect("total");
    for (row, &y) in r.rows.iter().enumerate() {
        let parts = r.row_total(row).value().expect("reported");
        let totals: f64 = partners(&b).iter().filter_map(|&p| d.value(p, y, published)).sum();
        assert!((parts - totals).abs() <= 8.0 * 7.5, "{parts} vs {totals}");
    }
}

#[test]
/// The first view before the lens, which links are still written against.
fn occupation_totals_view_is_meaningful() {
    let b = bundle();
    let s = Selection::baseline(&b);
    assert_eq!(s.dataset, "staff-occupation");
    assert_eq!(s.partners.len(), 8);
    assert_eq!(s.year, "2023/24");
    assert_eq!(s.categories, vec![key("Academic", "Total academic staff"), key("Non-academic", "Total non-academic staff")]);
    let f = view::figure(&b, &s);
    assert_eq!(f.caption.heading(), "Academic and non-academic staff, Midlands Innovation partners, 2023/24");
    assert_eq!(f.caption.dataset, "Staff headcount by occupation");
    assert_eq!(f.caption.source_line(), "Source: HESA DT025 Table 1, CC BY 4.0");
    assert_eq!(f.chart.labels.len(), 8);
    assert_eq!(f.chart.series.len(), 2);
    assert_ne!(f.chart.series[0].colour, f.chart.series[1].colour, "series are told apart");
    assert!(f.chart.empty.is_none());
    assert_eq!(
        f.caption.notes,
        vec![
            "Since 2019/20, providers in England and Northern Ireland may choose not to return non-academic staff to HESA; Birmingham and Nottingham did not (2019/20–2023/24), nor Cranfield in 2019/20, and HESA publishes no UK total for non-academic staff from 2019/20.".to_string(),
            // data/coverage/staff-occupation.csv: 2023/24,Non-academic,Total non-academic staff,227,125,…
            "Total non-academic staff, 2023/24: 125 of 227 providers reported.".to_string(),
        ]
    );
    let total = f.table.total.as_ref().expect("total row");
    assert!(f.table.unit.point(total.cells[1]).ends_with("(incomplete)"), "{:?}", total.cells[1]);
    assert_eq!(total.cells[0].status, Status::Reported);
    let bham = f.table.rows.iter().find(|r| r.label == "Birmingham").expect("row");
    assert_eq!(f.table.unit.point(bham.cells[1]), "not reported");
    assert!(f.chart.alt.contains("Birmingham: Total academic staff 4,205; Total non-academic staff not reported."), "{}", f.chart.alt);
}

#[test]
fn selection_actions() {
    let b = bundle();
    let s = Selection::baseline(&b);
    let s2020 = s.apply(&b, Action::SelectYear("2020/21".into()));
    assert_eq!(s2020.year, "2020/21");
    // Unknown year or partner: ignored.
    assert_eq!(s2020.apply(&b, Action::SelectYear("1066/67".into())), s2020);
    assert_eq!(s2020.apply(&b, Action::TogglePartner("123".into())), s2020);

    let no_bham = s.apply(&b, Action::TogglePartner("10006840".into()));
    assert_eq!(no_bham.partners.len(), 7);
    let back = no_bham.apply(&b, Action::TogglePartner("10006840".into()));
    assert_eq!(back.partners, s.partners, "re-added in manifest order");
    assert!(s.apply(&b, Action::NoPartners).partners.is_empty());
    assert_eq!(s.apply(&b, Action::NoPartners).apply(&b, Action::AllPartners).partners, s.partners);

    // Selecting a part removes the total that covers it, and the other way round.
    let part = s.apply(&b, Action::ToggleCategory(key("Academic", "Professional occupations")));
    assert_eq!(part.categories, vec![key("Academic", "Professional occupations"), key("Non-academic", "Total non-academic staff")]);
    let grand = part.apply(&b, Action::ToggleCategory(key("", "Total")));
    assert_eq!(grand.categories, vec![key("", "Total")]);
    let all_academic = grand.apply(&b, Action::AllInGroup("Academic".into()));
    assert_eq!(all_academic.categories.len(), 4);
    assert!(all_academic.categories.iter().all(|k| k.group == "Academic"));
    assert!(all_academic.apply(&b, Action::NoneInGroup("Academic".into())).categories.is_empty());

    // Switching dataset resets categories and keeps the year where it exists.
    let students = s2020.apply(&b, Action::SelectDataset("students-sex".into()));
    assert_eq!(students.year, "2020/21");
    assert_eq!(students.categories.len(), 3);
    let students_latest = s.apply(&b, Action::SelectDataset("students-sex".into()));
    assert_eq!(students_latest.year, "2023/24");
    assert_eq!(s.apply(&b, Action::SelectDataset("nope".into())), s);

    let bars = s.apply(&b, Action::SelectChart(ChartKind::Bars)).apply(&b, Action::SelectTab(Tab::Table));
    assert_eq!((bars.chart, bars.tab), (ChartKind::Bars, Tab::Table));
}

#[test]
fn summed_bars_mark_incomplete_partners() {
    let b = bundle();
    let s = Selection::baseline(&b).apply(&b, Action::SelectChart(ChartKind::Bars));
    let f = view::figure(&b, &s);
    assert_eq!(f.chart.series.len(), 1);
    let bham = f.chart.labels.iter().position(|l| l == "Birmingham").expect("label");
    assert_eq!(f.chart.series[0].points[bham], Point { value: Some(4205.0), status: Status::Incomplete }, "academic only");
    let aston = f.chart.labels.iter().position(|l| l == "Aston").expect("label");
    assert_eq!(f.chart.series[0].points[aston].status, Status::Reported);

    let empty = view::figure(&b, &s.apply(&b, Action::NoPartners));
    assert_eq!(empty.chart.empty.as_deref(), Some("Choose at least one partner to see figures."));
}

/// Figures read off the downloads, found in the bundled data of each of the four newer tables.
#[test]
fn known_figures_of_the_qualification_salary_flows_and_nationality_tables() {
    let b = bundle();
    let figure = |dataset: &str, ukprn: &str, year: &str, name: &str| {
        let d = b.dataset(dataset).unwrap_or_else(|| panic!("{dataset}"));
        let p = d.provider_index(ukprn).unwrap_or_else(|| panic!("{dataset}: {ukprn}"));
        let y = d.year_index(year).unwrap_or_else(|| panic!("{dataset}: {year}"));
        let c = d.category_index(&key("", name)).unwrap_or_else(|| panic!("{dataset}: {name}"));
        d.value(p, y, c)
    };
    let (lboro, bham, uk) = ("10004113", "10006840", workforce_core::manifest::UK_TOTAL_KEY);
    // Staff Table 17: Loughborough's full-time academic staff in 2023/24.
    assert_eq!(figure("staff-salary", lboro, "2023/24", "Total"), Some(1325.0));
    assert_eq!(figure("staff-salary", lboro, "2023/24", "Band 6 (highest)"), Some(300.0));
    // Staff Table 22: its starters and leavers in 2023/24, and the staff either side.
    assert_eq!(figure("staff-flows", lboro, "2023/24", "Starters"), Some(320.0));
    assert_eq!(figure("staff-flows", lboro, "2023/24", "Leavers"), Some(305.0));
    assert_eq!(figure("staff-flows", lboro, "2023/24", "Academic staff at the start of the year"), Some(1675.0));
    assert_eq!(figure("staff-flows", lboro, "2023/24", "Academic staff at the end of the year"), Some(1690.0));
    // Staff Table 8: Loughborough's academic staff with a doctorate in 2023/24, of 1,690.
    assert_eq!(figure("staff-qualification", lboro, "2023/24", "Doctorate"), Some(1160.0));
    assert_eq!(figure("staff-qualification", lboro, "2023/24", "Total academic staff"), Some(1690.0));
    // Staff Table 24: Loughborough's staff of UK nationality in 2023/24; Birmingham (opted out of
    // the non-academic return) reported none of this all-staff table from 2019/20, and HESA's UK
    // total is empty from 2019/20.
    assert_eq!(figure("staff-nationality", lboro, "2023/24", "UK"), Some(3210.0));
    assert_eq!(figure("staff-nationality", lboro, "2023/24", "Total"), Some(3960.0));
    assert_eq!(figure("staff-nationality", bham, "2018/19", "Total"), Some(8400.0));
    for name in ["UK", "European Union", "Non-European Union", "Not known", "Total"] {
        assert_eq!(figure("staff-nationality", bham, "2019/20", name), None, "{name}");
        assert_eq!(figure("staff-nationality", uk, "2019/20", name), None, "{name}");
    }
    assert_eq!(figure("staff-nationality", uk, "2018/19", "Total"), Some(439_955.0));
    // The datasets in the switcher's order, the default first.
    let ids: Vec<&str> = b.datasets.iter().map(|d| d.info.id.as_str()).collect();
    assert_eq!(
        ids,
        ["staff-occupation", "staff-cost-centre", "staff-qualification", "staff-salary", "staff-flows", "staff-nationality", "students-sex"]
    );
    let flows = b.dataset("staff-flows").expect("flows");
    assert_eq!(flows.info.rate_base_index(), Some(0));
    assert_eq!(flows.info.categories[0].name, "Academic staff at the start of the year");
}

/// Every dataset's coverage file reads with the core's reader and has a row for each of the
/// dataset's years and categories.
#[test]
fn every_dataset_has_its_coverage() {
    let b = bundle();
    let dir = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../data");
    for d in &b.datasets {
        let text = std::fs::read_to_string(dir.join(&d.info.coverage_file)).unwrap_or_else(|e| panic!("{}: {e}", d.info.coverage_file));
        let coverage = workforce_core::coverage::Coverage::read(&d.info.coverage_file, &text).unwrap_or_else(|e| panic!("{e}"));
        for year in d.years() {
            for c in d.categories() {
                let row = coverage.get(year, &c.key()).unwrap_or_else(|| panic!("{} {year} {:?}", d.info.id, c.name));
                assert!(row.providers > 100 && row.reported <= row.providers, "{} {year} {:?}", d.info.id, c.name);
            }
        }
        assert_eq!(coverage.rows().len(), d.years().len() * d.categories().len(), "{}", d.info.id);
    }
}
