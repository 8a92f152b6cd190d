/// A write position in a byte buffer that the caller has made large enough beforehand: the
/// writers' hot path appends through it without bounds checks, growth or `Array` overhead.
///
/// The caller reserves room for the largest text it will write (``DecisionWriter`` bounds a
/// line before writing it) and reads the end position back from ``pointer``.
struct ByteCursor {
    /// Where the next byte goes.
    var pointer: UnsafeMutablePointer<UInt8>

    /// Writes one byte.
    @inline(__always)
    mutating func write(_ byte: UInt8) {
        pointer.pointee = byte
        pointer += 1
    }

    /// Writes the bytes of an ASCII literal.
    @inline(__always)
    mutating func write(_ text: StaticString) {
        let count = text.utf8CodeUnitCount
        pointer.update(from: text.utf8Start, count: count)
        pointer += count
    }

    /// Writes `bytes`.
    @inline(__always)
    mutating func write(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        UnsafeMutableRawPointer(pointer).copyMemory(from: base, byteCount: bytes.count)
        pointer += bytes.count
    }

    /// Writes `bytes`.
    @inline(__always)
    mutating func write(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { write($0) }
    }
}
