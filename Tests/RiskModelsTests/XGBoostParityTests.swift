import Foundation
import Testing
@testable import RiskModels

@Suite("XGBoost parity with xgboost 3.2.0")
struct XGBoostParityTests {
    @Test("margins and probabilities match predict(output_margin=True) for every row", arguments: ["xgb_small", "xgb_bench"])
    func marginsMatch(model name: String) throws {
        let model = try TreeEnsemble.loadXGBoost(contentsOf: Fixtures.url("\(name).json"))
        let (names, rows) = try Fixtures.inputs()
        let expected = try Fixtures.predictions("\(name)_pred.csv")
        #expect(model.featureNames == names)
        #expect(model.format == .xgboost)
        #expect(rows.count > 200)
        var worst = 0.0
        for (i, row) in rows.enumerated() {
            let margin = model.margin(row)
            let diff = abs(margin - expected["margin"]![i])
            worst = max(worst, diff)
            #expect(diff <= 1e-6, "row \(i): swift \(margin) xgboost \(expected["margin"]![i])")
            #expect(abs(model.probability(row) - expected["probability"]![i]) <= 1e-6, "row \(i)")
        }
        #expect(worst <= 1e-6)
    }

    @Test("the small model has 30 trees and the bench model 100 trees of depth ≤ 6")
    func shapes() throws {
        let small = try TreeEnsemble.loadXGBoost(contentsOf: Fixtures.url("xgb_small.json"))
        let bench = try TreeEnsemble.loadXGBoost(contentsOf: Fixtures.url("xgb_bench.json"))
        #expect(small.treeCount == 30)
        #expect(bench.treeCount == 100)
        #expect(bench.leafCount == bench.splitCount + bench.treeCount)
        #expect(bench.splitCount <= 100 * 63)
    }

    @Test("base_score parses with and without brackets; the offset is its logit")
    func baseScore() throws {
        #expect(try TreeEnsemble.xgboostBaseMargin("5E-1", source: "t") == 0)
        #expect(try TreeEnsemble.xgboostBaseMargin("[5E-1]", source: "t") == 0)
        let m = try TreeEnsemble.xgboostBaseMargin("[2.9425E-1]", source: "t")
        #expect(abs(Double(m) - log(0.29425 / (1 - 0.29425))) < 1e-6)
        #expect(throws: ModelLoadError.self) { try TreeEnsemble.xgboostBaseMargin("[1.5]", source: "t") }
    }
}
