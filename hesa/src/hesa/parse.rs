//! The parser for one HESA download. Every quirk of the format is handled here; see
//! `data/hesa/README.md` for the list.

use super::{Column, HesaTable, Metadata, ProviderRow};
use std::collections::{HashMap, HashSet};

use workforce_core::error::{from_csv, DataError, ErrorKind, Lines};
use workforce_core::tidy::{is_academic_year, parse_number};

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Parses one HESA "download this table" CSV file.
///
/// `file` names the file in error messages. Never panics: malformed input gives a [`DataError`]
/// naming the line and column and what was expected.
pub fn parse(file: &str, bytes: &[u8]) -> Result<HesaTable, DataError> {
    let text = decode(file, bytes)?;
    let lines = Lines::new(text);
    // Every value is quoted, and quotes inside values are doubled: an odd count means the file
    // stops inside a value (the csv reader would quietly close it).
    if text.bytes().filter(|&b| b == b'"').count() % 2 == 1 {
        let last = lines.line_of(text.len().saturating_sub(1) as u64);
        return Err(DataError::at(file, last, None, ErrorKind::Truncated));
    }
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());

    let mut meta = Metadata::default();
    let mut in_filters = false;
    let mut header: Option<(Vec<Column>, u64)> = None;
    let mut providers: Vec<ProviderRow> = Vec::new();
    let mut total: Option<ProviderRow> = None;
    let mut last_line = 0;
    let mut seen_ukprns: HashMap<String, u64> = HashMap::new();

    for result in reader.records() {
        let record = result.map_err(|e| from_csv(file, &lines, &e))?;
        let line = lines.of_record(&record);
        last_line = line;
        let first = record.get(0).unwrap_or("").trim();

        let Some((columns, _)) = &header else {
            if first == "UKPRN" {
                header = Some((header_columns(file, line, &record)?, line));
            } else if first.is_empty() && in_filters {
                let name = record.get(1).unwrap_or("").trim();
                let value = record.get(2).unwrap_or("").trim();
                if !name.is_empty() {
                    meta.filters.push((name.to_string(), value.to_string()));
                }
            } else if let Some(key) = first.strip_suffix(':') {
                in_filters = key == "Filters";
                let value = record.get(1).unwrap_or("").trim().to_string();
                match key {
                    "Title" => meta.title = value,
                    "Subtitle" => meta.subtitle = value,
                    "Reference ID" => meta.reference_id = value,
                    "Data source" => meta.data_source = value,
                    "Data source link" => meta.source_link = value,
                    "Data file canonical link" => meta.canonical_link = value,
                    "Licence" => meta.licence = value,
                    "Date" => meta.date = value,
                    "Filters" => {
                        let name = value;
                        let value = record.get(2).unwrap_or("").trim();
                        if !name.is_empty() {
                            meta.filters.push((name, value.to_string()));
                        }
                    }
                    _ => {}
                }
            } else if !first.is_empty() {
                return Err(DataError::at(file, line, Some(1), ErrorKind::NotMetadata { found: first.to_string() }));
            }
            continue;
        };

        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        let expected = columns.len() + 2;
        if record.len() != expected {
            let kind = ErrorKind::UnequalLengths { expected, found: record.len() };
            return Err(DataError::at(file, line, Some(record.len().min(expected) + 1), kind));
        }
        let row = provider_row(file, line, &record)?;
        if total.is_some() {
            return Err(DataError::at(file, line, Some(1), ErrorKind::TotalNotLast));
        }
        match &row.ukprn {
            None => total = Some(row),
            Some(ukprn) => {
                // One hash look-up per row: a file of any size is checked in linear time.
                if let Some(&first_line) = seen_ukprns.get(ukprn.as_str()) {
                    let kind = ErrorKind::DuplicateUkprn { ukprn: ukprn.clone(), first_line };
                    return Err(DataError::at(file, line, Some(1), kind));
                }
                seen_ukprns.insert(ukprn.clone(), line);
                providers.push(row);
            }
        }
    }

    let Some((columns, header_line)) = header else {
        return Err(DataError::at(file, last_line.max(1), None, ErrorKind::NoHeader));
    };
    if providers.is_empty() && total.is_none() {
        return Err(DataError::at(file, header_line, None, ErrorKind::NoRows));
    }
    let year = match meta.filter("Academic year") {
        Some(y) if is_academic_year(y) => y.to_string(),
        Some(y) => return Err(DataError::new(file, ErrorKind::BadYear { found: y.to_string() })),
        None => return Err(DataError::new(file, ErrorKind::MissingYear)),
    };
    Ok(HesaTable { file: file.to_string(), meta, year, columns, header_line, providers, total })
}

/// Strips any number of leading byte-order marks and checks the rest is UTF-8.
fn decode<'a>(file: &str, bytes: &'a [u8]) -> Result<&'a str, DataError> {
    let mut rest = bytes;
    while let Some(r) = rest.strip_prefix(BOM) {
        rest = r;
    }
    std::str::from_utf8(rest).map_err(|e| {
        let valid = &rest[..e.valid_up_to()];
        let line = valid.iter().filter(|&&b| b == b'\n').count() as u64 + 1;
        let line_start = valid.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        let column = String::from_utf8_lossy(&valid[line_start..]).chars().count() + 1;
        DataError::at(file, line, Some(column), ErrorKind::NotUtf8)
    })
}

fn header_columns(file: &str, line: u64, record: &csv::StringRecord) -> Result<Vec<Column>, DataError> {
    if record.len() < 3 {
        return Err(DataError::at(file, line, Some(record.len() + 1), ErrorKind::ShortHeader));
    }
    let mut columns: Vec<Column> = Vec::with_capacity(record.len() - 2);
    let mut block = 0;
    // The labels of the current block, so a repeat is found with one hash look-up.
    let mut in_block: HashSet<String> = HashSet::new();
    for (i, raw) in record.iter().enumerate().skip(2) {
        let label = raw.trim().to_string();
        if label.is_empty() {
            return Err(DataError::at(file, line, Some(i + 1), ErrorKind::EmptyLabel));
        }
        if in_block.contains(&label) {
            block += 1;
            in_block.clear();
        }
        in_block.insert(label.clone());
        columns.push(Column { label, block });
    }
    Ok(columns)
}

fn provider_row(file: &str, line: u64, record: &csv::StringRecord) -> Result<ProviderRow, DataError> {
    let ukprn = record.get(0).unwrap_or("").trim();
    let raw_name = record.get(1).unwrap_or("").trim();
    let ukprn = if ukprn.is_empty() {
        if !raw_name.eq_ignore_ascii_case("total") {
            return Err(DataError::at(file, line, Some(1), ErrorKind::MissingUkprn { provider: raw_name.to_string() }));
        }
        None
    } else {
        if ukprn.len() != 8 || !ukprn.bytes().all(|b| b.is_ascii_digit()) {
            return Err(DataError::at(file, line, Some(1), ErrorKind::BadUkprn { found: ukprn.to_string() }));
        }
        Some(ukprn.to_string())
    };
    let (name, opted_out) = match raw_name.strip_suffix('*') {
        Some(n) => (n.trim_end().to_string(), true),
        None => (raw_name.to_string(), false),
    };
    if name.is_empty() {
        return Err(DataError::at(file, line, Some(2), ErrorKind::MissingName));
    }
    let values = record
        .iter()
        .enumerate()
        .skip(2)
        .map(|(i, cell)| {
            parse_number(cell).map_err(|()| DataError::at(file, line, Some(i + 1), ErrorKind::BadNumber { found: cell.to_string() }))
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(ProviderRow { ukprn, name, opted_out, values, line })
}
