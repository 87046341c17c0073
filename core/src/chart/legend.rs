//! The legend drawn into images (on the page the legend is HTML), and what the marks mean.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::bars::draw_placeholder;
use super::{colour, Ctx, DrawError};
use crate::palette::Rgb;
use crate::selection::ChartKind;
use crate::view::{ChartView, Comparator, RowKind, Status};

/// A legend in the image: a swatch and a name per visible series, and what the marks mean.
/// Returns where the chart below it starts. With `paint` false it only measures.
pub(super) fn draw<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, view: &ChartView, cx: &Ctx, top: i32, paint: bool) -> Result<i32, DrawError<DB>> {
    let (width, _) = area.dim_in_pixel();
    let legend_style = cx.text(13.0, cx.style.text);
    let note_style = cx.text(12.0, cx.style.muted_text);
    let swatch = cx.px(12.0);
    let (mut x, mut y) = (cx.px(8.0), top + cx.px(6.0));
    let line_height = cx.px(20.0);
    let mut items: Vec<(String, Option<Rgb>)> = Vec::new();
    let hatch = |name: &str| name == NOT_REPORTED;
    let per_point = view.series.len() == 1 && view.series[0].point_colours.is_some();
    if !per_point {
        items.extend(view.series.iter().filter(|s| !s.hidden).map(|s| (s.name.clone(), Some(s.colour))));
    }
    items.extend(marks_used(view).into_iter().map(|note| (note.to_string(), None)));
    for (name, swatch_colour) in items {
        let (w, _) = area.estimate_text_size(&name, &legend_style)?;
        let has_swatch = swatch_colour.is_some() || hatch(&name);
        let item = if has_swatch { swatch + cx.px(6.0) } else { 0 } + w as i32;
        if x > cx.px(8.0) && x + item > width as i32 - cx.px(8.0) {
            x = cx.px(8.0);
            y += line_height;
        }
        let mut text_x = x;
        if !paint {
            x += item + cx.px(16.0);
            continue;
        }
        if let Some(c) = swatch_colour {
            area.draw(&Rectangle::new([(x, y + cx.px(2.0)), (x + swatch, y + cx.px(2.0) + swatch)], colour(c).filled()))?;
            text_x += swatch + cx.px(6.0);
        } else if hatch(&name) {
            let corner = (x, y + cx.px(2.0));
            draw_placeholder(area, cx, corner, (x + swatch, corner.1 + swatch), cx.style.muted_text)?;
            text_x += swatch + cx.px(6.0);
        }
        let text_style = if swatch_colour.is_some() { &legend_style } else { &note_style };
        area.draw_text(&name, text_style, (text_x, y))?;
        x += item + cx.px(16.0);
    }
    Ok(y + line_height + cx.px(4.0))
}

/// The legend's words for the hatched placeholder of a figure not reported.
pub const NOT_REPORTED: &str = "hatched (n/r): not reported";
/// The legend's words for a year not reported on a line.
const NOT_REPORTED_GAP: &str = "gap in a line: not reported";

/// Explanations of the marks a chart uses, for its legend.
pub fn marks_used(view: &ChartView) -> Vec<&'static str> {
    let statuses = || view.series.iter().filter(|s| !s.hidden).flat_map(|s| s.points.iter().map(|p| p.status));
    let mut out = Vec::new();
    let stack_misses_a_piece = view.kind == ChartKind::Stacked && statuses().any(|s| s != Status::Reported);
    if statuses().any(|s| s == Status::Incomplete) || stack_misses_a_piece {
        out.push("* incomplete: leaves out figures not reported");
    }
    // Bars and stack segments not reported stand as hatched placeholders; a line has a gap.
    if statuses().any(|s| s == Status::NotReported) {
        out.push(if view.kind == ChartKind::Trend { NOT_REPORTED_GAP } else { NOT_REPORTED });
    }
    if statuses().any(|s| matches!(s, Status::BaseTooSmall | Status::BaseIncomplete)) {
        out.push("n/s: not shown (too few to give a percentage, or not reported in full)");
    }
    let drawn = |c: Comparator| view.series.iter().any(|s| !s.hidden && s.reference == Some(c));
    if view.row_kinds.contains(&RowKind::Uk) || drawn(Comparator::UkTotal) {
        out.push("striped or dashed: UK total (reference)");
    }
    if view.row_kinds.contains(&RowKind::UkReported) || drawn(Comparator::UkReported) {
        out.push("striped up and down or dotted: UK, providers that reported (not HESA's UK total)");
    }
    out
}
