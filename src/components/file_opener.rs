//! "Open a HESA file": a file button and a drop zone. The files are read in this browser by the
//! same importer as the build; nothing is uploaded.

use wasm_bindgen::JsCast;
use web_sys::{DragEvent, Element, File, FileList, HtmlInputElement};
use yew::prelude::*;

use crate::state::{Loading, FILES_REFUSED};

fn files(list: Option<FileList>) -> Vec<File> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.item(i)).collect()
}

/// Marks the drop zone while files are dragged over it (`data-over`, on the element itself and
/// outside what Yew renders: a look, not state).
fn mark_over(e: &DragEvent, over: bool) {
    if let Some(zone) = e.current_target().and_then(|t| t.dyn_into::<Element>().ok()) {
        let _ = if over { zone.set_attribute("data-over", "") } else { zone.remove_attribute("data-over") };
    }
}

/// The file button and drop zone: `status` of the batch opening (or opened), `refused` when files
/// came while a batch was still opening.
pub fn file_opener(status: &Option<Loading>, refused: bool, on_files: &Callback<Vec<File>>) -> Html {
    let onchange = on_files.reform(|e: Event| {
        let input: HtmlInputElement = e.target_unchecked_into();
        let chosen = files(input.files());
        // The same file can be chosen again later.
        input.set_value("");
        chosen
    });
    let ondragover = Callback::from(|e: DragEvent| {
        e.prevent_default();
        mark_over(&e, true);
    });
    let ondragleave = Callback::from(|e: DragEvent| mark_over(&e, false));
    let ondrop = {
        let on_files = on_files.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            mark_over(&e, false);
            let dropped = files(e.data_transfer().and_then(|d| d.files()));
            if !dropped.is_empty() {
                on_files.emit(dropped);
            }
        })
    };
    let busy = matches!(status, Some(Loading::Busy(_)));
    html! {
        <section class="file-opener" aria-labelledby="open-file-title"
            {ondragover} {ondragleave} {ondrop}>
            <h2 id="open-file-title">{ "Your own HESA tables" }</h2>
            <p class="filter-hint">{ "Open one or more HESA “download this table” CSV files (one per year), or drop them here. They are read in this browser; nothing is uploaded." }</p>
            <label class="file-button" for="open-file">{ "Open a HESA file" }</label>
            <input type="file" id="open-file" class="visually-hidden" multiple=true accept=".csv,text/csv" {onchange} disabled={busy} />
            { match status {
                Some(Loading::Busy(t) | Loading::Done(t)) => html! { <p class="file-status" role="status" aria-live="polite">{ t }</p> },
                Some(Loading::Failed(t)) => html! { <p class="file-status error" role="alert">{ t }</p> },
                None => html! {},
            } }
            if refused {
                <p class="file-status file-refused" role="status" aria-live="polite">{ FILES_REFUSED }</p>
            }
        </section>
    }
}
