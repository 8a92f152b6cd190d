/// Why a CSV header and column mapping could not be used.
public struct CSVConfigurationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong, e.g. `no column "CUSTOMER_ID" in the header`.
    public var reason: String

    /// Creates an error with a reason.
    public init(_ reason: String) { self.reason = reason }

    /// The reason.
    public var description: String { reason }
}
