//! `refresh-data`: rebuilds the bundled tidy datasets from a folder of HESA downloads
//! (`data/hesa/` unless another is given).
//!
//!     cargo run -p hesa-import --bin refresh-data -- [<hesa-folder, default data/hesa> [<data-folder, default data>]]
//!     cargo run -p hesa-import --bin refresh-data -- --check [<hesa-folder> [<data-folder>]]
//!
//! With `--check` nothing is written: it fails if the committed data differs from what the
//! downloads give, which proves every bundled figure traces back to HESA.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use hesa_import::refresh;

fn main() -> ExitCode {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let check = args.iter().any(|a| a == "--check");
    args.retain(|a| a != "--check");
    let (input, output) = match args.as_slice() {
        [] => (PathBuf::from("data/hesa"), PathBuf::from("data")),
        [input] => (PathBuf::from(input), PathBuf::from("data")),
        [input, output] => (PathBuf::from(input), PathBuf::from(output)),
        _ => {
            eprintln!("usage: refresh-data [--check] [<folder of HESA downloads, default data/hesa> [<data folder, default data>]]");
            return ExitCode::from(2);
        }
    };
    match run(&input, &output, check) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(message) => {
            eprintln!("refresh-data: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(input: &Path, output: &Path, check: bool) -> Result<bool, String> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(input)
        .map_err(|e| format!("cannot read the folder {}: {e}", input.display()))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x.eq_ignore_ascii_case("csv")))
        .collect();
    paths.sort();
    let mut inputs = Vec::with_capacity(paths.len());
    for path in &paths {
        let bytes = std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        inputs.push((name, bytes));
    }
    let refreshed = refresh::refresh(&inputs).map_err(|e| e.to_string())?;
    for skipped in &refreshed.skipped {
        eprintln!("skipped (not a bundled table): {skipped}");
    }
    let mut outputs = refreshed.files.clone();
    outputs.push(("manifest.json".to_string(), refreshed.manifest.to_json()));

    let mut same = true;
    for (name, text) in &outputs {
        let path = output.join(name);
        if check {
            let current = std::fs::read_to_string(&path).unwrap_or_default();
            if current != *text {
                eprintln!("differs from what the downloads give: {}", path.display());
                same = false;
            }
        } else {
            let dir = path.parent().unwrap_or(output);
            std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
            std::fs::write(&path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        }
    }
    for d in &refreshed.manifest.datasets {
        println!("{}: {} ({}, {})", d.id, d.title, d.source_table, d.file);
    }
    if check && same {
        println!("data/ matches the HESA downloads in {}", input.display());
    } else if !check {
        println!("wrote {} files to {}", outputs.len(), output.display());
    }
    Ok(same)
}
