//! What leaves the page: the figures as CSV, the citation line, the embed snippet, and the words
//! framed around a downloaded chart. Pure text, tested natively.

use crate::dataset::Dataset;
use crate::view::{Caption, Figure, Point};

/// A UTF-8 byte-order mark: Excel then reads the file as UTF-8.
pub const BOM: &str = "\u{feff}";

/// The name under which the site cites itself.
pub const SITE_NAME: &str = "Midlands Innovation workforce explorer";

fn csv_line(fields: &[String]) -> String {
    let mut writer = csv::WriterBuilder::new().has_headers(false).terminator(csv::Terminator::CRLF).from_writer(Vec::new());
    // Writing to a Vec cannot fail.
    let _ = writer.write_record(fields);
    String::from_utf8(writer.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// A raw figure for a spreadsheet: no separators, full precision, empty when not shown.
fn raw(p: &Point) -> String {
    match p.value {
        None => String::new(),
        Some(v) if v.fract() == 0.0 && v.abs() < 1e15 => format!("{}", v as i64),
        Some(v) => crate::format::plain(v, 4),
    }
}

/// The figures on screen as CSV: a header block naming the view and its filters, then the
/// table with raw numbers; figures not reported (or not shown) stay empty, with a status column.
pub fn figures_csv(figure: &Figure, page_url: &str) -> String {
    let c = &figure.caption;
    let t = &figure.table;
    let mut out = String::from(BOM);
    out.push_str(&csv_line(&["Title".into(), c.title.clone()]));
    out.push_str(&csv_line(&["Filters".into(), c.filters.clone()]));
    out.push_str(&csv_line(&["Figures".into(), figure.chart.y_label.clone()]));
    out.push_str(&csv_line(&["Source".into(), format!("{} ({})", c.source.trim_start_matches("Source: "), c.source_link)]));
    out.push_str(&csv_line(&["Rounding".into(), c.rounding.clone()]));
    for note in &c.not_reported {
        out.push_str(&csv_line(&["Note".into(), note.clone()]));
    }
    out.push_str(&csv_line(&["Link".into(), page_url.to_string()]));
    out.push_str("\r\n");
    let mut header = vec![t.row_heading.clone()];
    header.extend(t.columns.iter().cloned());
    header.push("Notes".into());
    out.push_str(&csv_line(&header));
    let rows = t.rows.iter().chain(t.total.iter());
    for row in rows {
        let mut fields = vec![row.label.clone()];
        fields.extend(row.cells.iter().map(raw));
        let notes: Vec<String> = t
            .columns
            .iter()
            .zip(&row.cells)
            .filter(|(_, p)| p.status != crate::view::Status::Reported)
            .map(|(col, p)| format!("{col}: {}", t.unit.point(*p)))
            .collect();
        fields.push(notes.join("; "));
        out.push_str(&csv_line(&fields));
    }
    out
}

/// The whole dataset as CSV (the tidy format), with a byte-order mark for Excel.
pub fn dataset_csv(tidy_text: &str) -> String {
    format!("{BOM}{tidy_text}")
}

/// `Source: HESA DT025 Table 1 (HE staff by …), 2023/24, CC BY 4.0; via Midlands Innovation
/// workforce explorer, <url>`.
pub fn citation(data: &Dataset, caption: &Caption, page_url: &str) -> String {
    let period = caption.title.rsplit_once(", ").map_or("", |(_, y)| y);
    format!(
        "Source: HESA {} ({}), {}, {}; via {}, {}",
        data.info.source_table, data.info.source_title, period, data.info.licence, SITE_NAME, page_url
    )
}

/// Escapes text for an HTML attribute value in double quotes.
pub fn html_attribute(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The copy-ready embed snippet: a titled, lazy, full-width iframe and the resizing script.
pub fn embed_snippet(embed_url: &str, script_url: &str, title: &str) -> String {
    format!(
        "<iframe src=\"{}\" title=\"{}\" loading=\"lazy\" width=\"100%\" height=\"640\" style=\"border:0;width:100%\" data-mi-explorer></iframe>\n<script src=\"{}\" async></script>",
        html_attribute(embed_url),
        html_attribute(&format!("{SITE_NAME}: {title}")),
        html_attribute(script_url)
    )
}

/// The lines under a downloaded chart.
pub fn image_footer(caption: &Caption, page_url: &str) -> Vec<String> {
    let mut lines = vec![caption.filters.clone()];
    lines.extend(caption.not_reported.iter().cloned());
    lines.push(format!("{}. {}", caption.source, caption.rounding));
    lines.push(format!("{SITE_NAME}: {page_url}"));
    lines
}

/// A file name for downloads: `staff-occupation-2023-24`.
pub fn file_stem(dataset_id: &str, caption: &Caption) -> String {
    let period = caption.title.rsplit_once(", ").map_or("", |(_, y)| y);
    let slug = crate::slug::slug(period);
    if slug.is_empty() {
        dataset_id.to_string()
    } else {
        format!("{dataset_id}-{slug}")
    }
}
