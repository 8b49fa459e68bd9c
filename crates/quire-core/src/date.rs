//! Local date-times as Jekyll writes them: `2026-01-31 10:00:00 +0100`.

use core::fmt;

mod zone;

pub use zone::Zone;

/// A wall-clock time with its UTC offset, as the browser's clock gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LocalDateTime {
    /// Four-digit year.
    pub year: i32,
    /// 1 to 12.
    pub month: u8,
    /// 1 to 31.
    pub day: u8,
    /// 0 to 23.
    pub hour: u8,
    /// 0 to 59.
    pub minute: u8,
    /// 0 to 59.
    pub second: u8,
    /// Offset east of UTC, in minutes (`+0100` is 60).
    pub offset_minutes: i32,
}

impl LocalDateTime {
    /// The date part, `YYYY-MM-DD`.
    pub fn date(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl fmt::Display for LocalDateTime {
    /// Jekyll's front-matter form: `YYYY-MM-DD HH:MM:SS +HHMM`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.offset_minutes < 0 { '-' } else { '+' };
        let offset = self.offset_minutes.unsigned_abs();
        write!(
            f,
            "{} {:02}:{:02}:{:02} {sign}{:02}{:02}",
            self.date(),
            self.hour,
            self.minute,
            self.second,
            offset / 60,
            offset % 60
        )
    }
}

/// A front-matter date as a browser date or datetime-local input shows it, remembering
/// how the post writes it (separator, seconds, fraction, zone) so that a new value from the
/// input is written back the same way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateInput {
    /// `YYYY-MM-DD` (date only) or `YYYY-MM-DDTHH:MM:SS`, the input's value.
    pub value: String,
    /// Whether the post's date has a time of day (a datetime-local input) or not (a date input).
    pub has_time: bool,
    separator: String,
    /// Everything after the seconds: fraction and zone, as written (`.5 +0100`, `Z`, ` -05:30`).
    suffix: String,
}

impl DateInput {
    /// Read a front-matter date (`2026-01-31`, `2026-01-31 10:00:00 +0100`,
    /// `2026-01-31T10:00:00Z`, ...). `None` if it is not one.
    pub fn parse(text: &str) -> Option<DateInput> {
        let text = text.trim();
        let date_len = text
            .find(|c: char| c == 'T' || c == 't' || c.is_whitespace())
            .unwrap_or(text.len());
        let date = normalise_date(&text[..date_len])?;
        let rest = &text[date_len..];
        if rest.is_empty() {
            return Some(DateInput {
                value: date,
                has_time: false,
                separator: String::new(),
                suffix: String::new(),
            });
        }
        let time_at = rest.find(|c: char| c.is_ascii_digit())?;
        let separator = rest[..time_at].to_string();
        let time_text = &rest[time_at..];
        let time_len = time_text
            .find(|c: char| !(c.is_ascii_digit() || c == ':'))
            .unwrap_or(time_text.len());
        let mut parts = time_text[..time_len].split(':');
        let hour: u8 = parts.next()?.parse().ok().filter(|h| *h < 24)?;
        let minute: u8 = parts.next()?.parse().ok().filter(|m| *m < 60)?;
        let second: u8 = parts
            .next()
            .map_or(Some(0), |s| s.parse().ok().filter(|s| *s < 61))?;
        Some(DateInput {
            value: format!("{date}T{hour:02}:{minute:02}:{second:02}"),
            has_time: true,
            separator,
            suffix: time_text[time_len..].to_string(),
        })
    }

    /// The post's date text for a new input value, in the post's own format.
    pub fn write(&self, input_value: &str) -> Option<String> {
        let (date, time) = match input_value.split_once('T') {
            Some((d, t)) => (d, Some(t)),
            None => (input_value, None),
        };
        let date = normalise_date(date)?;
        if !self.has_time {
            return Some(date);
        }
        let time = time.unwrap_or("00:00:00");
        let time = if time.len() == 5 {
            format!("{time}:00")
        } else {
            time.to_string()
        };
        Some(format!("{date}{}{time}{}", self.separator, self.suffix))
    }
}

/// `YYYY-M-D` to `YYYY-MM-DD`, checked.
fn normalise_date(text: &str) -> Option<String> {
    let mut parts = text.split('-');
    let year: u32 = parts.next().filter(|y| y.len() == 4)?.parse().ok()?;
    let month: u32 = parts
        .next()
        .filter(|m| (1..=2).contains(&m.len()))?
        .parse()
        .ok()?;
    let day: u32 = parts
        .next()
        .filter(|d| (1..=2).contains(&d.len()))?
        .parse()
        .ok()?;
    let valid = parts.next().is_none() && (1..=12).contains(&month) && (1..=31).contains(&day);
    valid.then(|| format!("{year:04}-{month:02}-{day:02}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_inputs_keep_the_post_format() {
        let cases: &[(&str, &str, &str, &str)] = &[
            (
                "2026-01-31 10:00:00 +0100",
                "2026-01-31T10:00:00",
                "2026-02-03T04:05:06",
                "2026-02-03 04:05:06 +0100",
            ),
            (
                "2026-01-31T10:00:00Z",
                "2026-01-31T10:00:00",
                "2026-02-03T04:05",
                "2026-02-03T04:05:00Z",
            ),
            (
                "2026-01-31 10:00",
                "2026-01-31T10:00:00",
                "2026-02-03T04:05:06",
                "2026-02-03 04:05:06",
            ),
            ("2026-1-5", "2026-01-05", "2026-02-03", "2026-02-03"),
            (
                "2026-01-31 10:00:00.25 -05:30",
                "2026-01-31T10:00:00",
                "2026-02-03T04:05:06",
                "2026-02-03 04:05:06.25 -05:30",
            ),
        ];
        for (text, value, new_input, written) in cases {
            let input = DateInput::parse(text).unwrap_or_else(|| panic!("{text}"));
            assert_eq!(input.value, *value, "{text}");
            assert_eq!(input.write(new_input).as_deref(), Some(*written), "{text}");
        }
        for bad in ["yesterday", "2026-13-01", "2026-01-31 25:00", ""] {
            assert_eq!(DateInput::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn jekyll_format() {
        let mut t = LocalDateTime {
            year: 2026,
            month: 1,
            day: 31,
            hour: 10,
            minute: 5,
            second: 0,
            offset_minutes: 60,
        };
        assert_eq!(t.to_string(), "2026-01-31 10:05:00 +0100");
        t.offset_minutes = -330;
        assert_eq!(t.to_string(), "2026-01-31 10:05:00 -0530");
        assert_eq!(t.date(), "2026-01-31");
    }
}
