//! The chart as a PNG (at 2x, for print and slides) or an SVG, drawn by the same routine as the
//! canvas, with the caption's fields in the image: the title and period above; what is counted,
//! every provider shown, the notes, the source, the licence and the link below. The image is as
//! tall as its wrapped title and notes need ([`chart::required_height`]), and its text is in the
//! page's theme font (`--mi-font`).

use plotters::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use workforce_core::chart::{self, ChartStyle, Frame};
use workforce_core::export;
use workforce_core::view::{Caption, ChartView};

use crate::browser;
use crate::measured_backend::Measured;

/// The exported image's width and least height in CSS pixels (the PNG is twice this).
pub const WIDTH: u32 = 1200;
pub const HEIGHT: u32 = 760;

/// The page's theme font (`--mi-font` on the root element), as the canvas on the page reads it.
fn theme_font() -> Option<String> {
    let root = gloo::utils::document().document_element()?;
    let css = gloo::utils::window().get_computed_style(&root).ok()??;
    css.get_property_value("--mi-font").ok().map(|f| f.trim().to_string()).filter(|f| !f.is_empty())
}

/// The image's style: light colours (for print and slides), the theme's font, the legend and
/// the caption's words around the chart.
pub fn style(scale: f64, font: Option<String>, caption: &Caption, page_url: &str) -> ChartStyle {
    let default = ChartStyle::default();
    ChartStyle {
        scale,
        font: font.unwrap_or(default.font.clone()),
        legend: true,
        frame: Some(Frame { title: caption.heading(), footer: export::image_footer(caption, page_url) }),
        ..default
    }
}

/// The image's height in CSS pixels: the fixed height, or more when the wrapped title, legend
/// and notes need it.
fn height_for<DB: DrawingBackend>(root: &DrawingArea<DB, plotters::coord::Shift>, view: &ChartView, style: &ChartStyle) -> u32 {
    let needed = chart::required_height(root, view, style).unwrap_or(0);
    HEIGHT.max((f64::from(needed) / style.scale).ceil() as u32)
}

/// Draws the chart at 2x on a detached canvas and offers it as a PNG.
pub fn download_png(view: &ChartView, caption: &Caption, page_url: &str, name: &str) -> Result<(), String> {
    let document = gloo::utils::document();
    let canvas: web_sys::HtmlCanvasElement =
        document.create_element("canvas").map_err(|_| "no canvas")?.dyn_into().map_err(|_| "no canvas")?;
    let style = style(2.0, theme_font(), caption, page_url);
    canvas.set_width(WIDTH * 2);
    canvas.set_height(HEIGHT * 2);
    let height = height_for(&Measured::canvas(&canvas).ok_or("no canvas to draw on")?.into_drawing_area(), view, &style);
    canvas.set_height(height * 2);
    let root = Measured::canvas(&canvas).ok_or("no canvas to draw on")?.into_drawing_area();
    chart::draw(&root, view, &style).map_err(|e| e.to_string())?;
    root.present().map_err(|e| e.to_string())?;
    let name = name.to_string();
    let done = Closure::once_into_js(move |blob: JsValue| {
        if let Ok(blob) = blob.dyn_into::<web_sys::Blob>() {
            browser::download_blob(&name, &blob);
        }
    });
    canvas.to_blob(done.unchecked_ref()).map_err(|_| "the image could not be encoded".to_string())
}

/// Draws the chart into SVG text.
pub fn svg(view: &ChartView, caption: &Caption, page_url: &str) -> Result<String, String> {
    let style = style(1.0, theme_font(), caption, page_url);
    let height = {
        let mut scratch = String::new();
        let root = Measured::svg(&mut scratch, (WIDTH, HEIGHT)).ok_or("no canvas to measure text")?.into_drawing_area();
        height_for(&root, view, &style)
    };
    let mut out = String::new();
    {
        let root = Measured::svg(&mut out, (WIDTH, height)).ok_or("no canvas to measure text")?.into_drawing_area();
        chart::draw(&root, view, &style).map_err(|e| e.to_string())?;
        root.present().map_err(|e| e.to_string())?;
    }
    Ok(out)
}
