//! The few browser services the explorer uses: the address bar and history, the clipboard,
//! downloads, and telling a host page the explorer's height. Nothing here is sent anywhere.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The `<meta name="explorer-view">` a published view's pre-rendered page carries: its query.
const VIEW_META: &str = "meta[name=explorer-view]";

/// The published view a pre-rendered page under `views/` shows (its query, without `?`; with
/// `embed=1` first on its embed page, `views/embed/<name>.html`).
fn published_query() -> Option<String> {
    let meta = gloo::utils::document().query_selector(VIEW_META).ok().flatten()?;
    meta.get_attribute("content")
}

/// The page's query string, with its `?`. On a published view's page (`views/<name>.html`), the
/// view it publishes, with the page's own parameters (`embed`) in front, as `use_url_sync` writes them.
pub fn query() -> String {
    let search = gloo::utils::window().location().search().unwrap_or_default();
    let Some(published) = published_query() else { return search };
    let own_only = form_urlencoded::parse(search.trim_start_matches('?').as_bytes())
        .all(|(k, _)| workforce_core::url_state::PAGE_PARAMETERS.contains(&k.as_ref()));
    if !own_only {
        return search;
    }
    // An embed's page names `embed=1` itself; a full page's embeds when its link asks.
    let view = if is_embedded(&search) && !is_embedded(&published) { embed_query(&published) } else { published };
    format!("?{view}")
}

/// The explorer's own address, without a query: the page's, or on a published view's page the
/// explorer's main page (the document's base, `../`), so a changed view is a link like any other.
fn page_path() -> String {
    let document = gloo::utils::document();
    if published_query().is_some() {
        if let Ok(Some(base)) = document.base_uri() {
            return base.split(['?', '#']).next().unwrap_or_default().to_string();
        }
    }
    let location = gloo::utils::window().location();
    format!("{}{}", location.origin().unwrap_or_default(), location.pathname().unwrap_or_default())
}

/// `embed.js` beside the page at `page_url` (the host page's resizer the embed snippet loads).
pub fn embed_script_url(page_url: &str) -> String {
    page_url.split('?').next().unwrap_or_default().trim_end_matches("index.html").to_string() + "embed.js"
}

/// Whether the page runs in embed mode (`?embed=1`).
pub fn is_embedded(query: &str) -> bool {
    form_urlencoded::parse(query.trim_start_matches('?').as_bytes()).any(|(k, v)| k == "embed" && v != "0")
}

/// A view's query string in embed mode (`embed=1` first).
pub fn embed_query(query: &str) -> String {
    if query.is_empty() {
        "embed=1".to_string()
    } else {
        format!("embed=1&{query}")
    }
}

/// Sets the page's look on its root element (`<html>`): the attributes
/// `workforce_core::page_options::PageOptions::root_attributes` gives, read by the stylesheet.
/// Attributes, not inline styles: the page's Content-Security-Policy allows no style attribute.
#[cfg(target_arch = "wasm32")]
pub fn set_root_attributes(attributes: &[(&str, &str)]) {
    if let Some(root) = gloo::utils::document().document_element() {
        for (name, value) in attributes {
            let _ = root.set_attribute(name, value);
        }
    }
}

/// Pre-rendering: the build writes a link's look onto `<html>` itself (`src/bin/prerender.rs`).
#[cfg(not(target_arch = "wasm32"))]
pub fn set_root_attributes(_attributes: &[(&str, &str)]) {}

/// `window.matchMedia(query)` as an event target (its `change` event) and whether it matches now.
/// Called through JavaScript's reflection: web-sys's `MediaQueryList` feature would rebuild every
/// crate on web-sys for two calls.
pub fn media_query(query: &str) -> Option<(web_sys::EventTarget, bool)> {
    let window = gloo::utils::window();
    let match_media: js_sys::Function = js_sys::Reflect::get(&window, &"matchMedia".into()).ok()?.dyn_into().ok()?;
    let list = match_media.call1(&window, &query.into()).ok()?;
    let matches = js_sys::Reflect::get(&list, &"matches".into()).ok()?.as_bool().unwrap_or(false);
    Some((list.dyn_into().ok()?, matches))
}

/// Whether the page is being printed (print media applies).
pub fn printing() -> bool {
    media_query("print").is_some_and(|(_, m)| m)
}

/// The page's address for a query string (keeping `embed` when embedded).
#[cfg(target_arch = "wasm32")]
pub fn url_for(query: &str) -> String {
    let base = page_path();
    if query.is_empty() {
        base
    } else {
        format!("{base}?{query}")
    }
}

/// Pre-rendered at build time, the page does not know where it will be served: no address (the
/// citation then names none until the page has taken over).
#[cfg(not(target_arch = "wasm32"))]
pub fn url_for(_query: &str) -> String {
    String::new()
}

/// A published view's pre-rendered pages: `(its page, its embed's page)` (`views/<name>.html`,
/// `views/embed/<name>.html` beside the explorer's main page).
#[cfg(target_arch = "wasm32")]
pub fn published_urls(name: &str) -> (String, String) {
    let path = page_path();
    let root = &path[..path.rfind('/').map_or(0, |i| i + 1)];
    (format!("{root}views/{name}.html"), format!("{root}views/embed/{name}.html"))
}

/// Pre-rendered at build time: addresses relative to the main page.
#[cfg(not(target_arch = "wasm32"))]
pub fn published_urls(name: &str) -> (String, String) {
    (format!("views/{name}.html"), format!("views/embed/{name}.html"))
}

/// Records a new state in the browser history, so back and forward move through states
/// (`replace`: correct the current entry instead, as when a link's ignored settings are dropped).
pub fn push_query(query: &str, replace: bool) {
    let current = self::query();
    let wanted = if query.is_empty() { String::new() } else { format!("?{query}") };
    if current == wanted {
        return;
    }
    let url = if query.is_empty() { page_path() } else { format!("{}{wanted}", page_path()) };
    if let Ok(history) = gloo::utils::window().history() {
        let _ = if replace {
            history.replace_state_with_url(&JsValue::NULL, "", Some(&url))
        } else {
            history.push_state_with_url(&JsValue::NULL, "", Some(&url))
        };
    }
}

/// Copies text to the clipboard; `done(true)` once copied.
pub fn copy(text: &str, done: impl FnOnce(bool) + 'static) {
    let clipboard = gloo::utils::window().navigator().clipboard();
    let promise = clipboard.write_text(text);
    wasm_bindgen_futures::spawn_local(async move {
        let ok = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
        done(ok);
    });
}

/// Offers bytes as a download.
pub fn download(name: &str, mime: &str, bytes: &[u8]) {
    let array = js_sys::Uint8Array::from(bytes);
    let parts = js_sys::Array::of1(&array);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options) else { return };
    download_blob(name, &blob);
}

/// Offers a blob as a download, through a temporary link.
pub fn download_blob(name: &str, blob: &web_sys::Blob) {
    let Ok(url) = web_sys::Url::create_object_url_with_blob(blob) else { return };
    let document = gloo::utils::document();
    if let Some(a) = document.create_element("a").ok().and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok()) {
        a.set_href(&url);
        a.set_download(name);
        a.set_hidden(true);
        let _ = gloo::utils::body().append_child(&a);
        a.click();
        a.remove();
    }
    // Revoke once the download has started.
    let revoke = Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    let _ = gloo::utils::window().set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 10_000);
}

/// In an iframe, tells the host page the explorer's height whenever it changes. Only the height
/// is posted; the host's embed script checks where the message came from.
pub fn post_height_to_host() -> Option<web_sys::ResizeObserver> {
    let window = gloo::utils::window();
    let parent = window.parent().ok().flatten()?;
    if parent == window {
        return None;
    }
    let post = move || {
        // The body's own height: the document's would never shrink below the frame's.
        let height = gloo::utils::document().body().map_or(0, |b| b.get_bounding_client_rect().height().ceil() as i32);
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"type".into(), &"mi-explorer:height".into());
        let _ = js_sys::Reflect::set(&message, &"height".into(), &height.into());
        // The height is not a secret: any host may read it.
        let _ = parent.post_message(&message, "*");
    };
    post();
    let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |_| post());
    let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
    callback.forget();
    if let Some(body) = gloo::utils::document().body() {
        observer.observe(&body);
    }
    Some(observer)
}

/// Fetches a file of the site (relative to the page) as text.
pub async fn fetch_text(path: &str) -> Result<String, String> {
    let window = gloo::utils::window();
    let response = wasm_bindgen_futures::JsFuture::from(window.fetch_with_str(path)).await.map_err(|e| describe(&e))?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| "not a response".to_string())?;
    if !response.ok() {
        // Read the answer to its end all the same: a body left unread keeps the request open, and
        // the browser reports it aborted when the visitor moves on.
        if let Ok(body) = response.text() {
            let _ = wasm_bindgen_futures::JsFuture::from(body).await;
        }
        return Err(format!("{} answered {}", path, response.status()));
    }
    let text = wasm_bindgen_futures::JsFuture::from(response.text().map_err(|e| describe(&e))?).await.map_err(|e| describe(&e))?;
    text.as_string().ok_or_else(|| "the answer was not text".to_string())
}

fn describe(e: &JsValue) -> String {
    js_sys::Error::from(e.clone()).message().as_string().unwrap_or_else(|| "the browser could not do it".to_string())
}

/// Moves focus to the element with this id, if it is on the page.
pub fn focus(id: &str) {
    if let Some(element) = gloo::utils::document().get_element_by_id(id).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = element.focus();
    }
}
