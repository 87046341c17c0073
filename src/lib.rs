//! The explorer's web front end: thin Yew components over `workforce_core`.
//!
//! `state` holds the one reducer; `hooks/` holds the side effects (one hook per file);
//! `components/` holds one component per file; `app` lays them out and wires them.

pub mod app;
pub mod browser;
pub mod bundled;
pub mod chart_export;
pub mod components;
pub mod hooks;
pub mod importer_client;
pub mod measured_backend;
pub mod state;

/// Mounts the explorer into `#app` (or the body when the host page has no such element).
///
/// The release page arrives pre-rendered (`src/bin/prerender.rs`): the same components, the chart
/// as inline SVG. The app takes over by clearing `#app` and rendering into it, not by hydration:
/// yew renders the whole page, then the canvas draws, in microtasks of this one task, so the browser
/// paints the old page or the new one, never an empty root, and the new page has the same layout
/// (same components, same state). Hydration would need yew's `hydration` feature (more wasm for the
/// first view's 200 KB budget) and a client render matching the server's node for node, which the
/// canvas (SVG on the server) does not. The chart's SVG is kept, over the canvas, until the canvas
/// has drawn (`ChartCanvas`), should yew's scheduler yield to the browser between the two (it may,
/// after 16 ms, once the DOM is built and before effects run).
pub fn start() {
    let document = gloo::utils::document();
    let query = browser::query();
    // The pre-rendered chart's element itself, kept (clearing the root does not destroy it).
    let first_chart = document.query_selector(".chart-first").ok().flatten();
    let props = app::AppProps { query: query.clone().into(), embedded: browser::is_embedded(&query), first_chart, bundle: None };
    match document.get_element_by_id("app") {
        Some(root) => {
            root.set_inner_html("");
            yew::Renderer::<app::App>::with_root_and_props(root, props).render();
        }
        None => {
            yew::Renderer::<app::App>::with_props(props).render();
        }
    }
}
