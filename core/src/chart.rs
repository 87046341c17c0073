//! Drawing a [`ChartView`] with plotters, generic over the drawing backend: the same routine draws
//! on the page's canvas (at the screen's pixel ratio), into a PNG at 2x, and into SVG (downloads
//! and native tests). It returns where each bar, segment or point landed, for hover and keyboard.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::format;
use crate::palette::Rgb;
use crate::selection::ChartKind;
use crate::view::{ChartView, RowKind, Status, Unit};

/// Sizes and colours. `scale` multiplies every size (the device pixel ratio for crisp HiDPI
/// canvases, 2 for a print PNG).
#[derive(Debug, Clone, PartialEq)]
pub struct ChartStyle {
    pub scale: f64,
    pub font: String,
    pub text: Rgb,
    pub muted_text: Rgb,
    pub grid: Rgb,
    pub background: Rgb,
    /// Draw the legend in the image (downloads). On the page the legend is HTML.
    pub legend: bool,
    /// A title above and lines of source text below (downloads).
    pub frame: Option<Frame>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Frame {
    pub title: String,
    pub footer: Vec<String>,
}

impl Default for ChartStyle {
    fn default() -> Self {
        ChartStyle {
            scale: 1.0,
            font: "sans-serif".to_string(),
            text: Rgb(0x1f, 0x23, 0x28),
            muted_text: Rgb(0x57, 0x60, 0x6a),
            grid: Rgb(0xd8, 0xde, 0xe4),
            background: Rgb(0xff, 0xff, 0xff),
            legend: false,
            frame: None,
        }
    }
}

/// Where a bar, segment or point was drawn, in backend pixels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub x0: i32,
    pub y0: i32,
    pub x1: i32,
    pub y1: i32,
    pub row: usize,
    pub series: usize,
}

impl Hit {
    pub fn contains(&self, x: i32, y: i32) -> bool {
        x >= self.x0 && x <= self.x1 && y >= self.y0 && y <= self.y1
    }
}

/// The hit nearest to `(x, y)` within `slack` pixels, for hovering thin bars and points.
pub fn hit_at(hits: &[Hit], x: i32, y: i32, slack: i32) -> Option<Hit> {
    if let Some(h) = hits.iter().find(|h| h.contains(x, y)) {
        return Some(*h);
    }
    let distance = |h: &Hit| {
        let dx = (h.x0 - x).max(x - h.x1).max(0);
        let dy = (h.y0 - y).max(y - h.y1).max(0);
        dx.max(dy)
    };
    hits.iter().filter(|h| distance(h) <= slack).min_by_key(|h| distance(h)).copied()
}

fn colour(c: Rgb) -> RGBColor {
    RGBColor(c.0, c.1, c.2)
}

type DrawError<DB> = DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>;

/// Shapes for line markers, so series differ by more than colour.
const MARKERS: usize = 5;

struct Ctx<'a> {
    s: f64,
    style: &'a ChartStyle,
}

impl Ctx<'_> {
    fn px(&self, v: f64) -> i32 {
        (v * self.s).round() as i32
    }

    fn text(&self, size: f64, c: Rgb) -> TextStyle<'static> {
        let mut t = TextStyle::from((FontFamily::Name(leak_free_family(&self.style.font)), size * self.s).into_font());
        t.color = colour(c).to_backend_color();
        t
    }
}

/// Plotters wants a `'static` family name: map the configured family to one of the generic names.
fn leak_free_family(font: &str) -> &'static str {
    match font {
        "serif" => "serif",
        "monospace" => "monospace",
        _ => "sans-serif",
    }
}

/// Draws the chart into `area` and returns where each figure landed.
pub fn draw<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, view: &ChartView, style: &ChartStyle) -> Result<Vec<Hit>, DrawError<DB>> {
    let cx = Ctx { s: style.scale, style };
    area.fill(&colour(style.background))?;
    let (width, height) = area.dim_in_pixel();
    let mut top = 0;
    let mut bottom = height as i32;

    if let Some(frame) = &style.frame {
        let title = cx.text(17.0, style.text);
        let title_text = fit_label(area, &frame.title, &title, width as i32 - cx.px(16.0))?;
        area.draw_text(&title_text, &title, (cx.px(8.0), cx.px(8.0)))?;
        top += cx.px(34.0);
        let line = cx.px(17.0);
        let foot = cx.text(12.0, style.muted_text);
        bottom -= line * frame.footer.len() as i32 + cx.px(8.0);
        for (i, text) in frame.footer.iter().enumerate() {
            let t = fit_label(area, text, &foot, width as i32 - cx.px(16.0))?;
            area.draw_text(&t, &foot, (cx.px(8.0), bottom + cx.px(4.0) + line * i as i32))?;
        }
    }

    if let Some(message) = &view.empty {
        let centre = (width as i32 / 2, (top + bottom) / 2);
        area.draw_text(message, &cx.text(15.0, style.muted_text).pos(Pos::new(HPos::Center, VPos::Center)), centre)?;
        return Ok(Vec::new());
    }

    if style.legend {
        top = draw_legend(area, view, &cx, top)?;
    }
    let plot = area.margin(top, height as i32 - bottom, 0, 0);
    match view.kind {
        ChartKind::Trend => draw_lines(&plot, view, &cx),
        _ => draw_bars(&plot, view, &cx),
    }
}

/// A legend in the image: a swatch and a name per visible series, and what the marks mean.
fn draw_legend<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, view: &ChartView, cx: &Ctx, top: i32) -> Result<i32, DrawError<DB>> {
    let (width, _) = area.dim_in_pixel();
    let legend_style = cx.text(13.0, cx.style.text);
    let swatch = cx.px(12.0);
    let (mut x, mut y) = (cx.px(8.0), top + cx.px(6.0));
    let line_height = cx.px(20.0);
    let mut items: Vec<(String, Option<Rgb>)> = Vec::new();
    let per_point = view.series.len() == 1 && view.series[0].point_colours.is_some();
    if !per_point {
        items.extend(view.series.iter().filter(|s| !s.hidden).map(|s| (s.name.clone(), Some(s.colour))));
    }
    for note in marks_used(view) {
        items.push((note.to_string(), None));
    }
    for (name, swatch_colour) in items {
        let (w, _) = area.estimate_text_size(&name, &legend_style)?;
        let item = if swatch_colour.is_some() { swatch + cx.px(6.0) } else { 0 } + w as i32;
        if x > cx.px(8.0) && x + item > width as i32 - cx.px(8.0) {
            x = cx.px(8.0);
            y += line_height;
        }
        let mut text_x = x;
        if let Some(c) = swatch_colour {
            area.draw(&Rectangle::new([(x, y + cx.px(2.0)), (x + swatch, y + cx.px(2.0) + swatch)], colour(c).filled()))?;
            text_x += swatch + cx.px(6.0);
        }
        let text_style = if swatch_colour.is_some() { legend_style.clone() } else { cx.text(12.0, cx.style.muted_text) };
        area.draw_text(&name, &text_style, (text_x, y))?;
        x += item + cx.px(16.0);
    }
    Ok(y + line_height + cx.px(4.0))
}

/// Explanations of the marks a chart uses, for its legend.
pub fn marks_used(view: &ChartView) -> Vec<&'static str> {
    let statuses = || view.series.iter().filter(|s| !s.hidden).flat_map(|s| s.points.iter().map(|p| p.status));
    let mut out = Vec::new();
    let stack_misses_a_piece = view.kind == ChartKind::Stacked && statuses().any(|s| s != Status::Reported);
    if statuses().any(|s| s == Status::Incomplete) || stack_misses_a_piece {
        out.push("* incomplete: leaves out figures not reported");
    }
    // In a stack a missing piece is simply absent (and the stack marked *); elsewhere it is n/r.
    let whole_bar_missing = (0..view.labels.len()).any(|r| view.series.iter().filter(|s| !s.hidden).all(|s| s.value(r).is_none()));
    if statuses().any(|s| s == Status::NotReported) && (view.kind != ChartKind::Stacked || whole_bar_missing) {
        out.push("n/r: not reported");
    }
    if statuses().any(|s| matches!(s, Status::BaseTooSmall | Status::BaseIncomplete)) {
        out.push("n/s: not shown (base under 22.5 or not reported)");
    }
    if view.row_kinds.contains(&RowKind::Uk) || view.series.iter().any(|s| s.reference) {
        out.push("striped or dashed: UK total (reference)");
    }
    out
}

/// Axis tick text for a unit.
fn tick(unit: Unit, v: f64) -> String {
    match unit {
        Unit::Count => format::number(v),
        Unit::Percent => format!("{}%", format::number(v)),
        Unit::PerHundred => format::number(v),
    }
}

/// The value axis's end: a round number above the largest value (100 for shares that fill it).
fn axis_max(view: &ChartView) -> f64 {
    let max = view.max_value();
    if view.unit == Unit::Percent && max > 99.0 && max <= 100.5 {
        return 100.0;
    }
    nice_ceiling(max * 1.08)
}

/// Text on or by a bar: the figure, `*` when incomplete, or why there is none.
fn mark(unit: Unit, value: Option<f64>, status: Status) -> String {
    match (value, status) {
        (Some(v), Status::Incomplete) => format!("{}*", unit.format(v)),
        (Some(v), _) => unit.format(v),
        (None, Status::BaseTooSmall | Status::BaseIncomplete) => "n/s".to_string(),
        (None, _) => "n/r".to_string(),
    }
}

/// Which side the value axis is on.
#[derive(Clone, Copy, PartialEq)]
enum ValueAxis {
    /// Values up the left side (vertical bars, lines); categories along the bottom.
    Left,
    /// Values along the bottom (horizontal bars); categories down the left side.
    Bottom,
}

/// The plot rectangle in backend pixels, mapping `(x, y)` data coordinates to pixels: `x` runs
/// from 0 to `x_max` left to right, `y` from 0 to `y_max` bottom to top.
struct Plot {
    left: i32,
    right: i32,
    top: i32,
    bottom: i32,
    x_max: f64,
    y_max: f64,
}

impl Plot {
    fn backend_coord(&self, &(x, y): &(f64, f64)) -> (i32, i32) {
        let px = f64::from(self.left) + x / self.x_max * f64::from(self.right - self.left);
        let py = f64::from(self.bottom) - y / self.y_max * f64::from(self.bottom - self.top);
        (px.round() as i32, py.round() as i32)
    }
}

/// A round step for about six ticks up to `max`.
fn tick_step(max: f64) -> f64 {
    nice_ceiling(max / 6.0)
}

/// Lays out the plot inside `area` and draws its value axis: grid lines, ticks and their en-GB
/// labels, the axis lines and the axis description. `margins` are `(top, right)`, `label_areas`
/// `(below, left)`, all in pixels.
#[allow(clippy::too_many_arguments)]
fn plot<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    cx: &Ctx,
    axis: ValueAxis,
    max: f64,
    n: usize,
    unit: Unit,
    description: &str,
    (margin_top, margin_right): (i32, i32),
    (below, left_area): (i32, i32),
) -> Result<Plot, DrawError<DB>> {
    let (ox, oy) = area.get_base_pixel();
    let (w, h) = area.dim_in_pixel();
    let (x_max, y_max) = match axis {
        ValueAxis::Left => (n.max(1) as f64, max),
        ValueAxis::Bottom => (max, n.max(1) as f64),
    };
    let plot = Plot {
        left: ox + left_area,
        right: (ox + w as i32 - margin_right).max(ox + left_area + 1),
        top: oy + margin_top,
        bottom: (oy + h as i32 - below).max(oy + margin_top + 1),
        x_max,
        y_max,
    };
    let local = |(x, y): (i32, i32)| (x - ox, y - oy);
    let grid = ShapeStyle::from(&colour(cx.style.grid)).stroke_width(1);
    let axis_line = ShapeStyle::from(&colour(cx.style.muted_text)).stroke_width(cx.px(1.0).max(1) as u32);
    let label = cx.text(12.0, cx.style.muted_text);
    let step = tick_step(max);
    let ticks = (max / step).round() as usize;
    for i in 0..=ticks {
        let v = step * i as f64;
        match axis {
            ValueAxis::Left => {
                let (_, y) = plot.backend_coord(&(0.0, v));
                area.draw(&PathElement::new(vec![local((plot.left, y)), local((plot.right, y))], grid))?;
                area.draw(&PathElement::new(vec![local((plot.left - cx.px(4.0), y)), local((plot.left, y))], axis_line))?;
                area.draw_text(&tick(unit, v), &label.pos(Pos::new(HPos::Right, VPos::Center)), local((plot.left - cx.px(6.0), y)))?;
            }
            ValueAxis::Bottom => {
                let (x, _) = plot.backend_coord(&(v, 0.0));
                area.draw(&PathElement::new(vec![local((x, plot.top)), local((x, plot.bottom))], grid))?;
                area.draw(&PathElement::new(vec![local((x, plot.bottom)), local((x, plot.bottom + cx.px(4.0)))], axis_line))?;
                area.draw_text(&tick(unit, v), &label.pos(Pos::new(HPos::Center, VPos::Top)), local((x, plot.bottom + cx.px(6.0))))?;
            }
        }
    }
    area.draw(&PathElement::new(vec![local((plot.left, plot.top)), local((plot.left, plot.bottom))], axis_line))?;
    area.draw(&PathElement::new(vec![local((plot.left, plot.bottom)), local((plot.right, plot.bottom))], axis_line))?;
    match axis {
        ValueAxis::Left => {
            let style = label.transform(FontTransform::Rotate270).pos(Pos::new(HPos::Center, VPos::Top));
            area.draw_text(description, &style, (cx.px(2.0), (plot.top + plot.bottom) / 2 - oy))?;
        }
        ValueAxis::Bottom => {
            let style = label.pos(Pos::new(HPos::Center, VPos::Top));
            area.draw_text(description, &style, local(((plot.left + plot.right) / 2, plot.bottom + cx.px(22.0))))?;
        }
    }
    Ok(plot)
}

fn draw_bars<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, view: &ChartView, cx: &Ctx) -> Result<Vec<Hit>, DrawError<DB>> {
    let (width, _) = area.dim_in_pixel();
    let label_style = cx.text(12.0, cx.style.text);
    let n = view.labels.len().max(1);
    let value_axis = cx.px(64.0);
    let slot = (width as i32 - value_axis - cx.px(12.0)) / n as i32;
    let widest = view.labels.iter().map(|l| area.estimate_text_size(l, &label_style).map(|s| s.0 as i32)).try_fold(0, |m, w| w.map(|w| m.max(w)))?;
    if widest + cx.px(8.0) > slot || n > 16 {
        draw_horizontal_bars(area, view, cx, widest)
    } else {
        draw_vertical_bars(area, view, cx, slot)
    }
}

/// Stacked shares: every bar reaches 100%, so its end needs no label.
fn shares_fill_bars(view: &ChartView) -> bool {
    view.kind == ChartKind::Stacked && view.unit == Unit::Percent
}

/// The visible series, by index.
fn visible(view: &ChartView) -> Vec<usize> {
    (0..view.series.len()).filter(|&i| !view.series[i].hidden).collect()
}

/// One bar's pieces along the value axis: `(series, from, to, status, colour)`.
fn bar_pieces(view: &ChartView, row: usize) -> Vec<(usize, f64, f64, Status, Rgb)> {
    let stacked = view.kind == ChartKind::Stacked;
    let mut base = 0.0;
    let mut out = Vec::new();
    for s in visible(view) {
        let series = &view.series[s];
        let p = series.points[row];
        let Some(v) = p.value else {
            out.push((s, base, base, p.status, series.colour_at(row)));
            continue;
        };
        let (from, to) = if stacked { (base, base + v) } else { (0.0, v) };
        if stacked {
            base += v;
        }
        out.push((s, from, to, p.status, series.colour_at(row)));
    }
    out
}

/// Draws a bar piece: the fill, stripes for the UK reference, an outline when incomplete.
fn draw_piece<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    cx: &Ctx,
    (x0, y0, x1, y1): (i32, i32, i32, i32),
    fill: Rgb,
    striped: bool,
    incomplete: bool,
) -> Result<(), DrawError<DB>> {
    let (ox, oy) = area.get_base_pixel();
    let rect = [(x0.min(x1) - ox, y0.min(y1) - oy), (x0.max(x1) - ox, y0.max(y1) - oy)];
    area.draw(&Rectangle::new(rect, colour(fill).filled()))?;
    if striped {
        let step = cx.px(5.0).max(3);
        let mut y = rect[0].1 + step / 2;
        while y < rect[1].1 {
            area.draw(&PathElement::new(vec![(rect[0].0, y), (rect[1].0, y)], ShapeStyle::from(&WHITE).stroke_width(cx.px(1.5).max(1) as u32)))?;
            y += step;
        }
    }
    if incomplete {
        area.draw(&Rectangle::new(rect, ShapeStyle::from(&colour(cx.style.text)).stroke_width(cx.px(1.5).max(1) as u32)))?;
    }
    // A thin separator in the background colour between stacked segments.
    area.draw(&Rectangle::new(rect, ShapeStyle::from(&colour(cx.style.background)).stroke_width(cx.px(0.75).max(1) as u32)))?;
    Ok(())
}

fn draw_vertical_bars<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, view: &ChartView, cx: &Ctx, slot: i32) -> Result<Vec<Hit>, DrawError<DB>> {
    let n = view.labels.len();
    let max = axis_max(view);
    let unit = view.unit;
    let chart = plot(area, cx, ValueAxis::Left, max, n, unit, &view.y_label, (cx.px(18.0), cx.px(12.0)), (cx.px(28.0), cx.px(64.0)))?;

    let label_style = cx.text(12.0, cx.style.text);
    let mark_style = cx.text(11.0, cx.style.muted_text);
    let (ox, oy) = area.get_base_pixel();
    let visible = visible(view);
    let grouped = view.kind == ChartKind::Grouped && visible.len() > 1;
    let mut hits = Vec::new();
    for row in 0..n {
        let striped = view.row_kinds.get(row) == Some(&RowKind::Uk);
        let pieces = bar_pieces(view, row);
        let margin = 0.14;
        let lanes = if grouped { pieces.len().max(1) } else { 1 };
        let lane_width = (1.0 - 2.0 * margin) / lanes as f64;
        let mut stack_top = 0.0f64;
        let mut incomplete = false;
        let mut any = false;
        for (lane, &(s, from, to, status, fill)) in pieces.iter().enumerate() {
            let lane = if grouped { lane } else { 0 };
            let left = row as f64 + margin + lane as f64 * lane_width;
            let right = left + lane_width;
            let (x0, y0) = chart.backend_coord(&(left, from));
            let (x1, y1) = chart.backend_coord(&(right, to));
            incomplete |= status != Status::Reported;
            if view.series[s].points[row].value.is_some() {
                any = true;
                draw_piece(area, cx, (x0, y0, x1, y1), fill, striped, status == Status::Incomplete)?;
                hits.push(Hit { x0: x0.min(x1), y0: y0.min(y1), x1: x0.max(x1), y1: y0.max(y1).max(y0.min(y1) + 2), row, series: s });
                stack_top = stack_top.max(to);
            } else {
                // Missing: a mark where the bar would stand, hoverable like a bar.
                let (bx, by) = chart.backend_coord(&((left + right) / 2.0, 0.0));
                if grouped || pieces.len() == 1 {
                    let text = mark(unit, None, status);
                    area.draw_text(&text, &mark_style.pos(Pos::new(HPos::Center, VPos::Bottom)), (bx - ox, by - cx.px(3.0) - oy))?;
                }
                hits.push(Hit { x0: x0.min(x1), y0: by - cx.px(16.0), x1: x0.max(x1), y1: by, row, series: s });
            }
            if grouped && view.series[s].points[row].value.is_some() && slot / lanes as i32 > cx.px(30.0) {
                let text = mark(unit, view.series[s].points[row].value, status);
                let (tx, ty) = chart.backend_coord(&((left + right) / 2.0, to));
                area.draw_text(&text, &mark_style.pos(Pos::new(HPos::Center, VPos::Bottom)), (tx - ox, ty - cx.px(3.0) - oy))?;
            }
        }
        if !grouped && any && !shares_fill_bars(view) {
            let value = if view.kind == ChartKind::Stacked { stack_top } else { pieces.iter().map(|p| p.2).fold(0.0, f64::max) };
            let status = if incomplete { Status::Incomplete } else { Status::Reported };
            let text = fit_label(area, &mark(unit, Some(value), status), &mark_style, slot)?;
            let (tx, ty) = chart.backend_coord(&(row as f64 + 0.5, value));
            area.draw_text(&text, &mark_style.pos(Pos::new(HPos::Center, VPos::Bottom)), (tx - ox, ty - cx.px(3.0) - oy))?;
        }
        let (lx, ly) = chart.backend_coord(&(row as f64 + 0.5, 0.0));
        let label = fit_label(area, &view.labels[row], &label_style, slot - cx.px(4.0))?;
        area.draw_text(&label, &label_style.pos(Pos::new(HPos::Center, VPos::Top)), (lx - ox, ly + cx.px(6.0) - oy))?;
    }
    if let Some((label, value)) = &view.reference {
        let (x0, y) = chart.backend_coord(&(0.0, *value));
        let (x1, _) = chart.backend_coord(&(n as f64, *value));
        draw_reference(area, cx, (x0 - ox, y - oy), (x1 - ox, y - oy), label)?;
    }
    Ok(hits)
}

/// A dashed reference line with its label at the right end.
fn draw_reference<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, cx: &Ctx, from: (i32, i32), to: (i32, i32), label: &str) -> Result<(), DrawError<DB>> {
    let dash = cx.px(6.0).max(2);
    // In the theme's muted text colour, so the reference reads on any background.
    let ink = cx.style.muted_text;
    let stroke = ShapeStyle::from(&colour(ink)).stroke_width(cx.px(2.0).max(1) as u32);
    let horizontal = from.1 == to.1;
    let length = if horizontal { to.0 - from.0 } else { from.1 - to.1 };
    let mut at = 0;
    while at < length {
        let end = (at + dash).min(length);
        let (a, b) = if horizontal {
            ((from.0 + at, from.1), (from.0 + end, from.1))
        } else {
            ((from.0, from.1 - at), (from.0, from.1 - end))
        };
        area.draw(&PathElement::new(vec![a, b], stroke))?;
        at += dash * 2;
    }
    // The label sits on a box of the background colour, so bars behind it do not hide it.
    let style = cx.text(12.0, ink).pos(Pos::new(HPos::Right, VPos::Bottom));
    let anchor = if horizontal { (to.0, to.1 - cx.px(4.0)) } else { (to.0 - cx.px(4.0), to.1 + cx.px(16.0)) };
    let (w, h) = area.estimate_text_size(label, &style)?;
    let pad = cx.px(3.0);
    area.draw(&Rectangle::new(
        [(anchor.0 - w as i32 - pad, anchor.1 - h as i32 - pad / 2), (anchor.0 + pad, anchor.1 + pad / 2)],
        colour(cx.style.background).filled(),
    ))?;
    area.draw(&Rectangle::new(
        [(anchor.0 - w as i32 - pad, anchor.1 - h as i32 - pad / 2), (anchor.0 + pad, anchor.1 + pad / 2)],
        ShapeStyle::from(&colour(ink)).stroke_width(1),
    ))?;
    area.draw_text(label, &style, anchor)?;
    Ok(())
}

fn draw_horizontal_bars<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, view: &ChartView, cx: &Ctx, widest: i32) -> Result<Vec<Hit>, DrawError<DB>> {
    let (width, _) = area.dim_in_pixel();
    let n = view.labels.len();
    // Ranked: partners by their bar's length, largest first; the combined and UK rows last.
    // Bars that all reach 100% rank by their first segment.
    let length = |row: usize| -> f64 {
        let pieces = bar_pieces(view, row);
        if shares_fill_bars(view) {
            return pieces.first().map_or(0.0, |p| p.2 - p.1);
        }
        pieces.iter().map(|p| p.2).fold(0.0, f64::max)
    };
    let mut order: Vec<usize> = (0..n).collect();
    // Unstable is fine: ties keep no meaningful order, and the smaller sort keeps the wasm small.
    order.sort_unstable_by(|&a, &b| {
        let rank = |r: usize| matches!(view.row_kinds.get(r), Some(RowKind::Combined | RowKind::Uk));
        rank(a).cmp(&rank(b)).then(length(b).total_cmp(&length(a))).then(a.cmp(&b))
    });
    let label_area = (widest + cx.px(12.0)).min(width as i32 * 2 / 5);
    let max = axis_max(view);
    let unit = view.unit;
    let chart = plot(area, cx, ValueAxis::Bottom, max, n, unit, &view.y_label, (cx.px(8.0), cx.px(48.0)), (cx.px(40.0), label_area))?;
    let label_style = cx.text(12.0, cx.style.text);
    let mark_style = cx.text(11.0, cx.style.muted_text);
    let (ox, oy) = area.get_base_pixel();
    let visible = visible(view);
    let grouped = view.kind == ChartKind::Grouped && visible.len() > 1;
    let mut hits = Vec::new();
    for (position, &row) in order.iter().enumerate() {
        // Position 0 at the top.
        let band_top = (n - position) as f64;
        let striped = view.row_kinds.get(row) == Some(&RowKind::Uk);
        let pieces = bar_pieces(view, row);
        let margin = 0.14;
        let lanes = if grouped { pieces.len().max(1) } else { 1 };
        let lane_height = (1.0 - 2.0 * margin) / lanes as f64;
        let mut end = 0.0f64;
        let mut incomplete = false;
        let mut any = false;
        for (lane, &(s, from, to, status, fill)) in pieces.iter().enumerate() {
            let lane = if grouped { lane } else { 0 };
            let upper = band_top - margin - lane as f64 * lane_height;
            let lower = upper - lane_height;
            let (x0, y0) = chart.backend_coord(&(from, upper));
            let (x1, y1) = chart.backend_coord(&(to, lower));
            incomplete |= status != Status::Reported;
            if view.series[s].points[row].value.is_some() {
                any = true;
                draw_piece(area, cx, (x0, y0, x1, y1), fill, striped, status == Status::Incomplete)?;
                hits.push(Hit { x0: x0.min(x1), y0: y0.min(y1), x1: x0.max(x1).max(x0.min(x1) + 2), y1: y0.max(y1), row, series: s });
                end = end.max(to);
            } else {
                if grouped || pieces.len() == 1 {
                    let text = mark(unit, None, status);
                    area.draw_text(&text, &mark_style.pos(Pos::new(HPos::Left, VPos::Center)), (x0 + cx.px(3.0) - ox, (y0 + y1) / 2 - oy))?;
                }
                hits.push(Hit { x0, y0: y0.min(y1), x1: x0 + cx.px(24.0), y1: y0.max(y1), row, series: s });
            }
        }
        if grouped {
            // A label per bar when the lanes are tall enough to read.
            let (_, a) = chart.backend_coord(&(0.0, 0.0));
            let (_, b) = chart.backend_coord(&(0.0, lane_height));
            if (a - b).abs() >= cx.px(11.0) {
                for (lane, &(s, _, to, status, _)) in pieces.iter().enumerate() {
                    let Some(v) = view.series[s].points[row].value else { continue };
                    let middle = band_top - margin - (lane as f64 + 0.5) * lane_height;
                    let (tx, ty) = chart.backend_coord(&(to, middle));
                    area.draw_text(&mark(unit, Some(v), status), &mark_style.pos(Pos::new(HPos::Left, VPos::Center)), (tx + cx.px(4.0) - ox, ty - oy))?;
                }
            }
        } else if any && !shares_fill_bars(view) {
            let status = if incomplete { Status::Incomplete } else { Status::Reported };
            let (tx, ty) = chart.backend_coord(&(end, band_top - 0.5));
            area.draw_text(&mark(unit, Some(end), status), &mark_style.pos(Pos::new(HPos::Left, VPos::Center)), (tx + cx.px(4.0) - ox, ty - oy))?;
        }
        let (lx, ly) = chart.backend_coord(&(0.0, band_top - 0.5));
        let label = fit_label(area, &view.labels[row], &label_style, label_area - cx.px(12.0))?;
        area.draw_text(&label, &label_style.pos(Pos::new(HPos::Right, VPos::Center)), (lx - cx.px(6.0) - ox, ly - oy))?;
    }
    if let Some((label, value)) = &view.reference {
        let (x, y0) = chart.backend_coord(&(*value, 0.0));
        let (_, y1) = chart.backend_coord(&(*value, n as f64));
        draw_reference(area, cx, (x - ox, y0 - oy), (x - ox, y1 - oy), label)?;
    }
    Ok(hits)
}

fn draw_lines<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, view: &ChartView, cx: &Ctx) -> Result<Vec<Hit>, DrawError<DB>> {
    let (width, _) = area.dim_in_pixel();
    let n = view.labels.len().max(1);
    let max = axis_max(view);
    let unit = view.unit;
    let chart = plot(area, cx, ValueAxis::Left, max, n, unit, &view.y_label, (cx.px(12.0), cx.px(16.0)), (cx.px(28.0), cx.px(64.0)))?;
    let (ox, oy) = area.get_base_pixel();
    let mut hits = Vec::new();
    for s in visible(view) {
        let series = &view.series[s];
        let stroke = ShapeStyle::from(&colour(series.colour)).stroke_width(cx.px(2.0).max(1) as u32);
        let points: Vec<Option<(i32, i32)>> = (0..view.labels.len())
            .map(|i| series.value(i).map(|v| chart.backend_coord(&(i as f64 + 0.5, v))))
            .collect();
        // Lines join consecutive reported years only: a gap stays a gap. A segment to or from an
        // incomplete figure is dashed, so a drop that is only missing data does not read as real.
        for (i, pair) in points.windows(2).enumerate() {
            if let [Some(a), Some(b)] = pair {
                let a = (a.0 - ox, a.1 - oy);
                let b = (b.0 - ox, b.1 - oy);
                let doubtful = series.points[i].status != Status::Reported || series.points[i + 1].status != Status::Reported;
                if series.reference || doubtful {
                    draw_dashed(area, a, b, stroke, cx.px(5.0).max(2))?;
                } else {
                    area.draw(&PathElement::new(vec![a, b], stroke))?;
                }
            }
        }
        for (i, p) in points.iter().enumerate() {
            match p {
                Some((x, y)) => {
                    let incomplete = series.points[i].status == Status::Incomplete;
                    draw_marker(area, (x - ox, y - oy), s % MARKERS, colour(series.colour), cx.px(4.0).max(2), !incomplete)?;
                    if series.points[i].status == Status::Incomplete {
                        area.draw_text("*", &cx.text(12.0, cx.style.text).pos(Pos::new(HPos::Left, VPos::Bottom)), (x - ox + cx.px(4.0), y - oy - cx.px(2.0)))?;
                    }
                    let r = cx.px(6.0);
                    hits.push(Hit { x0: x - r, y0: y - r, x1: x + r, y1: y + r, row: i, series: s });
                }
                None => {
                    let (x, y) = chart.backend_coord(&(i as f64 + 0.5, 0.0));
                    let r = cx.px(6.0);
                    hits.push(Hit { x0: x - r, y0: y - r * 2, x1: x + r, y1: y, row: i, series: s });
                }
            }
        }
    }
    // Year labels, thinned to fit.
    let label_style = cx.text(12.0, cx.style.text);
    let slot = (width as i32 - cx.px(80.0)) / n as i32;
    let sample = area.estimate_text_size("2020/21", &label_style)?.0 as i32 + cx.px(8.0);
    let every = ((sample + slot - 1) / slot.max(1)).max(1) as usize;
    for (i, label) in view.labels.iter().enumerate() {
        if i % every != 0 && i != view.labels.len() - 1 {
            continue;
        }
        let (x, y) = chart.backend_coord(&(i as f64 + 0.5, 0.0));
        area.draw_text(label, &label_style.pos(Pos::new(HPos::Center, VPos::Top)), (x - ox, y + cx.px(6.0) - oy))?;
    }
    Ok(hits)
}

fn draw_dashed<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, a: (i32, i32), b: (i32, i32), stroke: ShapeStyle, dash: i32) -> Result<(), DrawError<DB>> {
    let (dx, dy) = (f64::from(b.0 - a.0), f64::from(b.1 - a.1));
    let length = (dx * dx + dy * dy).sqrt();
    if length < 1.0 {
        return Ok(());
    }
    let mut t = 0.0;
    while t < length {
        let end = (t + f64::from(dash)).min(length);
        let p = |d: f64| (a.0 + (dx * d / length).round() as i32, a.1 + (dy * d / length).round() as i32);
        area.draw(&PathElement::new(vec![p(t), p(end)], stroke))?;
        t += f64::from(dash) * 2.0;
    }
    Ok(())
}

/// Marker shapes: circle, square, triangle, diamond, cross.
fn draw_marker<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, (x, y): (i32, i32), shape: usize, c: RGBColor, r: i32, solid: bool) -> Result<(), DrawError<DB>> {
    // Hollow markers stand for incomplete figures.
    let fill = if solid { c.filled() } else { ShapeStyle::from(&c).stroke_width(2) };
    match shape {
        0 => area.draw(&Circle::new((x, y), r, fill)),
        1 => area.draw(&Rectangle::new([(x - r, y - r), (x + r, y + r)], fill)),
        2 => area.draw(&Polygon::new(vec![(x, y - r - 1), (x + r + 1, y + r), (x - r - 1, y + r)], fill)),
        3 => area.draw(&Polygon::new(vec![(x, y - r - 1), (x + r + 1, y), (x, y + r + 1), (x - r - 1, y)], fill)),
        _ => {
            let stroke = ShapeStyle::from(&c).stroke_width(2);
            area.draw(&PathElement::new(vec![(x - r, y - r), (x + r, y + r)], stroke))?;
            area.draw(&PathElement::new(vec![(x - r, y + r), (x + r, y - r)], stroke))
        }
    }
}

/// Shortens `label` with an ellipsis until it fits `max_width` pixels.
fn fit_label<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, label: &str, style: &TextStyle, max_width: i32) -> Result<String, DrawError<DB>> {
    let fits = |t: &str| -> Result<bool, DrawError<DB>> { Ok(area.estimate_text_size(t, style)?.0 as i32 <= max_width) };
    if fits(label)? {
        return Ok(label.to_string());
    }
    let chars: Vec<char> = label.chars().collect();
    let (mut lo, mut hi) = (0usize, chars.len());
    // Binary search for the longest prefix that fits with an ellipsis.
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        let candidate: String = chars[..mid].iter().collect::<String>() + "…";
        if fits(&candidate)? {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    Ok(if lo == 0 { "…".to_string() } else { chars[..lo].iter().collect::<String>() + "…" })
}

/// Rounds up to 1, 2, 2.5 or 5 times a power of ten, for an axis with round ticks.
pub fn nice_ceiling(value: f64) -> f64 {
    if !(value > 0.0) || !value.is_finite() {
        return 1.0;
    }
    let magnitude = 10f64.powf(value.log10().floor());
    for step in [1.0, 2.0, 2.5, 5.0, 10.0] {
        if value <= step * magnitude {
            return step * magnitude;
        }
    }
    10.0 * magnitude
}
