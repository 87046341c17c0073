//! Shared by the importer's tests: the fixtures, and the real HESA downloads kept in the
//! repository at `data/hesa/` (the tests over them never skip: the folder is part of every clone).

#![allow(dead_code)]

use std::path::PathBuf;

/// The workspace root (the crate sits in `hesa/`).
pub fn workspace() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

pub fn fixture(name: &str) -> (String, Vec<u8>) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name);
    (name.to_string(), std::fs::read(&path).unwrap_or_else(|e| panic!("fixture {}: {e}", path.display())))
}

/// Every CSV file in `data/hesa/`, as `(file name, bytes)`, sorted by name.
pub fn hesa_files() -> Vec<(String, Vec<u8>)> {
    let dir = workspace().join("data/hesa");
    let entries = std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e} (the HESA downloads belong in the repository)", dir.display()));
    let mut files: Vec<(String, Vec<u8>)> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "csv"))
        .map(|p| {
            let name = p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            let bytes = std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            (name, bytes)
        })
        .collect();
    files.sort();
    assert!(files.len() >= 30, "{} holds {} CSV files", dir.display(), files.len());
    files
}
