#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A value guarded by a pthread mutex: one per state partition, so threads scoring different
/// cards rarely meet. (`Synchronization.Mutex` uses priority-inheritance futexes on Linux, which
/// measured slower under contention.)
final class Locked<Value>: @unchecked Sendable {
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    /// Out of line, so that handing it to `body` as `inout` needs no dynamic exclusivity check
    /// (the lock already makes the access exclusive).
    private let value: UnsafeMutablePointer<Value>

    /// The mutex and the value share one block of whole 128-byte units (the pair of lines the
    /// adjacent-line prefetcher moves together), so two partitions' locks never share a cache
    /// line: threads working on different partitions do not bounce each other's lines.
    private static var blockAlignment: Int { 128 }

    init(_ value: Value) {
        let alignment = max(MemoryLayout<Value>.alignment, MemoryLayout<pthread_mutex_t>.alignment)
        let valueOffset = (MemoryLayout<pthread_mutex_t>.stride + alignment - 1) / alignment * alignment
        let used = valueOffset + MemoryLayout<Value>.stride
        let block = UnsafeMutableRawPointer.allocate(
            byteCount: (used + Self.blockAlignment - 1) / Self.blockAlignment * Self.blockAlignment,
            alignment: Self.blockAlignment)
        mutex = block.initializeMemory(as: pthread_mutex_t.self, repeating: pthread_mutex_t(), count: 1)
        Self.initializeAdaptive(mutex)
        self.value = (block + valueOffset).initializeMemory(as: Value.self, repeating: value, count: 1)
    }

    /// Initializes `mutex` as glibc's adaptive mutex where there is one: a thread that finds it
    /// held spins briefly before sleeping, which suits critical sections of a microsecond or two
    /// (a futex sleep and wake-up cost several).
    private static func initializeAdaptive(_ mutex: UnsafeMutablePointer<pthread_mutex_t>) {
        #if canImport(Glibc)
        var attributes = pthread_mutexattr_t()
        pthread_mutexattr_init(&attributes)
        pthread_mutexattr_settype(&attributes, Int32(PTHREAD_MUTEX_ADAPTIVE_NP))
        pthread_mutex_init(mutex, &attributes)
        pthread_mutexattr_destroy(&attributes)
        #else
        pthread_mutex_init(mutex, nil)
        #endif
    }

    deinit {
        pthread_mutex_destroy(mutex)
        value.deinitialize(count: 1)
        UnsafeMutableRawPointer(mutex).deallocate()
    }

    /// The mutex and the value's address, for the scoring path (see ``LockedHandle``).
    var handle: LockedHandle<Value> { LockedHandle(mutex: mutex, value: value) }

    /// Runs `body` with the value while holding the lock.
    @inline(__always)
    func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body(&value.pointee)
    }
}

/// The mutex and value of a ``Locked``, as plain pointers: copying a handle out of an array and
/// locking through it touch no reference count, which the scoring path (three partitions per
/// call) measured at about 40 instructions per class reference it would otherwise retain and
/// release. Valid only while its ``Locked`` lives: the engine keeps both for its whole life.
struct LockedHandle<Value> {
    let mutex: UnsafeMutablePointer<pthread_mutex_t>
    /// The value, to be used only between ``lock()`` and ``unlock()``.
    let value: UnsafeMutablePointer<Value>

    /// Takes the lock; the caller must ``unlock()`` it and may use ``value`` meanwhile.
    @inline(__always)
    func lock() { pthread_mutex_lock(mutex) }

    /// Releases the lock taken with ``lock()``.
    @inline(__always)
    func unlock() { pthread_mutex_unlock(mutex) }
}

/// One partition as the scoring path reaches it: its lock handle and its partition object,
/// unretained (the engine owns both for its whole life). `@unchecked Sendable`: the pointers
/// lead only to state that is read or written with the partition's lock held.
struct PartitionRoute<Shard, Partition: AnyObject>: @unchecked Sendable {
    let shard: LockedHandle<Shard>
    let partition: Unmanaged<Partition>

    /// Runs `body` on the partition with its shard's lock held.
    @inline(__always)
    func withLockedPartition<Result>(_ body: (Partition) -> Result) -> Result {
        shard.lock()
        defer { shard.unlock() }
        return partition._withUnsafeGuaranteedRef(body)
    }

    init(_ locked: Locked<Shard>, partition: (Shard) -> Partition) {
        shard = locked.handle
        self.partition = .passUnretained(partition(locked.handle.value.pointee))
    }
}
