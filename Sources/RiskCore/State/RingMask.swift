/// Occupancy masks of rings whose slot is `index % bitWidth`: bit `index & (bitWidth - 1)` stands
/// for the index, exactly as long as the indices held lie within `bitWidth` consecutive ones.
/// The minute windows use 64-bit masks, the day ring 32-bit ones.
enum RingMask<Bits: FixedWidthInteger & UnsignedInteger> {
    /// The bits of the `count` indices `first, first + 1, …` (`count` in 0...bitWidth), wrapping.
    @inline(__always)
    static func run<Index: BinaryInteger>(from first: Index, count: Index) -> Bits {
        guard count > 0 else { return 0 }
        guard count < Bits.bitWidth else { return ~0 }
        let bits = (Bits(1) &<< Bits(count)) &- 1
        let shift = Bits(truncatingIfNeeded: first) & Bits(Bits.bitWidth - 1)
        return (bits &<< shift) | (bits &>> ((Bits(Bits.bitWidth) &- shift) & Bits(Bits.bitWidth - 1)))
    }

    /// The bit of one index.
    @inline(__always)
    static func bit<Index: BinaryInteger>(_ index: Index) -> Bits {
        Bits(1) &<< (Bits(truncatingIfNeeded: index) & Bits(Bits.bitWidth - 1))
    }
}
