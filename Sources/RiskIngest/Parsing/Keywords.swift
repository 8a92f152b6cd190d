import RiskCore

/// Byte-level, case-insensitive readers for the schema's keyword fields. They accept the same
/// names as the `init?(name:)` initialisers of the RiskCore types, without building a `String`.
enum Keywords {
    /// Whether `bytes` equal the lower-case ASCII `literal`, ignoring ASCII case.
    ///
    /// Compares whole words: a literal holds only lower-case letters, digits and `_`, so a byte
    /// matches a letter of the literal when it equals it once bit 0x20 is set (the upper-case
    /// letter, or the letter itself), and any other byte of the literal exactly.
    @inline(__always)
    static func matches(_ bytes: UnsafeRawBufferPointer, _ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard bytes.count == count else { return false }
        let name = UnsafeRawPointer(literal.utf8Start)
        @inline(__always) func same<Word: FixedWidthInteger>(_: Word.Type, at offset: Int) -> Bool {
            let word = bytes.loadUnaligned(fromByteOffset: offset, as: Word.self)
            let expected = name.loadUnaligned(fromByteOffset: offset, as: Word.self)
            // 0x20 in each byte of the literal that is a letter (0x61...0x7A have 0x40 and 0x20 set).
            let letters = (expected >> 1) & expected & Word(truncatingIfNeeded: 0x2020_2020_2020_2020 as UInt64)
            return word | letters == expected
        }
        switch count {
        case 0: return true
        case 1: return same(UInt8.self, at: 0)
        case 2...3: return same(UInt16.self, at: 0) && same(UInt16.self, at: count - 2)
        case 4...7: return same(UInt32.self, at: 0) && same(UInt32.self, at: count - 4)
        default:
            var offset = 0
            while offset + 8 < count {
                guard same(UInt64.self, at: offset) else { return false }
                offset += 8
            }
            return same(UInt64.self, at: count - 8)
        }
    }

    /// The kinds of record a line can carry.
    enum RecordKind { case transaction, feedback, status }
}
