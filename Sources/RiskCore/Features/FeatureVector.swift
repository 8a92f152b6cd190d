/// The feature values of one transaction, indexed by ``Feature``: a flat inline array that lives
/// on the stack or inside a pipeline slot, never on the heap.
public struct FeatureVector: Sendable {
    /// Capacity of the inline storage (at least ``FeatureSchema/count``).
    public static let capacity = 72

    /// The values, in schema order; slots past ``FeatureSchema/count`` are unused.
    public var values: InlineArray<72, Double>

    /// A vector of zeros.
    @inlinable
    public init() { values = InlineArray(repeating: 0) }

    /// The value of a feature.
    @inlinable
    public subscript(feature: Feature) -> Double {
        @inline(__always) get { values[feature.rawValue] }
        @inline(__always) set { values[feature.rawValue] = newValue }
    }

    /// Runs `body` over a pointer to the values in schema order, without copying them.
    @inlinable
    public mutating func withUnsafeMutableValues<Result>(_ body: (UnsafeMutablePointer<Double>) throws -> Result) rethrows -> Result {
        try withUnsafeMutableBytes(of: &values) { raw in
            try body(raw.baseAddress!.assumingMemoryBound(to: Double.self))
        }
    }

    /// Runs `body` over the values in schema order (for models and export), without copying.
    @inlinable
    public func withUnsafeValues<Result>(_ body: (UnsafeBufferPointer<Double>) throws -> Result) rethrows -> Result {
        try withUnsafeBytes(of: values) { raw in
            try body(UnsafeBufferPointer(start: raw.baseAddress!.assumingMemoryBound(to: Double.self), count: FeatureSchema.count))
        }
    }
}
