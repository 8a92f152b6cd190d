/// SipHash-2-4: a keyed 64-bit hash used for card, terminal and merchant keys.
///
/// Swift's `Hasher` is seeded per process, which would make shard routing and stored keys differ
/// between runs. RiskScore needs the same key for the same card in every run (rescoring months
/// later must reproduce the same state), so it uses SipHash with an explicit 128-bit key.
public struct SipHashKey: Sendable, Hashable {
    /// First half of the 128-bit key.
    public var k0: UInt64
    /// Second half of the 128-bit key.
    public var k1: UInt64

    /// Creates a key from its two 64-bit halves.
    public init(k0: UInt64, k1: UInt64) {
        self.k0 = k0
        self.k1 = k1
    }

    /// The key used for card numbers when the deployment does not configure its own secret.
    ///
    /// Production deployments should configure a secret key so that stored card hashes cannot
    /// be matched against a dictionary of card numbers.
    public static let defaultCardKey = SipHashKey(k0: 0x5269_736B_5363_6F72, k1: 0x6543_6172_644B_6579)

    /// The key used for merchant and terminal identifiers (not secret: they are not sensitive).
    public static let entityKey = SipHashKey(k0: 0x456E_7469_7479_4B65, k1: 0x7952_6973_6B53_636F)

    /// Hashes raw bytes with SipHash-2-4.
    @inlinable
    public func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var v0: UInt64 = 0x736f_6d65_7073_6575 ^ k0
        var v1: UInt64 = 0x646f_7261_6e64_6f6d ^ k1
        var v2: UInt64 = 0x6c79_6765_6e65_7261 ^ k0
        var v3: UInt64 = 0x7465_6462_7974_6573 ^ k1

        @inline(__always)
        func round() {
            v0 &+= v1; v1 = (v1 << 13) | (v1 >> 51); v1 ^= v0; v0 = (v0 << 32) | (v0 >> 32)
            v2 &+= v3; v3 = (v3 << 16) | (v3 >> 48); v3 ^= v2
            v0 &+= v3; v3 = (v3 << 21) | (v3 >> 43); v3 ^= v0
            v2 &+= v1; v1 = (v1 << 17) | (v1 >> 47); v1 ^= v2; v2 = (v2 << 32) | (v2 >> 32)
        }

        let count = bytes.count
        var offset = 0
        while offset + 8 <= count {
            let m = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            v3 ^= m
            round(); round()
            v0 ^= m
            offset += 8
        }
        // The last 0...7 bytes, little-endian, under the length byte: one load that ends at the
        // last byte when the input has a whole word, else loads of four, two and one bytes.
        var last = UInt64(truncatingIfNeeded: count) << 56
        let remaining = count - offset
        if remaining > 0, count >= 8 {
            let word = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self))
            last |= word >> UInt64(64 - remaining * 8)
        } else if remaining > 0 {
            var shift: UInt64 = 0
            if remaining & 4 != 0 {
                last |= UInt64(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self)))
                shift = 32
                offset += 4
            }
            if remaining & 2 != 0 {
                last |= UInt64(UInt16(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt16.self))) << shift
                shift += 16
                offset += 2
            }
            if remaining & 1 != 0 {
                last |= UInt64(bytes[offset]) << shift
            }
        }
        v3 ^= last
        round(); round()
        v0 ^= last
        v2 ^= 0xff
        round(); round(); round(); round()
        return v0 ^ v1 ^ v2 ^ v3
    }

    /// Hashes the UTF-8 bytes of a string.
    public func hash(_ string: String) -> UInt64 {
        var copy = string
        return copy.withUTF8 { hash(UnsafeRawBufferPointer($0)) }
    }
}
