//! Giving freed memory back to the system. mimalloc keeps the pages a thread frees for
//! that thread, and an idle thread never purges them: lists built on rayon's threads
//! and freed elsewhere stay resident (BENCHMARKS.md, "passages memory"). Nothing
//! happens with the system allocator (`--features system-alloc`).

/// mimalloc's `mi_option_purge_delay`, which `libmimalloc-sys` names no constant for
/// (its place in `mi_option_e`, mimalloc.h).
#[cfg(not(feature = "system-alloc"))]
const PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Makes mimalloc give freed pages back to the system as they are freed rather than
/// after its delay (10 ms, and ten times that for its arenas), for the browser: the
/// threads that loaded the corpus went idle holding a few megabytes they had freed,
/// and a browser that rests for hours never reached the delay's purge (BENCHMARKS.md,
/// "Issue 16, sixth pass"; −3 MB at the peak at 10,000 dossiers, the start as fast).
/// Called where `main` opens the browser, before any thread exists (mimalloc's options
/// are not set thread-safely); `check` and the other commands keep the delay.
pub fn purge_at_once() {
    #[cfg(not(feature = "system-alloc"))]
    // SAFETY: sets one of mimalloc's options to a value it documents (0: purge at
    // once); no other thread is running yet.
    unsafe {
        libmimalloc_sys::mi_option_set(PURGE_DELAY, 0)
    };
}

/// Returns the free pages of every thread of the current rayon pool to the system.
pub fn release_pool_pages() {
    #[cfg(not(feature = "system-alloc"))]
    rayon::broadcast(|_| release_own_pages());
}

/// Returns the calling thread's free pages to the system.
pub fn release_own_pages() {
    #[cfg(not(feature = "system-alloc"))]
    // SAFETY: mi_collect only returns free memory of the calling thread's heap to the
    // system; it takes no pointer and is safe to call at any time.
    unsafe {
        libmimalloc_sys::mi_collect(true)
    };
}

#[cfg(all(test, not(feature = "system-alloc")))]
mod tests {
    use super::*;

    /// [`PURGE_DELAY`] is the purge delay's place: the option there has the purge
    /// delay's documented default (10 ms) until it is set to purge at once.
    #[test]
    fn purge_delay_is_the_option_set() {
        // SAFETY: reads one of mimalloc's options; takes no pointer.
        let get = || unsafe { libmimalloc_sys::mi_option_get(PURGE_DELAY) };
        if std::env::var_os("MIMALLOC_PURGE_DELAY").is_none() {
            assert_eq!(get(), 10);
        }
        purge_at_once();
        assert_eq!(get(), 0);
    }
}
