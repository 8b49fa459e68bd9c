//! Times in a post's Liquid: `page.date` (its front matter's `date`, else its file name's),
//! `site.time` (when the preview was opened, as Jekyll's is when the site is built), and
//! Liquid's `date` filter and Jekyll's `date_to_xmlschema`, `date_to_rfc822`,
//! `date_to_string` and `date_to_long_string` on them. Times are on the clock of the zone
//! the site is built in (`SiteVars::zone`: its `timezone:`; UTC on GitHub Pages), as
//! Jekyll, which sets `TZ` to it, has them.

use crate::front_matter::Value;
use crate::site_config::post_date::{civil_from_days, days_from_civil, DAYS, MONTHS};
use crate::site_config::PostDate;
use crate::{LocalDateTime, Zone};

/// A moment, and the offset from UTC (minutes east) it is written at, as a Ruby `Time`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Time {
    /// Seconds since 1970-01-01 00:00:00 UTC.
    utc: i64,
    offset: i32,
}

/// The civil date and time of a moment on its clock.
struct Civil {
    year: i64,
    month: u32,
    day: u32,
    hour: u32,
    minute: u32,
    second: u32,
    weekday: usize,
    yday: u32,
}

impl Time {
    /// Read a time as Liquid's `date` filter reads one (Ruby's `Time.parse`), as a post's
    /// date is read ([`PostDate::parse`]: `2014-11-28`, `2015-03-02 17:05:09 +0100`,
    /// `2015-03-02T17:05:09Z`...): at the offset it is written with, else as a wall-clock
    /// time of `zone`, the zone the site is built in.
    pub(super) fn parse(text: &str, zone: &Zone) -> Option<Time> {
        Some(Time::of_date(PostDate::read(text)?, zone))
    }

    fn of_date(date: PostDate, zone: &Zone) -> Time {
        let utc = date.utc_seconds(zone);
        Time {
            utc,
            offset: date.offset.unwrap_or_else(|| zone.offset_at(utc)),
        }
    }

    /// `seconds` since 1970-01-01 UTC, on `zone`'s clock (Ruby's `Time.at`).
    pub(super) fn at(seconds: i64, zone: &Zone) -> Time {
        Time {
            utc: seconds,
            offset: zone.offset_at(seconds),
        }
    }

    /// The same moment on `zone`'s clock (Ruby's `Time#localtime`).
    pub(super) fn local(self, zone: &Zone) -> Time {
        Time::at(self.utc, zone)
    }

    /// The moment a local date-time of the browser's clock stands for, on `zone`'s clock.
    pub(crate) fn of(local: &LocalDateTime, zone: &Zone) -> Time {
        Time::of_date(PostDate::from_local(local), zone).local(zone)
    }

    fn civil(self) -> Civil {
        let wall = self.utc + 60 * i64::from(self.offset);
        let days = wall.div_euclid(86_400);
        let secs = wall.rem_euclid(86_400) as u32;
        let (year, month, day) = civil_from_days(days);
        Civil {
            year,
            month,
            day,
            hour: secs / 3600,
            minute: secs / 60 % 60,
            second: secs % 60,
            weekday: (days + 4).rem_euclid(7) as usize,
            yday: (days - days_from_civil(year, 1, 1)) as u32 + 1,
        }
    }

    /// As Ruby writes a time (`Time#to_s`), Liquid's output of one: `2014-11-28 00:00:00
    /// +0000`.
    pub(super) fn to_liquid(self) -> String {
        self.strftime("%Y-%m-%d %H:%M:%S %z")
    }

    /// Ruby's `strftime` for the directives a post's Liquid uses; `None` for one it does
    /// not know.
    pub(super) fn strftime(self, format: &str) -> String {
        let c = self.civil();
        let mut out = String::with_capacity(format.len() + 16);
        let mut chars = format.chars();
        while let Some(ch) = chars.next() {
            if ch != '%' {
                out.push(ch);
                continue;
            }
            // Flags: `-` no padding, `_` spaces, `0` zeros, `^` upper case.
            let mut flag = None;
            let mut next = chars.next();
            while let Some(f @ ('-' | '_' | '0' | '^')) = next {
                flag = Some(f);
                next = chars.next();
            }
            // `%:z`: the offset with a colon.
            let colon = next == Some(':') && chars.clone().next() == Some('z');
            if colon {
                next = chars.next();
            }
            let Some(directive) = next else {
                out.push('%');
                break;
            };
            let number = |n: i64, width: usize, pad: char| -> String {
                match flag.unwrap_or(pad) {
                    '-' => n.to_string(),
                    '_' => format!("{n:>width$}"),
                    _ => format!("{n:0>width$}"),
                }
            };
            let hour12 = match c.hour % 12 {
                0 => 12,
                h => h,
            };
            let text = match directive {
                'Y' => c.year.to_string(),
                'C' => number(c.year / 100, 2, '0'),
                'y' => number(c.year % 100, 2, '0'),
                'm' => number(c.month.into(), 2, '0'),
                'd' => number(c.day.into(), 2, '0'),
                'e' => number(c.day.into(), 2, '_'),
                'j' => number(c.yday.into(), 3, '0'),
                'H' => number(c.hour.into(), 2, '0'),
                'k' => number(c.hour.into(), 2, '_'),
                'I' => number(hour12.into(), 2, '0'),
                'l' => number(hour12.into(), 2, '_'),
                'M' => number(c.minute.into(), 2, '0'),
                'S' => number(c.second.into(), 2, '0'),
                'L' => "000".to_string(),
                'B' => MONTHS[c.month as usize - 1].to_string(),
                'b' | 'h' => MONTHS[c.month as usize - 1][..3].to_string(),
                'A' => DAYS[(c.weekday + 6) % 7].to_string(),
                'a' => DAYS[(c.weekday + 6) % 7][..3].to_string(),
                'u' => (if c.weekday == 0 { 7 } else { c.weekday }).to_string(),
                'w' => c.weekday.to_string(),
                'p' => if c.hour < 12 { "AM" } else { "PM" }.to_string(),
                'P' => if c.hour < 12 { "am" } else { "pm" }.to_string(),
                's' => self.utc.to_string(),
                'z' => self.zone_offset(colon),
                'Z' => if self.offset == 0 { "UTC" } else { "" }.to_string(),
                'F' => format!("{}-{:02}-{:02}", c.year, c.month, c.day),
                'D' | 'x' => format!("{:02}/{:02}/{:02}", c.month, c.day, c.year % 100),
                'T' | 'X' => format!("{:02}:{:02}:{:02}", c.hour, c.minute, c.second),
                'R' => format!("{:02}:{:02}", c.hour, c.minute),
                'c' => self.strftime("%a %b %e %H:%M:%S %Y"),
                'n' => "\n".to_string(),
                't' => "\t".to_string(),
                '%' => "%".to_string(),
                other => format!("%{other}"),
            };
            if flag == Some('^') {
                out.push_str(&text.to_uppercase());
            } else {
                out.push_str(&text);
            }
        }
        out
    }

    /// The offset as `%z` writes it (`+0100`), or `%:z` (`+01:00`).
    fn zone_offset(self, colon: bool) -> String {
        let sign = if self.offset < 0 { '-' } else { '+' };
        let minutes = self.offset.unsigned_abs();
        let (h, m) = (minutes / 60, minutes % 60);
        if colon {
            format!("{sign}{h:02}:{m:02}")
        } else {
            format!("{sign}{h:02}{m:02}")
        }
    }

    /// Jekyll's `date_to_string` (`28 Nov 2014`) and `date_to_long_string` (`28 November
    /// 2014`), with their `"ordinal"` and `"US"` forms (`Nov 28th, 2014`).
    pub(super) fn to_string_filter(self, long: bool, ordinal: bool, us: bool) -> String {
        let month = if long { "%B" } else { "%b" };
        if !ordinal {
            return self.strftime(&format!("%d {month} %Y"));
        }
        let day = self.civil().day;
        let suffix = match (day % 10, day % 100) {
            (_, 11..=13) => "th",
            (1, _) => "st",
            (2, _) => "nd",
            (3, _) => "rd",
            _ => "th",
        };
        if us {
            self.strftime(&format!("{month} %-d{suffix}, %Y"))
        } else {
            self.strftime(&format!("%-d{suffix} {month} %Y"))
        }
    }
}

/// A post's `page.date` as Liquid writes it: its front matter's `date` (`value`, read as
/// [`PostDate::of_value`] reads it), else the date its file name (`path`) starts with, at
/// midnight; on the clock of `zone`, the zone the site is built in.
pub(super) fn page_date(value: Option<&Value>, path: Option<&str>, zone: &Zone) -> Option<String> {
    let date = match value {
        Some(value) => PostDate::of_value(value)?,
        None => {
            let name = path?.rsplit('/').next()?;
            PostDate::parse(name.get(..10)?).filter(|_| name.as_bytes().get(10) == Some(&b'-'))?
        }
    };
    Some(Time::of_date(date, zone).local(zone).to_liquid())
}

#[cfg(test)]
mod tests {
    use super::Time;
    use crate::Zone;

    /// As Jekyll 4.3.1 writes them (a build in UTC).
    #[test]
    fn times_as_jekyll_writes_them() {
        let utc = Zone::default();
        let a = Time::parse("2014-11-28", &utc).unwrap();
        assert_eq!(a.to_liquid(), "2014-11-28 00:00:00 +0000");
        assert_eq!(
            a.strftime("%a %A %b %e %j %y %H:%M:%S %p %I %l %s %z %Z %F %D %T %%"),
            "Fri Friday Nov 28 332 14 00:00:00 AM 12 12 1417132800 +0000 UTC 2014-11-28 11/28/14 00:00:00 %"
        );
        assert_eq!(a.strftime("%B %-d, %Y"), "November 28, 2014");
        assert_eq!(a.to_string_filter(false, true, true), "Nov 28th, 2014");
        assert_eq!(a.to_string_filter(true, true, false), "28th November 2014");
        let b = Time::parse("2015-03-02 17:05:09 +0100", &utc).unwrap();
        // Liquid's `date` keeps the offset a time is written with; Jekyll's filters and
        // `page.date` move it to the site's zone.
        assert_eq!(b.to_liquid(), "2015-03-02 17:05:09 +0100");
        let b = b.local(&utc);
        assert_eq!(b.to_liquid(), "2015-03-02 16:05:09 +0000");
        assert_eq!(b.strftime("%s"), "1425312309");
        assert_eq!(b.strftime("%-m/%-d/%y %-H %-I%P"), "3/2/15 16 4pm");
        assert_eq!(
            b.strftime("%a, %d %b %Y %H:%M:%S %z"),
            "Mon, 02 Mar 2015 16:05:09 +0000"
        );
        let c = Time::parse("2016-07-03", &utc).unwrap();
        assert_eq!(c.to_string_filter(false, true, false), "3rd Jul 2016");
        assert_eq!(c.to_string_filter(true, true, true), "July 3rd, 2016");
        let d = Time::parse("2015-03-02T17:05:09.25-05:30", &utc).unwrap();
        assert_eq!(d.to_liquid(), "2015-03-02 17:05:09 -0530");
        assert_eq!(d.strftime("%:z %z %Z"), "-05:30 -0530 ");
        assert_eq!(d.local(&utc).to_liquid(), "2015-03-02 22:35:09 +0000");
        assert_eq!(
            Time::parse("2020-01-05", &utc).unwrap().strftime("%b %d"),
            "Jan 05"
        );
        for bad in ["", "x", "2014-13-01", "11/28/2014"] {
            assert_eq!(Time::parse(bad, &utc), None, "{bad}");
        }
        // Read as Ruby's `Time.parse` reads them (Liquid's `date` filter).
        for (text, date) in [
            ("2014-11-28 +01x", "2014-11-28"),
            ("November 28, 2014", "2014-11-28"),
            ("28/11/2014", "2014-11-28"),
        ] {
            let time = Time::parse(text, &utc).map(|t| t.strftime("%F"));
            assert_eq!(time.as_deref(), Some(date), "{text}");
        }
        // Leap years and the far past.
        assert_eq!(
            Time::parse("2000-02-29", &utc)
                .unwrap()
                .strftime("%F %j %A"),
            "2000-02-29 060 Tuesday"
        );
        assert_eq!(
            Time::parse("1969-12-31 23:59:59", &utc)
                .unwrap()
                .strftime("%s"),
            "-1"
        );
    }
}
