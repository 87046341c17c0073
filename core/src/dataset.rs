//! The dataset model: one dataset held as a dense cube of provider x year x category, with the
//! three dimensions dictionary-encoded. Built once from tidy records; queries index into it and
//! never re-parse.

use std::sync::Arc;

use crate::coverage::Coverage;
use crate::error::{DataError, ErrorKind};
use crate::manifest::{CategoryInfo, CategoryKey, DatasetInfo, Manifest};
use crate::tidy::{self, TidyRecord};

/// A provider of the dataset: a partner, another UK provider or the all-UK total.
#[derive(Debug, Clone, PartialEq)]
pub struct Provider {
    /// UKPRN, or `UK` for the all-UK total.
    pub key: String,
    /// The name HESA printed in the newest year.
    pub name: String,
    /// Other names HESA printed in earlier years (providers rename themselves).
    pub former_names: Vec<String>,
}

/// A dataset's cube in its parts: what the importer web worker sends the page, which turns it
/// back into a [`Dataset`] with [`Dataset::from_parts`] without building the cube again.
#[derive(Debug, Clone, PartialEq)]
pub struct CubeParts {
    pub info: DatasetInfo,
    pub providers: Vec<Provider>,
    pub years: Vec<String>,
    /// Values at `(provider * years + year) * categories + category`.
    pub values: Vec<f64>,
    /// Whether HESA reported the value at the same index.
    pub reported: Vec<bool>,
    pub all_providers: bool,
}

#[derive(Debug, Clone)]
pub struct Dataset {
    pub info: DatasetInfo,
    providers: Vec<Provider>,
    years: Vec<String>,
    /// Values at `(provider * years + year) * categories + category`.
    values: Vec<f64>,
    /// Whether HESA reported the value at the same index. Unreported values are never summed.
    reported: Vec<bool>,
    /// Whether every UK provider is loaded (not only the bundled partners and UK total).
    pub all_providers: bool,
    /// How many UK providers reported each figure (see [`Coverage`]), when known.
    coverage: Option<Arc<Coverage>>,
}

impl Dataset {
    /// This dataset with its coverage attached (from `data/coverage/<id>.csv`).
    pub fn with_coverage(mut self, coverage: Coverage) -> Dataset {
        self.coverage = Some(Arc::new(coverage));
        self
    }

    /// How many UK providers reported each figure, when known (not for a visitor's own files).
    pub fn coverage(&self) -> Option<&Coverage> {
        self.coverage.as_deref()
    }

    /// Builds the cube, checking the records against the dataset's categories, rejecting
    /// duplicates and checking each published total against its parts (within HESA's rounding).
    pub fn from_records(info: DatasetInfo, file: &str, records: &[TidyRecord]) -> Result<Dataset, DataError> {
        // (group, name, position), in (group, name) order, searched for each record. Not through
        // `sort::Lookup`: this loop runs once per record (a million for a large file), where a
        // search over the borrowed keys is faster than its `dyn` probe.
        let cats = &info.categories;
        let category_index: Vec<(&str, &str, usize)> = crate::sort::positions(cats.len(), &|a, b| {
            (&cats[a].group, &cats[a].name).cmp(&(&cats[b].group, &cats[b].name))
        })
        .into_iter()
        .map(|c| (cats[c].group.as_str(), cats[c].name.as_str(), c))
        .collect();

        // Each year once (a dataset has a few, its records may be a million), then in order.
        let mut years: Vec<String> = Vec::new();
        for r in records {
            if !years.contains(&r.year) {
                years.push(r.year.clone());
            }
        }
        let years = crate::sort::ascending(years);

        // Providers in first-seen order; each named as in its newest year, earlier names kept.
        // `provider_index`: (UKPRN, position in `providers`), kept in UKPRN order; each record's
        // provider position, in `record_provider`.
        let mut providers: Vec<Provider> = Vec::new();
        let mut provider_index: Vec<(&str, usize)> = Vec::new();
        let mut record_provider: Vec<usize> = Vec::with_capacity(records.len());
        let mut names: Vec<Vec<(&str, &str)>> = Vec::new();
        let mut previous: Option<(&str, usize)> = None;
        for r in records {
            // A provider's records mostly come together: the previous record's provider first.
            let found = match previous {
                Some((key, p)) if key == r.ukprn => Ok(p),
                _ => provider_index.binary_search_by(|(key, _)| (*key).cmp(r.ukprn.as_str())).map(|at| provider_index[at].1),
            };
            let p = match found {
                Ok(p) => p,
                Err(at) => {
                    provider_index.insert(at, (r.ukprn.as_str(), providers.len()));
                    providers.push(Provider { key: r.ukprn.clone(), name: String::new(), former_names: Vec::new() });
                    names.push(Vec::new());
                    providers.len() - 1
                }
            };
            previous = Some((r.ukprn.as_str(), p));
            record_provider.push(p);
            let seen = &mut names[p];
            if !seen.contains(&(r.year.as_str(), r.provider.as_str())) {
                seen.push((r.year.as_str(), r.provider.as_str()));
            }
        }
        for (provider, seen) in providers.iter_mut().zip(names) {
            let seen = crate::sort::ascending(seen);
            if let Some((_, newest)) = seen.last() {
                provider.name = newest.to_string();
            }
            for (_, name) in seen.iter().rev() {
                if *name != provider.name && !provider.former_names.iter().any(|n| n == name) {
                    provider.former_names.push(name.to_string());
                }
            }
        }

        let (ny, nc) = (years.len(), info.categories.len());
        let cells = providers.len() * ny * nc;
        let mut values = vec![0.0; cells];
        let mut reported = vec![false; cells];
        let mut seen = vec![0u64; cells];
        for (r, &p) in records.iter().zip(&record_provider) {
            let wanted = (r.group.as_str(), r.category.as_str());
            let Ok(at) = category_index.binary_search_by(|&(group, name, _)| (group, name).cmp(&wanted)) else {
                let kind = ErrorKind::UnknownCategory { dataset: info.id.clone(), group: r.group.clone(), category: r.category.clone() };
                return Err(DataError::at(file, r.line, Some(5), kind));
            };
            let c = category_index[at].2;
            // `years` holds every record's year (gathered above); none missing can reach here.
            let Some(y) = years.iter().position(|y| *y == r.year) else {
                return Err(DataError::at(file, r.line, Some(3), ErrorKind::BadYear { found: r.year.clone() }));
            };
            let i = (p * ny + y) * nc + c;
            if seen[i] != 0 {
                return Err(DataError::at(file, r.line, None, ErrorKind::DuplicateRow { first_line: seen[i] }));
            }
            seen[i] = r.line.max(1);
            if let Some(v) = r.value {
                if !v.is_finite() || v < 0.0 {
                    return Err(DataError::at(file, r.line, Some(6), ErrorKind::Negative { value: v }));
                }
                values[i] = v;
                reported[i] = true;
            }
        }
        let dataset = Dataset { info, providers, years, values, reported, all_providers: false, coverage: None };
        dataset.check_totals(file, &seen)?;
        Ok(dataset)
    }

    /// A published total must equal the sum of its parts up to HESA's rounding: each figure is
    /// rounded to the nearest 5, so they may differ by at most 2.5 per figure involved.
    fn check_totals(&self, file: &str, lines: &[u64]) -> Result<(), DataError> {
        let cats = &self.info.categories;
        for (t, total) in cats.iter().enumerate().filter(|(_, c)| c.total) {
            let parts: Vec<usize> =
                (0..cats.len()).filter(|&c| total.covers(&cats[c]) && !cats[c].total).collect();
            if parts.is_empty() {
                continue;
            }
            let tolerance = 2.5 * (parts.len() + 1) as f64 + 1e-9;
            for p in 0..self.providers.len() {
                for y in 0..self.years.len() {
                    let Some(published) = self.value(p, y, t) else { continue };
                    let sum: Option<f64> = parts.iter().map(|&c| self.value(p, y, c)).sum();
                    if let Some(sum) = sum {
                        if (published - sum).abs() > tolerance {
                            let kind = ErrorKind::InconsistentTotal {
                                provider: self.providers[p].name.clone(),
                                year: self.years[y].clone(),
                                total: total.label(),
                                published,
                                sum,
                            };
                            return Err(DataError::at(file, lines[self.index(p, y, t)], Some(6), kind));
                        }
                    }
                }
            }
        }
        Ok(())
    }

    /// The cube's parts, for the trip from the importer worker to the page.
    pub fn into_parts(self) -> CubeParts {
        let Dataset { info, providers, years, values, reported, all_providers, .. } = self;
        CubeParts { info, providers, years, values, reported, all_providers }
    }

    /// The dataset whose parts [`Dataset::into_parts`] gave. Checks only what keeps the cube
    /// sound (its size, and reported figures being counts of 0 or more); the figures themselves
    /// were checked when the cube was first built.
    pub fn from_parts(parts: CubeParts) -> Result<Dataset, DataError> {
        let CubeParts { info, providers, years, values, reported, all_providers } = parts;
        let file = "(imported table)";
        let cells = providers.len() * years.len() * info.categories.len();
        if values.len() != cells || reported.len() != cells {
            return Err(DataError::new(file, ErrorKind::UnequalLengths { expected: cells, found: values.len().max(reported.len()) }));
        }
        if let Some(v) = values.iter().zip(&reported).find_map(|(v, r)| (*r && (!v.is_finite() || *v < 0.0)).then_some(*v)) {
            return Err(DataError::new(file, ErrorKind::Negative { value: v }));
        }
        Ok(Dataset { info, providers, years, values, reported, all_providers, coverage: None })
    }

    /// The cube back as tidy records (each provider under its newest name).
    pub fn records(&self) -> Vec<TidyRecord> {
        let mut out = Vec::with_capacity(self.values.len());
        for (p, provider) in self.providers.iter().enumerate() {
            for (y, year) in self.years.iter().enumerate() {
                for (c, category) in self.info.categories.iter().enumerate() {
                    out.push(TidyRecord {
                        ukprn: provider.key.clone(),
                        provider: provider.name.clone(),
                        year: year.clone(),
                        group: category.group.clone(),
                        category: category.name.clone(),
                        value: self.value(p, y, c),
                        line: 0,
                    });
                }
            }
        }
        out
    }

    /// This dataset with every other UK provider added, from the on-demand file's text.
    pub fn with_all_providers(&self, text: &str) -> Result<Dataset, DataError> {
        let file = self.info.others_file.as_str();
        let others = crate::wide::read(file, text, &self.info.categories)?;
        if let Some(clash) = others.iter().find(|r| self.provider_index(&r.ukprn).is_some()) {
            return Err(DataError::at(file, clash.line, Some(1), ErrorKind::AlreadyBundled { ukprn: clash.ukprn.clone() }));
        }
        let mut records = self.records();
        records.extend(others);
        let mut data = Dataset::from_records(self.info.clone(), file, &records)?;
        data.all_providers = true;
        data.coverage = self.coverage.clone();
        Ok(data)
    }

    fn index(&self, provider: usize, year: usize, category: usize) -> usize {
        (provider * self.years.len() + year) * self.info.categories.len() + category
    }

    /// The figure HESA reported, or `None` where it did not (never 0 for "not reported").
    pub fn value(&self, provider: usize, year: usize, category: usize) -> Option<f64> {
        let i = self.index(provider, year, category);
        match self.reported.get(i) {
            Some(true) => self.values.get(i).copied(),
            _ => None,
        }
    }

    pub fn providers(&self) -> &[Provider] {
        &self.providers
    }

    pub fn years(&self) -> &[String] {
        &self.years
    }

    pub fn categories(&self) -> &[CategoryInfo] {
        &self.info.categories
    }

    pub fn provider_index(&self, key: &str) -> Option<usize> {
        self.providers.iter().position(|p| p.key == key)
    }

    pub fn year_index(&self, year: &str) -> Option<usize> {
        self.years.iter().position(|y| y == year)
    }

    pub fn category_index(&self, key: &CategoryKey) -> Option<usize> {
        self.info.categories.iter().position(|c| c.group == key.group && c.name == key.name)
    }

    /// The groups of categories in display order (`""` for ungrouped).
    pub fn groups(&self) -> Vec<&str> {
        let mut groups: Vec<&str> = Vec::new();
        for c in &self.info.categories {
            if !groups.contains(&c.group.as_str()) {
                groups.push(&c.group);
            }
        }
        groups
    }
}

/// The path, inside the built site, of the file a dataset's figures are served in for the browser
/// to fetch (the wide form, see [`Bundle::served_files`]), e.g. `datasets/staff-occupation.csv`.
pub fn served_file(info: &DatasetInfo) -> String {
    format!("datasets/{}", info.file)
}

/// The line that parts a served file's figures (wide form) from the dataset's coverage
/// (`data/coverage/<id>.csv` as committed), so a dataset arrives in one request.
pub const COVERAGE_MARKER: &str = "# coverage\n";

/// A served file's figures and, when it carries one, its coverage.
pub fn split_served(text: &str) -> (&str, Option<&str>) {
    if let Some(rest) = text.strip_prefix(COVERAGE_MARKER) {
        return ("", Some(rest));
    }
    match text.split_once(&format!("\n{COVERAGE_MARKER}")) {
        Some((figures, coverage)) => (figures, Some(coverage)),
        None => (text, None),
    }
}

/// Everything the explorer knows: the manifest (every dataset's description) and the figures of
/// the datasets loaded so far. In the browser only the default dataset (the first in the manifest)
/// comes with the page; the others are fetched when a visitor or a link asks for one and added
/// with [`Bundle::with_dataset`]. A visitor's own datasets are loaded but not in the manifest.
#[derive(Debug, Clone)]
pub struct Bundle {
    pub manifest: Manifest,
    /// The loaded datasets, the default one first.
    pub datasets: Vec<Dataset>,
}

impl Bundle {
    /// Loads the manifest and each dataset's tidy CSV, as found by `file(name)`.
    pub fn load<'a>(manifest_json: &str, file: impl Fn(&str) -> Option<&'a str>) -> Result<Bundle, DataError> {
        let manifest = Manifest::from_json("manifest.json", manifest_json)?;
        Bundle::from_manifest(manifest, |info| match file(&info.file) {
            Some(text) => tidy::read(&info.file, text),
            None => Err(DataError::new(&info.file, ErrorKind::MissingFile { dataset: info.id.clone() })),
        })
    }

    /// Builds and checks every dataset of a manifest from the records `records(dataset)` gives.
    pub fn from_manifest(
        manifest: Manifest,
        records: impl Fn(&DatasetInfo) -> Result<Vec<TidyRecord>, DataError>,
    ) -> Result<Bundle, DataError> {
        Bundle::partial(manifest, |info| Some(records(info)))
    }

    /// Describes every dataset of a manifest but builds only those `records(dataset)` gives figures
    /// for (`None`: not loaded yet). The first dataset, the default view, must be among them.
    pub fn partial(
        manifest: Manifest,
        records: impl Fn(&DatasetInfo) -> Option<Result<Vec<TidyRecord>, DataError>>,
    ) -> Result<Bundle, DataError> {
        let mut datasets = Vec::with_capacity(manifest.datasets.len());
        for (i, info) in manifest.datasets.iter().enumerate() {
            match records(info) {
                Some(records) => datasets.push(checked(&manifest, info, &info.file, &records?)?),
                None if i == 0 => {
                    return Err(DataError::new(&info.file, ErrorKind::MissingFile { dataset: info.id.clone() }))
                }
                None => {}
            }
        }
        if datasets.is_empty() {
            return Err(DataError::new("manifest.json", ErrorKind::NoDatasets));
        }
        Ok(Bundle { manifest, datasets })
    }

    /// The bundle the page starts with: every dataset of the manifest described, and the default one
    /// (the first) read once from its served text (figures and coverage), as any served file is.
    pub fn from_served_default(manifest: Manifest, text: &str) -> Result<Bundle, DataError> {
        let Some(id) = manifest.datasets.first().map(|d| d.id.clone()) else {
            return Err(DataError::new("manifest.json", ErrorKind::NoDatasets));
        };
        let shell = Bundle { manifest, datasets: Vec::new() };
        let data = shell.read_served(&id, text)?;
        Ok(Bundle { datasets: vec![data], ..shell })
    }

    /// The bundle a visitor holds once every dataset has been fetched: each dataset of the manifest
    /// read from its served file (`served`: `(path, text)`, as [`Bundle::served_files`] gives them).
    /// The build pre-renders and checks published views against it.
    pub fn from_served(manifest: Manifest, served: &[(String, String)]) -> Result<Bundle, DataError> {
        let shell = Bundle { manifest, datasets: Vec::new() };
        let mut datasets = Vec::with_capacity(shell.manifest.datasets.len());
        for info in &shell.manifest.datasets {
            let path = served_file(info);
            let Some((_, text)) = served.iter().find(|(p, _)| *p == path) else {
                return Err(DataError::new(&path, ErrorKind::MissingFile { dataset: info.id.clone() }));
            };
            datasets.push(shell.read_served(&info.id, text)?);
        }
        if datasets.is_empty() {
            return Err(DataError::new("manifest.json", ErrorKind::NoDatasets));
        }
        Ok(Bundle { datasets, ..shell })
    }

    /// This bundle with a dataset added, or replacing the one with the same id.
    pub fn with_dataset(&self, dataset: Dataset) -> Bundle {
        let mut datasets = self.datasets.clone();
        match datasets.iter_mut().find(|d| d.info.id == dataset.info.id) {
            Some(slot) => *slot = dataset,
            None => datasets.push(dataset),
        }
        Bundle { manifest: self.manifest.clone(), datasets }
    }

    /// A loaded dataset.
    pub fn dataset(&self, id: &str) -> Option<&Dataset> {
        self.datasets.iter().find(|d| d.info.id == id)
    }

    /// Whether a dataset's figures are loaded.
    pub fn is_loaded(&self, id: &str) -> bool {
        self.dataset(id).is_some()
    }

    /// Every dataset the bundle knows, loaded or not: the manifest's in its order, then the
    /// visitor's own.
    pub fn infos(&self) -> Vec<&DatasetInfo> {
        let own = self.datasets.iter().map(|d| &d.info).filter(|i| self.manifest.dataset(&i.id).is_none());
        self.manifest.datasets.iter().chain(own).collect()
    }

    /// A dataset the manifest describes whose figures are not loaded yet.
    pub fn not_loaded(&self, id: &str) -> Option<&DatasetInfo> {
        self.manifest.dataset(id).filter(|_| !self.is_loaded(id))
    }

    /// Reads a dataset of the manifest from the text of its served file ([`served_file`], the
    /// wide form) and checks it as the build did. Errors name that file.
    pub fn read_served(&self, id: &str, text: &str) -> Result<Dataset, DataError> {
        let info = self.manifest.dataset(id).ok_or_else(|| DataError::new("manifest.json", ErrorKind::UnknownDataset { id: id.to_string() }))?;
        let file = served_file(info);
        let (figures, coverage) = split_served(text);
        let records = crate::wide::read(&file, figures, &info.categories)?;
        let dataset = checked(&self.manifest, info, &file, &records)?;
        match coverage {
            Some(text) => Ok(dataset.with_coverage(crate::coverage::Coverage::read(&info.coverage_file, text)?)),
            None => Ok(dataset),
        }
    }

    /// Every loaded dataset's served file, `(path, text)`, in the wide form written from its tidy
    /// text (`tidy(file name)`, each provider under the name of each year), and checked to read
    /// back to exactly the figures this bundle holds.
    pub fn served_files<'a>(&self, tidy_text: impl Fn(&str) -> Option<&'a str>) -> Result<Vec<(String, String)>, DataError> {
        let mut out = Vec::with_capacity(self.datasets.len());
        for data in &self.datasets {
            let info = &data.info;
            let text = tidy_text(&info.file).ok_or_else(|| DataError::new(&info.file, ErrorKind::MissingTidyFile))?;
            let mut wide = crate::wide::write(&info.categories, &tidy::read(&info.file, text)?);
            // The dataset's coverage travels in the same file, after its figures.
            if !info.coverage_file.is_empty() {
                let coverage = tidy_text(&info.coverage_file).ok_or_else(|| DataError::new(&info.coverage_file, ErrorKind::MissingTidyFile))?;
                if !wide.ends_with('\n') {
                    wide.push('\n');
                }
                wide.push_str(COVERAGE_MARKER);
                wide.push_str(coverage);
            }
            let back = self.read_served(&info.id, &wide)?;
            if back.records() != data.records() {
                return Err(DataError::new(&served_file(info), ErrorKind::ServedFileDiffers));
            }
            out.push((served_file(info), wide));
        }
        Ok(out)
    }
}

/// A dataset built from its records and checked against the manifest: every partner has figures.
fn checked(manifest: &Manifest, info: &DatasetInfo, file: &str, records: &[TidyRecord]) -> Result<Dataset, DataError> {
    let dataset = Dataset::from_records(info.clone(), file, records)?;
    for partner in &manifest.partners {
        if dataset.provider_index(&partner.ukprn).is_none() {
            let kind = ErrorKind::MissingPartner { name: partner.name.clone(), ukprn: partner.ukprn.clone(), year: None };
            return Err(DataError::new(file, kind));
        }
    }
    Ok(dataset)
}
