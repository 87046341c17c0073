//! Share and download exactly what is on screen: copy the link or a citation, download the chart
//! (PNG at 2x, SVG) or the data (the figures shown, the whole dataset), or get an embed snippet.
//!
//! A visitor's own dataset stays in their browser: its whole-dataset CSV is written from memory,
//! and links and embeds are off (they would show it nowhere else), with the reason on screen.

use std::rc::Rc;

use workforce_core::export;
use workforce_core::view::{Caption, ChartView, Figure, TableView};
use workforce_core::Bundle;
use yew::prelude::*;

use crate::components::EmbedDialog;
use crate::{browser, bundled, chart_export};

pub struct ShareBarProps {
    pub chart: Rc<ChartView>,
    pub table: Rc<TableView>,
    pub caption: Rc<Caption>,
    pub dataset_id: String,
    /// The bundle the dataset is in (the whole-dataset download reads it on click).
    pub bundle: Rc<Bundle>,
    /// The text of the dataset's served file (none for a visitor's own dataset).
    pub source: Option<Rc<str>>,
    pub page_url: String,
    pub embed_url: String,
    /// When the view is a published one: its pre-rendered page and its embed's page.
    pub published: Option<(String, String)>,
    /// What the last action came to ("Link copied."), the state's.
    pub status: String,
    /// The Embed dialog is open (the state's).
    pub embed_open: bool,
    /// Says what an action came to.
    pub on_status: Callback<String>,
    /// Opens or closes the Embed dialog.
    pub on_embed: Callback<bool>,
}

/// Why links and embeds are off for a visitor's own dataset.
pub const OWN_FILE_LINKS_OFF: &str =
    "Links and embeds are off for your own file: it stays in this browser, so a link would not show it elsewhere.";

/// The share and download buttons, the citation, and the Embed dialog when it is open.
pub fn share_bar(props: &ShareBarProps) -> Html {
    let status = &props.on_status;
    let stem = export::file_stem(&props.dataset_id, &props.caption);
    let own = export::is_own_dataset(&props.dataset_id);
    // The link the downloads carry: none for an own dataset, whose link would show nothing elsewhere.
    let link = if own { String::new() } else { props.page_url.clone() };
    let citation = export::citation(&props.caption, &link);

    let copy = |text: String, what: &'static str| {
        let status = status.clone();
        Callback::from(move |_: MouseEvent| {
            let status = status.clone();
            browser::copy(&text, move |ok| {
                status.emit(if ok { format!("{what} copied.") } else { format!("{what} could not be copied: select it and copy by hand.") })
            });
        })
    };
    let copy_link = copy(props.page_url.clone(), "Link");
    let copy_citation = copy(citation.clone(), "Citation");

    let png = {
        let (chart, caption, url, name, status) = (props.chart.clone(), props.caption.clone(), link.clone(), format!("{stem}.png"), status.clone());
        Callback::from(move |_: MouseEvent| {
            if let Err(e) = chart_export::download_png(&chart, &caption, &url, &name) {
                status.emit(format!("The image could not be made: {e}"));
            }
        })
    };
    let svg = {
        let (chart, caption, url, name, status) = (props.chart.clone(), props.caption.clone(), link.clone(), format!("{stem}.svg"), status.clone());
        Callback::from(move |_: MouseEvent| match chart_export::svg(&chart, &caption, &url) {
            Ok(text) => browser::download(&name, "image/svg+xml;charset=utf-8", text.as_bytes()),
            Err(e) => status.emit(format!("The image could not be made: {e}")),
        })
    };
    let figures_csv = {
        let (chart, table, caption) = (props.chart.clone(), props.table.clone(), props.caption.clone());
        let (url, name) = (link.clone(), format!("{stem}.csv"));
        Callback::from(move |_: MouseEvent| {
            // Assembled on click, not on every render.
            let figure = Figure { chart: (*chart).clone(), table: (*table).clone(), caption: (*caption).clone() };
            browser::download(&name, "text/csv;charset=utf-8", export::figures_csv(&figure, &url).as_bytes())
        })
    };
    let dataset_csv = {
        let (bundle, source, id, status) = (props.bundle.clone(), props.source.clone(), props.dataset_id.clone(), status.clone());
        let name = format!("{id}-all-years.csv");
        Callback::from(move |_: MouseEvent| {
            // A bundled dataset from the file it was served in; a visitor's from memory (it has no file).
            let text = bundle.dataset(&id).and_then(|data| {
                if export::is_own_dataset(&id) {
                    Some(export::whole_dataset_csv(data))
                } else {
                    source.as_deref().and_then(|s| bundled::tidy_text(&data.info, s)).map(|t| export::dataset_csv(&t))
                }
            });
            match text {
                Some(text) => browser::download(&name, "text/csv;charset=utf-8", text.as_bytes()),
                None => status.emit("The dataset could not be written out.".to_string()),
            }
        })
    };
    let open_embed = props.on_embed.reform(|_: MouseEvent| true);
    let close_embed = {
        let on_embed = props.on_embed.clone();
        Callback::from(move |_: ()| {
            on_embed.emit(false);
            // Focus goes back to the button that opened the dialog.
            browser::focus("open-embed");
        })
    };
    let script_url = browser::embed_script_url(&props.page_url);
    // A published view's frame loads its pre-rendered embed page: the chart shows before the wasm.
    let frame_url = props.published.as_ref().map_or(&props.embed_url, |(_, embed)| embed).clone();
    let published_page = props.published.as_ref().map(|(page, _)| AttrValue::from(page.clone()));
    let off_reason = own.then_some("share-off");

    html! {
        <section class="share" aria-label="Share and download">
            <div class="share-buttons">
                <button type="button" id="copy-link" disabled={own} aria-describedby={off_reason} onclick={copy_link}>{ "Copy link" }</button>
                <button type="button" id="copy-citation" onclick={copy_citation}>{ "Copy citation" }</button>
                <button type="button" id="download-png" onclick={png}>{ "Chart (PNG)" }</button>
                <button type="button" id="download-svg" onclick={svg}>{ "Chart (SVG)" }</button>
                <button type="button" id="download-csv" onclick={figures_csv}>{ "Figures (CSV)" }</button>
                <button type="button" id="download-dataset" onclick={dataset_csv}>{ "Whole dataset (CSV)" }</button>
                <button type="button" id="open-embed" disabled={own} aria-describedby={off_reason} aria-haspopup="dialog" onclick={open_embed}>{ "Embed" }</button>
            </div>
            if own {
                <p class="share-off" id="share-off">{ OWN_FILE_LINKS_OFF }</p>
            }
            <p class="citation" id="citation">{ &citation }</p>
            <p class="share-status" role="status" aria-live="polite">{ &props.status }</p>
            if props.embed_open && !own {
                <EmbedDialog embed_url={frame_url} script_url={script_url} title={props.caption.heading()} published={published_page} on_close={close_embed} />
            }
        </section>
    }
}
