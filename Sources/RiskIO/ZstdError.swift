import CZstd

/// An error reported by ``ZstdDecoder`` or ``ZstdEncoder``.
///
/// Decoding errors carry the offset in the *compressed* stream at which the damage was
/// detected, so a caller can say "input.zst is damaged at byte 1,234,567" instead of just
/// "decompression failed". Everything decoded before that point has already been delivered
/// by the time the error is thrown.
public struct ZstdError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: Sendable, Equatable {
        /// The input ended in the middle of a frame.
        case truncated
        /// zstd rejected the compressed data (bad header, corrupt block, checksum mismatch, …).
        case corrupt
        /// zstd failed while compressing, or rejected a compression parameter.
        case compression
        /// zstd could not allocate a compression or decompression context.
        case contextCreation
    }

    /// What went wrong.
    public let kind: Kind

    /// For decoding errors: the offset in the compressed stream where the damage was detected.
    /// For compression errors: the number of compressed bytes produced before the failure.
    public let compressedOffset: Int64

    /// zstd's error code (`ZSTD_ErrorCode` raw value); `ZSTD_error_srcSize_wrong` for a truncated stream.
    public let code: Int

    /// zstd's name for the error (`ZSTD_getErrorName`), e.g. `"Data corruption detected"`.
    public let zstdErrorName: String

    /// Creates an error value.
    ///
    /// - Parameters:
    ///   - kind: What went wrong.
    ///   - compressedOffset: The compressed byte offset where the problem was detected.
    ///   - code: zstd's error code.
    ///   - zstdErrorName: zstd's name for the error.
    public init(kind: Kind, compressedOffset: Int64, code: Int, zstdErrorName: String) {
        self.kind = kind
        self.compressedOffset = compressedOffset
        self.code = code
        self.zstdErrorName = zstdErrorName
    }

    /// A one-line human-readable description.
    public var description: String {
        switch kind {
        case .truncated:
            return "zstd: truncated input: the stream ends inside a frame at compressed offset \(compressedOffset) (\(zstdErrorName))"
        case .corrupt:
            return "zstd: corrupt input detected at compressed offset \(compressedOffset): \(zstdErrorName)"
        case .compression:
            return "zstd: compression failed after \(compressedOffset) compressed bytes: \(zstdErrorName)"
        case .contextCreation:
            return "zstd: could not create a context: \(zstdErrorName)"
        }
    }

    /// Builds an error from a zstd function result for which `ZSTD_isError` is true.
    static func fromResult(_ result: Int, kind: Kind, offset: Int64) -> ZstdError {
        let raw = ZSTD_getErrorCode(result)
        return ZstdError(
            kind: kind,
            compressedOffset: offset,
            code: Int(raw.rawValue),
            zstdErrorName: String(cString: ZSTD_getErrorName(result))
        )
    }

    /// Builds an error from a zstd error code.
    static func fromCode(_ code: ZSTD_ErrorCode, kind: Kind, offset: Int64) -> ZstdError {
        ZstdError(
            kind: kind,
            compressedOffset: offset,
            code: Int(code.rawValue),
            zstdErrorName: String(cString: ZSTD_getErrorString(code))
        )
    }
}

/// `true` when a zstd function result denotes an error.
@inline(__always)
func zstdIsError(_ result: Int) -> Bool {
    ZSTD_isError(result) != 0
}
