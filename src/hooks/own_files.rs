//! The visitor's own files: read one by one in this browser (showing progress), then opened by
//! the importer worker (`crate::importer_client::open`). One batch at a time: the reducer refuses
//! files offered while a batch is still opening (`Msg::OpenFiles`), and this hook opens the batch
//! the state names.

use yew::prelude::*;

use crate::browser;
use crate::state::{FileBatch, Msg, State};

/// Returns the callback for files the visitor chose or dropped.
#[hook]
pub fn use_own_files(state: &UseReducerHandle<State>) -> Callback<Vec<web_sys::File>> {
    let dispatcher = state.dispatcher();
    {
        let dispatcher = dispatcher.clone();
        use_effect_with(state.opening.clone(), move |batch| {
            if let Some(FileBatch(files)) = batch.clone() {
                wasm_bindgen_futures::spawn_local(async move {
                    let opened = open(&files, &dispatcher).await;
                    dispatcher.dispatch(Msg::FilesOpened(opened));
                });
            }
        });
    }
    Callback::from(move |files: Vec<web_sys::File>| dispatcher.dispatch(Msg::OpenFiles(FileBatch(files.into()))))
}

async fn open(files: &[web_sys::File], dispatcher: &UseReducerDispatcher<State>) -> Result<Box<workforce_core::Dataset>, String> {
    let mut read = Vec::with_capacity(files.len());
    for (i, file) in files.iter().enumerate() {
        let name = file.name();
        if file.size() > workforce_core::MAX_FILE_BYTES as f64 {
            let mb = (file.size() / (1024.0 * 1024.0)).round() as u64;
            return Err(format!("{name}: is {mb} MB: too large for a HESA table download"));
        }
        dispatcher.dispatch(Msg::FilesProgress(format!("Reading file {} of {}: {name}…", i + 1, files.len())));
        browser::next_frame().await;
        let bytes = browser::read_file(file).await.map_err(|e| format!("{name}: could not be read: {e}"))?;
        read.push((name, bytes));
    }
    dispatcher.dispatch(Msg::FilesProgress("Reading the figures…".to_string()));
    crate::importer_client::open(read).await.map(Box::new)
}
