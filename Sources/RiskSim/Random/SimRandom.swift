/// SplitMix64: a tiny 64-bit generator, used here only to expand a seed into the state of
/// ``SimRandom``.
///
/// The sequence is fully determined by the seed (Steele, Lea and Flood, 2014).
public struct SplitMix64: RandomNumberGenerator, Sendable, Hashable {
    /// The generator's state; it advances by the golden-ratio increment at every call.
    public var state: UInt64

    /// Creates a generator that starts from `seed`.
    public init(seed: UInt64) { state = seed }

    /// Returns the next 64 random bits.
    @inlinable
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// The simulator's seeded random number generator: xoshiro256** (Blackman and Vigna), seeded
/// through ``SplitMix64``.
///
/// Every random choice of the traffic generator comes from one of these, so the same seed always
/// produces the same traffic on every platform. (`SystemRandomNumberGenerator` and `Hasher` are
/// seeded per process and are never used.)
public struct SimRandom: RandomNumberGenerator, Sendable, Hashable {
    @usableFromInline var s0: UInt64
    @usableFromInline var s1: UInt64
    @usableFromInline var s2: UInt64
    @usableFromInline var s3: UInt64

    /// Creates a generator for `seed`; `stream` selects an independent sequence for the same seed.
    public init(seed: UInt64, stream: UInt64 = 0) {
        var mixer = SplitMix64(seed: seed ^ (stream &* 0xD1B5_4A32_D192_ED03))
        s0 = mixer.next()
        s1 = mixer.next()
        s2 = mixer.next()
        s3 = mixer.next()
    }

    /// Returns the next 64 random bits.
    @inlinable
    public mutating func next() -> UInt64 {
        let result = rotate(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = rotate(s3, 45)
        return result
    }

    @inlinable @inline(__always)
    func rotate(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 &- k)) }
}
