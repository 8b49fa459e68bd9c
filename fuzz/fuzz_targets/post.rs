//! Every core entry point on arbitrary text: none may panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(src) = std::str::from_utf8(data) {
        quire_core::exercise(src);
    }
});
