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

#[derive(Properties)]
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
    #[prop_or_default]
    pub published: Option<(String, String)>,
}

impl PartialEq for ShareBarProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.chart, &other.chart)
            && Rc::ptr_eq(&self.table, &other.table)
            && Rc::ptr_eq(&self.caption, &other.caption)
            && Rc::ptr_eq(&self.bundle, &other.bundle)
            && match (&self.source, &other.source) {
                (Some(a), Some(b)) => Rc::ptr_eq(a, b),
                (a, b) => a.is_none() && b.is_none(),
            }
            && (&self.dataset_id, &self.page_url, &self.embed_url, &self.published)
                == (&other.dataset_id, &other.page_url, &other.embed_url, &other.published)
    }
}

/// Why links and embeds are off for a visitor's own dataset.
pub const OWN_FILE_LINKS_OFF: &str =
    "Links and embeds are off for your own file: it stays in this browser, so a link would not show it elsewhere.";

#[component]
pub fn ShareBar(props: &ShareBarProps) -> Html {
    let status = use_state(String::new);
    let embed_open = use_state(|| false);
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
                status.set(if ok { format!("{what} copied.") } else { format!("{what} could not be copied: select it and copy by hand.") })
            });
        })
    };
    let copy_link = copy(props.page_url.clone(), "Link");
    let copy_citation = copy(citation.clone(), "Citation");

    let png = {
        let (chart, caption, url, name, status) = (props.chart.clone(), props.caption.clone(), link.clone(), format!("{stem}.png"), status.clone());
        Callback::from(move |_: MouseEvent| {
            if let Err(e) = chart_export::download_png(&chart, &caption, &url, &name) {
                status.set(format!("The image could not be made: {e}"));
            }
        })
    };
    let svg = {
        let (chart, caption, url, name, status) = (props.chart.clone(), props.caption.clone(), link.clone(), format!("{stem}.svg"), status.clone());
        Callback::from(move |_: MouseEvent| match chart_export::svg(&chart, &caption, &url) {
            Ok(text) => browser::download(&name, "image/svg+xml;charset=utf-8", text.as_bytes()),
            Err(e) => status.set(format!("The image could not be made: {e}")),
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
                None => status.set("The dataset could not be written out.".to_string()),
            }
        })
    };
    let open_embed = {
        let embed_open = embed_open.clone();
        Callback::from(move |_: MouseEvent| embed_open.set(true))
    };
    let embed_button = use_node_ref();
    let close_embed = {
        let (embed_open, embed_button) = (embed_open.clone(), embed_button.clone());
        Callback::from(move |_: ()| {
            embed_open.set(false);
            // Focus goes back to the button that opened the dialog.
            if let Some(button) = embed_button.cast::<web_sys::HtmlElement>() {
                let _ = button.focus();
            }
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
                <button type="button" id="open-embed" ref={embed_button} disabled={own} aria-describedby={off_reason} aria-haspopup="dialog" onclick={open_embed}>{ "Embed" }</button>
            </div>
            if own {
                <p class="share-off" id="share-off">{ OWN_FILE_LINKS_OFF }</p>
            }
            <p class="citation" id="citation">{ &citation }</p>
            <p class="share-status" role="status" aria-live="polite">{ (*status).clone() }</p>
            if *embed_open && !own {
                <EmbedDialog embed_url={frame_url} script_url={script_url} title={props.caption.heading()} published={published_page} on_close={close_embed} />
            }
        </section>
    }
}
