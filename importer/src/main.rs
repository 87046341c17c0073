//! The importer web worker: says `"ready"` once it can take files, then answers each request
//! `{id, files}` with the opened dataset's cube or the error, under the request's id (the
//! messages are in `protocol.rs`). Parsing here keeps the page responsive, and keeps the HESA
//! parser (the `hesa-import` crate) out of the page's first download.

mod protocol;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

fn main() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_to = scope.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        // A message that is not a request has no id to answer under: it is ignored.
        let Some((id, files)) = protocol::read_request(&event.data()) else { return };
        let result = hesa_import::own_files::import(&files).map(|d| d.into_parts()).map_err(|e| e.to_string());
        let (answer, transfer) = protocol::answer(id, result);
        let _ = reply_to.post_message_with_transfer(&answer, &transfer);
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    // Messages sent before the handler was set would be lost: say when files may come.
    let _ = scope.post_message(&protocol::READY.into());
}
