import CacheHints
import Synchronization

/// Where a ``KeyedTable``'s index lives, published so that any thread can prefetch the index
/// line of a key without holding the table's lock.
///
/// The table republishes the location whenever its index is replaced (it grows by doubling).
/// A reader may see a location that is being replaced, or the base of one index with the shift
/// of the other: harmless, because the location is only used for prefetch hints, which never
/// fault and change nothing. Nothing is ever read through it.
final class IndexLocation: Sendable {
    private let base = Atomic<UInt>(0)
    private let shift = Atomic<UInt>(64)

    /// Publishes the index at `index`, whose home slot for a key is `(key * φ) >> shift`.
    func publish(_ index: UnsafeMutablePointer<UInt64>, shift newShift: UInt64) {
        base.store(UInt(bitPattern: index), ordering: .relaxed)
        shift.store(UInt(newShift), ordering: .relaxed)
    }

    /// Prefetches the index line holding the home slot of `key`.
    @inline(__always)
    func prefetch(_ key: UInt64) {
        let shift = shift.load(ordering: .relaxed)
        guard shift < 64, let base = UnsafeRawPointer(bitPattern: base.load(ordering: .relaxed)) else { return }
        let home = Int(truncatingIfNeeded: (key &* KeyedTableHash.multiplier) &>> UInt64(shift))
        riskscore_prefetch_for_write(base + home &* 8)
    }
}

/// The multiplicative hash that places keys in a ``KeyedTable``'s index.
enum KeyedTableHash {
    static let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
}
