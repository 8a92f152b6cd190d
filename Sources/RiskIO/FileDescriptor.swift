#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Thin POSIX helpers for the byte path: retry on `EINTR`, loop on short writes, map failures
/// to ``IOError``.
enum FileDescriptor {
    /// The path spelling for standard input / standard output.
    static let standardStreamPath = "-"

    /// Opens `path` with `flags`, retrying on `EINTR`.
    static func openFile(_ path: String, flags: Int32, mode: mode_t = 0o666) throws(IOError) -> Int32 {
        while true {
            let fd = open(path, flags | O_CLOEXEC, mode)
            if fd >= 0 { return fd }
            if errno != EINTR { throw IOError(operation: "open", path: path, errno: errno) }
        }
    }

    /// Reads at most `buffer.count` bytes; returns 0 at end of file.
    static func readSome(_ fd: Int32, into buffer: UnsafeMutableRawBufferPointer, path: String) throws(IOError) -> Int {
        guard buffer.count > 0 else { return 0 }
        while true {
            let n = read(fd, buffer.baseAddress, buffer.count)
            if n >= 0 { return n }
            if errno != EINTR { throw IOError(operation: "read", path: path, errno: errno) }
        }
    }

    /// Reads until `buffer` is full or end of file; returns the number of bytes read.
    static func readFully(_ fd: Int32, into buffer: UnsafeMutableRawBufferPointer, path: String) throws(IOError) -> Int {
        var total = 0
        while total < buffer.count {
            let n = try readSome(fd, into: UnsafeMutableRawBufferPointer(rebasing: buffer[total...]), path: path)
            if n == 0 { break }
            total += n
        }
        return total
    }

    /// Writes all of `bytes`, looping over short writes.
    static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer, path: String) throws(IOError) {
        guard let base = bytes.baseAddress else { return }
        var offset = 0
        while offset < bytes.count {
            let n = write(fd, base + offset, bytes.count - offset)
            if n >= 0 {
                offset += n
            } else if errno != EINTR {
                throw IOError(operation: "write", path: path, errno: errno)
            }
        }
    }

    /// The size of a regular file, or `nil` for pipes, terminals and other streams.
    static func regularFileSize(_ fd: Int32) -> Int64? {
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Int64(info.st_size)
    }

    /// Closes `fd`, ignoring `EINTR` (on Linux the descriptor is released regardless).
    static func closeFile(_ fd: Int32) {
        _ = close(fd)
    }
}
