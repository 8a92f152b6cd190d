import Testing
@testable import RiskModels

@Suite("Binding model features to a schema")
struct BindingTests {
    /// The fixture features reversed, with two unrelated columns mixed in.
    static func shuffledSchema(_ names: [String]) -> [String] {
        var schema = Array(names.reversed())
        schema.insert("unused_a", at: 3)
        schema.append("unused_b")
        return schema
    }

    static func reorder(_ row: [Double], names: [String], to schema: [String]) -> [Double] {
        schema.map { name in names.firstIndex(of: name).map { row[$0] } ?? 12345 }
    }

    @Test("a bound model gives the same margins on reordered inputs", arguments: ["xgb_small.json", "lgb_small.txt"])
    func boundMatches(file: String) throws {
        let model = try RiskModel.load(contentsOf: Fixtures.url(file))
        let (names, rows) = try Fixtures.inputs()
        let schema = Self.shuffledSchema(names)
        let bound = try model.bind(to: schema)
        #expect(bound.featureNames == schema)
        #expect(bound.inputCount == schema.count)
        for row in rows {
            let x = Self.reorder(row, names: names, to: schema)
            #expect(bound.margin(x) == model.margin(row))
        }
    }

    @Test("contributions of a bound model land on schema positions")
    func boundContributions() throws {
        let model = try TreeEnsemble.loadLightGBM(contentsOf: Fixtures.url("lgb_small.txt"))
        let (names, rows) = try Fixtures.inputs()
        let schema = Self.shuffledSchema(names)
        let bound = try model.bind(to: schema)
        let original = model.contributions(rows[5])
        let remapped = bound.contributions(Self.reorder(rows[5], names: names, to: schema))
        #expect(remapped.bias == original.bias)
        for (j, name) in names.enumerated() {
            #expect(remapped.values[schema.firstIndex(of: name)!] == original.values[j])
        }
        #expect(remapped.values[schema.firstIndex(of: "unused_a")!] == 0)
    }

    @Test("a model feature missing from the schema fails, naming the feature")
    func missingFeature() throws {
        let model = try TreeEnsemble.loadXGBoost(contentsOf: Fixtures.url("xgb_small.json"))
        let (names, _) = try Fixtures.inputs()
        let schema = names.filter { $0 != "merchant_risk" }
        let error = #expect(throws: ModelLoadError.self) { try model.bind(to: schema) }
        #expect(error == .featureNotInSchema(source: model.source, feature: "merchant_risk"))
        #expect(error?.description.contains("'merchant_risk'") == true)
    }

    @Test("a schema naming a feature twice is rejected")
    func duplicateSchema() throws {
        let model = try LogisticRegression(features: ["a"], weights: [1], intercept: 0)
        #expect(throws: ModelLoadError.duplicateSchemaFeature(source: "logistic_regression", feature: "a")) {
            try model.bind(to: ["a", "b", "a"])
        }
    }
}
