//! The chart's legend in HTML: a button per series that hides or shows it (keyboard and
//! screen-reader usable), and what the chart's marks mean.

use std::rc::Rc;

use workforce_core::chart::{marks_used, NOT_REPORTED};
use workforce_core::selection::{Action, ChartKind};
use workforce_core::palette::Rgb;
use workforce_core::view::ChartView;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ChartLegendProps {
    pub view: Rc<ChartView>,
    pub on_action: Callback<Action>,
}

/// A swatch in the series colour, with the line chart's marker shape (so series differ by more
/// than colour). SVG presentation attributes, not inline styles: CSP-safe.
fn swatch(index: usize, colour: &str, reference: bool, lines: bool) -> Html {
    let shape = match if lines { index % 5 } else { 1 } {
        0 => html! { <circle cx="8" cy="8" r="5" fill={colour.to_string()} /> },
        1 => html! { <rect x="3" y="3" width="10" height="10" fill={colour.to_string()} /> },
        2 => html! { <polygon points="8,2 14,13 2,13" fill={colour.to_string()} /> },
        3 => html! { <polygon points="8,1 15,8 8,15 1,8" fill={colour.to_string()} /> },
        _ => html! { <path d="M3 3 L13 13 M3 13 L13 3" stroke={colour.to_string()} stroke-width="2.5" /> },
    };
    html! {
        <>
            { shape }
            if reference { <path d="M0 15 H4 M6 15 H10 M12 15 H16" stroke={colour.to_string()} stroke-width="2" /> }
        </>
    }
}

/// A series' swatch in the colour it is drawn in. Pre-rendered, the page's theme is not known yet:
/// both surfaces' colours are written (`.on-light` / `.on-dark`) and the stylesheet shows the
/// theme's, as it shows the pre-rendered chart's (`first_markup`).
fn swatch_box(index: usize, colour: Rgb, reference: bool, lines: bool) -> Html {
    #[cfg(not(target_arch = "wasm32"))]
    let shapes = {
        let dark = workforce_core::palette::on_surface(colour, workforce_core::palette::Surface::Dark).hex();
        html! {
            <>
                <g class="on-light">{ swatch(index, &colour.hex(), reference, lines) }</g>
                <g class="on-dark">{ swatch(index, &dark, reference, lines) }</g>
            </>
        }
    };
    #[cfg(target_arch = "wasm32")]
    let shapes = swatch(index, &colour.hex(), reference, lines);
    html! {
        <svg class="swatch" width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">{ shapes }</svg>
    }
}

/// The hatched placeholder the chart draws where a figure was not reported, as a swatch.
fn hatched_swatch() -> Html {
    html! {
        <svg class="swatch" width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
            <path d="M1 11 L6 6 M1 15 L10 6 M5 15 L14 6 M9 15 L14 10" stroke="currentColor" stroke-width="1" />
            <rect x="1.5" y="6.5" width="12" height="8" fill="none" stroke="currentColor" stroke-width="1" />
        </svg>
    }
}

#[component]
pub fn ChartLegend(props: &ChartLegendProps) -> Html {
    // The swatches in the colours the chart is drawn in (the dark surface's, in the dark theme).
    let surface = crate::hooks::use_chart_surface();
    let recoloured;
    let view = if surface == workforce_core::palette::Surface::Light {
        &*props.view
    } else {
        recoloured = props.view.on_surface(surface);
        &recoloured
    };
    if view.empty.is_some() {
        return html! {};
    }
    // Bars by partner are coloured by partner and named on the axis: no series to toggle.
    let per_point = view.series.len() == 1 && view.series[0].point_colours.is_some();
    let lines = view.kind == ChartKind::Trend;
    html! {
        <div class="legend" id="chart-legend">
            if !per_point {
                <ul class="legend-items" aria-label="Series (press to hide or show)">
                    { for view.series.iter().enumerate().map(|(i, s)| {
                        let key = s.key.clone();
                        let onclick = props.on_action.reform(move |_: MouseEvent| Action::ToggleSeries(key.clone()));
                        html! {
                            <li>
                                <button type="button" class={classes!("legend-item", s.hidden.then_some("off"), s.reference.is_some().then_some("reference"))}
                                    aria-pressed={(!s.hidden).to_string()} {onclick}>
                                    { swatch_box(i, s.colour, s.reference.is_some(), lines) }
                                    { &s.name }
                                </button>
                            </li>
                        }
                    }) }
                </ul>
            }
            <ul class="legend-marks">
                { for marks_used(view).into_iter().map(|m| html! { <li>{ (m == NOT_REPORTED).then(hatched_swatch) }{ m }</li> }) }
            </ul>
        </div>
    }
}
