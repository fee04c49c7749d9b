//! A fast path for parsing dossier files, with the `toml` crate as the reference.
//!
//! Parsing with `toml::from_str` was ≈40% of `check`'s CPU at 10,000 dossiers
//! (BENCHMARKS.md, "check at 10k"): it lexes the whole file into tokens, builds a
//! generic table of every value, then deserializes that table into [`RawDossier`].
//! Dossier files use a small part of TOML: bare keys, single-line basic strings,
//! booleans, `[[alias]]`/`[[claim]]`/`[[claim.variant]]`/`[[relation]]` headers and
//! `cite = [{ … }, …]` arrays. [`fast_dossier`] reads exactly that part straight into
//! the raw model, and gives up (returns `None`) on anything else: another TOML
//! construct, an escape it does not decode, an unknown or repeated key, a missing
//! field, a value of the wrong type. [`dossier`] then parses the file with `toml`, so
//! every file it gives up on, valid or not, gets the reference result and the reference
//! error message. When it does not give up, its result is the one `toml` gives, spans
//! included (tested over every fixture corpus, a synthetic one, and random edits of
//! them: `tests/fast_parse.rs`).

use std::sync::Arc;

use toml::Spanned;

use super::lean::{self, Alias, Cite, Claim, Relation, Variant};
use super::raw::RawDossier;
use crate::diag::SourceFile;

/// Parses a dossier file: the fast path when the file stays within the part of TOML it
/// reads, otherwise `toml::from_str` (which also gives the error for a bad file).
pub fn dossier(text: &str) -> Result<RawDossier, toml::de::Error> {
    match fast_dossier(text) {
        Some(raw) => Ok(raw),
        None => toml::from_str(text),
    }
}

/// Like [`dossier`], in the form `check` holds ([`lean::Dossier`]): the strings of the
/// fast path are slices of `file`'s text; a file left to `toml` is converted.
pub fn lean_dossier(file: &Arc<SourceFile>) -> Result<lean::Dossier, toml::de::Error> {
    match fast_lean(file) {
        Some(d) => Ok(d),
        None => toml::from_str::<RawDossier>(&file.text).map(lean::Dossier::from),
    }
}

/// The fast path alone: `Some` only when the file is valid TOML within the part read
/// here and deserializes into a [`RawDossier`]; `None` means "ask `toml`", never "bad".
pub fn fast_dossier(text: &str) -> Option<RawDossier> {
    let file = Arc::new(SourceFile::new(String::new(), text.to_owned()));
    fast_lean(&file).map(RawDossier::from)
}

/// The fast path into the lean form.
fn fast_lean(file: &Arc<SourceFile>) -> Option<lean::Dossier> {
    let text = file.text.as_str();
    Parser {
        file,
        text,
        bytes: text.as_bytes(),
        pos: 0,
        scratch: Vec::new(),
    }
    .document()
}

/// The table that the next `key = value` line belongs to.
#[derive(Clone, Copy)]
enum Table {
    Root,
    Alias,
    Claim,
    Variant,
    Relation,
}

type Text = lean::Text;

/// Puts `value` in an empty slot; a repeated key gives up (TOML forbids it).
fn set<T>(slot: &mut Option<T>, value: T) -> Option<()> {
    if slot.is_some() {
        return None;
    }
    *slot = Some(value);
    Some(())
}

#[derive(Default)]
struct RootB {
    id: Option<Text>,
    kind: Option<Text>,
    name: Option<Text>,
    summary: Option<Text>,
    date: Option<Text>,
    alias: Vec<AliasB>,
    claim: Vec<ClaimB>,
    relation: Vec<RelationB>,
}

#[derive(Default)]
struct AliasB {
    name: Option<Text>,
    kind: Option<Text>,
    note: Option<Text>,
    cite: Option<Vec<Cite>>,
}

#[derive(Default)]
struct ClaimB {
    id: Option<Text>,
    text: Option<Text>,
    disputed: Option<Spanned<bool>>,
    date: Option<Text>,
    note: Option<Text>,
    cite: Option<Vec<Cite>>,
    variant: Vec<VariantB>,
}

#[derive(Default)]
struct VariantB {
    value: Option<Text>,
    note: Option<Text>,
    date: Option<Text>,
    cite: Option<Vec<Cite>>,
}

#[derive(Default)]
struct RelationB {
    kind: Option<Text>,
    target: Option<Text>,
    role: Option<Text>,
    note: Option<Text>,
    cite: Option<Vec<Cite>>,
}

#[derive(Default)]
struct CiteB {
    source: Option<Text>,
    quote: Option<Text>,
    prefix: Option<Text>,
    suffix: Option<Text>,
    note: Option<Text>,
}

struct Parser<'a> {
    file: &'a Arc<SourceFile>,
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
    /// The citations of the array being read, reused from one array to the next.
    scratch: Vec<Cite>,
}

impl<'a> Parser<'a> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn eat(&mut self, b: u8) -> Option<()> {
        (self.peek()? == b).then(|| self.pos += 1)
    }

    /// Spaces and tabs (TOML's whitespace).
    fn ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t')) {
            self.pos += 1;
        }
    }

    /// Whitespace, comments and line ends, as between lines or between array items.
    fn blank(&mut self) -> Option<()> {
        loop {
            self.ws();
            match self.peek() {
                Some(b'#') => self.comment()?,
                Some(b'\n') => self.pos += 1,
                Some(b'\r') if self.bytes.get(self.pos + 1) == Some(&b'\n') => self.pos += 2,
                _ => return Some(()),
            }
        }
    }

    /// `# …` up to (not including) the line end; control characters give up.
    fn comment(&mut self) -> Option<()> {
        self.eat(b'#')?;
        while let Some(b) = self.peek() {
            match b {
                b'\n' => break,
                b'\r' if self.bytes.get(self.pos + 1) == Some(&b'\n') => break,
                b'\t' => {}
                0..=0x1f | 0x7f => return None,
                _ => {}
            }
            self.pos += 1;
        }
        Some(())
    }

    /// After a value or header: whitespace, an optional comment, then a line end or the
    /// end of the file.
    fn end_of_line(&mut self) -> Option<()> {
        self.ws();
        if self.peek() == Some(b'#') {
            self.comment()?;
        }
        match self.peek() {
            None => Some(()),
            Some(b'\n') => self.eat(b'\n'),
            Some(b'\r') => {
                self.eat(b'\r')?;
                self.eat(b'\n')
            }
            Some(_) => None,
        }
    }

    /// A bare key: ASCII letters, digits, `_` and `-`.
    fn bare_key(&mut self) -> Option<&'a str> {
        let start = self.pos;
        while matches!(
            self.peek(),
            Some(b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'_' | b'-')
        ) {
            self.pos += 1;
        }
        if self.pos == start {
            return None;
        }
        self.text.get(start..self.pos)
    }

    /// `key =` with the whitespace around `=`.
    fn key_eq(&mut self) -> Option<&'a str> {
        let key = self.bare_key()?;
        self.ws();
        self.eat(b'=')?;
        self.ws();
        Some(key)
    }

    fn document(mut self) -> Option<lean::Dossier> {
        let mut root = RootB::default();
        let mut table = Table::Root;
        loop {
            self.blank()?;
            let Some(b) = self.peek() else { break };
            if b == b'[' {
                table = self.header(&mut root)?;
            } else {
                let key = self.key_eq()?;
                self.key_value(&mut root, table, key)?;
            }
            self.end_of_line()?;
        }
        root.finish()
    }

    /// `[[alias]]`, `[[claim]]`, `[[claim.variant]]` or `[[relation]]`: a new element of
    /// that array of tables. Any other header gives up.
    fn header(&mut self, root: &mut RootB) -> Option<Table> {
        let rest = self.bytes.get(self.pos..)?;
        let (len, table) = if rest.starts_with(b"[[alias]]") {
            root.alias.push(AliasB::default());
            (9, Table::Alias)
        } else if rest.starts_with(b"[[claim]]") {
            root.claim.push(ClaimB::default());
            (9, Table::Claim)
        } else if rest.starts_with(b"[[claim.variant]]") {
            root.claim.last_mut()?.variant.push(VariantB::default());
            (17, Table::Variant)
        } else if rest.starts_with(b"[[relation]]") {
            root.relation.push(RelationB::default());
            (12, Table::Relation)
        } else {
            return None;
        };
        self.pos += len;
        Some(table)
    }

    /// The value of `key` in `table`; an unknown key gives up.
    fn key_value(&mut self, root: &mut RootB, table: Table, key: &str) -> Option<()> {
        match table {
            Table::Root => {
                let slot = match key {
                    "id" => &mut root.id,
                    "kind" => &mut root.kind,
                    "name" => &mut root.name,
                    "summary" => &mut root.summary,
                    "date" => &mut root.date,
                    _ => return None,
                };
                set(slot, self.string()?)
            }
            Table::Alias => {
                let a = root.alias.last_mut()?;
                let slot = match key {
                    "name" => &mut a.name,
                    "kind" => &mut a.kind,
                    "note" => &mut a.note,
                    "cite" => return set(&mut a.cite, self.cites()?),
                    _ => return None,
                };
                set(slot, self.string()?)
            }
            Table::Claim => {
                let c = root.claim.last_mut()?;
                let slot = match key {
                    "id" => &mut c.id,
                    "text" => &mut c.text,
                    "date" => &mut c.date,
                    "note" => &mut c.note,
                    "disputed" => return set(&mut c.disputed, self.boolean()?),
                    "cite" => return set(&mut c.cite, self.cites()?),
                    _ => return None,
                };
                set(slot, self.string()?)
            }
            Table::Variant => {
                let v = root.claim.last_mut()?.variant.last_mut()?;
                let slot = match key {
                    "value" => &mut v.value,
                    "note" => &mut v.note,
                    "date" => &mut v.date,
                    "cite" => return set(&mut v.cite, self.cites()?),
                    _ => return None,
                };
                set(slot, self.string()?)
            }
            Table::Relation => {
                let r = root.relation.last_mut()?;
                let slot = match key {
                    "type" => &mut r.kind,
                    "target" => &mut r.target,
                    "role" => &mut r.role,
                    "note" => &mut r.note,
                    "cite" => return set(&mut r.cite, self.cites()?),
                    _ => return None,
                };
                set(slot, self.string()?)
            }
        }
    }

    /// `true` or `false`, spanned like `toml` spans it.
    fn boolean(&mut self) -> Option<Spanned<bool>> {
        let start = self.pos;
        let rest = self.bytes.get(start..)?;
        let (len, value) = if rest.starts_with(b"true") {
            (4, true)
        } else if rest.starts_with(b"false") {
            (5, false)
        } else {
            return None;
        };
        self.pos += len;
        Some(Spanned::new(start..self.pos, value))
    }

    /// A single-line basic string `"…"`, spanned with its quotes. Gives up on a
    /// multi-line string, a literal string, a control character, and any escape other
    /// than `\"`, `\\`, `\n`, `\t`, `\uXXXX` and `\UXXXXXXXX`.
    fn string(&mut self) -> Option<Text> {
        let start = self.pos;
        self.eat(b'"')?;
        if self.peek() == Some(b'"') && self.bytes.get(self.pos + 1) == Some(&b'"') {
            return self.multi_line(start);
        }
        let body = self.pos;
        let mut escaped = false;
        // From one `"` or `\\` to the next (`memchr2`), each run between them checked
        // for control characters in one pass the compiler vectorizes: a byte at a time,
        // this loop was 17% of the first frame's samples at 100,000 dossiers
        // (BENCHMARKS.md, "Issue 16, sixth pass"). The byte after a backslash is
        // skipped unchecked, as before; `unescape` judges it.
        loop {
            let rest = self.bytes.get(self.pos..)?;
            let at = memchr::memchr2(b'"', b'\\', rest)?;
            if has_control(rest.get(..at)?) {
                return None;
            }
            self.pos += at;
            if rest.get(at) == Some(&b'"') {
                break;
            }
            escaped = true;
            self.pos += 2;
        }
        let (raw, end) = (self.text.get(body..self.pos)?, self.pos);
        self.pos += 1;
        Some(if escaped {
            Text::owned(start..self.pos, unescape(raw)?)
        } else {
            Text::slice(self.file, start..self.pos, body..end)
        })
    }

    /// A multi-line basic string `"""…"""` (its opening `"` already read at `start`),
    /// spanned with its delimiters. A line end right after the opening is dropped, as
    /// TOML says; gives up on a carriage return, a control character, quotes next to the
    /// closing delimiter, and the escapes [`string`](Self::string) gives up on (so also
    /// on a line-ending backslash).
    fn multi_line(&mut self, start: usize) -> Option<Text> {
        self.pos += 2;
        if self.peek() == Some(b'\n') {
            self.pos += 1;
        }
        let body = self.pos;
        let mut escaped = false;
        loop {
            match self.peek()? {
                b'"' => {
                    let quotes = self
                        .bytes
                        .get(self.pos..)?
                        .iter()
                        .take_while(|&&b| b == b'"')
                        .count();
                    match quotes {
                        1 | 2 => self.pos += quotes,
                        3 => break,
                        _ => return None,
                    }
                }
                b'\\' => {
                    escaped = true;
                    self.pos += 2;
                }
                b'\n' | b'\t' => self.pos += 1,
                0..=0x1f | 0x7f => return None,
                _ => self.pos += 1,
            }
        }
        let (raw, end) = (self.text.get(body..self.pos)?, self.pos);
        self.pos += 3;
        Some(if escaped {
            Text::owned(start..self.pos, unescape(raw)?)
        } else {
            Text::slice(self.file, start..self.pos, body..end)
        })
    }

    /// `[ { … }, … ]`, over several lines if need be, with comments and a trailing
    /// comma allowed (as TOML allows them in arrays).
    fn cites(&mut self) -> Option<Vec<Cite>> {
        self.eat(b'[')?;
        self.scratch.clear();
        loop {
            self.blank()?;
            if self.eat(b']').is_some() {
                break;
            }
            let cite = self.cite()?;
            self.scratch.push(cite);
            self.blank()?;
            match self.peek()? {
                b',' => self.pos += 1,
                b']' => {
                    self.pos += 1;
                    break;
                }
                _ => return None,
            }
        }
        // Exactly as long as needed: a `Vec` grown by pushes keeps room for four
        // citations of 200 bytes each, ≈70 MB more peak RSS at 10,000 dossiers.
        Some(self.scratch.drain(..).collect())
    }

    /// `{ source = "…", quote = "…", … }` on one line, no trailing comma.
    fn cite(&mut self) -> Option<Cite> {
        self.eat(b'{')?;
        self.ws();
        let mut c = CiteB::default();
        if self.eat(b'}').is_none() {
            loop {
                let slot = match self.key_eq()? {
                    "source" => &mut c.source,
                    "quote" => &mut c.quote,
                    "prefix" => &mut c.prefix,
                    "suffix" => &mut c.suffix,
                    "note" => &mut c.note,
                    _ => return None,
                };
                set(slot, self.string()?)?;
                self.ws();
                match self.peek()? {
                    b',' => {
                        self.pos += 1;
                        self.ws();
                    }
                    b'}' => {
                        self.pos += 1;
                        break;
                    }
                    _ => return None,
                }
            }
        }
        Some(Cite::new(c.source?, c.quote?, c.prefix, c.suffix, c.note))
    }
}

/// True when `run` holds a control character a basic string may not hold (any below
/// 0x20 but the tab, and DEL). No early exit, so that it compiles to vector compares.
fn has_control(run: &[u8]) -> bool {
    run.iter().fold(false, |any, &b| {
        any | ((b < 0x20) & (b != b'\t')) | (b == 0x7f)
    })
}

/// Decodes the escapes of a basic string's body (quotes excluded).
fn unescape(raw: &str) -> Option<String> {
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(at) = rest.find('\\') {
        out.push_str(rest.get(..at)?);
        let esc = rest.get(at + 1..)?;
        let (c, used) = match esc.as_bytes().first()? {
            b'"' => ('"', 1),
            b'\\' => ('\\', 1),
            b'n' => ('\n', 1),
            b't' => ('\t', 1),
            b'u' => (hex_char(esc.get(1..5)?)?, 5),
            b'U' => (hex_char(esc.get(1..9)?)?, 9),
            _ => return None,
        };
        out.push(c);
        rest = esc.get(used..)?;
    }
    out.push_str(rest);
    Some(out)
}

/// The character whose code point is the hex digits `hex` (a Unicode scalar value).
fn hex_char(hex: &str) -> Option<char> {
    if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    char::from_u32(u32::from_str_radix(hex, 16).ok()?)
}

impl RootB {
    /// The raw dossier, or `None` when a required field is missing.
    fn finish(self) -> Option<lean::Dossier> {
        Some(lean::Dossier {
            id: self.id?,
            kind: self.kind?,
            name: self.name?,
            summary: self.summary,
            date: self.date,
            alias: exact(self.alias, |a| {
                Some(Alias {
                    name: a.name?,
                    kind: a.kind?,
                    note: a.note,
                    cite: a.cite.unwrap_or_default(),
                })
            })?,
            claim: exact(self.claim, ClaimB::finish)?,
            relation: exact(self.relation, |r| {
                Some(Relation {
                    kind: r.kind?,
                    target: r.target?,
                    role: r.role,
                    note: r.note,
                    cite: r.cite.unwrap_or_default(),
                })
            })?,
        })
    }
}

impl ClaimB {
    fn finish(self) -> Option<Claim> {
        Some(Claim {
            id: self.id?,
            text: self.text?,
            disputed: self.disputed,
            date: self.date,
            note: self.note,
            cite: self.cite.unwrap_or_default(),
            variant: exact(self.variant, |v| {
                Some(Variant {
                    value: v.value?,
                    note: v.note,
                    date: v.date,
                    cite: v.cite.unwrap_or_default(),
                })
            })?,
        })
    }
}

/// Maps every element, or gives `None` if one maps to `None`, into a `Vec` of exactly
/// the right capacity (collecting into `Option<Vec<_>>` grows it by doubling).
fn exact<T, U>(from: Vec<T>, f: impl FnMut(T) -> Option<U>) -> Option<Vec<U>> {
    let mut out = Vec::with_capacity(from.len());
    for x in from.into_iter().map(f) {
        out.push(x?);
    }
    Some(out)
}
