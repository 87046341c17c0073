//! How much of the UK a dataset's figures cover: for each year and category, how many providers
//! HESA's download held, how many of them reported the figure, and the sum over those that did.
//! One CSV per dataset (`data/coverage/<id>.csv`, written by `refresh-data`):
//! `year,group,category,providers,reported,reported_sum`.
//!
//! `reported_sum` is the basis of the comparator "UK, providers that reported": it is not HESA's
//! published UK total (the `Total` row), which HESA leaves empty where some providers opted out
//! (non-academic staff from 2019/20), and it is the sum of figures each rounded by HESA.

use std::cmp::Ordering;

use crate::error::{from_csv, DataError, ErrorKind, Lines};
use crate::manifest::CategoryKey;
use crate::sort::Lookup;
use crate::tidy::{is_academic_year, parse_written_number};

pub const HEADER: [&str; 6] = ["year", "group", "category", "providers", "reported", "reported_sum"];

/// One year and category of a dataset.
#[derive(Debug, Clone, PartialEq)]
pub struct CoverageRow {
    pub year: String,
    pub group: String,
    pub category: String,
    /// Providers in HESA's download for that year (not counting its `Total` row).
    pub providers: u64,
    /// Of those, how many reported this figure.
    pub reported: u64,
    /// The sum of the figures of the providers that reported it (0 when none did).
    pub reported_sum: f64,
    /// 1-based line in the file it was read from (0 when built in memory).
    pub line: u64,
}

impl CoverageRow {
    pub fn key(&self) -> CategoryKey {
        CategoryKey { group: self.group.clone(), name: self.category.clone() }
    }

    /// Whether every provider in HESA's file reported the figure.
    pub fn is_complete(&self) -> bool {
        self.reported == self.providers
    }

    /// How many providers in HESA's file did not report the figure.
    pub fn not_reported(&self) -> u64 {
        self.providers.saturating_sub(self.reported)
    }

    /// The sum over the providers that reported, or `None` when none did (never 0 for that).
    pub fn sum(&self) -> Option<f64> {
        (self.reported > 0).then_some(self.reported_sum)
    }
}

/// A dataset's coverage, looked up by year and category.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Coverage {
    rows: Vec<CoverageRow>,
    /// The rows by year, group and category.
    index: Lookup,
}

/// Orders rows by year, group and category.
fn by_key(a: &CoverageRow, b: &CoverageRow) -> Ordering {
    (&a.year, &a.group, &a.category).cmp(&(&b.year, &b.group, &b.category))
}

impl Coverage {
    /// Builds the lookup, refusing a year and category given twice and counts that cannot be.
    pub fn new(file: &str, rows: Vec<CoverageRow>) -> Result<Coverage, DataError> {
        let index = Lookup::new(rows.len(), &|a, b| by_key(&rows[a], &rows[b]));
        // Each row given again, with the row it repeats; then every row checked in file order.
        let mut first_of = vec![None; rows.len()];
        for (again, first) in index.repeats(&|a, b| by_key(&rows[a], &rows[b])) {
            first_of[again] = Some(first);
        }
        for (r, first) in rows.iter().zip(first_of) {
            if r.reported > r.providers {
                let kind = ErrorKind::ReportedExceedsProviders { reported: r.reported, providers: r.providers };
                return Err(DataError::at(file, r.line, Some(5), kind));
            }
            if !r.reported_sum.is_finite() || r.reported_sum < 0.0 {
                return Err(DataError::at(file, r.line, Some(6), ErrorKind::Negative { value: r.reported_sum }));
            }
            if let Some(first) = first {
                let first_line = rows.get(first).map_or(0, |f| f.line);
                return Err(DataError::at(file, r.line, None, ErrorKind::DuplicateRow { first_line }));
            }
        }
        Ok(Coverage { rows, index })
    }

    /// Reads a coverage file. Errors name the file, line and column.
    pub fn read(file: &str, text: &str) -> Result<Coverage, DataError> {
        let lines = Lines::new(text);
        let mut reader = csv::ReaderBuilder::new().has_headers(true).from_reader(text.as_bytes());
        let header = reader.headers().map_err(|e| from_csv(file, &lines, &e))?.clone();
        if header.iter().ne(HEADER.iter().copied()) {
            let found = header.iter().collect::<Vec<_>>().join(",");
            let kind = ErrorKind::UnexpectedHeader { expected: format!("the header \"{}\"", HEADER.join(",")), found: format!("\"{found}\"") };
            return Err(DataError::at(file, 1, None, kind));
        }
        let mut rows = Vec::new();
        for result in reader.records() {
            let record = result.map_err(|e| from_csv(file, &lines, &e))?;
            let line = lines.of_record(&record);
            let field = |i: usize| record.get(i).unwrap_or("");
            if !is_academic_year(field(0)) {
                return Err(DataError::at(file, line, Some(1), ErrorKind::BadYear { found: field(0).to_string() }));
            }
            if field(2).is_empty() {
                return Err(DataError::at(file, line, Some(3), ErrorKind::MissingCategory));
            }
            let count = |i: usize| -> Result<u64, DataError> {
                let cell = field(i);
                if cell.is_empty() || !cell.bytes().all(|b| b.is_ascii_digit()) {
                    return Err(DataError::at(file, line, Some(i + 1), ErrorKind::BadCount { found: cell.to_string() }));
                }
                cell.parse().map_err(|_| DataError::at(file, line, Some(i + 1), ErrorKind::BadCount { found: cell.to_string() }))
            };
            let providers = count(3)?;
            let reported = count(4)?;
            // Written by `refresh-data`, so read with the page's exact parser (no float parsing tables).
            let reported_sum = match parse_written_number(field(5)) {
                Ok(Some(v)) => v,
                Ok(None) => return Err(DataError::at(file, line, Some(6), ErrorKind::BadNumber { found: field(5).to_string() })),
                Err(kind) => return Err(DataError::at(file, line, Some(6), kind)),
            };
            rows.push(CoverageRow {
                year: field(0).to_string(),
                group: field(1).to_string(),
                category: field(2).to_string(),
                providers,
                reported,
                reported_sum,
                line,
            });
        }
        Coverage::new(file, rows)
    }

    /// Writes the rows as a coverage file, in their order.
    pub fn write(&self) -> String {
        let mut writer = csv::WriterBuilder::new().has_headers(false).from_writer(Vec::new());
        let _ = writer.write_record(HEADER);
        for r in &self.rows {
            let counts = [r.providers.to_string(), r.reported.to_string(), crate::tidy::format_value(r.reported_sum)];
            // Writing to a Vec cannot fail.
            let _ = writer.write_record([r.year.as_str(), &r.group, &r.category, &counts[0], &counts[1], &counts[2]]);
        }
        String::from_utf8(writer.into_inner().unwrap_or_default()).unwrap_or_default()
    }

    /// The coverage of one year and category.
    pub fn get(&self, year: &str, category: &CategoryKey) -> Option<&CoverageRow> {
        let wanted = (year, category.group.as_str(), category.name.as_str());
        let rows = &self.rows;
        self.index.find(&|i| (rows[i].year.as_str(), rows[i].group.as_str(), rows[i].category.as_str()).cmp(&wanted)).and_then(|i| rows.get(i))
    }

    pub fn rows(&self) -> &[CoverageRow] {
        &self.rows
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(year: &str, category: &str, providers: u64, reported: u64, reported_sum: f64) -> CoverageRow {
        CoverageRow { year: year.into(), group: "Non-academic".into(), category: category.into(), providers, reported, reported_sum, line: 0 }
    }

    #[test]
    fn round_trip_and_lookup() {
        let rows = vec![row("2022/23", "Skilled trades occupations", 260, 229, 5120.0), row("2023/24", "Skilled trades occupations", 266, 0, 0.0)];
        let coverage = Coverage::new("c.csv", rows).expect("coverage");
        let text = coverage.write();
        assert_eq!(
            text,
            "year,group,category,providers,reported,reported_sum\n2022/23,Non-academic,Skilled trades occupations,260,229,5120\n2023/24,Non-academic,Skilled trades occupations,266,0,0\n"
        );
        let back = Coverage::read("c.csv", &text).expect("reads back");
        let key = CategoryKey { group: "Non-academic".into(), name: "Skilled trades occupations".into() };
        let r = back.get("2022/23", &key).expect("row");
        assert_eq!((r.providers, r.reported, r.sum(), r.not_reported(), r.line), (260, 229, Some(5120.0), 31, 2));
        assert!(!r.is_complete());
        // Nobody reported: no sum, not a sum of 0.
        assert_eq!(back.get("2023/24", &key).and_then(CoverageRow::sum), None);
        assert_eq!(back.get("2021/22", &key), None);
        assert_eq!(back.get("2022/23", &CategoryKey { group: String::new(), name: "Skilled trades occupations".into() }), None);
    }

    #[test]
    fn errors_name_line_and_column() {
        let head = "year,group,category,providers,reported,reported_sum\n";
        let cases = [
            (format!("{head}2022/23,,Total,260,229,5120\n2022-23,,Total,1,1,1\n"), Some(3), Some(1), ErrorKind::BadYear { found: "2022-23".into() }),
            (format!("{head}2022/23,,Total,26x,229,5120\n"), Some(2), Some(4), ErrorKind::BadCount { found: "26x".into() }),
            (format!("{head}2022/23,,Total,260,,5120\n"), Some(2), Some(5), ErrorKind::BadCount { found: String::new() }),
            (format!("{head}2022/23,,Total,260,229,\n"), Some(2), Some(6), ErrorKind::BadNumber { found: String::new() }),
            (format!("{head}2022/23,,Total,260,261,5120\n"), Some(2), Some(5), ErrorKind::ReportedExceedsProviders { reported: 261, providers: 260 }),
            (format!("{head}2022/23,,,260,229,5120\n"), Some(2), Some(3), ErrorKind::MissingCategory),
            (format!("{head}2022/23,,Total,260,229,5120\n2022/23,,Total,260,229,5120\n"), Some(3), None, ErrorKind::DuplicateRow { first_line: 2 }),
            ("year,group,category,providers,reported\n".to_string(), Some(1), None, ErrorKind::UnexpectedHeader {
                expected: "the header \"year,group,category,providers,reported,reported_sum\"".into(),
                found: "\"year,group,category,providers,reported\"".into(),
            }),
        ];
        for (text, line, column, kind) in cases {
            let err = Coverage::read("c.csv", &text).unwrap_err();
            assert_eq!(err.kind, kind, "{err}");
            assert_eq!((err.position.file.as_str(), err.position.line, err.position.column), ("c.csv", line, column), "{err}");
        }
        let err = Coverage::read("c.csv", &format!("{head}2022/23,,Total,260,261,5120\n")).unwrap_err();
        assert_eq!(err.to_string(), "c.csv, line 2, column 5: expected at most 260 reporting providers (the providers in the file), found 261");
    }
}
