//! Giving freed memory back to the system. mimalloc keeps the pages a thread frees for
//! that thread, and an idle thread never purges them: lists built on rayon's threads
//! and freed elsewhere stay resident (BENCHMARKS.md, "passages memory"). Nothing
//! happens with the system allocator (`--features system-alloc`).

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
