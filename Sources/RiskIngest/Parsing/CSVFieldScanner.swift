/// Splits one CSV line into fields: RFC 4180 quoting (a quoted field may contain the delimiter,
/// and `""` stands for a quote), with blanks around fields ignored. Quoted fields that span
/// lines are not supported.
struct CSVFieldScanner {
    let bytes: UnsafeRawBufferPointer
    let delimiter: UInt8
    var index = 0
    var finished = false

    /// Creates a scanner over a line without its line terminator.
    init(_ bytes: UnsafeRawBufferPointer, delimiter: UInt8) {
        self.bytes = bytes
        self.delimiter = delimiter
    }

    /// The line without a trailing carriage return.
    @inline(__always)
    static func droppingCarriageReturn(_ line: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        guard let last = line.last, last == 0x0D else { return line }
        return UnsafeRawBufferPointer(rebasing: line[0..<(line.count - 1)])
    }

    @inline(__always)
    func isBlank(_ byte: UInt8) -> Bool {
        (byte == 0x20 || byte == 0x09) && byte != delimiter
    }

    /// The next field (its text: for a quoted field, between the quotes), or nil after the last.
    @inline(__always)
    mutating func next() throws(RecordError) -> FieldValue? {
        guard !finished else { return nil }
        let count = bytes.count
        var start = index
        while start < count, isBlank(bytes[start]) { start += 1 }
        if start < count, bytes[start] == UInt8(ascii: "\"") {
            return try quoted(from: start)
        }
        let cursor = Self.findByte(delimiter, in: bytes, from: start)
        var end = cursor
        while end > start, isBlank(bytes[end - 1]) { end -= 1 }
        if cursor == count {
            finished = true
        } else {
            index = cursor + 1
        }
        return FieldValue(start: start, end: end, kind: .text)
    }

    /// The offset of the first `target` byte at or after `start`, or `bytes.count`; it tests
    /// eight bytes at a time.
    @inline(__always)
    static func findByte(_ target: UInt8, in bytes: UnsafeRawBufferPointer, from start: Int) -> Int {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let pattern = ones &* UInt64(target)
        let count = bytes.count
        var cursor = start
        while cursor + 8 <= count {
            let word = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: cursor, as: UInt64.self)) ^ pattern
            let zeros = (word &- ones) & ~word & 0x8080_8080_8080_8080
            if zeros != 0 { return cursor + zeros.trailingZeroBitCount >> 3 }
            cursor += 8
        }
        while cursor < count, bytes[cursor] != target { cursor += 1 }
        return cursor
    }

    mutating func quoted(from quote: Int) throws(RecordError) -> FieldValue {
        let count = bytes.count
        var cursor = quote + 1
        var escaped = false
        while true {
            guard cursor < count else {
                throw RecordError("invalid CSV at byte \(quote + 1): unterminated quoted field (fields spanning lines are not supported)")
            }
            if bytes[cursor] == UInt8(ascii: "\"") {
                if cursor + 1 < count, bytes[cursor + 1] == UInt8(ascii: "\"") {
                    escaped = true
                    cursor += 2
                    continue
                }
                break
            }
            cursor += 1
        }
        let value = FieldValue(start: quote + 1, end: cursor, kind: escaped ? .csvEscaped : .text)
        cursor += 1
        while cursor < count, isBlank(bytes[cursor]) { cursor += 1 }
        if cursor == count {
            finished = true
        } else if bytes[cursor] == delimiter {
            index = cursor + 1
        } else {
            throw RecordError("invalid CSV at byte \(cursor + 1): expected a delimiter after a closing quote")
        }
        return value
    }
}
