//! The Quire web app's entry point: everything else lives in the library.

fn main() {
    quire::start();
}
