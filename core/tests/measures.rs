//! The measures analysts ask for, on the bundled data, checked against `data/*.csv`: a share of
//! the UK, the change since a base year (absolute, percent, index), and counts beside the UK.

mod common;

use common::{academic, bundle, key, non_academic};

use workforce_core::manifest::CategoryKey;
use workforce_core::selection::{Action, ChangeKind, ChartKind, Measure, Selection};
use workforce_core::view::{self, Figure, Point, RowKind, Status, Unit};
use workforce_core::Bundle;

fn point(f: &Figure, label: &str) -> Point {
    let row = f.chart.labels.iter().position(|l| l == label).unwrap_or_else(|| panic!("no row {label} in {:?}", f.chart.labels));
    f.chart.series[0].points[row]
}

/// Bars of one category for every partner in `year`, with the partners together as a bar.
fn bars(b: &Bundle, category: CategoryKey, year: &str) -> Selection {
    let s = Selection::baseline(b).apply(b, Action::SelectChart(ChartKind::Bars)).apply(b, Action::SelectYear(year.into()));
    let s = s.apply(b, Action::NoneInGroup("Academic".into())).apply(b, Action::NoneInGroup("Non-academic".into()));
    let s = s.apply(b, Action::NoneInGroup(String::new())).apply(b, Action::ToggleCategory(category));
    s.apply(b, Action::SetCombine(true))
}

fn change(base: &str, kind: ChangeKind) -> Measure {
    Measure::Change { base: base.into(), kind }
}

#[test]
fn the_partners_share_of_the_uks_academic_staff() {
    let b = bundle();
    let s = bars(&b, academic(), "2021/22").apply(&b, Action::SelectMeasure(Measure::ShareOfUk));
    assert_eq!(s.measure, Measure::ShareOfUk);
    let f = view::figure(&b, &s);
    assert_eq!((f.chart.unit, f.chart.y_label.as_str()), (Unit::Percent, "% of the UK total"));
    // data/staff-occupation.csv, 2021/22: the eight partners 950 + 4,100 + 730 + 840 + 1,655 +
    // 1,590 + 3,540 + 3,160 = 16,565 academic staff of the UK's 234,020.
    let together = point(&f, "8 partners together");
    assert_eq!(together.status, Status::Reported);
    assert!((together.value.unwrap() - 16_565.0 / 234_020.0 * 100.0).abs() < 1e-9);
    assert_eq!(f.chart.unit.point(together), "7.1%");
    let aston = point(&f, "Aston");
    assert!((aston.value.unwrap() - 950.0 / 234_020.0 * 100.0).abs() < 1e-9);
    assert_eq!(f.chart.unit.point(aston), "0.4%");
    // 2020/21: 16,125 of 224,530.
    let f = view::figure(&b, &s.apply(&b, Action::SelectYear("2020/21".into())));
    let together = point(&f, "8 partners together");
    assert!((together.value.unwrap() - 16_125.0 / 224_530.0 * 100.0).abs() < 1e-9);
    assert_eq!(f.chart.unit.point(together), "7.2%");
    // The UK is the base, not a bar or a reference of 100%, even when compared with.
    let f = view::figure(&b, &s.apply(&b, Action::SetCompareUk(true)));
    assert!(!f.chart.row_kinds.contains(&RowKind::Uk));
    assert_eq!(f.chart.reference, None);
    assert_eq!(f.chart.alt.matches("UK").count(), f.chart.alt.matches("% of the UK").count());
}

#[test]
fn a_share_of_the_uk_says_which_side_was_not_reported() {
    let b = bundle();
    // Non-academic staff 2023/24: neither the UK nor Birmingham reported them.
    let s = bars(&b, non_academic(), "2023/24").apply(&b, Action::SelectMeasure(Measure::ShareOfUk));
    let f = view::figure(&b, &s);
    // Birmingham's own figure is missing: not reported.
    assert_eq!(point(&f, "Birmingham"), Point::NOT_REPORTED);
    // Aston reported (1,130) but the UK did not: no share, and the status says it is the base.
    assert_eq!(point(&f, "Aston"), Point { value: None, status: Status::BaseIncomplete });
    assert_eq!(f.chart.unit.point(point(&f, "Aston")), "not shown: the base was not reported in full");
    assert!(f.caption.notes.iter().any(|n| n.contains("HESA publishes no UK total for non-academic staff from 2019/20")), "{:?}", f.caption.notes);
    // In 2016/17 everyone reported: the partners together are complete.
    let f = view::figure(&b, &s.apply(&b, Action::SelectYear("2016/17".into())));
    assert_eq!(point(&f, "8 partners together").status, Status::Reported);
    // Other charts: grouped offers it, stacked shares of different bases would not add up.
    let grouped = s.apply(&b, Action::SelectChart(ChartKind::Grouped));
    assert_eq!(grouped.measure, Measure::ShareOfUk);
    assert!(!s.apply(&b, Action::SelectChart(ChartKind::Stacked)).measures(&b).contains(&Measure::ShareOfUk));
}

#[test]
fn warwicks_associate_professional_staff_since_2014_15() {
    let b = bundle();
    let cat = key("Non-academic", "Associate professional occupations");
    let s = bars(&b, cat.clone(), "2023/24");
    // data/staff-occupation.csv: Warwick 590 in 2014/15, 910 in 2023/24.
    let f = view::figure(&b, &s.apply(&b, Action::SelectMeasure(change("2014/15", ChangeKind::Absolute))));
    assert_eq!((f.chart.unit, f.chart.y_label.as_str()), (Unit::Change, "Change in headcount since 2014/15"));
    assert_eq!(point(&f, "Warwick"), Point { value: Some(320.0), status: Status::Reported });
    assert_eq!(f.chart.unit.point(point(&f, "Warwick")), "+320");
    let f = view::figure(&b, &s.apply(&b, Action::SelectMeasure(change("2014/15", ChangeKind::Percent))));
    assert_eq!(f.chart.unit, Unit::PercentChange);
    assert!((point(&f, "Warwick").value.unwrap() - 320.0 / 590.0 * 100.0).abs() < 1e-9);
    assert_eq!(f.chart.unit.point(point(&f, "Warwick")), "+54.2%");
    // On a trend, the index: 2014/15 = 100, 2023/24 = 154.2.
    let one = Selection::baseline(&b)
        .apply(&b, Action::NoPartners)
        .apply(&b, Action::TogglePartner("10007163".into()))
        .apply(&b, Action::NoneInGroup("Academic".into()))
        .apply(&b, Action::NoneInGroup("Non-academic".into()))
        .apply(&b, Action::ToggleCategory(cat))
        .apply(&b, Action::SelectChart(ChartKind::Trend))
        .apply(&b, Action::SelectMeasure(change("2014/15", ChangeKind::Index)));
    assert_eq!(one.measure, change("2014/15", ChangeKind::Index));
    let f = view::figure(&b, &one);
    assert_eq!(f.chart.y_label, "Index (2014/15 = 100)");
    let line = &f.chart.series[0];
    assert_eq!(line.points[0].value, Some(100.0));
    assert!((line.points[9].value.unwrap() - 910.0 / 590.0 * 100.0).abs() < 1e-9);
    assert_eq!(f.chart.unit.point(line.points[9]), "154.2");
    // 2016/17 = 100: 750; 2014/15 is 590 / 750.
    let f = view::figure(&b, &one.apply(&b, Action::SetBaseYear("2016/17".into())));
    assert!((f.chart.series[0].points[0].value.unwrap() - 590.0 / 750.0 * 100.0).abs() < 1e-9);
    assert_eq!(f.chart.series[0].points[2].value, Some(100.0));
}

#[test]
fn a_change_across_a_series_break_is_not_shown() {
    let b = bundle();
    let s = bars(&b, non_academic(), "2023/24").apply(&b, Action::SelectMeasure(change("2014/15", ChangeKind::Absolute)));
    let f = view::figure(&b, &s);
    // Cranfield reported both years (905, 1,050), though not 2019/20: a change between the two.
    assert_eq!(point(&f, "Cranfield"), Point { value: Some(145.0), status: Status::Reported });
    // Birmingham did not report 2023/24.
    assert_eq!(point(&f, "Birmingham"), Point::NOT_REPORTED);
    // Together: only the six that reported both years (12,945 against 10,945), marked incomplete.
    assert_eq!(point(&f, "8 partners together"), Point { value: Some(2000.0), status: Status::Incomplete });
    // From 2019/20, which Cranfield did not report, to 2020/21, which it did: a series break.
    let f = view::figure(&b, &s.apply(&b, Action::SelectYear("2020/21".into())).apply(&b, Action::SetBaseYear("2019/20".into())));
    assert_eq!(point(&f, "Cranfield"), Point { value: None, status: Status::SeriesBreak });
    assert_eq!(f.chart.unit.point(point(&f, "Cranfield")), "not shown: the provider did not report in full in every year compared");
    assert!(f.caption.notes.iter().any(|n| n.starts_with("Some changes are not shown")), "{:?}", f.caption.notes);

    // The index breaks at the first gap: Cranfield's line stops at 2018/19 and does not resume.
    let trend = s
        .apply(&b, Action::SetCombine(false))
        .apply(&b, Action::SelectChart(ChartKind::Trend))
        .apply(&b, Action::SelectMeasure(change("2014/15", ChangeKind::Index)));
    let f = view::figure(&b, &trend);
    let cranfield = f.chart.series.iter().find(|x| x.name == "Cranfield").expect("line");
    assert!((cranfield.points[4].value.unwrap() - 850.0 / 905.0 * 100.0).abs() < 1e-9);
    assert_eq!(cranfield.points[5], Point::NOT_REPORTED, "2019/20 itself");
    for p in &cranfield.points[6..] {
        assert_eq!(*p, Point { value: None, status: Status::SeriesBreak });
    }
}

#[test]
fn base_years_come_before_the_year_shown() {
    let b = bundle();
    let s = bars(&b, academic(), "2020/21");
    assert_eq!(s.base_years(&b).len(), 6, "2014/15 to 2019/20");
    let labels: Vec<String> = s.measures(&b).iter().map(|m| view::measure_choice_label(s.dataset(&b), &s.categories, m)).collect();
    assert!(labels.iter().any(|n| *n == "% of the UK"), "{labels:?}");
    assert!(labels.iter().any(|n| *n == "Change since 2014/15"), "{labels:?}");
    assert!(labels.iter().any(|n| *n == "% change since 2014/15"), "{labels:?}");
    let c = s.apply(&b, Action::SelectMeasure(change("2014/15", ChangeKind::Percent)));
    // A base year at or after the year shown is refused; one before it is taken.
    assert_eq!(c.apply(&b, Action::SetBaseYear("2020/21".into())).measure, c.measure);
    assert_eq!(c.apply(&b, Action::SetBaseYear("2017/18".into())).measure, change("2017/18", ChangeKind::Percent));
    // No base year on a count.
    assert_eq!(s.apply(&b, Action::SetBaseYear("2017/18".into())), s);
    // Moving the year back before the base starts the change from the first year.
    let moved = c.apply(&b, Action::SetBaseYear("2017/18".into())).apply(&b, Action::SelectYear("2016/17".into()));
    assert_eq!(moved.measure, change("2014/15", ChangeKind::Percent));
    // The first year has nothing before it: no change is offered, and a change falls back to counts.
    let first = c.apply(&b, Action::SelectYear("2014/15".into()));
    assert_eq!(first.measure, Measure::Count);
    assert!(first.measures(&b).iter().all(|m| m.base_year().is_none()));
    // The index is a trend's; the differences are bars'.
    let trend = s.apply(&b, Action::SelectChart(ChartKind::Trend));
    let labels: Vec<String> = trend.measures(&b).iter().map(|m| view::measure_choice_label(trend.dataset(&b), &trend.categories, m)).collect();
    assert!(labels.iter().any(|n| *n == "Index (2014/15 = 100)"), "{labels:?}");
    assert!(!labels.iter().any(|n| *n == "Change since 2014/15"), "{labels:?}");
}

#[test]
fn counts_beside_the_uk_keep_the_uk_off_the_scale() {
    let b = bundle();
    let s = Selection::baseline(&b).apply(&b, Action::SetCompareUk(true));
    // Stacked counts: the UK is a row of the table, not a bar.
    let f = view::figure(&b, &s);
    assert!(!f.chart.row_kinds.contains(&RowKind::Uk), "{:?}", f.chart.labels);
    assert!(f.chart.series.iter().all(|x| x.points.len() == f.chart.labels.len()));
    assert_eq!(f.table.rows.last().map(|r| r.label.as_str()), Some("UK (all providers)"));
    assert!(f.caption.notes.iter().any(|n| n.contains("\"% of the UK\"")), "{:?}", f.caption.notes);
    // Bars: no reference line at 246,930 (2023/24 academic staff); the note gives the figure.
    let bars = s.apply(&b, Action::ToggleCategory(non_academic())).apply(&b, Action::SelectChart(ChartKind::Bars));
    let f = view::figure(&b, &bars);
    assert_eq!(f.chart.reference, None);
    assert!(f.chart.max_value() < 10_000.0, "the partners set the scale: {}", f.chart.max_value());
    assert!(f.caption.notes.iter().any(|n| n.starts_with("The UK total (246,930) is not drawn")), "{:?}", f.caption.notes);
    // Trend: no UK line; the table keeps its column.
    let f = view::figure(&b, &bars.apply(&b, Action::SelectChart(ChartKind::Trend)));
    assert!(f.chart.series.iter().all(|x| x.reference.is_none()));
    assert!(f.table.columns.iter().any(|c| c == "UK (all providers)"), "{:?}", f.table.columns);
    // Other measures keep the UK as a reference on the same scale (a percentage is comparable).
    // (2018/19: the UK's last year with every total reported.)
    let per = bars.apply(&b, Action::SelectYear("2018/19".into())).apply(&b, Action::SelectMeasure(Measure::PerHundred(key("", "Total"))));
    assert!(view::figure(&b, &per).chart.reference.is_some());
}

#[test]
fn a_fall_is_signed_and_draws() {
    let b = bundle();
    // Leicester's academic staff: 1,705 in 2020/21, 1,655 in 2021/22.
    let s = bars(&b, academic(), "2021/22").apply(&b, Action::SelectMeasure(change("2014/15", ChangeKind::Absolute)));
    let s = s.apply(&b, Action::SetBaseYear("2020/21".into()));
    let f = view::figure(&b, &s);
    assert_eq!(point(&f, "Leicester").value, Some(-50.0));
    assert_eq!(f.chart.unit.point(point(&f, "Leicester")), "\u{2212}50");
    assert!(f.chart.describe(f.chart.labels.iter().position(|l| l == "Leicester").unwrap(), 0).ends_with("\u{2212}50"));
    let pct = view::figure(&b, &s.apply(&b, Action::SelectMeasure(change("2020/21", ChangeKind::Percent))));
    assert_eq!(pct.chart.unit.point(point(&pct, "Leicester")), "\u{2212}2.9%");
    // What an axis below zero must reach (Loughborough's −5 is the other fall).
    assert_eq!(f.chart.min_value(), -50.0);
    assert_eq!(view::figure(&b, &bars(&b, academic(), "2021/22")).chart.min_value(), 0.0);
    // The chart draws it without failing (its axis starts at zero: a fall is drawn from there).
    let mut out = String::new();
    {
        use plotters::prelude::*;
        let root = SVGBackend::with_string(&mut out, (800, 450)).into_drawing_area();
        workforce_core::chart::draw(&root, &f.chart, &workforce_core::chart::ChartStyle::default()).expect("draws");
        root.present().expect("presents");
    }
    assert!(out.contains("\u{2212}50"), "the fall's label");
}
