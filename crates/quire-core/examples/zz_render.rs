use quire_core::render::{render_body, Flavour, Settings};
fn main() {
    let text = std::fs::read_to_string(std::env::args().nth(1).unwrap()).unwrap();
    let body = quire_core::split(&text).body_text(&text).to_string();
    let settings = Settings {
        flavour: Flavour::Jekyll,
        ..Default::default()
    };
    print!("{}", render_body(&body, &settings));
}
