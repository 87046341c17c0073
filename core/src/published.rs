//! The views the group publishes (`data/published-views.csv`: `name,query`, one a line): each is
//! pre-rendered at build time into its own page, `views/<name>.html`, which the Embed dialog offers
//! when the visitor's view is one of them. `build.rs` reads and checks the file (a bad name, a
//! repeated one or a query that does not decode cleanly fails the build, with file and line) and
//! embeds the list; `src/bin/prerender.rs` reads it again to write the pages.

use crate::dataset::Bundle;
use crate::url_state;

/// One published view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublishedView {
    /// Its page's name: `views/<name>.html` (lower-case letters, digits and hyphens).
    pub name: String,
    /// Its query, as the explorer writes it (`url_state::encode` of what the file's query decodes to),
    /// so the page can tell whether the visitor's view is this one by comparing queries.
    pub query: String,
    /// Its line in the file.
    pub line: usize,
}

/// Why the file was refused: where, and what was wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublishedError {
    pub file: String,
    pub line: usize,
    pub message: String,
}

impl std::fmt::Display for PublishedError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}, line {}: {}", self.file, self.line, self.message)
    }
}

impl std::error::Error for PublishedError {}

fn valid_name(name: &str) -> bool {
    !name.is_empty() && name.len() <= 60 && name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Reads and checks the published views against the bundle (every dataset loaded): the header is
/// `name,query`; each name is a page name used once; each query decodes with nothing ignored and
/// names a view no earlier line names.
pub fn read(file: &str, text: &str, bundle: &Bundle) -> Result<Vec<PublishedView>, PublishedError> {
    let error = |line: usize, message: String| PublishedError { file: file.to_string(), line, message };
    let mut lines = text.lines().enumerate().map(|(i, l)| (i + 1, l.trim_end_matches('\r')));
    match lines.next() {
        Some((_, "name,query")) => {}
        Some((n, found)) => return Err(error(n, format!("expected the header `name,query`, found `{found}`"))),
        None => return Err(error(1, "expected the header `name,query`, found an empty file".to_string())),
    }
    let mut views: Vec<PublishedView> = Vec::new();
    for (n, line) in lines {
        if line.trim().is_empty() {
            continue;
        }
        // The query may hold commas (lists in links): the name ends at the first one.
        let Some((name, query)) = line.split_once(',') else {
            return Err(error(n, format!("expected `name,query`, found `{line}`")));
        };
        let (name, query) = (name.trim(), query.trim().trim_start_matches('?'));
        if !valid_name(name) {
            return Err(error(n, format!("the name `{name}` is not a page name (lower-case letters, digits and hyphens)")));
        }
        if let Some(first) = views.iter().find(|v| v.name == name) {
            return Err(error(n, format!("the name `{name}` is already used on line {}", first.line)));
        }
        if query.is_empty() {
            return Err(error(n, format!("the view `{name}` has no query (the first view is `lens=technical`)")));
        }
        let decoded = url_state::decode(bundle, query);
        if !decoded.ignored.is_empty() {
            return Err(error(n, format!("the query of `{name}` does not decode cleanly: {}", decoded.ignored.join(" "))));
        }
        let canonical = url_state::encode(bundle, &decoded.selection);
        if let Some(first) = views.iter().find(|v| v.query == canonical) {
            return Err(error(n, format!("`{name}` is the same view as `{}` on line {}", first.name, first.line)));
        }
        views.push(PublishedView { name: name.to_string(), query: canonical, line: n });
    }
    Ok(views)
}

/// The published view a query shows, if any (`query` as `url_state::encode` writes it).
pub fn find<'a>(views: &'a [(&'a str, &'a str)], query: &str) -> Option<&'a str> {
    views.iter().find(|(_, q)| *q == query).map(|(name, _)| *name)
}
