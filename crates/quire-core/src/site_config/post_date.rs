//! A post's date as its front matter or file name gives it, and the date placeholders of
//! a permalink (`:year`, `:short_month`, `:week`...) as Ruby's `strftime` writes them.

use crate::date::{LocalDateTime, Zone};
use crate::front_matter::Value;

mod ruby;

/// A date and time as a post gives it, with its offset from UTC when it has one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PostDate {
    /// Year.
    pub year: i64,
    /// 1 to 12.
    pub month: u32,
    /// 1 to 31.
    pub day: u32,
    /// 0 to 23.
    pub hour: u32,
    /// 0 to 59.
    pub minute: u32,
    /// 0 to 60.
    pub second: u32,
    /// Minutes east of UTC, when the text says.
    pub offset: Option<i32>,
}

impl PostDate {
    /// Read `2026-05-04`, `2026-05-04 10:00`, `2026-05-04T10:00:00+02:00`,
    /// `2026-05-04 10:00:00 +0200`, `... Z`.
    pub fn parse(text: &str) -> Option<PostDate> {
        let text = text.trim();
        let (date, rest) = text.split_at(text.find(['T', 't', ' ']).unwrap_or(text.len()));
        let mut parts = date.split('-');
        // Four digits at most: a year no post has, which no arithmetic overflows on.
        let year: i64 = parts.next()?.parse().ok().filter(|y| *y <= 9999)?;
        let month: u32 = parts
            .next()?
            .parse()
            .ok()
            .filter(|m| (1..=12).contains(m))?;
        let day: u32 = parts
            .next()?
            .parse()
            .ok()
            .filter(|d| (1..=31).contains(d))?;
        if parts.next().is_some() {
            return None;
        }
        let mut parsed = PostDate {
            year,
            month,
            day,
            hour: 0,
            minute: 0,
            second: 0,
            offset: None,
        };
        let rest = rest.trim_start_matches(['T', 't', ' ']);
        if rest.is_empty() {
            return Some(parsed);
        }
        let time_len = rest
            .find(|c: char| !(c.is_ascii_digit() || c == ':' || c == '.'))
            .unwrap_or(rest.len());
        let mut clock = rest[..time_len].split(':');
        parsed.hour = clock.next()?.parse().ok().filter(|h| *h < 24)?;
        parsed.minute = clock.next()?.parse().ok().filter(|m| *m < 60)?;
        parsed.second = match clock.next() {
            Some(s) => s.split('.').next()?.parse().ok().filter(|s| *s <= 60)?,
            None => 0,
        };
        let zone = rest[time_len..].trim();
        parsed.offset = match zone {
            "" => None,
            "Z" | "z" | "UTC" | "GMT" => Some(0),
            _ => {
                let sign = match zone.as_bytes()[0] {
                    b'+' => 1,
                    b'-' => -1,
                    _ => return None,
                };
                let digits: String = zone[1..].chars().filter(char::is_ascii_digit).collect();
                let (h, m) = match digits.len() {
                    1 | 2 => (digits.parse::<i32>().ok()?, 0),
                    4 => (
                        digits[..2].parse::<i32>().ok()?,
                        digits[2..].parse::<i32>().ok()?,
                    ),
                    _ => return None,
                };
                Some(sign * (h * 60 + m))
            }
        };
        Some(parsed)
    }

    /// A date written in text as Jekyll reads it (Ruby's `Time.parse`): as [`PostDate::parse`]
    /// reads it, else as a person writes one (`September 30, 2021`, `4 March 2021`,
    /// `2017-09-27 (optional)`).
    pub fn read(text: &str) -> Option<PostDate> {
        // A year of two digits (`21-11-10`) is 2021's there.
        let short_year = text.trim().split('-').next().is_some_and(|y| y.len() <= 2);
        PostDate::parse(text)
            .filter(|_| !short_year)
            .or_else(|| ruby::time_parse(text))
    }

    /// A front-matter `date` as Jekyll reads a post's (`merge_date!`): a time written
    /// without quotes and without an offset is a YAML timestamp, which is UTC; quoted, or a
    /// date alone, it is a wall-clock time of the zone the site is built in.
    pub fn of_value(value: &Value) -> Option<PostDate> {
        match value {
            Value::DateTime(text) => {
                let mut date = PostDate::parse(text)?;
                if date.offset.is_none() && text.trim().len() > 10 {
                    date.offset = Some(0);
                }
                Some(date)
            }
            Value::String(text) => PostDate::read(text),
            _ => None,
        }
    }

    /// Seconds since 1970-01-01 on this date's own clock (its wall-clock time read as UTC).
    fn wall_seconds(&self) -> i64 {
        days_from_civil(self.year, self.month, self.day) * 86_400
            + i64::from(self.hour) * 3600
            + i64::from(self.minute) * 60
            + i64::from(self.second)
    }

    /// The moment this is, in seconds since 1970-01-01 UTC; a date without an offset is a
    /// wall-clock time of `zone`.
    pub fn utc_seconds(&self, zone: &Zone) -> i64 {
        let wall = self.wall_seconds();
        let offset = self.offset.unwrap_or_else(|| zone.offset_of_local(wall));
        wall - 60 * i64::from(offset)
    }

    /// The same moment on `zone`'s clock, as Jekyll's build in that zone has a post's date
    /// (`Time#localtime`): a date without an offset is already on it.
    pub fn in_zone(self, zone: &Zone) -> PostDate {
        let utc = self.utc_seconds(zone);
        PostDate::at(utc, zone.offset_at(utc))
    }

    /// The moment `utc` (seconds since 1970-01-01 UTC) at `offset` minutes east of UTC.
    pub(crate) fn at(utc: i64, offset: i32) -> PostDate {
        let wall = utc + 60 * i64::from(offset);
        let (year, month, day) = civil_from_days(wall.div_euclid(86_400));
        let of_day = wall.rem_euclid(86_400);
        PostDate {
            year,
            month,
            day,
            hour: (of_day / 3600) as u32,
            minute: (of_day / 60 % 60) as u32,
            second: (of_day % 60) as u32,
            offset: Some(offset),
        }
    }

    pub(crate) fn from_local(today: &LocalDateTime) -> PostDate {
        PostDate {
            year: i64::from(today.year),
            month: u32::from(today.month),
            day: u32::from(today.day),
            hour: u32::from(today.hour),
            minute: u32::from(today.minute),
            second: u32::from(today.second),
            offset: Some(today.offset_minutes),
        }
    }
}

/// Days since 1970-01-01 of a civil date (proleptic Gregorian).
pub(crate) fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date `days` after 1970-01-01.
pub(crate) fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

pub(crate) const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
pub(crate) const DAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// The placeholders of a date, as Ruby's `strftime` writes them.
pub(super) struct DateParts {
    date: PostDate,
    /// 1 (Monday) to 7 (Sunday).
    pub(super) weekday: u32,
    /// 1 to 366.
    pub(super) yday: u32,
    /// ISO 8601 week-based year and week.
    iso_year: i64,
    iso_week: u32,
}

impl DateParts {
    pub(super) fn of(date: PostDate) -> DateParts {
        let days = days_from_civil(date.year, date.month, date.day);
        let weekday = ((days + 3).rem_euclid(7) + 1) as u32;
        let yday = (days - days_from_civil(date.year, 1, 1) + 1) as u32;
        // The ISO week holds the week's Thursday.
        let thursday = days - i64::from(weekday) + 4;
        let (iso_year, _, _) = civil_from_days(thursday);
        let iso_week = ((thursday - days_from_civil(iso_year, 1, 1)) / 7 + 1) as u32;
        DateParts {
            date,
            weekday,
            yday,
            iso_year,
            iso_week,
        }
    }

    pub(super) fn get(&self, key: &str) -> Option<String> {
        let d = &self.date;
        Some(match key {
            "year" => format!("{:04}", d.year),
            "month" => format!("{:02}", d.month),
            "day" => format!("{:02}", d.day),
            "hour" => format!("{:02}", d.hour),
            "minute" => format!("{:02}", d.minute),
            "second" => format!("{:02}", d.second),
            "i_day" => d.day.to_string(),
            "i_month" => d.month.to_string(),
            "short_month" => MONTHS[d.month as usize - 1][..3].to_string(),
            "long_month" => MONTHS[d.month as usize - 1].to_string(),
            "short_year" => format!("{:02}", d.year.rem_euclid(100)),
            "w_year" => format!("{:04}", self.iso_year),
            "week" => format!("{:02}", self.iso_week),
            "w_day" => self.weekday.to_string(),
            "short_day" => DAYS[self.weekday as usize - 1][..3].to_string(),
            "long_day" => DAYS[self.weekday as usize - 1].to_string(),
            "y_day" => format!("{:03}", self.yday),
            _ => return None,
        })
    }
}
