/// Recognises the first bytes of a zstd stream.
public enum ZstdMagic {
    /// The little-endian magic number that starts every zstd frame: bytes `28 B5 2F FD`.
    public static let frame: UInt32 = 0xFD2F_B528

    /// Returns `true` when `prefix` starts with a zstd frame magic number or a zstd skippable
    /// frame magic number (`0x184D2A50`…`0x184D2A5F`).
    ///
    /// - Parameter prefix: The first bytes of a stream; fewer than 4 bytes never match.
    public static func matches(_ prefix: UnsafeRawBufferPointer) -> Bool {
        guard prefix.count >= 4 else { return false }
        let value = UInt32(prefix[0]) | UInt32(prefix[1]) << 8 | UInt32(prefix[2]) << 16 | UInt32(prefix[3]) << 24
        return value == frame || (value & 0xFFFF_FFF0) == 0x184D_2A50
    }
}
