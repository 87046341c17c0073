//! How long a large visitor's file takes: generates a HESA-format Staff Table 1 download of just
//! under the 20 MB limit (deterministically: the same bytes every run), then times `hesa::parse`
//! and the whole import (`own_files::import`: parse, checks and the dataset's cube), median of a
//! few runs. Run by `scripts/bench.sh`:
//!
//!     cargo run --release -p hesa-import --example parse_bench [-- <runs, default 5> [<bytes>]]

use std::fmt::Write;
use std::time::{Duration, Instant};

use hesa_import::{hesa, own_files};

/// Staff Table 1's header: four academic occupations and their total, nine non-academic ones and
/// their total, then the grand total (the non-academic labels repeat, as HESA's do).
const ACADEMIC: [&str; 4] = [
    "Managers, directors and senior officials",
    "Professional occupations",
    "Associate professional occupations",
    "Clerical and manual occupations",
];
const NON_ACADEMIC: [&str; 9] = [
    "Managers, directors and senior officials ",
    "Professional occupations ",
    "Associate professional occupations ",
    "Administrative and secretarial occupations",
    "Skilled trades occupations",
    "Caring, leisure and other service occupations",
    "Sales and customer service occupations",
    "Process, plant and machine operatives",
    "Elementary occupations",
];

/// A HESA figure as downloaded: quoted, with thousands separators.
fn figure(out: &mut String, value: u64) {
    let digits = value.to_string();
    out.push_str(",\"");
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(d);
    }
    out.push('"');
}

/// A download of at most `max_bytes`, with as many providers as fit (consistent totals, so the
/// import's checks pass and are timed too).
fn generate(max_bytes: usize) -> (Vec<u8>, usize) {
    let mut out = String::with_capacity(max_bytes);
    out.push_str("\u{feff}\u{feff}Title:,\"Table 1 - HE staff by HE provider and activity standard occupational classification\"\n");
    out.push_str("Reference ID:,DT025 Table 1\nLicence:,Creative Commons Attribution 4.0 International Licence\n");
    out.push_str("Filters:,Academic year,2022/23 \n,Mode of employment,All \nSearch:,\n\n\n");
    out.push_str("\"UKPRN\",\"HE provider\"");
    for label in ACADEMIC.iter().chain(["Total academic staff"].iter()).chain(&NON_ACADEMIC).chain(["Total non-academic staff", "Total"].iter()) {
        let _ = write!(out, ",\"{label}\"");
    }
    out.push('\n');
    // A fixed linear congruential sequence: the same file on every machine and run.
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move || {
        state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        (state >> 33) % 2_000 * 5
    };
    let mut providers = 0;
    let mut row = String::with_capacity(256);
    loop {
        row.clear();
        let _ = write!(row, "\"{}\",\"Provider number {providers}\"", 10_000_000 + providers);
        let academic: Vec<u64> = (0..4).map(|_| next()).collect();
        let non_academic: Vec<u64> = (0..9).map(|_| next()).collect();
        let (a, n) = (academic.iter().sum::<u64>(), non_academic.iter().sum::<u64>());
        for v in academic.iter().chain([a].iter()).chain(&non_academic).chain([n, a + n].iter()) {
            figure(&mut row, *v);
        }
        row.push('\n');
        if out.len() + row.len() > max_bytes {
            break;
        }
        out.push_str(&row);
        providers += 1;
    }
    (out.into_bytes(), providers)
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> Duration {
    median(
        (0..runs)
            .map(|_| {
                let start = Instant::now();
                std::hint::black_box(f());
                start.elapsed()
            })
            .collect(),
    )
}

fn main() {
    let runs: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).filter(|&r| r > 0).unwrap_or(5);
    // The size in bytes: the importer's limit unless given (to see how the time grows with it).
    let size = std::env::args().nth(2).and_then(|a| a.parse().ok()).unwrap_or(own_files::MAX_FILE_BYTES);
    let (bytes, providers) = generate(size);
    let mb = bytes.len() as f64 / 1_000_000.0;
    let files = vec![("large.csv".to_string(), bytes)];
    let parsed = hesa::parse("large.csv", &files[0].1).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(parsed.providers.len(), providers);
    let imported = own_files::import(&files).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(imported.providers().len(), providers);
    let parse = time(runs, || hesa::parse("large.csv", &files[0].1));
    let import = time(runs, || own_files::import(&files));
    println!("parse_bench: a {mb:.1} MB HESA download ({providers} providers x 16 columns), median of {runs} runs:");
    println!("parse_bench:   hesa::parse        {:>8.0} ms", parse.as_secs_f64() * 1000.0);
    println!("parse_bench:   own_files::import  {:>8.0} ms  (parse, checks and the dataset's cube)", import.as_secs_f64() * 1000.0);
}
