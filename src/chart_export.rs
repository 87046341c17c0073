//! The chart as a PNG (at 2x, for print and slides) or an SVG, drawn by the same routine as the
//! canvas, with the caption's fields in the image: the title and period above; what is counted,
//! every provider shown, the notes, the source, the licence and the link below.

use plotters::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use workforce_core::chart::{self, ChartStyle, Frame};
use workforce_core::export;
use workforce_core::view::{Caption, ChartView};

use crate::browser;
use crate::measured_backend::Measured;

/// The exported image's size in CSS pixels (the PNG is twice this).
pub const WIDTH: u32 = 1200;
pub const HEIGHT: u32 = 760;

fn style(scale: f64, caption: &Caption, page_url: &str) -> ChartStyle {
    ChartStyle {
        scale,
        legend: true,
        frame: Some(Frame { title: caption.heading(), footer: export::image_footer(caption, page_url) }),
        ..ChartStyle::default()
    }
}

/// Draws the chart at 2x on a detached canvas and offers it as a PNG.
pub fn download_png(view: &ChartView, caption: &Caption, page_url: &str, name: &str) -> Result<(), String> {
    let document = gloo::utils::document();
    let canvas: web_sys::HtmlCanvasElement =
        document.create_element("canvas").map_err(|_| "no canvas")?.dyn_into().map_err(|_| "no canvas")?;
    canvas.set_width(WIDTH * 2);
    canvas.set_height(HEIGHT * 2);
    let root = Measured::canvas(&canvas).ok_or("no canvas to draw on")?.into_drawing_area();
    chart::draw(&root, view, &style(2.0, caption, page_url)).map_err(|e| e.to_string())?;
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
    let mut out = String::new();
    {
        let root = Measured::svg(&mut out, (WIDTH, HEIGHT)).ok_or("no canvas to measure text")?.into_drawing_area();
        chart::draw(&root, view, &style(1.0, caption, page_url)).map_err(|e| e.to_string())?;
        root.present().map_err(|e| e.to_string())?;
    }
    Ok(out)
}
