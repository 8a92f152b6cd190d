import Foundation
import RiskModels
import Yams

extension Policy {
    /// Compiles the optional `model:` section of a policy:
    ///
    /// ```yaml
    /// model: { path: default-model.json, review: 0.6, decline: 0.9, weight: 100 }
    /// ```
    ///
    /// `path` is relative to the policy file's directory (absolute paths are kept); the format
    /// (XGBoost JSON, LightGBM text, logistic-regression JSON) is recognised from the content.
    /// `review` and `decline` are probabilities (defaults 0.5 and 0.9), `weight` the points at
    /// probability 1 (default 100). The model is bound to ``FeatureSchema/names``: a model
    /// feature the engine does not compute fails the load and names the feature.
    static func compileModel(_ node: Node?, file: String) throws(PolicyError) -> PolicyModel? {
        guard let node else { return nil }
        func fail(_ message: String, at place: Node? = nil) -> PolicyError {
            PolicyError(file: file, line: (place ?? node).mark?.line ?? 0, column: (place ?? node).mark?.column ?? 0, message: message)
        }
        guard let mapping = node.mapping else { throw fail("'model' must be a mapping {path, review, decline, weight}") }
        for key in mapping.keys {
            guard let name = key.string, ["path", "review", "decline", "weight"].contains(name) else {
                throw fail("unknown key '\(key.string ?? "")' in 'model' (path, review, decline, weight)", at: key)
            }
        }
        guard let pathNode = mapping["path"], let relative = pathNode.string, !relative.isEmpty else {
            throw fail("'model' needs a 'path' to the model file")
        }
        let review = try modelNumber(mapping["review"], default: 0.5, key: "model.review", file: file)
        let decline = try modelNumber(mapping["decline"], default: 0.9, key: "model.decline", file: file)
        let weight = try modelNumber(mapping["weight"], default: 100, key: "model.weight", file: file)
        guard review <= decline else { throw fail("the model's review probability (\(review)) is above its decline probability (\(decline))") }
        guard weight >= 0 else { throw fail("'model.weight' must not be negative", at: mapping["weight"]) }
        let path = resolve(relative, besidePolicy: file)
        do {
            let model = try RiskModel.load(contentsOf: URL(fileURLWithPath: path))
            return try PolicyModel(model: model, path: path, reviewProbability: review, declineProbability: decline, weight: weight)
        } catch {
            throw fail("model: \(error)", at: pathNode)
        }
    }

    /// `path` relative to the directory of the policy file `file` (the current directory for a
    /// policy parsed from a string without a path).
    static func resolve(_ path: String, besidePolicy file: String) -> String {
        guard !path.hasPrefix("/"), let slash = file.lastIndex(of: "/") else { return path }
        return String(file[...slash]) + path
    }

    private static func modelNumber(_ node: Node?, default value: Double, key: String, file: String) throws(PolicyError) -> Double {
        guard let node else { return value }
        guard let text = node.string, let number = Double(text), number.isFinite else {
            throw PolicyError(file: file, line: node.mark?.line ?? 0, column: node.mark?.column ?? 0, message: "'\(key)' must be a number")
        }
        return number
    }
}
