/// A model that turns a feature vector into a margin (raw log-odds), a probability and
/// per-feature contributions.
///
/// Inputs are `Double`s indexed by *input slot*; `Double.nan` means missing. A freshly loaded
/// model's input slots are its own features (``featureNames``); after ``bind(to:)`` they are the
/// caller's schema. Evaluation never allocates.
public protocol ScoringModel: Sendable {
    /// The name of each input slot, in order. After ``bind(to:)`` this is the schema.
    var featureNames: [String] { get }

    /// The number of input slots a feature vector must provide (`featureNames.count`).
    var inputCount: Int { get }

    /// Where the model came from (a file path or a caller-chosen label), used in error messages.
    var source: String { get }

    /// The raw score (log-odds) for one feature vector of at least ``inputCount`` values.
    func margin(_ x: UnsafeBufferPointer<Double>) -> Double

    /// Maps a margin to a probability with the model's link function.
    func probability(margin: Double) -> Double

    /// Writes the contribution of every input slot into `out` (at least ``inputCount`` slots;
    /// slots the model does not use get 0) and returns the bias, so that
    /// `bias + out.reduce(0, +)` equals ``margin(_:)`` up to rounding. Does not allocate.
    func contributions(_ x: UnsafeBufferPointer<Double>, into out: UnsafeMutableBufferPointer<Double>) -> Double

    /// Returns a copy of the model that reads its features from the positions of `schema`.
    ///
    /// Every feature the model uses must appear in `schema`; otherwise
    /// ``ModelLoadError/featureNotInSchema(source:feature:)`` names the first missing one.
    func bind(to schema: [String]) throws -> Self
}

extension ScoringModel {
    /// The probability for one feature vector: ``probability(margin:)`` of ``margin(_:)``.
    @inlinable
    public func probability(_ x: UnsafeBufferPointer<Double>) -> Double {
        probability(margin: margin(x))
    }

    /// The margin for a feature vector held in an array.
    @inlinable
    public func margin(_ x: [Double]) -> Double {
        x.withUnsafeBufferPointer { margin($0) }
    }

    /// The probability for a feature vector held in an array.
    @inlinable
    public func probability(_ x: [Double]) -> Double {
        x.withUnsafeBufferPointer { probability($0) }
    }

    /// Contributions for a feature vector held in an array: returns one value per input slot and
    /// the bias. Allocates the result; use ``contributions(_:into:)`` on hot paths.
    public func contributions(_ x: [Double]) -> (values: [Double], bias: Double) {
        var bias = 0.0
        let values = [Double](unsafeUninitializedCapacity: inputCount) { buffer, count in
            bias = x.withUnsafeBufferPointer { contributions($0, into: buffer) }
            count = inputCount
        }
        return (values, bias)
    }

    /// The `k` input slots with the largest absolute contribution for `x`, largest first;
    /// slots with a zero contribution are left out.
    public func topContributions(_ x: [Double], k: Int) -> [FeatureContribution] {
        let (values, _) = contributions(x)
        return FeatureContribution.top(k, of: values, names: featureNames)
    }
}
