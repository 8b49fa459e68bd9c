//! A time zone's offsets from UTC, as the browser's own zone database (`Intl`) knows
//! them: what the core's [`Zone`] looks a post's dates up in. The offsets are read at
//! instants 14 days apart from 1970 to 2050, and each change found between two of them is
//! narrowed to its second. A zone is read once per page.

use std::cell::RefCell;

use js_sys::{Array, Date, Function, Intl, Object, Reflect};
use quire_core::site_config::PostDate;
use quire_core::Zone;
use wasm_bindgen::{JsCast, JsValue};

use super::BrowserError;

const START: i64 = 0; // 1970-01-01
const END: i64 = 2_524_608_000; // 2050-01-01
const STEP: i64 = 14 * 86_400;

thread_local! {
    static READ: RefCell<Vec<(Option<String>, Zone)>> = const { RefCell::new(Vec::new()) };
}

/// The zone `name` (an IANA name such as `America/New_York`), or the browser's own zone
/// when `None`. A name the browser does not know is an error.
pub fn zone(name: Option<&str>) -> Result<Zone, BrowserError> {
    let key = name.map(str::to_string);
    if let Some(zone) =
        READ.with_borrow(|read| read.iter().find(|(n, _)| *n == key).map(|(_, z)| z.clone()))
    {
        return Ok(zone);
    }
    let zone = read_zone(name)?;
    READ.with_borrow_mut(|read| read.push((key, zone.clone())));
    Ok(zone)
}

fn read_zone(name: Option<&str>) -> Result<Zone, BrowserError> {
    let format = formatter(name)?;
    let resolved = Reflect::get(&format.resolved_options(), &"timeZone".into())
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_else(|| "UTC".to_string());
    if matches!(resolved.as_str(), "UTC" | "Etc/UTC" | "GMT" | "Etc/GMT") {
        return Ok(Zone::fixed(name.unwrap_or(&resolved), 0));
    }
    let name = name.map_or(resolved, str::to_string);
    let offset = |at: i64| offset_at(&format, at);
    let first = offset(START)?;
    let mut changes = Vec::new();
    let (mut at, mut current) = (START, first);
    while at < END {
        let next = at + STEP;
        let there = offset(next)?;
        if there != current {
            // The change is in (at, next]: narrow it to the second.
            let (mut low, mut high) = (at, next);
            while high - low > 1 {
                let middle = low + (high - low) / 2;
                if offset(middle)? == current {
                    low = middle;
                } else {
                    high = middle;
                }
            }
            changes.push((high, offset(high)?));
            // Two changes within one step (a zone's rule changing twice in 14 days) are
            // found by going on from this one.
            (at, current) = (high, offset(high)?);
            continue;
        }
        at = next;
    }
    Ok(Zone::new(&name, first, changes))
}

/// An `Intl.DateTimeFormat` writing the numbers of a date and a 24-hour time in the zone
/// `name` (the browser's own when `None`). Built through `Reflect::construct`, so that an
/// unknown zone is an error rather than a throw.
fn formatter(name: Option<&str>) -> Result<Intl::DateTimeFormat, BrowserError> {
    let options = Object::new();
    let set = |key: &str, value: &str| Reflect::set(&options, &key.into(), &value.into());
    for key in ["year", "month", "day", "hour", "minute", "second"] {
        set(key, "numeric").map_err(BrowserError::from_js)?;
    }
    set("hourCycle", "h23").map_err(BrowserError::from_js)?;
    if let Some(name) = name {
        set("timeZone", name).map_err(BrowserError::from_js)?;
    }
    let intl = Reflect::get(&js_sys::global(), &"Intl".into()).map_err(BrowserError::from_js)?;
    let constructor = Reflect::get(&intl, &"DateTimeFormat".into())
        .map_err(BrowserError::from_js)?
        .dyn_into::<Function>()
        .map_err(|_| BrowserError::Unsupported("Intl.DateTimeFormat"))?;
    let args = Array::of2(&JsValue::from_str("en-US"), &options);
    Reflect::construct(&constructor, &args)
        .map_err(BrowserError::from_js)
        .map(|f| f.unchecked_into::<Intl::DateTimeFormat>())
}

/// The offset (minutes east of UTC) at the moment `utc` (seconds since 1970), from the
/// wall-clock time `format` writes for it: `5/5/2013, 17:12:52` (month, day, year, hour,
/// minute, second: the numbers of an `en-US` format with a 24-hour clock).
fn offset_at(format: &Intl::DateTimeFormat, utc: i64) -> Result<i32, BrowserError> {
    let date = Date::new(&JsValue::from_f64(utc as f64 * 1000.0));
    let written = format
        .format()
        .call1(format, &date)
        .map_err(BrowserError::from_js)?
        .as_string()
        .unwrap_or_default();
    let numbers: Vec<i64> = written
        .split(|c: char| !c.is_ascii_digit())
        .filter(|n| !n.is_empty())
        .filter_map(|n| n.parse().ok())
        .collect();
    let [month, day, year, hour, minute, second] = numbers[..] else {
        return Err(BrowserError::Js(format!("a time written as “{written}”")));
    };
    let wall = PostDate {
        year,
        month: month as u32,
        day: day as u32,
        hour: hour as u32,
        minute: minute as u32,
        second: second as u32,
        offset: Some(0),
    };
    let local = wall.utc_seconds(&Zone::default());
    i32::try_from((local - utc).div_euclid(60))
        .map_err(|_| BrowserError::Js(format!("an offset of {} s", local - utc)))
}
