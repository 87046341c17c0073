//! The chart drawing routine, drawn natively into SVG: the same code the canvas runs.

use plotters::prelude::*;
use workforce_core::chart::{self, hit_at, nice_ceiling, ChartStyle, Frame, Hit};
use workforce_core::palette::Rgb;
use workforce_core::selection::ChartKind;
use workforce_core::view::{ChartView, Point, RowKind, SeriesView, Status, Unit};

fn p(v: Option<f64>, status: Status) -> Point {
    Point { value: v, status }
}

fn view(kind: ChartKind) -> ChartView {
    ChartView {
        kind,
        title: "Staff headcount by occupation, 2023/24".into(),
        y_label: "Headcount".into(),
        unit: Unit::Count,
        labels: vec!["Aston".into(), "Birmingham".into(), "Loughborough".into()],
        row_kinds: vec![RowKind::Partner; 3],
        series: vec![
            SeriesView {
                name: "Total academic staff".into(),
                colour: Rgb(0x33, 0x22, 0x88),
                point_colours: None,
                points: vec![p(Some(1015.0), Status::Reported), p(Some(4205.0), Status::Reported), p(Some(1900.0), Status::Reported)],
                reference: false,
                hidden: false,
            },
            SeriesView {
                name: "Total non-academic staff".into(),
                colour: Rgb(0x88, 0xcc, 0xee),
                point_colours: None,
                points: vec![p(Some(1130.0), Status::Reported), p(None, Status::NotReported), p(Some(2500.0), Status::Reported)],
                reference: false,
                hidden: false,
            },
        ],
        reference: None,
        year: "2023/24".into(),
        empty: None,
        alt: String::new(),
    }
}

fn svg_with(view: &ChartView, width: u32, height: u32, style: &ChartStyle) -> (String, Vec<Hit>) {
    let mut out = String::new();
    let hits;
    {
        let root = SVGBackend::with_string(&mut out, (width, height)).into_drawing_area();
        hits = chart::draw(&root, view, style).expect("draws");
        root.present().expect("presents");
    }
    (out, hits)
}

fn svg(view: &ChartView, width: u32, height: u32) -> (String, Vec<Hit>) {
    svg_with(view, width, height, &ChartStyle::default())
}

#[test]
fn stacked_bars_draw_every_reported_segment_with_its_colour() {
    let (out, hits) = svg(&view(ChartKind::Stacked), 800, 450);
    assert_eq!(out.matches("fill=\"#332288\"").count(), 3, "3 academic segments:\n{out}");
    assert_eq!(out.matches("fill=\"#88CCEE\"").count(), 2, "2 reported non-academic segments");
    for label in ["Aston", "Birmingham", "Loughborough", "Headcount", "2,145", "4,205"] {
        assert!(out.contains(label), "missing {label}");
    }
    // Every figure can be hovered, the missing one too.
    assert_eq!(hits.len(), 6);
    let bham_missing = hits.iter().find(|h| h.row == 1 && h.series == 1).expect("hit for the missing figure");
    assert!(bham_missing.y1 > bham_missing.y0);
}

#[test]
fn grouped_bars_mark_what_was_not_reported() {
    let (out, hits) = svg(&view(ChartKind::Grouped), 900, 450);
    assert!(out.contains("n/r"), "a not-reported mark where the bar would be");
    assert_eq!(hits.len(), 6);
    // Side by side: the two bars of a group do not overlap.
    let a = hits.iter().find(|h| h.row == 0 && h.series == 0).expect("hit");
    let b = hits.iter().find(|h| h.row == 0 && h.series == 1).expect("hit");
    assert!(a.x1 <= b.x0 + 1, "{a:?} {b:?}");
}

#[test]
fn narrow_charts_turn_bars_horizontal_and_rank_them() {
    let mut v = view(ChartKind::Bars);
    v.series.truncate(1);
    v.labels[2] = "A very long university name that would never fit under a bar".into();
    let (out, hits) = svg(&v, 360, 400);
    assert!(out.contains('…'), "a long name is shortened to fit the label area");
    // Ranked: Birmingham's 4,205 is the top bar.
    let top = hits.iter().min_by_key(|h| h.y0).expect("hits");
    assert_eq!(top.row, 1);
    // Horizontal: bars are wider than tall.
    assert!(top.x1 - top.x0 > top.y1 - top.y0);
}

#[test]
fn hidden_series_are_not_drawn() {
    let mut v = view(ChartKind::Stacked);
    v.series[1].hidden = true;
    let (out, hits) = svg(&v, 800, 450);
    assert_eq!(out.matches("fill=\"#88CCEE\"").count(), 0);
    assert_eq!(hits.len(), 3);
}

#[test]
fn trend_lines_leave_gaps_and_use_markers() {
    let mut v = view(ChartKind::Trend);
    v.labels = vec!["2021/22".into(), "2022/23".into(), "2023/24".into()];
    v.row_kinds = vec![RowKind::Year; 3];
    v.series[1].reference = true;
    let (out, hits) = svg(&v, 800, 450);
    assert!(out.contains("<circle"), "first series: circles");
    assert!(out.contains("<rect"), "second series: squares");
    assert!(out.contains("2022/23"));
    assert_eq!(hits.len(), 6, "a hit per year per series, gaps included");
}

#[test]
fn reference_lines_and_exports_carry_their_words() {
    let mut v = view(ChartKind::Bars);
    v.series.truncate(1);
    v.reference = Some(("UK 12.5".into(), 3000.0));
    let style = ChartStyle {
        legend: true,
        frame: Some(Frame { title: "Staff headcount by occupation, 2023/24".into(), footer: vec!["Source: HESA DT025 Table 1, CC BY 4.0".into()] }),
        ..ChartStyle::default()
    };
    let (out, _) = svg_with(&v, 1000, 600, &style);
    for text in ["UK 12.5", "Staff headcount by occupation, 2023/24", "Source: HESA DT025 Table 1, CC BY 4.0"] {
        assert!(out.contains(text), "missing {text}");
    }
}

#[test]
fn scale_draws_bigger() {
    let font_size = |s: &str| s.split("font-size=\"").nth(1).and_then(|r| r.split('"').next()).map(str::to_string);
    let (one, _) = svg(&view(ChartKind::Stacked), 800, 450);
    let (two, _) = svg_with(&view(ChartKind::Stacked), 1600, 900, &ChartStyle { scale: 2.0, ..ChartStyle::default() });
    assert_ne!(font_size(&one), font_size(&two), "fonts scale with the pixel ratio");
}

#[test]
fn an_empty_view_draws_its_reason() {
    let mut v = view(ChartKind::Stacked);
    v.series.clear();
    v.labels.clear();
    v.empty = Some("Choose at least one partner to see figures.".into());
    let (out, hits) = svg(&v, 400, 300);
    assert!(out.contains("Choose at least one partner"));
    assert!(hits.is_empty());
}

#[test]
fn hits_are_found_near_thin_targets() {
    let hits = [Hit { x0: 10, y0: 10, x1: 20, y1: 20, row: 0, series: 0 }, Hit { x0: 40, y0: 10, x1: 42, y1: 20, row: 1, series: 0 }];
    assert_eq!(hit_at(&hits, 15, 15, 4).map(|h| h.row), Some(0));
    assert_eq!(hit_at(&hits, 44, 15, 4).map(|h| h.row), Some(1));
    assert_eq!(hit_at(&hits, 30, 15, 4), None);
}

#[test]
fn axis_tops_are_round() {
    assert_eq!(nice_ceiling(4405.0), 5000.0);
    assert_eq!(nice_ceiling(16125.0), 20000.0);
    assert_eq!(nice_ceiling(2100.0), 2500.0);
    assert_eq!(nice_ceiling(0.0), 1.0);
    assert_eq!(nice_ceiling(f64::NAN), 1.0);
}

#[test]
fn incomplete_bars_rank_after_complete_ones() {
    // A total that leaves out figures not reported understates: it is not ranked among the rest.
    let mut v = view(ChartKind::Bars);
    v.series.truncate(1);
    v.labels = vec!["Aston".into(), "Birmingham".into(), "Loughborough".into(), "A university with a long name".into()];
    v.row_kinds = vec![RowKind::Partner; 4];
    v.series[0].points = vec![
        p(Some(1015.0), Status::Reported),
        p(Some(5205.0), Status::Incomplete),
        p(Some(1900.0), Status::Reported),
        p(None, Status::NotReported),
    ];
    let (out, hits) = svg(&v, 360, 400);
    let mut top_to_bottom = hits.clone();
    top_to_bottom.sort_by_key(|h| h.y0);
    let order: Vec<usize> = top_to_bottom.iter().map(|h| h.row).collect();
    assert_eq!(order, vec![2, 0, 1, 3], "complete by length, then the incomplete one, then the one with no figure");
    // Still drawn and marked.
    assert!(out.contains("5,205*"), "the incomplete bar keeps its mark");
    // Keyboard order follows the drawing order.
    assert_eq!(hits.iter().map(|h| h.row).collect::<Vec<_>>(), order);
}

#[test]
fn the_configured_font_reaches_the_text() {
    let font = r#"system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif"#;
    let style = ChartStyle { font: font.into(), legend: true, ..ChartStyle::default() };
    let (out, _) = svg_with(&view(ChartKind::Grouped), 900, 450, &style);
    let family = "font-family=\"system-ui, -apple-system, &quot;Segoe UI&quot;, Roboto, Arial, sans-serif\"";
    let texts = out.matches("<text").count();
    assert!(texts > 5);
    assert_eq!(out.matches(family).count(), texts, "every text in the theme's font:\n{out}");
}
