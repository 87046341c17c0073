//! The plot rectangle and its value axis: round ticks, grid lines, en-GB tick labels, the axis
//! description, category labels and the dashed reference line. One layout for both
//! orientations: bars up the page or across it, and lines (which run up).

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::{colour, Ctx, DrawError};
use crate::format;
use crate::view::{ChartView, Unit};

/// Which way values run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Orientation {
    /// Values up the left side; categories along the bottom (vertical bars, lines).
    Vertical,
    /// Values along the bottom; categories down the left side, the first at the top (horizontal,
    /// ranked bars).
    Horizontal,
}

/// A side of the plot an axis runs along.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    Left,
    Bottom,
}

impl Side {
    /// A point moved `d` pixels away from the plot, out past this side.
    fn outward(self, (x, y): (i32, i32), d: i32) -> (i32, i32) {
        match self {
            Side::Left => (x - d, y),
            Side::Bottom => (x, y + d),
        }
    }

    /// How text outside this side is anchored to its point.
    fn anchor(self) -> Pos {
        match self {
            Side::Left => Pos::new(HPos::Right, VPos::Center),
            Side::Bottom => Pos::new(HPos::Center, VPos::Top),
        }
    }
}

impl Orientation {
    fn value_side(self) -> Side {
        match self {
            Orientation::Vertical => Side::Left,
            Orientation::Horizontal => Side::Bottom,
        }
    }

    fn category_side(self) -> Side {
        match self {
            Orientation::Vertical => Side::Bottom,
            Orientation::Horizontal => Side::Left,
        }
    }

    /// How text just past the end of a fall (a bar below zero) is anchored (below it, or to its
    /// left).
    pub(super) fn start_anchor(self) -> Pos {
        match self {
            Orientation::Vertical => Pos::new(HPos::Center, VPos::Top),
            Orientation::Horizontal => Pos::new(HPos::Right, VPos::Center),
        }
    }

    /// How text just past the end of a bar is anchored (above it, or to its right).
    pub(super) fn end_anchor(self) -> Pos {
        match self {
            Orientation::Vertical => Pos::new(HPos::Center, VPos::Bottom),
            Orientation::Horizontal => Pos::new(HPos::Left, VPos::Center),
        }
    }
}

/// The plot rectangle, in the drawing area's pixels. Categories take one unit each, `0` to `n`
/// (left to right, or top to bottom); values run from `min` (0, or below it for falls) to `max`.
pub(super) struct Plot {
    pub left: i32,
    pub right: i32,
    pub top: i32,
    pub bottom: i32,
    /// The area's origin in backend pixels (hits are in backend pixels).
    pub base: (i32, i32),
    pub orientation: Orientation,
    n: f64,
    min: f64,
    max: f64,
}

impl Plot {
    /// The pixel of category position `c` and value `v`.
    pub fn at(&self, c: f64, v: f64) -> (i32, i32) {
        let between = |from: i32, to: i32, t: f64| (f64::from(from) + t * f64::from(to - from)).round() as i32;
        let (c, v) = (c / self.n, (v - self.min) / (self.max - self.min));
        match self.orientation {
            Orientation::Vertical => (between(self.left, self.right, c), between(self.bottom, self.top, v)),
            Orientation::Horizontal => (between(self.left, self.right, v), between(self.top, self.bottom, c)),
        }
    }

    /// A point moved `d` pixels along the value axis, towards larger values.
    pub fn along(&self, (x, y): (i32, i32), d: i32) -> (i32, i32) {
        match self.orientation {
            Orientation::Vertical => (x, y - d),
            Orientation::Horizontal => (x + d, y),
        }
    }

    /// The size in pixels of `units` of the category axis.
    pub fn category_pixels(&self, units: f64) -> i32 {
        let (a, b) = (self.at(0.0, 0.0), self.at(units, 0.0));
        (a.0 - b.0).abs().max((a.1 - b.1).abs())
    }

    /// Writes a category's label outside the category axis (at the axis's smallest value, so
    /// bars below zero never cross it), at category position `c`.
    pub fn draw_category_label<DB: DrawingBackend>(&self, area: &DrawingArea<DB, Shift>, cx: &Ctx, c: f64, label: &str, style: &TextStyle) -> Result<(), DrawError<DB>> {
        let side = self.orientation.category_side();
        area.draw_text(label, &style.pos(side.anchor()), side.outward(self.at(c, self.min), cx.px(6.0)))
    }

    /// Lays out the plot inside `area` with `n` categories and values from `smallest` (at most 0:
    /// a fall below zero) to `largest`, and draws its value axis: grid lines, ticks and their
    /// labels (round ticks either side of zero, with a zero line across the plot below it), the
    /// axis lines and `description`. `margins` are `(top, right)`, `label_areas` `(below, left)`,
    /// all in pixels.
    #[allow(clippy::too_many_arguments)]
    pub fn draw_range<DB: DrawingBackend>(
        area: &DrawingArea<DB, Shift>,
        cx: &Ctx,
        orientation: Orientation,
        (n, smallest, largest, unit): (usize, f64, f64, Unit),
        description: &str,
        (margin_top, margin_right): (i32, i32),
        (below, left_area): (i32, i32),
    ) -> Result<Plot, DrawError<DB>> {
        let smallest = if smallest.is_finite() { smallest.min(0.0) } else { 0.0 };
        let largest = if largest.is_finite() { largest.max(0.0) } else { 0.0 };
        let (w, h) = area.dim_in_pixel();
        let (w, h) = (w as i32, h as i32);
        let label = cx.text(12.0, cx.style.muted_text);
        // Round ticks, fewer when their labels would not fit apart along the axis (measured).
        let length = match orientation {
            Orientation::Vertical => h - below - margin_top,
            Orientation::Horizontal => w - margin_right - left_area,
        };
        let (mut min, mut max, mut step) = (0.0, 1.0, 1.0);
        for ticks in (1..=MAX_TICKS).rev() {
            (min, max, step) = round_range_within(smallest, largest, ticks);
            let widest = |v: f64| area.estimate_text_size(&tick(unit, v), &label);
            let ((w1, h1), (w2, h2)) = (widest(max)?, widest(min)?);
            let extent = if orientation == Orientation::Vertical { h1.max(h2) as i32 } else { w1.max(w2) as i32 } + cx.px(10.0);
            if f64::from(length.max(1)) * step / (max - min) >= f64::from(extent) {
                break;
            }
        }
        let plot = Plot {
            left: left_area,
            right: (w - margin_right).max(left_area + 1),
            top: margin_top,
            bottom: (h - below).max(margin_top + 1),
            base: area.get_base_pixel(),
            orientation,
            n: n.max(1) as f64,
            min,
            max,
        };
        let grid = ShapeStyle::from(&colour(cx.style.grid)).stroke_width(1);
        let axis_line = ShapeStyle::from(&colour(cx.style.muted_text)).stroke_width(cx.px(1.0).max(1) as u32);
        let side = orientation.value_side();
        for i in 0..=((max - min) / step).round() as usize {
            let v = min + step * i as f64;
            area.draw(&PathElement::new(vec![plot.at(0.0, v), plot.at(plot.n, v)], grid))?;
            // Where this value meets the value axis.
            let on_axis = match side {
                Side::Left => (plot.left, plot.at(0.0, v).1),
                Side::Bottom => (plot.at(0.0, v).0, plot.bottom),
            };
            area.draw(&PathElement::new(vec![side.outward(on_axis, cx.px(4.0)), on_axis], axis_line))?;
            area.draw_text(&tick(unit, v), &label.pos(side.anchor()), side.outward(on_axis, cx.px(6.0)))?;
        }
        area.draw(&PathElement::new(vec![(plot.left, plot.top), (plot.left, plot.bottom)], axis_line))?;
        area.draw(&PathElement::new(vec![(plot.left, plot.bottom), (plot.right, plot.bottom)], axis_line))?;
        if min < 0.0 {
            // The zero line: bars rise or run from it, falls go below or left of it.
            let zero = ShapeStyle::from(&colour(cx.style.text)).stroke_width(cx.px(1.5).max(1) as u32);
            area.draw(&PathElement::new(vec![plot.at(0.0, 0.0), plot.at(plot.n, 0.0)], zero))?;
        }
        match side {
            Side::Left => {
                let style = label.transform(FontTransform::Rotate270).pos(Pos::new(HPos::Center, VPos::Top));
                area.draw_text(description, &style, (cx.px(2.0), (plot.top + plot.bottom) / 2))?;
            }
            Side::Bottom => {
                let style = label.pos(Pos::new(HPos::Center, VPos::Top));
                area.draw_text(description, &style, ((plot.left + plot.right) / 2, plot.bottom + cx.px(22.0)))?;
            }
        }
        Ok(plot)
    }

    /// A dashed reference line across the plot at `value`, with its label on a box at the far
    /// end (so bars behind it do not hide it).
    pub fn draw_reference<DB: DrawingBackend>(&self, area: &DrawingArea<DB, Shift>, cx: &Ctx, value: f64, label: &str) -> Result<(), DrawError<DB>> {
        // From the value axis's side across; the label's place past the far end.
        let (from, to, (dx, dy)) = match self.orientation {
            Orientation::Vertical => (self.at(0.0, value), self.at(self.n, value), (0, -cx.px(4.0))),
            Orientation::Horizontal => (self.at(self.n, value), self.at(0.0, value), (-cx.px(4.0), cx.px(16.0))),
        };
        // In the theme's muted text colour, so the reference reads on any background.
        let ink = cx.style.muted_text;
        let stroke = ShapeStyle::from(&colour(ink)).stroke_width(cx.px(2.0).max(1) as u32);
        draw_dashed(area, from, to, stroke, cx.px(6.0).max(2))?;
        let style = cx.text(12.0, ink).pos(Pos::new(HPos::Right, VPos::Bottom));
        let anchor = (to.0 + dx, to.1 + dy);
        let (w, h) = area.estimate_text_size(label, &style)?;
        let pad = cx.px(3.0);
        let corners = [(anchor.0 - w as i32 - pad, anchor.1 - h as i32 - pad / 2), (anchor.0 + pad, anchor.1 + pad / 2)];
        area.draw(&Rectangle::new(corners, colour(cx.style.background).filled()))?;
        area.draw(&Rectangle::new(corners, ShapeStyle::from(&colour(ink)).stroke_width(1)))?;
        area.draw_text(label, &style, anchor)?;
        Ok(())
    }
}

/// A dashed line from `a` to `b`: dashes `dash` pixels long with gaps as long.
pub(super) fn draw_dashed<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, a: (i32, i32), b: (i32, i32), stroke: ShapeStyle, dash: i32) -> Result<(), DrawError<DB>> {
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

/// Axis tick text for a unit, with a true minus sign below zero (as the figures have).
fn tick(unit: Unit, v: f64) -> String {
    let text = match unit {
        Unit::Count | Unit::PerHundred | Unit::Change => format::number(v),
        Unit::Percent | Unit::PercentChange => format!("{}%", format::number(v)),
    };
    match text.strip_prefix('-') {
        Some(rest) => format!("\u{2212}{rest}"),
        None => text,
    }
}

/// The largest value the value axis must reach (100 for shares that fill it).
pub(super) fn value_axis(view: &ChartView) -> f64 {
    let max = view.max_value();
    if view.unit == Unit::Percent && max > 99.0 && max <= 100.5 {
        return 100.0;
    }
    max
}

/// The most steps the value axis is cut into.
const MAX_TICKS: usize = 6;

/// `(end, step)` for values up to `max`: the smallest round step (1, 2, 2.5 or 5 times a power
/// of ten) that covers `max` in at most six steps, and the first multiple of it at or above
/// `max`, so the plot never has more than one step of empty room above the tallest bar.
pub fn round_axis(max: f64) -> (f64, f64) {
    round_axis_within(max, MAX_TICKS)
}

/// `(start, end, step)` for values from `min` (at most 0) to `max` (at least 0) in at most `ticks`
/// steps: round ticks either side of zero, zero among them, and room under the largest fall.
fn round_range_within(min: f64, max: f64, ticks: usize) -> (f64, f64, f64) {
    if !(min < 0.0) {
        let (end, step) = round_axis_within(max, ticks);
        return (0.0, end, step);
    }
    let ticks = ticks.max(2);
    let mut step = nice_ceiling((max - min) / ticks as f64);
    // Below zero, a quarter of a step of room past the largest fall for its figure.
    let steps = |step: f64| ((max / step - 1e-9).ceil().max(0.0), (-min / step + 0.25).ceil().max(1.0));
    loop {
        let (up, down) = steps(step);
        if up + down <= ticks as f64 {
            break;
        }
        step = nice_ceiling(step * 1.01);
    }
    let (up, down) = steps(step);
    (-down * step, up * step, step)
}

/// [`round_axis`] in at most `ticks` steps (at least one).
fn round_axis_within(max: f64, ticks: usize) -> (f64, f64) {
    if !(max > 0.0) || !max.is_finite() {
        return (1.0, 1.0 / ticks.max(1) as f64);
    }
    let ticks = ticks.max(1) as f64;
    let mut step = nice_ceiling(max / ticks);
    // A step a little too small (rounding): the next round step up.
    while (max / step - 1e-9).ceil() > ticks {
        step = nice_ceiling(step * 1.01);
    }
    ((max / step - 1e-9).ceil().max(1.0) * step, step)
}

/// Rounds up to 1, 2, 2.5 or 5 times a power of ten, for an axis with round ticks.
pub fn nice_ceiling(value: f64) -> f64 {
    if !(value > 0.0) || !value.is_finite() {
        return 1.0;
    }
    let magnitude = 10f64.powf(value.log10().floor());
    for step in [1.0, 2.0, 2.5, 5.0, 10.0] {
        if value <= step * magnitude * (1.0 + 1e-12) {
            return step * magnitude;
        }
    }
    10.0 * magnitude
}
