//! A time zone as the offsets from UTC it has had, for what Jekyll's build in a zone
//! (`timezone:` in `_config.yml`, else the machine's own; Jekyll sets `TZ` to it) makes of
//! a post's dates. The browser reads the offsets from its own zone database
//! (`src/browser/zone.rs`); the core only looks them up.

/// A time zone: its name and the offsets it has had.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Zone {
    /// The IANA name (`America/New_York`), or `UTC`.
    pub name: String,
    /// Minutes east of UTC before the first change.
    first: i32,
    /// Each change, in time order: the second (since 1970-01-01 UTC) it takes effect at,
    /// and the offset in minutes from then on.
    changes: Vec<(i64, i32)>,
}

impl Default for Zone {
    fn default() -> Zone {
        Zone::fixed("UTC", 0)
    }
}

impl Zone {
    /// A zone that has always had one offset.
    pub fn fixed(name: &str, offset: i32) -> Zone {
        Zone {
            name: name.to_string(),
            first: offset,
            changes: Vec::new(),
        }
    }

    /// A zone with offset `first` until the first of `changes` ((UTC second, offset from
    /// then on)); the changes are put in time order, and those that change nothing dropped.
    pub fn new(name: &str, first: i32, mut changes: Vec<(i64, i32)>) -> Zone {
        changes.sort_by_key(|(at, _)| *at);
        let mut kept: Vec<(i64, i32)> = Vec::with_capacity(changes.len());
        let mut current = first;
        for (at, offset) in changes {
            if offset != current {
                kept.push((at, offset));
                current = offset;
            }
        }
        Zone {
            name: name.to_string(),
            first,
            changes: kept,
        }
    }

    /// Whether this is UTC (or a zone that has only ever been at UTC's offset).
    pub fn is_utc(&self) -> bool {
        self.first == 0 && self.changes.is_empty()
    }

    /// The offset, in minutes east of UTC, at the moment `utc` (seconds since 1970-01-01
    /// UTC).
    pub fn offset_at(&self, utc: i64) -> i32 {
        match self.changes.partition_point(|(at, _)| *at <= utc) {
            0 => self.first,
            n => self.changes[n - 1].1,
        }
    }

    /// The offset a wall-clock time `local` (seconds since 1970-01-01 on the zone's clock)
    /// has, as Ruby's `Time.local` reads it: of a time that happens twice (the hour the
    /// clocks go back), the second; of one that never happens (the hour they skip), the
    /// offset before the change, so that it reads as the same time after it.
    pub fn offset_of_local(&self, local: i64) -> i32 {
        let before = self.offset_at(local - 86_400);
        let after = self.offset_at(local + 86_400);
        [after, before]
            .into_iter()
            .find(|&o| self.offset_at(local - 60 * i64::from(o)) == o)
            .unwrap_or(before)
    }
}

#[cfg(test)]
mod tests {
    use super::Zone;

    /// New York in 2021: EST (-5 h) until 14 March 07:00 UTC, EDT (-4 h) until 7
    /// November 06:00 UTC.
    fn new_york() -> Zone {
        Zone::new(
            "America/New_York",
            -300,
            vec![
                (1_636_264_800, -300),
                (1_615_705_200, -240),
                (1_700_000_000, -300),
            ],
        )
    }

    #[test]
    fn offsets_at_moments() {
        let z = new_york();
        assert_eq!(z.offset_at(0), -300);
        assert_eq!(z.offset_at(1_615_705_199), -300);
        assert_eq!(z.offset_at(1_615_705_200), -240);
        assert_eq!(z.offset_at(1_636_264_799), -240);
        assert_eq!(z.offset_at(1_636_264_800), -300);
        // A change that changes nothing is dropped.
        assert_eq!(z.changes.len(), 2);
        assert!(!z.is_utc());
        assert!(Zone::default().is_utc());
        assert_eq!(Zone::fixed("Asia/Tokyo", 540).offset_at(i64::MIN / 2), 540);
    }

    #[test]
    fn offsets_of_wall_clock_times() {
        let z = new_york();
        // 2021-03-14 01:30 local is EST; 02:30 never happens (read as EST: 03:30 EDT);
        // 03:30 is EDT.
        let day = 1_615_680_000; // 2021-03-14 00:00 UTC
        assert_eq!(z.offset_of_local(day + 5_400), -300);
        assert_eq!(z.offset_of_local(day + 9_000), -300);
        assert_eq!(z.offset_of_local(day + 12_600), -240);
        // 2021-11-07 01:30 happens twice: the second (EST, as Ruby reads it); 00:30 is
        // EDT, 02:30 EST.
        let day = 1_636_243_200; // 2021-11-07 00:00 UTC
        assert_eq!(z.offset_of_local(day + 5_400), -300);
        assert_eq!(z.offset_of_local(day + 1_800), -240);
        assert_eq!(z.offset_of_local(day + 9_000), -300);
        assert_eq!(z.offset_of_local(day + 43_200), -300);
        assert_eq!(Zone::default().offset_of_local(day), 0);
    }
}
