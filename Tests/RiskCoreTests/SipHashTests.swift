import RiskCore
import Testing

@Suite("SipHash")
struct SipHashTests {
    /// SipHash-2-4 as specified, one byte at a time: the definition the word loads must match.
    func reference(_ key: SipHashKey, _ bytes: [UInt8]) -> UInt64 {
        var v0: UInt64 = 0x736f_6d65_7073_6575 ^ key.k0
        var v1: UInt64 = 0x646f_7261_6e64_6f6d ^ key.k1
        var v2: UInt64 = 0x6c79_6765_6e65_7261 ^ key.k0
        var v3: UInt64 = 0x7465_6462_7974_6573 ^ key.k1
        func rotate(_ value: UInt64, _ bits: UInt64) -> UInt64 { (value << bits) | (value >> (64 - bits)) }
        func round() {
            v0 &+= v1; v1 = rotate(v1, 13); v1 ^= v0; v0 = rotate(v0, 32)
            v2 &+= v3; v3 = rotate(v3, 16); v3 ^= v2
            v0 &+= v3; v3 = rotate(v3, 21); v3 ^= v0
            v2 &+= v1; v1 = rotate(v1, 17); v1 ^= v2; v2 = rotate(v2, 32)
        }
        var blocks = bytes
        let padding = 7 - bytes.count % 8
        blocks += Array(repeating: 0, count: padding) + [UInt8(truncatingIfNeeded: bytes.count)]
        for start in stride(from: 0, to: blocks.count, by: 8) {
            let m = (0..<8).reduce(UInt64(0)) { $0 | UInt64(blocks[start + $1]) << (8 * UInt64($1)) }
            v3 ^= m
            round(); round()
            v0 ^= m
        }
        v2 ^= 0xff
        round(); round(); round(); round()
        return v0 ^ v1 ^ v2 ^ v3
    }

    @Test("the reference vectors of the SipHash paper (key 00...0f, message 00, 01, ...)")
    func paperVectors() {
        let key = SipHashKey(k0: 0x0706_0504_0302_0100, k1: 0x0F0E_0D0C_0B0A_0908)
        let empty: [UInt8] = []
        #expect(empty.withUnsafeBytes { key.hash($0) } == 0x726F_DB47_DD0E_0E31)
        let fifteen = (0..<15).map { UInt8($0) }
        #expect(fifteen.withUnsafeBytes { key.hash($0) } == 0xA129_CA61_49BE_45E5)
        for length in 0...64 {
            let message = (0..<length).map { UInt8($0) }
            #expect(message.withUnsafeBytes { key.hash($0) } == reference(key, message), "\(length)")
        }
    }

    @Test("every length and alignment agrees with the byte-by-byte definition")
    func lengthsAndAlignments() {
        var generator = SystemRandomNumberGenerator()
        let buffer = (0..<96).map { _ in UInt8.random(in: 0...255, using: &generator) }
        for key in [SipHashKey.defaultCardKey, SipHashKey.entityKey] {
            for start in 0..<8 {
                for length in 0...40 {
                    let slice = Array(buffer[start..<(start + length)])
                    let hashed = buffer.withUnsafeBytes { key.hash(UnsafeRawBufferPointer(rebasing: $0[start..<(start + length)])) }
                    #expect(hashed == reference(key, slice), "\(start) \(length)")
                }
            }
        }
    }
}
