//! The page's side of the importer worker, in headless Chromium: answers reach the open that
//! asked, whatever order they come in, and the cube crosses the worker boundary unchanged.

#![cfg(target_arch = "wasm32")]

use explorer::importer_client::{protocol, Pending};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;
use workforce_core::Dataset;

wasm_bindgen_test_configure!(run_in_browser);

fn cube(id: &str) -> workforce_core::dataset::CubeParts {
    cube_of(0, id)
}

fn cube_of(dataset: usize, id: &str) -> workforce_core::dataset::CubeParts {
    let bundle = explorer::bundled::load().expect("bundle");
    let mut parts = bundle.datasets[dataset].clone().into_parts();
    // As an opened file's: its own id, and no bundled data files.
    parts.info.id = id.to_string();
    parts.info.file.clear();
    parts.info.others_file.clear();
    parts.info.coverage_file.clear();
    parts.all_providers = true;
    parts
}

/// What the worker would send for request `id`, as the page receives it (a structured clone).
fn worker_answer(id: u32, result: Result<workforce_core::dataset::CubeParts, String>) -> JsValue {
    let (message, _) = protocol::answer(id, result);
    let clone: js_sys::Function = js_sys::Reflect::get(&js_sys::global(), &"structuredClone".into()).expect("structuredClone").unchecked_into();
    clone.call1(&JsValue::NULL, &message).expect("clones")
}

#[wasm_bindgen_test]
async fn overlapping_opens_each_get_their_own_answer() {
    let mut pending = Pending::default();
    let (first, first_answer) = pending.wait();
    let (second, second_answer) = pending.wait();
    assert_ne!(first, second);
    // The second open's answer comes first, then an answer for no open, then the first's.
    pending.answer(&worker_answer(second, Ok(cube("second"))));
    pending.answer(&worker_answer(999, Ok(cube("stray"))));
    pending.answer(&worker_answer(first, Err("first.csv: expected UTF-8 text".into())));
    assert_eq!(pending.waiting(), 0);
    let second = JsFuture::from(second_answer).await.expect("answered");
    assert_eq!(protocol::read_answer(&second).expect("a cube").info.id, "second");
    let first = JsFuture::from(first_answer).await.expect("answered");
    assert_eq!(protocol::read_answer(&first).expect_err("an error"), "first.csv: expected UTF-8 text");
}

#[wasm_bindgen_test]
async fn a_stopped_worker_fails_every_waiting_open() {
    let mut pending = Pending::default();
    let (_, a) = pending.wait();
    let (_, b) = pending.wait();
    pending.fail_all("the importer stopped");
    assert!(JsFuture::from(a).await.is_err());
    assert!(JsFuture::from(b).await.is_err());
}

#[wasm_bindgen_test]
fn the_cube_crosses_unchanged_and_becomes_a_dataset_directly() {
    let parts = cube("own-test");
    let back = protocol::read_answer(&worker_answer(7, Ok(parts.clone()))).expect("a cube");
    assert_eq!(back, parts);
    let data = Dataset::from_parts(back).expect("a dataset");
    assert_eq!(data.info.id, "own-test");
    assert_eq!(protocol::id_of(&worker_answer(7, Ok(parts))), Some(7));
    // A request reads back as sent, its files cloned as the worker receives them (not read).
    let bytes = js_sys::Uint8Array::from(&[1u8, 2, 3][..]);
    let file = web_sys::File::new_with_u8_array_sequence(&js_sys::Array::of1(&bytes), "a.csv").expect("a file");
    let clone: js_sys::Function = js_sys::Reflect::get(&js_sys::global(), &"structuredClone".into()).expect("structuredClone").unchecked_into();
    let request = clone.call1(&JsValue::NULL, &protocol::request(3, &[file])).expect("clones");
    let (id, files) = protocol::read_request(&request).expect("a request");
    assert_eq!(id, 3);
    assert_eq!(files.iter().map(|f| (f.name(), f.size())).collect::<Vec<_>>(), [("a.csv".to_string(), 3.0)]);
    assert_eq!(protocol::read_request(&JsValue::from_str("ready")), None);
}

/// A salary table's per-year band thresholds and a starters-and-leavers table's rate base cross
/// the worker boundary too.
#[wasm_bindgen_test]
fn year_labels_and_the_rate_base_cross_unchanged() {
    // These datasets are fetched on demand, not embedded: read them from the committed tidy files.
    let bundle = explorer::bundled::load().expect("bundle");
    for (id, tidy) in [("staff-salary", include_str!("../data/staff-salary.csv")), ("staff-flows", include_str!("../data/staff-flows.csv"))] {
        let info = bundle.manifest.dataset(id).expect("in the manifest");
        let records = workforce_core::tidy::read(&info.file, tidy).expect("tidy file");
        let served = workforce_core::wide::write(&info.categories, &records);
        let mut parts = bundle.read_served(id, &served).expect("served").into_parts();
        parts.info.file.clear();
        parts.info.others_file.clear();
        parts.info.coverage_file.clear();
        parts.all_providers = true;
        assert!(!parts.info.year_labels.is_empty() || parts.info.rate_base.is_some(), "{id}");
        let back = protocol::read_answer(&worker_answer(1, Ok(parts.clone()))).expect("a cube");
        assert_eq!(back, parts, "{id}");
    }
}
