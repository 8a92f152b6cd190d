/// Eight-bytes-at-a-time (SWAR) classifiers over little-endian `UInt64` words of input.
///
/// Each returns a mask with bit 7 of a byte set when that byte is of the class asked about
/// (exact in every byte unless the doc says otherwise), so `mask.trailingZeroBitCount >> 3` is
/// the offset of the first such byte in the word and `mask == 0` means none.
enum ByteWords {
    static let ones: UInt64 = 0x0101_0101_0101_0101
    static let highs: UInt64 = 0x8080_8080_8080_8080

    /// The bytes that end a plain run of JSON string text: a quote, a backslash or a byte below
    /// 0x20. Only the lowest flagged byte is exact: bytes above it may be flagged spuriously
    /// (borrows of the has-zero-byte trick), so use it to find the first one only.
    @inline(__always)
    static func stringSpecials(_ word: UInt64) -> UInt64 {
        let quotes = word ^ (ones &* 0x22)
        let backslashes = word ^ (ones &* 0x5C)
        let zeroQuote = (quotes &- ones) & ~quotes
        let zeroBackslash = (backslashes &- ones) & ~backslashes
        let control = (word &- ones &* 0x20) & ~word
        return (zeroQuote | zeroBackslash | control) & highs
    }

    /// The bytes that are not ASCII digits `0`...`9` (exact in every byte: no carry crosses a
    /// byte because the sums are taken over the low seven bits).
    @inline(__always)
    static func nonDigits(_ word: UInt64) -> UInt64 {
        let low = word & ~highs
        let atLeast0 = low &+ (ones &* 0x50)   // bit 7 set when low >= 0x30
        let above9 = low &+ (ones &* 0x46)     // bit 7 set when low >= 0x3A
        return (word | ~atLeast0 | above9) & highs
    }

    /// The value of eight ASCII digits (the first byte is the most significant digit); the
    /// caller has checked that they are digits.
    @inline(__always)
    static func eightDigits(_ word: UInt64) -> UInt64 {
        // Pairwise combining: 8 × 1 digit → 4 × 2 digits → 2 × 4 digits → 1 × 8 digits.
        var value = word &- ones &* 0x30
        value = (value &* 10 &+ (value >> 8)) & 0x00FF_00FF_00FF_00FF
        value = (value &* 100 &+ (value >> 16)) & 0x0000_FFFF_0000_FFFF
        return (value &* 10_000 &+ (value >> 32)) & 0xFFFF_FFFF
    }

    /// `word` with only its lowest `count` (0...8) bytes kept.
    @inline(__always)
    static func lowBytes(_ word: UInt64, _ count: Int) -> UInt64 {
        count >= 8 ? word : word & ((1 &<< UInt64(count &* 8)) &- 1)
    }
}
