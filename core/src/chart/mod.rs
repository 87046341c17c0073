//! Drawing a [`ChartView`] with plotters, generic over the drawing backend: the same routine draws
//! on the page's canvas (at the screen's pixel ratio), into a PNG at 2x, and into SVG (downloads
//! and native tests). It returns where each bar, segment or point landed, for hover and keyboard.
//!
//! One concern a file: `axis` (the plot, value axis, ticks, reference line), `bars` (vertical
//! and horizontal bars, one routine), `lines`, `legend` (the image's legend and what the marks
//! mean), `text` (fonts, fitted labels, the frame's title and footer), `hits` (hover targets).

mod axis;
mod bars;
mod hits;
mod legend;
mod lines;
mod text;

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

pub use axis::{nice_ceiling, round_axis};
pub use hits::{hit_at, year_at, year_readout, Hit, ReadoutLine};
pub use legend::{marks_used, NOT_REPORTED};

use crate::palette::{Rgb, Surface, DARK_SURFACE};
use crate::selection::ChartKind;
use crate::view::ChartView;

/// Sizes, colours and the font. `scale` multiplies every size (the device pixel ratio for crisp
/// HiDPI canvases, 2 for a print PNG).
#[derive(Debug, Clone, PartialEq)]
pub struct ChartStyle {
    pub scale: f64,
    /// A CSS font family list (the theme's `--mi-font`), used as it is by the canvas and the SVG.
    pub font: String,
    pub text: Rgb,
    pub muted_text: Rgb,
    pub grid: Rgb,
    pub background: Rgb,
    /// Draw the legend in the image (downloads). On the page the legend is HTML.
    pub legend: bool,
    /// A title above and lines of source text below (downloads).
    pub frame: Option<Frame>,
    /// The surface drawn on: on the dark one every series takes its dark-surface colour
    /// ([`crate::palette::on_surface`]). Downloads are always light.
    pub surface: Surface,
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
            surface: Surface::Light,
        }
    }
}

impl ChartStyle {
    /// The page's dark theme: text, grid and surface as `--mi-chart-*` in `static/explorer.css`'s
    /// dark theme (a test holds the stylesheet to these), and the dark-surface palette.
    pub fn dark() -> ChartStyle {
        ChartStyle {
            text: Rgb(0xe6, 0xed, 0xf3),
            muted_text: Rgb(0x9d, 0xa7, 0xb3),
            grid: Rgb(0x30, 0x36, 0x3d),
            background: DARK_SURFACE,
            surface: Surface::Dark,
            ..ChartStyle::default()
        }
    }
}

type DrawError<DB> = DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>;

fn colour(c: Rgb) -> RGBColor {
    RGBColor(c.0, c.1, c.2)
}

/// What every part of the drawing reads: the style and its scale.
struct Ctx<'a> {
    s: f64,
    style: &'a ChartStyle,
}

impl Ctx<'_> {
    fn px(&self, v: f64) -> i32 {
        (v * self.s).round() as i32
    }
}

/// The smallest plot (before scaling) an image is given by [`required_height`].
const MIN_PLOT: f64 = 420.0;

/// The height an image of the area's width needs for the frame's wrapped title and footer, the
/// legend and a plot of a readable size. A caller free to choose the height (downloads) gives at
/// least this; a caller with a fixed size gets a smaller plot instead, never cut text.
pub fn required_height<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, view: &ChartView, style: &ChartStyle) -> Result<u32, DrawError<DB>> {
    let cx = Ctx { s: style.scale, style };
    let (top, below) = text::frame_bands(area, &cx)?;
    let legend = if style.legend && view.empty.is_none() { legend::draw(area, view, &cx, top, false)? - top } else { 0 };
    Ok((top + legend + cx.px(MIN_PLOT) + below).max(0) as u32)
}

/// What the chart says when the visitor has hidden every series in the legend.
pub const ALL_HIDDEN: &str = "All series are hidden: choose one in the legend to show it.";

/// Draws the chart into `area` and returns where each figure landed.
pub fn draw<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, view: &ChartView, style: &ChartStyle) -> Result<Vec<Hit>, DrawError<DB>> {
    let cx = Ctx { s: style.scale, style };
    let recoloured;
    let view = if style.surface == Surface::Light {
        view
    } else {
        recoloured = view.on_surface(style.surface);
        &recoloured
    };
    area.fill(&colour(style.background))?;
    let (width, height) = area.dim_in_pixel();
    let (mut top, bottom) = text::draw_frame(area, &cx)?;

    let all_hidden = !view.series.is_empty() && view.series.iter().all(|s| s.hidden);
    let message = view.empty.as_deref().or(all_hidden.then_some(ALL_HIDDEN));
    if let Some(message) = message {
        let text = cx.text(15.0, style.muted_text).pos(Pos::new(HPos::Center, VPos::Center));
        let lines = text::wrap(area, message, &text, width as i32 - cx.px(24.0))?;
        let line = cx.px(21.0);
        let first = (top + bottom) / 2 - line * (lines.len() as i32 - 1) / 2;
        for (i, l) in lines.iter().enumerate() {
            area.draw_text(l, &text, (width as i32 / 2, first + line * i as i32))?;
        }
        return Ok(Vec::new());
    }

    if style.legend {
        top = legend::draw(area, view, &cx, top, true)?;
    }
    let plot = area.margin(top, height as i32 - bottom, 0, 0);
    match view.kind {
        ChartKind::Trend => lines::draw(&plot, view, &cx),
        _ => bars::draw(&plot, view, &cx),
    }
}
