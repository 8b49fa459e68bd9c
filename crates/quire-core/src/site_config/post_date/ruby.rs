//! A date written as a person writes it (`September 30, 2021`, `4 March 2021`,
//! `2017-09-27 (optional)`, `Fri Sep  3 11:21:31 CEST 2021`), read as Jekyll reads a
//! post's `date` that is no YAML timestamp: Ruby's `Time.parse`, whose `Date._parse` looks
//! for a weekday, a time of day with its zone, then the first of these forms that the text
//! holds: day and month name (`_parse_eu`), month name and day (`_parse_us`),
//! `y-m-d` (`_parse_iso`), `d-mon-y` (`_parse_vms`), slashes and dots (`_parse_sla`,
//! `_parse_dot`, their order settled as `s3e` settles it) and 8 or 6 digits
//! (`_parse_ddd`). A date without a year, month or day gives `None` (Ruby fills those from
//! the clock; the post's file name stands in here).

use regex_lite::Regex;

use super::PostDate;

/// The most characters `Date._parse` reads (Ruby 3.1: longer is an error).
const LIMIT: usize = 128;

const MONTH: &str = "(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)";

struct Patterns {
    junk: Regex,
    weekday: Regex,
    time: Regex,
    clock: Regex,
    eu: Regex,
    us: Regex,
    iso: Regex,
    vms: Regex,
    sla: Regex,
    dot: Regex,
    ddd: Regex,
}

/// The patterns, compiled once (`None` only if one did not compile, which a test rules out).
fn patterns() -> Option<&'static Patterns> {
    static PATTERNS: std::sync::OnceLock<Option<Patterns>> = std::sync::OnceLock::new();
    let compiled = PATTERNS.get_or_init(|| {
        let re = |p: &str| Regex::new(p).ok();
        Some(Patterns {
            junk: re(r"[^-+',./:@a-z0-9\[\]]+")?,
            weekday: re(r"\b(sun|mon|tue|wed|thu|fri|sat)[^-/\d\s]*")?,
            time: re(r"((?:\d+\s*:\s*\d+(?:\s*:\s*\d+(?:[,.]\d*)?)?|\d+\s*h(?:\s*\d+m?(?:\s*\d+s?)?)?)(?:\s*[ap](?:m\b|\.m\.))?|\d+\s*[ap](?:m\b|\.m\.))(?:\s*((?:gmt|utc?)?[-+]\d+(?:[,.:]\d+(?::\d+)?)?|[a-z.\s]+(?:standard|daylight)\stime\b|[a-z]+(?:\sdst)?\b))?")?,
            clock: re(r"^(\d+)h?(?:\s*:?\s*(\d+)m?(?:\s*:?\s*(\d+)(?:[,.](\d+))?s?)?)?(?:\s*([ap])(?:m\b|\.m\.))?")?,
            eu: re(&format!(r"'?(\d+)[^-\d\s']*\s*{MONTH}[^-\d\s']*(?:\s*,?\s*('?-?\d+(?:(?:st|nd|rd|th)\b)?))?"))?,
            us: re(&format!(r"\b{MONTH}[^-\d\s']*\s*('?\d+)[^-\d\s']*(?:\s*,?\s*('?-?\d+))?"))?,
            iso: re(r"('?[-+]?\d+)-(\d+)-('?-?\d+)")?,
            vms: re(&format!(r"('?-?\d+)-{MONTH}[^-/.]*-('?-?\d+)"))?,
            sla: re(r"('?-?\d+)/\s*('?\d+)(?:\D\s*('?-?\d+))?")?,
            dot: re(r"('?-?\d+)\.\s*('?\d+)\.\s*('?-?\d+)")?,
            ddd: re(r"([-+]?)(\d{2,14})")?,
        })
    });
    compiled.as_ref()
}

/// The number of a month's abbreviation.
fn month_number(name: &str) -> Option<String> {
    let months = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    months
        .iter()
        .position(|m| *m == name)
        .map(|i| (i + 1).to_string())
}

/// The date's parts as Ruby's `s3e` settles three numbers of unknown order.
#[derive(Default)]
struct Parts {
    year: Option<i64>,
    month: Option<u32>,
    day: Option<u32>,
    /// A year of two digits at most, without sign or apostrophe: 69-99 are the 1900s,
    /// 0-68 the 2000s.
    short_year: bool,
}

fn digits_of(text: &str) -> &str {
    let start = text.find(|c: char| c.is_ascii_digit() || c == '-' || c == '+');
    let text = start.map_or("", |s| &text[s..]);
    let sign = usize::from(text.starts_with(['-', '+']));
    let end = text[sign..]
        .find(|c: char| !c.is_ascii_digit())
        .map_or(text.len(), |e| sign + e);
    &text[..end]
}

fn s3e(y: Option<&str>, m: Option<&str>, d: Option<&str>) -> Parts {
    let (mut y, mut m, mut d) = (
        y.map(str::to_string),
        m.map(str::to_string),
        d.map(str::to_string),
    );
    if y.is_some() && m.is_some() && d.is_none() {
        (y, m, d) = (d, y, m);
    }
    if y.is_none() {
        if let Some(dd) = d.clone() {
            if dd.len() > 2 || dd.starts_with('\'') {
                (y, d) = (Some(dd), None);
            }
        }
    }
    if let Some(yy) = y.clone() {
        let digits = digits_of(&yy);
        let at = yy.find(digits).unwrap_or(0);
        if at + digits.len() < yy.len() {
            // A year with something after its digits (`4th`) is the day.
            (y, d) = (d, Some(yy[at..].to_string()));
        }
    }
    if let Some(mm) = m.clone() {
        if mm.starts_with('\'') || mm.len() > 2 {
            (y, m, d) = (Some(mm), d, y);
        }
    }
    if let Some(dd) = d.clone() {
        if dd.starts_with('\'') || dd.len() > 2 {
            (y, d) = (Some(dd), y);
        }
    }
    let mut parts = Parts::default();
    if let Some(yy) = &y {
        let digits = digits_of(yy);
        parts.short_year =
            !yy.starts_with('\'') && !digits.starts_with(['-', '+']) && digits.len() <= 2;
        parts.year = digits.parse().ok();
    }
    parts.month = m.as_deref().map(digits_of).and_then(|s| s.parse().ok());
    parts.day = d.as_deref().map(digits_of).and_then(|s| s.parse().ok());
    parts
}

/// The date part of `s` (the time and weekday taken out), by the first form that fits.
fn date_parts(s: &str) -> Option<Parts> {
    let p = patterns()?;
    // Each form, in `Date._parse`'s order: its pattern and the groups of the year, the
    // month (`Name`: a month's name) and the day, as `s3e` is given them.
    enum Month {
        Number(usize),
        Name(usize),
    }
    let forms = [
        (&p.eu, 3, Month::Name(2), 1),
        (&p.us, 3, Month::Name(1), 2),
        (&p.iso, 1, Month::Number(2), 3),
        (&p.vms, 3, Month::Name(2), 1),
        (&p.sla, 1, Month::Number(2), 3),
        (&p.dot, 1, Month::Number(2), 3),
    ];
    for (pattern, year, month, day) in forms {
        let Some(c) = pattern.captures(s) else {
            continue;
        };
        let group = |i: usize| c.get(i).map(|m| m.as_str());
        let month = match month {
            Month::Number(i) => group(i).map(str::to_string),
            Month::Name(i) => Some(month_number(group(i)?.get(..3)?)?),
        };
        return Some(s3e(group(year), month.as_deref(), group(day)));
    }
    let c = p.ddd.captures(s)?;
    let n = c.get(2)?.as_str();
    let num = |r: core::ops::Range<usize>| n.get(r).and_then(|t| t.parse::<u32>().ok());
    let year = |r: core::ops::Range<usize>| n.get(r).and_then(|t| t.parse::<i64>().ok());
    match n.len() {
        8 => Some(Parts {
            year: year(0..4),
            month: num(4..6),
            day: num(6..8),
            short_year: false,
        }),
        6 => Some(Parts {
            year: year(0..2),
            month: num(2..4),
            day: num(4..6),
            short_year: true,
        }),
        _ => None,
    }
}

/// Minutes east of UTC of a zone as Ruby's `Time.zone_offset` knows it (`None`: the time
/// is on the build's own clock).
fn zone_offset(zone: &str) -> Option<i32> {
    let zone = zone.trim();
    let named = |z: &str| -> Option<i32> {
        Some(
            match z {
                "utc" | "z" | "ut" | "gmt" => 0,
                "est" => -5,
                "edt" | "cdt" => -4 - i32::from(z == "cdt"),
                "cst" | "mdt" => -6,
                "mst" | "pdt" => -7,
                "pst" => -8,
                _ if z.len() == 1 => {
                    let c = z.as_bytes()[0];
                    match c {
                        b'a'..=b'i' => i32::from(c - b'a') + 1,
                        b'k'..=b'm' => i32::from(c - b'k') + 10,
                        b'n'..=b'y' => -(i32::from(c - b'n') + 1),
                        _ => return None,
                    }
                }
                _ => return None,
            } * 60,
        )
    };
    if let Some(off) = named(zone) {
        return Some(off);
    }
    let sign = match zone.as_bytes().first()? {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let rest = &zone[1..];
    let two = |t: &str| -> Option<i32> {
        (t.len() == 2 && t.bytes().all(|b| b.is_ascii_digit())).then(|| t.parse().ok())?
    };
    if let Some(h) = two(rest) {
        return Some(sign * h * 60);
    }
    let (h, m) = match rest.split_once(':') {
        Some((h, m)) => (two(h)?, two(m.get(..2)?)?),
        None => (two(rest.get(..2)?)?, two(rest.get(2..4)?)?),
    };
    Some(sign * (h * 60 + m))
}

/// `text` as Ruby's `Time.parse` reads a date (see the module notes). Like Ruby's
/// `Date._parse`, it refuses a text of more than 128 characters (which also keeps a
/// hostile date from costing time).
pub(super) fn time_parse(text: &str) -> Option<PostDate> {
    if text.chars().nth(LIMIT).is_some() {
        return None;
    }
    let p = patterns()?;
    let lower = text.to_ascii_lowercase();
    let mut s = p.junk.replace_all(&lower, " ").into_owned();
    s = p.weekday.replace(&s, " ").into_owned();
    let mut clock = (0, 0, 0);
    let mut offset = None;
    if let Some(c) = p.time.captures(&s) {
        let whole = c.get(0)?.range();
        let time = c.get(1)?.as_str();
        let t = p.clock.captures(time)?;
        let num = |i: usize| t.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
        let mut hour = num(1)?;
        if let Some(meridian) = t.get(5) {
            hour = hour % 12 + if meridian.as_str() == "p" { 12 } else { 0 };
        }
        clock = (hour, num(2).unwrap_or(0), num(3).unwrap_or(0));
        offset = c.get(2).and_then(|z| {
            let z = z.as_str();
            zone_offset(z)
        });
        s.replace_range(whole, " ");
    }
    let parts = date_parts(&s)?;
    let mut year = parts.year?;
    if parts.short_year && (0..=99).contains(&year) {
        year += if year >= 69 { 1900 } else { 2000 };
    }
    let month = parts.month.filter(|m| (1..=12).contains(m))?;
    let day = parts.day.unwrap_or(1);
    let (hour, minute, second) = clock;
    ((1..=31).contains(&day)
        && hour < 24
        && minute < 60
        && second <= 60
        && (0..=9999).contains(&year))
    .then_some(PostDate {
        year,
        month,
        day,
        hour,
        minute,
        second,
        offset,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each as Ruby 3.1's `Time.parse` reads it (`TZ=UTC`: a zone it does not know, such
    /// as CEST, is the local clock).
    #[test]
    fn dates_as_ruby_reads_them() {
        assert!(patterns().is_some(), "every pattern compiles");
        type Read = Option<(i64, u32, u32, u32, u32, u32, Option<i32>)>;
        let at_limit = format!("March 4, 2021{}", " ".repeat(115));
        let over_limit = format!("{at_limit} ");
        let cases: &[(&str, Read)] = &[
            ("March 4, 2021", Some((2021, 3, 4, 0, 0, 0, None))),
            ("September 30, 2021", Some((2021, 9, 30, 0, 0, 0, None))),
            ("2017-09-27 (optional)", Some((2017, 9, 27, 0, 0, 0, None))),
            (
                "Fri Sep  3 11:21:31 CEST 2021",
                Some((2021, 9, 3, 11, 21, 31, None)),
            ),
            (
                "2023-01-29 18:30:22 2023 -0800",
                Some((2023, 1, 29, 18, 30, 22, None)),
            ),
            ("4 March 2021", Some((2021, 3, 4, 0, 0, 0, None))),
            ("Mar 4 2021 10:30 pm", Some((2021, 3, 4, 22, 30, 0, None))),
            (
                "Tuesday, March 4th, 2021",
                Some((2021, 3, 4, 0, 0, 0, None)),
            ),
            ("2021/03/04", Some((2021, 3, 4, 0, 0, 0, None))),
            ("03/04/2021", Some((2021, 4, 3, 0, 0, 0, None))),
            ("4.3.2021", Some((2021, 3, 4, 0, 0, 0, None))),
            ("20210304", Some((2021, 3, 4, 0, 0, 0, None))),
            ("2021-3-4 9:5", Some((2021, 3, 4, 9, 5, 0, None))),
            ("March 4, 21", Some((2021, 3, 4, 0, 0, 0, None))),
            ("4-Mar-2021", Some((2021, 3, 4, 0, 0, 0, None))),
            ("March 2021", Some((2021, 3, 1, 0, 0, 0, None))),
            (
                "Sat, 06 Mar 2021 10:00:00 +0100",
                Some((2021, 3, 6, 10, 0, 0, Some(60))),
            ),
            (
                "March 4, 2021 9:15 PST",
                Some((2021, 3, 4, 9, 15, 0, Some(-480))),
            ),
            ("2021-03-04 12:00 UTC+2", Some((2021, 3, 4, 12, 0, 0, None))),
            (
                "2021-03-04 12:00 +05:30",
                Some((2021, 3, 4, 12, 0, 0, Some(330))),
            ),
            ("14 July 99", Some((1999, 7, 14, 0, 0, 0, None))),
            (
                "21-11-10 12:00 GMT",
                Some((2021, 11, 10, 12, 0, 0, Some(0))),
            ),
            ("soon", None),
            // 128 characters at most, as Ruby's limit.
            (&at_limit, Some((2021, 3, 4, 0, 0, 0, None))),
            (&over_limit, None),
            ("March 4", None),
            ("", None),
        ];
        for (text, expected) in cases {
            let got = time_parse(text)
                .map(|d| (d.year, d.month, d.day, d.hour, d.minute, d.second, d.offset));
            assert_eq!(got, *expected, "{text:?}");
        }
    }
}
