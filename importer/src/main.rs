//! The importer web worker: says `"ready"` once it can take files, then answers each request
//! `{id, files}` with the opened dataset's cube or the error, under the request's id (the
//! messages are in `protocol.rs`). Reading and parsing here keeps the page responsive, and keeps
//! the HESA parser (the `hesa-import` crate) and the reading of files out of the page's download.

mod protocol;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{DedicatedWorkerGlobalScope, File, MessageEvent};
use workforce_core::error::ErrorKind;
use workforce_core::{DataError, MAX_FILE_BYTES};

fn main() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_to = scope.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        // A message that is not a request has no id to answer under: it is ignored.
        let Some((id, files)) = protocol::read_request(&event.data()) else { return };
        let reply_to = reply_to.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let result = match read(&files).await {
                Ok(read) => hesa_import::own_files::import(&read).map(|d| d.into_parts()).map_err(|e| e.to_string()),
                Err(e) => Err(e),
            };
            let (answer, transfer) = protocol::answer(id, result);
            let _ = reply_to.post_message_with_transfer(&answer, &transfer);
        });
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    // Messages sent before the handler was set would be lost: say when files may come.
    let _ = scope.post_message(&protocol::READY.into());
}

/// Each file's name and bytes, refusing one too large for a HESA table download before reading it
/// (with the importer's own message for it, as `own_files::import` gives once a file is read).
async fn read(files: &[File]) -> Result<Vec<(String, Vec<u8>)>, String> {
    let mut read = Vec::with_capacity(files.len());
    for file in files {
        let name = file.name();
        if file.size() > MAX_FILE_BYTES as f64 {
            let kind = ErrorKind::TooLarge { megabytes: (file.size() / (1024.0 * 1024.0)) as usize, max_megabytes: MAX_FILE_BYTES / (1024 * 1024) };
            return Err(DataError::new(&name, kind).to_string());
        }
        let buffer = JsFuture::from(file.array_buffer()).await.map_err(|_| format!("{name}: could not be read"))?;
        read.push((name, js_sys::Uint8Array::new(&buffer).to_vec()));
    }
    Ok(read)
}
