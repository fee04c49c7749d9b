//! Making a citation from a selection (`corpus::cite`), as the reader does on a key: a
//! sentence of a bundled article, and the worst case a reader can pick — one of the most
//! repeated words of a 1 MiB article, which needs a prefix or suffix found among
//! thousands of occurrences.

/// The allocator the `dossier` binary uses (src/main.rs), so this measures what it does.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use criterion::{Criterion, criterion_group, criterion_main};
use dossier::corpus::Article;
use dossier::corpus::cite::cite;
use dossier::corpus::select::{extend_sentence, word_at};

/// About 1 MiB of words from a small vocabulary, deterministic: many repeats, as in a
/// long article, but no two long stretches alike.
fn big_article() -> String {
    const WORDS: [&str; 16] = [
        "the",
        "Legion",
        "said",
        "of",
        "raid",
        "and",
        "border",
        "Russian",
        "in",
        "to",
        "volunteers",
        "a",
        "Belgorod",
        "region",
        "was",
        "corps",
    ];
    let mut state: u64 = 7;
    let mut out = String::with_capacity(1 << 20);
    let mut n = 0;
    while out.len() < 1 << 20 {
        // xorshift: cheap, deterministic
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        out.push_str(WORDS[(state % WORDS.len() as u64) as usize]);
        n += 1;
        out.push_str(if n % 12 == 0 { ".\n" } else { " " });
    }
    out
}

fn citing(c: &mut Criterion) {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let text =
        std::fs::read_to_string(root.join("seeds/002_9e883395a4e1c3b3.txt")).unwrap_or_default();
    let at = text.find("Kapustin").unwrap_or(0);
    let sentence = extend_sentence(&text, word_at(&text, at));
    let article = Article::new(text);
    assert!(
        cite("s", &article, sentence.clone()).is_ok(),
        "the sentence must be citable"
    );
    c.bench_function("cite/sentence-bundled", |b| {
        b.iter(|| cite("s", &article, sentence.clone()))
    });
    let big = big_article();
    // "the" near the end: the occurrences before it all compete.
    let last_the = big.rfind(" the ").map_or(0, |i| i + 1);
    let word = last_the..last_the + 3;
    let big = Article::new(big);
    let _ = big.folded();
    match cite("s", &big, word.clone()) {
        Ok(made) => assert!(made.prefix.is_some() || made.suffix.is_some()),
        Err(e) => panic!("the common word must be citable: {e}"),
    }
    c.bench_function("cite/common-word-1MiB", |b| {
        b.iter(|| cite("s", &big, word.clone()))
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = citing
}
criterion_main!(benches);
