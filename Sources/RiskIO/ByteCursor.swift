/// A write position in memory the caller has reserved beforehand: the allocation-free text
/// primitives of the record and decision writers. Writes are unchecked (no bounds checks, no
/// growth); the caller reserves room for the longest text it will write and reads the end back
/// from ``position``.
public struct ByteCursor {
    /// Where the next byte goes.
    public var position: UnsafeMutablePointer<UInt8>

    /// A cursor writing at `position`.
    @inlinable
    public init(position: UnsafeMutablePointer<UInt8>) { self.position = position }

    /// Appends one byte.
    @inlinable @inline(__always)
    public mutating func append(_ byte: UInt8) {
        position.pointee = byte
        position += 1
    }

    /// Appends the bytes of a static ASCII string.
    @inlinable @inline(__always)
    public mutating func appendASCII(_ text: StaticString) {
        let count = text.utf8CodeUnitCount
        position.update(from: text.utf8Start, count: count)
        position += count
    }

    /// Appends `bytes`.
    @inlinable @inline(__always)
    public mutating func append(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        UnsafeMutableRawPointer(position).copyMemory(from: base, byteCount: bytes.count)
        position += bytes.count
    }

    /// Appends `bytes`.
    @inlinable @inline(__always)
    public mutating func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { append($0) }
    }

    /// Appends `value` in decimal, left-padded with zeros to at least `width` digits (at most
    /// `max(width, 20)` bytes).
    @inlinable @inline(__always)
    public mutating func appendPaddedDecimal(_ value: UInt64, width: Int) {
        var digits = 1
        var scan = value
        while scan >= 10 {
            scan /= 10
            digits += 1
        }
        let total = Swift.max(width, digits)
        var rest = value
        var index = total - 1
        while index >= 0 {
            position[index] = 0x30 &+ UInt8(truncatingIfNeeded: rest % 10)
            rest /= 10
            index -= 1
        }
        position += total
    }

    /// Appends `value` in decimal (at most 20 bytes).
    @inlinable @inline(__always)
    public mutating func appendDecimal(_ value: UInt64) { appendPaddedDecimal(value, width: 1) }

    /// Appends `value` in decimal, with a minus sign when negative (at most 20 bytes).
    @inlinable @inline(__always)
    public mutating func appendDecimal(_ value: Int64) {
        if value < 0 { append(0x2D) }
        appendPaddedDecimal(value.magnitude, width: 1)
    }
}
