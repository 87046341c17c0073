//! Which surface the chart is on (light or dark), as the page's theme says (`--mi-chart-surface`
//! in `static/explorer.css`), followed when the visitor's setting changes or the page is printed.

use gloo::events::EventListener;
use workforce_core::palette::Surface;
use yew::prelude::*;

/// The surface the stylesheet gives the chart now.
#[cfg(target_arch = "wasm32")]
pub fn chart_surface() -> Surface {
    let dark = gloo::utils::document()
        .document_element()
        .and_then(|root| gloo::utils::window().get_computed_style(&root).ok().flatten())
        .and_then(|css| css.get_property_value("--mi-chart-surface").ok())
        .is_some_and(|v| v.trim() == "dark");
    if dark {
        Surface::Dark
    } else {
        Surface::Light
    }
}

/// Pre-rendering (natively, no stylesheet to read): the light surface, as the pre-rendered chart is drawn.
#[cfg(not(target_arch = "wasm32"))]
pub fn chart_surface() -> Surface {
    Surface::Light
}

/// The chart's surface, re-read when the colour scheme or print media changes.
#[hook]
pub fn use_chart_surface() -> Surface {
    let surface = use_state_eq(chart_surface);
    {
        let surface = surface.clone();
        use_effect_with((), move |_| {
            let listeners: Vec<EventListener> = ["(prefers-color-scheme: dark)", "print"]
                .into_iter()
                .filter_map(|q| crate::browser::media_query(q).map(|(media, _)| media))
                .map(|media| {
                    let surface = surface.clone();
                    EventListener::new(&media, "change", move |_| surface.set(chart_surface()))
                })
                .collect();
            move || drop(listeners)
        });
    }
    *surface
}
