//! Drawing a [`ChartView`] with plotters, generic over the drawing backend: the same routine draws
//! on the page's canvas (at the screen's pixel ratio) and into SVG for native tests.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::format;
use crate::palette::Rgb;
use crate::view::ChartView;

/// Sizes and colours. `scale` multiplies every size (use the device pixel ratio for crisp HiDPI
/// canvases, 2 for a print PNG).
#[derive(Debug, Clone, Copy)]
pub struct ChartStyle {
    pub scale: f64,
    pub font: &'static str,
    pub text: Rgb,
    pub muted_text: Rgb,
    pub grid: Rgb,
    pub background: Rgb,
}

impl Default for ChartStyle {
    fn default() -> Self {
        ChartStyle {
            scale: 1.0,
            font: "sans-serif",
            text: Rgb(0x1f, 0x23, 0x28),
            muted_text: Rgb(0x57, 0x60, 0x6a),
            grid: Rgb(0xd8, 0xde, 0xe4),
            background: Rgb(0xff, 0xff, 0xff),
        }
    }
}

fn colour(c: Rgb) -> RGBColor {
    RGBColor(c.0, c.1, c.2)
}

type DrawResult<DB> = Result<(), DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

/// Draws the chart into `area`: a legend, the y axis with en-GB figures, the bars, and marks for
/// figures that are incomplete or not reported.
pub fn draw<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, view: &ChartView, style: &ChartStyle) -> DrawResult<DB> {
    let s = style.scale;
    let px = |v: f64| (v * s).round() as i32;
    area.fill(&colour(style.background))?;
    let font = |size: f64| (style.font, size * s).into_font();
    let text = |size: f64, c: Rgb| {
        let mut t = TextStyle::from(font(size));
        t.color = colour(c).to_backend_color();
        t
    };

    let (width, height) = area.dim_in_pixel();
    if let Some(message) = &view.empty {
        let centre = (width as i32 / 2, height as i32 / 2);
        area.draw_text(message, &text(15.0, style.muted_text).pos(Pos::new(HPos::Center, VPos::Center)), centre)?;
        return Ok(());
    }

    // Legend: a swatch and a name per series, wrapped across lines.
    let legend_style = text(13.0, style.text);
    let swatch = px(12.0);
    let gap = px(16.0);
    let line_height = px(20.0);
    let mut x = px(8.0);
    let mut y = px(6.0);
    for series in &view.series {
        let (w, _) = area.estimate_text_size(&series.name, &legend_style)?;
        let item = swatch + px(6.0) + w as i32;
        if x > px(8.0) && x + item > width as i32 - px(8.0) {
            x = px(8.0);
            y += line_height;
        }
        area.draw(&Rectangle::new([(x, y + px(2.0)), (x + swatch, y + px(2.0) + swatch)], colour(series.colour).filled()))?;
        area.draw_text(&series.name, &legend_style, (x + swatch + px(6.0), y))?;
        x += item + gap;
    }
    let has_incomplete = view.series.iter().any(|s| s.incomplete.iter().any(|&b| b));
    if has_incomplete {
        let note = "* incomplete: leaves out figures not reported";
        let (w, _) = area.estimate_text_size(note, &legend_style)?;
        if x > px(8.0) && x + w as i32 > width as i32 - px(8.0) {
            x = px(8.0);
            y += line_height;
        }
        area.draw_text(note, &text(13.0, style.muted_text), (x, y))?;
    }
    let legend_height = y + line_height + px(4.0);
    let (_, plot_area) = area.split_vertically(legend_height);

    // Bar labels: shortened to fit their slot when the chart is narrow.
    let label_style = text(12.0, style.text);
    let y_axis_width = px(64.0);
    let n = view.labels.len().max(1);
    let slot = (width as i32 - y_axis_width - px(12.0)) / n as i32;
    let labels: Vec<String> =
        view.labels.iter().map(|l| fit_label(area, l, &label_style, slot - px(4.0))).collect::<Result<_, _>>()?;

    let max = nice_ceiling(view.max_value() * 1.08);
    let mut chart = ChartBuilder::on(&plot_area)
        .margin_right(px(12.0))
        .margin_top(px(4.0))
        .x_label_area_size(px(28.0))
        .y_label_area_size(y_axis_width)
        .build_cartesian_2d(0f64..n as f64, 0f64..max)?;
    let y_formatter = |v: &f64| format::number(*v);
    let x_formatter = |_: &f64| String::new();
    chart
        .configure_mesh()
        .disable_x_mesh()
        .x_labels(0)
        .x_label_formatter(&x_formatter)
        .y_labels(6)
        .y_label_formatter(&y_formatter)
        .y_desc(view.y_label.as_str())
        .label_style(text(12.0, style.muted_text))
        .axis_desc_style(text(12.0, style.muted_text))
        .bold_line_style(colour(style.grid))
        .light_line_style(TRANSPARENT)
        .axis_style(colour(style.muted_text))
        .set_all_tick_mark_size(px(4.0))
        .draw()?;

    let bar_margin = 0.16;
    for (i, label) in labels.iter().enumerate() {
        let left = i as f64 + bar_margin;
        let right = i as f64 + 1.0 - bar_margin;
        let mut base = 0.0;
        let mut any = false;
        let mut incomplete = false;
        for series in &view.series {
            incomplete |= series.incomplete[i];
            let Some(value) = series.values[i] else { continue };
            any = true;
            let top = if view.stacked { base + value } else { value };
            let fill = colour(series.colour);
            chart.draw_series(std::iter::once(Rectangle::new([(left, base), (right, top)], fill.filled())))?;
            if series.incomplete[i] {
                // Incomplete: outlined in the text colour so it does not rely on colour alone.
                chart.draw_series(std::iter::once(Rectangle::new(
                    [(left, base), (right, top)],
                    ShapeStyle::from(&colour(style.text)).stroke_width(px(1.5).max(1) as u32),
                )))?;
            }
            if view.stacked {
                base = top;
            } else {
                base = base.max(top);
            }
        }
        let (cx, top_px) = chart.backend_coord(&(i as f64 + 0.5, base));
        let mark = if !any {
            "not reported".to_string()
        } else if incomplete {
            format!("{}*", format::number(base))
        } else {
            format::number(base)
        };
        let mark = fit_label(area, &mark, &text(11.0, style.muted_text), slot)?;
        // backend_coord gives backend pixels; draw_text takes pixels relative to `area`.
        let (ox, oy) = area.get_base_pixel();
        area.draw_text(
            &mark,
            &text(11.0, style.muted_text).pos(Pos::new(HPos::Center, VPos::Bottom)),
            (cx - ox, top_px - px(3.0) - oy),
        )?;
        let (_, bottom) = chart.backend_coord(&(i as f64 + 0.5, 0.0));
        area.draw_text(label, &label_style.pos(Pos::new(HPos::Center, VPos::Top)), (cx - ox, bottom + px(6.0) - oy))?;
    }
    Ok(())
}

/// Shortens `label` with an ellipsis until it fits `max_width` pixels.
fn fit_label<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    label: &str,
    style: &TextStyle,
    max_width: i32,
) -> Result<String, DrawingAreaErrorKind<DB::ErrorType>> {
    let fits = |t: &str| -> Result<bool, DrawingAreaErrorKind<DB::ErrorType>> {
        Ok(area.estimate_text_size(t, style)?.0 as i32 <= max_width)
    };
    if fits(label)? {
        return Ok(label.to_string());
    }
    let chars: Vec<char> = label.chars().collect();
    for keep in (1..chars.len()).rev() {
        let candidate: String = chars[..keep].iter().collect::<String>() + "…";
        if fits(&candidate)? {
            return Ok(candidate);
        }
    }
    Ok(chars.first().map(|c| c.to_string()).unwrap_or_default())
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
