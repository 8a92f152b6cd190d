/// Decoders for escaped field text: JSON backslash escapes and CSV doubled quotes.
enum EscapedText {
    /// The largest escaped value that is decoded (in the scratch buffer on the stack).
    static let scratchCapacity = 1024

    /// Decodes the body of a JSON string (between the quotes) into `output`, which must be at
    /// least as long as `input` (decoding never lengthens). Returns the decoded length, or nil
    /// for an invalid escape (an unpaired surrogate or a malformed `\u`).
    static func unescapeJSON(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) -> Int? {
        var read = 0
        var written = 0
        let count = input.count
        while read < count {
            let byte = input[read]
            guard byte == UInt8(ascii: "\\") else {
                output[written] = byte
                written += 1
                read += 1
                continue
            }
            guard read + 1 < count else { return nil }
            let escape = input[read + 1]
            read += 2
            let decoded: UInt8
            switch escape {
            case UInt8(ascii: "\""): decoded = 0x22
            case UInt8(ascii: "\\"): decoded = 0x5C
            case UInt8(ascii: "/"): decoded = 0x2F
            case UInt8(ascii: "b"): decoded = 0x08
            case UInt8(ascii: "f"): decoded = 0x0C
            case UInt8(ascii: "n"): decoded = 0x0A
            case UInt8(ascii: "r"): decoded = 0x0D
            case UInt8(ascii: "t"): decoded = 0x09
            case UInt8(ascii: "u"):
                guard var scalar = hex4(input, at: read) else { return nil }
                read += 4
                if scalar >= 0xD800, scalar <= 0xDBFF {
                    guard read + 6 <= count, input[read] == UInt8(ascii: "\\"), input[read + 1] == UInt8(ascii: "u"),
                          let low = hex4(input, at: read + 2), low >= 0xDC00, low <= 0xDFFF
                    else { return nil }
                    read += 6
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                } else if scalar >= 0xDC00, scalar <= 0xDFFF {
                    return nil
                }
                written += encodeUTF8(scalar, into: output, at: written)
                continue
            default:
                return nil
            }
            output[written] = decoded
            written += 1
        }
        return written
    }

    /// Decodes the body of a quoted CSV field (between the quotes), collapsing `""` into `"`.
    static func unescapeCSV(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) -> Int {
        var read = 0
        var written = 0
        while read < input.count {
            let byte = input[read]
            output[written] = byte
            written += 1
            read += byte == UInt8(ascii: "\"") ? 2 : 1
        }
        return written
    }

    /// Reads four hex digits at `index`.
    @inline(__always)
    static func hex4(_ input: UnsafeRawBufferPointer, at index: Int) -> UInt32? {
        guard index + 4 <= input.count else { return nil }
        var value: UInt32 = 0
        for offset in 0..<4 {
            guard let digit = hexValue(input[index + offset]) else { return nil }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    /// The value of one hex digit.
    @inline(__always)
    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: byte - 0x30
        case 0x41...0x46: byte - 0x41 + 10
        case 0x61...0x66: byte - 0x61 + 10
        default: nil
        }
    }

    /// Writes a scalar as UTF-8; returns the number of bytes written.
    @inline(__always)
    static func encodeUTF8(_ scalar: UInt32, into output: UnsafeMutableRawBufferPointer, at index: Int) -> Int {
        switch scalar {
        case 0..<0x80:
            output[index] = UInt8(scalar)
            return 1
        case 0x80..<0x800:
            output[index] = UInt8(0xC0 | scalar >> 6)
            output[index + 1] = UInt8(0x80 | scalar & 0x3F)
            return 2
        case 0x800..<0x10000:
            output[index] = UInt8(0xE0 | scalar >> 12)
            output[index + 1] = UInt8(0x80 | scalar >> 6 & 0x3F)
            output[index + 2] = UInt8(0x80 | scalar & 0x3F)
            return 3
        default:
            output[index] = UInt8(0xF0 | scalar >> 18)
            output[index + 1] = UInt8(0x80 | scalar >> 12 & 0x3F)
            output[index + 2] = UInt8(0x80 | scalar >> 6 & 0x3F)
            output[index + 3] = UInt8(0x80 | scalar & 0x3F)
            return 4
        }
    }
}
