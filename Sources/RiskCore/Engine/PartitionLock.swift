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

    init(_ value: Value) {
        self.value = .allocate(capacity: 1)
        self.value.initialize(to: value)
        mutex = .allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
        value.deinitialize(count: 1)
        value.deallocate()
    }

    /// Takes the lock; the caller must ``unlock()`` it and may use ``lockedValue`` meanwhile.
    /// For code that holds several locks at once and must not copy its result out of nested
    /// closures (the scoring path); everything else uses ``withLock(_:)``.
    @inline(__always)
    func lock() { pthread_mutex_lock(mutex) }

    /// Releases the lock taken with ``lock()``.
    @inline(__always)
    func unlock() { pthread_mutex_unlock(mutex) }

    /// The value, to be used only between ``lock()`` and ``unlock()``.
    @inline(__always)
    var lockedValue: UnsafeMutablePointer<Value> { value }

    /// Runs `body` with the value while holding the lock.
    @inline(__always)
    func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body(&value.pointee)
    }
}
