#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RiskIO

/// Cuts the decompressed bytes of a ``ByteSource`` into lines.
///
/// A line that lies within one chunk is handed out in place (no copy); a line split across
/// chunks is assembled in a carry buffer of ``RecordParser/maximumLineLength`` + 1 bytes. A line
/// longer than ``RecordParser/maximumLineLength`` (not counting its `\r\n` or `\n`) is skipped
/// up to its newline without being buffered and reported as ``Cut/overlong(length:)``. A
/// trailing `\r` is removed; a final line without a newline is still a line.
final class LineCutter {
    /// One cut.
    enum Cut {
        /// A line without its terminator; valid until the next call to ``next(from:)``.
        case line(UnsafeRawBufferPointer)
        /// A line that was too long; `length` is its length in bytes.
        case overlong(length: Int)
    }

    private let maximum = RecordParser.maximumLineLength
    private let carry: UnsafeMutableRawBufferPointer
    private var carryCount = 0
    private var discarding = false
    private var discarded = 0
    private var chunk = UnsafeRawBufferPointer(start: nil, count: 0)
    private var cursor = 0
    private var atEnd = false

    init() {
        carry = .allocate(byteCount: RecordParser.maximumLineLength + 1, alignment: 16)
    }

    deinit { carry.deallocate() }

    /// Forgets the current input (before starting the next one).
    func reset() {
        carryCount = 0
        discarding = false
        discarded = 0
        chunk = UnsafeRawBufferPointer(start: nil, count: 0)
        cursor = 0
        atEnd = false
    }

    /// The next line of `source`, or `nil` at its end. Errors of the source propagate; the
    /// partial line before a damaged stream is dropped.
    func next(from source: ByteSource) throws -> Cut? {
        while true {
            if cursor < chunk.count, let base = chunk.baseAddress {
                let rest = chunk.count - cursor
                if let found = memchr(base + cursor, Int32(UInt8(ascii: "\n")), rest) {
                    let end = UnsafeRawPointer(found) - base
                    let piece = UnsafeRawBufferPointer(start: base + cursor, count: end - cursor)
                    cursor = end + 1
                    return finishLine(with: piece)
                }
                take(UnsafeRawBufferPointer(start: base + cursor, count: rest))
                cursor = chunk.count
            }
            if atEnd { return finishFile() }
            if let next = try source.next() {
                chunk = next
                cursor = 0
            } else {
                atEnd = true
            }
        }
    }

    /// Ends the line whose last piece (before the newline) is `piece`.
    private func finishLine(with piece: UnsafeRawBufferPointer) -> Cut {
        if discarding {
            let length = discarded + piece.count
            discarding = false
            discarded = 0
            return .overlong(length: length - (Self.endsWithCR(piece) ? 1 : 0))
        }
        if carryCount == 0 {
            return cut(piece)
        }
        take(piece)
        if discarding {
            let length = discarded
            discarding = false
            discarded = 0
            return .overlong(length: length - (Self.endsWithCR(piece) ? 1 : 0))
        }
        let line = UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(carry)[0..<carryCount])
        carryCount = 0
        return cut(line)
    }

    /// The end of the input: the last line if it had no newline.
    private func finishFile() -> Cut? {
        if discarding {
            discarding = false
            return .overlong(length: discarded)
        }
        guard carryCount > 0 else { return nil }
        let line = UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(carry)[0..<carryCount])
        carryCount = 0
        return cut(line)
    }

    /// Strips a trailing `\r` and checks the length.
    @inline(__always)
    private func cut(_ raw: UnsafeRawBufferPointer) -> Cut {
        let line = Self.endsWithCR(raw) ? UnsafeRawBufferPointer(rebasing: raw[0..<(raw.count - 1)]) : raw
        return line.count > maximum ? .overlong(length: line.count) : .line(line)
    }

    /// Appends part of an unfinished line to the carry, or starts discarding when it cannot fit.
    private func take(_ bytes: UnsafeRawBufferPointer) {
        if discarding {
            discarded += bytes.count
        } else if carryCount + bytes.count > carry.count {
            discarding = true
            discarded = carryCount + bytes.count
            carryCount = 0
        } else if !bytes.isEmpty {
            (carry.baseAddress! + carryCount).copyMemory(from: bytes.baseAddress!, byteCount: bytes.count)
            carryCount += bytes.count
        }
    }

    @inline(__always)
    private static func endsWithCR(_ bytes: UnsafeRawBufferPointer) -> Bool {
        bytes.count > 0 && bytes[bytes.count - 1] == UInt8(ascii: "\r")
    }
}
