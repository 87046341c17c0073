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
pub fn start() {
    let document = gloo::utils::document();
    match document.get_element_by_id("app") {
        Some(root) => {
            root.set_inner_html("");
            yew::Renderer::<app::App>::with_root(root).render();
        }
        None => {
            yew::Renderer::<app::App>::new().render();
        }
    }
}
