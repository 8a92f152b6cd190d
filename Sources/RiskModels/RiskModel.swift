import Foundation

/// Any model this library can load: a tree ensemble or a logistic regression.
///
/// ``load(contentsOf:)`` recognises the file format from its content. Binding and evaluation
/// forward to the wrapped model.
public enum RiskModel: ScoringModel {
    /// An XGBoost or LightGBM tree ensemble.
    case treeEnsemble(TreeEnsemble)
    /// A logistic regression.
    case logisticRegression(LogisticRegression)

    /// Loads a model file, recognising XGBoost JSON (a `learner` object), the logistic-regression
    /// JSON (`"type":"logistic_regression"`) and LightGBM text (`tree` / `version=` header).
    ///
    /// - Throws: ``ModelLoadError`` naming the file and what is wrong.
    public static func load(contentsOf url: URL) throws -> RiskModel {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw ModelLoadError.unreadable(source: url.path, reason: "\(error.localizedDescription)")
        }
        return try RiskModel(data: data, source: url.path)
    }

    /// Recognises and parses a model held in memory.
    ///
    /// - Throws: ``ModelLoadError`` naming `source` and what is wrong.
    public init(data: Data, source: String) throws {
        let first = data.first { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09) }
        if first == UInt8(ascii: "{") {
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
            if object?["learner"] != nil {
                self = .treeEnsemble(try TreeEnsemble(xgboostJSON: data, source: source))
            } else if object?["type"] as? String == "logistic_regression" {
                self = .logisticRegression(try LogisticRegression(json: data, source: source))
            } else {
                throw ModelLoadError.malformed(source: source, reason: "JSON is neither an XGBoost model nor a logistic_regression model")
            }
            return
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ModelLoadError.malformed(source: source, reason: "neither JSON nor UTF-8 text")
        }
        self = .treeEnsemble(try TreeEnsemble(lightGBMText: text, source: source))
    }

    /// The model's input slot names.
    public var featureNames: [String] {
        switch self {
        case let .treeEnsemble(m): m.featureNames
        case let .logisticRegression(m): m.featureNames
        }
    }

    /// The number of input slots.
    public var inputCount: Int {
        switch self {
        case let .treeEnsemble(m): m.inputCount
        case let .logisticRegression(m): m.inputCount
        }
    }

    /// Where the model came from.
    public var source: String {
        switch self {
        case let .treeEnsemble(m): m.source
        case let .logisticRegression(m): m.source
        }
    }

    /// The wrapped model's margin.
    public func margin(_ x: UnsafeBufferPointer<Double>) -> Double {
        switch self {
        case let .treeEnsemble(m): m.margin(x)
        case let .logisticRegression(m): m.margin(x)
        }
    }

    /// The length of a trail for ``margin(_:trail:)`` (0 for models that keep none).
    public var trailLength: Int {
        switch self {
        case let .treeEnsemble(m): m.trailLength
        case .logisticRegression: 0
        }
    }

    /// The wrapped model's margin, recording a trail where the model keeps one (see
    /// ``TreeEnsemble/margin(_:trail:)``).
    public func margin(_ x: UnsafeBufferPointer<Double>, trail: UnsafeMutableBufferPointer<Int32>) -> Double {
        switch self {
        case let .treeEnsemble(m): m.margin(x, trail: trail)
        case let .logisticRegression(m): m.margin(x)
        }
    }

    /// The wrapped model's contributions from the trail ``margin(_:trail:)`` left for the same
    /// input (see ``TreeEnsemble/contributions(_:trail:into:)``); returns the bias.
    public func contributions(
        _ x: UnsafeBufferPointer<Double>, trail: UnsafeBufferPointer<Int32>, into out: UnsafeMutableBufferPointer<Double>
    ) -> Double {
        switch self {
        case let .treeEnsemble(m): m.contributions(x, trail: trail, into: out)
        case let .logisticRegression(m): m.contributions(x, into: out)
        }
    }

    /// The wrapped model's link function.
    public func probability(margin: Double) -> Double {
        switch self {
        case let .treeEnsemble(m): m.probability(margin: margin)
        case let .logisticRegression(m): m.probability(margin: margin)
        }
    }

    /// The wrapped model's contributions; returns the bias.
    public func contributions(_ x: UnsafeBufferPointer<Double>, into out: UnsafeMutableBufferPointer<Double>) -> Double {
        switch self {
        case let .treeEnsemble(m): m.contributions(x, into: out)
        case let .logisticRegression(m): m.contributions(x, into: out)
        }
    }

    /// The wrapped model bound to `schema`.
    ///
    /// - Throws: ``ModelLoadError/featureNotInSchema(source:feature:)`` naming the first missing feature.
    public func bind(to schema: [String]) throws -> RiskModel {
        switch self {
        case let .treeEnsemble(m): .treeEnsemble(try m.bind(to: schema))
        case let .logisticRegression(m): .logisticRegression(try m.bind(to: schema))
        }
    }
}
