//! Property tests: the importer never panics, whatever bytes it is given, and the figures it
//! reads survive the tidy format unchanged.

use proptest::prelude::*;
use hesa_import::hesa;
use workforce_core::tidy;

const FIXTURE: &[u8] = include_bytes!("fixtures/staff-table-1-quirks.csv");

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        let _ = hesa::parse("random.csv", &bytes);
    }

    #[test]
    fn mutated_downloads_never_panic(
        edits in proptest::collection::vec((0usize..FIXTURE.len(), any::<u8>(), 0u8..3), 1..12)
    ) {
        let mut bytes = FIXTURE.to_vec();
        for (at, byte, kind) in edits {
            let at = at.min(bytes.len().saturating_sub(1));
            match kind {
                0 if !bytes.is_empty() => bytes[at] = byte,
                1 => bytes.insert(at, [b'"', b',', b'\n', b'*', byte][usize::from(byte) % 5]),
                _ if !bytes.is_empty() => { bytes.remove(at); }
                _ => {}
            }
        }
        if let Err(e) = hesa::parse("mutated.csv", &bytes) {
            prop_assert!(!e.to_string().is_empty());
            prop_assert_eq!(e.position.file, "mutated.csv");
        }
    }

    #[test]
    fn figures_survive_the_tidy_format(values in proptest::collection::vec(proptest::option::of(0u32..10_000_000), 1..50)) {
        let records: Vec<tidy::TidyRecord> = values.iter().enumerate().map(|(i, v)| tidy::TidyRecord {
            ukprn: "10007759".into(),
            provider: "Aston, \"the\" University".into(),
            year: "2020/21".into(),
            group: String::new(),
            category: format!("Category {i}"),
            value: v.map(f64::from),
            line: 0,
        }).collect();
        let back = tidy::read("t.csv", &tidy::write(&records)).expect("reads");
        let got: Vec<Option<f64>> = back.iter().map(|r| r.value).collect();
        let want: Vec<Option<f64>> = values.iter().map(|v| v.map(f64::from)).collect();
        prop_assert_eq!(got, want);
    }
}
