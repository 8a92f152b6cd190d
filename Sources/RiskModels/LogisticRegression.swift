import Foundation

/// A logistic-regression model: margin = `intercept + Σ weights[i] · x[i]`.
///
/// A missing input (`Double.nan`) contributes nothing (as if its value were 0). The JSON form is
/// `{"type":"logistic_regression","features":["a","b"],"weights":[0.5,-1.2],"intercept":-3.1}`.
public struct LogisticRegression: ScoringModel {
    /// The name of each input slot. After ``bind(to:)`` this is the schema.
    public let featureNames: [String]
    /// The weight of each input slot (0 for schema slots the model does not use).
    public let weights: [Double]
    /// The margin when every input is 0 or missing.
    public let intercept: Double
    /// Where the model came from.
    public let source: String

    /// The number of input slots a feature vector must provide.
    public var inputCount: Int { featureNames.count }

    /// Creates a model from its parameters.
    ///
    /// - Throws: ``ModelLoadError/malformed(source:reason:)`` if the counts differ, a name
    ///   repeats or a parameter is not finite.
    public init(features: [String], weights: [Double], intercept: Double, source: String = "logistic_regression") throws {
        guard features.count == weights.count else {
            throw ModelLoadError.malformed(source: source, reason: "\(features.count) features but \(weights.count) weights")
        }
        guard Set(features).count == features.count else {
            throw ModelLoadError.malformed(source: source, reason: "a feature name repeats")
        }
        guard intercept.isFinite, let bad = Optional(weights.firstIndex { !$0.isFinite }), bad == nil else {
            throw ModelLoadError.malformed(source: source, reason: "weights and intercept must be finite numbers")
        }
        self.featureNames = features
        self.weights = weights
        self.intercept = intercept
        self.source = source
    }

    private init(bound: [String], weights: [Double], intercept: Double, source: String) {
        self.featureNames = bound
        self.weights = weights
        self.intercept = intercept
        self.source = source
    }

    /// Loads the JSON form from a file.
    ///
    /// - Throws: ``ModelLoadError`` naming the file and what is wrong.
    public static func load(contentsOf url: URL) throws -> LogisticRegression {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw ModelLoadError.unreadable(source: url.path, reason: "\(error.localizedDescription)")
        }
        return try LogisticRegression(json: data, source: url.path)
    }

    /// Parses the JSON form; `type` must be `"logistic_regression"`.
    ///
    /// - Throws: ``ModelLoadError`` naming `source` and what is wrong.
    public init(json data: Data, source: String) throws {
        struct File: Decodable {
            var type: String
            var features: [String]
            var weights: [Double]
            var intercept: Double
        }
        let file: File
        do {
            file = try JSONDecoder().decode(File.self, from: data)
        } catch let error as DecodingError {
            throw ModelLoadError.malformed(source: source, reason: "not a logistic_regression model: \(describe(error))")
        } catch {
            throw ModelLoadError.malformed(source: source, reason: "not valid JSON: \(error)")
        }
        guard file.type == "logistic_regression" else {
            throw ModelLoadError.unsupported(source: source, reason: "type '\(file.type)' (expected logistic_regression)")
        }
        try self.init(features: file.features, weights: file.weights, intercept: file.intercept, source: source)
    }

    /// The margin `intercept + Σ weights[i] · x[i]`, skipping missing inputs. Does not allocate.
    public func margin(_ x: UnsafeBufferPointer<Double>) -> Double {
        precondition(x.count >= inputCount, "feature vector has \(x.count) values, model needs \(inputCount)")
        var sum = intercept
        weights.withUnsafeBufferPointer { w in
            for i in 0..<w.count where !x[i].isNaN {
                sum += w[i] * x[i]
            }
        }
        return sum
    }

    /// The logistic function of `margin`.
    public func probability(margin: Double) -> Double {
        sigmoid(margin)
    }

    /// Writes `weights[i] · x[i]` (0 when missing) per slot and returns the intercept.
    public func contributions(_ x: UnsafeBufferPointer<Double>, into out: UnsafeMutableBufferPointer<Double>) -> Double {
        precondition(x.count >= inputCount, "feature vector has \(x.count) values, model needs \(inputCount)")
        precondition(out.count >= inputCount, "output has \(out.count) slots, model needs \(inputCount)")
        weights.withUnsafeBufferPointer { w in
            for i in 0..<w.count {
                out[i] = x[i].isNaN ? 0 : w[i] * x[i]
            }
        }
        return intercept
    }

    /// Returns a copy whose weights sit at the positions of `schema` (0 elsewhere).
    ///
    /// - Throws: ``ModelLoadError/featureNotInSchema(source:feature:)`` naming the first model
    ///   feature absent from `schema`, or ``ModelLoadError/duplicateSchemaFeature(source:feature:)``.
    public func bind(to schema: [String]) throws -> LogisticRegression {
        let positions = try SchemaMapping.indices(of: featureNames, in: schema, source: source)
        var bound = [Double](repeating: 0, count: schema.count)
        for (i, p) in positions.enumerated() { bound[Int(p)] = weights[i] }
        return LogisticRegression(bound: schema, weights: bound, intercept: intercept, source: source)
    }
}
