//! The browser's clock, as a core [`LocalDateTime`].

use quire_core::LocalDateTime;

/// The current local time and UTC offset.
pub fn now_local() -> LocalDateTime {
    let now = js_sys::Date::new_0();
    // JavaScript's offset is minutes *west* of UTC; the core counts east.
    let offset_minutes = -(now.get_timezone_offset() as i32);
    LocalDateTime {
        year: now.get_full_year() as i32,
        month: (now.get_month() + 1) as u8,
        day: now.get_date() as u8,
        hour: now.get_hours() as u8,
        minute: now.get_minutes() as u8,
        second: now.get_seconds() as u8,
        offset_minutes,
    }
}

/// Milliseconds since the Unix epoch.
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// A random number in `[0, 1)`, for ids.
pub fn random() -> f64 {
    js_sys::Math::random()
}

/// A time as a list shows it: "14:05" today, else "2026-11-27".
pub fn short_time(ms: f64) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms));
    let today = js_sys::Date::new_0();
    if date.to_date_string() == today.to_date_string() {
        format!("{:02}:{:02}", date.get_hours(), date.get_minutes())
    } else {
        format!(
            "{}-{:02}-{:02}",
            date.get_full_year(),
            date.get_month() + 1,
            date.get_date()
        )
    }
}
