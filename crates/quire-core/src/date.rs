//! Local date-times as Jekyll writes them: `2026-01-31 10:00:00 +0100`.

use core::fmt;

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

#[cfg(test)]
mod tests {
    use super::*;

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
