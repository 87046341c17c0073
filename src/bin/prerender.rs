//! `prerender`: writes the explorer's pages with their first view already in them, rendered at build
//! time by the same Yew components (yew's `ssr` feature) and the same chart drawing routine (through
//! plotters' SVG backend, `ChartCanvas`): `index.html` (the first view) and `views/<name>.html` for
//! each published view (`data/published-views.csv`, see `workforce_core::published`), and its embed's
//! page `views/embed/<name>.html`. The browser
//! then takes over (`explorer::start`). Without JavaScript, the pre-rendered page is the page.
//!
//!     cargo run --features ssr --bin prerender -- [<site folder> [<data folder>]]
//!
//! The site folder defaults to `$TRUNK_STAGING_DIR`: Trunk runs it as a post_build hook (Trunk.toml),
//! before the precompressed copies are made. It reads the site's `index.html` as Trunk wrote it.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::rc::Rc;

use explorer::app::{App, AppProps};
use workforce_core::manifest::Manifest;
use workforce_core::{published, url_state, view, Bundle};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let site = args.first().cloned().or_else(|| std::env::var("TRUNK_STAGING_DIR").ok());
    let data = PathBuf::from(args.get(1).map_or("data", String::as_str));
    let Some(site) = site.map(PathBuf::from) else {
        eprintln!("usage: prerender [<site folder, default $TRUNK_STAGING_DIR> [<data folder>]]");
        return ExitCode::from(2);
    };
    match run(&site, &data) {
        Ok(written) => {
            for line in written {
                println!("prerender: {line}");
            }
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("prerender: {message}");
            ExitCode::FAILURE
        }
    }
}

/// A page to write: where, the query it shows, and its `<base>` (the site's root, relative to it).
struct Page {
    path: PathBuf,
    query: String,
    base: &'static str,
    /// An embed's page (`embed=1` in its query).
    embedded: bool,
    /// For a published view: the chart's title, which its page's `<title>` carries.
    heading: Option<String>,
    bundle: Rc<Bundle>,
}

fn run(site: &Path, data: &Path) -> Result<Vec<String>, String> {
    let read = |name: &str| std::fs::read_to_string(data.join(name)).map_err(|e| format!("{}: {e}", data.join(name).display()));
    // Every dataset as the page reads it once fetched (each from its served file), so a published
    // view of any dataset is rendered from exactly the figures the page would show.
    let manifest_text = read("manifest.json")?;
    let manifest = Manifest::from_json("data/manifest.json", &manifest_text).map_err(|e| e.to_string())?;
    let names: Vec<String> =
        manifest.datasets.iter().flat_map(|d| [d.file.clone(), d.coverage_file.clone()]).filter(|n| !n.is_empty()).collect();
    let files: Vec<(String, String)> = names.iter().map(|n| read(n).map(|t| (n.clone(), t))).collect::<Result<_, _>>()?;
    let tidy = |name: &str| files.iter().find(|(n, _)| n == name).map(|(_, t)| t.as_str());
    let loaded = Bundle::load(&manifest_text, tidy).map_err(|e| format!("data/{e}"))?;
    let served = loaded.served_files(tidy).map_err(|e| e.to_string())?;
    let every = Rc::new(Bundle::from_served(manifest, &served).map_err(|e| format!("data/{e}"))?);
    let views = published::read("data/published-views.csv", &read("published-views.csv")?, &every).map_err(|e| e.to_string())?;

    let index_path = site.join("index.html");
    let template = std::fs::read_to_string(&index_path).map_err(|e| format!("{}: {e}", index_path.display()))?;
    // The page's own bundle (the default dataset embedded), and for a view of another dataset that
    // dataset added, as the page holds it once fetched: the page renders from nothing else.
    let embedded = explorer::bundled::load().map_err(|e| format!("the embedded data: {e}"))?;
    let mut pages = vec![Page { path: index_path, query: String::new(), base: "./", embedded: false, heading: None, bundle: Rc::new(embedded.clone()) }];
    for v in &views {
        let selection = url_state::decode(&every, &v.query).selection;
        let heading = view::figure(&every, &selection).caption.heading();
        let bundle = match every.dataset(&selection.dataset) {
            Some(data) if !embedded.is_loaded(&selection.dataset) => embedded.with_dataset(data.clone()),
            _ => embedded.clone(),
        };
        let bundle = Rc::new(bundle);
        // Its page, and its embed's page (what the Embed dialog's snippet frames).
        pages.push(Page {
            bundle: bundle.clone(),
            path: site.join("views").join(format!("{}.html", v.name)),
            query: v.query.clone(),
            base: "../",
            embedded: false,
            heading: Some(heading.clone()),
        });
        pages.push(Page {
            bundle,
            path: site.join("views").join("embed").join(format!("{}.html", v.name)),
            query: explorer::browser::embed_query(&v.query),
            base: "../../",
            embedded: true,
            heading: Some(heading),
        });
    }
    let embeds = site.join("views").join("embed");
    std::fs::create_dir_all(&embeds).map_err(|e| format!("{}: {e}", embeds.display()))?;

    let runtime = tokio::runtime::Builder::new_current_thread().build().map_err(|e| format!("no async runtime: {e}"))?;
    let mut written = Vec::new();
    for page in pages {
        let query = if page.query.is_empty() { String::new() } else { format!("?{}", page.query) };
        let props = AppProps { query: query.clone().into(), embedded: page.embedded, first_chart: None, bundle: Some(page.bundle.clone()) };
        let local = tokio::task::LocalSet::new();
        let body = local.block_on(&runtime, yew::LocalServerRenderer::<App>::with_props(props).hydratable(false).render());
        if !body.contains("data-chart") {
            return Err(format!("{}: the chart was not pre-rendered", page.path.display()));
        }
        let mut html = fill_app(&template, &body).ok_or("index.html has no <div id=\"app\"> holding only its loading line to fill")?;
        // The look the page's link gives (an embed is light unless asked), on <html> as the app sets it.
        let look = workforce_core::page_options::PageOptions::parse(&query).root_attributes(page.embedded);
        html = root_attributes(&html, &look).ok_or("index.html has no <html> element")?;
        if let Some(heading) = &page.heading {
            html = published_head(&html, page.base, &page.query, heading).ok_or("index.html has no <base> and <title> to adapt")?;
        }
        check_csp(&html).map_err(|e| format!("{}: {e}", page.path.display()))?;
        std::fs::write(&page.path, &html).map_err(|e| format!("{}: {e}", page.path.display()))?;
        written.push(format!("{} ({} bytes)", page.path.display(), html.len()));
    }
    Ok(written)
}

/// The page with `#app`'s content (the loading line) replaced by the rendered explorer. Trunk may
/// have minified the page, so the element is found either way it can be written.
fn fill_app(template: &str, body: &str) -> Option<String> {
    let at = ["<div id=\"app\">", "<div id=app>"].iter().find_map(|tag| template.find(tag).map(|i| i + tag.len()))?;
    let end = at + template[at..].find("</div>")?;
    // Only the loading line, never a page already rendered into (its `</div>` would not be #app's).
    if template[at..end].contains("<div") {
        return None;
    }
    Some(format!("{}{}{}", &template[..at], body, &template[end..]))
}

/// A published view's page: its base is the site's root (`../`), it names its view for the browser
/// (`<meta name="explorer-view">`, read by `browser::query`), and its title is the chart's.
fn published_head(html: &str, base: &str, query: &str, heading: &str) -> Option<String> {
    let base_at = html.find("<base ")?;
    let base_end = base_at + html[base_at..].find('>')? + 1;
    let meta = format!("<base href=\"{base}\"><meta name=\"explorer-view\" content=\"{}\">", escape(query));
    let html = format!("{}{}{}", &html[..base_at], meta, &html[base_end..]);
    let title_at = html.find("<title>")?;
    let title_end = title_at + html[title_at..].find("</title>")? + "</title>".len();
    let title = format!("<title>{} – Midlands Innovation workforce explorer</title>", escape(heading));
    Some(format!("{}{}{}", &html[..title_at], title, &html[title_end..]))
}

/// The page with `attributes` on its `<html>` element.
fn root_attributes(html: &str, attributes: &[(&str, &str)]) -> Option<String> {
    let at = html.find("<html")? + "<html".len();
    let added: String = attributes.iter().map(|(name, value)| format!(" {name}=\"{}\"", escape(value))).collect();
    Some(format!("{}{}{}", &html[..at], added, &html[at..]))
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;").replace('>', "&gt;")
}

/// The page must keep to the site's Content-Security-Policy: no style attribute, no inline script.
fn check_csp(html: &str) -> Result<(), String> {
    if html.contains(" style=") {
        return Err("a style attribute in the pre-rendered page".to_string());
    }
    let mut rest = html;
    while let Some(i) = rest.find("<script") {
        let tag_end = rest[i..].find('>').map_or(rest.len(), |e| i + e);
        if !rest[i..tag_end].contains(" src=") {
            return Err("an inline script in the pre-rendered page".to_string());
        }
        rest = &rest[tag_end..];
    }
    Ok(())
}
