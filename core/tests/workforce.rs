//! The whole HESA workforce on the bundled data, checked against `data/` by hand: how many
//! providers reported (`data/coverage/*.csv`), the comparator "UK, providers that reported",
//! starters and leavers (`data/staff-flows.csv`) and the salary bands' yearly thresholds.

mod common;

use common::{academic, bundle, key, non_academic};

use workforce_core::export;
use workforce_core::manifest::CategoryKey;
use workforce_core::palette;
use workforce_core::selection::{Action, ChangeKind, ChartKind, Measure, Selection};
use workforce_core::url_state::{decode, encode};
use workforce_core::view::{self, coverage::UK_REPORTED_NAME, Figure, Point, RowKind, Status, Unit};
use workforce_core::Bundle;

const LOUGHBOROUGH: &str = "10004113";

fn skilled_trades() -> CategoryKey {
    key("Non-academic", "Skilled trades occupations")
}

fn elementary() -> CategoryKey {
    key("Non-academic", "Elementary occupations")
}

/// `dataset`, `chart`, only `categories`, in `year`.
fn view_of(b: &Bundle, dataset: &str, chart: ChartKind, categories: &[CategoryKey], year: &str) -> Selection {
    let mut s = Selection::initial(b).apply(b, Action::SelectDataset(dataset.into())).apply(b, Action::SelectChart(chart));
    s = s.apply(b, Action::SelectYear(year.into()));
    for group in s.dataset(b).groups().iter().map(|g| g.to_string()).collect::<Vec<_>>() {
        s = s.apply(b, Action::NoneInGroup(group));
    }
    for c in categories {
        s = s.apply(b, Action::ToggleCategory(c.clone()));
    }
    assert_eq!(s.categories.len(), categories.len(), "{:?}", s.categories);
    s
}

fn point(f: &Figure, label: &str, series: usize) -> Point {
    let row = f.chart.labels.iter().position(|l| l == label).unwrap_or_else(|| panic!("no row {label} in {:?}", f.chart.labels));
    f.chart.series[series].points[row]
}

fn close(p: Point, expected: f64) -> bool {
    p.value.is_some_and(|v| (v - expected).abs() < 1e-9)
}

// 1. Coverage stated.

#[test]
fn the_caption_says_how_many_providers_reported_each_year_shown() {
    let b = bundle();
    // data/coverage/staff-occupation.csv, 2023/24: total academic staff 227 of 227 (no note),
    // total non-academic staff 125 of 227.
    let s = view_of(&b, "staff-occupation", ChartKind::Grouped, &[academic(), non_academic()], "2023/24");
    let notes = view::figure(&b, &s).caption.notes;
    assert!(notes.iter().any(|n| *n == "Total non-academic staff, 2023/24: 125 of 227 providers reported."), "{notes:?}");
    assert!(!notes.iter().any(|n| n.starts_with("Total academic staff")), "{notes:?}");

    // 2018/19: every provider reported every figure: nothing to say.
    let s = s.apply(&b, Action::SelectYear("2018/19".into()));
    assert!(!view::figure(&b, &s).caption.notes.iter().any(|n| n.contains("providers reported")));

    // Two categories with the same counts share one sentence (elementary 2023/24: 227,125).
    let s = view_of(&b, "staff-occupation", ChartKind::Grouped, &[skilled_trades(), elementary()], "2023/24");
    let notes: Vec<String> = view::figure(&b, &s).caption.notes.into_iter().filter(|n| n.contains("providers reported")).map(|n| n.text).collect();
    assert_eq!(
        notes,
        ["Skilled trades occupations (Non-academic) and Elementary occupations (Non-academic), 2023/24: 125 of 227 providers reported."]
    );
}

#[test]
fn a_trend_gives_each_years_providers_that_reported() {
    let b = bundle();
    // Total non-academic staff: 2019/20 131 of 196, 2020/21 130 of 213, 2021/22 130 of 216,
    // 2022/23 126 of 223, 2023/24 125 of 227; every provider before 2019/20.
    let s = view_of(&b, "staff-occupation", ChartKind::Trend, &[non_academic()], "2023/24");
    let notes: Vec<String> = view::figure(&b, &s).caption.notes.into_iter().filter(|n| n.contains("providers reported")).map(|n| n.text).collect();
    assert_eq!(notes, ["Total non-academic staff, providers reported 131 of 196 in 2019/20, 130 of 213 in 2020/21, 130 of 216 in 2021/22, 126 of 223 in 2022/23 and 125 of 227 in 2023/24."]);
    // Staff Table 22 was reported by every provider: no sentence.
    let s = view_of(&b, "staff-flows", ChartKind::Trend, &[key("", "Starters")], "2023/24");
    assert!(!view::figure(&b, &s).caption.notes.iter().any(|n| n.contains("providers reported")));
}

// 2. "UK, providers that reported".

#[test]
fn the_comparator_is_the_sum_over_the_providers_that_reported() {
    let b = bundle();
    let s = view_of(&b, "staff-occupation", ChartKind::Bars, &[skilled_trades()], "2023/24").apply(&b, Action::SetCompareUkReported(true));
    assert!(s.compare_uk_reported);
    let f = view::figure(&b, &s);
    // data/coverage/staff-occupation.csv: 2023/24,Non-academic,Skilled trades occupations,227,125,5070.
    // In people, the sector would flatten the partners' bars: in the table, not on the chart.
    assert!(f.table.rows.iter().any(|r| r.label == UK_REPORTED_NAME && r.cells[0] == Point { value: Some(5070.0), status: Status::Reported }));
    assert!(!f.chart.labels.iter().any(|l| l == UK_REPORTED_NAME));
    // The text alternative still names every figure the table gives, and what is not drawn.
    assert!(f.chart.alt.contains(" UK, providers that reported: 5,070."), "{}", f.chart.alt);
    assert!(f.chart.alt.ends_with("Not drawn, to keep the partners' figures readable: UK, providers that reported."), "{}", f.chart.alt);
    assert!(f.caption.notes.iter().any(|n| n.starts_with("UK, providers that reported is in the table but not on the chart")), "{:?}", f.caption.notes);
    // As a rate it is drawn: grey, never a partner's colour nor the UK total's.
    let rate = view::figure(&b, &s.apply(&b, Action::SelectMeasure(Measure::PerHundred(non_academic()))));
    let row = rate.chart.labels.iter().position(|l| l == UK_REPORTED_NAME).expect("row");
    assert_eq!(rate.chart.row_kinds[row], RowKind::UkReported);
    let colour = rate.chart.series[0].colour_at(row);
    assert!((0..8).all(|i| palette::partner_colour(i) != colour));
    assert_ne!(colour, palette::UK);
    assert!(rate.caption.providers.contains(&UK_REPORTED_NAME.to_string()));
    assert!(
        f.caption.notes.iter().any(|n| *n == "UK, providers that reported: the sum over the providers that reported each figure (125 of 227 providers), not HESA's published UK total."),
        "{:?}",
        f.caption.notes
    );
    // Beside HESA's UK total, which is empty for non-academic staff from 2019/20.
    let f = view::figure(&b, &s.apply(&b, Action::SetCompareUk(true)));
    assert_eq!(f.chart.reference, None, "HESA's UK total is not reported");
    assert!(f.table.rows.iter().any(|r| r.label == UK_REPORTED_NAME && close(r.cells[0], 5070.0)));
}

#[test]
fn a_partners_technical_staff_compared_with_the_sector_after_2018_19() {
    let b = bundle();
    let s = view_of(&b, "staff-occupation", ChartKind::Bars, &[skilled_trades()], "2023/24")
        .apply(&b, Action::SetCompareUkReported(true))
        .apply(&b, Action::SelectMeasure(Measure::PerHundred(non_academic())));
    assert_eq!(s.measure, Measure::PerHundred(non_academic()));
    let f = view::figure(&b, &s);
    assert_eq!(f.chart.unit, Unit::Percent);
    // Loughborough: 275 of 2,270 non-academic staff; the 125 providers that reported: 5,070 of
    // 206,745 (both figures from the same 125 providers).
    assert!(close(point(&f, "Loughborough", 0), 275.0 / 2270.0 * 100.0));
    let uk = point(&f, UK_REPORTED_NAME, 0);
    assert!(close(uk, 5070.0 / 206745.0 * 100.0), "{uk:?}");
    assert_eq!(Unit::Percent.point(uk), "2.5%");

    // Academic staff per 100 non-academic: 227 providers reported one part, 125 the other.
    let s = view_of(&b, "staff-occupation", ChartKind::Bars, &[academic()], "2023/24")
        .apply(&b, Action::SetCompareUkReported(true))
        .apply(&b, Action::SelectMeasure(Measure::PerHundred(non_academic())));
    let f = view::figure(&b, &s);
    let uk = point(&f, UK_REPORTED_NAME, 0);
    assert_eq!((uk.value, uk.status), (None, Status::BaseIncomplete));
    assert!(f.chart.unit.point(uk).starts_with("not shown"));
    // In 2018/19 every provider reported both: shown (academic 211,980 / non-academic 227,750).
    let f = view::figure(&b, &s.apply(&b, Action::SelectYear("2018/19".into())));
    assert_eq!(point(&f, UK_REPORTED_NAME, 0).status, Status::Reported);

    // A share of the selection: its own sums within the year, when the same providers reported.
    let s = view_of(&b, "staff-occupation", ChartKind::Stacked, &[skilled_trades(), elementary()], "2023/24")
        .apply(&b, Action::SetCompareUkReported(true))
        .apply(&b, Action::SelectMeasure(Measure::ShareOfSelection));
    let f = view::figure(&b, &s);
    assert!(close(point(&f, UK_REPORTED_NAME, 0), 5070.0 / (5070.0 + 18385.0) * 100.0));
}

#[test]
fn no_share_of_the_uk_or_change_for_the_comparator() {
    let b = bundle();
    let s = view_of(&b, "staff-occupation", ChartKind::Bars, &[academic()], "2023/24").apply(&b, Action::SetCompareUkReported(true));
    for m in [Measure::ShareOfUk, Measure::Change { base: "2014/15".into(), kind: ChangeKind::Absolute }] {
        let f = view::figure(&b, &s.apply(&b, Action::SelectMeasure(m.clone())));
        assert!(!f.chart.labels.iter().any(|l| l == UK_REPORTED_NAME), "{m:?}");
        assert!(!f.caption.providers.iter().any(|l| l == UK_REPORTED_NAME), "{m:?}");
    }
}

#[test]
fn the_comparator_is_drawn_apart_on_a_trend_and_in_links() {
    let b = bundle();
    let s = view_of(&b, "staff-occupation", ChartKind::Trend, &[skilled_trades()], "2023/24").apply(&b, Action::SetCompareUkReported(true));
    let counts = view::figure(&b, &s);
    let column = counts.table.columns.iter().position(|c| c == UK_REPORTED_NAME).expect("column");
    assert_eq!(counts.table.rows[0].cells[column].value, Some(6500.0), "2014/15: 164 of 164 providers, 6,500");
    let s = s.apply(&b, Action::SelectMeasure(Measure::PerHundred(non_academic())));
    let f = view::figure(&b, &s);
    let line = f.chart.series.iter().find(|x| x.name == UK_REPORTED_NAME).expect("line");
    assert_eq!(line.reference, Some(workforce_core::view::Comparator::UkReported));
    // Skilled trades and total non-academic staff: 163 to 227 providers a year, every one to
    // 2018/19 (163 in 2015/16, 166 in 2018/19), 125 in 2023/24.
    assert!(f.caption.notes.iter().any(|n| *n == "UK, providers that reported: the sum over the providers that reported each figure (between 125 and 166 providers a year, of the 163 to 227 in HESA's table), not HESA's published UK total."), "{:?}", f.caption.notes);
    assert_eq!(line.points.iter().filter_map(|p| p.value).count(), 10);
    assert!(workforce_core::chart::marks_used(&f.chart).iter().any(|m| m.contains("UK, providers that reported")));
    let query = encode(&b, &s);
    assert!(query.contains("ukr=1"), "{query}");
    let back = decode(&b, &query);
    assert_eq!((back.selection, back.ignored), (s, Vec::<String>::new()));
}

// 3. Starters and leavers.

fn flows(b: &Bundle, chart: ChartKind, categories: &[&str]) -> Selection {
    let cats: Vec<CategoryKey> = categories.iter().map(|c| key("", c)).collect();
    let s = view_of(b, "staff-flows", chart, &cats, "2023/24");
    s.apply(b, Action::NoPartners).apply(b, Action::TogglePartner(LOUGHBOROUGH.into()))
}

fn start_of_year() -> CategoryKey {
    key("", "Academic staff at the start of the year")
}

#[test]
fn starters_and_leavers_per_100_staff_at_the_start_of_the_year() {
    let b = bundle();
    let s = flows(&b, ChartKind::Grouped, &["Starters", "Leavers"]);
    let offered = s.measures(&b);
    assert!(offered.contains(&Measure::PerHundred(start_of_year())), "{offered:?}");
    assert!(!offered.contains(&Measure::ShareOfSelection), "flows are not parts of a whole");
    let s = s.apply(&b, Action::SelectMeasure(Measure::PerHundred(start_of_year())));
    let f = view::figure(&b, &s);
    assert_eq!((f.chart.unit, f.chart.y_label.as_str()), (Unit::PerHundred, "per 100 academic staff at the start of the year"));
    assert_eq!(view::measure_choice_label(s.dataset(&b), &s.categories, &s.measure), "Per 100 academic staff at the start of the year");
    // data/staff-flows.csv, Loughborough 2023/24: start 1,675, starters 320, leavers 305.
    assert_eq!(f.chart.unit.point(point(&f, "Loughborough", 0)), "19.1");
    assert_eq!(f.chart.unit.point(point(&f, "Loughborough", 1)), "18.2");
    assert!(close(point(&f, "Loughborough", 0), 320.0 / 1675.0 * 100.0));
}

#[test]
fn net_change_is_starters_minus_leavers() {
    let b = bundle();
    let s = flows(&b, ChartKind::Bars, &["Starters", "Leavers"]);
    assert!(s.measures(&b).contains(&Measure::NetFlow));
    let s = s.apply(&b, Action::SelectMeasure(Measure::NetFlow));
    assert_eq!(s.measure, Measure::NetFlow);
    let f = view::figure(&b, &s);
    assert!(f.chart.empty.is_none(), "{:?}", f.chart.empty);
    assert_eq!(f.chart.unit, Unit::Change);
    assert_eq!(f.chart.series[0].name, "Net change (starters − leavers)");
    assert_eq!(point(&f, "Loughborough", 0), Point { value: Some(15.0), status: Status::Reported });
    assert_eq!(f.chart.unit.point(point(&f, "Loughborough", 0)), "+15");
    // The sector, from the coverage: 47,960 starters − 41,755 leavers at 223 of 223 providers
    // (in the table: on the chart it would flatten the partners' bars).
    let f = view::figure(&b, &s.apply(&b, Action::SetCompareUkReported(true)));
    assert!(f.table.rows.iter().any(|r| r.label == UK_REPORTED_NAME && r.cells[0].value == Some(47960.0 - 41755.0)));
    assert!(f.caption.notes.iter().any(|n| *n == "UK, providers that reported: the sum over all 223 providers (every one reported), not HESA's published UK total."));
    // A line per provider over the years, and in links.
    let t = s.apply(&b, Action::SelectChart(ChartKind::Trend));
    assert_eq!(t.measure, Measure::NetFlow);
    assert_eq!(view::figure(&b, &t).chart.series.len(), 1);
    assert!(encode(&b, &t).contains("m=net"));
    assert_eq!(decode(&b, &encode(&b, &t)).selection, t);
    // Not offered beside categories side by side, nor for other datasets.
    assert!(!s.apply(&b, Action::SelectChart(ChartKind::Grouped)).measures(&b).contains(&Measure::NetFlow));
    assert!(!Selection::initial(&b).measures(&b).contains(&Measure::NetFlow));
}

#[test]
fn flows_are_never_stacked_or_summed_together() {
    let b = bundle();
    // From the stacked first view of the old baseline (the lens's view is a trend).
    let s = Selection::baseline(&b).apply(&b, Action::SelectDataset("staff-flows".into()));
    assert_eq!(s.chart, ChartKind::Grouped, "starters and leavers side by side");
    assert_eq!(s.apply(&b, Action::SelectChart(ChartKind::Stacked)).chart, ChartKind::Grouped);
    let f = view::figure(&b, &s);
    assert!(!f.table.columns.iter().any(|c| c == "All selected categories"), "{:?}", f.table.columns);
    // The partners together: each category summed on its own, which is fine.
    let total = f.table.total.as_ref().expect("partners together");
    assert_eq!(total.cells.len(), 2);
    // Plain bars would add starters to leavers: refused, saying why.
    let f = view::figure(&b, &s.apply(&b, Action::SelectChart(ChartKind::Bars)));
    assert!(f.chart.empty.as_deref().is_some_and(|e| e.contains("do not add up")), "{:?}", f.chart.empty);
    let f = view::figure(&b, &s.apply(&b, Action::SelectChart(ChartKind::Trend)));
    assert!(f.chart.empty.is_some());
    // One category on bars is fine.
    let f = view::figure(&b, &flows(&b, ChartKind::Bars, &["Leavers"]));
    assert_eq!(point(&f, "Loughborough", 0).value, Some(305.0));
}

// 4. Salary bands.

fn bands(b: &Bundle, chart: ChartKind, year: &str) -> Selection {
    let cats = [key("", "Band 3"), key("", "Band 4")];
    view_of(b, "staff-salary", chart, &cats, year)
}

#[test]
fn a_years_salary_bands_are_named_with_its_thresholds() {
    let b = bundle();
    for (year, band3) in [("2023/24", "Band 3: £28,759 to under £38,205"), ("2014/15", "Band 3: £24,057 to under £32,277")] {
        let f = view::figure(&b, &bands(&b, ChartKind::Grouped, year));
        assert_eq!(f.chart.series[0].name, band3);
        assert_eq!(f.table.columns[0], band3);
        assert!(f.chart.describe(0, 0).contains(band3), "{}", f.chart.describe(0, 0));
        assert!(f.caption.subtitle.contains(band3), "{}", f.caption.subtitle);
        assert_eq!(f.caption.subtitle.matches("Band 3").count(), 1, "each band named once: {}", f.caption.subtitle);
        assert!(f.caption.heading().starts_with("Full-time academic staff"), "only full-time academic staff are counted: {}", f.caption.heading());
        let csv = export::figures_csv(&f, "https://example.org/");
        assert!(csv.contains(band3), "{csv}");
    }
    let f = view::figure(&b, &view_of(&b, "staff-salary", ChartKind::Bars, &[key("", "Band 6 (highest)")], "2023/24"));
    assert_eq!(f.chart.series[0].name, "Band 6 (highest): £68,857 and over");
}

#[test]
fn a_hidden_salary_band_stays_hidden_when_the_year_and_its_thresholds_change() {
    let b = bundle();
    let s = bands(&b, ChartKind::Grouped, "2023/24");
    let band3 = view::figure(&b, &s).chart.series[0].clone();
    assert_eq!((band3.name.as_str(), band3.key.as_str()), ("Band 3: £28,759 to under £38,205", "band-3"));
    let s = s.apply(&b, Action::ToggleSeries(band3.key));
    assert!(view::figure(&b, &s).chart.series[0].hidden);
    let earlier = view::figure(&b, &s.apply(&b, Action::SelectYear("2014/15".into())));
    assert_eq!(earlier.chart.series[0].name, "Band 3: £24,057 to under £32,277");
    assert!(earlier.chart.series[0].hidden, "still hidden in another year");
    assert!(!earlier.chart.series[1].hidden);
}

#[test]
fn a_trend_of_salary_bands_names_the_first_and_last_thresholds() {
    let b = bundle();
    let s = bands(&b, ChartKind::Trend, "2023/24").apply(&b, Action::NoPartners).apply(&b, Action::TogglePartner(LOUGHBOROUGH.into()));
    let f = view::figure(&b, &s);
    assert_eq!(f.chart.series.iter().map(|x| x.name.as_str()).collect::<Vec<_>>(), ["Band 3", "Band 4"]);
    assert!(
        f.caption.notes.iter().any(|n| *n == "Band thresholds change every year: Band 3 £24,057 to under £32,277 in 2014/15, £28,759 to under £38,205 in 2023/24; Band 4 £32,277 to under £43,325 in 2014/15, £38,205 to under £51,283 in 2023/24."),
        "{:?}",
        f.caption.notes
    );
}

#[test]
fn both_comparators_with_counts_leave_the_chart_each_with_its_note() {
    // A trend in people with HESA's UK total and the sum over reporting providers: both would
    // flatten the partners' lines, so both go to the table, and the caption says so for each.
    let b = bundle();
    let s = Selection::initial(&b).apply(&b, Action::SetCompareUk(true)).apply(&b, Action::SetCompareUkReported(true));
    assert_eq!((s.chart, &s.measure), (ChartKind::Trend, &Measure::Count));
    let f = view::figure(&b, &s);
    let names: Vec<&str> = f.chart.series.iter().map(|x| x.name.as_str()).collect();
    assert!(!names.contains(&"UK (all providers)") && !names.contains(&UK_REPORTED_NAME), "{names:?}");
    assert!(f.caption.notes.iter().any(|n| n.starts_with("The UK total is in the table but not on the chart")), "{:?}", f.caption.notes);
    assert!(f.caption.notes.iter().any(|n| n.starts_with("UK, providers that reported is in the table but not on the chart")), "{:?}", f.caption.notes);
    assert!(f.table.columns.iter().any(|c| c == UK_REPORTED_NAME), "{:?}", f.table.columns);
}
