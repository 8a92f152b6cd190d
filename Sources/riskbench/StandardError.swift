#if canImport(Glibc)
import Glibc
#endif

/// Standard error as a `TextOutputStream`, for progress messages.
struct StandardError: TextOutputStream {
    mutating func write(_ string: String) {
        var text = string
        text.withUTF8 { bytes in _ = Glibc.write(STDERR_FILENO, bytes.baseAddress, bytes.count) }
    }
}
