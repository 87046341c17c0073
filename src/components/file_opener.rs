//! "Open a HESA file": a file button and a drop zone. The files are read in this browser by the
//! same importer as the build; nothing is uploaded.

use web_sys::{DragEvent, File, FileList, HtmlInputElement};
use yew::prelude::*;

use crate::state::{Loading, FILES_REFUSED};

#[derive(Properties, PartialEq)]
pub struct FileOpenerProps {
    pub status: Option<Loading>,
    /// Files offered while others were still opening were refused: say so until they finish.
    #[prop_or_default]
    pub refused: bool,
    pub on_files: Callback<Vec<File>>,
}

fn files(list: Option<FileList>) -> Vec<File> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.item(i)).collect()
}

#[component]
pub fn FileOpener(props: &FileOpenerProps) -> Html {
    let over = use_state(|| false);
    let onchange = props.on_files.reform(|e: Event| {
        let input: HtmlInputElement = e.target_unchecked_into();
        let chosen = files(input.files());
        // The same file can be chosen again later.
        input.set_value("");
        chosen
    });
    let ondragover = {
        let over = over.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            over.set(true);
        })
    };
    let ondragleave = {
        let over = over.clone();
        Callback::from(move |_: DragEvent| over.set(false))
    };
    let ondrop = {
        let (over, on_files) = (over.clone(), props.on_files.clone());
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            over.set(false);
            let dropped = files(e.data_transfer().and_then(|d| d.files()));
            if !dropped.is_empty() {
                on_files.emit(dropped);
            }
        })
    };
    let busy = matches!(props.status, Some(Loading::Busy(_)));
    html! {
        <section class={classes!("file-opener", over.then_some("over"))} aria-labelledby="open-file-title"
            {ondragover} {ondragleave} {ondrop}>
            <h2 id="open-file-title">{ "Your own HESA tables" }</h2>
            <p class="filter-hint">{ "Open one or more HESA “download this table” CSV files (one per year), or drop them here. They are read in this browser; nothing is uploaded." }</p>
            <label class="file-button" for="open-file">{ "Open a HESA file" }</label>
            <input type="file" id="open-file" class="visually-hidden" multiple=true accept=".csv,text/csv" {onchange} disabled={busy} />
            { match &props.status {
                Some(Loading::Busy(t)) => html! { <p class="file-status" role="status" aria-live="polite">{ t }</p> },
                Some(Loading::Done(t)) => html! { <p class="file-status" role="status" aria-live="polite">{ t }</p> },
                Some(Loading::Failed(t)) => html! { <p class="file-status error" role="alert">{ t }</p> },
                None => html! {},
            } }
            if props.refused {
                <p class="file-status file-refused" role="status" aria-live="polite">{ FILES_REFUSED }</p>
            }
        </section>
    }
}
