//! The language a post is written in, for the browser's spell checker: the post's `lang:`
//! front matter, else the site's (`lang` in Jekyll, `languageCode` in Hugo,
//! `default_language` in Zola), else none (the page's own).

use crate::front_matter::Field;

/// The language tag for spell checking, when the post or its site names a valid one.
pub fn of_post(fields: &[Field], site_scalars: &[(String, String)]) -> Option<String> {
    let from_post = fields
        .iter()
        .rev()
        .find(|f| f.key == "lang" || f.key == "language")
        .and_then(|f| tag(&f.value.to_plain_string()));
    from_post.or_else(|| {
        ["lang", "languageCode", "default_language"]
            .iter()
            .find_map(|key| site_scalars.iter().find(|(k, _)| k == key))
            .and_then(|(_, value)| tag(value))
    })
}

/// `text` as a BCP 47 language tag (`pt_BR` becomes `pt-BR`), if it looks like one.
fn tag(text: &str) -> Option<String> {
    let text = text.trim().replace('_', "-");
    let mut parts = text.split('-');
    let primary = parts.next()?;
    let valid = (2..=8).contains(&primary.len())
        && primary.chars().all(|c| c.is_ascii_alphabetic())
        && parts
            .all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()));
    valid.then_some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(src: &str) -> Vec<Field> {
        crate::front_matter::read(src).expect("front matter")
    }

    #[test]
    fn the_posts_language_then_the_sites() {
        let site = vec![("lang".to_string(), "fr".to_string())];
        type Case<'a> = (&'a str, &'a [(String, String)], Option<&'a str>);
        let cases: &[Case] = &[
            ("---\nlang: de\n---\n", &site, Some("de")),
            ("---\nlang: pt_BR\n---\n", &[], Some("pt-BR")),
            ("---\nlanguage: \"en-GB\"\n---\n", &[], Some("en-GB")),
            ("---\ntitle: x\n---\n", &site, Some("fr")),
            ("---\nlang: not a language\n---\n", &site, Some("fr")),
            ("---\nlang: <script>\n---\n", &[], None),
            ("---\ntitle: x\n---\n", &[], None),
        ];
        for (src, site, want) in cases {
            assert_eq!(of_post(&fields(src), site).as_deref(), *want, "{src}");
        }
        let hugo = vec![("languageCode".to_string(), "es-ES".to_string())];
        assert_eq!(of_post(&[], &hugo).as_deref(), Some("es-ES"));
    }
}
