//! `cargo bench -p quire-core` (also run by `cargo xtask bench`): split + typed front-matter
//! read + excerpt detection on 10 KB, 100 KB and 1 MB posts, one key edit, and a whole
//! render in the Jekyll flavour of 1 MB posts, hostile ones among them (quotes only,
//! `<` only, thousands of unclosed block tags, thousands of lone image tags, of unclosed
//! `<div>` lines, of nested `markdown="1"` elements, of `[a](` on one line, of attribute
//! list lines: each once cost the square of its length or more). Criterion
//! prints the throughput in MB/s.

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use quire_core::front_matter::{self, Value};
use quire_core::{excerpt, post};

const SEED: &str = include_str!("../../../tests/fixtures/seed-post.md");

/// A post of about `size` bytes: the seed's front matter and excerpt, its body repeated.
fn post_of(size: usize) -> String {
    let body_start = post::split(SEED).body.start;
    let (head, body) = SEED.split_at(body_start);
    let mut src = format!(
        "{}tags: [rust, wasm, editor]\ndate: 2026-01-31 10:00:00 +0100\n---\n",
        head.trim_end_matches("---\n")
    );
    while src.len() < size {
        src.push_str(body);
        src.push_str("\n\n");
    }
    src
}

fn read_all(c: &mut Criterion) {
    let mut group = c.benchmark_group("split+read+excerpt");
    group.measurement_time(Duration::from_secs(3));
    for (label, size) in [("10KB", 10_000), ("100KB", 100_000), ("1MB", 1_000_000)] {
        let src = post_of(size);
        group.throughput(Throughput::Bytes(src.len() as u64));
        group.bench_function(label, |b| {
            b.iter(|| {
                let parts = post::split(black_box(&src));
                let fields = front_matter::read(&src);
                let found = excerpt::detect(&src);
                black_box((parts, fields, found))
            })
        });
    }
    group.finish();
}

fn edit_key(c: &mut Criterion) {
    let mut group = c.benchmark_group("set title");
    group.measurement_time(Duration::from_secs(3));
    for (label, size) in [("10KB", 10_000), ("1MB", 1_000_000)] {
        let src = post_of(size);
        let value = Value::String("A new title: with a colon".into());
        group.throughput(Throughput::Bytes(src.len() as u64));
        group.bench_function(label, |b| {
            b.iter(|| {
                let edit = front_matter::set(black_box(&src), "title", &value);
                black_box(edit)
            })
        });
    }
    group.finish();
}

fn jekyll_render(c: &mut Criterion) {
    use quire_core::render::{render_body, Flavour, Settings};
    let mut group = c.benchmark_group("jekyll render 1MB");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(3));
    let prose = "It's the \"quoted\" text -- with 'single' quotes... `code`'s [link](/x)'s \
                 <kbd>K</kbd> end.\n\n<img src=\"a.png\">\n\n";
    let settings = Settings {
        flavour: Flavour::Jekyll,
        ..Default::default()
    };
    for (label, text) in [
        ("prose", prose.repeat(1_000_000 / prose.len())),
        ("quotes", "'\"".repeat(500_000)),
        ("lt", "<".repeat(1_000_000)),
        ("unclosed video", "<video>\n\n".repeat(111_000)),
        ("lone img", "<img src=x>\n\n".repeat(77_000)),
        ("unclosed div lines", "<div>\n".repeat(166_000)),
        (
            "nested markdown divs",
            "<div markdown=\"1\">\n".repeat(25_000) + "x\n" + &"</div>\n".repeat(25_000),
        ),
        ("link openings", "[a](".repeat(250_000)),
        ("attribute lines", "{: .a #b}\n".repeat(100_000)),
    ] {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(label, |b| {
            b.iter(|| black_box(render_body(black_box(&text), &settings)))
        });
    }
    group.finish();
}

criterion_group!(benches, read_all, edit_key, jekyll_render);
criterion_main!(benches);
