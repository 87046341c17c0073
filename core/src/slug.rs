//! Slugs: the plain ASCII names used in links, series keys and file names. Shared by the
//! selection (hidden series), the URL, exports and own files, and depending on none of them.

use crate::manifest::CategoryKey;

/// `Managers, directors & senior officials` -> `managers-directors-senior-officials`.
pub fn slug(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    // ASCII only: links stay plain, and no Unicode tables are needed in the browser build.
    for c in text.chars().map(|c| c.to_ascii_lowercase()) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

/// A category's slug: `group:name`, or `name` when the table has no groups.
pub fn category_slug(key: &CategoryKey) -> String {
    if key.group.is_empty() {
        slug(&key.name)
    } else {
        format!("{}:{}", slug(&key.group), slug(&key.name))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_plain_ascii() {
        assert_eq!(slug("Managers, directors & senior officials"), "managers-directors-senior-officials");
        assert_eq!(slug("  --Total--  "), "total");
        assert_eq!(slug("Café"), "caf");
        let key = CategoryKey { group: "Non-academic".into(), name: "Total non-academic staff".into() };
        assert_eq!(category_slug(&key), "non-academic:total-non-academic-staff");
        assert_eq!(category_slug(&CategoryKey { group: String::new(), name: "Total".into() }), "total");
    }
}
