/// A record's id text as it will be echoed into JSON output: up to ``capacity`` bytes held
/// inline (no allocation), already escaped for a JSON string.
///
/// NDJSON ids are kept as written (the text between the quotes of a string, or a number's
/// digits); CSV ids have doubled quotes undone and `"`, `\` and control characters escaped.
public struct RecordID: Sendable {
    /// The most bytes an id may take once escaped; longer ids make the record a rejection.
    public static let capacity = 64

    /// The bytes; only the first ``count`` are meaningful.
    public private(set) var storage: InlineArray<64, UInt8>
    /// The number of bytes held.
    public private(set) var count: Int

    /// An empty id.
    public init() {
        storage = InlineArray(repeating: 0)
        count = 0
    }

    /// The id text of a parsed line: `range` within `line`, as ``ParsedRecord/idRange`` gives it.
    ///
    /// - Returns: `nil` when the escaped text is longer than ``capacity`` bytes.
    public init?(line: UnsafeRawBufferPointer, range: Range<Int>, csv: Bool) {
        self.init()
        if !csv {
            // NDJSON id text is kept as written: one copy, no per-byte loop.
            guard range.count <= Self.capacity else { return nil }
            guard !range.isEmpty, let base = line.baseAddress else { return }
            withUnsafeMutableBytes(of: &storage) { bytes in
                bytes.baseAddress!.copyMemory(from: base + range.lowerBound, byteCount: range.count)
            }
            count = range.count
            return
        }
        // CSV: doubled quotes undone, then JSON-escaped.
        var index = range.lowerBound
        while index < range.upperBound {
            let byte = line[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""):
                if index < range.upperBound, line[index] == UInt8(ascii: "\"") { index += 1 }
                guard append(UInt8(ascii: "\\")), append(byte) else { return nil }
            case UInt8(ascii: "\\"):
                guard append(byte), append(byte) else { return nil }
            case 0..<0x20:
                guard append(UInt8(ascii: "\\")), append(UInt8(ascii: "u")), append(UInt8(ascii: "0")),
                      append(UInt8(ascii: "0")), append(Self.hexDigit(byte >> 4)), append(Self.hexDigit(byte & 15)) else { return nil }
            default:
                guard append(byte) else { return nil }
            }
        }
    }

    @inline(__always)
    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
    }

    @inline(__always)
    private mutating func append(_ byte: UInt8) -> Bool {
        guard count < Self.capacity else { return false }
        storage[count] = byte
        count += 1
        return true
    }

    /// Calls `body` with the id's bytes.
    @inlinable
    public func withBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try withUnsafeBytes(of: storage) { all in
            try body(UnsafeRawBufferPointer(rebasing: all[0..<count]))
        }
    }

    /// The id as a string (for tests and messages).
    public var text: String { withBytes { String(decoding: $0, as: UTF8.self) } }
}
