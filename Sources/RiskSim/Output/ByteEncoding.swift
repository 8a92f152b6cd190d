/// Allocation-free text encoding into a byte buffer: the primitives of the record writers.
extension Array where Element == UInt8 {
    /// Appends the bytes of a static ASCII string.
    @inline(__always)
    mutating func appendASCII(_ text: StaticString) {
        append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// Appends `value` in decimal, left-padded with zeros to at least `width` digits.
    mutating func appendPaddedDecimal(_ value: UInt64, width: Int) {
        var digits = 1
        var scan = value
        while scan >= 10 {
            scan /= 10
            digits += 1
        }
        let total = Swift.max(width, digits)
        let start = count
        append(contentsOf: repeatElement(0x30, count: total))
        var rest = value
        var index = start + total - 1
        while rest > 0 {
            self[index] = 0x30 &+ UInt8(truncatingIfNeeded: rest % 10)
            rest /= 10
            index -= 1
        }
    }

    /// Appends `value` in decimal.
    @inline(__always)
    mutating func appendDecimal(_ value: UInt64) { appendPaddedDecimal(value, width: 1) }

    /// Appends `value` in decimal, with a minus sign when negative.
    mutating func appendDecimal(_ value: Int64) {
        if value < 0 { append(0x2D) }
        appendPaddedDecimal(value.magnitude, width: 1)
    }

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
    mutating func appendMerchantText(_ index: Int) {
        append(0x4D)
        appendPaddedDecimal(UInt64(index), width: 4)
    }

    /// Appends a terminal id text: `T` and at least five digits (`T00042`).
    mutating func appendTerminalText(_ index: Int) {
        append(0x54)
        appendPaddedDecimal(UInt64(index), width: 5)
    }

    /// Appends `text` as a JSON string literal (quotes, backslashes and control characters
    /// escaped).
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
