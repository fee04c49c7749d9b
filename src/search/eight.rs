//! The greedy in-order match of an ASCII needle in a short string, eight bytes at a
//! time: the first keys at 100,000 dossiers check a million short claims each, and a
//! byte-at-a-time loop was a quarter of a key's CPU (BENCHMARKS.md, "Issue 16, fourth
//! pass: the names filter at 100k"). Safe code: each eight bytes are one `u64`, and a
//! byte equal to the wanted one is found with the exact zero-byte test.

const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
const HIGH: u64 = 0x8080_8080_8080_8080;

/// The high bit of every byte of `w` equal to `c` (exact: no false positives).
#[inline]
fn equal_bytes(w: u64, c: u8) -> u64 {
    let x = w ^ u64::from_le_bytes([c; 8]);
    !(((x & LOW7).wrapping_add(LOW7)) | x) & HIGH
}

/// The byte just past the greedy (earliest) in-order match of `needle`'s bytes in
/// `hay`, or `None` when they do not all occur in order (`Some(0)` for an empty
/// needle). For an ASCII needle this is the character match: an ASCII byte occurs in
/// UTF-8 only as that character.
#[inline]
pub(crate) fn greedy_end(hay: &[u8], needle: &[u8]) -> Option<usize> {
    let mut pos = 0;
    for &c in needle {
        loop {
            let rest = hay.get(pos..).filter(|r| !r.is_empty())?;
            let (w, valid) = match rest.first_chunk::<8>() {
                Some(chunk) => (u64::from_le_bytes(*chunk), HIGH),
                None => {
                    let mut buf = [0; 8];
                    buf[..rest.len()].copy_from_slice(rest);
                    // Only the bytes that are there (fewer than 8) may match.
                    (
                        u64::from_le_bytes(buf),
                        HIGH & ((1 << (rest.len() * 8)) - 1),
                    )
                }
            };
            let found = equal_bytes(w, c) & valid;
            if found != 0 {
                pos += (found.trailing_zeros() / 8) as usize + 1;
                break;
            }
            pos += 8;
        }
    }
    Some(pos)
}

#[cfg(test)]
mod tests {
    use super::super::prefilter::tests::strings;
    use super::*;

    /// The plain statement: each byte found at or after the end of the one before.
    fn plain(hay: &[u8], needle: &[u8]) -> Option<usize> {
        let mut pos = 0;
        for &c in needle {
            pos += hay.get(pos..)?.iter().position(|&b| b == c)? + 1;
        }
        Some(pos)
    }

    /// Exhaustively over short strings (across the eight-byte boundaries, with bytes
    /// whose low seven bits equal a needle's) and against a long one.
    #[test]
    fn equals_the_plain_scan() {
        let hays = strings(&['a', 'b', '\0', 'á'], 5);
        let needles = strings(&['a', 'b', '\0'], 3);
        let long = "ab".repeat(9) + "ba\u{e1}\u{80}";
        let mut checked = 0;
        for h in hays
            .iter()
            .map(|h| "xyzxyzx".to_owned() + h)
            .chain(hays.clone())
        {
            for h in [h.clone(), long.clone() + &h] {
                for n in &needles {
                    let (h, n) = (h.as_bytes(), n.as_bytes());
                    assert_eq!(greedy_end(h, n), plain(h, n), "{h:?} {n:?}");
                    checked += 1;
                }
            }
        }
        assert!(checked > 100_000, "{checked}");
        assert_eq!(greedy_end(b"volunteer corps", b"vlcr"), Some(13));
        assert_eq!(greedy_end(b"", b""), Some(0));
        assert_eq!(greedy_end(b"", b"a"), None);
    }

    #[test]
    fn every_byte_value_is_told_apart() {
        for c in 0..=255u8 {
            for b in 0..=255u8 {
                let w = u64::from_le_bytes([b, c, b, b, c, b, b, b]);
                let want = if b == c { HIGH } else { 0x0000_0080_0000_8000 };
                assert_eq!(equal_bytes(w, c), want, "{b} {c}");
            }
        }
    }
}
