//! A compact form of tidy data for the on-demand file of all other UK providers: one row per
//! provider and year, a column per category (`ukprn,provider,year,<group|category>...`). It reads
//! back into the same [`TidyRecord`]s, so everything downstream is shared.

use crate::error::{from_csv, DataError, ErrorKind, Lines};
use crate::tidy::{is_academic_year, parse_written_number};
use crate::manifest::CategoryInfo;
use crate::tidy::TidyRecord;

fn column_name(c: &CategoryInfo) -> String {
    if c.group.is_empty() {
        c.name.clone()
    } else {
        format!("{}|{}", c.group, c.name)
    }
}

/// Writes records (of the given categories) in the wide form.
pub fn write(categories: &[CategoryInfo], records: &[TidyRecord]) -> String {
    let mut writer = csv::WriterBuilder::new().has_headers(false).from_writer(Vec::new());
    let mut header = vec!["ukprn".to_string(), "provider".to_string(), "year".to_string()];
    header.extend(categories.iter().map(column_name));
    let _ = writer.write_record(&header);
    let mut i = 0;
    while i < records.len() {
        let first = &records[i];
        let mut row = vec![first.ukprn.clone(), first.provider.clone(), first.year.clone()];
        let mut values = vec![String::new(); categories.len()];
        while i < records.len() && records[i].ukprn == first.ukprn && records[i].year == first.year {
            let r = &records[i];
            if let Some(c) = categories.iter().position(|c| c.group == r.group && c.name == r.category) {
                values[c] = r.value.map(crate::tidy::format_value).unwrap_or_default();
            }
            i += 1;
        }
        row.extend(values);
        let _ = writer.write_record(&row);
    }
    String::from_utf8(writer.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// Reads the wide form back into tidy records, checking its columns against `categories`.
pub fn read(file: &str, text: &str, categories: &[CategoryInfo]) -> Result<Vec<TidyRecord>, DataError> {
    let lines = Lines::new(text);
    let mut reader = csv::ReaderBuilder::new().has_headers(true).from_reader(text.as_bytes());
    let header = reader.headers().map_err(|e| from_csv(file, &lines, &e))?.clone();
    let mut expected = vec!["ukprn".to_string(), "provider".to_string(), "year".to_string()];
    expected.extend(categories.iter().map(column_name));
    if header.iter().ne(expected.iter().map(String::as_str)) {
        let found = header.iter().collect::<Vec<_>>().join(",");
        return Err(DataError::at(file, 1, None, ErrorKind::UnexpectedHeader { expected: "the columns ukprn, provider, year and the dataset's categories".into(), found: format!("\"{found}\"") }));
    }
    let mut out = Vec::new();
    for result in reader.records() {
        let record = result.map_err(|e| from_csv(file, &lines, &e))?;
        let line = lines.of_record(&record);
        let field = |i: usize| record.get(i).unwrap_or("");
        if field(0).is_empty() {
            return Err(DataError::at(file, line, Some(1), ErrorKind::MissingUkprn { provider: field(1).to_string() }));
        }
        if !is_academic_year(field(2)) {
            return Err(DataError::at(file, line, Some(3), ErrorKind::BadYear { found: field(2).to_string() }));
        }
        for (c, category) in categories.iter().enumerate() {
            let value = parse_written_number(field(3 + c)).map_err(|kind| DataError::at(file, line, Some(4 + c), kind))?;
            out.push(TidyRecord {
                ukprn: field(0).to_string(),
                provider: field(1).to_string(),
                year: field(2).to_string(),
                group: category.group.clone(),
                category: category.name.clone(),
                value,
                line,
            });
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let cats = vec![
            CategoryInfo { group: "Academic".into(), name: "Total academic staff".into(), total: true },
            CategoryInfo { group: String::new(), name: "Total".into(), total: true },
        ];
        let rec = |ukprn: &str, year: &str, c: usize, value: Option<f64>| TidyRecord {
            ukprn: ukprn.into(),
            provider: format!("Provider, {ukprn}"),
            year: year.into(),
            group: cats[c].group.clone(),
            category: cats[c].name.clone(),
            value,
            line: 0,
        };
        let records = vec![rec("1", "2020/21", 0, Some(5.0)), rec("1", "2020/21", 1, None), rec("2", "2021/22", 0, Some(1655.0)), rec("2", "2021/22", 1, Some(2.5))];
        let text = write(&cats, &records);
        assert!(text.starts_with("ukprn,provider,year,Academic|Total academic staff,Total\n"), "{text}");
        let back = read("w.csv", &text, &cats).expect("reads");
        let strip = |r: &TidyRecord| (r.ukprn.clone(), r.year.clone(), r.category.clone(), r.value);
        assert_eq!(back.iter().map(strip).collect::<Vec<_>>(), records.iter().map(strip).collect::<Vec<_>>());
        let err = read("w.csv", "ukprn,provider,year,Total\n", &cats).unwrap_err();
        assert_eq!(err.position.line, Some(1));
        assert!(matches!(err.kind, ErrorKind::UnexpectedHeader { .. }), "{err}");
        let err = read("w.csv", &text.replace("1655", "lots"), &cats).unwrap_err();
        assert_eq!((err.position.line, err.position.column), (Some(3), Some(4)));
        assert_eq!(err.kind, ErrorKind::BadNumber { found: "lots".into() });
    }
}
