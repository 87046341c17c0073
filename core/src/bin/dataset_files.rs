//! `dataset-files`: writes each bundled dataset's figures as the static file the explorer fetches
//! when a visitor first picks it (`datasets/<file>` in the wide form, see
//! `workforce_core::dataset::served_file`), after checking all of `data/` as the build does.
//!
//!     cargo run -p workforce-core --bin dataset-files -- [<data folder> [<site folder>]]
//!
//! The data folder defaults to `data`, the site folder to `$TRUNK_STAGING_DIR`: Trunk runs it as a
//! build hook (see `Trunk.toml`), so the files land in `dist/` with the rest of the site.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use workforce_core::Bundle;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let data = PathBuf::from(args.first().map_or("data", String::as_str));
    let site = args.get(1).cloned().or_else(|| std::env::var("TRUNK_STAGING_DIR").ok());
    let Some(site) = site.map(PathBuf::from) else {
        eprintln!("usage: dataset-files [<data folder> [<site folder, default $TRUNK_STAGING_DIR>]]");
        return ExitCode::from(2);
    };
    match run(&data, &site) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("dataset-files: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(data: &Path, site: &Path) -> Result<(), String> {
    let read = |name: &str| std::fs::read_to_string(data.join(name)).map_err(|e| format!("{}: {e}", data.join(name).display()));
    let manifest = read("manifest.json")?;
    let names = workforce_core::manifest::Manifest::from_json("manifest.json", &manifest).map_err(|e| e.to_string())?;
    let files = names
        .datasets
        .iter()
        .flat_map(|d| [d.file.clone(), d.coverage_file.clone()])
        .filter(|name| !name.is_empty())
        .map(|name| Ok((name.clone(), read(&name)?)))
        .collect::<Result<Vec<_>, String>>()?;
    let tidy = |name: &str| files.iter().find(|(n, _)| n == name).map(|(_, t)| t.as_str());
    let bundle = Bundle::load(&manifest, tidy).map_err(|e| e.to_string())?;
    for (path, text) in bundle.served_files(tidy).map_err(|e| e.to_string())? {
        let out = site.join(&path);
        if let Some(dir) = out.parent() {
            std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        }
        std::fs::write(&out, &text).map_err(|e| format!("{}: {e}", out.display()))?;
        println!("dataset-files: {path} {} B", text.len());
    }
    Ok(())
}
