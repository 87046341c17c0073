//! Where the chart is drawn: a canvas sized to its box times the device pixel ratio (crisp on
//! HiDPI), redrawn on every change and on resize, coloured from the page's theme. Hovering or
//! tapping a bar, segment or point shows its exact figure; so do the arrow keys once the chart has
//! focus, and a live region reads it out.

use std::rc::Rc;

use gloo::events::EventListener;
use plotters::prelude::*;
use web_sys::HtmlCanvasElement;
use workforce_core::chart::{self, hit_at, ChartStyle, Hit};

use crate::measured_backend::Measured;
use workforce_core::palette::Rgb;
use workforce_core::view::ChartView;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ChartCanvasProps {
    pub view: Rc<ChartView>,
    /// False while another tab hides the chart: a hidden canvas has no size to draw at.
    pub visible: bool,
}

/// The figure under the pointer or keyboard focus: its text and where to show it (CSS pixels).
#[derive(Debug, Clone, PartialEq)]
struct Tip {
    text: String,
    x: f64,
    y: f64,
    index: usize,
}

#[component]
pub fn ChartCanvas(props: &ChartCanvasProps) -> Html {
    let canvas_ref = use_node_ref();
    let hits = use_mut_ref(Vec::<Hit>::new);
    let tip = use_state(|| None::<Tip>);
    let redraw = use_force_update();
    use_effect_with((), move |_| {
        let listener = EventListener::new(&gloo::utils::window(), "resize", move |_| redraw.force_update());
        move || drop(listener)
    });
    {
        let canvas_ref = canvas_ref.clone();
        let view = props.view.clone();
        let visible = props.visible;
        let hits = hits.clone();
        // Runs after every render: on a new view, on showing the tab, and after a resize.
        use_effect(move || {
            if let Some(canvas) = canvas_ref.cast::<HtmlCanvasElement>().filter(|_| visible) {
                *hits.borrow_mut() = draw(&canvas, &view);
            }
        });
    }
    {
        // A new view invalidates what was hovered.
        let tip = tip.clone();
        use_effect_with(props.view.clone(), move |_| tip.set(None));
    }

    let ratio = || gloo::utils::window().device_pixel_ratio().clamp(1.0, 4.0);
    let show = {
        let view = props.view.clone();
        let tip = tip.clone();
        let canvas_ref = canvas_ref.clone();
        move |index: usize, hit: &Hit| {
            let r = ratio();
            // Keep the tip (up to about 22rem wide, centred on x) inside the chart.
            let width = canvas_ref.cast::<HtmlCanvasElement>().map_or(0.0, |c| f64::from(c.client_width()));
            let half = (width / 2.0).min(150.0);
            let x = (f64::from(hit.x0 + hit.x1) / 2.0 / r).clamp(half, (width - half).max(half));
            tip.set(Some(Tip {
                text: view.describe(hit.row, hit.series),
                x,
                y: f64::from(hit.y0) / r,
                index,
            }));
        }
    };
    let on_pointer = {
        let hits = hits.clone();
        let tip = tip.clone();
        let show = show.clone();
        Callback::from(move |e: PointerEvent| {
            let r = ratio();
            let (x, y) = ((f64::from(e.offset_x()) * r) as i32, (f64::from(e.offset_y()) * r) as i32);
            let hits = hits.borrow();
            match hit_at(&hits, x, y, (6.0 * r) as i32) {
                Some(hit) => {
                    let index = hits.iter().position(|h| *h == hit).unwrap_or(0);
                    show(index, &hit);
                }
                None => tip.set(None),
            }
        })
    };
    let on_leave = {
        let tip = tip.clone();
        Callback::from(move |_: PointerEvent| tip.set(None))
    };
    let on_key = {
        let hits = hits.clone();
        let tip = tip.clone();
        Callback::from(move |e: KeyboardEvent| {
            let hits = hits.borrow();
            if hits.is_empty() {
                return;
            }
            let current = (*tip).as_ref().map(|t| t.index);
            let (row, series) = current.and_then(|i| hits.get(i)).map_or((0, 0), |h| (h.row, h.series));
            // Bars in the order they are drawn (ranked charts differ from data order).
            let mut rows: Vec<usize> = Vec::new();
            for h in hits.iter() {
                if !rows.contains(&h.row) {
                    rows.push(h.row);
                }
            }
            let at = rows.iter().position(|&r| r == row).unwrap_or(0);
            let in_row = |r: usize| {
                hits.iter().position(|h| h.row == r && h.series == series).or_else(|| hits.iter().position(|h| h.row == r))
            };
            let step_series = |up: bool| {
                let candidates = hits.iter().enumerate().filter(|(_, h)| h.row == row);
                if up {
                    candidates.filter(|(_, h)| h.series > series).min_by_key(|(_, h)| h.series).map(|(i, _)| i)
                } else {
                    candidates.filter(|(_, h)| h.series < series).max_by_key(|(_, h)| h.series).map(|(i, _)| i)
                }
            };
            let next = match e.key().as_str() {
                k if current.is_none() && (k.starts_with("Arrow") || k == "Home") => Some(0),
                "ArrowRight" => rows.get(at + 1).and_then(|&r| in_row(r)),
                "ArrowLeft" => at.checked_sub(1).and_then(|a| rows.get(a)).and_then(|&r| in_row(r)),
                "ArrowUp" => step_series(true),
                "ArrowDown" => step_series(false),
                "Home" => rows.first().and_then(|&r| in_row(r)),
                "End" => rows.last().and_then(|&r| in_row(r)),
                "Escape" => {
                    tip.set(None);
                    return;
                }
                _ => return,
            };
            e.prevent_default();
            if let Some(i) = next {
                show(i, &hits[i]);
            }
        })
    };
    let on_blur = {
        let tip = tip.clone();
        Callback::from(move |_: FocusEvent| tip.set(None))
    };

    // Position the tip through the CSSOM: a strict Content-Security-Policy blocks style attributes.
    let tip_ref = use_node_ref();
    {
        let tip_ref = tip_ref.clone();
        use_effect_with((*tip).clone(), move |t| {
            if let (Some(t), Some(el)) = (t, tip_ref.cast::<web_sys::HtmlElement>()) {
                let style = el.style();
                let _ = style.set_property("left", &format!("{}px", t.x.round() as i32));
                let _ = style.set_property("top", &format!("{}px", t.y.round() as i32));
            }
        });
    }
    let label = format!("{} Use the arrow keys to read each figure: left and right move between bars or years, up and down between series.", props.view.alt);
    html! {
        <div class="chart-box">
            <canvas id="chart-canvas" ref={canvas_ref} role="img" tabindex="0" aria-label={label}
                aria-describedby="chart-readout"
                onpointermove={on_pointer.clone()} onpointerdown={on_pointer} onpointerleave={on_leave}
                onkeydown={on_key} onblur={on_blur}>
                { &props.view.alt }
            </canvas>
            if let Some(t) = &*tip {
                <div class="chart-tip" id="chart-tip" ref={tip_ref} aria-hidden="true">{ &t.text }</div>
            }
            <p id="chart-readout" class="visually-hidden" aria-live="polite">
                { tip.as_ref().map(|t| t.text.clone()).unwrap_or_default() }
            </p>
        </div>
    }
}

/// The chart's colours and font from the page's theme (CSS custom properties), so dark mode and
/// host sites' themes reach the canvas: `--mi-font` becomes the canvas text's font family as it
/// is (a CSS family list).
pub fn theme(element: &web_sys::Element, scale: f64) -> ChartStyle {
    let mut style = ChartStyle { scale, ..ChartStyle::default() };
    let Ok(Some(css)) = gloo::utils::window().get_computed_style(element) else { return style };
    if let Some(font) = css.get_property_value("--mi-font").ok().map(|f| f.trim().to_string()).filter(|f| !f.is_empty()) {
        style.font = font;
    }
    let read = |name: &str| css.get_property_value(name).ok().and_then(|v| Rgb::from_hex(v.trim()));
    if let Some(c) = read("--mi-chart-text") {
        style.text = c;
    }
    if let Some(c) = read("--mi-chart-muted") {
        style.muted_text = c;
    }
    if let Some(c) = read("--mi-chart-grid") {
        style.grid = c;
    }
    if let Some(c) = read("--mi-chart-bg") {
        style.background = c;
    }
    style
}

/// Sizes the canvas buffer to its CSS box at the device pixel ratio, draws the view and returns
/// where each figure landed (in canvas pixels).
pub fn draw(canvas: &HtmlCanvasElement, view: &ChartView) -> Vec<Hit> {
    let ratio = gloo::utils::window().device_pixel_ratio().clamp(1.0, 4.0);
    let width = (f64::from(canvas.client_width().max(1)) * ratio).round() as u32;
    let height = (f64::from(canvas.client_height().max(1)) * ratio).round() as u32;
    if canvas.width() != width {
        canvas.set_width(width);
    }
    if canvas.height() != height {
        canvas.set_height(height);
    }
    let Some(backend) = Measured::canvas(canvas) else { return Vec::new() };
    let root = backend.into_drawing_area();
    let hits = match chart::draw(&root, view, &theme(canvas, ratio)) {
        Ok(hits) => hits,
        Err(e) => {
            gloo::console::error!(format!("the chart could not be drawn: {e:?}"));
            Vec::new()
        }
    };
    let _ = root.present();
    // A signal for benchmarks and tests: how many times the chart has been drawn.
    let count = canvas.get_attribute("data-draws").and_then(|c| c.parse::<u64>().ok()).unwrap_or(0);
    let _ = canvas.set_attribute("data-draws", &(count + 1).to_string());
    hits
}
