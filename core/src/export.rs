//! What leaves the page: the figures as CSV, the citation line, the embed snippet, and the words
//! framed around a downloaded chart. Pure text, tested natively.

use crate::dataset::Dataset;
use crate::view::{Caption, Figure, Point};

/// A visitor's own dataset (opened from their file) has an id starting with this. It lives only
/// in their browser, so a link or an embed of it would show nothing anywhere else.
pub const OWN_DATASET_PREFIX: &str = "own-";

pub fn is_own_dataset(id: &str) -> bool {
    id.starts_with(OWN_DATASET_PREFIX)
}

/// A UTF-8 byte-order mark: Excel then reads the file as UTF-8.
pub const BOM: &str = "\u{feff}";

/// The name under which the site cites itself.
pub const SITE_NAME: &str = "Midlands Innovation workforce explorer";

fn csv_line(fields: &[String]) -> String {
    csv_record(fields, "\r\n")
}

/// One CSV record, quoted as the csv crate's writer quotes by default (a field with a comma, a
/// quote or a line break is quoted, its quotes doubled; a record of one empty field is `""`), and
/// `terminator` after it. Written here because the csv crate's writer links the standard
/// library's float parser (for a quoting style we do not use), some 20 KB of the page.
pub(crate) fn csv_record<S: AsRef<str>>(fields: &[S], terminator: &str) -> String {
    let mut out = String::new();
    for (i, field) in fields.iter().enumerate() {
        let field = field.as_ref();
        if i > 0 {
            out.push(',');
        }
        if field.bytes().any(|b| matches!(b, b',' | b'"' | b'\r' | b'\n')) || (fields.len() == 1 && field.is_empty()) {
            out.push('"');
            out.push_str(&field.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(field);
        }
    }
    out.push_str(terminator);
    out
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
    out.push_str(&csv_line(&["Period".into(), c.period.clone()]));
    out.push_str(&csv_line(&["Dataset".into(), c.dataset.clone()]));
    out.push_str(&csv_line(&["Subtitle".into(), c.subtitle.clone()]));
    // One provider a field: a name with a comma stays whole.
    let mut providers = vec!["Providers".to_string()];
    providers.extend(c.providers.iter().cloned());
    out.push_str(&csv_line(&providers));
    out.push_str(&csv_line(&["Figures".into(), figure.chart.y_label.clone()]));
    // A row per table, each with its link (two for a measure across datasets).
    for source in &c.sources {
        out.push_str(&csv_line(&["Source".into(), source.table.clone(), source.title.clone()]));
        out.push_str(&csv_line(&["Source link".into(), source.link.clone()]));
    }
    out.push_str(&csv_line(&["Licence".into(), c.licence.clone()]));
    out.push_str(&csv_line(&["Rounding".into(), c.rounding.clone()]));
    for note in &c.notes {
        // A caution on the figures (not reported, incomplete, a series break) says so.
        let kind = if note.caution { "Caution" } else { "Note" };
        out.push_str(&csv_line(&[kind.into(), note.text.clone()]));
    }
    // No link for a visitor's own dataset (`page_url` empty): it would show nothing elsewhere.
    if !page_url.is_empty() {
        out.push_str(&csv_line(&["Link".into(), page_url.to_string()]));
    }
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

/// A dataset held in memory (a visitor's own file) as the whole-dataset CSV: the same tidy form
/// and byte-order mark as a bundled one.
pub fn whole_dataset_csv(data: &Dataset) -> String {
    dataset_csv(&crate::tidy::write(&data.records()))
}

/// `Academic staff as a % of the UK, Aston and Keele, 2021/22. Source: HESA DT025 Table 1 (HE
/// staff by …), 2021/22, CC BY 4.0; via Midlands Innovation workforce explorer, <url>`. Parts the
/// caption does not have, and an empty link, are left out.
pub fn citation(caption: &Caption, page_url: &str) -> String {
    let tables: Vec<String> = caption
        .sources
        .iter()
        .map(|s| if s.title.is_empty() { s.table.clone() } else { format!("{} ({})", s.table, s.title) })
        .collect();
    let source = tables.join("; ");
    let parts: Vec<&str> = [source.as_str(), caption.period.as_str(), caption.licence.as_str()].into_iter().filter(|p| !p.is_empty()).collect();
    let via = if page_url.is_empty() { SITE_NAME.to_string() } else { format!("{SITE_NAME}, {page_url}") };
    let heading = caption.heading();
    let title = if heading.is_empty() { String::new() } else { format!("{heading}. ") };
    format!("{title}Source: {}; via {via}", parts.join(", "))
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

/// The copy-ready embed snippet: a titled, lazy, full-width iframe and the resizing script. It
/// has no `style` attribute, which a host page's `style-src 'self'` would block: `embed.js`
/// removes the border and sets the width through the CSSOM, which that policy allows.
pub fn embed_snippet(embed_url: &str, script_url: &str, title: &str) -> String {
    format!(
        "<iframe src=\"{}\" title=\"{}\" loading=\"lazy\" width=\"100%\" height=\"640\" frameborder=\"0\" data-mi-explorer></iframe>\n<script src=\"{}\" async></script>",
        html_attribute(embed_url),
        html_attribute(&format!("{SITE_NAME}: {title}")),
        html_attribute(script_url)
    )
}

/// Footer lines longer than this are wrapped (the image cuts a line that does not fit).
const FOOTER_LINE: usize = 150;

/// The lines under a downloaded chart: what is counted, every provider shown, the notes, the
/// dataset's name and source with HESA's rounding note, and the link.
pub fn image_footer(caption: &Caption, page_url: &str) -> Vec<String> {
    let mut lines = Vec::new();
    let mut add = |text: &str| lines.extend(wrap(text, FOOTER_LINE));
    add(&caption.subtitle);
    add(&caption.shown());
    for note in &caption.notes {
        add(note);
    }
    add(&format!("{} {}. {}", caption.dataset_line(), caption.source_line(), caption.rounding));
    lines.push(if page_url.is_empty() { SITE_NAME.to_string() } else { format!("{SITE_NAME}: {page_url}") });
    lines
}

/// Splits text into lines of at most `width` characters at spaces (a longer word stays whole).
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// A file name for downloads: `staff-occupation-2023-24`.
pub fn file_stem(dataset_id: &str, caption: &Caption) -> String {
    let slug = crate::slug::slug(&caption.period);
    if slug.is_empty() {
        dataset_id.to_string()
    } else {
        format!("{dataset_id}-{slug}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The same text as the csv crate's writer, for any fields.
        #[test]
        fn records_quote_as_the_csv_crate_does(fields in proptest::collection::vec("[a-c ,\"\r\n]{0,4}", 1..4)) {
            let mut writer = csv::WriterBuilder::new().has_headers(false).terminator(csv::Terminator::CRLF).from_writer(Vec::new());
            writer.write_record(&fields).expect("writes");
            let expected = String::from_utf8(writer.into_inner().expect("flushes")).expect("UTF-8");
            proptest::prop_assert_eq!(csv_record(&fields, "\r\n"), expected);
        }
    }
}
