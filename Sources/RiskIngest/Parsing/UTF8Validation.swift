/// Validates UTF-8 over raw bytes, skipping ASCII runs 64, 32 and 8 bytes at a time.
enum UTF8Validation {
    /// The offset of the first byte that starts an invalid or truncated UTF-8 sequence (overlong
    /// forms, surrogates and values above U+10FFFF are invalid), or nil when all are valid.
    static func firstInvalidByte(_ bytes: UnsafeRawBufferPointer) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        let count = bytes.count
        var index = 0
        while index < count {
            // Sixty-four ASCII bytes at a time (eight words, one test), then thirty-two, then
            // eight. (Offsets within a buffer in memory cannot overflow an Int: wrapping adds.)
            while index &+ 64 <= count {
                var words = base.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                for offset in stride(from: 8, to: 64, by: 8) {
                    words |= base.loadUnaligned(fromByteOffset: index &+ offset, as: UInt64.self)
                }
                guard words & 0x8080_8080_8080_8080 == 0 else { break }
                index &+= 64
            }
            while index &+ 32 <= count {
                let words = base.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                    | base.loadUnaligned(fromByteOffset: index + 8, as: UInt64.self)
                    | base.loadUnaligned(fromByteOffset: index + 16, as: UInt64.self)
                    | base.loadUnaligned(fromByteOffset: index + 24, as: UInt64.self)
                guard words & 0x8080_8080_8080_8080 == 0 else { break }
                index &+= 32
            }
            while index &+ 8 <= count,
                  base.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                index &+= 8
            }
            guard index < count else { break }
            // Fewer than eight bytes left: when they are ASCII, so is the line's last word.
            if count - index < 8, count >= 8,
               base.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                break
            }
            let lead = base.load(fromByteOffset: index, as: UInt8.self)
            if lead < 0x80 {
                index += 1
                continue
            }
            let continuation: Int
            var secondLow: UInt8 = 0x80
            var secondHigh: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: continuation = 1
            case 0xE0: continuation = 2; secondLow = 0xA0
            case 0xED: continuation = 2; secondHigh = 0x9F
            case 0xE1...0xEF: continuation = 2
            case 0xF0: continuation = 3; secondLow = 0x90
            case 0xF4: continuation = 3; secondHigh = 0x8F
            case 0xF1...0xF3: continuation = 3
            default: return index
            }
            guard index + continuation < count else { return index }
            let second = base.load(fromByteOffset: index + 1, as: UInt8.self)
            guard second >= secondLow, second <= secondHigh else { return index }
            var offset = 2
            while offset <= continuation {
                guard base.load(fromByteOffset: index + offset, as: UInt8.self) & 0xC0 == 0x80 else { return index }
                offset += 1
            }
            index += continuation + 1
        }
        return nil
    }
}
