#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A failed system call on a file or standard stream, with the `errno` it set.
public struct IOError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The operation that failed, e.g. `"open"`, `"read"`, `"rename"`.
    public let operation: String
    /// The path involved (`"-"` for standard input or output).
    public let path: String
    /// The `errno` value.
    public let errno: Int32

    /// Creates an error value.
    ///
    /// - Parameters:
    ///   - operation: The operation that failed.
    ///   - path: The path involved.
    ///   - errno: The `errno` value.
    public init(operation: String, path: String, errno: Int32) {
        self.operation = operation
        self.path = path
        self.errno = errno
    }

    /// The system's message for ``errno`` (`strerror`).
    public var message: String { String(cString: strerror(errno)) }

    /// A one-line human-readable description.
    public var description: String { "\(operation) \(path): \(message)" }
}
