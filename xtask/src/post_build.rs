//! `cargo xtask post-build`, run by Trunk after every build (the `post_build` hook in
//! Trunk.toml) on the staged `index.html`: gives the page its Content-Security-Policy.
//! Trunk writes the loader as an inline script whose text changes with each build, so the
//! policy names that script by its SHA-256 hash.

use std::path::PathBuf;

use base64::Engine;
use sha2::{Digest, Sha256};

/// The app's policy; `{scripts}` becomes the hashes of the inline scripts. Scripts come
/// only from the app itself (wasm needs `'wasm-unsafe-eval'`); nothing is fetched from
/// another origin except a post's images and media, which the preview shows.
const POLICY: &str = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval' {scripts}; \
style-src 'self' 'unsafe-inline'; img-src 'self' data: blob: https: http:; \
media-src 'self' data: blob: https: http:; font-src 'self'; connect-src 'self'; \
manifest-src 'self'; worker-src 'self'; frame-src 'self'; child-src 'self'; \
object-src 'none'; base-uri 'none'; form-action 'none'";

pub fn run() -> Result<(), String> {
    let staging = std::env::var_os("TRUNK_STAGING_DIR")
        .map(PathBuf::from)
        .ok_or("post-build runs as Trunk's post_build hook (TRUNK_STAGING_DIR is not set)")?;
    let index = staging.join("index.html");
    let html =
        std::fs::read_to_string(&index).map_err(|e| format!("reading {}: {e}", index.display()))?;
    let html = add_policy(&html)?;
    std::fs::write(&index, html).map_err(|e| format!("writing {}: {e}", index.display()))?;
    println!(
        "post-build: Content-Security-Policy added to {}",
        index.display()
    );
    Ok(())
}

/// `html` with a CSP `<meta>` right after its `<meta charset>`, naming every inline
/// script by hash.
pub fn add_policy(html: &str) -> Result<String, String> {
    if html.contains("http-equiv=\"Content-Security-Policy\"") {
        return Err("index.html already has a Content-Security-Policy".into());
    }
    let scripts: Vec<String> = inline_scripts(html)
        .into_iter()
        .map(|text| {
            let hash = Sha256::digest(text.as_bytes());
            format!(
                "'sha256-{}'",
                base64::engine::general_purpose::STANDARD.encode(hash)
            )
        })
        .collect();
    let policy = POLICY.replace("{scripts}", &scripts.join(" "));
    let charset = html
        .find("<meta charset")
        .ok_or("index.html has no <meta charset>")?;
    let after = charset
        + html[charset..]
            .find('>')
            .ok_or("index.html: unclosed <meta charset>")?
        + 1;
    Ok(format!(
        "{}\n    <meta http-equiv=\"Content-Security-Policy\" content=\"{policy}\" />{}",
        &html[..after],
        &html[after..]
    ))
}

/// The text of each `<script>` element without a `src`.
fn inline_scripts(html: &str) -> Vec<&str> {
    let mut found = Vec::new();
    let mut rest = html;
    while let Some(open) = rest.find("<script") {
        let Some(tag_end) = rest[open..].find('>').map(|i| open + i + 1) else {
            break;
        };
        let tag = &rest[open..tag_end];
        let Some(close) = rest[tag_end..].find("</script>").map(|i| tag_end + i) else {
            break;
        };
        if !tag.contains(" src=") {
            found.push(&rest[tag_end..close]);
        }
        rest = &rest[close + "</script>".len()..];
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn policy_names_each_inline_script_by_hash() {
        let html = "<html><head>\n<meta charset=\"utf-8\" />\n<title>x</title>\n\
                    <script type=\"module\">alert(1)</script>\n<script src=\"/a.js\"></script>\n\
                    </head></html>";
        let out = add_policy(html).expect("a policy");
        // printf 'alert(1)' | sha256sum | xxd -r -p | base64
        assert!(
            out.contains("'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='"),
            "{out}"
        );
        assert_eq!(out.matches("'sha256-").count(), 1);
        let meta = out.find("Content-Security-Policy").expect("the meta");
        assert!(meta < out.find("<title>").expect("title"));
        assert!(out.contains("'wasm-unsafe-eval'"));
        assert!(add_policy(&out).is_err(), "a second policy is refused");
    }

    #[test]
    fn without_charset_meta_it_fails() {
        assert!(add_policy("<html><head></head></html>").is_err());
    }
}
