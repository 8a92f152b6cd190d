#if canImport(Glibc)
import Glibc
#endif

/// The process's resident set size, read from `/proc/self/statm` (Linux).
enum ResidentMemory {
    /// Resident bytes now, or nil where `/proc/self/statm` cannot be read.
    static func bytes() -> Int? {
        let fd = open("/proc/self/statm", O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 256)
        let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        guard count > 0 else { return nil }
        // Fields: size resident shared text lib data dt (in pages).
        var field = 0
        var value = 0
        for byte in buffer[0..<count] {
            if byte == 0x20 {
                if field == 1 { break }
                field += 1
                value = 0
            } else if byte >= 0x30 && byte <= 0x39 {
                value = value * 10 + Int(byte - 0x30)
            }
        }
        guard field == 1 else { return nil }
        return value * Int(sysconf(Int32(_SC_PAGESIZE)))
    }
}
