import RiskIO

extension ByteCursor {
    /// Appends an amount given in minor units as a decimal string of major units with exactly
    /// `minorDigits` fraction digits (`1234`, 2 → `12.34`; `5`, 2 → `0.05`; `1234`, 0 → `1234`).
    mutating func appendAmount(minorUnits: Int64, minorDigits: Int) {
        if minorUnits < 0 { append(0x2D) }
        let magnitude = minorUnits.magnitude
        var scale: UInt64 = 1
        for _ in 0..<minorDigits { scale *= 10 }
        appendPaddedDecimal(magnitude / scale, width: 1)
        if minorDigits > 0 {
            append(0x2E)
            appendPaddedDecimal(magnitude % scale, width: minorDigits)
        }
    }

    /// Appends a merchant id text: `M` and at least four digits (`M0042`).
    @inline(__always)
    mutating func appendMerchantText(_ index: Int) {
        append(0x4D)
        appendPaddedDecimal(UInt64(index), width: 4)
    }

    /// Appends a terminal id text: `T` and at least five digits (`T00042`).
    @inline(__always)
    mutating func appendTerminalText(_ index: Int) {
        append(0x54)
        appendPaddedDecimal(UInt64(index), width: 5)
    }

    /// Appends the raw UTF-8 bytes of `text` (at most `text.utf8.count` bytes).
    mutating func appendUTF8(_ text: String) {
        for byte in text.utf8 { append(byte) }
    }

    /// Appends `text` as a JSON string literal, escaping quotes, backslashes and control
    /// characters (at most `6 * text.utf8.count + 2` bytes).
    mutating func appendJSONString(_ text: String) {
        append(0x22)
        for byte in text.utf8 {
            switch byte {
            case 0x22, 0x5C:
                append(0x5C)
                append(byte)
            case 0..<0x20:
                appendASCII("\\u00")
                let hex: StaticString = "0123456789abcdef"
                append(hex.utf8Start[Int(byte >> 4)])
                append(hex.utf8Start[Int(byte & 0xF)])
            default:
                append(byte)
            }
        }
        append(0x22)
    }
}

/// Zeros copied into the reserved tail of a buffer (one memcpy, fast even in debug builds).
private let zeroBytes = [UInt8](repeating: 0, count: 2048)

extension Array where Element == UInt8 {
    /// Reserves `maxBytes` at the end of the array, lets `body` write through a cursor, and
    /// keeps exactly the bytes written.
    @inline(__always)
    mutating func appendWithCursor(maxBytes: Int, _ body: (inout ByteCursor) -> Void) {
        let start = count
        if maxBytes <= zeroBytes.count {
            zeroBytes.withUnsafeBufferPointer { append(contentsOf: UnsafeBufferPointer(rebasing: $0[0..<maxBytes])) }
        } else {
            append(contentsOf: repeatElement(0, count: maxBytes))
        }
        let written = withUnsafeMutableBufferPointer { buffer -> Int in
            let base = buffer.baseAddress! + start
            var cursor = ByteCursor(position: base)
            body(&cursor)
            return cursor.position - base
        }
        precondition(written <= maxBytes, "record longer than its reserved bytes")
        removeLast(maxBytes - written)
    }

    /// Appends `value` in decimal, left-padded with zeros to at least `width` digits.
    mutating func appendPaddedDecimal(_ value: UInt64, width: Int) {
        appendWithCursor(maxBytes: Swift.max(width, 20)) { $0.appendPaddedDecimal(value, width: width) }
    }

    /// Appends a merchant id text (`M0042`).
    mutating func appendMerchantText(_ index: Int) {
        appendWithCursor(maxBytes: 24) { $0.appendMerchantText(index) }
    }

    /// Appends a terminal id text (`T00042`).
    mutating func appendTerminalText(_ index: Int) {
        appendWithCursor(maxBytes: 24) { $0.appendTerminalText(index) }
    }
}
