//! A long post's preview blocks grouped in chunks: the preview's document holds each chunk
//! as one element around its blocks, so that a change to one block lays out only its
//! chunk, not a list of thousands of siblings, and chunks away from the view are neither
//! laid out nor painted (`content-visibility: auto` on a few hundred chunks, where on
//! 16,000 blocks it cost more than it saved). This is the bookkeeping: which chunk holds
//! block `i`, and what the frame must do when a block comes or goes.

/// Blocks per chunk when chunks are made; a chunk that grows to twice this splits in two.
pub const CHUNK: usize = 64;
/// A post of at least this many blocks is shown in chunks (a shorter one, as plain
/// blocks: it gains nothing from them).
pub const CHUNKED_FROM: usize = 256;

/// The number of blocks in each chunk, in order. No chunk is empty.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Chunks {
    sizes: Vec<usize>,
}

/// Where a block inserted at some index went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Inserted {
    /// The chunk it went into (a new one at the end when there was none).
    pub chunk: usize,
    /// Its place in that chunk.
    pub offset: usize,
    /// Whether the chunk is new (the frame makes its element first).
    pub new_chunk: bool,
    /// The chunk grew too large: its blocks from this offset on move to a new chunk
    /// right after it.
    pub split_at: Option<usize>,
}

/// Where a removed block was.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Removed {
    /// The chunk it was in.
    pub chunk: usize,
    /// Its place there.
    pub offset: usize,
    /// The chunk is empty now (the frame removes its element).
    pub emptied: bool,
}

impl Chunks {
    /// `blocks` blocks in chunks of [`CHUNK`] (the last one may be smaller).
    pub fn new(blocks: usize) -> Chunks {
        let mut sizes = vec![CHUNK; blocks / CHUNK];
        if !blocks.is_multiple_of(CHUNK) {
            sizes.push(blocks % CHUNK);
        }
        Chunks { sizes }
    }

    /// The blocks in each chunk.
    pub fn sizes(&self) -> &[usize] {
        &self.sizes
    }

    /// All the blocks.
    pub fn len(&self) -> usize {
        self.sizes.iter().sum()
    }

    /// Whether there are no blocks (and so no chunks).
    pub fn is_empty(&self) -> bool {
        self.sizes.is_empty()
    }

    /// The chunk holding block `index`, and its place there.
    pub fn locate(&self, index: usize) -> Option<(usize, usize)> {
        let mut rest = index;
        for (chunk, &size) in self.sizes.iter().enumerate() {
            if rest < size {
                return Some((chunk, rest));
            }
            rest -= size;
        }
        None
    }

    /// A block is inserted at `index` (at most [`Chunks::len`]): it goes before the block
    /// now there, or at the end of the last chunk.
    pub fn insert(&mut self, index: usize) -> Inserted {
        let (chunk, offset, new_chunk) = match self.locate(index) {
            Some((chunk, offset)) => (chunk, offset, false),
            None => match self.sizes.len().checked_sub(1) {
                Some(last) => (last, self.sizes[last], false),
                None => {
                    self.sizes.push(0);
                    (0, 0, true)
                }
            },
        };
        self.sizes[chunk] += 1;
        let split_at = (self.sizes[chunk] >= 2 * CHUNK).then(|| {
            let moved = self.sizes[chunk] - CHUNK;
            self.sizes[chunk] = CHUNK;
            self.sizes.insert(chunk + 1, moved);
            CHUNK
        });
        Inserted {
            chunk,
            offset,
            new_chunk,
            split_at,
        }
    }

    /// Block `index` is removed.
    pub fn remove(&mut self, index: usize) -> Option<Removed> {
        let (chunk, offset) = self.locate(index)?;
        self.sizes[chunk] -= 1;
        let emptied = self.sizes[chunk] == 0;
        if emptied {
            self.sizes.remove(chunk);
        }
        Some(Removed {
            chunk,
            offset,
            emptied,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn made_in_even_chunks() {
        assert_eq!(Chunks::new(0).sizes(), &[] as &[usize]);
        assert_eq!(Chunks::new(130).sizes(), &[64, 64, 2]);
        assert_eq!(Chunks::new(130).locate(64), Some((1, 0)));
        assert_eq!(Chunks::new(130).locate(129), Some((2, 1)));
        assert_eq!(Chunks::new(130).locate(130), None);
    }

    #[test]
    fn a_full_chunk_splits() {
        let mut chunks = Chunks::new(2 * CHUNK - 1);
        assert_eq!(chunks.sizes(), &[64, 63]);
        let done = chunks.insert(70);
        assert_eq!((done.chunk, done.offset, done.split_at), (1, 6, None));
        let done = chunks.insert(0);
        assert_eq!(done.split_at, None);
        let mut chunks = Chunks { sizes: vec![127] };
        let done = chunks.insert(127);
        assert_eq!((done.chunk, done.offset, done.split_at), (0, 127, Some(64)));
        assert_eq!(chunks.sizes(), &[64, 64]);
    }

    #[test]
    fn the_first_block_makes_a_chunk_and_the_last_one_gone_removes_it() {
        let mut chunks = Chunks::default();
        let done = chunks.insert(0);
        assert!(done.new_chunk);
        assert_eq!(chunks.sizes(), &[1]);
        let gone = chunks.remove(0);
        assert_eq!(
            gone,
            Some(Removed {
                chunk: 0,
                offset: 0,
                emptied: true
            })
        );
        assert!(chunks.is_empty());
        assert_eq!(chunks.remove(0), None);
    }

    /// A model of the frame: each chunk a list of block ids. Every operation, done on the
    /// model as the frame does it from the answers, keeps the blocks in the order a plain
    /// list would have them, and the sizes equal to the chunks' lengths.
    fn check(ops: Vec<(bool, usize)>, start: usize) -> Result<(), TestCaseError> {
        let mut chunks = Chunks::new(start);
        let mut model: Vec<Vec<usize>> = chunks
            .sizes()
            .iter()
            .scan(0, |next, &size| {
                let chunk = (*next..*next + size).collect();
                *next += size;
                Some(chunk)
            })
            .collect();
        let mut plain: Vec<usize> = (0..start).collect();
        let mut id = start;
        for (insert, at) in ops {
            if insert || plain.is_empty() {
                let at = at % (plain.len() + 1);
                let done = chunks.insert(at);
                if done.new_chunk {
                    model.insert(done.chunk, Vec::new());
                }
                model[done.chunk].insert(done.offset, id);
                if let Some(split) = done.split_at {
                    let moved = model[done.chunk].split_off(split);
                    model.insert(done.chunk + 1, moved);
                }
                plain.insert(at, id);
                id += 1;
            } else {
                let at = at % plain.len();
                let gone = chunks.remove(at).expect("a block there");
                let removed = model[gone.chunk].remove(gone.offset);
                if gone.emptied {
                    prop_assert!(model[gone.chunk].is_empty());
                    model.remove(gone.chunk);
                }
                prop_assert_eq!(removed, plain.remove(at));
            }
            let flat: Vec<usize> = model.iter().flatten().copied().collect();
            prop_assert_eq!(&flat, &plain);
            let sizes: Vec<usize> = model.iter().map(Vec::len).collect();
            prop_assert_eq!(sizes.as_slice(), chunks.sizes());
            prop_assert!(chunks.sizes().iter().all(|&s| s > 0 && s < 2 * CHUNK));
            for (i, &block) in plain.iter().enumerate() {
                let (c, o) = chunks.locate(i).expect("located");
                prop_assert_eq!(model[c][o], block);
            }
        }
        Ok(())
    }

    proptest! {
        #[test]
        fn chunks_follow_a_plain_list(
            start in 0usize..300,
            ops in proptest::collection::vec((any::<bool>(), any::<usize>()), 0..300),
        ) {
            check(ops, start)?;
        }
    }
}
