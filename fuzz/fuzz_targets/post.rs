//! Every core entry point on arbitrary text: none may panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| quire_core::fuzz::post(data));
