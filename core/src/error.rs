//! Errors with a position: which file, which line and column, and what was expected there.

use std::fmt;

/// An error in a data file (a HESA download, a tidy dataset or the manifest).
///
/// `line` and `column` are 1-based; either is absent when the problem is not tied to one place
/// (for example "the file has no header row").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataError {
    pub file: String,
    pub line: Option<u64>,
    pub column: Option<usize>,
    pub message: String,
}

impl DataError {
    pub fn new(file: &str, message: impl Into<String>) -> Self {
        DataError { file: file.to_string(), line: None, column: None, message: message.into() }
    }

    pub fn at(file: &str, line: u64, column: Option<usize>, message: impl Into<String>) -> Self {
        DataError { file: file.to_string(), line: Some(line), column, message: message.into() }
    }
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(line) = self.line {
            write!(f, ", line {line}")?;
        }
        if let Some(column) = self.column {
            write!(f, ", column {column}")?;
        }
        write!(f, ": {}", self.message)
    }
}

impl std::error::Error for DataError {}

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
    let line = err.position().map(|p| lines.line_of(p.byte()));
    let message = match err.kind() {
        csv::ErrorKind::Utf8 { err, .. } => {
            format!("expected UTF-8 text (field {} is not valid UTF-8)", err.field() + 1)
        }
        csv::ErrorKind::UnequalLengths { expected_len, len, .. } => {
            format!("expected {expected_len} fields, found {len}")
        }
        csv::ErrorKind::Io(e) => format!("could not be read: {e}"),
        other => format!("is not valid CSV: {other:?}"),
    };
    DataError { file: file.to_string(), line, column: None, message }
}
