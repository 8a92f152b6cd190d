#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A bounded hash table of fixed-size per-key records, owned by one writer.
///
/// Layout: a compact open-addressing index (8 bytes a slot: 32-bit fingerprint and 32-bit slab
/// position, load factor at most 1/2, linear probing with backward-shift deletion) over a slab of
/// records. Both grow by doubling with the number of keys, up to `maximumKeys` (the index to
/// twice that), so a table with few keys stays small enough to stay in cache. A lookup touches
/// one or two index cache lines and one record.
///
/// Eviction: when the table holds `maximumKeys` records and a new key arrives, a clock hand
/// visits the next 8 slab positions and the record with the oldest `lastSeen` event time gives
/// up its place. The hand moves only with insertions, so the same stream evicts the same keys in
/// every run.
final class KeyedTable<State: KeyedState> {
    let maximumKeys: Int
    private var indexMask: Int
    private var indexShift: UInt64
    private var index: UnsafeMutablePointer<UInt64>
    private(set) var slab: UnsafeMutablePointer<State>
    private var slabCapacity: Int
    private(set) var count = 0
    private var clockHand = 0
    /// How many records were evicted to make room.
    private(set) var evictions = 0
    /// Where the index lives, for lock-free index prefetches by other threads.
    let indexLocation = IndexLocation()

    init(maximumKeys: Int) {
        precondition(maximumKeys > 0 && maximumKeys < Int(UInt32.max))
        self.maximumKeys = maximumKeys
        slabCapacity = min(maximumKeys, 64)
        slab = .allocate(capacity: slabCapacity)
        let indexSize = Self.indexSize(for: slabCapacity)
        indexMask = indexSize - 1
        indexShift = UInt64(64 - indexSize.trailingZeroBitCount)
        index = .allocate(capacity: indexSize)
        index.initialize(repeating: 0, count: indexSize)
        indexLocation.publish(index, shift: indexShift)
    }

    deinit {
        slab.deinitialize(count: count)
        slab.deallocate()
        index.deallocate()
    }

    /// Bytes held by the index and the slab as allocated now.
    var allocatedBytes: Int { (indexMask + 1) * 8 + slabCapacity * MemoryLayout<State>.stride }

    /// Bytes per tracked key when the table is full: slab record plus two index slots.
    static var bytesPerKey: Int { MemoryLayout<State>.stride + 16 }

    /// The index size for a slab of `capacity` records: a power of two of at least twice it.
    private static func indexSize(for capacity: Int) -> Int {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        return size
    }

    @inline(__always)
    private func home(of key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* KeyedTableHash.multiplier) >> indexShift) }

    /// The slab position of `key`, or nil.
    @inline(__always)
    func position(of key: UInt64) -> Int? {
        let fingerprint = key & 0xFFFF_FFFF_0000_0000
        var slot = home(of: key)
        while true {
            let entry = index[slot]
            if entry == 0 { return nil }
            if entry & 0xFFFF_FFFF_0000_0000 == fingerprint {
                let position = Int(entry & 0xFFFF_FFFF) - 1
                if slab[position].key == key { return position }
            }
            slot = (slot + 1) & indexMask
        }
    }

    /// Asks the processor to bring `key`'s record (the lines an event at `time` uses) into cache,
    /// without waiting for it and without changing anything: called a few events ahead, it
    /// overlaps the cache misses of the records to come. It reads only the index (the record's
    /// key is not checked: reading it would wait for the very miss being hidden).
    @inline(__always)
    func prefetch(_ key: UInt64, time: Int64) {
        let fingerprint = key & 0xFFFF_FFFF_0000_0000
        var slot = home(of: key)
        while true {
            let entry = index[slot]
            if entry == 0 { return }
            if entry & 0xFFFF_FFFF_0000_0000 == fingerprint {
                State.prefetch(UnsafeRawPointer(slab + (Int(entry & 0xFFFF_FFFF) - 1)), at: time)
                return
            }
            slot = (slot + 1) & indexMask
        }
    }

    /// Prefetches the lines of the record at `position` that an event at `time` will use.
    @inline(__always)
    func prefetchRecord(at position: Int, time: Int64) {
        State.prefetch(UnsafeRawPointer(slab + position), at: time)
    }

    /// The slab position of `key`'s record, created (first seen at `time`) when absent. It stays
    /// valid until the next insertion into this table.
    @inline(__always)
    func resolve(_ key: UInt64, time: Int64) -> Int {
        position(of: key) ?? insert(key, time: time)
    }

    /// Runs `body` on the record of `key`, creating it (first seen at `time`) when absent.
    @inline(__always)
    func withRecord<Result>(for key: UInt64, time: Int64, _ body: (inout State) -> Result) -> Result {
        if let position = position(of: key) {
            return body(&slab[position])
        }
        let position = insert(key, time: time)
        return body(&slab[position])
    }

    private func insert(_ key: UInt64, time: Int64) -> Int {
        let position: Int
        if count < maximumKeys {
            if count == slabCapacity { growSlab() }
            position = count
            count += 1
            (slab + position).initialize(to: State(key: key, time: time))
        } else {
            position = victim()
            removeFromIndex(slab[position].key)
            slab[position] = State(key: key, time: time)
            evictions += 1
        }
        var slot = home(of: key)
        while index[slot] != 0 { slot = (slot + 1) & indexMask }
        index[slot] = (key & 0xFFFF_FFFF_0000_0000) | UInt64(position + 1)
        return position
    }

    private func victim() -> Int {
        var best = clockHand
        for step in 0..<8 {
            let candidate = (clockHand + step) % count
            if slab[candidate].lastSeen < slab[best].lastSeen { best = candidate }
        }
        clockHand = (clockHand + 8) % count
        return best
    }

    private func removeFromIndex(_ key: UInt64) {
        var slot = home(of: key)
        while true {
            let entry = index[slot]
            precondition(entry != 0, "evicted key missing from the index")
            if entry & 0xFFFF_FFFF_0000_0000 == key & 0xFFFF_FFFF_0000_0000,
               slab[Int(entry & 0xFFFF_FFFF) - 1].key == key { break }
            slot = (slot + 1) & indexMask
        }
        // Backward-shift deletion keeps every probe chain unbroken.
        var hole = slot
        var next = (hole + 1) & indexMask
        while index[next] != 0 {
            let entryHome = home(of: slab[Int(index[next] & 0xFFFF_FFFF) - 1].key)
            if (next - entryHome) & indexMask >= (next - hole) & indexMask {
                index[hole] = index[next]
                hole = next
            }
            next = (next + 1) & indexMask
        }
        index[hole] = 0
    }

    private func growSlab() {
        let newCapacity = min(slabCapacity * 2, maximumKeys)
        let newSlab = UnsafeMutablePointer<State>.allocate(capacity: newCapacity)
        newSlab.moveInitialize(from: slab, count: count)
        // Touch the free half now: its page faults are taken here, in this one rare call, rather
        // than one in every eight or so of the insertions to come (measured: first-seen keys were
        // the slowest tenth of `score` calls). It only commits memory the table has reserved.
        memset(newSlab + count, 0, (newCapacity - count) * MemoryLayout<State>.stride)
        slab.deallocate()
        slab = newSlab
        slabCapacity = newCapacity
        rebuildIndex(size: Self.indexSize(for: newCapacity))
    }

    /// Replaces the index with one of `size` slots holding every record of the slab.
    private func rebuildIndex(size: Int) {
        index.deallocate()
        indexMask = size - 1
        indexShift = UInt64(64 - size.trailingZeroBitCount)
        index = .allocate(capacity: size)
        index.initialize(repeating: 0, count: size)
        indexLocation.publish(index, shift: indexShift)
        for position in 0..<count {
            let key = slab[position].key
            var slot = home(of: key)
            while index[slot] != 0 { slot = (slot + 1) & indexMask }
            index[slot] = (key & 0xFFFF_FFFF_0000_0000) | UInt64(position + 1)
        }
    }
}
