//! The importer web worker: says `"ready"` once it can take files, then receives `[[name, bytes], …]`, answers with the opened table
//! (`own_files::encode`) or the error, as `{ok: true, table}` / `{ok: false, error}`. Parsing
//! here keeps the page responsive, and keeps the HESA parser out of the page's first download.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};
use hesa_import::own_files;

fn main() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_to = scope.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let answer = js_sys::Object::new();
        let files: Vec<(String, Vec<u8>)> = js_sys::Array::from(&event.data())
            .iter()
            .map(|pair| {
                let pair = js_sys::Array::from(&pair);
                let name = pair.get(0).as_string().unwrap_or_default();
                let bytes = js_sys::Uint8Array::new(&pair.get(1)).to_vec();
                (name, bytes)
            })
            .collect();
        let result = own_files::import(&files);
        let _ = js_sys::Reflect::set(&answer, &"ok".into(), &result.is_ok().into());
        match result {
            Ok(imported) => {
                let _ = js_sys::Reflect::set(&answer, &"table".into(), &own_files::encode(&imported).into());
            }
            Err(e) => {
                let _ = js_sys::Reflect::set(&answer, &"error".into(), &e.to_string().into());
            }
        }
        let _ = reply_to.post_message(&answer);
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    // Messages sent before the handler was set would be lost: say when files may come.
    let _ = scope.post_message(&"ready".into());
}
