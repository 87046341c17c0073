//! The project's own tidy data format: one CSV per dataset with the header
//! `ukprn,provider,year,group,category,value`, a row per provider, year and category.
//! `value` is empty where HESA did not report the figure.

use crate::error::{from_csv, DataError, ErrorKind, Lines};

pub const HEADER: [&str; 6] = ["ukprn", "provider", "year", "group", "category", "value"];

#[derive(Debug, Clone, PartialEq)]
pub struct TidyRecord {
    /// The provider's UKPRN, or [`crate::manifest::UK_TOTAL_KEY`] for the all-UK total.
    pub ukprn: String,
    /// The provider's name as HESA printed it that year.
    pub provider: String,
    pub year: String,
    pub group: String,
    pub category: String,
    /// `None`: not reported. Never read as zero.
    pub value: Option<f64>,
    /// 1-based line in the file it was read from (0 when built in memory).
    pub line: u64,
}

/// Writes records as tidy CSV text.
pub fn write(records: &[TidyRecord]) -> String {
    let mut out = String::with_capacity(records.len() * 64);
    out.push_str(&HEADER.join(","));
    out.push('\n');
    for r in records {
        let value = r.value.map(format_value).unwrap_or_default();
        out.push_str(&crate::export::csv_record(&[&r.ukprn, &r.provider, &r.year, &r.group, &r.category, &value], "\n"));
    }
    out
}

/// A figure as written in data files: whole numbers plainly, fractions to at most six places.
pub(crate) fn format_value(v: f64) -> String {
    crate::format::plain(v, 6)
}

/// Reads tidy CSV text. Errors name the file, line and column.
pub fn read(file: &str, text: &str) -> Result<Vec<TidyRecord>, DataError> {
    let lines = Lines::new(text);
    let mut reader = csv::ReaderBuilder::new().has_headers(true).from_reader(text.as_bytes());
    let header = reader.headers().map_err(|e| from_csv(file, &lines, &e))?.clone();
    if header.iter().ne(HEADER.iter().copied()) {
        let found = header.iter().collect::<Vec<_>>().join(",");
        return Err(DataError::at(file, 1, None, ErrorKind::UnexpectedHeader { expected: format!("the header \"{}\"", HEADER.join(",")), found: format!("\"{found}\"") }));
    }
    let mut records = Vec::new();
    for result in reader.records() {
        let record = result.map_err(|e| from_csv(file, &lines, &e))?;
        let line = lines.of_record(&record);
        let field = |i: usize| record.get(i).unwrap_or("").to_string();
        let ukprn = field(0);
        if ukprn.is_empty() {
            return Err(DataError::at(file, line, Some(1), ErrorKind::MissingUkprn { provider: field(1) }));
        }
        let year = field(2);
        if !is_academic_year(&year) {
            return Err(DataError::at(file, line, Some(3), ErrorKind::BadYear { found: year }));
        }
        let category = field(4);
        if category.is_empty() {
            return Err(DataError::at(file, line, Some(5), ErrorKind::MissingCategory));
        }
        let value = parse_number(&field(5)).map_err(|()| DataError::at(file, line, Some(6), ErrorKind::BadNumber { found: field(5) }))?;
        records.push(TidyRecord { ukprn, provider: field(1), year, group: field(3), category, value, line });
    }
    Ok(records)
}

/// A figure's form, checked: its sign, its whole digits (thousands separators dropped) and its
/// fraction's digits. `Ok(None)`: an empty cell.
fn figure_parts(cell: &str) -> Result<Option<(bool, String, &str)>, ()> {
    let cell = cell.trim();
    if cell.is_empty() {
        return Ok(None);
    }
    let (negative, body) = match cell.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, cell),
    };
    let (whole, fraction) = match body.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (body, None),
    };
    let groups: Vec<&str> = whole.split(',').collect();
    let grouping_ok = groups.iter().all(|g| !g.is_empty() && g.bytes().all(|b| b.is_ascii_digit()))
        && (groups.len() == 1 || (groups[0].len() <= 3 && groups[1..].iter().all(|g| g.len() == 3)));
    let fraction_ok = fraction.is_none_or(|f| !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()));
    if !grouping_ok || !fraction_ok {
        return Err(());
    }
    Ok(Some((negative, groups.concat(), fraction.unwrap_or(""))))
}

/// Parses a HESA figure: digits with optional thousands separators and decimals, of any length.
/// An empty cell is `None` (not reported). For visitors' own files (the `hesa-import` crate);
/// the page reads the files the build writes with [`parse_written_number`].
pub fn parse_number(cell: &str) -> Result<Option<f64>, ()> {
    let Some((negative, whole, fraction)) = figure_parts(cell)? else { return Ok(None) };
    let text = if fraction.is_empty() { whole } else { format!("{whole}.{fraction}") };
    let value = text.parse::<f64>().map_err(|_| ())?;
    Ok(Some(if negative { -value } else { value }))
}

/// The most significant digits, and decimals, a figure in a file the build wrote may have.
pub const MAX_DIGITS: usize = 15;
pub const MAX_DECIMALS: usize = 22;

/// Parses a figure as the build writes them (in the same form as [`parse_number`] takes), exactly
/// and without the standard library's general float parser (whose tables would add 20 KB to the
/// page): with at most [`MAX_DIGITS`] significant digits and [`MAX_DECIMALS`] decimals, the digits
/// as an integer and the power of ten are both exact in an `f64`, so one division rounds correctly.
/// Longer figures are refused ([`ErrorKind::TooManyDigits`]) rather than misread.
pub fn parse_written_number(cell: &str) -> Result<Option<f64>, ErrorKind> {
    let bad = || ErrorKind::BadNumber { found: cell.trim().to_string() };
    let Some((negative, whole, fraction)) = figure_parts(cell).map_err(|()| bad())? else { return Ok(None) };
    let digits = whole.bytes().chain(fraction.bytes()).skip_while(|b| *b == b'0');
    if digits.clone().count() > MAX_DIGITS || fraction.len() > MAX_DECIMALS {
        return Err(ErrorKind::TooManyDigits { found: cell.trim().to_string() });
    }
    let mantissa = digits.fold(0u64, |n, b| n * 10 + u64::from(b - b'0'));
    let scale = (0..fraction.len()).fold(1.0f64, |s, _| s * 10.0);
    let value = mantissa as f64 / scale;
    Ok(Some(if negative { -value } else { value }))
}

/// `2020/21`: four digits, a slash, the next year's last two digits.
pub fn is_academic_year(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 7 || b[4] != b'/' || !b[..4].iter().chain(&b[5..]).all(u8::is_ascii_digit) {
        return false;
    }
    let start: u32 = s[..4].parse().unwrap_or(0);
    let end: u32 = s[5..].parse().unwrap_or(100);
    (start + 1) % 100 == end
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rec(value: Option<f64>) -> TidyRecord {
        TidyRecord {
            ukprn: "10007759".into(),
            provider: "Aston University".into(),
            year: "2020/21".into(),
            group: "Academic".into(),
            category: "Managers, directors and senior officials".into(),
            value,
            line: 0,
        }
    }

    #[test]
    fn round_trip_keeps_missing_values_missing() {
        let records = vec![rec(Some(1655.0)), rec(None), rec(Some(12.5))];
        let text = write(&records);
        assert!(text.starts_with("ukprn,provider,year,group,category,value\n"));
        assert!(text.contains("\"Managers, directors and senior officials\",\n"), "{text}");
        let back = read("t.csv", &text).expect("reads back");
        let values: Vec<_> = back.iter().map(|r| r.value).collect();
        assert_eq!(values, vec![Some(1655.0), None, Some(12.5)]);
        assert_eq!(back[1].line, 3);
    }

    #[test]
    fn errors_name_line_and_column() {
        let text = "ukprn,provider,year,group,category,value\n1,A,2020/21,,X,5\n1,A,2020/21,,X,five\n";
        let err = read("bad.csv", text).unwrap_err();
        assert_eq!((err.position.line, err.position.column), (Some(3), Some(6)));
        assert_eq!(err.kind, ErrorKind::BadNumber { found: "five".into() });
        assert!(err.to_string().starts_with("bad.csv, line 3, column 6: expected a number"), "{err}");

        let err = read("bad.csv", "ukprn,provider,year,group,category,value\n1,A,2020,,X,5\n").unwrap_err();
        assert_eq!((err.position.line, err.position.column), (Some(2), Some(3)));
        assert!(matches!(err.kind, ErrorKind::BadYear { .. }), "{err}");

        let err = read("bad.csv", "ukprn,name,year,group,category,value\n").unwrap_err();
        assert_eq!(err.position.line, Some(1));
        assert!(matches!(err.kind, ErrorKind::UnexpectedHeader { .. }), "{err}");

        let err = read("bad.csv", "ukprn,provider,year,group,category,value\n1,A,2020/21,,X\n").unwrap_err();
        assert_eq!(err.position.line, Some(2));
        assert_eq!(err.kind, ErrorKind::UnequalLengths { expected: 6, found: 5 });
    }

    #[test]
    fn numbers_with_separators() {
        assert_eq!(parse_number("1,655"), Ok(Some(1655.0)));
        assert_eq!(parse_number("0"), Ok(Some(0.0)));
        assert_eq!(parse_number("2,747,200"), Ok(Some(2_747_200.0)));
        assert_eq!(parse_number("12.5"), Ok(Some(12.5)));
        assert_eq!(parse_number(""), Ok(None));
        assert_eq!(parse_number(" "), Ok(None));
        for bad in ["1,2345", "abc", "1,,000", ",100", "1.", "1.2.3", "5x", "--5", "1e5", "NaN", "inf"] {
            assert_eq!(parse_number(bad), Err(()), "{bad}");
        }
    }

    #[test]
    fn written_numbers_parse_exactly_or_not_at_all() {
        assert_eq!(parse_written_number("1,655"), Ok(Some(1655.0)));
        assert_eq!(parse_written_number("12.5"), Ok(Some(12.5)));
        assert_eq!(parse_written_number("0.1"), Ok(Some(0.1)));
        assert_eq!(parse_written_number(" "), Ok(None));
        assert_eq!(parse_written_number("-0").map(|v| v.map(f64::is_sign_negative)), Ok(Some(true)));
        assert_eq!(parse_written_number("000000000000000000001.5"), Ok(Some(1.5)));
        assert_eq!(parse_written_number("999999999999999"), Ok(Some(999_999_999_999_999.0)));
        assert_eq!(parse_written_number("1234567890123456"), Err(ErrorKind::TooManyDigits { found: "1234567890123456".into() }));
        assert_eq!(parse_written_number("0.00000000000000000000001"), Err(ErrorKind::TooManyDigits { found: "0.00000000000000000000001".into() }));
        for bad in ["1,2345", "abc", "1,,000", ",100", "1.", "1.2.3", "5x", "--5", "1e5", "NaN", "inf", "+1"] {
            assert_eq!(parse_written_number(bad), Err(ErrorKind::BadNumber { found: bad.into() }), "{bad}");
            assert_eq!(parse_number(bad), Err(()), "{bad}");
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(5000))]

        /// The page's parser agrees bit for bit with the standard library's wherever it answers,
        /// and it answers for every figure the build writes ([`format_value`]) that is not huge.
        #[test]
        fn written_numbers_match_the_standard_parser(text in "-?[0-9]{1,16}(\\.[0-9]{1,16})?", v in -1e9f64..1e9) {
            match parse_written_number(&text) {
                Ok(Some(fast)) => proptest::prop_assert_eq!(fast.to_bits(), text.parse::<f64>().expect("a number").to_bits(), "{}", text),
                Ok(None) => proptest::prop_assert!(false, "{}", text),
                Err(kind) => proptest::prop_assert_eq!(kind, ErrorKind::TooManyDigits { found: text.clone() }),
            }
            let written = format_value(v);
            let fast = parse_written_number(&written).expect("the build's own figures read").expect("a figure");
            proptest::prop_assert_eq!(fast.to_bits(), written.parse::<f64>().expect("a number").to_bits(), "{}", written);
        }
    }

    #[test]
    fn academic_years() {
        assert!(is_academic_year("2020/21"));
        assert!(is_academic_year("1999/00"));
        assert!(!is_academic_year("2020/22"));
        assert!(!is_academic_year("2020-21"));
        assert!(!is_academic_year("20/21"));
        assert!(!is_academic_year("２０20/21"));
    }
}
