import CacheHints

/// Prefetch hints over byte ranges: every 64-byte cache line the range touches.
enum CacheLines {
    static let size = 64

    /// Asks for the lines of `bytes` bytes at `start` ahead of reading them.
    @inline(__always)
    static func prefetch(forReading start: UnsafeRawPointer, bytes: Int) {
        var line = UInt(bitPattern: start) & ~UInt(size - 1)
        let end = UInt(bitPattern: start) &+ UInt(bytes)
        while line < end {
            riskscore_prefetch_for_read(UnsafeRawPointer(bitPattern: line))
            line &+= UInt(size)
        }
    }

    /// Asks for the lines of `bytes` bytes at `start` ahead of writing them.
    @inline(__always)
    static func prefetch(forWriting start: UnsafeRawPointer, bytes: Int) {
        var line = UInt(bitPattern: start) & ~UInt(size - 1)
        let end = UInt(bitPattern: start) &+ UInt(bytes)
        while line < end {
            riskscore_prefetch_for_write(UnsafeRawPointer(bitPattern: line))
            line &+= UInt(size)
        }
    }
}
