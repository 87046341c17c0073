//! The visitor's own files: read and opened in this browser by the importer worker
//! (`crate::importer_client::open`), the page saying it is reading them. One batch at a time:
//! the reducer refuses files offered while a batch is still opening (`Msg::OpenFiles`), and this
//! hook opens the batch the state names.

use yew::prelude::*;

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
    let count = match files.len() {
        1 => "the file".to_string(),
        n => format!("{n} files"),
    };
    dispatcher.dispatch(Msg::FilesProgress(format!("Reading {count}…")));
    crate::importer_client::open(files).await.map(Box::new)
}
