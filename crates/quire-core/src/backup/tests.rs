//! Backups: written and read back byte for byte (texts, revisions, images), damaged ones
//! refused, and a restore that never overwrites a draft.

use super::*;

fn today() -> LocalDateTime {
    LocalDateTime {
        year: 2026,
        month: 11,
        day: 27,
        hour: 0,
        minute: 0,
        second: 0,
        offset_minutes: 0,
    }
}

fn draft(id: &str, text: &str, crlf: bool) -> BackupDraft {
    BackupDraft {
        id: id.into(),
        title: id.into(),
        updated_ms: 1.5,
        endings: crate::line_endings::StoredEndings {
            crlf,
            endings: None,
        },
        text: text.into(),
        revisions: Vec::new(),
        images: Default::default(),
    }
}

#[test]
fn backups_round_trip_byte_exact() {
    let drafts = vec![
        draft("a", "---\ntitle: Same\n---\nOne\n", false),
        draft("b", "---\ntitle: Same\n---\nTwo\n", false),
        draft("c", "\u{feff}---\ntitle: Windows\n---\nx  \n", true),
        draft("d", "no front matter é 日本", false),
    ];
    let zip = write(&drafts, &today());
    assert_eq!(read(&zip), Ok(drafts.clone()));
    // Mixed endings are written into the file and read back from it.
    let mixed = crate::line_endings::for_editor("---\r\ntitle: Mixed\n---\r\nx\ry");
    let mut drafts = drafts;
    drafts.push(BackupDraft {
        endings: (&mixed.endings).into(),
        ..draft("e", &mixed.text, false)
    });
    let zip = write(&drafts, &today());
    let files = read_zip(&zip).expect("a zip");
    assert!(files
        .iter()
        .any(|(_, bytes)| bytes == b"---\r\ntitle: Mixed\n---\r\nx\ry"));
    drafts.pop();
    let zip = write(&drafts, &today());
    assert_eq!(read(&zip), Ok(drafts.clone()));
    // The files inside are named as downloads are, unique, with CRLF written back.
    let files = read_zip(&zip).expect("a zip");
    let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names.len(), 5);
    assert_eq!(
        names[..3],
        [
            "2026-11-27-same.md",
            "2026-11-27-same-2.md",
            "2026-11-27-windows.md"
        ]
    );
    assert_eq!(names[3], "2026-11-27-untitled.md");
    assert_eq!(names[4], "manifest.json");
    assert_eq!(
        files[2].1,
        "\u{feff}---\r\ntitle: Windows\r\n---\r\nx  \r\n".as_bytes()
    );
}

#[test]
fn revisions_travel_with_their_draft() {
    let revision = |text: &str, at_ms: f64| BackupRevision {
        file: String::new(),
        at_ms,
        reason: crate::revisions::Reason::Opened,
        text: text.into(),
        images: Default::default(),
    };
    let mut a = draft("a", "---\ntitle: Kept\n---\nNow\n", false);
    a.revisions = vec![revision("Before\r\n", 1.0), revision("Later \u{e9}", 2.0)];
    let zip = write(&[a.clone()], &today());
    let back = read(&zip).expect("readable");
    assert_eq!(back[0].revisions.len(), 2);
    assert_eq!(
        back[0].revisions[0].text, "Before\r\n",
        "stored text, exactly"
    );
    assert_eq!(back[0].revisions[1].text, "Later \u{e9}");
    assert_eq!(back[0].revisions[1].at_ms, 2.0);
    assert_eq!(back[0].revisions[0].file, "revisions/2026-11-27-kept/1.md");
    // A backup without revisions (as older Quire wrote them) still reads.
    let plain = write(&[draft("b", "text", false)], &today());
    assert_eq!(read(&plain).map(|d| d[0].revisions.len()), Ok(0));
}

#[test]
fn images_travel_byte_exact_and_are_checked() {
    let png = crate::images::tests::png_3x2();
    let sha = crate::images::sha256_hex(&png);
    let image = crate::images::StoredImage {
        sha256: sha.clone(),
        bytes: png.len() as u64,
        width: 3,
        height: 2,
    };
    let mut a = draft("a", "![](/i/a.png)\n", false);
    a.images.insert("/i/a.png".into(), image.clone());
    a.revisions = vec![BackupRevision {
        file: String::new(),
        at_ms: 1.0,
        reason: crate::revisions::Reason::Opened,
        text: "![](/i/a.png)".into(),
        images: a.images.clone(),
    }];
    let images = BTreeMap::from([(sha.clone(), png.clone())]);
    let zip = write_with_images(&[a.clone()], &images, &today());
    let files = read_zip(&zip).unwrap();
    assert_eq!(files[0], (format!("images/{sha}.png"), png.clone()));
    let (drafts, back) = read_with_images(&zip).unwrap();
    assert_eq!(drafts[0].images["/i/a.png"], image);
    assert_eq!(drafts[0].revisions[0].images, a.images);
    assert_eq!(back, images);
    // An image whose bytes are not what its name says is refused.
    let mut wrong = ZipWriter::default();
    wrong.add(&format!("images/{sha}.png"), b"other bytes");
    wrong.add("manifest.json", br#"{"version": 1, "drafts": []}"#);
    assert!(matches!(
        read_with_images(&wrong.finish()),
        Err(BackupError::BadEntry(_))
    ));
}

#[test]
fn bad_backups_are_refused() {
    assert!(matches!(read(b"not a zip"), Err(BackupError::NotZip(_))));
    let mut zip = write(&[draft("a", "text", false)], &today());
    let at = zip.len() / 4;
    zip[at] ^= 0xff;
    assert!(read(&zip).is_err());
    let mut future = ZipWriter::default();
    future.add("manifest.json", br#"{"version": 9, "drafts": []}"#);
    assert_eq!(read(&future.finish()), Err(BackupError::FutureVersion(9)));
    let mut none = ZipWriter::default();
    none.add("a.md", b"x");
    assert!(matches!(
        read(&none.finish()),
        Err(BackupError::NoManifest(_))
    ));
}

#[test]
fn restoring_never_overwrites() {
    let stored = |id: &str| match id {
        "same" => Some("kept".to_string()),
        "changed" => Some("mine".to_string()),
        _ => None,
    };
    let mut n = 0;
    let plan = plan(
        vec![
            draft("same", "kept", false),
            draft("changed", "theirs", false),
            draft("fresh", "new", false),
        ],
        stored,
        || {
            n += 1;
            format!("copy{n}")
        },
    );
    assert_eq!(plan[0], Restore::Same);
    assert!(
        matches!(&plan[1], Restore::Copy { id, draft } if id == "copy1" && draft.text == "theirs")
    );
    assert!(matches!(&plan[2], Restore::New(d) if d.id == "fresh"));
}
