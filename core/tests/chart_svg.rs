//! The chart drawing routine, drawn natively into SVG: the same code the canvas runs.

use plotters::prelude::*;
use workforce_core::chart::{self, hit_at, marks_used, nice_ceiling, round_axis, year_readout, ChartStyle, Frame, Hit};
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
                key: "total-academic-staff".into(),
                colour: Rgb(0x33, 0x22, 0x88),
                point_colours: None,
                points: vec![p(Some(1015.0), Status::Reported), p(Some(4205.0), Status::Reported), p(Some(1900.0), Status::Reported)],
                reference: None,
                hidden: false,
            },
            SeriesView {
                name: "Total non-academic staff".into(),
                key: "total-non-academic-staff".into(),
                colour: Rgb(0x88, 0xcc, 0xee),
                point_colours: None,
                points: vec![p(Some(1130.0), Status::Reported), p(None, Status::NotReported), p(Some(2500.0), Status::Reported)],
                reference: None,
                hidden: false,
            },
        ],
        reference: None,
        year: "2023/24".into(),
        empty: None,
        alt: String::new(),
        breaks: Vec::new(),
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
    v.series[1].reference = Some(workforce_core::view::Comparator::UkTotal);
    let (out, hits) = svg(&v, 800, 450);
    assert!(out.contains("<circle"), "first series: circles");
    assert!(out.contains("<rect"), "second series: squares");
    assert!(out.contains("2022/23"));
    assert_eq!(hits.len(), 6, "a hit per year per series, gaps included");
}

#[test]
fn trend_lines_below_zero_stay_inside_the_plot() {
    // Net change (starters − leavers) falls below zero: the axis reaches below it, so every line
    // stays above the year labels, with a tick under zero.
    let mut v = view(ChartKind::Trend);
    v.labels = vec!["2021/22".into(), "2022/23".into(), "2023/24".into()];
    v.row_kinds = vec![RowKind::Year; 3];
    v.series[0].points = vec![p(Some(120.0), Status::Reported), p(Some(-80.0), Status::Reported), p(Some(40.0), Status::Reported)];
    v.series[1].points = vec![p(Some(-15.0), Status::Reported), p(Some(10.0), Status::Reported), p(Some(-35.0), Status::Reported)];
    let (out, hits) = svg(&v, 800, 450);
    let lowest_point = hits.iter().map(|h| (h.y0 + h.y1) / 2).max().expect("points");
    let texts = texts(&out);
    let year_labels = texts.iter().filter(|t| t.content.starts_with("202")).map(|t| t.y).fold(f64::INFINITY, f64::min);
    assert!(f64::from(lowest_point) < year_labels, "the lowest point ({lowest_point}) is above the year labels ({year_labels})");
    assert!(texts.iter().any(|t| t.content.starts_with('\u{2212}')), "a tick below zero: {:?}", texts.iter().map(|t| &t.content).collect::<Vec<_>>());
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

/// A text drawn in the SVG: where (its anchor point), how big, and what it says.
#[derive(Debug, Clone)]
struct Text {
    x: f64,
    y: f64,
    size: f64,
    anchor: String,
    content: String,
}

impl Text {
    /// Its width as plotters estimates it for SVG (the same estimate the layout used).
    fn width(&self) -> f64 {
        self.size / 1.24 * 0.7 * self.content.len() as f64
    }

    /// Its left and right edges.
    fn span(&self) -> (f64, f64) {
        match self.anchor.as_str() {
            "middle" => (self.x - self.width() / 2.0, self.x + self.width() / 2.0),
            "end" => (self.x - self.width(), self.x),
            _ => (self.x, self.x + self.width()),
        }
    }
}

fn attr(tag: &str, name: &str) -> Option<String> {
    tag.split(&format!(" {name}=\"")).nth(1).and_then(|r| r.split('"').next()).map(str::to_string)
}

fn texts(svg: &str) -> Vec<Text> {
    svg.split("<text")
        .skip(1)
        .filter_map(|chunk| {
            let (tag, rest) = chunk.split_once('>')?;
            let content = rest.split("</text>").next()?.trim().replace("&amp;", "&");
            Some(Text {
                x: attr(tag, "x")?.parse().ok()?,
                y: attr(tag, "y")?.parse().ok()?,
                size: attr(tag, "font-size")?.parse().ok()?,
                anchor: attr(tag, "text-anchor").unwrap_or_else(|| "start".into()),
                content,
            })
        })
        .collect()
}

/// Every polyline's stroke and points.
fn polylines(svg: &str) -> Vec<(String, Vec<(i32, i32)>)> {
    svg.split("<polyline")
        .skip(1)
        .filter_map(|chunk| {
            let tag = chunk.split("/>").next()?;
            let points = attr(tag, "points")?.split_whitespace().filter_map(|p| p.split_once(',').and_then(|(x, y)| Some((x.parse().ok()?, y.parse().ok()?)))).collect();
            Some((attr(tag, "stroke")?, points))
        })
        .collect()
}

/// Lines in the muted text colour lying wholly inside a hit's box: the hatching of a placeholder.
fn hatching_in(svg: &str, hit: &Hit) -> usize {
    polylines(svg).iter().filter(|(stroke, points)| stroke == "#57606A" && points.len() == 2 && points.iter().all(|&(x, y)| hit.contains(x, y))).count()
}

#[test]
fn not_reported_figures_stand_as_hatched_placeholders() {
    for kind in [ChartKind::Grouped, ChartKind::Stacked] {
        let v = view(kind);
        let (out, hits) = svg(&v, 900, 450);
        let missing = hits.iter().find(|h| h.row == 1 && h.series == 1).expect("a hit for Birmingham's figure not reported");
        assert!(missing.y1 - missing.y0 >= 8 && missing.x1 - missing.x0 >= 8, "{kind:?}: a placeholder with room: {missing:?}");
        assert!(hatching_in(&out, missing) >= 3, "{kind:?}: hatched where the figure would be:\n{out}");
        // Reported figures are not hatched.
        let reported = hits.iter().find(|h| h.row == 0 && h.series == 1).expect("hit");
        assert_eq!(hatching_in(&out, reported), 0, "{kind:?}");
        assert!(marks_used(&v).contains(&chart::NOT_REPORTED), "{kind:?}: the legend explains the hatching");
    }
    // The image's legend shows a hatched swatch beside the words.
    let style = ChartStyle { legend: true, ..ChartStyle::default() };
    let (out, _) = svg_with(&view(ChartKind::Stacked), 900, 450, &style);
    let words = texts(&out).into_iter().find(|t| t.content == chart::NOT_REPORTED).expect("the legend's words");
    let swatch = Hit { x0: words.x as i32 - 20, y0: words.y as i32 - 2, x1: words.x as i32, y1: words.y as i32 + 16, row: 0, series: 0 };
    assert!(hatching_in(&out, &swatch) >= 2, "a hatched swatch before {words:?}");
}

#[test]
fn axes_use_round_steps_and_end_at_the_first_tick_above_the_tallest_bar() {
    for i in 1..2000 {
        let max = f64::from(i) * 7.3;
        let (end, step) = round_axis(max);
        let mantissa = step / 10f64.powf(step.log10().floor());
        assert!([1.0, 2.0, 2.5, 5.0].iter().any(|m| (m - mantissa).abs() < 1e-9), "{max}: step {step}");
        assert!(end >= max && end - max < step, "{max}: end {end}, step {step}: at most one step above");
        assert!(end / step <= 6.0 + 1e-9, "{max}: {end}/{step}");
    }
    assert_eq!(round_axis(1015.0), (1200.0, 200.0));
    assert_eq!(round_axis(4205.0), (5000.0, 1000.0));
    // Drawn: Aston's 1,015 alone tops out at 1,200, not 2,000.
    let mut v = view(ChartKind::Bars);
    v.series.truncate(1);
    v.labels.truncate(1);
    v.series[0].points.truncate(1);
    let (out, _) = svg(&v, 800, 450);
    let ticks: Vec<String> = texts(&out).into_iter().filter(|t| t.anchor == "end").map(|t| t.content).collect();
    assert_eq!(ticks.last().map(String::as_str), Some("1,200"), "{ticks:?}");
}

#[test]
fn one_bar_does_not_stretch_across_the_plot() {
    let mut v = view(ChartKind::Bars);
    v.series.truncate(1);
    v.labels.truncate(1);
    v.series[0].points.truncate(1);
    let (_, hits) = svg(&v, 800, 450);
    let bar = hits[0];
    assert!(bar.x1 - bar.x0 <= 72, "capped thickness: {bar:?}");
    // Centred in the plot (64 px of axis on the left, 12 px of margin on the right).
    let middle = (bar.x0 + bar.x1) / 2;
    assert!((middle - (64 + 788) / 2).abs() <= 2, "centred: {bar:?}");
    // A group of two likewise.
    let mut v = view(ChartKind::Grouped);
    v.labels.truncate(1);
    for s in &mut v.series {
        s.points.truncate(1);
    }
    let (_, hits) = svg(&v, 800, 450);
    assert!(hits.iter().all(|h| h.x1 - h.x0 <= 40), "{hits:?}");
}

#[test]
fn grouped_figures_never_overlap() {
    let mut v = view(ChartKind::Grouped);
    v.labels = (0..8).map(|i| format!("Uni {i}")).collect();
    v.row_kinds = vec![RowKind::Partner; 8];
    v.series.push(SeriesView { name: "Third".into(), colour: Rgb(0x11, 0x77, 0x33), ..v.series[0].clone() });
    for s in &mut v.series {
        s.points = (0..8).map(|i| p(Some(11_130.0 + f64::from(i) * 1000.0), Status::Reported)).collect();
    }
    for width in [700, 900, 1400, 2400] {
        let (out, _) = svg(&v, width, 450);
        let figures: Vec<Text> = texts(&out).into_iter().filter(|t| t.content.contains(',') && t.anchor == "middle").collect();
        for (i, a) in figures.iter().enumerate() {
            for b in &figures[i + 1..] {
                let ((a0, a1), (b0, b1)) = (a.span(), b.span());
                let apart = a1 <= b0 || b1 <= a0 || (a.y - b.y).abs() >= a.size;
                assert!(apart, "{width} px: {a:?} overlaps {b:?}");
            }
        }
        if width == 2400 {
            assert_eq!(figures.len(), 24, "wide enough for every figure");
        }
    }
}

#[test]
fn hiding_every_series_says_so() {
    let mut v = view(ChartKind::Grouped);
    for s in &mut v.series {
        s.hidden = true;
    }
    let (out, hits) = svg(&v, 800, 450);
    assert!(out.contains(chart::ALL_HIDDEN), "{out}");
    assert!(hits.is_empty());
    assert!(!texts(&out).iter().any(|t| t.content == "0"), "no empty axis");
    // On a phone the sentence wraps rather than running off the canvas.
    let (out, _) = svg(&v, 300, 400);
    let lines = texts(&out);
    assert!(lines.len() > 1 && lines.iter().all(|t| t.span().0 >= 0.0 && t.span().1 <= 300.0), "{lines:?}");
}

#[test]
fn exported_titles_and_footers_wrap_and_are_never_cut() {
    let title = "Staff headcount by occupation and contract level for every Midlands Innovation partner compared with the whole of the United Kingdom, 2019/20 to 2023/24";
    let footer = vec![
        "Filters: Aston, Birmingham, Cranfield, Keele, Leicester, Loughborough, Nottingham and Warwick; Total academic staff and Total non-academic staff; headcount.".to_string(),
        "Source: HESA DT025 Table 1, CC BY 4.0".to_string(),
    ];
    let long = ChartStyle { legend: true, frame: Some(Frame { title: title.into(), footer: footer.clone() }), ..ChartStyle::default() };
    let short = ChartStyle { legend: true, frame: Some(Frame { title: "Staff".into(), footer: vec!["Source: HESA".into()] }), ..ChartStyle::default() };
    let (out, long_hits) = svg_with(&view(ChartKind::Grouped), 600, 500, &long);
    std::fs::write(std::env::temp_dir().join("chart2-long-title.svg"), &out).expect("write");
    assert!(!out.contains('…'), "nothing cut short:\n{out}");
    let drawn: Vec<Text> = texts(&out);
    let all: String = drawn.iter().map(|t| t.content.clone()).collect::<Vec<_>>().join(" ");
    for word in title.split(' ').chain(footer.iter().flat_map(|f| f.split(' '))) {
        assert!(all.contains(word), "{word} is drawn");
    }
    for t in &drawn {
        assert!(t.span().1 <= 600.0, "inside the image: {t:?}");
    }
    assert!(drawn.iter().filter(|t| title.contains(&t.content) && t.content.len() > 10).count() >= 2, "the title takes more than one line");
    // A fixed size gives the plot less room, not the text.
    let (_, short_hits) = svg_with(&view(ChartKind::Grouped), 600, 500, &short);
    let top = |hits: &[Hit]| hits.iter().map(|h| h.y0).min().unwrap_or(0);
    assert!(top(&long_hits) > top(&short_hits));
    // The height an image needs grows with its words.
    let needed = |style: &ChartStyle| {
        let mut sink = String::new();
        let root = SVGBackend::with_string(&mut sink, (600, 500)).into_drawing_area();
        chart::required_height(&root, &view(ChartKind::Grouped), style).expect("measures")
    };
    assert!(needed(&long) > needed(&short) + 40, "{} vs {}", needed(&long), needed(&short));
}

fn trend(names: &[&str], last: &[f64], years: usize) -> ChartView {
    let mut v = view(ChartKind::Trend);
    v.labels = (0..years).map(|i| format!("{}/{:02}", 2010 + i, (11 + i) % 100)).collect();
    v.row_kinds = vec![RowKind::Year; years];
    v.year = String::new();
    v.series = names
        .iter()
        .zip(last)
        .enumerate()
        .map(|(i, (name, &end))| SeriesView {
            name: (*name).into(),
            key: workforce_core::slug::slug(name),
            colour: workforce_core::palette::series_colour(i),
            point_colours: None,
            points: (0..years).map(|y| p(Some(end * (0.8 + 0.2 * y as f64 / years as f64)), Status::Reported)).collect(),
            reference: None,
            hidden: false,
        })
        .collect();
    v
}

#[test]
fn line_ends_are_named_without_overlapping() {
    let v = trend(&["Aston", "Keele", "Warwick"], &[1000.0, 1010.0, 3000.0], 5);
    let (out, _) = svg(&v, 900, 450);
    let names: Vec<Text> = texts(&out).into_iter().filter(|t| ["Aston", "Keele", "Warwick"].contains(&t.content.as_str())).collect();
    assert_eq!(names.len(), 3, "each line named at its end:\n{out}");
    assert!(names.iter().all(|t| t.x > 700.0), "at the right: {names:?}");
    let (aston, keele) = (&names[0], &names[1]);
    assert!((aston.y - keele.y).abs() >= aston.size, "nudged apart: {aston:?} {keele:?}");
    // Many lines ending together: the names that cannot find room are left out, none overlap.
    let crowd: Vec<String> = (0..12).map(|i| format!("Uni {i}")).collect();
    let crowd_refs: Vec<&str> = crowd.iter().map(String::as_str).collect();
    let v = trend(&crowd_refs, &[1000.0; 12], 5);
    let (out, _) = svg(&v, 900, 300);
    let mut ys: Vec<f64> = texts(&out).into_iter().filter(|t| t.content.starts_with("Uni ")).map(|t| t.y).collect();
    ys.sort_by(f64::total_cmp);
    assert!(!ys.is_empty() && ys.len() < 12, "{ys:?}");
    assert!(ys.windows(2).all(|w| w[1] - w[0] >= 9.0), "{ys:?}");
}

#[test]
fn year_labels_thin_out_without_overlapping() {
    for (width, years) in [(360, 10), (360, 22), (500, 9), (800, 22), (1400, 10)] {
        let v = trend(&["Aston"], &[1000.0], years);
        let (out, _) = svg(&v, width, 400);
        let labels: Vec<Text> = texts(&out).into_iter().filter(|t| v.labels.contains(&t.content)).collect();
        assert!(labels.len() >= 2, "{width}/{years}: {labels:?}");
        assert!(labels.iter().any(|t| Some(&t.content) == v.labels.last()), "{width}/{years}: the latest year is labelled");
        for w in labels.windows(2) {
            assert!(w[0].span().1 <= w[1].span().0, "{width}/{years}: {:?} overlaps {:?}", w[0], w[1]);
        }
        if width == 1400 {
            assert_eq!(labels.len(), years, "room for every year");
        }
    }
}

#[test]
fn a_hovered_year_reads_every_visible_series_largest_first() {
    let mut v = trend(&["Aston", "Keele", "Warwick", "Hidden"], &[1000.0, 3000.0, 2000.0, 9000.0], 3);
    v.series[3].hidden = true;
    v.series[0].points[1] = p(None, Status::NotReported);
    let lines = year_readout(&v, 1);
    let names: Vec<&str> = lines.iter().map(|l| l.name.as_str()).collect();
    assert_eq!(names, ["Keele", "Warwick", "Aston"]);
    assert_eq!(lines[2].text, "not reported");
    assert_eq!(lines[0].colour, v.series[1].colour);
    assert_eq!(lines[0].text, Unit::Count.format(v.series[1].points[1].value.unwrap_or_default()));
}

#[test]
fn value_ticks_never_overlap_on_narrow_charts() {
    let mut v = view(ChartKind::Grouped);
    v.labels = (0..8).map(|i| format!("A university with a long name {i}")).collect();
    v.row_kinds = vec![RowKind::Partner; 8];
    for s in &mut v.series {
        s.points = (0..8).map(|i| p(Some(1000.0 + f64::from(i) * 1200.0), Status::Reported)).collect();
    }
    for width in [300, 320, 360, 480] {
        let (out, hits) = svg(&v, width, 600);
        let left = hits.iter().map(|h| h.x0).min();
        assert!(hits.iter().all(|h| Some(h.x0) == left), "{width}: horizontal bars, all from the left");
        let mut ticks: Vec<Text> = texts(&out).into_iter().filter(|t| t.anchor == "middle" && t.content.chars().all(|c| c.is_ascii_digit() || c == ',')).collect();
        ticks.sort_by(|a, b| a.x.total_cmp(&b.x));
        assert!(ticks.len() >= 2, "{width}: {ticks:?}");
        for w in ticks.windows(2) {
            assert!(w[0].span().1 + 2.0 <= w[1].span().0, "{width}: {:?} overlaps {:?}", w[0], w[1]);
        }
    }
}

#[test]
fn a_break_is_a_labelled_rule_between_its_years() {
    let mut v = trend(&["Aston", "Keele"], &[1000.0, 1500.0], 10);
    v.breaks = vec![(5, "Opt-out from 2019/20".into())];
    for (width, style) in [(900, ChartStyle::default()), (360, ChartStyle::default()), (900, ChartStyle { scale: 2.0, ..ChartStyle::default() })] {
        let (out, hits) = svg_with(&v, width, 450, &style);
        // The points of the years either side of the rule, and the rule: muted, vertical, between.
        let x_of = |row: usize| hits.iter().find(|h| h.row == row).map(|h| (h.x0 + h.x1) / 2).expect("a point");
        let (before, after) = (x_of(4), x_of(5));
        let rule: Vec<(i32, i32)> = polylines(&out)
            .into_iter()
            .filter(|(stroke, points)| stroke == "#57606A" && points.len() == 2 && points[0].0 == points[1].0 && points[0].0 > before && points[0].0 < after)
            .flat_map(|(_, points)| points)
            .collect();
        assert!(rule.len() >= 6, "{width}: a dashed vertical rule between 2018/19 and 2019/20:\n{out}");
        let (top, bottom) = (rule.iter().map(|p| p.1).min().unwrap_or(0), rule.iter().map(|p| p.1).max().unwrap_or(0));
        assert!(bottom - top > 200, "{width}: the rule runs down the plot: {top}..{bottom}");
        let label = texts(&out).into_iter().find(|t| t.content == "Opt-out from 2019/20").expect("the rule's label");
        let (left, right) = label.span();
        let x = f64::from(rule[0].0);
        let near = 12.0 * style.scale;
        assert!(left - near <= x && x <= right + near && right <= f64::from(width), "{width}: at the rule, inside the image: {label:?} at {x}");
        assert!(left >= f64::from(hits.iter().map(|h| h.x0).min().unwrap_or(0)) - near, "{width}: over the plot, clear of the value axis's labels: {label:?}");
        let highest = hits.iter().map(|h| (h.y0 + h.y1) / 2).min().unwrap_or(0);
        assert!(label.y <= f64::from(highest), "{width}: above the plot, clear of the lines: {label:?} vs {highest}");
    }
    // No break, no rule or label.
    let (out, _) = svg(&trend(&["Aston"], &[1000.0], 10), 900, 450);
    assert!(!out.contains("Opt-out"));
}

#[allow(dead_code)]
mod common;

/// Leicester's academic staff, 2020/21 to 2021/22: 1,705 to 1,655, a fall of 50, beside Aston's
/// and Warwick's rises, as bars (`width` decides up the page or across it).
fn leicester_falls(partners: &[&str]) -> ChartView {
    use workforce_core::selection::{Action, ChangeKind, Measure, Selection};
    let b = common::bundle();
    let mut s = Selection::baseline(&b).apply(&b, Action::SelectChart(ChartKind::Bars)).apply(&b, Action::SelectYear("2021/22".into()));
    s = s.apply(&b, Action::NoneInGroup("Non-academic".into())).apply(&b, Action::NoPartners);
    for p in partners {
        s = s.apply(&b, Action::TogglePartner((*p).into()));
    }
    s = s.apply(&b, Action::SelectMeasure(Measure::Change { base: "2020/21".into(), kind: ChangeKind::Absolute }));
    workforce_core::view::figure(&b, &s).chart
}

#[test]
fn a_fall_goes_below_the_zero_line_with_its_figure_outside_the_bar() {
    // Aston, Leicester, Warwick: bars up the page.
    let v = leicester_falls(&["10007759", "10007796", "10007163"]);
    let leicester = v.labels.iter().position(|l| l == "Leicester").expect("Leicester");
    assert_eq!(v.series[0].points[leicester].value, Some(-50.0));
    let (out, hits) = svg(&v, 800, 450);
    let bar = hits.iter().find(|h| h.row == leicester).expect("Leicester's bar");
    let rise = hits.iter().find(|h| h.row != leicester).expect("a rise");
    // The zero line is where rises start and the fall starts: the fall hangs below it.
    assert_eq!(bar.y0, rise.y1, "the fall starts at zero: {bar:?} {rise:?}");
    assert!(bar.y1 > bar.y0 + 5, "{bar:?}");
    let t = texts(&out);
    let figure = t.iter().find(|t| t.content == "−50").expect("the fall's figure");
    assert!(figure.y >= f64::from(bar.y1), "under the bar's end: {figure:?} {bar:?}");
    let label = t.iter().find(|t| t.content == "Leicester").expect("label");
    assert!(label.y >= figure.y + figure.size, "the category label stays below the figure: {label:?} {figure:?}");
    assert!(t.iter().any(|t| t.content == "−100" || t.content == "−50" && t.anchor == "end"), "a tick below zero");

    // Every partner on a narrow chart: bars across the page, ranked, the fall last and left of zero.
    let v = leicester_falls(&["10007759", "10006840", "10007822", "10007767", "10007796", "10004113", "10007154", "10007163"]);
    let (out, hits) = svg(&v, 420, 600);
    let leicester = v.labels.iter().position(|l| l == "Leicester").expect("Leicester");
    let bar = hits.iter().find(|h| h.row == leicester).expect("Leicester's bar");
    let rise = hits.iter().find(|h| h.row != leicester && v.series[0].points[h.row].value.is_some_and(|x| x > 0.0)).expect("a rise");
    assert_eq!(bar.x1, rise.x0, "the fall ends at zero: {bar:?} {rise:?}");
    assert!(bar.x0 < bar.x1 - 5);
    let t = texts(&out);
    let figure = t.iter().find(|t| t.content == "−50").expect("the fall's figure");
    let label = t.iter().find(|t| t.content == "Leicester").expect("label");
    assert!(label.span().1 < figure.span().0, "the figure never crosses the category label: {label:?} {figure:?}");
}

#[test]
fn the_dark_style_draws_on_the_dark_surface_in_the_dark_palette() {
    use workforce_core::palette::{contrast, on_surface, Surface, DARK_CATEGORICAL, DARK_SURFACE};
    let v = view(ChartKind::Grouped);
    let (light, _) = svg(&v, 900, 500);
    let (dark, _) = svg_with(&v, 900, 500, &ChartStyle::dark());
    let indigo = Rgb(0x33, 0x22, 0x88);
    // plotters writes colours as #RRGGBB.
    let hex = |c: Rgb| c.hex().to_uppercase();
    assert!(light.contains(&hex(indigo)));
    assert!(dark.contains(&hex(DARK_SURFACE)), "the dark surface is filled");
    assert!(!dark.contains(&hex(indigo)), "no light-surface series colour on the dark surface");
    assert!(dark.contains(&hex(DARK_CATEGORICAL[0])), "indigo takes its dark counterpart");
    let second = on_surface(Rgb(0x88, 0xcc, 0xee), Surface::Dark);
    assert!(dark.contains(&hex(second)));
    // The not-reported hatching and the axis text are the style's muted and text colours: readable.
    let style = ChartStyle::dark();
    assert!(dark.contains(&hex(style.muted_text)) && dark.contains(&hex(style.text)));
    assert!(contrast(style.muted_text, DARK_SURFACE) >= 3.0);
}
