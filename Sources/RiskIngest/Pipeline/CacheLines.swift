import CacheHints

/// Prefetch hints over byte ranges: every 64-byte cache line the range touches.
enum CacheLines {
    static let size = 64

    /// Asks for the lines of `bytes` bytes at `start` ahead of reading them.
    @inline(__always)
    static func prefetch(forReading start: UnsafeRawPointer, bytes: Int) {
        forEachLine(from: start, bytes: bytes) { riskscore_prefetch_for_read($0) }
    }

    /// Asks for the lines of `bytes` bytes at `start` ahead of writing them.
    @inline(__always)
    static func prefetch(forWriting start: UnsafeRawPointer, bytes: Int) {
        forEachLine(from: start, bytes: bytes) { riskscore_prefetch_for_write($0) }
    }

    /// Calls `hint` with the start of every line that `bytes` bytes at `start` touch.
    @inline(__always)
    private static func forEachLine(from start: UnsafeRawPointer, bytes: Int, _ hint: (UnsafeRawPointer?) -> Void) {
        var line = UInt(bitPattern: start) & ~UInt(size - 1)
        let end = UInt(bitPattern: start) &+ UInt(bytes)
        while line < end {
            hint(UnsafeRawPointer(bitPattern: line))
            line &+= UInt(size)
        }
    }
}
