use super::*;
use crate::drafts::DraftMeta;
use crate::revisions::Reason;

fn meta(id: &str, text: &str) -> DraftMeta {
    DraftMeta {
        id: id.into(),
        title: id.into(),
        updated_ms: 1.0,
        words: 1,
        bytes: text.len(),
        caret: 0,
        scroll: 0.0,
        endings: Default::default(),
        images: Default::default(),
        site: None,
    }
}

fn index_with(id: &str, text: &str) -> Index {
    let mut index = Index::default();
    index.upsert(meta(id, text));
    index.set_current(Some(id));
    index
}

/// Keep `texts` as successive revisions of draft `id`.
fn keep_revisions(store: &mut MemoryStore, id: &str, texts: &[&str]) {
    let mut history = History::default();
    for (i, text) in texts.iter().enumerate() {
        let taken = history
            .take(text, id, 1_000_000.0 * (i as f64 + 1.0), Reason::Periodic)
            .expect("a new revision");
        store
            .set(&revisions::text_key(id, taken.n), text)
            .expect("room for the revision");
    }
    store
        .set(&revisions::history_key(id), &revisions::write(&history))
        .expect("room for the history");
}

#[test]
fn a_draft_is_saved_with_its_index() {
    let mut store = MemoryStore::with_capacity(10_000);
    let text = "---\ntitle: A\n---\nBody é\n";
    assert_eq!(
        save_draft(&mut store, "a", text, Some(&index_with("a", text))),
        Ok(0)
    );
    assert_eq!(
        store.get(&drafts::draft_key("a")),
        Ok(Some(text.to_string()))
    );
    let index = store
        .get(drafts::INDEX_KEY)
        .ok()
        .flatten()
        .unwrap_or_default();
    let index = drafts::parse_index(&index).expect("a readable index");
    assert_eq!(index.current.as_deref(), Some("a"));
    assert_eq!(index.get("a").map(|m| m.bytes), Some(text.len()));
}

#[test]
fn a_full_store_gives_up_old_revisions_then_saves() {
    let old = "o".repeat(3_000);
    let mut store = MemoryStore::with_capacity(12_000);
    keep_revisions(
        &mut store,
        "b",
        &[&old, &old.replace('o', "p"), "newest of b"],
    );
    let text = "t".repeat(6_000);
    let freed = save_draft(&mut store, "a", &text, Some(&index_with("a", &text)));
    assert_eq!(freed, Ok(6_000), "both older revisions of b were given up");
    assert_eq!(store.get(&drafts::draft_key("a")), Ok(Some(text.clone())));
    let history = store.get(&revisions::history_key("b")).ok().flatten();
    let history = revisions::parse(&history.unwrap_or_default()).expect("b's history");
    assert_eq!(history.revisions.len(), 1, "b keeps its newest revision");
    assert_eq!(
        store.get(&revisions::text_key("b", history.revisions[0].n)),
        Ok(Some("newest of b".to_string()))
    );
}

#[test]
fn still_full_leaves_the_stored_draft_as_it_was() {
    let mut store = MemoryStore::with_capacity(2_000);
    let first = "first version";
    save_draft(&mut store, "a", first, Some(&index_with("a", first))).expect("the first save");
    store.set("other-app", &"x".repeat(1_500)).expect("room");
    let longer = "l".repeat(1_000);
    assert_eq!(
        save_draft(&mut store, "a", &longer, Some(&index_with("a", &longer))),
        Err(SaveError::Full)
    );
    assert_eq!(
        store.get(&drafts::draft_key("a")),
        Ok(Some(first.to_string()))
    );
}

#[test]
fn a_text_larger_than_the_store_gives_up_nothing() {
    let mut store = MemoryStore::with_capacity(5_000);
    keep_revisions(&mut store, "b", &["one", "two"]);
    let huge = "h".repeat(6_000);
    assert_eq!(
        save_draft(&mut store, "a", &huge, Some(&index_with("a", &huge))),
        Err(SaveError::TooLarge)
    );
    let history = store.get(&revisions::history_key("b")).ok().flatten();
    let history = revisions::parse(&history.unwrap_or_default()).expect("b's history");
    assert_eq!(history.revisions.len(), 2, "no revision given up for it");
}

#[test]
fn freeing_all_revisions_removes_their_texts_and_histories() {
    let mut store = MemoryStore::with_capacity(10_000);
    keep_revisions(&mut store, "b", &["one", "two"]);
    store
        .set(&revisions::history_key("broken"), "{not json")
        .expect("room");
    assert_eq!(free_revisions(&mut store, Free::All), 6);
    let keys = store.keys().unwrap_or_default();
    assert_eq!(
        keys,
        [revisions::history_key("broken")],
        "unreadable histories stay"
    );
}

#[test]
fn the_memory_store_counts_utf16_units_like_a_browser() {
    let mut store = MemoryStore::with_capacity(6);
    assert_eq!(store.set("k", "😀😀"), Ok(()), "1 + 4 units");
    assert_eq!(store.used(), 5);
    assert_eq!(
        store.set("k", "😀😀😀"),
        Err(StoreError::Full),
        "1 + 6 units"
    );
    assert_eq!(store.get("k"), Ok(Some("😀😀".to_string())), "unchanged");
}
