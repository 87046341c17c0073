//! The importer worker's messages, written once for both ends: the worker (`importer/src/main.rs`)
//! and the page (`src/importer_client.rs`, which includes this file), so they cannot drift apart.
//!
//! - page -> worker: `{id, files: [File, …]}` (the visitor's `File`s, cloned into the worker,
//!   which reads them: the page never holds their bytes)
//! - worker -> page: `"ready"` once it can take files; then for each request
//!   `{id, ok: true, cube: {…}}` or `{id, ok: false, error: "…"}`, `id` being the request's.
//!
//! The cube is the opened dataset's parts ([`CubeParts`]): its description, providers and years,
//! and its figures as a `Float64Array` with a `Uint8Array` of reported flags. The page turns them
//! into a dataset directly (`Dataset::from_parts`): nothing is parsed or aggregated twice.

#![allow(dead_code)] // each end uses its half

use js_sys::{Array, Float64Array, Object, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use workforce_core::dataset::{CubeParts, Provider};
use workforce_core::manifest::{CategoryInfo, CategoryKey, DatasetInfo, YearLabels};

/// The first message of a started worker.
pub const READY: &str = "ready";

fn set(object: &Object, key: &str, value: &JsValue) {
    // Setting a property on a plain object cannot fail.
    let _ = Reflect::set(object, &key.into(), value);
}

fn get(object: &JsValue, key: &str) -> JsValue {
    Reflect::get(object, &key.into()).unwrap_or(JsValue::UNDEFINED)
}

fn array(value: &JsValue) -> Option<Array> {
    value.dyn_ref::<Array>().cloned()
}

fn strings(value: &JsValue) -> Option<Vec<String>> {
    array(value)?.iter().map(|s| s.as_string()).collect()
}

fn string_array<'a>(items: impl IntoIterator<Item = &'a String>) -> Array {
    items.into_iter().map(|s| JsValue::from_str(s)).collect()
}

/// A request to open `files` (posted as they are: a `File` is cloned into the worker, not read).
pub fn request(id: u32, files: &[web_sys::File]) -> JsValue {
    let message = Object::new();
    set(&message, "id", &id.into());
    set(&message, "files", &files.iter().collect::<Array>());
    message.into()
}

/// What [`request`] wrote: the id and the files.
pub fn read_request(message: &JsValue) -> Option<(u32, Vec<web_sys::File>)> {
    let id = id_of(message)?;
    let files = array(&get(message, "files"))?.iter().map(|f| f.dyn_into::<web_sys::File>().ok()).collect::<Option<Vec<_>>>()?;
    Some((id, files))
}

/// The request id a message carries (answers carry their request's).
pub fn id_of(message: &JsValue) -> Option<u32> {
    get(message, "id").as_f64().filter(|id| id.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(id)).map(|id| id as u32)
}

/// The answer to request `id`, and the buffers to transfer with it.
pub fn answer(id: u32, result: Result<CubeParts, String>) -> (JsValue, Array) {
    let message = Object::new();
    let transfer = Array::new();
    set(&message, "id", &id.into());
    set(&message, "ok", &result.is_ok().into());
    match result {
        Ok(parts) => {
            let (cube, buffers) = cube_to_js(&parts);
            set(&message, "cube", &cube);
            for buffer in buffers {
                transfer.push(&buffer);
            }
        }
        Err(error) => set(&message, "error", &error.into()),
    }
    (message.into(), transfer)
}

/// What [`answer`] wrote: the cube's parts, or the importer's message for the visitor.
pub fn read_answer(message: &JsValue) -> Result<CubeParts, String> {
    if get(message, "ok").as_bool() != Some(true) {
        return Err(get(message, "error").as_string().unwrap_or_else(|| "the files could not be read".to_string()));
    }
    cube_from_js(&get(message, "cube")).ok_or_else(|| "the importer sent back something unexpected".to_string())
}

fn cube_to_js(parts: &CubeParts) -> (JsValue, [JsValue; 2]) {
    let i = &parts.info;
    let info = string_array([&i.id, &i.title, &i.measure, &i.source_table, &i.source_title, &i.source_link, &i.licence, &i.notes, &i.counted]);
    let categories: Array = i
        .categories
        .iter()
        .map(|c| Array::of3(&c.group.as_str().into(), &c.name.as_str().into(), &c.total.into()))
        .collect();
    let defaults: Array = i.default_categories.iter().map(|k| Array::of2(&k.group.as_str().into(), &k.name.as_str().into())).collect();
    let providers: Array = parts
        .providers
        .iter()
        .map(|p| Array::of3(&p.key.as_str().into(), &p.name.as_str().into(), &string_array(&p.former_names)))
        .collect();
    let values = Float64Array::from(parts.values.as_slice());
    let reported: Vec<u8> = parts.reported.iter().map(|&r| u8::from(r)).collect();
    let reported = Uint8Array::from(reported.as_slice());
    let year_labels: Array = i.year_labels.iter().map(|l| Array::of2(&l.year.as_str().into(), &string_array(&l.labels))).collect();
    let rate_base = match &i.rate_base {
        Some(k) => Array::of2(&k.group.as_str().into(), &k.name.as_str().into()).into(),
        None => JsValue::NULL,
    };
    let cube = Object::new();
    set(&cube, "info", &info);
    set(&cube, "yearLabels", &year_labels);
    set(&cube, "rateBase", &rate_base);
    set(&cube, "categories", &categories);
    set(&cube, "defaults", &defaults);
    set(&cube, "providers", &providers);
    set(&cube, "years", &string_array(&parts.years));
    set(&cube, "values", &values);
    set(&cube, "reported", &reported);
    set(&cube, "allProviders", &parts.all_providers.into());
    (cube.into(), [values.buffer().into(), reported.buffer().into()])
}

fn cube_from_js(cube: &JsValue) -> Option<CubeParts> {
    let info = strings(&get(cube, "info"))?;
    let [id, title, measure, source_table, source_title, source_link, licence, notes, counted] = <[String; 9]>::try_from(info).ok()?;
    let categories = array(&get(cube, "categories"))?
        .iter()
        .map(|c| {
            let c = array(&c)?;
            Some(CategoryInfo { group: c.get(0).as_string()?, name: c.get(1).as_string()?, total: c.get(2).as_bool()? })
        })
        .collect::<Option<Vec<_>>>()?;
    let default_categories = array(&get(cube, "defaults"))?
        .iter()
        .map(|k| {
            let k = array(&k)?;
            Some(CategoryKey { group: k.get(0).as_string()?, name: k.get(1).as_string()? })
        })
        .collect::<Option<Vec<_>>>()?;
    let year_labels = array(&get(cube, "yearLabels"))?
        .iter()
        .map(|l| {
            let l = array(&l)?;
            Some(YearLabels { year: l.get(0).as_string()?, labels: strings(&l.get(1))? })
        })
        .collect::<Option<Vec<_>>>()?;
    let rate_base = match get(cube, "rateBase") {
        base if base.is_null() => None,
        base => {
            let k = array(&base)?;
            Some(CategoryKey { group: k.get(0).as_string()?, name: k.get(1).as_string()? })
        }
    };
    let providers = array(&get(cube, "providers"))?
        .iter()
        .map(|p| {
            let p = array(&p)?;
            Some(Provider { key: p.get(0).as_string()?, name: p.get(1).as_string()?, former_names: strings(&p.get(2))? })
        })
        .collect::<Option<Vec<_>>>()?;
    let values = get(cube, "values").dyn_into::<Float64Array>().ok()?.to_vec();
    let reported = get(cube, "reported").dyn_into::<Uint8Array>().ok()?.to_vec().into_iter().map(|r| r != 0).collect();
    let info = DatasetInfo {
        id,
        title,
        measure,
        counted,
        file: String::new(),
        others_file: String::new(),
        coverage_file: String::new(),
        source_table,
        source_title,
        source_link,
        licence,
        notes,
        categories,
        default_categories,
        year_labels,
        rate_base,
    };
    Some(CubeParts {
        info,
        providers,
        years: strings(&get(cube, "years"))?,
        values,
        reported,
        all_providers: get(cube, "allProviders").as_bool()?,
    })
}
