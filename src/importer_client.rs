//! Opens the visitor's files through the importer web worker (`importer/`): the bytes go to the
//! worker, the opened table comes back. The page's own wasm never parses a HESA download.

use std::cell::RefCell;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use hesa_import::own_files;
use workforce_core::Dataset;

thread_local! {
    /// One worker for the page, started the first time a file is opened, with a promise that
    /// settles when it says it is ready.
    static WORKER: RefCell<Option<(web_sys::Worker, js_sys::Promise)>> = const { RefCell::new(None) };
}

fn worker() -> Result<(web_sys::Worker, js_sys::Promise), String> {
    WORKER.with(|w| {
        if let Some(started) = w.borrow().as_ref() {
            return Ok(started.clone());
        }
        let worker = web_sys::Worker::new("./importer_loader.js").map_err(|_| "the importer could not start".to_string())?;
        let listener = worker.clone();
        let ready = js_sys::Promise::new(&mut |resolve, reject| {
            let on_ready = Closure::once_into_js(move |_: web_sys::MessageEvent| {
                let _ = resolve.call0(&JsValue::NULL);
            });
            let on_error = Closure::once_into_js(move |_: web_sys::Event| {
                let _ = reject.call1(&JsValue::NULL, &"the importer could not start".into());
            });
            listener.set_onmessage(Some(on_ready.unchecked_ref()));
            listener.set_onerror(Some(on_error.unchecked_ref()));
        });
        *w.borrow_mut() = Some((worker.clone(), ready.clone()));
        Ok((worker, ready))
    })
}

/// Opens `(name, bytes)` files as one dataset, off the page's thread.
pub async fn open(files: Vec<(String, Vec<u8>)>) -> Result<Dataset, String> {
    let (worker, ready) = worker()?;
    wasm_bindgen_futures::JsFuture::from(ready).await.map_err(|e| e.as_string().unwrap_or_else(|| "the importer could not start".into()))?;
    let message = js_sys::Array::new();
    for (name, bytes) in &files {
        message.push(&js_sys::Array::of2(&name.into(), &js_sys::Uint8Array::from(bytes.as_slice())));
    }
    let listener = worker.clone();
    let answer = js_sys::Promise::new(&mut |resolve, reject| {
        let on_message = Closure::once_into_js(move |e: web_sys::MessageEvent| {
            let _ = resolve.call1(&JsValue::NULL, &e.data());
        });
        let on_error = Closure::once_into_js(move |_: web_sys::Event| {
            let _ = reject.call1(&JsValue::NULL, &"the importer stopped".into());
        });
        listener.set_onmessage(Some(on_message.unchecked_ref()));
        listener.set_onerror(Some(on_error.unchecked_ref()));
    });
    worker.post_message(&message).map_err(|_| "the files could not be passed to the importer".to_string())?;
    let answer = wasm_bindgen_futures::JsFuture::from(answer).await.map_err(|e| e.as_string().unwrap_or_else(|| "the importer failed".into()))?;
    let field = |k: &str| js_sys::Reflect::get(&answer, &k.into()).ok();
    if field("ok").and_then(|v| v.as_bool()) != Some(true) {
        return Err(field("error").and_then(|v| v.as_string()).unwrap_or_else(|| "the files could not be read".into()));
    }
    let text = field("table").and_then(|v| v.as_string()).ok_or("the importer sent nothing back")?;
    let imported = own_files::decode(&text).map_err(|e| e.to_string())?;
    own_files::into_dataset(&imported).map_err(|e| e.to_string())
}
