import RiskIO

/// An input that cannot be read any further: it cannot be opened, a read failed, its zstd
/// stream is corrupt or truncated, or its CSV header does not fit the column mapping.
///
/// Every record before the damage has been delivered by the time this error is thrown.
public struct InputError: Error, Sendable, CustomStringConvertible {
    /// The input's name as given (`-` for standard input).
    public var file: String
    /// For a damaged zstd stream, the compressed byte offset where the damage was detected.
    public var offset: Int64?
    /// What went wrong.
    public var message: String

    /// Creates an error.
    public init(file: String, offset: Int64? = nil, message: String) {
        self.file = file
        self.offset = offset
        self.message = message
    }

    /// Wraps an error thrown while opening or reading `file`.
    public init(file: String, underlying error: any Error) {
        self.file = file
        switch error {
        case let zstd as ZstdError:
            offset = zstd.compressedOffset
            switch zstd.kind {
            case .truncated:
                message = "truncated zstd stream: input ends inside a frame at compressed byte offset \(zstd.compressedOffset)"
            case .corrupt:
                message = "corrupt zstd stream at compressed byte offset \(zstd.compressedOffset): \(zstd.zstdErrorName)"
            default:
                message = zstd.description
            }
        case let io as IOError:
            offset = nil
            message = "\(io.operation) failed: \(io.message)"
        case let csv as CSVConfigurationError:
            offset = nil
            message = "CSV header: \(csv.reason)"
        default:
            offset = nil
            message = "\(error)"
        }
    }

    /// `FILE: MESSAGE`.
    public var description: String { "\(file): \(message)" }
}
