//! Measures across datasets (staff and students) on the bundled data, checked against figures
//! computed by hand from `data/staff-occupation.csv` and `data/students-sex.csv`.

mod common;

use common::{academic, bundle, non_academic};

use workforce_core::selection::{Action, ChartKind, Cross, Measure, Selection};
use workforce_core::url_state::{decode, encode};
use workforce_core::view::{self, Figure, Point, Status, Unit};
use workforce_core::Bundle;

fn point(f: &Figure, label: &str) -> Point {
    let row = f.chart.labels.iter().position(|l| l == label).unwrap_or_else(|| panic!("no row {label} in {:?}", f.chart.labels));
    f.chart.series[0].points[row]
}

fn rounded(p: Point) -> Option<f64> {
    p.value.map(|v| (v * 10.0).round() / 10.0)
}

/// Bars of one staff category in 2020/21, every partner, the partners together and the UK.
fn staff_bars(b: &Bundle, category: workforce_core::manifest::CategoryKey) -> Selection {
    let s = Selection::baseline(b).apply(b, Action::SelectChart(ChartKind::Bars)).apply(b, Action::SelectYear("2020/21".into()));
    let s = s.apply(b, Action::NoneInGroup("Academic".into())).apply(b, Action::NoneInGroup("Non-academic".into()));
    let s = s.apply(b, Action::NoneInGroup(String::new())).apply(b, Action::ToggleCategory(category));
    s.apply(b, Action::SetCombine(true)).apply(b, Action::SetCompareUk(true))
}

#[test]
fn academic_staff_per_100_students() {
    let b = bundle();
    let s = staff_bars(&b, academic()).apply(&b, Action::SelectMeasure(Measure::Across(Cross::PerHundredStudents)));
    assert_eq!(s.measure, Measure::Across(Cross::PerHundredStudents), "offered on staff by occupation");
    let f = view::figure(&b, &s);
    assert_eq!((f.chart.unit, f.chart.y_label.as_str()), (Unit::PerHundred, "per 100 students"));
    // 2020/21: Aston 930 academic staff, 16,795 students: 5.54 per 100; Loughborough 1,595 and
    // 18,335: 8.70; the eight together 16,125 and 169,435: 9.52; the UK 224,530 and 2,747,200:
    // 8.17.
    assert_eq!(rounded(point(&f, "Aston")), Some(5.5));
    assert_eq!(rounded(point(&f, "Loughborough")), Some(8.7));
    let together = point(&f, "8 partners together");
    assert_eq!((rounded(together), together.status), (Some(9.5), Status::Reported));
    assert_eq!(f.chart.reference.as_ref().map(|r| r.0.as_str()), Some("UK 8.2"));
    // Both sources and both counts, in the caption (and so in the CSV).
    assert_eq!(f.caption.source_tables(), "HESA DT025 Table 1 and HESA DT051 Table 1");
    // Each table with its own link, so every figure can be traced to both.
    let links: Vec<&str> = f.caption.sources.iter().map(|s| s.link.as_str()).collect();
    assert_eq!(links, ["https://www.hesa.ac.uk/data-and-analysis/staff/table-1", "https://www.hesa.ac.uk/data-and-analysis/students/table-1"]);
    let csv = workforce_core::export::figures_csv(&f, "");
    for row in ["Source,HESA DT025 Table 1,", "Source link,https://www.hesa.ac.uk/data-and-analysis/staff/table-1", "Source,HESA DT051 Table 1,", "Source link,https://www.hesa.ac.uk/data-and-analysis/students/table-1"] {
        assert!(csv.contains(row), "{row} in the CSV:\n{csv}");
    }
    let counts = f.caption.notes.iter().find(|n| n.starts_with("Counts, 2020/21:")).expect("counts note");
    assert!(counts.contains("Aston 930 academic staff and 16,795 students"), "{counts}");
    assert!(counts.contains("8 partners together 16,125 academic staff and 169,435 students"), "{counts}");
    let csv = workforce_core::export::figures_csv(&f, "https://example.org/");
    assert!(csv.contains("DT051 Table 1") && csv.contains("Aston 930 academic staff and 16,795 students"), "{csv}");
}

#[test]
fn never_across_a_missing_side() {
    let b = bundle();
    // Non-academic staff per 100 students: Birmingham and Nottingham returned no non-academic
    // staff in 2020/21, so theirs is not available, and the partners together are the other six:
    // (1,010 + 915 + 1,205 + 2,105 + 2,145 + 4,340) = 11,720 staff over (16,795 + 5,055 + 11,505 +
    // 16,100 + 18,335 + 28,110) = 95,900 students = 12.22 per 100, marked incomplete.
    let s = staff_bars(&b, non_academic()).apply(&b, Action::SelectMeasure(Measure::Across(Cross::PerHundredStudents)));
    let f = view::figure(&b, &s);
    assert_eq!(point(&f, "Birmingham"), Point::NOT_REPORTED);
    assert_eq!(point(&f, "Nottingham").value, None);
    let together = point(&f, "8 partners together");
    assert_eq!((rounded(together), together.status), (Some(12.2), Status::Incomplete));
    // No UK total of non-academic staff that year: no UK figure either.
    assert_eq!(f.chart.reference, None);
    let counts = f.caption.notes.iter().find(|n| n.starts_with("Counts, 2020/21:")).expect("counts note");
    assert!(counts.contains("Birmingham total non-academic staff not reported and 37,750 students") || counts.contains("Birmingham non-academic staff not reported and 37,750 students"), "{counts}");
    // The students not loaded: nothing is computed, the figure says it is waiting.
    let staff_only = Bundle { datasets: b.datasets.iter().filter(|d| d.info.id != "students-sex").cloned().collect(), ..b.clone() };
    let waiting = view::figure(&staff_only, &s);
    assert_eq!(waiting.chart.empty.as_deref(), Some("Loading Student enrolments by sex…"));
    assert!(waiting.chart.series.is_empty());
}

#[test]
fn students_per_academic_staff_member() {
    let b = bundle();
    let s = Selection::baseline(&b).apply(&b, Action::SelectDataset("students-sex".into()));
    let s = s.apply(&b, Action::SelectChart(ChartKind::Bars)).apply(&b, Action::SelectYear("2020/21".into()));
    let s = s.apply(&b, Action::SetCombine(true));
    let total = workforce_core::manifest::CategoryKey { group: String::new(), name: "Total".into() };
    let s = if s.categories == vec![total.clone()] { s } else { s.apply(&b, Action::ToggleCategory(total)) };
    let s = s.apply(&b, Action::SelectMeasure(Measure::Across(Cross::StudentsPerAcademic)));
    assert_eq!(s.measure, Measure::Across(Cross::StudentsPerAcademic));
    let f = view::figure(&b, &s);
    assert_eq!(f.chart.y_label, "per academic staff member");
    // Aston 16,795 / 930 = 18.06; Birmingham 37,750 / 3,880 = 9.73; together 169,435 / 16,125 = 10.51.
    assert_eq!(rounded(point(&f, "Aston")), Some(18.1));
    assert_eq!(rounded(point(&f, "Birmingham")), Some(9.7));
    assert_eq!(rounded(point(&f, "8 partners together")), Some(10.5));
    assert_eq!(f.caption.source_tables(), "HESA DT051 Table 1 and HESA DT025 Table 1");
    // Female, male and unknown students stacked: "Students by sex", not the three listed.
    let stacked = Selection::baseline(&b).apply(&b, Action::SelectDataset("students-sex".into())).apply(&b, Action::SelectChart(ChartKind::Stacked));
    let stacked = stacked.apply(&b, Action::SelectMeasure(Measure::Across(Cross::StudentsPerAcademic)));
    let f = view::figure(&b, &stacked);
    assert_eq!(f.caption.heading(), "Students by sex per academic staff member, Midlands Innovation partners, 2023/24");
    let counts = f.caption.notes.iter().find(|n| n.starts_with("Counts")).expect("a counts note");
    assert!(counts.contains("Aston 18,605 students and 1,015 academic staff"), "{counts}");
}

#[test]
fn only_where_they_make_sense_and_in_the_link() {
    let b = bundle();
    let staff = Selection::baseline(&b);
    assert!(staff.measures(&b).contains(&Measure::Across(Cross::PerHundredStudents)));
    assert!(!staff.measures(&b).contains(&Measure::Across(Cross::StudentsPerAcademic)));
    let cost = staff.apply(&b, Action::SelectDataset("staff-cost-centre".into()));
    assert!(!cost.measures(&b).iter().any(|m| matches!(m, Measure::Across(_))));
    let s = staff_bars(&b, academic()).apply(&b, Action::SelectMeasure(Measure::Across(Cross::PerHundredStudents)));
    let query = encode(&b, &s);
    assert!(query.contains("m=per-students"), "{query}");
    let back = decode(&b, &query);
    assert_eq!(back.selection, s);
    assert!(back.ignored.is_empty());
    // The view reads both datasets, so the page fetches the students.
    assert_eq!(s.datasets_read(), vec!["staff-occupation".to_string(), "students-sex".to_string()]);
    // Non-academic staff per 100 academic staff is within one dataset (already offered).
    let per_academic = Measure::PerHundred(academic());
    assert!(staff_bars(&b, non_academic()).measures(&b).contains(&per_academic));
}
