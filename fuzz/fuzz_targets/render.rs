//! quire_core::fuzz::render on arbitrary bytes (see that function for what it checks).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| quire_core::fuzz::render(data));
