import Testing
@testable import RiskModels

@Suite("LightGBM parity with lightgbm 4.7.0")
struct LightGBMParityTests {
    let model: TreeEnsemble
    let names: [String]
    let rows: [[Double]]
    let expected: [String: [Double]]

    init() throws {
        model = try TreeEnsemble.loadLightGBM(contentsOf: Fixtures.url("lgb_small.txt"))
        (names, rows) = try Fixtures.inputs()
        expected = try Fixtures.predictions("lgb_small_pred.csv")
    }

    @Test("raw scores and probabilities match predict(raw_score=True) for every row")
    func marginsMatch() {
        #expect(model.featureNames == names)
        #expect(model.treeCount == 30)
        for (i, row) in rows.enumerated() {
            let margin = model.margin(row)
            #expect(abs(margin - expected["margin"]![i]) <= 1e-6, "row \(i): swift \(margin) lightgbm \(expected["margin"]![i])")
            #expect(abs(model.probability(row) - expected["probability"]![i]) <= 1e-6, "row \(i)")
        }
    }

    @Test("the model exercises categorical splits and every missing type")
    func coversAllSplitKinds() throws {
        let text = try String(contentsOf: Fixtures.url("lgb_small.txt"), encoding: .utf8)
        let types = Set(text.split(separator: "\n").filter { $0.hasPrefix("decision_type=") }
            .flatMap { $0.dropFirst("decision_type=".count).split(separator: " ").map { UInt8($0)! } })
        #expect(types.contains { $0 & 1 != 0 }, "categorical")
        #expect(types.contains { ($0 >> 2) & 3 == 2 }, "missing type NaN")
        #expect(types.contains { ($0 >> 2) & 3 == 0 && $0 & 1 == 0 }, "missing type none")
        #expect(model.categories.count > 0)
        #expect(model.lightGBMNodes.contains { $0.isCategorical })
    }

    @Test("the Saabas bias equals LightGBM's expected value (pred_contrib bias column)")
    func biasMatchesExpectedValue() {
        let bias = model.contributions(rows[0]).bias
        #expect(abs(bias - expected["bias"]![0]) <= 1e-9)
    }

    @Test("leaf values already hold the shrinkage: no rescaling is needed")
    func shrinkageFolded() throws {
        // Tree 1 has shrinkage=0.1 in the file; its leaves are used as written and the parity
        // test above passes, so the factor is already in leaf_value.
        let text = try String(contentsOf: Fixtures.url("lgb_small.txt"), encoding: .utf8)
        #expect(text.contains("shrinkage=0.1"))
    }
}
