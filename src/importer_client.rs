//! Opens the visitor's files through the importer web worker (`importer/`): the files go to the
//! worker, which reads and opens them; the opened dataset's cube comes back and becomes a
//! [`Dataset`] as it is (the page's own wasm never reads or parses a HESA download, nor builds the
//! cube again).
//!
//! Every request carries an id and every answer its request's id: [`Pending`] hands each answer
//! to the open that asked for it, so two overlapping opens never get each other's table.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use workforce_core::Dataset;

/// The worker's messages (the same file the worker is built with).
#[path = "../importer/src/protocol.rs"]
pub mod protocol;

/// Opens waiting for their answer, by request id.
#[derive(Default)]
pub struct Pending {
    next_id: u32,
    /// (id, (resolve, reject)): a few at most, so a list.
    waiting: Vec<(u32, (js_sys::Function, js_sys::Function))>,
}

impl Pending {
    /// A new request id, and the promise that settles with the answer carrying it.
    pub fn wait(&mut self) -> (u32, js_sys::Promise) {
        let id = self.next_id;
        self.next_id = self.next_id.wrapping_add(1);
        let mut settle = None;
        let promise = js_sys::Promise::new(&mut |resolve, reject| settle = Some((resolve, reject)));
        if let Some(settle) = settle {
            self.waiting.push((id, settle));
        }
        (id, promise)
    }

    /// Hands an answer to the open that asked for it. An answer for no waiting request (or with
    /// no id) is dropped, never given to another open.
    pub fn answer(&mut self, message: &JsValue) {
        let Some(id) = protocol::id_of(message) else { return };
        if let Some((resolve, _)) = self.take(id) {
            let _ = resolve.call1(&JsValue::NULL, message);
        }
    }

    /// Gives up on request `id` (its message could not be sent).
    pub fn forget(&mut self, id: u32) {
        self.take(id);
    }

    fn take(&mut self, id: u32) -> Option<(js_sys::Function, js_sys::Function)> {
        let at = self.waiting.iter().position(|(waiting, _)| *waiting == id)?;
        Some(self.waiting.swap_remove(at).1)
    }

    /// Fails every waiting open (the worker stopped).
    pub fn fail_all(&mut self, reason: &str) {
        for (_, (_, reject)) in self.waiting.drain(..) {
            let _ = reject.call1(&JsValue::NULL, &reason.into());
        }
    }

    pub fn waiting(&self) -> usize {
        self.waiting.len()
    }
}

/// The started worker: a promise that settles when it says it is ready, and the opens waiting.
#[derive(Clone)]
struct Started {
    worker: web_sys::Worker,
    ready: js_sys::Promise,
    pending: Rc<RefCell<Pending>>,
}

thread_local! {
    /// One worker for the page, started the first time a file is opened.
    static WORKER: RefCell<Option<Started>> = const { RefCell::new(None) };
}

const NOT_STARTED: &str = "the importer could not start";

fn worker() -> Result<Started, String> {
    WORKER.with(|w| {
        if let Some(started) = w.borrow().as_ref() {
            return Ok(started.clone());
        }
        let worker = web_sys::Worker::new("./importer_loader.js").map_err(|_| NOT_STARTED.to_string())?;
        let pending = Rc::new(RefCell::new(Pending::default()));
        let mut settle = None;
        let ready = js_sys::Promise::new(&mut |resolve, reject| settle = Some((resolve, reject)));
        let (resolve_ready, reject_ready) = settle.ok_or(NOT_STARTED)?;
        // One handler for the worker's life: "ready" once, then answers by request id.
        let answers = pending.clone();
        let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
            let data = e.data();
            if data.as_string().as_deref() == Some(protocol::READY) {
                let _ = resolve_ready.call0(&JsValue::NULL);
            } else {
                answers.borrow_mut().answer(&data);
            }
        });
        let failed = pending.clone();
        let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |_: web_sys::Event| {
            let _ = reject_ready.call1(&JsValue::NULL, &NOT_STARTED.into());
            failed.borrow_mut().fail_all("the importer stopped");
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        // The handlers live as long as the page's one worker.
        on_message.forget();
        on_error.forget();
        let started = Started { worker, ready, pending };
        *w.borrow_mut() = Some(started.clone());
        Ok(started)
    })
}

/// Opens the visitor's files as one dataset, off the page's thread (the worker reads them).
pub async fn open(files: &[web_sys::File]) -> Result<Dataset, String> {
    let Started { worker, ready, pending } = worker()?;
    wasm_bindgen_futures::JsFuture::from(ready).await.map_err(|e| e.as_string().unwrap_or_else(|| NOT_STARTED.into()))?;
    let (id, answer) = pending.borrow_mut().wait();
    if worker.post_message(&protocol::request(id, files)).is_err() {
        pending.borrow_mut().forget(id);
        return Err("the files could not be passed to the importer".to_string());
    }
    let answer = wasm_bindgen_futures::JsFuture::from(answer).await.map_err(|e| e.as_string().unwrap_or_else(|| "the importer failed".into()))?;
    Dataset::from_parts(protocol::read_answer(&answer)?).map_err(|e| e.to_string())
}
