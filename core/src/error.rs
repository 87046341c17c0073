//! Errors with a position: which file, which line and column, and what was expected there.

use std::fmt;

/// Where an error is: the file, and the 1-based line and column when the problem is tied to one
/// place (either is absent for, say, "the file has no header row").
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Position {
    pub file: String,
    pub line: Option<u64>,
    pub column: Option<usize>,
}

/// What went wrong, for code to match on. The message for people is built from the kind and the
/// [`Position`] in one place: `DataError`'s `Display`. The kinds only a HESA download can have
/// (its metadata, header and rows, several files of one table) exist with the `downloads` feature,
/// which the `hesa-import` crate turns on: the page, which never reads a download, carries neither
/// them nor their messages.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The bytes are not UTF-8 text.
    NotUtf8,
    /// Not CSV at all (the csv crate's own complaint).
    NotCsv { detail: String },
    /// The file could not be read.
    Io { detail: String },
    /// A row with the wrong number of fields.
    UnequalLengths { expected: usize, found: usize },
    /// The file stops inside a quoted value.
    Truncated,
    #[cfg(feature = "downloads")]
    /// No header row starting with `UKPRN`: not a HESA download.
    NoHeader,
    #[cfg(feature = "downloads")]
    /// Before the header, a line that is neither metadata nor the header.
    NotMetadata { found: String },
    /// A header (or one of its columns) other than the one expected.
    UnexpectedHeader { expected: String, found: String },
    #[cfg(feature = "downloads")]
    /// A header with no value columns.
    ShortHeader,
    #[cfg(feature = "downloads")]
    /// A header cell with no label.
    EmptyLabel,
    #[cfg(feature = "downloads")]
    /// No provider rows after the header.
    NoRows,
    /// A row without a UKPRN (only HESA's all-UK `Total` row has none).
    MissingUkprn { provider: String },
    #[cfg(feature = "downloads")]
    /// A UKPRN that is not 8 digits.
    BadUkprn { found: String },
    #[cfg(feature = "downloads")]
    /// A provider row with an empty name.
    MissingName,
    #[cfg(feature = "downloads")]
    /// The same UKPRN twice in one file.
    DuplicateUkprn { ukprn: String, first_line: u64 },
    #[cfg(feature = "downloads")]
    /// A row after the all-UK `Total` row.
    TotalNotLast,
    /// A cell that is not a figure.
    BadNumber { found: String },
    /// A figure with more digits than the files the build writes have (see
    /// [`crate::tidy::parse_written_number`]).
    TooManyDigits { found: String },
    /// A year that does not look like `2020/21`.
    BadYear { found: String },
    #[cfg(feature = "downloads")]
    /// A download whose `Filters:` block gives no academic year.
    MissingYear,
    #[cfg(feature = "downloads")]
    /// Two files for the same table and year.
    DuplicateYear { year: String, other_file: String },
    #[cfg(feature = "downloads")]
    /// Files of different tables opened together.
    DifferentTable { found: String, expected: String, other_file: String },
    #[cfg(feature = "downloads")]
    /// Files of one table whose columns differ.
    DifferentColumns { other_file: String },
    #[cfg(feature = "downloads")]
    /// A file larger than a HESA download can be.
    TooLarge { megabytes: usize, max_megabytes: usize },
    #[cfg(feature = "downloads")]
    /// Nothing to open.
    NoFiles,
    #[cfg(feature = "downloads")]
    /// A bundled table with no download among the inputs.
    MissingTable { reference: String, title: String },
    /// A partner with no row (`year` when a download lacks it).
    MissingPartner { name: String, ukprn: String, year: Option<String> },
    #[cfg(feature = "downloads")]
    /// A download without the all-UK `Total` row.
    MissingTotal,
    /// A category the manifest does not list for the dataset.
    UnknownCategory { dataset: String, group: String, category: String },
    /// Two rows for one provider, year and category.
    DuplicateRow { first_line: u64 },
    /// A figure below zero or not finite.
    Negative { value: f64 },
    /// A published total that its parts do not add up to.
    InconsistentTotal { provider: String, year: String, total: String, published: f64, sum: f64 },
    /// A provider in the other-providers file that is bundled already.
    AlreadyBundled { ukprn: String },
    /// A data file the manifest names but the build lacks.
    MissingFile { dataset: String },
    /// A row without a category name.
    MissingCategory,
    /// The manifest is not valid JSON of the expected shape.
    BadManifest { detail: String },
    /// The manifest lists a partner, dataset id or category twice.
    Repeated { what: String, found: String },
    /// A default category that is not one of the dataset's categories.
    UnknownDefault { dataset: String, category: String },
    /// A manifest without datasets.
    NoDatasets,
    /// A dataset id the manifest does not list.
    UnknownDataset { id: String },
    /// A dataset's tidy file is missing where the served form is written.
    MissingTidyFile,
    /// A dataset file written for serving does not read back to the bundled figures.
    ServedFileDiffers,
    #[cfg(feature = "downloads")]
    /// A column naming a year other than the one the file's own year implies (Staff Table 22's
    /// "Total academic staff <previous year>" and "<this year>").
    YearColumnMismatch { expected: String, found: String, file_year: String },
    /// A dataset's labels for one year that do not give one label per category.
    BadYearLabels { dataset: String, year: String, expected: usize, found: usize },
    /// A rate base that is not one of the dataset's categories.
    UnknownRateBase { dataset: String, category: String },
    /// A coverage row counting more reporting providers than the file held.
    ReportedExceedsProviders { reported: u64, providers: u64 },
    /// A count that is not a whole number of 0 or more.
    BadCount { found: String },
}

/// An error in a data file (a HESA download, a tidy dataset or the manifest): what went wrong and
/// where.
#[derive(Debug, Clone, PartialEq)]
pub struct DataError {
    pub kind: ErrorKind,
    pub position: Position,
}

impl DataError {
    /// An error about a whole file.
    pub fn new(file: &str, kind: ErrorKind) -> Self {
        DataError { kind, position: Position { file: file.to_string(), line: None, column: None } }
    }

    /// An error at a line (and column, when one cell is at fault).
    pub fn at(file: &str, line: u64, column: Option<usize>, kind: ErrorKind) -> Self {
        DataError { kind, position: Position { file: file.to_string(), line: Some(line), column } }
    }

    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }

    pub fn position(&self) -> &Position {
        &self.position
    }
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Position { file, line, column } = &self.position;
        write!(f, "{file}")?;
        if let Some(line) = line {
            write!(f, ", line {line}")?;
        }
        if let Some(column) = column {
            write!(f, ", column {column}")?;
        }
        f.write_str(": ")?;
        use ErrorKind::*;
        match &self.kind {
            NotUtf8 => f.write_str("expected UTF-8 text (HESA downloads are UTF-8; was the file re-saved in another encoding?)"),
            NotCsv { detail } => write!(f, "expected CSV text, found something else ({detail})"),
            Io { detail } => write!(f, "could not be read: {detail}"),
            UnequalLengths { expected, found } => write!(f, "expected {expected} fields, found {found}"),
            Truncated => f.write_str("expected the file to end after a complete row, but it stops inside a quoted value: is it cut short?"),
            #[cfg(feature = "downloads")]
            NoHeader => f.write_str("expected a header row starting with \"UKPRN\"; this does not look like a HESA \"download this table\" CSV file"),
            #[cfg(feature = "downloads")]
            NotMetadata { found } => write!(f, "expected a metadata line (like `Title:,...`) or the header row starting with \"UKPRN\", found \"{}\"", truncate(found)),
            UnexpectedHeader { expected, found } => write!(f, "expected {expected}, found {found}"),
            #[cfg(feature = "downloads")]
            ShortHeader => f.write_str("expected the header row to name UKPRN, the provider and at least one value column"),
            #[cfg(feature = "downloads")]
            EmptyLabel => f.write_str("expected a column label, found an empty one"),
            #[cfg(feature = "downloads")]
            NoRows => f.write_str("expected provider rows after the header row, found none"),
            MissingUkprn { provider } => write!(f, "expected a UKPRN for \"{}\"; only the all-UK \"Total\" row has none", truncate(provider)),
            #[cfg(feature = "downloads")]
            BadUkprn { found } => write!(f, "expected a UKPRN of 8 digits, found \"{}\"", truncate(found)),
            #[cfg(feature = "downloads")]
            MissingName => f.write_str("expected a provider name, found an empty cell"),
            #[cfg(feature = "downloads")]
            DuplicateUkprn { ukprn, first_line } => write!(f, "expected each UKPRN once, but {ukprn} is also on line {first_line}"),
            #[cfg(feature = "downloads")]
            TotalNotLast => f.write_str("expected the all-UK \"Total\" row to be the last row, found a row after it"),
            BadNumber { found } => write!(f, "expected a number like \"1,655\" or an empty cell, found \"{}\"", truncate(found)),
            TooManyDigits { found } => write!(
                f,
                "expected a figure of at most {} significant digits and {} decimals (as the build writes them), found \"{}\"",
                crate::tidy::MAX_DIGITS,
                crate::tidy::MAX_DECIMALS,
                truncate(found)
            ),
            BadYear { found } => write!(f, "expected an academic year like 2020/21, found \"{}\"", truncate(found)),
            #[cfg(feature = "downloads")]
            MissingYear => f.write_str("expected an \"Academic year\" line in the Filters: block (the year a file holds is only given there)"),
            #[cfg(feature = "downloads")]
            DuplicateYear { year, other_file } => write!(f, "expected one file per year, but {other_file} holds {year} too"),
            #[cfg(feature = "downloads")]
            DifferentTable { found, expected, other_file } => {
                write!(f, "expected the same table as {other_file} (\"{expected}\"), found \"{found}\": open one table at a time")
            }
            #[cfg(feature = "downloads")]
            DifferentColumns { other_file } => write!(f, "expected the same columns as {other_file}"),
            #[cfg(feature = "downloads")]
            TooLarge { megabytes, max_megabytes } => {
                write!(f, "expected a HESA table download (at most {max_megabytes} MB), found a file of {megabytes} MB: too large")
            }
            #[cfg(feature = "downloads")]
            NoFiles => f.write_str("expected at least one file"),
            #[cfg(feature = "downloads")]
            MissingTable { reference, title } => write!(f, "expected at least one download of HESA {reference} ({title}), found none"),
            MissingPartner { name, ukprn, year: Some(year) } => write!(f, "expected a row for {name} (UKPRN {ukprn}) in {year}, found none"),
            MissingPartner { name, ukprn, year: None } => write!(f, "expected figures for partner {name} (UKPRN {ukprn}), found none"),
            #[cfg(feature = "downloads")]
            MissingTotal => f.write_str("expected the all-UK \"Total\" row at the end, found none"),
            UnknownCategory { dataset, group, category } => {
                write!(f, "expected a category of \"{dataset}\" listed in the manifest, found \"{category}\" in group \"{group}\"")
            }
            DuplicateRow { first_line } => write!(f, "expected one row per provider, year and category, but line {first_line} has the same"),
            Negative { value } => write!(f, "expected a count of 0 or more, found {}", figure(*value)),
            InconsistentTotal { provider, year, total, published, sum } => write!(
                f,
                "inconsistent figures: {provider} {year} \"{total}\" is {} but its parts sum to {} (more than HESA's rounding allows)",
                figure(*published),
                figure(*sum)
            ),
            AlreadyBundled { ukprn } => write!(f, "expected only providers not already bundled, found {ukprn}"),
            MissingFile { dataset } => write!(f, "expected the data file of dataset \"{dataset}\""),
            MissingCategory => f.write_str("expected a category name"),
            BadManifest { detail } => write!(f, "expected a valid manifest: {detail}"),
            Repeated { what, found } => write!(f, "expected each {what} once, found \"{found}\" twice"),
            UnknownDefault { dataset, category } => {
                write!(f, "dataset \"{dataset}\": expected the default category \"{category}\" to be one of its categories")
            }
            NoDatasets => f.write_str("expected at least one dataset"),
            UnknownDataset { id } => write!(f, "expected a dataset \"{id}\" in the manifest"),
            MissingTidyFile => f.write_str("expected the dataset's tidy file"),
            ServedFileDiffers => f.write_str("expected the served file to read back to the bundled figures"),
            #[cfg(feature = "downloads")]
            YearColumnMismatch { expected, found, file_year } => {
                write!(f, "expected \"{expected}\" in a {file_year} download, found \"{}\": does this column belong to another year's file?", truncate(found))
            }
            BadYearLabels { dataset, year, expected, found } => {
                write!(f, "dataset \"{dataset}\": expected {expected} labels for {year} (one per category), found {found}")
            }
            UnknownRateBase { dataset, category } => {
                write!(f, "dataset \"{dataset}\": expected the rate base \"{category}\" to be one of its categories")
            }
            ReportedExceedsProviders { reported, providers } => {
                write!(f, "expected at most {providers} reporting providers (the providers in the file), found {reported}")
            }
            BadCount { found } => write!(f, "expected a whole number of 0 or more, found \"{}\"", truncate(found)),
        }
    }
}

impl std::error::Error for DataError {}

/// A figure in a message: as written in data files (no float formatting on the page).
fn figure(value: f64) -> String {
    match value {
        v if v.is_nan() => "NaN".into(),
        v if v.is_infinite() => (if v > 0.0 { "infinity" } else { "-infinity" }).into(),
        v => crate::format::plain(v, 6),
    }
}

/// At most 60 characters of what was found, for messages.
fn truncate(s: &str) -> String {
    const MAX: usize = 60;
    if s.chars().count() <= MAX {
        s.to_string()
    } else {
        let head: String = s.chars().take(MAX).collect();
        format!("{head}…")
    }
}

/// Maps byte offsets to 1-based line numbers. (The csv crate's own line count skips blank lines,
/// which HESA downloads have, so positions are taken from byte offsets instead.)
pub struct Lines<'a> {
    text: &'a [u8],
    starts: Vec<usize>,
}

impl<'a> Lines<'a> {
    pub fn new(text: &'a str) -> Lines<'a> {
        let mut starts = vec![0];
        starts.extend(text.bytes().enumerate().filter(|(_, b)| *b == b'\n').map(|(i, _)| i + 1));
        Lines { text: text.as_bytes(), starts }
    }

    pub fn line_of(&self, byte: u64) -> u64 {
        let byte = usize::try_from(byte).unwrap_or(usize::MAX);
        self.starts.partition_point(|&start| start <= byte) as u64
    }

    /// The line a csv record starts on. The csv crate places a record after blank lines at the
    /// first blank line, so line breaks at its position are skipped.
    pub fn of_record(&self, record: &csv::StringRecord) -> u64 {
        let Some(position) = record.position() else { return 0 };
        let mut byte = usize::try_from(position.byte()).unwrap_or(usize::MAX);
        while matches!(self.text.get(byte), Some(b'\n' | b'\r')) {
            byte += 1;
        }
        self.line_of(byte as u64)
    }
}

/// Converts a csv crate error into a positioned [`DataError`].
pub fn from_csv(file: &str, lines: &Lines, err: &csv::Error) -> DataError {
    let kind = match err.kind() {
        csv::ErrorKind::Utf8 { .. } => ErrorKind::NotUtf8,
        csv::ErrorKind::UnequalLengths { expected_len, len, .. } => {
            ErrorKind::UnequalLengths { expected: *expected_len as usize, found: *len as usize }
        }
        csv::ErrorKind::Io(e) => ErrorKind::Io { detail: e.to_string() },
        // Reading string records from text cannot seek, serialize or deserialize: named, not
        // formatted (the csv crate's Debug and Display would add kilobytes to the page).
        csv::ErrorKind::Serialize(detail) => ErrorKind::NotCsv { detail: detail.clone() },
        csv::ErrorKind::Deserialize { .. } => ErrorKind::NotCsv { detail: "a record could not be deserialized".into() },
        _ => ErrorKind::NotCsv { detail: "the CSV reader failed".into() },
    };
    let position = Position { file: file.to_string(), line: err.position().map(|p| lines.line_of(p.byte())), column: None };
    DataError { kind, position }
}
