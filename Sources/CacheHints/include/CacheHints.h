#ifndef RISKSCORE_CACHE_HINTS_H
#define RISKSCORE_CACHE_HINTS_H

/// Asks the processor to bring the cache line holding `address` into cache ahead of a write.
/// A hint only: it never faults and changes nothing the program can observe, so it is safe on
/// any address. Swift has no prefetch intrinsic, hence this one-line C shim.
static inline __attribute__((always_inline)) void riskscore_prefetch_for_write(const void *address) {
    __builtin_prefetch(address, 1, 3);
}

/// Asks the processor to bring the cache line holding `address` into cache ahead of a read
/// (shared, so other cores reading the same line keep their copies). A hint only, like
/// `riskscore_prefetch_for_write`.
static inline __attribute__((always_inline)) void riskscore_prefetch_for_read(const void *address) {
    __builtin_prefetch(address, 0, 3);
}

#endif
