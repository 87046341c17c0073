//! Shared by the integration tests: the bundled data as the site ships it.

use std::path::PathBuf;

use workforce_core::manifest::CategoryKey;
use workforce_core::Bundle;

/// Loads `data/` (manifest and the three datasets) through `Bundle::load`.
pub fn bundle() -> Bundle {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../data");
    let read = |name: &str| std::fs::read_to_string(dir.join(name)).unwrap_or_else(|e| panic!("data/{name}: {e}"));
    let manifest = read("manifest.json");
    let files: Vec<(String, String)> =
        ["staff-occupation.csv", "staff-cost-centre.csv", "students-sex.csv"].iter().map(|n| (n.to_string(), read(n))).collect();
    Bundle::load(&manifest, |name| files.iter().find(|(n, _)| n == name).map(|(_, t)| t.as_str())).unwrap_or_else(|e| panic!("{e}"))
}

#[allow(dead_code)]
pub fn key(group: &str, name: &str) -> CategoryKey {
    CategoryKey { group: group.into(), name: name.into() }
}

#[allow(dead_code)]
pub fn academic() -> CategoryKey {
    key("Academic", "Total academic staff")
}

#[allow(dead_code)]
pub fn non_academic() -> CategoryKey {
    key("Non-academic", "Total non-academic staff")
}
