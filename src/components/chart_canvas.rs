//! Where the bar chart is drawn: a canvas sized to its box times the device pixel ratio (crisp on
//! HiDPI), redrawn on every change and on resize, with the chart's text alternative as its label.

use std::rc::Rc;

use gloo::events::EventListener;
use plotters::prelude::*;
use plotters_canvas::CanvasBackend;
use web_sys::HtmlCanvasElement;
use workforce_core::chart::{self, ChartStyle};
use workforce_core::view::ChartView;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ChartCanvasProps {
    pub view: Rc<ChartView>,
    /// False while another tab hides the chart: a hidden canvas has no size to draw at.
    pub visible: bool,
}

#[component]
pub fn ChartCanvas(props: &ChartCanvasProps) -> Html {
    let canvas_ref = use_node_ref();
    let redraw = use_force_update();
    use_effect_with((), move |_| {
        let listener = EventListener::new(&gloo::utils::window(), "resize", move |_| redraw.force_update());
        move || drop(listener)
    });
    {
        let canvas_ref = canvas_ref.clone();
        let view = props.view.clone();
        let visible = props.visible;
        // Runs after every render: on a new view, on showing the tab, and after a resize.
        use_effect(move || {
            if let Some(canvas) = canvas_ref.cast::<HtmlCanvasElement>().filter(|_| visible) {
                draw(&canvas, &view);
            }
        });
    }
    html! {
        <canvas id="chart-canvas" ref={canvas_ref} role="img" aria-label={props.view.alt.clone()}>
            { &props.view.alt }
        </canvas>
    }
}

/// Sizes the canvas buffer to its CSS box at the device pixel ratio and draws the view.
pub fn draw(canvas: &HtmlCanvasElement, view: &ChartView) {
    let ratio = gloo::utils::window().device_pixel_ratio().clamp(1.0, 4.0);
    let width = (f64::from(canvas.client_width().max(1)) * ratio).round() as u32;
    let height = (f64::from(canvas.client_height().max(1)) * ratio).round() as u32;
    if canvas.width() != width {
        canvas.set_width(width);
    }
    if canvas.height() != height {
        canvas.set_height(height);
    }
    let Some(backend) = CanvasBackend::with_canvas_object(canvas.clone()) else { return };
    let root = backend.into_drawing_area();
    let style = ChartStyle { scale: ratio, ..ChartStyle::default() };
    if let Err(e) = chart::draw(&root, view, &style) {
        gloo::console::error!(format!("the chart could not be drawn: {e:?}"));
    }
    let _ = root.present();
    // A signal for benchmarks and tests: how many times the chart has been drawn.
    let count = canvas.get_attribute("data-draws").and_then(|c| c.parse::<u64>().ok()).unwrap_or(0);
    let _ = canvas.set_attribute("data-draws", &(count + 1).to_string());
}
